import { fnv1a64, hammingDistance64, simhash64 } from './fingerprint';
import { detectLanguage } from './language';
import { summarize } from './summary';
import { sentences } from './text-units';

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
