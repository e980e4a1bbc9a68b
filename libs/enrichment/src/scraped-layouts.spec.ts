import type { EnrichedArticle, ParsedItem } from '@wirestream/contracts';
import { parseHtmlPage, parseTextPage } from '@wirestream/formats';
import { enrichArticle } from './enrich-article';
import {
  americanLocal,
  brazilianEconomy,
  englishRegional,
  englishWorld,
  frenchRegional,
  germanBusiness,
  germanKicker,
  italianIndustry,
  italianLocal,
  portugueseEnergy,
  spanishInternational,
  swissRegional,
  tableLayoutHtml,
} from './scraped-layouts.fixture';

const NOW = '2026-05-05T12:00:00.000Z';

const enrich = (item: ParsedItem): EnrichedArticle =>
  enrichArticle({ id: 'a', version: 1, source: { id: 's', name: null }, item, ingestedAt: NOW, now: NOW });
const enrichText = (text: string): EnrichedArticle => enrich(parseTextPage(text, { now: NOW }));

interface Expected {
  title: string;
  source: string;
  publishedAt: string;
  byline: string | null;
  firstParagraph: string;
  lastParagraph: string;
  speakers: Array<string | null>;
}

// Each page: banner, menu, cookie notice, crumbs, kicker, headline, standfirst, date line, byline, share bar, body,
// cross-link, author bio, "most read", newsletter and footer — only the article and its fields may come out.
const cases: Array<[string, string, Expected]> = [
  [
    'en: kicker, standfirst, "Updated 09:30 BST", role after the byline, bio',
    englishRegional,
    {
      title: 'Council approves £40m flood defence plan after decade of delays',
      source: 'The Northern Echo',
      publishedAt: '2026-05-05T08:30:00.000Z',
      byline: 'Jane Doe',
      firstParagraph: 'STOCKTON-ON-TEES — Councillors voted on Tuesday',
      lastParagraph: 'Opposition councillors questioned the cost.',
      speakers: ['Bob Cook', 'Bob Cook', 'Julie Gray', 'Margaret Hill', 'Sam Patel'],
    },
  ],
  [
    'fr: "Publié le … à 08h12 · Mis à jour il y a 3 heures", « … », bio',
    frenchRegional,
    {
      title: 'Les producteurs de lait de Vendée menacent de bloquer les laiteries',
      source: "Le Courrier de l'Ouest",
      publishedAt: '2026-05-05T08:12:00.000Z',
      byline: 'Marie Dupont',
      firstParagraph: 'LA ROCHE-SUR-YON — Les éleveurs laitiers',
      lastParagraph: 'La Vendée compte environ 1 800 exploitations laitières',
      speakers: ['Jean-Pierre Martin', 'Jean-Pierre Martin', 'Paul Bernard'],
    },
  ],
  [
    'de: "Stand: 05.05.2026, 09:30 Uhr", two authors, „…“, a descriptor for the speaker',
    germanBusiness,
    {
      title: 'Thyssenkrupp streicht 2.000 Stellen in Duisburg',
      source: 'Rheinische Rundschau',
      publishedAt: '2026-05-05T09:30:00.000Z',
      byline: 'Thomas Müller und Anna Schmidt',
      firstParagraph: 'DUISBURG — Der Stahlkonzern Thyssenkrupp',
      lastParagraph: 'Der Abbau soll nach Angaben des Konzerns',
      speakers: ['Knut Giesler', 'Knut Giesler', 'Mona Neubaur'],
    },
  ],
  [
    'pt: "5 de maio de 2026, 10:45", dialogue dashes, bio',
    portugueseEnergy,
    {
      title: 'Governo aprova nova central solar no Alentejo',
      source: 'Jornal do Norte',
      publishedAt: '2026-05-05T10:45:00.000Z',
      byline: 'João Silva',
      firstParagraph: 'LISBOA — O Conselho de Ministros aprovou',
      lastParagraph: '— No início do próximo ano — respondeu o ministro.',
      speakers: ['Duarte Cordeiro', 'Álvaro Azedo', 'Duarte Cordeiro'],
    },
  ],
  [
    'es: "<Site> | Portada", a standfirst without punctuation, "09:30 h CEST", tags and comments',
    spanishInternational,
    {
      title: 'Chile aprueba una reforma de pensiones tras dos años de negociaciones',
      source: 'El Diario del Sur',
      publishedAt: '2026-05-05T07:30:00.000Z',
      byline: 'Carlos Ramírez',
      firstParagraph: 'SANTIAGO DE CHILE (EFE). — El Senado de Chile',
      lastParagraph: 'Según el Banco Central',
      speakers: ['Jeannette Jara', 'Juan Antonio Coloma'],
    },
  ],
  [
    'it: "di Luca Bianchi", "5 maggio 2026 alle 10:45", S.p.A. in the footer',
    italianIndustry,
    {
      title: "Fiat, a Mirafiori tornano i turni di notte: 600 assunzioni entro l'estate",
      source: 'Il Giornale di Torino',
      publishedAt: '2026-05-05T10:45:00.000Z',
      byline: 'Luca Bianchi',
      firstParagraph: 'TORINO — Stellantis riporterà i turni di notte',
      lastParagraph: 'Il ministro delle Imprese, Adolfo Urso',
      speakers: ['Stefano Lo Russo', 'Edi Lazzi'],
    },
  ],
  [
    'en: "<SITE> — World", two authors with a place, a photo credit, "Explore more on these topics"',
    englishWorld,
    {
      title: 'Drought forces Zambia to cut power for 17 hours a day',
      source: 'The Harbour Post',
      publishedAt: '2026-05-05T05:00:00.000Z',
      byline: 'Peter Mwale and Anna Kowalski',
      firstParagraph: "Zambia's state power company has extended daily blackouts",
      lastParagraph: 'The World Food Programme estimates',
      speakers: ['Justin Mwandu', 'Moses Banda'],
    },
  ],
  [
    'fr: a lower-case "il y a 3 heures · 5 mai 2026" under a long headline, a bare name as byline, "SA" in the footer',
    swissRegional,
    {
      title: 'Porrentruy : la fonderie ferme ses portes, 120 emplois supprimés',
      source: 'Le Quotidien du Jura',
      publishedAt: '2026-05-05T00:00:00.000Z',
      byline: 'Jean-Luc Voisin',
      firstParagraph: 'La fonderie Wenger, installée à Porrentruy depuis 1911',
      lastParagraph: 'La direction invoque la hausse des coûts',
      speakers: ['Philippe Eschmann', 'Marc Wenger'],
    },
  ],
  [
    'en: "Published 5:30 p.m. CT … | Updated 8:12 a.m. CT …", two authors without a marker',
    americanLocal,
    {
      title: 'City council approves $2 billion budget',
      source: 'Midwest Daily',
      publishedAt: '2026-05-05T22:30:00.000Z',
      byline: 'Sarah Connor and Tom Baker',
      firstParagraph: 'The city council approved a $2 billion budget',
      lastParagraph: 'The budget takes effect July 1, and the council will review its spending again',
      speakers: ['Linda Park', 'Jim Ortiz'],
    },
  ],
  [
    'pt: "Publicado em … às 09h30 Atualizado em … às 11h15" with no separator, two authors',
    brazilianEconomy,
    {
      title: 'Preço da gasolina sobe pela quarta semana seguida',
      source: 'Jornal do Vale',
      publishedAt: '2026-05-05T09:30:00.000Z',
      byline: 'Maria Souza e João Lima',
      firstParagraph: 'O preço médio da gasolina nos postos subiu',
      lastParagraph: 'afirmou Pereira',
      speakers: ['Carlos Pereira', 'Carlos Pereira'],
    },
  ],
  [
    'it: "Di Mario Rossi", "Aggiornato il … alle 09:30"',
    italianLocal,
    {
      title: 'Frana sulla statale, strada chiusa per due giorni',
      source: 'La Gazzetta del Lago',
      publishedAt: '2026-05-05T09:30:00.000Z',
      byline: 'Mario Rossi',
      firstParagraph: 'Una frana ha bloccato martedì mattina la strada statale 36',
      lastParagraph: 'I tecnici della Protezione civile sono sul posto.',
      speakers: ['Giulia Bianchi'],
    },
  ],
  [
    'de: a standfirst ending "… spricht von Chaos." under the headline signs nothing',
    germanKicker,
    {
      title: 'Koalition streitet über neues Schulgesetz',
      source: 'Nordkurier',
      publishedAt: '2026-05-05T09:30:00.000Z',
      byline: null,
      firstParagraph: 'Der Entwurf spaltet die Regierung',
      lastParagraph: 'sagte die Fraktionschefin der Grünen, Anna Berger',
      speakers: ['Anna Berger'],
    },
  ],
];

