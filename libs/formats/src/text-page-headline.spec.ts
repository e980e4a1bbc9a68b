import { analyzeTextPageLayout } from './text-page-layout';

const paragraph = (topic: string): string =>
  `The ${topic} was discussed at length by the harbour board on Monday, and the members agreed to publish the figures before the end of the month.`;

describe('a headline signed by its byline or date line', () => {
  // Header, then a long run of share buttons, gallery controls and a caption before the first paragraph.
  const furniture = [
    'Share on Facebook',
    'Share on X',
    'Copy link',
    'Listen to this article',
    '12 comments',
    'Save for later',
    'Gallery',
    'Image 1 of 9',
    'Previous image',
    'Next image',
    'Full screen',
    'Close gallery',
    'Font size',
    'Smaller',
    'Larger',
    'Print this page',
    'Send by e-mail',
    'Follow the harbour desk',
    'Dock workers and their families wait on the northern pier',
    'Open the photo gallery of the northern pier',
  ];
  const page = [
    'Harbour Times',
    'Home | News | Harbour | Sport',
    'Harbour strike ends after three weeks of talks',
    'By Jane Doe',
    '4 May 2026',
    ...furniture,
    paragraph('agreement'),
    paragraph('pay rise'),
    paragraph('shift plan'),
    'Related articles',
    'Ferry timetable changes for the summer',
  ].join('\n');

  it('is the headline even when share bars and a gallery stand between it and the body', () => {
    expect(analyzeTextPageLayout(page).title).toBe('Harbour strike ends after three weeks of talks');
  });

  it('is not the byline line itself, nor a short name or button line above a date', () => {
    const signedByline = [
      'Harbour Times',
      'Harbour strike ends after three weeks of talks',
      'By Jane Doe, Harbour Correspondent, Harbour Times Newsroom',
      '4 May 2026',
      'Copy link',
      paragraph('agreement'),
      paragraph('pay rise'),
    ].join('\n');
    expect(analyzeTextPageLayout(signedByline).title).toBe('Harbour strike ends after three weeks of talks');
    const nameAboveDate = [
      'Harbour Times',
      'Harbour strike ends after three weeks of talks',
      'By',
      'Jane Doe',
      'and',
      'John Roe',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
    ].join('\n');
    expect(analyzeTextPageLayout(nameAboveDate).title).toBe('Harbour strike ends after three weeks of talks');
  });
});

describe('a breadcrumb trail next to the headline', () => {
  it('is not the headline, labelled or with arrows or slashes', () => {
    for (const trail of [
      'Sie sind hier: Startseite / Verband / Hafenstreik nach drei Wochen beendet',
      'Home → Nachrichten → Hafenstreik nach drei Wochen beendet',
      'Start / Verband / Hafen / Hafenstreik nach drei Wochen beendet',
    ]) {
      const page = [
        'Hafenblatt',
        'Menü Menü',
        'Hafenstreik nach drei Wochen beendet',
        trail,
        'Die Hafenarbeiter haben sich am Montag nach drei Wochen Streik mit der Hafenverwaltung auf einen neuen Vertrag geeinigt.',
        'Der Vertrag gilt ab Juni und sieht eine Lohnerhöhung in zwei Stufen vor, wie beide Seiten am Abend mitteilten.',
      ].join('\n');
      expect(analyzeTextPageLayout(page).title).toBe('Hafenstreik nach drei Wochen beendet');
    }
  });
});

