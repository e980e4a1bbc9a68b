import { parseTextPage } from './parse-text-page';
import { findBylineInLine, nameAfterMarkerLine, signatureName } from './text-page-layout';
import { nameOnDateLine } from './text-page-byline';

describe('nameOnDateLine', () => {
  it('reads a name printed before or after the date without a byline marker', () => {
    expect(nameOnDateLine('Jana Beispiel | 06.11.23')).toBe('Jana Beispiel');
    expect(nameOnDateLine('25.10.2022 - Max Muster')).toBe('Max Muster');
    expect(nameOnDateLine('Erika Beispiel am 18. September 2025')).toBe('Erika Beispiel');
    expect(nameOnDateLine('Jana Beispiel Zuletzt geändert am 06.11.2025')).toBe('Jana Beispiel');
    expect(nameOnDateLine('JANE DOE 3.11.2025')).toBe('JANE DOE');
    expect(nameOnDateLine('Jane Doe, 01.12.2025')).toBe('Jane Doe');
    expect(nameOnDateLine('23.06.2025 um 16:14 Uhr - Max Muster - 91 Ergänzungen')).toBe('Max Muster');
    expect(nameOnDateLine('Ursula von der Beispiel, 4. Mai 2026')).toBe('Ursula von der Beispiel');
  });

  it('prefers a person to a publication named on the same line', () => {
    expect(nameOnDateLine('The Harbour Times 02/10/2025 Jane Doe')).toBe('Jane Doe');
    expect(nameOnDateLine('Jane Doe, The Harbour News Published 7:40 p.m. ET March 17, 2025')).toBe('Jane Doe');
  });

  it('drops a section label the page prints alone as a menu entry', () => {
    const menu = (word: string): boolean => ['audio', 'interviews'].includes(word.toLowerCase());
    expect(nameOnDateLine('October 26, 2025 Jane Doe Audio', menu)).toBe('Jane Doe');
    expect(nameOnDateLine('27.01.2025 Latest Interviews', menu)).toBeNull();
  });

  it('reads no name from dates with labels, reading times, counts or noun phrases', () => {
    expect(nameOnDateLine('5 Min. 1. November 2025 1 Kommentar')).toBeNull();
    expect(nameOnDateLine('Protokoll der Vorstandssitzung vom 10. Oktober 2025')).toBeNull();
    expect(nameOnDateLine('Updated 09:30 BST, 5 May 2026')).toBeNull();
    expect(nameOnDateLine('Home | News | 5 May 2026')).toBeNull();
    expect(nameOnDateLine('Jane Doe writes about the harbour')).toBeNull();
  });

  it('reads long lines in bounded time', () => {
    expect(nameOnDateLine(`${'Jane '.repeat(100_000)}5 May 2026`)).toBeNull();
    const started = Date.now();
    for (let i = 0; i < 200; i++) nameOnDateLine(`${'1. '.repeat(40)}`.slice(0, 139));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('a byline on the date line under the headline', () => {
  it('is read without a "By" or "Von" marker', () => {
    const page = [
      'Harbour Times',
      'Home | Politik | Wirtschaft',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Jana Beispiel | 06.11.2025',
      'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
      'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
      'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
    ].join('\n');
    const item = parseTextPage(page);
    expect(item.byline).toBe('Jana Beispiel');
    expect(item.publishedAt?.slice(0, 10)).toBe('2025-11-06');
  });
});

describe('several authors after a byline marker', () => {
  it('keeps every name of a comma-separated list, and drops a role after the names', () => {
    expect(findBylineInLine('Posted by Jane Doe, John Roe, Ann Poe and Max Muster - Harbour Safety team')).toBe(
      'Jane Doe, John Roe, Ann Poe and Max Muster',
    );
    expect(findBylineInLine('By Jane Doe, John Roe')).toBe('Jane Doe, John Roe');
    expect(findBylineInLine('By Jane Doe, Political Editor')).toBe('Jane Doe');
    expect(findBylineInLine('By Jane Doe, chief reporter')).toBe('Jane Doe');
    expect(findBylineInLine('Von Max Muster und Erika Beispiel')).toBe('Max Muster und Erika Beispiel');
    expect(findBylineInLine('Por Ana Ruiz, Redacción')).toBe('Ana Ruiz');
  });
});

describe('a marker word inside a standfirst', () => {
  it('is no byline when the "names" end the sentence', () => {
    expect(findBylineInLine('Der Entwurf spaltet die Regierung – die Opposition spricht von Chaos.')).toBeNull();
    expect(findBylineInLine('The plan was approved by Council Members.')).toBeNull();
    expect(findBylineInLine('Posted by Jane Doe.')).toBe('Jane Doe.');
  });
});

describe('a bare byline under the headline', () => {
  const page = (byline: string): string =>
    [
      'Midwest Daily',
      'City council approves a two billion dollar budget',
      byline,
      'The city council approved a two billion dollar budget on Tuesday after a meeting that lasted six hours.',
      'The budget takes effect in July, and the council will review its spending again in the autumn.',
    ].join('\n');

  it('names every author joined by "and" or commas, in the languages the service reads', () => {
    expect(parseTextPage(page('Sarah Connor and Tom Baker')).byline).toBe('Sarah Connor and Tom Baker');
    expect(parseTextPage(page('Ana Ruiz, Luis Gil y Eva Sanz')).byline).toBe('Ana Ruiz, Luis Gil y Eva Sanz');
    expect(parseTextPage(page('Jana Beispiel')).byline).toBe('Jana Beispiel');
  });

  it('reads the Italian marker "Di" at the start of the line', () => {
    expect(parseTextPage(page('Di Mario Rossi')).byline).toBe('Mario Rossi');
    expect(parseTextPage(page('di Giulia Bianchi e Luca Verdi')).byline).toBe('Giulia Bianchi e Luca Verdi');
  });
});

describe('signatureName', () => {
  it('reads a line that starts with a byline marker or an author label', () => {
    expect(signatureName('Text: Jana Beispiel / harbour-times.example')).toBe('Jana Beispiel');
    expect(signatureName('Posted by Jane Doe at 18:52 Tagged with: harbour, strike')).toBe('Jane Doe');
    expect(signatureName('Auteur : Jeanne Dupont')).toBe('Jeanne Dupont');
    expect(signatureName('Par : Jeanne Dupont| Actu Normandie')).toBe('Jeanne Dupont');
    expect(signatureName('Autorin: Erika Beispiel, Projektleiterin in Kiel.')).toBe('Erika Beispiel');
    expect(signatureName('Eingestellt von Weinfreundin um 10:52')).toBe('Weinfreundin');
    expect(signatureName('Written by Jane Doe, PhD on April 29, 2026')).toBe('Jane Doe');
  });

  it('is not a sentence that opens with the same word', () => {
    expect(signatureName('Von Anfang an war klar, dass der Streik kommt.')).toBeNull();
    expect(signatureName('By Tuesday the pier was closed again')).toBeNull();
    expect(signatureName('Par ailleurs, le port reste fermé.')).toBeNull();
  });
});

describe('a signature line below the article', () => {
  it('names the author when the header has no byline', () => {
    const page = [
      'Harbour Times',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
      'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
      'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
      'Text: Jana Beispiel',
      'Kommentare',
    ].join('\n');
    expect(parseTextPage(page).byline).toBe('Jana Beispiel');
  });
});

describe('a byline marker inside a line', () => {
  it('is not a byline when the names run on into a sentence', () => {
    expect(findBylineInLine('Ein Projekt hat mit der Herstellung von Pellets aus Laub begonnen.')).toBeNull();
    expect(
      findBylineInLine('Home Climate Management of Forests by Indigenous Peoples Key to Protecting Climate'),
    ).toBeNull();
  });

  it('is a byline when a date, a handle, a section, a separator or a label follows the names', () => {
    expect(findBylineInLine('6. Dezember 2025 von Jana in Gefühle, Popkultur')).toBe('Jana');
    expect(findBylineInLine('Por Ana Ruiz @anaruiz mayo 11, 2026')).toBe('Ana Ruiz');
    expect(findBylineInLine('1.11.25 20:19 von Max Muster Lesezeit: 4 Min.')).toBe('Max Muster');
    expect(findBylineInLine('Harbour life by Jane Doe | 3 min read')).toBe('Jane Doe');
  });
});

describe('a paragraph that opens like a signature', () => {
  it('does not name the author', () => {
    const page = [
      'Harbour Times',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
      'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `Im Jahr ${2010 + i} verschiffte die Pier mehr Container als im Jahr davor, und die Arbeit wurde mehr.`,
      ),
      'Von Hamburg in die Welt: Die Pier verschifft jedes Jahr mehr Container, und die Arbeit wird nicht weniger.',
      'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
    ].join('\n');
    expect(parseTextPage(page).byline).toBeNull();
  });
});

describe('a byline split over two lines', () => {
  it('reads the name under a line that ends with the marker or is an author label', () => {
    expect(nameAfterMarkerLine('Tipps von', 'Jana Beispiel')).toBe('Jana Beispiel');
    expect(nameAfterMarkerLine('By', 'Jane DoeReporter')).toBe('Jane Doe');
    expect(nameAfterMarkerLine('Auteur', 'Jeanne Dupont')).toBe('Jeanne Dupont');
    expect(nameAfterMarkerLine('Kultur Von', 'Max Muster')).toBe('Max Muster');
  });

  it('reads more authors, each on its own line after a joiner line', () => {
    expect(nameAfterMarkerLine('By', 'Jane Doe', 'and', 'John Roe', 'Nov 9, 2025')).toBe('Jane Doe and John Roe');
    expect(nameAfterMarkerLine('Von', 'Max Muster', 'und', 'Erika Beispiel', 'und', 'Jana Beispiel')).toBe(
      'Max Muster and Erika Beispiel and Jana Beispiel',
    );
    expect(nameAfterMarkerLine('By', 'Jane Doe', 'and', 'the harbour was closed')).toBe('Jane Doe');
  });

  it('needs the whole next line to be the name', () => {
    expect(nameAfterMarkerLine('Rezept von', 'Zum Profil von jane')).toBeNull();
    expect(nameAfterMarkerLine('Die Pier wurde gebaut von', 'Max Muster')).toBeNull();
    expect(nameAfterMarkerLine('Harbour Times', 'Jane Doe')).toBeNull();
  });
});

describe('the byline among the lines around the headline', () => {
  const body = [
    'Die Hafenarbeiter der nördlichen Pier haben am Montag mit großer Mehrheit für einen Streik gestimmt, wie die Gewerkschaft mitteilte.',
    'Der Streik soll im Frühjahr beginnen, falls die Verhandlungen mit den Betreibern bis dahin zu keinem Ergebnis führen.',
    'Die Betreiber wollen am Donnerstag ein neues Angebot vorlegen, das nach ihren Worten deutlich höher ausfällt.',
  ];

  it('is a marked name before a capitalised subtitle under the headline', () => {
    const page = [
      'Harbour Times',
      '26.10.2025',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Das Streik-Gespenst',
      'Die Gewerkschaft droht, die Betreiber bleiben gelassen, und die Stadt sorgt sich um den Hafen.',
      'Wirtschaft Von',
      'Max Muster',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).byline).toBe('Max Muster');
  });

  it('is the name after a marker inside a line, not the words before it', () => {
    const page = [
      'Harbour Times',
      'Hafenarbeiter stimmen für einen Streik im Frühjahr',
      'Blog Beitrag von Jana Beispiel',
      ...body,
    ].join('\n');
    expect(parseTextPage(page).byline).toBe('Jana Beispiel');
  });
});

describe('a role run into the name', () => {
  it('is split off and dropped', () => {
    expect(findBylineInLine('By Jane DoeStaff Writer')).toBe('Jane Doe');
    expect(findBylineInLine('By Jane Doe Senior Reporter')).toBe('Jane Doe');
    expect(findBylineInLine('By Jane McDonald')).toBe('Jane McDonald');
  });
});

describe('an Italian byline line', () => {
  const page = (byline: string): string =>
    [
      'IL GIORNALE DEL PORTO',
      'Home / Economia',
      'Il porto riapre dopo tre settimane di sciopero dei lavoratori',
      byline,
      '5 maggio 2026 alle 10:45',
      'Condividi',
      'I lavoratori del porto sono tornati al lavoro lunedì mattina dopo tre settimane di sciopero, ha annunciato il sindacato.',
      "L'accordo prevede un aumento dei salari del sei per cento in due anni e nuove regole per i turni di notte nel porto.",
    ].join('\n');

  it('reads the names after a lower-case "di"', () => {
    expect(parseTextPage(page('di Luca Bianchi')).byline).toBe('Luca Bianchi');
    expect(parseTextPage(page('di Luca Bianchi e Sara Rossi')).byline).toBe('Luca Bianchi e Sara Rossi');
  });

  it('does not read a surname that starts with "Di" as a marker', () => {
    expect(parseTextPage(page('Di Maio')).byline).not.toBe('Maio');
  });
});

describe('two authors, the first filing from a place', () => {
  it('reads both names and not the place', () => {
    expect(findBylineInLine('By Peter Mwale in Lusaka and Anna Kowalski')).toBe('Peter Mwale and Anna Kowalski');
    expect(findBylineInLine('Par Jean Dupont à Genève et Marie Curie')).toBe('Jean Dupont et Marie Curie');
    expect(findBylineInLine('Von Thomas Müller aus Berlin und Anna Schmidt')).toBe('Thomas Müller und Anna Schmidt');
  });

  it('stops at a place that ends the line or at a section of one word', () => {
    expect(findBylineInLine('By Jane Doe in Nairobi')).toBe('Jane Doe');
    expect(findBylineInLine('von Jana Beispiel in Kultur und Gesellschaft')).toBe('Jana Beispiel');
  });
});