describe('scraped pages laid out unlike the seed', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const article = enrichText(text);
    const paragraphs = article.body.split('\n\n');
    expect({
      title: article.title,
      source: article.source.name,
      publishedAt: article.publishedAt,
      byline: article.byline,
      speakers: article.quotes.map((quote) => quote.speaker),
    }).toEqual({
      title: expected.title,
      source: expected.source,
      publishedAt: expected.publishedAt,
      byline: expected.byline,
      speakers: expected.speakers,
    });
    expect(paragraphs[0]).toContain(expected.firstParagraph);
    expect(paragraphs.at(-1)).toContain(expected.lastParagraph);
  });

  it('keeps no chrome line of any page in the body', () => {
    const chrome =
      /cookie|newsletter|most read|les plus lus|meistgelesen|mais lidas|lo más visto|ti potrebbe interessare|related|à lire aussi|mehr zum thema|leia também|leggi anche|^(?:share|partager|teilen|partilhar|compartir|condividi)\b|©|journaliste au|ist wirtschaftsredakteur|é jornalista|political editor\. she/iu;
    for (const [, text] of cases)
      for (const paragraph of enrichText(text).body.split('\n\n')) expect(paragraph).not.toMatch(chrome);
  });
});

describe('organisations, people and places of scraped pages', () => {
  const names = (text: string): { people: string[]; places: string[]; organizations: string[] } => {
    const { entities } = enrichText(text);
    return {
      people: entities.people.map((e) => e.name),
      places: entities.places.map((e) => e.name),
      organizations: entities.organizations.map((e) => e.name),
    };
  };

  it('splits coordinated organisations and reads geographic heads as places (en)', () => {
    const found = names(englishRegional);
    expect(found.organizations).toEqual(
      expect.arrayContaining(['Environment Agency', 'Stockton Borough Council', 'Northumbrian Water', 'Network Rail']),
    );
    expect(found.organizations).not.toContain('Environment Agency and Stockton Borough Council');
    expect(found.places).toContain('River Tees');
    expect(found.people).not.toContain('River Tees');
  });

  it('reads institutions with lower-case words and acronyms (fr), companies after a descriptor (de, pt)', () => {
    expect(names(frenchRegional).organizations).toEqual(
      expect.arrayContaining(['Lactalis', 'FDSEA', "Chambre d'agriculture des Pays de la Loire"]),
    );
    const german = names(germanBusiness);
    expect(german.organizations).toEqual(expect.arrayContaining(['Thyssenkrupp', 'IG Metall']));
    expect(german.people).toContain('Mona Neubaur');
    expect(german.places).not.toContain('Stahl');
    expect(german.organizations).not.toContain('Angaben des Konzerns');
    const portuguese = names(portugueseEnergy);
    expect(portuguese.organizations).toEqual(expect.arrayContaining(['Iberdrola', 'Câmara Municipal de Moura']));
    expect(portuguese.people).not.toContain('Península Ibérica');
  });

  it('reads an agency named by its programme (en)', () => {
    expect(names(englishWorld).organizations).toContain('World Food Programme');
  });

  it('takes nothing from share bars, menus or footers', () => {
    for (const [, text] of cases) {
      const found = names(text);
      for (const name of [...found.people, ...found.places, ...found.organizations])
        expect(name).not.toMatch(/^(?:Facebook|Twitter|WhatsApp|LinkedIn|Instagram|X|E-Mail|Email|Newsletter)$/u);
    }
  });
});

