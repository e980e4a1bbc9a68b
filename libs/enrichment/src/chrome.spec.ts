import {
  cleanHtmlPage,
  cleanTextPage,
  isAffiliateDisclosure,
  isEmbedConsent,
  isNoWarrantyNotice,
  isPaywallPrompt,
  isPromoLine,
} from './chrome';

const options = { title: null, siteName: null };

describe('chrome lines of feeds and wires', () => {
  it('removes the WordPress feed footer, donate boxes and editors’ notes, in several languages', () => {
    const html = [
      '<article>',
      '<p>The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.</p>',
      '<p>Editor’s note: This story was updated to add the vote count.</p>',
      '<p>The plan adds two berths and a rail link to the inland depot, and work will start in the autumn.</p>',
      '<p>Support our journalism: donate today and keep local news free for everyone.</p>',
      '<p>The post Harbour plan approved appeared first on Harbour Times.</p>',
      '<p>Der Beitrag Hafenplan beschlossen erschien zuerst auf Hafenzeitung.</p>',
      '</article>',
    ].join('');
    const cleaned = cleanHtmlPage(`<html><body>${html}</body></html>`, options);
    expect(cleaned.paragraphs).toEqual([
      'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
      'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn.',
    ]);
    expect(cleaned.removed.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['boilerplate', 'advertisement', 'footer']),
    );
  });

  it('keeps a paragraph that merely mentions a donation', () => {
    const text =
      'Harbour plan approved\n\nThe council approved the plan on Tuesday after a long debate, officials said.\n\nA local charity said it would donate boats to the new sailing school once the berths open next year.';
    const page = cleanTextPage(text, options);
    expect(page.paragraphs.at(-1)).toMatch(/^A local charity said it would donate boats/);
  });
});

describe('advertisement labels', () => {
  it.each(['- Anzeige -', '- Anzeige-', '[Werbung]', '(Advertisement)', '– Publicidad –', 'Anzeige'])(
    'removes %p set off by dashes or brackets inside the body',
    (label) => {
      const text = [
        'Harbour plan approved',
        'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
        label,
        'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn, the port said.',
      ].join('\n\n');
      const page = cleanTextPage(text, options);
      expect(page.paragraphs).not.toContain(label);
      expect(page.removed).toContainEqual({ kind: 'advertisement', text: label });
    },
  );

  it('keeps a sentence about advertising', () => {
    const text = [
      'Harbour plan approved',
      'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
      'Advertising on the quay will be banned from next year, the port said on Wednesday.',
    ].join('\n\n');
    expect(cleanTextPage(text, options).paragraphs).toContain(
      'Advertising on the quay will be banned from next year, the port said on Wednesday.',
    );
  });
});

describe('text-page cleaning for any layout', () => {
  it('keeps only headline → last paragraph, sending menus, lists and footers to removed with their kinds', () => {
    const text = [
      'Gazeta do Porto | Portada',
      'Início',
      'Política',
      'Economia',
      'Desporto',
      'Câmara aprova novo plano para o centro histórico',
      'Por Ana Matos, editora de Política',
      'A câmara municipal aprovou esta terça-feira um plano que restringe o trânsito no centro histórico a partir de março, anunciou o presidente.',
      'O plano inclui novas linhas de autocarros elétricos e a ampliação da rede de ciclovias da cidade.',
      'Leia também: Metro do Porto abre nova estação',
      'Os comerciantes pediram que a medida seja aplicada de forma gradual para não afetar as vendas.',
      'Partilhar',
      'Mais lidas',
      'Incêndio destrói armazém em Gaia',
      'Chuva forte esperada no fim de semana',
      '© 2026 Gazeta do Porto. Todos os direitos reservados.',
    ].join('\n');
    const page = cleanTextPage(text, options);
    expect(page.layout.title).toBe('Câmara aprova novo plano para o centro histórico');
    expect(page.layout.byline).toBe('Ana Matos');
    expect(page.layout.siteName).toBe('Gazeta do Porto');
    expect(page.paragraphs).toHaveLength(3);
    expect(page.paragraphs.join(' ')).not.toMatch(/Mais lidas|Incêndio|Partilhar|Desporto/);
    expect(page.relatedLinks).toEqual([{ title: 'Metro do Porto abre nova estação', url: null }]);
    const kinds = new Set(page.removed.map((r) => r.kind));
    for (const kind of ['banner', 'navigation', 'headline', 'related-link', 'footer'] as const)
      expect(kinds).toContain(kind);
  });
});

describe('text-page cleaning with the page address', () => {
  it('reads the page with its address: the headline the slug spells, not the teaser before the body', () => {
    const text = [
      'Valley Courier',
      'Bakery on Mill Street celebrates its hundredth year',
      'Region',
      'Sport',
      'Culture',
      'Weather',
      'Flood defences to be raised by a metre after a wet spring',
      'The bakery opened in 1926 and has been run by the same family for four generations, its owner said on Monday.',
      'Customers queued from early morning for a cake baked to the original recipe, which has not changed in a century.',
    ].join('\n');
    const url = 'https://valleycourier.example.com/region/bakery-on-mill-street-celebrates-hundredth-year/';
    const page = cleanTextPage(text, { ...options, url });
    expect(page.layout.title).toBe('Bakery on Mill Street celebrates its hundredth year');
    expect(page.paragraphs[0]).toMatch(/^The bakery opened in 1926/);
    expect(page.paragraphs.join(' ')).not.toMatch(/Flood defences|Weather/);
    expect(cleanTextPage(text, options).layout.title).toBe('Flood defences to be raised by a metre after a wet spring');
  });
});

describe('staff credits', () => {
  it('removes "<site name> <role>" lines of an author box, keeps prose naming the site', () => {
    const text = [
      'Harbour plan approved',
      'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
      'The Harbour Times reporter who covered the debate said the vote was closer than expected by most councillors.',
      'Lena Vogt',
      'Harbour Times Redakteurin',
      'Work on the new berths is due to start in the autumn, and the rail link should follow two years later.',
      'The port authority said it expected container traffic to double once both projects were finished.',
    ].join('\n\n');
    const page = cleanTextPage(text, { title: null, siteName: 'Harbour Times' });
    expect(page.paragraphs.join(' ')).not.toMatch(/Harbour Times Redakteurin/);
    expect(page.paragraphs.join(' ')).toMatch(/The Harbour Times reporter who covered/);
    expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'boilerplate', text: 'Harbour Times Redakteurin' }]));
  });
});

