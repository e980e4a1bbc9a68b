import { fastestRun } from '@wirestream/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTextPage } from './parse-text-page';
import {
  analyzeTextPageLayout,
  copyrightHolder,
  findBylineInLine,
  isCaption,
  isCaptionWithCredit,
  parseDateLine,
  publicationName,
  unglueDate,
} from './text-page-layout';

// The sample article in the repo's examples/ (a pure lib may not import libs/testing, which owns the helper).
const GLOBAL_VILLAGE_EXAMPLE = path.resolve(__dirname, '../../../examples/global-village-space-trump-petro.txt');

const gvs = readFileSync(GLOBAL_VILLAGE_EXAMPLE, 'utf8');

describe('parseTextPage', () => {
  it('reads title, date and site name from the Global Village Space page', () => {
    const item = parseTextPage(gvs, { url: null });
    expect(item.title).toBe('Trump meets with Colombia’s Petro after diplomatic row over cartels');
    expect(item.publishedAt).toBe('2026-02-04T00:00:00.000Z');
    expect(item.sourceName).toBe('Global Village Space');
    expect(item.format).toBe('text');
    expect(item.contentType).toBe('text');
    expect(item.content).toBe(gvs);
    expect(item.externalId).toBeNull();
    expect(item.pubStatus).toBe('usable');
  });

  it('prefers a source name given by the caller, and keeps the url', () => {
    const item = parseTextPage(gvs, { url: 'https://example.org/a', sourceName: 'GVS' });
    expect(item.sourceName).toBe('GVS');
    expect(item.url).toBe('https://example.org/a');
  });

  it('finds banner, date line, headline and footer lines', () => {
    const layout = analyzeTextPageLayout(gvs);
    expect(layout.chrome.map((line) => line.kind)).toEqual(['banner', 'dateline', 'headline', 'footer']);
    expect(layout.chrome.at(-1)?.text).toBe('Global Village Space');
  });

  it('handles a masthead, crumbs and a byline + time date line', () => {
    const page = [
      'The Daily Ledger',
      'Home | World | Africa',
      'Kenya reopens northern border crossing after six-month closure',
      'By Ana Ruiz and Tom Hale | Feb. 4, 2026 10:31 AM EST',
      'NAIROBI, Feb 4 (Reuters) - Kenya reopened its northern border crossing at Moyale on Wednesday, six months after it was shut.',
      '© 2026 The Daily Ledger. All rights reserved.',
    ].join('\n');
    const item = parseTextPage(page);
    expect(item.title).toBe('Kenya reopens northern border crossing after six-month closure');
    expect(item.publishedAt).toBe('2026-02-04T15:31:00.000Z');
    expect(item.byline).toBe('Ana Ruiz and Tom Hale');
    expect(item.sourceName).toBe('The Daily Ledger');
  });

  it('handles a Spanish page with a "Bienvenidos a" banner and a Spanish date', () => {
    const page =
      'Bienvenidos a Diario del Sur\n\nmiércoles, 4 de febrero de 2026\n\nBogotá aprueba un plan de movilidad\n\nLa alcaldía de Bogotá aprobó este miércoles un plan de movilidad para el centro histórico.';
    const item = parseTextPage(page);
    expect(item.sourceName).toBe('Diario del Sur');
    expect(item.title).toBe('Bogotá aprueba un plan de movilidad');
    expect(item.publishedAt).toBe('2026-02-04T00:00:00.000Z');
  });

  it('handles pipe-wrapped banners and Published/Updated stamps', () => {
    const page =
      'Skip to content\n| Harbour Times |\nPort expansion approved after decade-long dispute\nPublished: 2026-03-12T08:15:00Z | Updated: 2026-03-12T10:00:00Z\nThe regional council approved the expansion on Thursday after a long dispute.';
    const item = parseTextPage(page);
    expect(item.sourceName).toBe('Harbour Times');
    expect(item.title).toBe('Port expansion approved after decade-long dispute');
    expect(item.publishedAt).toBe('2026-03-12T08:15:00.000Z');
    expect(item.updatedAt).toBe('2026-03-12T10:00:00.000Z');
  });

  it('does not take a prose paragraph for the headline', () => {
    const item = parseTextPage(
      'The council met on Thursday and approved the plan after a long debate.\n\nMore text follows here.',
    );
    expect(item.title).toBeNull();
  });
});