describe('the address slug', () => {
  it('does not put a standfirst of paragraph length in place of the headline', () => {
    const page = [
      'Harbour Times',
      'Small harbour ideas for tight spaces',
      '4 May 2026',
      'Working with a small harbour? Use these harbour ideas to set up your harbour in a small space. With these simple small harbour ideas, you can set up a working harbour in a small space, even if you are tight on space!',
      paragraph('agreement'),
      paragraph('pay rise'),
    ].join('\n');
    const url = 'https://harbour-times.example/how-to-set-up-a-harbour-in-a-small-space';
    expect(analyzeTextPageLayout(page, { url }).title).toBe('Small harbour ideas for tight spaces');
  });

  it('takes a headline that names its date after several words, not only undated lines', () => {
    const headline = 'Results: Junior Rowing Cup, Harbour Basin, 19.5.2026';
    const page = [
      'Harbour Rowing Club',
      'Select page',
      headline,
      'By Jane Doe | 20 May 2026 | Results | 0 comments',
      'Harbour Basin Regatta',
      'Result list',
      'Junior boys',
      'Junior girls',
      paragraph('regatta'),
      paragraph('course'),
    ].join('\n');
    const url = 'https://rowing.example/2026/05/20/results-junior-rowing-cup-harbour-basin-1952026/';
    expect(analyzeTextPageLayout(page, { url }).title).toBe(headline);
    // A date line spelling the slug's numbers is still no headline.
    const dated = page.replace(headline, 'Junior girls');
    const dateUrl = 'https://rowing.example/2026/05/20/20-may-2026-junior/';
    expect(analyzeTextPageLayout(dated, { url: dateUrl }).title).not.toContain('20 May 2026');
  });
});

describe('a wiki page', () => {
  const wiki = (from: string, title = 'Harbour crane'): string =>
    [
      title,
      from,
      'Jump to navigation Jump to search',
      'Contents',
      '1 History of the crane',
      '2 Operation and maintenance',
      '3 See also',
      'History of the crane',
      'The harbour crane was built in the nineteenth century to load sailing ships, and it was moved by workers walking inside its wheel.',
      'It stayed in use until the port was rebuilt after the war, when electric cranes took over the loading of the cargo ships.',
    ].join('\n');

  it('is titled by the line above "From <Site>", in the languages the service reads', () => {
    for (const from of [
      'From Harbour Wiki',
      'From Wikipedia, the free encyclopedia',
      'Aus Wikipedia, der freien Enzyklopädie',
      'De Wikipedia, la enciclopedia libre',
      "Da Wikipedia, l'enciclopedia libera.",
    ])
      expect(analyzeTextPageLayout(wiki(from)).title).toBe('Harbour crane');
  });

  it('is not titled by a source line or a tab row above it', () => {
    expect(analyzeTextPageLayout(wiki('From Harbour Wiki 1/2019')).title).not.toBe('Harbour crane');
    const tabs = ['Harbour crane', 'Article', 'Talk', 'Edit', 'Tools'].join('\n');
    expect(analyzeTextPageLayout(wiki('From Harbour Wiki', tabs)).title).not.toBe('Tools');
  });
});