describe('the link after a standalone "read also" label', () => {
  const lead =
    'The harbour master closed the outer basin on Thursday morning after a storm tore two pontoons from their moorings.';
  const rest =
    'Crews expect to reopen the basin by Sunday, once divers have checked the chains and the anchors of every pontoon.';

  it('is removed as a related link with its label, in several languages', () => {
    for (const label of [
      'Leggi anche:',
      'Lea también',
      'Relacionados:',
      'Lesen Sie auch',
      'Related:',
      'Mehr zum Thema',
      'Keep Reading',
      'Sigue leyendo',
      'Continue lendo:',
      'Continua a leggere',
    ])
      for (const link of ['Ferry crossings cancelled as storm reaches the coast', 'Will the new sea wall hold?']) {
        const page = cleanTextPage(['Storm closes the outer basin', lead, label, link, rest].join('\n\n'), options);
        expect(page.paragraphs).toEqual([lead, rest]);
        expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'related-link', text: link }]));
        expect(page.relatedLinks.map((l) => l.title)).toContain(link);
      }
  });

  it('removes a "read here" label with its title on the same line, in several languages', () => {
    const title = 'Spielabbruch in der Kreisliga nach dem Sturm am Hafen';
    for (const label of ['Lesen Sie hier', 'Read here', 'Lisez ici', 'Lea aquí', 'Leia aqui', 'Leggi qui']) {
      const line = `${label}: ${title}`;
      const page = cleanTextPage(['Storm closes the outer basin', lead, line, rest].join('\n\n'), options);
      expect(page.paragraphs).toEqual([lead, rest]);
      expect(page.relatedLinks.map((l) => l.title)).toContain(title);
    }
  });

  it('keeps a sentence that asks to read here without a colon', () => {
    const sentence = 'Lesen Sie hier weiter, wie die Taucher die Ketten der Pontons prüfen wollen.';
    const page = cleanTextPage(['Storm closes the outer basin', lead, sentence, rest].join('\n\n'), options);
    expect(page.paragraphs).toEqual([lead, sentence, rest]);
  });

  it('keeps a sentence after the label: it is the article going on', () => {
    const sentence = 'Divers will check the chains of every pontoon.';
    const page = cleanTextPage(
      ['Storm closes the outer basin', lead, 'Read more:', sentence, rest].join('\n\n'),
      options,
    );
    expect(page.paragraphs).toEqual([lead, sentence, rest]);
  });
});

describe('licence notices', () => {
  const lead =
    'The harbour museum reopened on Saturday with a new hall for the old pilot boats and a café on the roof terrace.';

  it('are removed as footer, in several languages', () => {
    for (const notice of [
      'Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.',
      'Content is available under CC BY-SA 4.0 unless otherwise noted; see the licence page.',
      'Este sitio está bajo una licencia Creative Commons Atribución 4.0.',
    ]) {
      const page = cleanTextPage(['Harbour museum reopens', lead, notice].join('\n\n'), options);
      expect(page.paragraphs).toEqual([lead]);
      expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'footer', text: notice }]));
    }
  });

  it('keep prose about Creative Commons that names no licence', () => {
    const prose = 'The museum put its photo archive online under Creative Commons, so schools can use the pictures.';
    const page = cleanTextPage(['Harbour museum reopens', lead, prose].join('\n\n'), options);
    expect(page.paragraphs).toEqual([lead, prose]);
  });
});

describe('newsletter prompts on text pages', () => {
  const lead =
    'The ferry company will add a late crossing on Fridays from May, after a summer of complaints from weekend visitors.';

  it('are removed with the newsletter kind', () => {
    for (const prompt of [
      'Die wichtigsten Nachrichten aus dem Hafen direkt in dein Postfach!',
      'Möchten Sie unseren Newsletter erhalten?',
      'Get the harbour briefing in your inbox every morning',
      'Recibe nuestra newsletter en tu bandeja de entrada:',
    ]) {
      const page = cleanTextPage(['Late ferry on Fridays', lead, prompt].join('\n\n'), options);
      expect(page.paragraphs).toEqual([lead]);
      expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'newsletter', text: prompt }]));
    }
  });

  it('keep a sentence that mentions a newsletter', () => {
    for (const sentence of [
      'The timetable was first announced in the company newsletter.',
      '[Passengers can read the new timetable in the company newsletter.]',
    ]) {
      const page = cleanTextPage(['Late ferry on Fridays', lead, sentence].join('\n\n'), options);
      expect(page.paragraphs).toEqual([lead, sentence]);
    }
  });
});

describe('disclaimers on text pages', () => {
  const lead =
    'The harbour bank cut its mortgage rate on Monday, the second cut this year, and said more could follow in the spring.';

  it('are removed as boilerplate, the label alone or with its text', () => {
    for (const line of [
      'Advertising Disclosure',
      'Editorial Disclaimer: Opinions expressed here are the author’s alone, not those of any bank.',
      'Disclaimer (varies by section): Articles on this site may contain opinions of the authors.',
      'Haftungsausschluss: Für die Inhalte externer Links sind deren Betreiber verantwortlich.',
    ]) {
      const page = cleanTextPage(['Harbour bank cuts rates', lead, line].join('\n\n'), options);
      expect(page.paragraphs).toEqual([lead]);
      expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'boilerplate', text: line }]));
    }
  });

  it('keep a sentence that starts with the word', () => {
    const sentence = 'Disclosure of the new rates was delayed by a week, the bank said.';
    const page = cleanTextPage(['Harbour bank cuts rates', lead, sentence].join('\n\n'), options);
    expect(page.paragraphs).toEqual([lead, sentence]);
  });
});