describe('an HTML page of an older markup era, without metadata', () => {
  it('reads the headline and byline from the page as a reader sees it', () => {
    const article = enrich(
      parseHtmlPage(tableLayoutHtml, { url: 'https://www.valleyherald.example/local/story.php?id=4411' }),
    );
    expect(article.title).toBe('Mill fire destroys historic warehouse');
    expect(article.byline).toBe('Robert Hale');
    // "Published: Tuesday, March 14, 2006 10:42 PM EST", printed under the headline.
    expect(article.publishedAt).toBe('2006-03-15T03:42:00.000Z');
    // The menu column's "Search" label, the headline, byline and date line are not the body.
    expect(article.body.startsWith('MILLBROOK - A fire that started late Monday night')).toBe(true);
    expect(article.dateline?.place).toBe('Millbrook');
    expect(article.quotes.map((quote) => quote.speaker)).toEqual(['Walter Brandt', 'Walter Brandt']);
  });
});

describe('a share bar inside the body', () => {
  const page = (lead: string, bar: string[], rest: string[]): string =>
    [
      'Harbour Times',
      'Home | News | Sport',
      'Ferry timetable changes from April',
      lead,
      ...bar,
      ...rest,
      '© 2026 Harbour Times',
    ].join('\n');

  it('is removed line by line, the text around it kept (de, es)', () => {
    const cases: Array<[string, string[], string[]]> = [
      [
        'Die Fährgesellschaft hat am Montag bestätigt, dass sich der Fahrplan ab April ändert, nachdem Pendler monatelang über volle Morgenfähren geklagt hatten.',
        ['Link', 'Mail', 'Whatsapp', 'Beitrag teilen'],
        [
          'Fahrgäste mit Jahreskarten behalten ihre bisherigen Preise bis zum Jahresende, teilte das Unternehmen in einer Erklärung mit.',
          'Die erste Fähre am Morgen legt künftig zwanzig Minuten früher ab, die letzte am Abend eine halbe Stunde später als bisher.',
        ],
      ],
      [
        'La naviera confirmó el lunes que el horario cambiará a partir de abril, después de meses de quejas de los pasajeros por los barcos llenos de la mañana.',
        ['Compartir en Facebook', 'Compartir en Twitter', 'Enviar por e-mail', 'Imprimir'],
        [
          'Los pasajeros con abono anual mantienen sus tarifas actuales hasta fin de año, dijo la empresa en un comunicado.',
          'El primer barco de la mañana saldrá veinte minutos antes y el último de la noche media hora más tarde que hasta ahora.',
        ],
      ],
    ];
    for (const [lead, bar, rest] of cases) {
      const article = enrichText(page(lead, bar, rest));
      for (const line of bar) expect(article.body.split('\n')).not.toContain(line);
      expect(article.body).toContain(lead);
      for (const paragraph of rest) expect(article.body).toContain(paragraph);
      const removed = article.removed.map((span) => span.text).join('\n');
      for (const line of bar) expect(removed).toContain(line);
      expect(article.removed.some((span) => span.kind === 'share-bar' && span.text.includes(bar[0]!))).toBe(true);
    }
  });
});