describe('a headline above its standfirst', () => {
  const page = (kicker: string, headline: string, standfirst: string, date: string, byline: string): string =>
    [
      'Skip to main content',
      'HARBOUR TIMES',
      'News',
      'Sport',
      'Home › News › Harbour',
      kicker,
      headline,
      standfirst,
      date,
      byline,
      'Share',
      paragraph('agreement'),
      paragraph('pay rise'),
      paragraph('shift plan'),
    ].join('\n');

  it.each([
    [
      'en, a standfirst with a comma',
      'HARBOUR',
      'Dock strike ends after three weeks of talks',
      'The agreement will raise pay for more than 3,000 dock workers over two years, officials said',
      'Updated 09:30 BST, 5 May 2026',
      'By Jane Doe, Harbour Editor',
    ],
    [
      'fr, a standfirst ending a sentence',
      'SOCIAL',
      'Les dockers du port reprennent le travail après trois semaines',
      "L'accord prévoit une hausse des salaires pour plus de trois mille dockers sur deux ans.",
      'Publié le 5 mai 2026 à 08h12',
      'Par Marie Dupont',
    ],
    [
      'de, a standfirst without punctuation, clearly longer',
      'HAFEN',
      'Streik im Hafen nach drei Wochen beendet',
      'Die Einigung bringt den mehr als dreitausend Hafenarbeitern in den nächsten zwei Jahren deutlich mehr Geld',
      'Stand: 05.05.2026, 09:30 Uhr',
      'Von Thomas Müller',
    ],
    [
      'es, a standfirst without punctuation',
      'Internacional',
      'El puerto reanuda la actividad tras tres semanas de huelga',
      'Los estibadores respaldaron el acuerdo por 280 votos a favor y 150 en contra el lunes',
      'Actualizado: 05/05/2026 09:30 h CEST',
      'Carlos Ramírez',
    ],
  ])('is the headline, not the standfirst (%s)', (_case, kicker, headline, standfirst, date, byline) => {
    expect(analyzeTextPageLayout(page(kicker, headline, standfirst, date, byline)).title).toBe(headline);
  });

  it('keeps a long headline with a comma under a kicker (a line of under four words is no headline)', () => {
    const headline = 'Dock strike ends after three weeks of talks between the union, the port and the city council';
    expect(analyzeTextPageLayout(page('News', 'Port and city', headline, '5 May 2026', 'By Jane Doe')).title).toBe(
      headline,
    );
  });

  it('does not count words in a Chinese or Japanese line by its shape', () => {
    const headline = '港湾ストライキ、三週間の交渉の末に終結　組合と港湾局が合意';
    const layout = analyzeTextPageLayout(
      page(
        'ニュース',
        'プレスリリース配信サービスのHARBOUR TIMES',
        headline,
        '2026年5月5日 10時00分',
        'ハーバー株式会社',
      ),
    );
    expect(layout.title).not.toBe('プレスリリース配信サービスのHARBOUR TIMES');
  });

  it('leaves a stack of three headline-shaped lines as scored (kicker, h1 or headline is ambiguous)', () => {
    const layout = analyzeTextPageLayout(
      page(
        'Harbour travel guide',
        'Five sights of the harbour',
        'Old cranes, fish markets and ferries, the harbour has much to offer to a visitor in the summer',
        '5 May 2026',
        'By Jane Doe',
      ),
    );
    expect(layout.title).not.toBe('Five sights of the harbour');
  });
});

describe("a page's controls above the headline", () => {
  const body = (topic: string): string =>
    `Die ${topic} wurde am Montag lange im Hafenrat besprochen, und die Mitglieder wollen die Zahlen noch vor dem Monatsende veröffentlichen.`;

  it("is not the headline: a search box's question, dated like the article under it", () => {
    const layout = analyzeTextPageLayout(
      [
        'Hafenblatt',
        'Magazin',
        'Ratgeber',
        'Reisen mit Hund',
        'Was möchtest du suchen?',
        '28.01.2026',
        'Hafenstreik nach drei Wochen beendet',
        'Gewerkschaft und Hafenverwaltung haben sich auf einen neuen Tarif geeinigt, die Schichten beginnen wieder.',
        body('Einigung'),
        body('Lohnerhöhung'),
        body('Schichtplanung'),
      ].join('\n'),
    );
    expect(layout.title).toBe('Hafenstreik nach drei Wochen beendet');
  });

  it.each([
    'Skip to contentSkip to site index',
    'Skip to main content',
    'Zum Inhalt springen',
    'Aller au contenu',
    'What are you looking for?',
    '¿Qué estás buscando?',
    'Supported by',
    'Advertisement',
    'Anzeige',
  ])('reads %p as navigation, not as the title', (control) => {
    const layout = analyzeTextPageLayout(
      [
        control,
        'Harbour strike ends after three weeks of talks',
        '5 May 2026',
        paragraph('agreement'),
        paragraph('pay rise'),
      ].join('\n'),
    );
    expect(layout.title).toBe('Harbour strike ends after three weeks of talks');
    expect(layout.chrome.find((line) => line.text === control)?.kind).toBe('navigation');
  });

  it('keeps a headline that starts with a search', () => {
    const layout = analyzeTextPageLayout(
      [
        'Search for missing sailor called off after three days',
        '5 May 2026',
        paragraph('search'),
        paragraph('coast guard'),
      ].join('\n'),
    );
    expect(layout.title).toBe('Search for missing sailor called off after three days');
  });
});