describe('author bios at the end of a text page', () => {
  const body = [
    'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
    'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn.',
  ];
  const page = (byline: string, ...tail: string[]): string =>
    ['Harbour plan approved', byline, ...body, ...tail, 'Most read', '© 2026 Harbour Times'].join('\n\n');

  it('removes a closing bio opening with the byline author’s name, in several languages', () => {
    const cases: Array<[string, string]> = [
      ['By Jane Doe', "Jane Doe is the Harbour Times's political editor. She has covered the port since 2009."],
      ['Par Marie Dupont', 'Marie Dupont est journaliste au service Économie du Courrier du Port.'],
      ['Von Thomas Müller', 'Thomas Müller ist Wirtschaftsredakteur der Hafenzeitung.'],
      ['Por João Silva', 'João Silva é jornalista da secção de Economia do Jornal do Porto.'],
      ['Por Ana Ruiz', 'Ana Ruiz es periodista de la sección de Economía.'],
      ['By Luca Bianchi', 'Luca Bianchi, cronista di economia, scrive per il giornale dal 2015.'],
      ['By Jane Doe', 'Jane Doe covers shipping and the docks for the paper.'],
    ];
    for (const [byline, bio] of cases) {
      const cleaned = cleanTextPage(page(byline, bio), options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining([{ kind: 'boilerplate', text: bio }]));
    }
  });

  it('removes the bios of two authors and a bio under an "About the author" label', () => {
    const bios = ['Thomas Müller ist Redakteur der Hafenzeitung.', 'Anna Schmidt ist Korrespondentin in Hamburg.'];
    expect(cleanTextPage(page('Von Thomas Müller und Anna Schmidt', ...bios), options).paragraphs).toEqual(body);
    for (const label of ['About the author', "Sur l'auteur", 'Über den Autor', 'Sobre o autor'])
      for (const bio of ['She writes about ports and ships.', 'Kim Lee has reported from the harbour for ten years.']) {
        const cleaned = cleanTextPage(page('By Jane Doe', label, bio), options);
        expect(cleaned.paragraphs).toEqual(body);
        expect(cleaned.removed).toEqual(expect.arrayContaining([{ kind: 'boilerplate', text: label }]));
      }
  });

  const longBody = [
    ...body,
    'Critics say the rail link will cut through the marshes north of the depot and harm the birds that nest there in spring.',
    'The council says a bridge will carry the line over the wetland and that the work will avoid the nesting season entirely.',
  ];
  const longPage = (...tail: string[]): string =>
    ['Harbour plan approved', 'By Kim Lee', ...longBody, ...tail, '© 2026 Harbour Times'].join('\n\n');

  it('removes a closing box about the author or the site, whatever its bio says, in several languages', () => {
    const boxes: string[][] = [
      ['About Jane Doe', 'Reporter, sailor and collector of old maps. She lives by the sea with two cats and a boat.'],
      [
        'Über Creeny',
        'Was ich liebe... ♥ den Meister, der den alltäglichen Wahnsinn mit mir teilt. ♥ den Norden & die See.',
      ],
      ['Über uns', 'Seit 50 Jahren sind wir als Chor aktiv und proben jede Woche im Gemeindehaus am Marktplatz.'],
      [
        'À propos de Marie Dupont',
        'Journaliste indépendante, passionnée de voile, elle écrit sur les ports depuis dix ans.',
      ],
      [
        'Sobre nosotros',
        'Somos un medio independiente fundado en 2010 que cubre la actualidad del puerto y la región.',
      ],
      ['Sobre mim', 'Jornalista e fotógrafa, escrevo sobre o mar e os portos do Atlântico desde há muitos anos.'],
      [
        'Chi è Luca Bianchi',
        'Cronista di economia dal 2015, scrive di porti, navi e logistica per il giornale del porto.',
      ],
    ];
    for (const box of boxes) {
      const cleaned = cleanTextPage(longPage(...box), options);
      expect(cleaned.paragraphs).toEqual(longBody);
      expect(cleaned.removed).toEqual(expect.arrayContaining(box.map((text) => ({ kind: 'boilerplate', text }))));
    }
  });

  it('keeps a closing section under an "About …" heading longer than a box, and sentences opening with the word', () => {
    const section = [
      'About Harbour',
      'The harbour was founded in 1820 and grew into the largest port of the region within fifty years of steady trade.',
      'It handled grain, coal and timber, and its docks employed more than four thousand workers at their very height.',
      'Today the old warehouses hold flats, a museum and a market, while the cargo moved to the new terminal in 1998.',
      'The council wants the new berths to bring part of the container traffic back to the historic quays by 2030.',
      'Some of the old cranes will be restored and kept on the quays as a reminder of what the harbour once was here.',
    ];
    expect(cleanTextPage(longPage(...section), options).paragraphs).toEqual([...longBody, ...section]);
    const notAbout = [
      'About 200 people attended the meeting, which the mayor opened with a minute of silence for the flood victims.',
      'Über 300 Menschen kamen zur Sitzung, die der Bürgermeister mit einer Schweigeminute für die Flutopfer eröffnete.',
    ];
    for (const last of notAbout) expect(cleanTextPage(longPage(last), options).paragraphs).toEqual([...longBody, last]);
  });

  it('takes the byline from the options when the page does not print it', () => {
    const bio = 'Jane Doe is the Harbour Times’s political editor.';
    const text = ['Harbour plan approved', ...body, bio].join('\n\n');
    expect(cleanTextPage(text, options).paragraphs).toContain(bio);
    expect(cleanTextPage(text, { ...options, byline: 'Jane Doe' }).paragraphs).toEqual(body);
  });

  it('keeps story paragraphs that open with a name: another person, a quote, the middle of the body', () => {
    const story = [
      'Bob Cook is expected to present the final plan to the harbour board in June, after the summer recess.',
      'Jane Doe, who chaired the board, said: "This is the day we have waited for."',
      'Bob Cook is a former journalist who now chairs the board.',
    ];
    for (const last of story) expect(cleanTextPage(page('By Jane Doe', last), options).paragraphs.at(-1)).toBe(last);
    const middle = 'Jane Doe is expected to step down as chair of the board once the plan is approved.';
    const after = 'Work on the two berths will start in September and should be finished within three years.';
    expect(cleanTextPage(page('By Jane Doe', middle, after), options).paragraphs).toEqual([...body, middle, after]);
  });
});

