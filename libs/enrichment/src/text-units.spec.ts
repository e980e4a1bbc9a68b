import { fnv1a64, hammingDistance64, simhash64, simhash64OfLowerCaseWords } from './fingerprint';
import { detectLanguage, detectLanguageOfLowerCaseWords } from './language';
import { summarize } from './summary';
import { sentences, wordCountFromLowerCaseWords, words } from './text-units';

/** Texts whose lower case is not character for character (İ, final sigma) or holds curly apostrophes. */
const TRICKY_TEXTS = [
  '',
  'One',
  'Two words',
  'Colombia’s president said the half-century conflict’s end was near',
  'İSTANBUL, March 3 — İstanbul’s mayor said İzmir would follow',
  'ΟΔΟΣ.Α and ΟΔΟΣ Σ ΣΑΣ in Αθήνα',
  'a\ud800b lone surrogates \udc00 and 😀 emoji 3-4 42',
];

describe('wordCountFromLowerCaseWords', () => {
  it.each(TRICKY_TEXTS)('counts the words of %j', (text) => {
    expect(wordCountFromLowerCaseWords(text, words(text.toLowerCase()))).toBe(words(text).length);
  });

  it('relies on lower-casing keeping the kind of every character but İ', () => {
    const kind = (c: string): string => (/[\p{L}\p{N}]/u.test(c) ? 'word' : /['’-]/u.test(c) ? 'joiner' : 'other');
    const changed: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const lower = [...char.toLowerCase()];
      if (lower.length !== 1 || kind(lower[0] as string) !== kind(char)) changed.push(code);
    }
    expect(changed).toEqual([0x130]);
  });
});

describe('sentences', () => {
  it('does not split at abbreviations or initials and keeps closing quotes', () => {
    expect(sentences('Mr. Smith met J. Doe in the U.S. on Monday. “It went well.” He left.')).toEqual([
      'Mr. Smith met J. Doe in the U.S. on Monday.',
      '“It went well.”',
      'He left.',
    ]);
  });
});

describe('summarize', () => {
  it('takes at most two whole sentences from the first substantial paragraph', () => {
    const summary = summarize([
      'Photo: AFP',
      'One two three four five six seven eight nine ten eleven twelve. Second sentence here. Third one.',
    ]);
    expect(summary).toBe('One two three four five six seven eight nine ten eleven twelve. Second sentence here.');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['The government said on Monday that it would not change the law before the election.', 'en'],
    ['El gobierno dijo el lunes que no cambiará la ley antes de las elecciones, según la prensa.', 'es'],
    ['Le gouvernement a dit lundi qu’il ne changerait pas la loi avant les élections dans le pays.', 'fr'],
    ['Die Regierung sagte am Montag, dass sie das Gesetz vor der Wahl nicht ändern wird und auch nicht will.', 'de'],
    ['Il governo ha detto lunedì che non cambierà la legge prima delle elezioni, secondo la stampa della città.', 'it'],
    ['O governo disse na segunda-feira que não vai mudar a lei antes das eleições, segundo a imprensa do país.', 'pt'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text, null)).toBe(lang);
  });

  it('gives the same answer from the lower-cased words', () => {
    const text =
      'Die Regierung sagte am Montag, dass sie das Gesetz vor der Wahl nicht ändern wird und auch nicht will.';
    for (const declared of [null, 'de-AT', 'en', 'xx'])
      expect(detectLanguageOfLowerCaseWords(words(text.toLowerCase()), declared)).toBe(detectLanguage(text, declared));
  });

  it('reads only the first 2000 words', () => {
    const english = 'the cat sat on the mat and the dog was in the house '.repeat(200);
    const spanish = 'el perro y la casa de los gatos en el pueblo '.repeat(400);
    expect(detectLanguage(`${english} ${spanish}`, null)).toBe('en');
  });

  it('falls back to the declared language for short text', () => {
    expect(detectLanguage('Hola', 'es-CO')).toBe('es');
    expect(detectLanguage('Hi', null)).toBeNull();
  });
});

describe('fingerprint', () => {
  it('uses 64-bit FNV-1a', () => {
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
  });

  it('hashes the UTF-8 bytes, as a BigInt FNV-1a over Buffer.from(text) does, for every kind of character', () => {
    const reference = (text: string): bigint => {
      let hash = 0xcbf29ce484222325n;
      for (const byte of Buffer.from(text, 'utf8'))
        hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return hash;
    };
    // ASCII, 2-, 3- and 4-byte characters, a surrogate pair, lone surrogates (encoded as U+FFFD), the edges.
    for (const text of [
      'news',
      'é',
      'ü€',
      '日本語',
      '😀',
      'a\ud800b',
      '\udc00',
      '\u07ff\u0800\uffff',
      '\u{10ffff}',
      'x’y',
    ])
      expect(fnv1a64(text)).toBe(reference(text));
  });

  it("equals SimHash over the shingle strings hashed whole, with ’ read as '", () => {
    const reference = (text: string): string => {
      const tokens = words(text.toLowerCase().replace(/’/gu, "'"));
      const shingles = tokens.length < 3 ? tokens : tokens.slice(2).map((_, i) => tokens.slice(i, i + 3).join(' '));
      let fingerprint = 0n;
      for (let bit = 0n; bit < 64n; bit++) {
        const ones = shingles.filter((s) => (fnv1a64(s) >> bit) & 1n).length;
        if (2 * ones > shingles.length) fingerprint |= 1n << bit;
      }
      return fingerprint.toString(16).padStart(16, '0');
    };
    // Long texts too: the bit counts are gathered 15 shingles at a time (none, one and several batches, and a rest).
    const mixed = 'Año señor Straße naïve 日本語 😀 x’y café İstanbul Ελλάδα Москва 2026 half-century'.split(' ');
    const long = (n: number): string => Array.from({ length: n }, (_, i) => mixed[(i * 7) % mixed.length]).join(' ');
    for (const text of [
      ...TRICKY_TEXTS,
      'the quick brown fox jumps over the lazy dog near the river bank today',
      long(16),
      long(17),
      long(47),
      long(301),
      // One shingle repeated: every set bit is set in every shingle of a batch (a counter's full 15).
      'news '.repeat(40),
    ]) {
      expect(simhash64(text)).toBe(reference(text));
      expect(simhash64OfLowerCaseWords(words(text.toLowerCase()))).toBe(reference(text));
    }
  });

  it('produces 16 hex digits and small distances for small edits', () => {
    const a = simhash64('the quick brown fox jumps over the lazy dog near the river bank today');
    const b = simhash64('the quick brown fox jumps over the lazy dog near the river bank tonight');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance64(a, a)).toBe(0);
    expect(hammingDistance64(a, b)).toBeLessThan(
      hammingDistance64(a, simhash64('completely unrelated words about markets and interest rates rising again')),
    );
  });
});