describe('text pages from any site', () => {
  const NOW = '2026-05-05T12:00:00.000Z';

  it('takes the headline, not the banner, and keeps the menu, cookie notice and footer out of the article', () => {
    const page = [
      'WORLD HERALD — World',
      'Home',
      'World',
      'Business',
      'Sport',
      'We use cookies to improve your experience.',
      'Accept',
      'Flood barriers hold as river peaks above record level',
      'Updated 09:30 BST, 5 May 2026',
      'By Jane Doe, Political Editor',
      'The river crested at 6.4 metres on Tuesday morning, above the previous record set in 1947, but the new barriers along the old town held, officials said.',
      'Emergency crews spent the night moving sandbags to the lower streets, where water had seeped under the doors of several shops.',
      '“We were lucky, and we were ready,” the mayor told reporters, adding that the clean-up would take weeks.',
      'Share this article',
      'Most read',
      'Markets slide on rate fears',
      'Storm warning for the coast',
      '© 2026 World Herald Media Ltd. All rights reserved.',
    ].join('\n');
    const item = parseTextPage(page, { now: NOW });
    expect(item.title).toBe('Flood barriers hold as river peaks above record level');
    expect(item.publishedAt).toBe('2026-05-05T08:30:00.000Z');
    expect(item.byline).toBe('Jane Doe');
    // The masthead names the publication; the copyright line its owner company.
    expect(item.sourceName).toBe('World Herald');
    const layout = analyzeTextPageLayout(page);
    expect(layout.blocks.slice(layout.span.start, layout.span.end + 1)).toHaveLength(3);
    expect(layout.chrome.find((line) => line.text === 'Most read')).toBeDefined();
  });

  it('reads a German page: "Stand:" date, "Von" byline with two authors', () => {
    const page = [
      'Startseite',
      'Politik',
      'Wirtschaft',
      'Stadtrat beschließt neuen Radweg am Ufer',
      'Stand: 05.05.2026, 09:30 Uhr',
      'Von Anna Schmidt und Jonas Weber',
      'Der Stadtrat hat am Montagabend mit großer Mehrheit den Bau eines neuen Radwegs entlang des Ufers beschlossen.',
      'Die Arbeiten sollen im Herbst beginnen und rund zwei Jahre dauern, teilte die Verwaltung mit.',
      'Kommentare',
      'Impressum | Datenschutz | Kontakt',
    ].join('\n');
    const item = parseTextPage(page);
    expect(item.title).toBe('Stadtrat beschließt neuen Radweg am Ufer');
    expect(item.publishedAt).toBe('2026-05-05T09:30:00.000Z');
    expect(item.byline).toBe('Anna Schmidt und Jonas Weber');
  });

  it('prefers the absolute date of "il y a 3 heures · 5 mai 2026", and reads a relative one alone', () => {
    const head = ['Accueil', 'Le gouvernement présente son plan pour les hôpitaux', 'Par Marie Dupont'];
    const body = [
      'Le gouvernement a présenté mardi un plan de trois milliards d’euros pour les hôpitaux publics, a annoncé la ministre.',
      'Les syndicats ont salué un premier pas mais demandent davantage de postes.',
    ];
    const absolute = parseTextPage([...head, 'il y a 3 heures · 5 mai 2026', ...body].join('\n'), { now: NOW });
    expect(absolute.publishedAt).toBe('2026-05-05T00:00:00.000Z');
    expect(absolute.byline).toBe('Marie Dupont');
    const relative = parseTextPage([...head, 'il y a 3 heures', ...body].join('\n'), { now: NOW });
    expect(relative.publishedAt).toBe('2026-05-05T09:00:00.000Z');
  });
});