describe('an HTML article opening with labels, its headline and its date line', () => {
  const paragraphs = [
    'MILLBROOK - A fire that started late Monday night destroyed the 140-year-old Harmon Mill warehouse on River Street.',
    'No one was injured, but the building, which had been empty since the mill closed in 1998, collapsed shortly after 2 a.m.',
    'The state fire marshal’s office is investigating the cause, and the town will decide on Thursday what to do with the site.',
  ];
  const page = (lead: string[]): string =>
    `<html><body><div>${[...lead, ...paragraphs].map((line) => `<p>${line}</p>`).join('')}</div></body></html>`;
  const title = 'Mill fire destroys historic warehouse';

  it('drops short labels above the headline, the headline, the byline and the date line', () => {
    const cleaned = cleanHtmlPage(
      page(['Search', title, 'By Robert Hale, Herald Staff Writer', 'Published: Tuesday, March 14, 2006 10:42 PM EST']),
      { title, siteName: null },
    );
    expect(cleaned.paragraphs).toEqual(paragraphs);
    expect(cleaned.removed.map((r) => r.kind)).toContain('dateline');
  });

  it('keeps prose above the headline, and a paragraph that opens with a date', () => {
    const teaser = 'Crews from four towns fought the blaze through the night.';
    const dated = '14 March 2006 — The mill owners said they had no plans to rebuild the warehouse or sell the site.';
    const cleaned = cleanHtmlPage(page([teaser, title, dated]), { title, siteName: null });
    expect(cleaned.paragraphs.slice(0, 2)).toEqual([teaser, dated]);
  });
});

/** An article's body, and its page with lines after the body (what closes a text page), for the two suites below. */
const closingBody = [
  'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
  'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn of next year.',
  'Critics say the rail link will cut through the marshes north of the depot and harm the birds that nest there in spring.',
  'The council says a bridge will carry the line over the wetland and that the work will avoid the nesting season entirely.',
];
const closingPage = (...tail: string[]): string =>
  ['Harbour plan approved', 'By Kim Lee', ...closingBody, ...tail, '© 2026 Harbour Times'].join('\n\n');

describe('teasers closing a text page', () => {
  const body = closingBody;
  const page = closingPage;

  it('removes a run of titles with excerpts cut mid-sentence, in several languages', () => {
    const runs: string[][] = [
      [
        'Ferry fares to rise in May',
        'The ferry company will raise its fares by ten per cent from May, blaming the price of fuel and the new...',
        'Dock workers vote on strike',
        'Dock workers at the container terminal will vote next week on a strike over pay after talks with the port…',
        'Fish market moves to the quay',
        'The old fish market will move to the north quay in the summer, the council decided on Monday after a long ...',
      ],
      [
        'Island – ein Volk befreit sich',
        'Von unserer Presse so gut wie nicht gewürdigt haben die Isländer den Crash genutzt. Hiesige Medien schwören un...',
        'Letzte Kundgebung vor dem Urteil',
        'Die letzte große Kundgebung vor der Verkündung des Urteils am kommenden Mittwoch stand unter einem guten D...',
        'Die Macht der Präsidentenmacher',
        'Wir haben Gutwettermacher, Medienmacher, Meinungsmacher, nun auch Bundespräsidentenmacher. Nur eins haben wir ni…',
      ],
      [
        'Le port de Brest en grève',
        'Les dockers du port de Brest ont voté la grève pour la semaine prochaine, après l’échec des négociations sur […]',
        'La criée déménage',
        'La criée du vieux port déménagera sur le quai nord cet été, a décidé le conseil municipal lundi soir après un…',
        'Nouveau ferry pour les îles',
        'Un nouveau ferry desservira les îles à partir du printemps, avec deux rotations de plus par jour en haute ...',
      ],
    ];
    for (const run of runs) {
      const cleaned = cleanTextPage(page(...run), options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining(run.map((text) => ({ kind: 'related-link', text }))));
    }
  });

  it('keeps paragraphs trailing off, excerpts that end a sentence and fewer than three excerpts', () => {
    const trailing = [
      'Asked whether the berths would ever be built, the mayor only smiled and said that the council had waited long enough…',
      'He had seen plans like this before. The berths, the rail link, the promises of jobs for the young ...',
    ];
    expect(cleanTextPage(page(...trailing), options).paragraphs).toEqual([...body, ...trailing]);
    const whole = [
      'Ferry fares to rise',
      'The ferry company will raise its fares by ten per cent from May, blaming the price of fuel. More…',
      'Dock workers vote',
      'Dock workers at the container terminal will vote next week on a strike over pay. Read more...',
      'Fish market moves',
      'The old fish market will move to the north quay in the summer, the council decided on Monday. …',
    ];
    expect(cleanTextPage(page(...whole), options).paragraphs).toEqual([...body, ...whole]);
    const two = whole.slice(0, 4).map((line, i) => (i % 2 ? line.replace(/\. \S+$/u, ' and the ...') : line));
    expect(cleanTextPage(page(...two), options).paragraphs).toEqual([...body, ...two]);
  });

  it('keeps an enumeration cut with a list comma', () => {
    const digest = [
      'Security updates',
      'Updates have been issued for vulnerabilities in drupal, mozilla, openssl, python-django, wordpress, ...',
      'Kernel news',
      'Kernel news this week: the merge window closes, stable updates for 4.0 and 3.19, a new scheduler, ...',
      'Distributions',
      'A look at the candidates for the project leader election; Debian, Fedora, openSUSE, Ubuntu, Arch, ...',
    ];
    expect(cleanTextPage(page(...digest), options).paragraphs).toEqual([...body, ...digest]);
  });
});