describe('a headline closed by a dotted abbreviation', () => {
  const page = (headline: string, ...body: string[]): string =>
    ['Harbour Times', 'Subscribe', 'Log In', "Today's Paper", 'Supported by', headline, ...body].join('\n');

  it('is the headline, not a sentence, even when the prose window swallowed it', () => {
    const en = page(
      'Burst Pipes and Salt: How Winter Wears Down the Tunnels Under N.Y.C.',
      'The tunnels under the city are hard to maintain, and the rock salt of winter makes it worse, the engineers say.',
      paragraph('tunnel repair'),
      paragraph('salt budget'),
    );
    expect(analyzeTextPageLayout(en).title).toBe(
      'Burst Pipes and Salt: How Winter Wears Down the Tunnels Under N.Y.C.',
    );
    const de = page(
      'Warum so viele junge Ingenieure aus dem Hafen in die U.S.A.',
      'Die Werften finden kaum noch Nachwuchs, und die Gehälter jenseits des Atlantiks sind doppelt so hoch wie hier.',
      paragraph('hiring plan'),
      paragraph('training scheme'),
    );
    expect(analyzeTextPageLayout(de).title).toBe('Warum so viele junge Ingenieure aus dem Hafen in die U.S.A.');
  });

  it('does not make a sentence that ends with an abbreviation after another sentence a headline', () => {
    const prose = page(
      'The board met on Monday. It then voted to move the ferry office to the U.S.',
      paragraph('ferry office'),
      paragraph('vote'),
    );
    expect(analyzeTextPageLayout(prose).title).not.toBe(
      'The board met on Monday. It then voted to move the ferry office to the U.S.',
    );
  });
});

describe("a previous or next post's link above the headline", () => {
  it('is not the headline ("« Older post", "Next »"), while guillemets quoting in the line are kept', () => {
    const blog = (link: string, headline: string): string =>
      [
        'Harbour Diary',
        'Mein alter Blog',
        'Startseite',
        'Über mich',
        'Aus dem Leben eines Seemanns',
        link,
        headline,
        '23. Dezember 2009 //',
        paragraph('night ferry'),
        'Share this:',
      ].join('\n');
    expect(analyzeTextPageLayout(blog('« Logbuch vom Hafen', 'Hafengespräche #1')).title).toBe('Hafengespräche #1');
    expect(analyzeTextPageLayout(blog('« Vorige | Nächste »', 'Hafengespräche #1')).title).toBe('Hafengespräche #1');
    const quoted = [
      'Le Grand Port',
      'Newsletter',
      '« Il y a, d’abord, le poids de la géographie ». Sur les ports avec Jeanne Martin',
      'Alors que les routes maritimes changent, nous avons demandé à une géographe ce que cela veut dire pour les ports.',
      'Auteur',
      'Collège de France',
      'Date',
      '2 mars 2020',
      'Partager',
      'Dans votre travail, vous expliquez qu’il est difficile de comparer les ports du nord et ceux du sud de l’Europe.',
      paragraph('quay'),
    ].join('\n');
    expect(analyzeTextPageLayout(quoted).title).toBe(
      '« Il y a, d’abord, le poids de la géographie ». Sur les ports avec Jeanne Martin',
    );
  });
});

describe('a headline as the first line of the prose window', () => {
  it('is the headline when a paragraph follows within a few lines (past a standfirst without a stop)', () => {
    const es = [
      'MENÚ',
      'Club EL PUERTO',
      'Servicios:',
      'HoróscopoLoteríasFeriados',
      'Suscribite',
      'Una solución pacífica para el conflicto del muelle',
      'Los estibadores reclaman derechos que permanecen incumplidos, por eso conviene escuchar la protesta y negociar',
      '0',
      'Los estibadores del muelle norte llevan tres semanas en huelga, y la junta del puerto ha decidido abrir una mesa de diálogo.',
      'La propuesta, según fuentes de la junta, incluye una subida salarial y un nuevo plan de turnos para el verano.',
    ].join('\n');
    expect(analyzeTextPageLayout(es).title).toBe('Una solución pacífica para el conflicto del muelle');
  });

  it('is not a teaser title over more teasers and times', () => {
    const teasers = [
      'Schlagzeilen',
      '12:13 Uhr',
      'Nach Corona-Fällen: Hafenteam wohl nicht mit stärkster Mannschaft beim Pokal',
      '11:52 Uhr',
      'Entscheidung für die Zukunft: Ruderclub gibt Trainerwechsel bekannt',
      '11:27 Uhr',
      'Neuer Rekord beim Hafenlauf am Sonntag',
    ].join('\n');
    expect(analyzeTextPageLayout(teasers).title).not.toBe(
      'Nach Corona-Fällen: Hafenteam wohl nicht mit stärkster Mannschaft beim Pokal',
    );
  });
});