describe("the site's follow prompt closing the body", () => {
  const page = (paragraphs: string[], prompt: string): string =>
    [
      'Harbour Times',
      'Home | News | Sport',
      'Ferry timetable changes from April',
      ...paragraphs,
      prompt,
      '© 2026 Harbour Times',
    ].join('\n');

  it('is removed when it names three networks, in several languages', () => {
    const cases: Array<[string[], string]> = [
      [
        [
          'The ferry operator confirmed on Monday that the timetable will change from April, after months of complaints from commuters about crowded morning boats.',
          'Passengers with season tickets keep their current fares until the end of the year, the company said in a statement on its website.',
        ],
        'You can also follow us on Facebook, Instagram and Twitter and download our app from the App Store.',
      ],
      [
        [
          'La naviera confirmó el lunes que el horario cambiará a partir de abril, después de meses de quejas de los pasajeros por los barcos llenos de la mañana.',
          'Los pasajeros con abono anual mantienen sus tarifas actuales hasta fin de año, dijo la empresa en un comunicado publicado en su web.',
        ],
        'Puede escribirnos a redaccion@example.org o seguirnos en Facebook, Twitter, Instagram o suscribirse aquí a nuestra newsletter.',
      ],
    ];
    for (const [paragraphs, prompt] of cases) {
      const article = enrichText(page(paragraphs, prompt));
      expect(article.body).not.toContain(prompt);
      for (const paragraph of paragraphs) expect(article.body).toContain(paragraph);
    }
  });

  it('keeps a closing paragraph naming fewer networks, or a long one', () => {
    const paragraphs = [
      'Die Fährgesellschaft hat am Montag bestätigt, dass sich der Fahrplan ab April ändert, nachdem Pendler monatelang über volle Morgenfähren geklagt hatten.',
      'Fahrgäste mit Jahreskarten behalten ihre bisherigen Preise bis zum Jahresende, teilte das Unternehmen in einer Erklärung auf seiner Website mit.',
    ];
    const closing = [
      'Die Reederei will die neuen Abfahrtszeiten auch auf Facebook und Instagram bekannt geben, sagte eine Sprecherin am Montag.',
      `Der Konzern, dem Facebook, Instagram und WhatsApp gehören, hatte zuvor angekündigt, die Fahrpläne in seinen Diensten anzuzeigen. ${'Die Stadt begrüßte den Schritt und kündigte an, ihre eigenen Kanäle ebenfalls zu nutzen. '.repeat(3)}`.trim(),
    ];
    for (const paragraph of closing) expect(enrichText(page(paragraphs, paragraph)).body).toContain(paragraph);
  });
});