describe('a list of dated or signed stories closing a text page', () => {
  const body = closingBody;
  const page = closingPage;

  it('removes items opening with their date, with their label and the link lines under them (de, es)', () => {
    const runs: string[][] = [
      [
        'Weitere Inhalte:',
        '01.01.2026 - Hafen Hafen - Neue Fähre: Die Reederei bestellt ein zweites Schiff für die Inselroute',
        '13.12.2025 - Hafen Hafen, Streik beendet: Die Hafenarbeiter kehren nach drei Wochen an die Kais zurück',
        '21.11.2025 - Hafen Hafen, Fischmarkt zieht um: Der alte Markt zieht im Sommer an den Nordkai',
        'Newsübersicht',
        'zurück',
      ],
      [
        'Más noticias',
        '2026-01-01 | El puerto encarga un segundo ferry para la ruta de las islas',
        '2025-12-13 | Los estibadores vuelven al muelle tras tres semanas de huelga',
        '2025-11-21 | La lonja se muda al muelle norte este verano',
      ],
    ];
    for (const run of runs) {
      const cleaned = cleanTextPage(page(...run), options);
      expect(cleaned.paragraphs).toEqual(body);
      const items = run.slice(0, 4).map((text) => ({ kind: 'related-link', text }));
      expect(cleaned.removed).toEqual(expect.arrayContaining(items));
    }
  });

  it('removes titles each with its date alone on the line under it, and the lines after them (de, en)', () => {
    const runs: string[][] = [
      [
        'Die Reederei bestellt eine neue Fähre für die Route zu den Inseln',
        '03/11/2025',
        'Der Streik der Hafenarbeiter ist nach drei langen Wochen endlich beendet',
        '31/10/2025',
        'Der alte Fischmarkt zieht im kommenden Sommer an den Nordkai um',
        '26/10/2025',
        'Prev',
        'Unabhängige Medien',
        'Wir werden von keiner Partei und keinem Verband unterstützt, wir schalten keine Werbung und finanzieren uns allein über die Beiträge unserer Leserinnen und Leser.',
        'Suche',
      ],
      [
        'The ferry company orders a second ship for the island route',
        '2025-11-03',
        'Dockers return to the quays after a strike of three long weeks',
        '2025-10-31',
        'The old fish market moves to the north quay next summer, the council says',
        '2025-10-26',
        'We take no money from parties or lobbies and run no advertising: the site lives on what its readers give, month after month.',
      ],
    ];
    for (const run of runs) {
      // The page's own date is printed under the byline (a first date alone on its line would be taken for it).
      const text = ['Harbour plan approved', 'By Kim Lee', '04/11/2025', ...body, ...run].join('\n\n');
      const cleaned = cleanTextPage(text, options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining([{ kind: 'related-link', text: run[0] }]));
    }
  });

  it('keeps fewer than three titles over a date alone on its line', () => {
    const tail = [
      'Hearing on the rail link',
      '03/11/2025',
      'Vote on the bridge',
      '04/11/2025',
      'Both sessions are open to the public, and the council will publish the minutes of each on its website a week later.',
    ];
    const { paragraphs } = cleanTextPage(page(...tail), options);
    expect(paragraphs).toEqual(expect.arrayContaining([tail[0], tail[2], tail[4]]));
  });

  it('removes teasers each signed by its own byline (en, fr)', () => {
    const runs: string[][] = [
      [
        'READ THIS NEXT',
        'Written by Jane Roe, MS, RD',
        'Whether you are looking to save money or time, the ferry can be hard to beat. These are the best routes.',
        'Written by John Doe',
        'It is a myth that the harbour closes in winter. This article explains what runs and what does not.',
        'The pier is busy in summer. Here are ten tips to avoid the queues.',
        'Written by Ann Smith, BSc',
        'This simple plan can help you find a berth fast. Read about the plan and other tips.',
      ],
      [
        'Par Marie Dupont',
        'Le port de Brest ouvre un nouveau quai pour les ferries des îles cet été.',
        'Par Jean Martin',
        'La criée du vieux port déménage sur le quai nord, a décidé le conseil lundi.',
        'Par Claire Petit',
        'Un nouveau ferry desservira les îles à partir du printemps prochain.',
      ],
    ];
    for (const run of runs) expect(cleanTextPage(page(...run), options).paragraphs).toEqual(body);
  });

  it('keeps fewer than three dated lines, and a chronology broken by long paragraphs', () => {
    const two = [
      '12.03.2025 - Der Rat der Stadt hat den neuen Hafenplan nach einer Debatte beschlossen, die bis tief in die Nacht dauerte.',
      '04.05.2026 - Die Arbeiten am Nordkai beginnen, und die ersten Pfähle werden noch vor dem Sommer in den Schlick getrieben.',
    ];
    expect(cleanTextPage(page(...two), options).paragraphs).toEqual([...body, ...two]);
    const long =
      'The berths were first proposed more than ten years ago, and every council since has promised to build them, only to find that the money, the permits or the political will had run out before the first pile was driven into the mud of the north quay.';
    const chronology = [
      '2015-03-12 The first plan is drawn up by the harbour board and sent to the council for a vote in the spring.',
      long,
      '2019-06-01 The second plan fails when the government refuses to pay for the rail link to the depot.',
      long.replace('ten years', 'a decade'),
      '2026-05-04 The plan is approved by the council after a debate that lasted well into the night.',
    ];
    expect(cleanTextPage(page(...chronology), options).paragraphs).toEqual([...body, ...chronology]);
  });
});

describe('other stories’ headlines under a short heading closing a text page', () => {
  const body = closingBody;
  const page = (...tail: string[]): string =>
    ['Harbour plan approved', 'By Kim Lee', '04/11/2025', ...body, ...tail].join('\n\n');

  it('removes the heading, the headlines and the link lines under them (de, es)', () => {
    const runs: string[][] = [
      [
        'Themenrelevante Nachrichten',
        'Die Reederei bestellt eine neue Fähre für die Route zu den Inseln',
        'Der Streik der Hafenarbeiter ist nach drei langen Wochen am Montag beendet',
        'goldgas Hafen-Talent des Monats: Jana Beispiel aus dem kleinen Hafen von Norddeich',
        'Galerie',
      ],
      [
        'Seguí leyendo',
        '"Exceso en los plazos". El puerto encarga un segundo ferry para las islas',
        'Diálogo. Los estibadores vuelven al muelle tras tres semanas de huelga',
        'La lonja se muda al muelle norte este verano, según el consejo',
        'Temas',
      ],
    ];
    for (const run of runs) {
      const cleaned = cleanTextPage(page(...run), options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining([{ kind: 'related-link', text: run[1] }]));
    }
  });

  it('keeps a list under a label with a colon, and bullets when the body prints such a run of its own', () => {
    const labelled = [
      'Die nächsten Termine:',
      'Am Montag im Rathaus die öffentliche Anhörung zur neuen Bahnlinie',
      'Am Dienstag am Hafen die Führung über die neuen Liegeplätze im Norden',
      'Am Mittwoch im Ratssaal die Abstimmung über die neue Brücke',
    ];
    expect(cleanTextPage(page(...labelled), options).paragraphs).toEqual(expect.arrayContaining(labelled.slice(1)));
    const features = [
      'Leichter Aluminiumstock',
      'Extrem strapazierfähig und ideal für häufige Einsätze auf Skitouren',
      'Verlängerter Griff aus Kunststoff und Schaumstoff für jede Hand',
      'In sieben Längen von 115 bis 145 cm im Handel erhältlich',
    ];
    const product = [
      'Leichter Rucksack',
      'Innere Halterung für den Schaufelstiel und die Sonde',
      'Weiches Rückenteil aus neuem, ultraleichtem und atmungsaktivem Mesh',
      'Abnehmbarer, höhenverstellbarer Brustgurt mit einer Schnellverschlussschnalle',
      body[3]!,
    ];
    const text = [
      'Harbour plan approved',
      'By Kim Lee',
      '04/11/2025',
      ...body.slice(0, 3),
      ...product,
      ...features,
    ].join('\n\n');
    expect(cleanTextPage(text, options).paragraphs).toEqual(expect.arrayContaining(features.slice(1)));
  });
});