describe('author box', () => {
  it('names the author from a label line after the article when the header has none', () => {
    const page = [
      'Startseite',
      'Wölfe töten Hund in Südtirol',
      'In Südtirol endete eine Begegnung von einem Hund und einem Rudel Wölfe tödlich, berichten die Behörden.',
      'Der Besitzer blieb unverletzt, stand aber unter Schock, wie die Feuerwehr mitteilte.',
      'Autor',
      'Jon Nitz',
      'Vorheriger Beitrag',
    ].join('\n');
    expect(parseTextPage(page).byline).toBe('Jon Nitz');
  });
});

describe('findBylineInLine', () => {
  it('reads names after a marker, with roles dropped and several authors kept', () => {
    expect(findBylineInLine('By Jane Doe, Political Editor')).toBe('Jane Doe');
    expect(findBylineInLine('1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.')).toBe('Lars Sobiraj');
    expect(findBylineInLine('por Raúl Espina 4 mayo, 2022')).toBe('Raúl Espina');
    expect(findBylineInLine('Par Chokri Gharbi et Kab Niang')).toBe('Chokri Gharbi et Kab Niang');
    expect(findBylineInLine('Written by: Julie Mollins')).toBe('Julie Mollins');
    expect(findBylineInLine('The council met by the river')).toBeNull();
  });
});

describe('dates glued to their neighbours by innerText', () => {
  it('separates a year from the time after it and a name from the date after it', () => {
    expect(unglueDate('miércoles, 4 de mayo de 202600:00 hs')).toBe('miércoles, 4 de mayo de 2026 00:00 hs');
    expect(unglueDate('19.2.202616:20')).toBe('19.2.2026 16:20');
    expect(unglueDate('ANA RUIZ3.11.2026')).toBe('ANA RUIZ 3.11.2026');
    expect(unglueDate('Harbour Times Australia28 October 2026')).toBe('Harbour Times Australia 28 October 2026');
    expect(unglueDate('Harbour Times Australia28 boats')).toBe('Harbour Times Australia28 boats');
    expect(unglueDate('Published 4 May 2026, 10:31')).toBe('Published 4 May 2026, 10:31');
  });

  it('reads the date of such a line', () => {
    expect(parseDateLine('19.2.202616:20')?.publishedAt?.slice(0, 10)).toBe('2026-02-19');
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      'ANA RUIZ3.11.2026',
      'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
      'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).publishedAt?.slice(0, 10)).toBe('2026-11-03');
  });

  it('runs in linear time on long digit and letter runs', () => {
    const started = Date.now();
    unglueDate('2026'.repeat(25_000));
    unglueDate(`${'a1.1.'.repeat(20_000)}2026`);
    unglueDate('.'.repeat(100_000));
    unglueDate('a1 abc '.repeat(15_000));
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('a byline line under a long headline', () => {
  it('is not read as part of the headline', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts at the northern pier',
      'von Jana Beispiel',
      '4. Februar 2026',
      'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
      'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
    ].join('\n');
    const layout = analyzeTextPageLayout(page);
    expect(layout.title).toBe('Harbour pilots vote to strike over night shifts at the northern pier');
    expect(layout.byline).toBe('Jana Beispiel');
  });
});

describe('the publication named by a footer', () => {
  it('drops a company form before the name and a register number after it', () => {
    expect(publicationName('SA HARBOUR TIMES')).toBe('HARBOUR TIMES');
    expect(publicationName('C.A. Harbour Times RIF J-00012345-6')).toBe('Harbour Times');
    expect(publicationName('SAMPLE Harbour Times')).toBe('SAMPLE Harbour Times');
  });

  it('drops a legal form written in capitals without dots after the name, by case', () => {
    expect(publicationName('© Le Quotidien du Jura SA 2026')).toBe('Le Quotidien du Jura');
    expect(publicationName('Gazzetta del Porto SpA')).toBe('Gazzetta del Porto');
    expect(publicationName('Harbour Times BV')).toBe('Harbour Times');
    expect(publicationName('Revista Casa Sa')).toBe('Revista Casa Sa');
  });

  it('drops "since <year> by" before the name', () => {
    expect(publicationName('since 2010 by J.Example')).toBe('J.Example');
  });

  it('reads a name written before the copyright sign, or after the rights phrase', () => {
    expect(copyrightHolder('Harbour Times® © 2026')).toBe('Harbour Times');
    expect(copyrightHolder('Harbour Times ©2014-2026')).toBe('Harbour Times');
    expect(copyrightHolder('All rights reserved. Harbour Times ©2026')).toBe('Harbour Times');
    expect(copyrightHolder('Photo: © Ana Ruiz')).toBeUndefined();
  });

  it('runs in linear time on long sign and punctuation runs', () => {
    // The fastest of up to three runs (fastestRun): a loaded machine only adds time; a quadratic pass is over every time.
    const { ms } = fastestRun(() => {
      copyrightHolder(`${'a'.repeat(150)} © ${'-'.repeat(40)}`);
      publicationName(`${'RIF '.repeat(20_000)}1`);
      publicationName(`${'since '.repeat(20_000)}x`);
    }, 500);
    expect(ms).toBeLessThan(500);
  });
});

describe('the headline among share bars', () => {
  it('is not a button of a share bar that the page repeats', () => {
    const bar = [
      'Facebook',
      'Twitter',
      'LinkedIn',
      'Email',
      'Show more sharing options',
      'Share Close extra sharing options',
      'Copy Link URLCopied!',
      'Print',
    ];
    const headline = 'Harbour pilots vote to strike over the new night shifts at the northern pier';
    const page = [
      'Harbour Times',
      ...bar,
      'Politics',
      headline,
      'Pilots at the northern pier during the morning shift.',
      '(Jane Doe / Harbour Times)',
      'By Ana Ruiz',
      'Feb. 4, 2026',
      ...bar,
      'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
      'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
      'Both sides said they hoped to settle the dispute before the first ferries of the spring season arrive in March.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe(headline);
  });
});

describe('headline lines with something run into them', () => {
  const body = [
    'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
    'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
  ];

  it('drops crumbs or a button label run into the headline when the page prints it alone', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike',
      'Home',
      'World',
      'Business',
      'Sport',
      'Weather',
      'Share Harbour pilots vote to strike',
      ...body,
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe('Harbour pilots vote to strike');
  });

  it('keeps a kicker label, and does not cut down to a one-word menu entry', () => {
    const kicker = ['Harbour Times', 'Strike: Pilots vote to strike', ...body, 'Pilots vote to strike'].join('\n');
    expect(analyzeTextPageLayout(kicker).title).toBe('Strike: Pilots vote to strike');
    const menu = ['Harbour Times', 'Pilots Training', ...body, 'Training'].join('\n');
    expect(analyzeTextPageLayout(menu).title).toBe('Pilots Training');
  });

  it('keeps a "by: Name" line under the headline apart', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over the new night shifts at the pier',
      'by: Ana Ruiz',
      ...body,
    ].join('\n');
    const layout = analyzeTextPageLayout(page);
    expect(layout.title).toBe('Harbour pilots vote to strike over the new night shifts at the pier');
    expect(layout.byline).toBe('Ana Ruiz');
  });
});