describe('a headline with a label run into it', () => {
  it('loses a kicker glued before it when the page prints the headline alone further down (crumbs)', () => {
    const page = [
      'Ministerium',
      'Suche',
      'Ernährung sichern Ministerin: Deutschland steht fest an der Seite des Welternährungsprogramms',
      'Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit mit dem Welternährungsprogramm stand im Mittelpunkt eines Treffens.',
      ...Array.from({ length: 24 }, (_, i) => `Absatz ${i + 1}: ${paragraph('Welternährungsprogramm')}`),
      'Sie sind hier:',
      'Home',
      'Aktuelles',
      'Ministerin: Deutschland steht fest an der Seite des Welternährungsprogramms',
      'Folgen Sie uns',
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe(
      'Ministerin: Deutschland steht fest an der Seite des Welternährungsprogramms',
    );
  });

  it('loses a button label run in after it when a crumb above prints the headline alone', () => {
    const page = [
      'Menü',
      'Suchen',
      '›Hafen-Taxonomie: Kohle und Öl sind nicht nachhaltig',
      'Hafen-Taxonomie: Kohle und Öl sind nicht nachhaltig zum Vergrößern anklicken',
      'Hafen Taxonomie: Kohle und Öl sind nicht nachhaltig.',
      'Quelle: Hafenarchiv',
      paragraph('taxonomy'),
      paragraph('coal'),
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe('Hafen-Taxonomie: Kohle und Öl sind nicht nachhaltig');
  });
});

describe('a headline that names a date', () => {
  it('is the headline next to the article’s own date line (de, en)', () => {
    const de = [
      'Harbour Kirche',
      'Suche',
      '11.11.2021 Artikel',
      'Andacht zur Hafenwoche in der Seemannskirche am Nordkai, 11. November 2021, 18 Uhr',
      'Pastorin Jana Beispiel, Hafenpastorin der Gemeinde am Nordkai.',
      'Vorlesen',
      'Es gilt das gesprochene Wort',
      'Liebe Schwestern und Brüder, heute Abend soll es um den Frieden gehen, den wir am Hafen so oft vermissen.',
      'Die Seeleute, die in diesen Tagen im Hafen liegen, kommen aus vielen Ländern und sprechen viele Sprachen.',
    ].join('\n');
    expect(analyzeTextPageLayout(de).title).toBe(
      'Andacht zur Hafenwoche in der Seemannskirche am Nordkai, 11. November 2021, 18 Uhr',
    );
    const en = [
      'Harbour Rowing Club',
      'Results',
      'Results of the Junior Harbour Cup, North Quay, 19.5.2007',
      '20 May 2007',
      paragraph('junior cup'),
      paragraph('relay'),
    ].join('\n');
    expect(analyzeTextPageLayout(en).title).toBe('Results of the Junior Harbour Cup, North Quay, 19.5.2007');
  });

  it('is not a date line with a label, a byline or only a few words before the date', () => {
    const page = (dated: string): string =>
      ['Harbour Times', 'Harbour strike ends', dated, '4 May 2026', paragraph('agreement'), paragraph('pay')].join(
        '\n',
      );
    for (const dated of [
      'Published on the harbour desk 4 May 2026',
      'Posted by Jane Doe on the news desk 4 May 2026',
      'Zuletzt aktualisiert am 4. Mai 2026',
    ])
      expect(analyzeTextPageLayout(page(dated)).title).toBe('Harbour strike ends');
  });
});

describe('a headline run into its byline and date line', () => {
  const page = (line: string): string =>
    [
      'News',
      'Sports',
      'Real Estate',
      line,
      'Dock workers wait on the northern pier for the first ferry of the morning, as the strike enters its third week.',
      'Jane Roe / Harbour Agency',
      paragraph('strike'),
      paragraph('pay offer'),
    ].join('\n');

  it('is the title without the byline, and the byline and date are still read from it (en, de)', () => {
    const en = analyzeTextPageLayout(
      page(
        'Harbour strike ends after three weeks of talks by Jane Doe, The Harbour Post, Posted: July 18, 2020- 4:01 PM',
      ),
    );
    expect(en.title).toBe('Harbour strike ends after three weeks of talks');
    expect(en.byline).toContain('Jane Doe');
    expect(en.publishedAt?.slice(0, 10)).toBe('2020-07-18');
    const de = analyzeTextPageLayout(page('Hafenstreik nach drei Wochen beendet von Jana Beispiel 18.07.2020'));
    expect(de.title).toBe('Hafenstreik nach drei Wochen beendet');
    expect(de.publishedAt?.slice(0, 10)).toBe('2020-07-18');
  });

  it('leaves a headline with "by" in it whole when no byline and date follow', () => {
    const layout = analyzeTextPageLayout(page('Harbour strike ended by Workers Council vote'));
    expect(layout.title).toBe('Harbour strike ended by Workers Council vote');
  });
});

describe('a wiki page with its tab row between the title and "From <Site>"', () => {
  const page = (tabs: string[], from: string, title = 'The harbour crane of Quayside'): string =>
    [
      'Main menu',
      'Search',
      'Contents',
      'History',
      title,
      ...tabs,
      from,
      'The harbour crane was built in the nineteenth century to load sailing ships, and it was moved by workers walking inside its wheel.',
      'It stayed in use until the port was rebuilt after the war, when electric cranes took over the loading of the cargo ships.',
    ].join('\n');

  it('is titled by the line above the tabs, in several languages', () => {
    const en = ['6 languages', 'Article', 'Talk', 'Read', 'Edit', 'View history', 'Tools'];
    expect(analyzeTextPageLayout(page(en, 'From Harbour Wiki')).title).toBe('The harbour crane of Quayside');
    const de = ['12 Sprachen', 'Artikel', 'Diskussion', 'Lesen', 'Bearbeiten', 'Versionsgeschichte', 'Werkzeuge'];
    expect(
      analyzeTextPageLayout(page(de, 'Aus Wikipedia, der freien Enzyklopädie', 'Der Hafenkran am Kai')).title,
    ).toBe('Der Hafenkran am Kai');
    const es = ['Artículo', 'Discusión', 'Leer', 'Editar', 'Ver historial', 'Herramientas'];
    expect(analyzeTextPageLayout(page(es, 'De Wikipedia, la enciclopedia libre', 'Grúa del puerto')).title).toBe(
      'Grúa del puerto',
    );
  });

  it('is not titled by a tab, nor past lines that are no tabs', () => {
    const title = analyzeTextPageLayout(page(['Article', 'Talk', 'Crane photos', 'Edit'], 'From Harbour Wiki')).title;
    expect(title).not.toBe('The harbour crane of Quayside');
    expect(title).not.toBe('Edit');
  });
});

describe('a signed headline inside a prose window that opens on teasers', () => {
  const teasersEn = [
    'Harbour board approves the new ferry timetable for the winter months ahead of the holidays',
    'Why is the northern pier always closed when the tide is high — and what can the port do about it?',
    'Five fish restaurants on the quay that locals recommend to visitors',
    'Dock workers vote on the pay offer after a long night of talks with the port authority',
    'The lighthouse keeper retires after forty years. Here is what he will miss the most.',
    'Sailing school opens a second site on the eastern bank of the river',
  ];
  const paragraphsEn = [
    'The port authority said on Friday that the old crane will be taken down in spring, after engineers found cracks in its main beam during the yearly inspection of the quay.',
    'Residents who live near the quay will be told about the work by letter, and the footpath along the water will stay open for most of the time the cranes are working.',
    'The authority expects the work to cost about two million and to be finished before the summer season starts, when the ferries bring the most visitors to the town.',
  ];
  const pageEn = [
    'Harbour Times',
    'News | Sport | Opinion',
    'Most read:',
    ...teasersEn,
    'Advertisement',
    'Quayside',
    'Harbour',
    'Port authority to take down the old crane on the northern quay next spring',
    'By Jane Doe',
    'Harbour Times |',
    'Aug 17, 2026 at 5:00 AM',
    ...paragraphsEn,
  ].join('\n');

  it('is the line signed by its byline and date, not a teaser above it', () => {
    expect(analyzeTextPageLayout(pageEn).title).toBe(
      'Port authority to take down the old crane on the northern quay next spring',
    );
  });

  it('reads German pages the same way, past a standfirst under the meta lines', () => {
    const page = [
      'Hafenblatt',
      'Nachrichten | Sport | Meinung',
      'Meistgelesen:',
      'Hafenrat beschließt den neuen Fahrplan der Fähren für die Wintermonate vor den Feiertagen',
      'Warum ist die Nordmole immer gesperrt, wenn die Flut kommt — und was kann der Hafen dagegen tun?',
      'Fünf Fischlokale am Kai, die Einheimische ihren Gästen empfehlen',
      'Hafenarbeiter stimmen nach einer langen Nacht der Verhandlungen über das Angebot ab',
      'Der Leuchtturmwärter geht nach vierzig Jahren in Rente. Das wird er am meisten vermissen.',
      'Segelschule eröffnet einen zweiten Standort am Ostufer des Flusses',
      'Anzeige',
      'Kaiviertel',
      'Hafenbehörde lässt den alten Kran an der Nordmole im Frühjahr abbauen',
      'Von Jana Beispiel',
      '17.08.2026',
      'Die Ingenieure fanden bei der jährlichen Prüfung Risse im Hauptträger des Krans, der seit hundert Jahren am Kai steht',
      'Die Hafenbehörde teilte am Freitag mit, dass der alte Kran im Frühjahr abgebaut wird, nachdem Ingenieure Risse in seinem Hauptträger gefunden hatten.',
      'Die Anwohner am Kai werden per Brief über die Arbeiten informiert, und der Fußweg am Wasser bleibt während der meisten Zeit der Arbeiten geöffnet.',
      'Die Behörde rechnet mit Kosten von etwa zwei Millionen und will fertig sein, bevor im Sommer die Fähren die meisten Gäste in die Stadt bringen.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe(
      'Hafenbehörde lässt den alten Kran an der Nordmole im Frühjahr abbauen',
    );
  });

  it('takes a short line between a date line and the post as a blog title', () => {
    const page = [
      'Menü:',
      'QUAYSIDE NOTES',
      'A LOG OF THE HARBOUR, KEPT SINCE THE OLD DAYS WHEN THE FERRY STILL RAN TWICE A DAY AND THE FISH MARKET OPENED AT FIVE IN THE MORNING, WRITTEN DOWN BY ONE OF ITS NEIGHBOURS.',
      'DIENSTAG, 28. APRIL 2026',
      'Wieder da!',
      'Mein letzter Eintrag ist schon fast ein halbes Jahr her, und ich habe bereits daran gedacht, dieses Tagebuch ganz still zu beenden und nicht mehr zu schreiben.',
      'Aber was heute mit der Post gekommen ist, lässt mir keine Ruhe, und deshalb schreibe ich doch wieder ein paar Zeilen über den Hafen und seine Leute.',
      'Der Brief kam von der Hafenbehörde, und er kündigt an, dass der alte Kran im Frühjahr abgebaut wird, weil man Risse in seinem Träger gefunden hat.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe('Wieder da!');
  });

  it('keeps the headline above the window when a signed teaser box stands inside the article', () => {
    const page = [
      'Harbour Times',
      'News | Sport | Opinion',
      'Port authority to take down the old crane on the northern quay next spring',
      'Jane Doe',
      ...paragraphsEn,
      'Read also',
      'Sailing school opens a second site on the eastern bank of the river',
      'By John Roe',
      '3 hours ago',
      ...paragraphsEn.map((p) => p.replace('crane', 'pier')),
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe(
      'Port authority to take down the old crane on the northern quay next spring',
    );
  });
});