describe('a cross-link box under a label the patterns do not know', () => {
  const first =
    'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.';
  const second =
    'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn of next year.';
  const page = (...box: string[]): string =>
    ['Harbour plan approved', 'By Kim Lee', first, ...box, second, '© 2026 Harbour Times'].join('\n\n');

  it('removes a short label with its colon and the one linked title under it (fi, nl)', () => {
    for (const box of [
      ['Lue myös:', 'Tällä listalla satama on sijalla 7 – uusi laituri avataan keväällä'],
      ['Lees ook:', 'Nieuwe veerboot voor de eilanden: haven bestelt tweede schip'],
    ]) {
      const cleaned = cleanTextPage(page(...box), options);
      expect(cleaned.paragraphs).toEqual([first, second]);
      expect(cleaned.relatedLinks.map((link) => link.title)).toContain(box[1]);
    }
  });

  it('keeps a quote, a list item and a note introduced by a colon', () => {
    const quote = ['Der Hafenmeister sagte:', '„Wir werden die neuen Liegeplätze noch in diesem Jahr bauen“'];
    expect(cleanTextPage(page(...quote), options).paragraphs).toEqual([first, ...quote, second]);
    const ingredients = ['Für den Teig:', '200 g Mehl'];
    expect(cleanTextPage(page(...ingredients), options).paragraphs).toEqual([first, ...ingredients, second]);
    const note = ['Hinweis:', 'Die Liegeplätze am Nordkai bleiben bis zum Ende der Bauarbeiten für Fähren gesperrt.'];
    expect(cleanTextPage(page(...note), options).paragraphs).toEqual([first, ...note, second]);
  });
});

describe('download links on a text page', () => {
  const body = [
    'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
    'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn of next year.',
  ];
  const page = (...lines: string[]): string =>
    ['Harbour plan approved', body[0], ...lines, body[1], '© 2026 Harbour Times'].join('\n\n');

  it('removes lines naming a file’s type and size, in several languages', () => {
    const links = [
      'Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei',
      'Harbour plan, full text (PDF, 2.3 MB)',
      'Rapport annuel 2025 (pdf, 1,2 Mo)',
      'Download: mp3 (30 MB) m4a (24 MB)',
      'Informe anual – PDF 850 KB',
      'Relatório de contas (XLSX, 120 kB)',
    ];
    for (const link of links) {
      const cleaned = cleanTextPage(page(link), options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining([{ kind: 'related-link', text: link }]));
    }
  });

  it('keeps sentences that mention a file and sizes that are not files', () => {
    const kept = [
      'The full report (PDF, 2.3 MB) was published on the council’s website on Monday evening.',
      'The new terminal can store 500 GB of camera footage from the quays.',
    ];
    for (const line of kept) expect(cleanTextPage(page(line), options).paragraphs).toEqual([body[0], line, body[1]]);
  });
});

describe('picture captions and credits on a text page', () => {
  const body = [
    'The council approved the new harbour plan on Tuesday after a debate that lasted well into the night, officials said.',
    'The plan adds two berths and a rail link to the inland depot, and work will start in the autumn of next year.',
  ];
  const page = (...lines: string[]): string =>
    ['Harbour plan approved', body[0], ...lines, body[1], '© 2026 Harbour Times'].join('\n\n');

  it('removes the caption, the credit label and the credit, in several languages', () => {
    const pictures = [
      ['Marcell Jansen (l.) und Piotr Trochowski haben einen guten Draht.', 'Foto:', 'WITTERS'],
      ['The old crane on the north quay.', 'Photo:', 'Kim Lee/Harbour Times'],
      ['Xi Jinping bei einer Rede in Peking, 23. Oktober', 'Bild:', 'picture alliance / Xinhua News Agency | Ju Peng'],
      ['Le vieux port au lever du soleil.', 'Crédit photo :', 'AFP'],
      ['El muelle norte, en obras desde marzo.', 'Imagen:', 'EFE'],
    ];
    for (const picture of pictures) {
      const cleaned = cleanTextPage(page(...picture), options);
      expect(cleaned.paragraphs).toEqual(body);
      expect(cleaned.removed).toEqual(expect.arrayContaining(picture.map((text) => ({ kind: 'boilerplate', text }))));
    }
  });

  it('keeps paragraphs before the label and labels followed by a sentence or a source', () => {
    const paragraphs = [
      'Der Plan sieht auch ein neues Fährterminal am Südufer vor. Es soll 2030 eröffnen.',
      'The plan also foresees a new ferry terminal on the south bank of the river, where the old coal wharf stood until the nineteen-nineties.',
    ];
    for (const paragraph of paragraphs) {
      const withPhoto = cleanTextPage(page(paragraph, 'Foto:', 'Kim Lee'), options);
      expect(withPhoto.paragraphs).toEqual([body[0], paragraph, body[1]]);
    }
    const sentence = 'The crane will be restored next year.';
    expect(cleanTextPage(page('Photo:', sentence), options).paragraphs).toContain(sentence);
    const source = ['Figures for the last ten years.', 'Quelle:', 'Statistisches Bundesamt'];
    expect(cleanTextPage(page(...source), options).paragraphs).toContain(source[0]);
  });
});