describe('photo captions', () => {
  it('are told by a caption label or a closing credit', () => {
    expect(isCaption('Media caption The mayor told reporters the pier would reopen')).toBe(true);
    expect(isCaption('Pilots on the northern pier on Monday (Image: Jane Doe)')).toBe(true);
    expect(isCaption('Pilots on the northern pier on Monday. Source: Supplied')).toBe(true);
    expect(isCaption('Pilots on the northern pier on Monday. EFE')).toBe(true);
    expect(isCaption('Pilots on the northern pier on Monday. AFP/DPA')).toBe(true);
  });

  it('are not headlines with abbreviations or parentheses', () => {
    expect(isCaption('Harbour pilots vote to strike (again)')).toBe(false);
    expect(isCaption('U.S. GDP grows')).toBe(false);
    expect(isCaption('Pilots strike at the pier. Talks resume next week')).toBe(false);
  });

  it('are not taken for the headline', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      'Feb. 4, 2026',
      'Pilots on the northern pier on Monday (Image: Jane Doe)',
      'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
      'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).title).toBe('Harbour pilots vote to strike over night shifts');
  });

  it('are told in linear time', () => {
    const started = Date.now();
    isCaption(`${'A '.repeat(50_000)}.`);
    isCaption(`x(${'('.repeat(50_000)})`);
    isCaption(`${'a b c d. '.repeat(10_000)}AB${' AB'.repeat(10_000)}`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('the date of a page without a date line near its headline', () => {
  const prose = (n: number): string[] =>
    Array.from(
      { length: n },
      (_, i) =>
        `Paragraph ${i + 1}: the harbour pilots voted on Monday to strike over the new night shifts at the pier.`,
    );

  it('is read from a paragraph that opens with it', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      '4.2.2026 - The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said, ' +
        'and the port authority said it would meet the union again next week to talk about the rota for the winter.',
      ...prose(3),
    ].join('\n');
    expect(analyzeTextPageLayout(page).publishedAt?.slice(0, 10)).toBe('2026-02-04');
  });

  it('is read from a signed line far below the article', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      ...prose(60),
      'Written by Ana Ruiz, PhD on February 4, 2026',
    ].join('\n');
    expect(analyzeTextPageLayout(page).publishedAt?.slice(0, 10)).toBe('2026-02-04');
  });

  it('is not read from a reference that only mentions a name after "by"', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      ...prose(60),
      'Votes cast by Ana Ruiz. Retrieved 2026-02-04.',
    ].join('\n');
    expect(analyzeTextPageLayout(page).publishedAt).toBeNull();
  });
});

