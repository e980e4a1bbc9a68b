import { mayStartDate, parseDateText, parseLooseDate } from './dates';

describe('parseLooseDate', () => {
  it.each([
    ['Wednesday, February 4, 2026', '2026-02-04T00:00:00.000Z', true],
    ['4 February 2026', '2026-02-04T00:00:00.000Z', true],
    ['4th Feb 2026', '2026-02-04T00:00:00.000Z', true],
    ['Feb. 4, 2026 10:31 AM EST', '2026-02-04T15:31:00.000Z', false],
    ['June 3, 2026 at 2:15 p.m. ET', '2026-06-03T18:15:00.000Z', false],
    ['2026-02-04', '2026-02-04T00:00:00.000Z', true],
    ['2026-02-04T10:31:00+05:00', '2026-02-04T05:31:00.000Z', false],
    ['2026-02-04T10:31:00.250Z', '2026-02-04T10:31:00.250Z', false],
    ['miércoles, 4 de febrero de 2026', '2026-02-04T00:00:00.000Z', true],
    ['4 de febrero de 2026, 18:05 CET', '2026-02-04T17:05:00.000Z', false],
    ['4. Februar 2026 um 10:31 Uhr', '2026-02-04T10:31:00.000Z', false],
    ['mercredi 4 février 2026', '2026-02-04T00:00:00.000Z', true],
  ])('%s → %s', (text, iso, dateOnly) => {
    expect(parseLooseDate(text)).toEqual({ iso, dateOnly });
  });

  it.each(['', 'February 30, 2026', 'Trump meets Petro', 'February 4, 2026 and more', '2026', 'Smarch 4, 2026'])(
    'rejects %p',
    (text) => {
      expect(parseLooseDate(text)).toBeNull();
    },
  );
});

describe('parseDateText (dates as sites print them)', () => {
  it('reads a label, then the time before the date with a zone', () => {
    expect(parseDateText('Updated 09:30 BST, 5 May 2026')?.iso).toBe('2026-05-05T08:30:00.000Z');
    expect(parseDateText('Published 9:30 am EDT on May 5, 2026')?.iso).toBe('2026-05-05T13:30:00.000Z');
  });

  it('reads numeric German dates with "Uhr" and a "Stand:" label', () => {
    expect(parseDateText('Stand: 05.05.2026, 09:30 Uhr')?.iso).toBe('2026-05-05T09:30:00.000Z');
    expect(parseDateText('Aktualisiert am 5.5.2026 um 17:05 Uhr')?.iso).toBe('2026-05-05T17:05:00.000Z');
  });

  it('settles day/month order by the weekday, else by the language', () => {
    // 4 May 2026 is a Monday; 5 April 2026 a Sunday.
    expect(parseDateText('Monday 05/04/2026')?.iso.slice(0, 10)).toBe('2026-05-04');
    expect(parseDateText('Sunday, 05/04/2026')?.iso.slice(0, 10)).toBe('2026-04-05');
    expect(parseDateText('05/04/2026', { language: 'en' })?.iso.slice(0, 10)).toBe('2026-05-04');
    expect(parseDateText('05/04/2026', { language: 'fr' })?.iso.slice(0, 10)).toBe('2026-04-05');
    expect(parseDateText('25/12/2026 3:10 pm', { language: 'en' })?.iso).toBe('2026-12-25T15:10:00.000Z');
  });

  it('reads the day-first and month-first forms of en/es/fr/de/pt/it', () => {
    const days = [
      '5 May 2026',
      'May 5, 2026',
      '5 de mayo de 2026',
      '5 mai 2026',
      '5. Mai 2026',
      '5 de maio de 2026',
      '5 maggio 2026',
    ].map((t) => parseDateText(t)?.iso.slice(0, 10));
    expect(days).toEqual(Array(7).fill('2026-05-05'));
  });

  it('reads relative dates against the clock, and not without one', () => {
    const now = '2026-05-05T12:00:00.000Z';
    for (const text of ['3 hours ago', 'vor 3 Stunden', 'il y a 3 heures', 'hace 3 horas', 'há 3 horas', '3 ore fa']) {
      expect(parseDateText(text, { now })?.iso).toBe('2026-05-05T09:00:00.000Z');
    }
    expect(parseDateText('vor einem Tag', { now })?.iso.slice(0, 10)).toBe('2026-05-04');
    expect(parseDateText('3 hours ago')).toBeNull();
  });

  it('rejects what is not a date', () => {
    expect(parseDateText('Trump meets Petro')).toBeNull();
    expect(parseDateText('31.02.2026')).toBeNull();
    expect(parseDateText('10:30 the meeting begins')).toBeNull();
  });
});

describe('mayStartDate (where a date among words can start)', () => {
  const read = [
    '2026-05-05T09:30:00Z',
    'Wednesday, February 4, 2026 at 10:31 AM EST',
    'Feb. 4, 2026',
    '4. Februar 2026 um 10:31 Uhr',
    '4 de febrero de 2026',
    'segunda-feira, 4 de maio de 2026',
    'Updated 09:30 BST, 5 May 2026',
    'Last updated on 5 May 2026',
    'Stand: 05.05.2026, 09:30 Uhr',
    'Zuletzt aktualisiert am 06.11.2025',
    'Publié le 5 mai 2026 à 9h21',
    'mis à jour le 5 mai 2026',
    'Posted5 May 2026',
    '09:30, 5 May 2026',
    'Dienstag, 05.05.2026',
    '5/4/2026 3:10 pm',
  ];

  it('holds for the first word of every date parseDateText reads', () => {
    for (const text of read) {
      expect(parseDateText(text)).not.toBeNull();
      expect(mayStartDate(text.split(' ')[0]!)).toBe(true);
    }
  });

  it('rules out names and ordinary words', () => {
    for (const word of ['Jane', 'Doe', 'the', 'Harbour', 'Kommentar', 'Min.']) expect(mayStartDate(word)).toBe(false);
  });
});