describe('affiliate disclosures', () => {
  it('are recognised in several languages', () => {
    for (const line of [
      'This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.',
      'We may earn a commission when you buy through links on our site.',
      'Dieser Artikel enthält Affiliate-Links. Wenn Sie darüber einkaufen, erhalten wir eine Provision.',
      '* Affiliate-Link',
      'Cet article contient des liens affiliés : nous touchons une commission sur vos achats.',
      'Este artículo contiene enlaces de afiliados.',
    ])
      expect(isAffiliateDisclosure(line)).toBe(true);
  });

  it('are not sentences of the text about affiliates or links', () => {
    expect(isAffiliateDisclosure('This article contains reporting from the harbour authority and two pilots.')).toBe(
      false,
    );
    expect(
      isAffiliateDisclosure('Affiliate marketing grew by a fifth last year, the association said on Tuesday.'),
    ).toBe(false);
    expect(isAffiliateDisclosure('Der Artikel enthält Angaben der Reederei zum neuen Fahrplan.')).toBe(false);
  });

  it('are removed from a text page, the article kept', () => {
    const lead =
      'The ferry operator confirmed on Monday that the timetable will change from April, after months of complaints from commuters about crowded morning boats.';
    const page = [
      'Harbour Times',
      'Ferry timetable changes from April',
      'This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.',
      lead,
      'Passengers with season tickets keep their current fares until the end of the year, the company said in a statement on its website.',
    ].join('\n');
    const cleaned = cleanTextPage(page, { title: null, siteName: null });
    expect(cleaned.paragraphs.join('\n')).not.toContain('references to products');
    expect(cleaned.paragraphs).toContain(lead);
  });
});

describe('consent boxes in place of an embedded post or video', () => {
  it('are recognised in several languages', () => {
    for (const line of [
      'Empfohlener redaktioneller Inhalt',
      'Externer Inhalt',
      'An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den Artikel ergänzt. Ihr könnt ihn Euch mit einem Klick anzeigen lassen.',
      'Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.',
      'Um diesen Inhalt zu sehen, müssen Sie der Datenverarbeitung durch Twitter zustimmen.',
      'I agree to external content being displayed to me.',
      'External content',
      'Contenido externo',
      'Para ver este contenido, acepta las cookies de YouTube.',
      'Contenu externe',
      'Ce contenu est hébergé par un tiers.',
      'Conteúdo externo',
      'Contenuto esterno',
    ])
      expect(isEmbedConsent(line)).toBe(true);
  });

  it('are not sentences of the text about content or consent', () => {
    expect(isEmbedConsent('Der Inhalt des Vertrags blieb bis zuletzt geheim, sagte die Ministerin.')).toBe(false);
    expect(isEmbedConsent('External content moderators in Nairobi described the working conditions to us.')).toBe(
      false,
    );
    expect(isEmbedConsent('El contenido externo del informe fue revisado por dos auditores independientes.')).toBe(
      false,
    );
    expect(isEmbedConsent('Ich bin damit einverstanden, sagte der Bürgermeister nach der Sitzung.')).toBe(false);
  });

  it('are removed from a text page, the article around them kept', () => {
    const lead =
      'Die Marke schafft es, durch Limitierung und die Inszenierung bei Social Media Begehrlichkeiten zu wecken, sagen Fachleute aus dem Handel.';
    const next =
      'Ein aktueller Trend trägt ebenso zur Popularität bei: Die Schuhe passen perfekt zu dem, was Modemagazine seit zwei Jahren beschreiben.';
    const page = [
      'Markenmagazin',
      'Wie eine Schuhmarke wieder begehrt wurde',
      lead,
      'Empfohlener redaktioneller Inhalt',
      'An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den Artikel ergänzt. Ihr könnt ihn Euch mit einem Klick anzeigen lassen.',
      'Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.',
      next,
    ].join('\n');
    const cleaned = cleanTextPage(page, options);
    const body = cleaned.paragraphs.join('\n');
    expect(body).not.toContain('redaktioneller Inhalt');
    expect(body).not.toContain('externen Inhalt');
    expect(body).not.toContain('einverstanden');
    expect(cleaned.paragraphs).toEqual(expect.arrayContaining([lead, next]));
  });

  it('are removed from an English page too', () => {
    const lead =
      'The council approved the new cycle lanes on Tuesday evening after a debate that lasted almost four hours and drew a large crowd.';
    const next =
      'Work on the first section along the river is due to begin in spring, the transport committee chair told reporters afterwards.';
    const page = [
      'City Desk',
      'Council approves cycle lanes',
      lead,
      'External content',
      'I agree to external content being displayed to me. Personal data may be passed on to third-party platforms.',
      next,
    ].join('\n');
    const body = cleanTextPage(page, options).paragraphs.join('\n');
    expect(body).not.toContain('External content');
    expect(body).not.toContain('I agree to external content');
    expect(body).toContain(lead);
    expect(body).toContain(next);
  });
});

describe('a picture under its enlarge button', () => {
  const lead =
    'Die Junioren-Meisterschaften beginnen am Samstag in der Tennishalle am Stadtrand, mit Spielerinnen und Spielern aus zwölf Ländern.';
  const next =
    'Die Organisatoren erwarten an den Finaltagen mehrere hundert Zuschauer, der Eintritt ist an allen Tagen des Turniers frei.';

  it('loses the button, the caption and the credit line (de, es)', () => {
    for (const [button, caption, credit] of [
      ['Vergrößern', 'Die Nummer eins der Setzliste beim Training', 'Quelle: Jana Muster'],
      ['Ampliar', 'La campeona del año pasado durante el entrenamiento', 'Foto: Juan Pérez'],
    ]) {
      const cleaned = cleanTextPage(
        ['Tennisverband', 'Turnier beginnt', lead, button, caption, credit, next].join('\n'),
        options,
      );
      const body = cleaned.paragraphs.join('\n');
      expect(body).not.toContain(caption);
      expect(body).not.toContain(credit);
      expect(cleaned.paragraphs).toEqual(expect.arrayContaining([lead, next]));
    }
  });

  it('keeps the line under the button when no credit line follows it (en, fr)', () => {
    for (const [button, line] of [
      ['Enlarge', 'The top seed trained on the centre court on Friday.'],
      ['Agrandir', 'La tête de série s’est entraînée vendredi sur le court central.'],
    ]) {
      const page = ['Tennis Weekly', 'Tournament opens', lead, button, line, next].join('\n');
      expect(cleanTextPage(page, options).removed.map((r) => r.text)).not.toContain(line);
    }
  });
});