describe('photo captions inside the body', () => {
  it('are lines closed by a credit', () => {
    expect(isCaptionWithCredit('Pilots on the northern pier last year. Photograph: Jane Doe/Agency')).toBe(true);
    expect(isCaptionWithCredit('Die Pier am Montag (Foto: Jana Beispiel)')).toBe(true);
    expect(isCaptionWithCredit('Die Pier am Montag. © Harbour Times')).toBe(true);
    expect(isCaptionWithCredit('Quelle: Landesregierung')).toBe(true);
  });

  it('are not paragraphs, nor a label inside a sentence', () => {
    expect(isCaptionWithCredit('The pier reopens in spring - Image: a new start for the harbour town')).toBe(false);
    expect(isCaptionWithCredit(`${'The harbour pilots voted to strike. '.repeat(8)}Source: Reuters`)).toBe(false);
    expect(isCaptionWithCredit('The union said the photo: a fake, was never taken at the northern pier at all')).toBe(
      false,
    );
  });

  it('are taken out of the article', () => {
    const page = [
      'Harbour Times',
      'Harbour pilots vote to strike over night shifts',
      'Feb. 4, 2026',
      'The harbour pilots voted on Monday to strike over the new night shifts at the northern pier, the union said.',
      'Pilots on the northern pier last year. Photograph: Jane Doe/Agency',
      'The port authority said it would meet the union again next week to talk about the rota for the winter months.',
      'Both sides said they hoped to settle the dispute before the first ferries of the spring season arrive in March.',
    ].join('\n');
    const layout = analyzeTextPageLayout(page);
    expect(layout.chrome.find((line) => line.index === 4)?.kind).toBe('boilerplate');
  });

  it('are told in linear time', () => {
    const started = Date.now();
    isCaptionWithCredit('©'.repeat(100_000));
    isCaptionWithCredit(`${'foto: '.repeat(40)}x`);
    isCaptionWithCredit('.'.repeat(100_000));
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('a long headline at the start of the prose run', () => {
  // The date line is long enough (eight words or more) to count for the run, which then starts at the headline.
  it('is the headline when its date line sits between it and the first paragraph', () => {
    const page = [
      'Home',
      'News',
      'Harbour pilots end their three-week strike after the port agrees to new shifts',
      'May 4, 2026 • words by Ana Ruiz • photographs by Tom Hale',
      'The harbour pilots returned to work on Monday morning, three weeks after the strike began over night shifts.',
      'The port authority agreed to hire six more pilots and to cap the number of night shifts each of them works.',
      'Ships that waited outside the harbour for days began to enter the port in the early afternoon on Monday.',
    ].join('\n');
    const layout = analyzeTextPageLayout(page);
    expect(layout.title).toBe('Harbour pilots end their three-week strike after the port agrees to new shifts');
    expect(layout.publishedAt?.slice(0, 10)).toBe('2026-05-04');
    expect(layout.byline).toBe('Ana Ruiz');
  });
});

describe('the publication named by a copyright line with more after the name', () => {
  it('ends the holder at a stop followed by a tagline sentence', () => {
    expect(copyrightHolder('© 2026 Harbour Times Deutschland. Frisch gedruckt und nach Hause geliefert.')).toBe(
      'Harbour Times Deutschland',
    );
    expect(copyrightHolder('© 2026 Harbour Times. Your port, your news, every single day')).toBe('Harbour Times');
  });

  it('keeps an abbreviation stop and a short rest', () => {
    expect(copyrightHolder('© 2026 Harbour Times Co. Ltd')).toBe('Harbour Times Co. Ltd');
    expect(copyrightHolder('© 2026 St. Ives Harbour News')).toBe('St. Ives Harbour News');
  });

  it('drops the company word after a name of two or more words', () => {
    expect(publicationName('The Harbour Daily Times Company')).toBe('The Harbour Daily Times');
    expect(publicationName('Harbour Times Corporation')).toBe('Harbour Times');
    expect(publicationName('Fast Company')).toBe('Fast Company');
    expect(publicationName('The Company')).toBe('The Company');
  });

  it('runs in linear time on long runs of stops', () => {
    const started = Date.now();
    copyrightHolder(`© 2026 ${'A. '.repeat(66)}`);
    copyrightHolder(`© ${'. '.repeat(50_000)}`);
    publicationName(`${'. '.repeat(50_000)}Company`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('a name printed as the masthead and again in the footer', () => {
  const body = [
    'The harbour pilots returned to work on Monday morning, three weeks after the strike began over night shifts.',
    'The port authority agreed to hire six more pilots and to cap the number of night shifts each of them works.',
    'Ships that waited outside the harbour for days began to enter the port in the early afternoon on Monday.',
  ];
  it('names the site even when it does not spell the host', () => {
    const page = [
      'Küstenblatt für Hafenleute',
      'Pilots end their strike',
      ...body,
      'Kontakt',
      '© Küstenblatt für Hafenleute',
    ];
    expect(parseTextPage(page.join('\n'), { url: 'https://www.kbh-news.example/pilots' }).sourceName).toBe(
      'Küstenblatt für Hafenleute',
    );
  });

  it('gives way to the host when printed at one end only', () => {
    const page = ['Pilots end their strike', ...body, 'Kontakt', '© Example Media Group'];
    expect(parseTextPage(page.join('\n'), { url: 'https://www.kbh-news.example/pilots' }).sourceName).toBe(
      'kbh-news.example',
    );
  });
});

describe('the host written out inside a footer line', () => {
  const body = [
    'The harbour pilots returned to work on Monday morning, three weeks after the strike began over night shifts.',
    'The port authority agreed to hire six more pilots and to cap the number of night shifts each of them works.',
    'Ships that waited outside the harbour for days began to enter the port in the early afternoon on Monday.',
  ];
  const url = 'https://www.harbour-times.example/pilots';
  it('names the site over a longer sub-brand line', () => {
    const page = [
      'Pilots end their strike',
      ...body,
      'Harbour-Times Business Club',
      'Harbour-Times.example auf Twitter',
    ];
    expect(parseTextPage(page.join('\n'), { url }).sourceName).toBe('Harbour-Times.example');
  });

  it('is not read from an e-mail or web address, and gives way to the name spelt in words', () => {
    const inMail = [
      'Pilots end their strike',
      ...body,
      'Harbour-Times Business Club',
      'redaktion@harbour-times.example',
    ];
    expect(parseTextPage(inMail.join('\n'), { url }).sourceName).toBe('Harbour-Times Business Club');
    const spelt = ['Pilots end their strike', ...body, 'Kontakt: harbour-times.example', '© 2026 Harbour Times'];
    expect(parseTextPage(spelt.join('\n'), { url }).sourceName).toBe('Harbour Times');
  });
});
