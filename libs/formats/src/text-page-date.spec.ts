import { parseShortYearDate } from './dates';
import { parseTextPage } from './parse-text-page';
import { isEmbeddedPostLine, parseDateLine, unglueDate } from './text-page-layout';

describe('two dates run together by innerText', () => {
  it('separates a published stamp from the updated stamp glued after its year', () => {
    expect(unglueDate('10. Februar 20269. Februar 2026')).toBe('10. Februar 2026 9. Februar 2026');
    expect(unglueDate('19.11.202619.11.2026')).toBe('19.11.2026 19.11.2026');
    expect(unglueDate('15/01/202614/01/2026')).toBe('15/01/2026 14/01/2026');
    expect(unglueDate('15-01-202614-01-2026')).toBe('15-01-2026 14-01-2026');
  });

  it('leaves a year before a slash date of mixed separators alone', () => {
    expect(unglueDate('202614/01.2026')).toBe('202614/01.2026');
  });

  it("separates a calendar badge's day from its year", () => {
    expect(unglueDate('Apr 042026')).toBe('Apr 04 2026');
    expect(parseDateLine('Feb 182026')?.publishedAt?.slice(0, 10)).toBe('2026-02-18');
  });

  it('leaves phone numbers and plain numbers alone', () => {
    expect(unglueDate('Tel. 0345 122 99 84')).toBe('Tel. 0345 122 99 84');
    expect(unglueDate('Fax 12345678')).toBe('Fax 12345678');
  });

  it('runs in linear time on long digit runs', () => {
    const started = Date.now();
    unglueDate('2026'.repeat(50_000));
    unglueDate(`a 12${'2026'.repeat(50_000)}`);
    unglueDate('1.1.'.repeat(50_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('dates a page whose date line glues the published and updated stamps', () => {
    const page = [
      'Harbour Times',
      'Veröffentlicht am 10. Februar 20269. Februar 2026 von Jana',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
      'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-02-10');
  });

  it('dates a page by the glued numeric stamps under its article', () => {
    const page = [
      'Le Journal du Port',
      'Les dockers votent la grève pour le printemps',
      'Les dockers du quai nord ont voté lundi à une large majorité pour une grève, a indiqué le syndicat dans un communiqué.',
      "La grève doit commencer au printemps si les négociations avec les exploitants n'aboutissent pas d'ici là.",
      'Les exploitants veulent présenter jeudi une nouvelle offre, nettement plus élevée selon eux.',
      '15/01/202614/01/2026',
      'Navigation des articles',
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-01-15');
  });
});

describe('the date line under the headline', () => {
  const body = [
    'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
    'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
    'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
  ];

  it('is taken over a dated teaser or event listed above the headline', () => {
    const page = [
      'Harbour Times',
      'Termine',
      '20.02.2026 20:00 Stammtisch',
      '13.02.2026 20:00 Stammtisch',
      'Allgemein',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'von Jana',
      '21. Januar 2026',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-01-21');
  });

  it('gives way to a line that is only a date directly above the headline', () => {
    const page = [
      'Harbour Books',
      'Rezensionen',
      'Samstag, 9. Mai 2026',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Verlag: Hafenbuch',
      'Erscheinungsdatum: 14.04.2026',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-05-09');
  });
});

describe('a two-digit year after a date label', () => {
  it('is read as 20yy', () => {
    expect(parseDateLine('Publié le 27 mars 26 à 9h21')?.publishedAt).toBe('2026-03-27T09:21:00.000Z');
    expect(parseDateLine('Veröffentlicht am 14. Januar 26')?.publishedAt).toBe('2026-01-14T00:00:00.000Z');
    expect(parseShortYearDate('14 Gennaio 26')?.iso).toBe('2026-01-14T00:00:00.000Z');
  });

  it('is not read without a label, nor with an unknown month word', () => {
    expect(parseDateLine('3 May 26')).toBeNull();
    expect(parseDateLine('Published 3 ships 26')).toBeNull();
  });

  it('is read in linear time', () => {
    const started = Date.now();
    parseShortYearDate(`1 ${'a'.repeat(100_000)} 26`);
    parseShortYearDate(`1 de ${'de '.repeat(30_000)}x`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("a date stamp above the site's menus", () => {
  const menu = ['Startseite', 'Politik', 'Wirtschaft', 'Sport', 'Kultur', 'Reise', 'Wissen', 'Panorama'];
  const body = [
    'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
    'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
    'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
  ];

  it("gives way to the article's own date near its headline", () => {
    const page = [
      'Mittwoch, 8. Juli 2026',
      ...menu,
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      '27.04.2026 - 18:50 Uhr',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-04-27');
  });

  it('still dates a page that prints no other date', () => {
    const page = [
      'Mittwoch, 8. Juli 2026',
      ...menu,
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-07-08');
  });
});

describe('a sentence saying when the article was posted', () => {
  const body = [
    'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
    'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
  ];

  it('dates the page over an event date near the headline', () => {
    const page = [
      'Harbour Times',
      'Hafenfest im Frühjahr',
      'Termin: 21.02.2026, 19 Uhr',
      ...body,
      'Der Beitrag wurde am Mittwoch, den 27. November 2025 um 15:21 Uhr veröffentlicht und wurde unter Allgemein, Region, Termine abgelegt. Du kannst die Kommentare verfolgen.',
      'Kommentare',
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2025-11-27');
  });

  it('is read in English and French', () => {
    const dated = (line: string): string | undefined =>
      parseTextPage(['Harbour Times', 'Dockers vote to strike', ...body, line].join('\n')).publishedAt?.slice(0, 10);
    expect(dated('This entry was posted on Wednesday, May 6th, 2026 at 3:21 pm and is filed under Harbour.')).toBe(
      '2026-05-06',
    );
    expect(dated('Cet article a été publié le 5 mai 2026 dans Port.')).toBe('2026-05-05');
  });
});

describe('a social post embedded in the article', () => {
  it('is told by the handle in parentheses on its signature line', () => {
    expect(isEmbeddedPostLine('— Harbour Pilots (@harbourpilots) May 5, 2026')).toBe(true);
    expect(
      isEmbeddedPostLine('Ein Beitrag geteilt von Jana Beispiel (@jana.beispiel) am Apr 21, 2026 um 4:47 PDT'),
    ).toBe(true);
    expect(isEmbeddedPostLine('Follow us @harbourtimes, 5 May 2026')).toBe(false);
  });

  it("does not date the article: the page's own date line below the body does", () => {
    const page = [
      'Harbour Times',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
      'Ein Beitrag geteilt von Harbour Pilots (@harbourpilots) am Apr 21, 2026 um 4:47 PDT',
      'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
      'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
      'Themen',
      'von Jana',
      '18.10.2026 16:06 Uhr',
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-10-18');
  });
});

describe('a date line with a time and an update stamp beside it', () => {
  it('keeps the time when a relative update follows, with or without a clock', () => {
    const line = 'Publié le 5 mai 2026 à 08h12 · Mis à jour il y a 3 heures';
    expect(parseDateLine(line)?.publishedAt).toBe('2026-05-05T08:12:00.000Z');
    expect(parseDateLine(line, { now: '2026-05-05T12:00:00Z' })?.publishedAt).toBe('2026-05-05T08:12:00.000Z');
  });

  it('splits an update stamp after a comma: "…, modifié le …" / "…, updated …"', () => {
    expect(parseDateLine('Publié le 05 mai 2026 à 08h12, modifié le 05 mai 2026 à 10h30')).toEqual({
      publishedAt: '2026-05-05T08:12:00.000Z',
      updatedAt: '2026-05-05T10:30:00.000Z',
      dateOnly: false,
      byline: null,
    });
    expect(
      parseDateLine('Publicado el 5 de mayo de 2026 a las 10.45, actualizado 5 de mayo de 2026 a las 12.10')?.updatedAt,
    ).toBe('2026-05-05T12:10:00.000Z');
  });

  it('dates a French page from its date line to the minute', () => {
    const page = [
      'Le Courrier du Port',
      'Économie',
      'Les dockers votent la grève pour le printemps',
      'Publié le 5 mai 2026 à 08h12 · Mis à jour il y a 3 heures',
      'Les dockers du quai nord ont voté lundi à une large majorité pour une grève au printemps, a indiqué le syndicat.',
      'La grève doit commencer au printemps si les négociations avec les opérateurs n’aboutissent pas d’ici là.',
    ].join('\n');
    expect(parseTextPage(page).publishedAt).toBe('2026-05-05T08:12:00.000Z');
  });
});

describe('a line naming a date after several words near the headline', () => {
  const body = [
    'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
    'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
    'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
  ];

  it('is a sentence, not the date line: the dated line with its author is', () => {
    const page = [
      'Harbour Times',
      'Protokoll der Vorstandssitzung vom 10. Januar 2026',
      '26/01/2026 von Hafen Webteam',
      'Zeit und Ort: 15.00 – 16.45 im Hafenhaus, Pierstraße 24-26, 8037 Zürich',
      'Abnahme Protokoll der letzten Vorstandssitzung vom 5.1.2026 akzeptiert',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-01-26');
  });

  it('still dates the page when its line opens with the byline marker', () => {
    const page = [
      'Harbour Times',
      'Les dockers votent la grève pour le printemps prochain',
      'par la rédaction le 4 janvier 2026',
      'Les dockers du quai nord ont voté lundi à une large majorité pour une grève, a indiqué le syndicat dans un communiqué.',
      "La grève doit commencer au printemps si les négociations avec les exploitants n'aboutissent pas d'ici là.",
      'Les exploitants veulent présenter jeudi une nouvelle offre, nettement plus élevée selon eux.',
    ].join('\n\n');
    expect(parseTextPage(page).publishedAt?.slice(0, 10)).toBe('2026-01-04');
  });
});

describe('a page whose one date line stands far from its headline', () => {
  const body = [
    'The dockworkers of the north pier voted on Monday by a wide margin to strike, the union said in a statement.',
    'The strike is due to begin in the spring if talks with the operators have not reached a result by then.',
    'The operators plan to present a new offer on Thursday, which they say will be markedly higher.',
  ];
  const filler = Array.from({ length: 45 }, (_, i) => `Chapter note ${String.fromCharCode(65 + (i % 26))}`);

  it('is dated by that line', () => {
    const page = [
      'Harbour Serials',
      'Chapter 1: The Strike',
      ...body,
      ...filler,
      'Follow Author',
      'Thursday, August 6, 2026 9:09:24 AM',
    ];
    expect(parseTextPage(page.join('\n\n')).publishedAt).toBe('2026-08-06T09:09:24.000Z');
  });

  it('is left undated when other date lines name other days (comments)', () => {
    const page = [
      'Harbour Serials',
      'Capítulo 1: La huelga',
      ...body,
      ...filler,
      'jueves, 6 de agosto de 2026',
      'viernes, 7 de agosto de 2026',
    ];
    expect(parseTextPage(page.join('\n\n')).publishedAt).toBeNull();
  });
});

describe('a date line with a published and an updated stamp', () => {
  const page = (dateLine: string): string =>
    [
      'Midwest Daily',
      'Local | Nation | World',
      'City council approves a two billion dollar budget',
      dateLine,
      'The city council approved a two billion dollar budget on Tuesday after a meeting that lasted six hours.',
      'The budget takes effect in July, and the council will review its spending again in the autumn.',
    ].join('\n');

  it('dates the page by the published stamp under the headline, and keeps the update', () => {
    const item = parseTextPage(page('Published 5:30 p.m. CT May 5, 2026 | Updated 8:12 a.m. CT May 6, 2026'));
    expect(item.publishedAt).toBe('2026-05-05T22:30:00.000Z');
    expect(item.updatedAt).toBe('2026-05-06T13:12:00.000Z');
  });

  it('splits an update label glued to the published stamp without a separator', () => {
    expect(parseDateLine('Publicado em 05/05/2026 às 09h30 Atualizado em 05/05/2026 às 11h15')).toEqual({
      publishedAt: '2026-05-05T09:30:00.000Z',
      updatedAt: '2026-05-05T11:15:00.000Z',
      dateOnly: false,
      byline: null,
    });
    expect(parseDateLine('May 5, 2026 5:30 p.m. CT Updated 8:12 a.m. CT May 6, 2026')?.updatedAt).toBe(
      '2026-05-06T13:12:00.000Z',
    );
  });

  it('reads a byline after the date and a bare "Le"/"Am" before it', () => {
    expect(parseDateLine('Posted on May 5, 2026 by Jane Doe')).toEqual({
      publishedAt: '2026-05-05T00:00:00.000Z',
      updatedAt: null,
      dateOnly: true,
      byline: 'Jane Doe',
    });
    expect(parseDateLine('Le 05/05/2026 à 09:30')?.publishedAt).toBe('2026-05-05T09:30:00.000Z');
    expect(parseDateLine('Am 05.05.2026 von Jana Beispiel')?.byline).toBe('Jana Beispiel');
    expect(parseDateLine('Updated by the editors')).toBeNull();
  });

  it('still takes an update stamp alone only when nothing else dates the page', () => {
    const item = parseTextPage(page('Updated 8:12 a.m. CT May 6, 2026'));
    expect(item.publishedAt).toBe('2026-05-06T13:12:00.000Z');
  });
});