describe('calls to action on a text page', () => {
  const options = { title: null, siteName: null };

  it('are short exclaimed lines naming a call-to-action phrase, in several languages', () => {
    for (const line of [
      'Neu im Programm! Besuchen Sie unseren Laden am Markt!',
      'Das Magazin gibt es jetzt auch als App – einfach hier klicken und registrieren!',
      'Nie wieder etwas verpassen: jetzt anmelden!',
      'Never miss a match again – sign up now!',
      'Don’t miss our weekend offers!',
      'Inscrivez-vous dès maintenant !',
      '¡Suscríbete y no te pierdas nada!',
      'Não perca: inscreva-se já!',
      'Clicca qui e iscriviti!',
    ])
      expect(isPromoLine(line)).toBe(true);
  });

  it('are not exclaimed sentences or quotes of the text', () => {
    expect(isPromoLine('Was für ein Spiel!')).toBe(false);
    expect(isPromoLine('„Besuchen Sie uns doch einmal!“, rief die Wirtin den Gästen zu.')).toBe(false);
    expect(isPromoLine('More than 2,000 people signed up for the race in its first week.')).toBe(false);
    expect(isPromoLine('¡Qué partido!')).toBe(false);
  });

  it('are removed from a text page, the article around them kept', () => {
    const lead =
      'Der Stadtrat hat am Dienstag den Bau der neuen Radwege beschlossen, nach einer Debatte, die fast vier Stunden dauerte.';
    const next =
      'Die Arbeiten am ersten Abschnitt entlang des Flusses sollen im Frühjahr beginnen, sagte die Vorsitzende des Ausschusses.';
    const page = [
      'Stadtnachrichten',
      'Stadtrat beschließt Radwege',
      lead,
      next,
      'Jetzt neu! Besuchen Sie unseren Shop!',
    ].join('\n');
    const cleaned = cleanTextPage(page, options);
    expect(cleaned.paragraphs.join('\n')).not.toContain('Shop');
    expect(cleaned.removed).toEqual(
      expect.arrayContaining([{ kind: 'advertisement', text: 'Jetzt neu! Besuchen Sie unseren Shop!' }]),
    );
    expect(cleaned.paragraphs).toEqual(expect.arrayContaining([lead, next]));
  });
});

describe('paywall prompts on a text page', () => {
  it('are recognised in several languages', () => {
    for (const line of [
      'Exklusiv für Abonnenten',
      'Wählen Sie Ihren Zugang und lesen Sie weiter:',
      'Subscribe to continue reading',
      'Already a subscriber? Log in',
      'Article réservé aux abonnés',
      'Contenido exclusivo para suscriptores',
      'Conteúdo exclusivo para assinantes',
      'Contenuto riservato agli abbonati',
    ])
      expect(isPaywallPrompt(line)).toBe(true);
  });

  it('are not sentences of the text about subscribers', () => {
    expect(isPaywallPrompt('Für Abonnenten ändert sich ab März der Preis des Monatspakets.')).toBe(false);
    expect(isPaywallPrompt('Subscribers to the service complained about outages on Monday.')).toBe(false);
  });
});

describe('no-warranty notices on a text page', () => {
  it('are short lines that are only the notice, in several languages', () => {
    for (const line of [
      '(Alle Angaben ohne Gewähr)',
      'Alle Angaben ohne Gewähr.',
      'All information without guarantee',
      'Informations données sans garantie',
      'Información sin garantía',
      'Informazioni senza garanzia',
    ])
      expect(isNoWarrantyNotice(line)).toBe(true);
  });

  it('are not sentences of the text', () => {
    expect(isNoWarrantyNotice('Die Angaben ohne Gewähr wurden am Montag von der Behörde korrigiert.')).toBe(false);
    expect(isNoWarrantyNotice('All information without guarantee was removed from the brochure.')).toBe(false);
  });
});

describe('a social-media timeline widget on a text page', () => {
  const options = { title: null, siteName: null };
  const lead =
    'The youth centre opened its new media lab on Saturday, with workshops on video, podcasts and programming for teenagers from the district.';
  const next =
    'Die Werkstatt ist künftig an drei Nachmittagen in der Woche geöffnet, die Teilnahme ist kostenlos, sagte die Leiterin des Zentrums.';

  it('leaves the body with its posts, in several date styles', () => {
    const page = [
      'City Youth',
      'New media lab opens',
      lead,
      next,
      'Follow us',
      '@cityyouth 18 Aug',
      'Great afternoon at the lab today, thanks to everyone who came! https://t.co/example',
      '@cityyouth 3. Mai',
      'Heute startet unser Podcast-Workshop – es gibt noch freie Plätze.',
      '@cityyouth Aug 12',
      'Registration for the autumn courses is open now.',
    ].join('\n');
    const cleaned = cleanTextPage(page, options);
    const body = cleaned.paragraphs.join('\n');
    expect(body).not.toContain('@cityyouth');
    expect(body).not.toContain('Podcast-Workshop');
    expect(cleaned.paragraphs).toEqual(expect.arrayContaining([lead, next]));
  });

  it('needs two heads: one post quoted in the text stays', () => {
    const page = ['City Youth', 'New media lab opens', lead, '@cityyouth 18 Aug', 'We are open!', next].join('\n');
    const body = cleanTextPage(page, options).paragraphs.join('\n');
    expect(body).toContain(lead);
    expect(body).toContain(next);
  });
});

describe('the editor line under a Chinese article', () => {
  const paragraphs = [
    '港口管理局星期四表示，由于风暴损坏了两座浮桥，外港将关闭至星期日，潜水员正在检查所有浮桥的锚链。',
    '渡轮公司说，前往岛屿的航班将在港口重新开放后恢复，乘客可以在网站上查询最新的时刻表。',
  ];

  it('is boilerplate, with or without a bracketed label before it, in both scripts', () => {
    for (const line of ['责任编辑：焦鹏', '【纠错】 责任编辑： 焦鹏', '責任編輯：王小明']) {
      const page = cleanTextPage(['风暴关闭外港', ...paragraphs, line].join('\n\n'), options);
      expect(page.paragraphs).toEqual(paragraphs);
      expect(page.removed).toEqual(expect.arrayContaining([{ kind: 'boilerplate', text: line }]));
    }
  });

  it('keeps a sentence of the text that names the editor', () => {
    const sentence = '责任编辑在周五的会议上说，报纸将在下个月推出新的港口版面，并增加两名记者。';
    const page = cleanTextPage(['风暴关闭外港', ...paragraphs, sentence].join('\n\n'), options);
    expect(page.paragraphs).toEqual([...paragraphs, sentence]);
  });
});
