import { execSlot, foldCase, WordList, type SlotPattern } from './word-slots';

const WORDS = ['said', 'says', 'a dit', 'a déclaré', 'fait', 'fait savoir', 'gibt zu bedenken', 's’étonne', "s'étonne"];
const list = new WordList(WORDS);
/** The alternation the list stands for, as the quote rules held it. */
const ALTERNATION = String.raw`(?:${WORDS.join('|')})(?![\p{L}])`;

/** What a test compares of an exec result: the strings, the index, the indices when there are any. */
const shape = (m: RegExpExecArray | null): unknown => m && [[...m], m.index, m.indices ? [...m.indices] : null];

describe('WordList.endsAt', () => {
  it('gives the ends of the words at a position, in list order, only before a non-letter', () => {
    expect(list.endsAt('he said.', 3)).toEqual([7]);
    expect(list.endsAt('he saids.', 3)).toEqual([]);
    expect(list.endsAt('unsaid', 2)).toEqual([6]); // what comes before is the lead's business
    expect(list.endsAt('fait savoir que', 0)).toEqual([4, 11]);
    expect(list.endsAt('elle a dit', 5)).toEqual([10]);
    expect(list.endsAt('elle a ditto', 5)).toEqual([]);
    expect(list.endsAt('il s’étonne', 3)).toEqual([11]);
    expect(list.endsAt("il s'étonne", 3)).toEqual([11]);
    expect(list.endsAt('er gibt zu bedenken, dass', 3)).toEqual([19]);
    expect(list.endsAt('', 0)).toEqual([]);
  });

  it('is case-sensitive unless asked, then folds case as a /iu regex does', () => {
    expect(list.endsAt('SAID', 0)).toEqual([]);
    expect(list.endsAt('SAID', 0, true)).toEqual([4]);
    expect(list.endsAt('ſaid', 0, true)).toEqual([4]); // long s folds to s
    expect(list.endsAt('A DÉCLARÉ', 0, true)).toEqual([9]);
    for (const text of ['SAID', 'ſaid', 'Said', 'A DÉCLARÉ', 'FAIT SAVOIR', 'İsaid', 'S’ÉTONNE'])
      expect(list.startsAt(text, 0, true)).toBe(new RegExp(`^${ALTERNATION}`, 'iu').test(text));
  });

  it('folds per code point, keeping the length', () => {
    expect(foldCase('ÄußERTE')).toBe('äußerte');
    expect(foldCase('İ')).toBe('İ');
    expect(foldCase('\u212Aey')).toBe('key');
    expect(foldCase('😀A')).toBe('😀a');
  });

  it('rejects a word that does not open with a letter', () => {
    expect(() => new WordList(['-said'])).toThrow(/open with a letter/u);
  });
});

describe('execSlot', () => {
  const slot = (text: string, at: number): readonly number[] => list.endsAt(text, at);
  const cases: Array<{ name: string; pattern: SlotPattern; regex: RegExp }> = [
    {
      name: 'anchored, a tail with groups and indices',
      pattern: {
        lead: /^(?:\s*[,.—–])?\s*(?=\p{L})/u,
        slot,
        tail: /\s+((?:\p{Ll}+\s+){0,2})(\p{Lu}\p{Ll}+)/duy,
      },
      regex: new RegExp(String.raw`^(?:\s*[,.—–])?\s*${ALTERNATION}\s+((?:\p{Ll}+\s+){0,2})(\p{Lu}\p{Ll}+)`, 'du'),
    },
    {
      name: 'searched, a comma lead',
      pattern: { lead: /,\s*(?=\p{L})/gu, slot, tail: /\s+(\p{Lu}\p{Ll}+)\s*[,.]/uy },
      regex: new RegExp(String.raw`,\s*${ALTERNATION}\s+(\p{Lu}\p{Ll}+)\s*[,.]`, 'u'),
    },
    {
      name: 'searched, a word start, no tail',
      pattern: { lead: /(?<![\p{L}])(?=\p{L})/gu, slot },
      regex: new RegExp(String.raw`(?<![\p{L}])${ALTERNATION}`, 'u'),
    },
    {
      name: 'a lead with a group',
      pattern: { lead: /(?<![\p{L}])(?:the|la)\s+(\p{Ll}{4,})\s+(?=\p{L})/gu, slot, tail: /\s*[.!?]$/uy },
      regex: new RegExp(String.raw`(?<![\p{L}])(?:the|la)\s+(\p{Ll}{4,})\s+${ALTERNATION}\s*[.!?]$`, 'u'),
    },
  ];
  const texts = [
    ', said Ana.',
    ' — fait savoir que la ministre Ana',
    'fait savoir Ana, fait Bob.',
    ', a dit  la Ana',
    'x, saids Ana, says Bob.',
    'the minister said.',
    'la ministra a déclaré !',
    '😀, said Ana.',
    'unsaid, said',
    ', says the jury Ana',
    '',
  ];

  it.each(cases)('matches as the regex with the alternation does: $name', ({ pattern, regex }) => {
    for (const text of texts) expect([text, shape(execSlot(text, pattern))]).toEqual([text, shape(regex.exec(text))]);
  });

  it('matches as the regex does on generated text', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const parts = [
      ...WORDS,
      'SAID',
      'the',
      'la',
      'minister',
      'Ana',
      'Bob',
      ',',
      '.',
      ' ',
      ' ',
      '  ',
      '—',
      '!',
      '😀',
      'x',
    ];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + random(9) }, () => parts[random(parts.length)]).join(random(2) ? ' ' : '');
      for (const { pattern, regex } of cases)
        expect([text, shape(execSlot(text, pattern))]).toEqual([text, shape(regex.exec(text))]);
    }
  });

  it('searches from a given position, as a global regex from its lastIndex', () => {
    const pattern: SlotPattern = { lead: /(?<![\p{L}])(?=\p{L})/gu, slot };
    const regex = new RegExp(String.raw`(?<![\p{L}])${ALTERNATION}`, 'gu');
    const text = 'he said, she says, they fait savoir';
    for (const from of [0, 4, 9, 20, 35]) {
      regex.lastIndex = from;
      expect(shape(execSlot(text, pattern, from))).toEqual(shape(regex.exec(text)));
    }
  });

  it('stays linear on a long run of leads without a word', () => {
    const pattern: SlotPattern = { lead: /,\s*(?=\p{L})/gu, slot, tail: /\s+(\p{Lu}\p{Ll}+)/uy };
    const text = ', x'.repeat(100_000);
    const started = Date.now();
    expect(execSlot(text, pattern)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