describe('parseDateText: times of day as fr/pt/es/de/it/en pages write them', () => {
  it.each([
    // Local times without a zone stay as written (read as UTC), like "09:30 Uhr".
    ['Publié le 5 mai 2026 à 08h12', '2026-05-05T08:12:00.000Z'],
    ['Publié le 5 mai 2026 à 8 h 12', '2026-05-05T08:12:00.000Z'],
    ['Publié le 5 mai 2026 à 08H12', '2026-05-05T08:12:00.000Z'],
    ['Publié le 5 mai 2026 à 8h', '2026-05-05T08:00:00.000Z'],
    ['Publicado em 5 de maio de 2026 às 10h45', '2026-05-05T10:45:00.000Z'],
    ['5 de mayo de 2026 a las 10.45', '2026-05-05T10:45:00.000Z'],
    ['5 de mayo de 2026 a las 10:45 h', '2026-05-05T10:45:00.000Z'],
    ['5 de mayo de 2026 a las 10.45 horas', '2026-05-05T10:45:00.000Z'],
    ['5. Mai 2026 um 9.30 Uhr', '2026-05-05T09:30:00.000Z'],
    ['5. Mai 2026 um 9 Uhr', '2026-05-05T09:00:00.000Z'],
    ['05.05.2026 um 9 Uhr', '2026-05-05T09:00:00.000Z'],
    ['5 maggio 2026 alle 10:45', '2026-05-05T10:45:00.000Z'],
    ['5 maggio 2026, ore 10:45', '2026-05-05T10:45:00.000Z'],
    ['5 May 2026 10.45am', '2026-05-05T10:45:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ iso, dateOnly: false });
  });

  it.each([
    ['5. Mai 2026 um 09:30 Uhr MESZ', '2026-05-05T07:30:00.000Z'],
    ['5. Februar 2026, 09:30 Uhr (MEZ)', '2026-02-05T08:30:00.000Z'],
    ['Mis à jour le 5 mai 2026 à 10h30 CEST', '2026-05-05T08:30:00.000Z'],
    ['Publié le 5 mai 2026 à 08h12 (heure de Paris)', '2026-05-05T06:12:00.000Z'],
    ['Publié le 5 février 2026 à 08h12 heure de Paris', '2026-02-05T07:12:00.000Z'],
    ['5 de maio de 2026, 10h45 (hora de Lisboa)', '2026-05-05T09:45:00.000Z'],
    ['05/05/2026 a las 10:45 CET', '2026-05-05T09:45:00.000Z'],
    ['5 May 2026, 10.45am BST', '2026-05-05T09:45:00.000Z'],
    ['May 5, 2026 9:30 p.m. ET', '2026-05-06T01:30:00.000Z'],
    ['May 5, 2026 at 9:30 p.m. PT', '2026-05-06T04:30:00.000Z'],
    ['5 May 2026 09:30 GMT', '2026-05-05T09:30:00.000Z'],
    ['5 May 2026 09:30 UTC', '2026-05-05T09:30:00.000Z'],
  ])('with its zone: %s → %s', (text, iso) => {
    expect(parseDateText(text)?.iso).toBe(iso);
  });

  it('keeps a bare number after the year and an unknown word after a time unread', () => {
    expect(parseDateText('5 mai 2026 8')).toBeNull();
    expect(parseDateText('5 May 2026 10:45 hkx')).toBeNull();
  });

  it('does not take the "il" of "il y a" for a label article', () => {
    expect(parseDateText('Mis à jour il y a 3 heures', { now: '2026-05-05T12:00:00Z' })?.iso).toBe(
      '2026-05-05T09:00:00.000Z',
    );
  });
});

describe('parseDateText: weekday abbreviations and relative days', () => {
  const now = '2026-05-06T12:00:00Z';

  it('reads the abbreviated weekdays of de/fr/es/it/pt before a date, and "Mar" stays March', () => {
    expect(parseDateText('Di., 05.05.2026, 09:30 Uhr')?.iso).toBe('2026-05-05T09:30:00.000Z');
    expect(parseDateText('jeu. 7 mai 2026')?.iso).toBe('2026-05-07T00:00:00.000Z');
    expect(parseDateText('qua, 06/05/2026')?.iso).toBe('2026-05-06T00:00:00.000Z');
    expect(parseDateText('Mar 5, 2026')?.iso).toBe('2026-03-05T00:00:00.000Z');
  });

  it('reads "yesterday"/"today" and a time against the clock, in six languages', () => {
    expect(parseDateText('Yesterday at 5:30 PM', { now })?.iso).toBe('2026-05-05T17:30:00.000Z');
    expect(parseDateText('Heute, 09:30 Uhr', { now })?.iso).toBe('2026-05-06T09:30:00.000Z');
    expect(parseDateText('Hier à 17h30', { now })?.iso).toBe('2026-05-05T17:30:00.000Z');
    expect(parseDateText('Ayer a las 17:30', { now })?.iso).toBe('2026-05-05T17:30:00.000Z');
    expect(parseDateText('Ontem às 17h30', { now })?.iso).toBe('2026-05-05T17:30:00.000Z');
    expect(parseDateText('Oggi alle 9:30', { now })?.iso).toBe('2026-05-06T09:30:00.000Z');
  });

  it('reads no relative day without a clock or a time', () => {
    expect(parseDateText('Yesterday at 5:30 PM')).toBeNull();
    expect(parseDateText('Yesterday', { now })).toBeNull();
  });
});
