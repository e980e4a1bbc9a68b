import { FIELD_LIMITS } from '@wirestream/contracts';
import { MAX_WIRE_VERSION } from '@wirestream/persistence';
import { capSourceName, invalidCharacterAt, itemSizeProblem, versionProblem } from './item-checks';

describe('invalidCharacterAt', () => {
  it('finds NUL, lone high and lone low surrogates in any field, saying which', () => {
    expect(invalidCharacterAt({ title: 'a\u0000b' })).toMatch(/field "title" contains a NUL character/);
    expect(invalidCharacterAt({ title: 'ok', content: 'x\ud800' })).toMatch(
      /field "content" contains an unpaired surrogate \(U\+D800\)/,
    );
    expect(invalidCharacterAt({ wire: { keywords: ['fine', '\udc00y'] } })).toMatch(
      /field "wire.keywords\[1\]" contains an unpaired surrogate \(U\+DC00\)/,
    );
    expect(invalidCharacterAt({ a: '\udbff\ud800\udc00' })).toMatch(/U\+DBFF/); // high followed by a high
    expect(invalidCharacterAt({ a: '\udc00\ud800' })).toMatch(/U\+DC00/); // a pair in the wrong order
  });

  it('says where in a long field', () => {
    expect(invalidCharacterAt({ content: `${'a'.repeat(300)}\ud800` })).toMatch(/field "content" at character 300/);
  });

  it('accepts well-formed pairs (emoji), noncharacters and ordinary text', () => {
    expect(
      invalidCharacterAt({
        title: 'Ferry 🚢 at night',
        content: 'U+FFFE \ufffe and U+FFFF \uffff are scalar values',
        n: 3,
        x: null,
      }),
    ).toBeNull();
  });

  it('is linear: a 10 MB field of surrogate pairs is scanned in well under a second', () => {
    const started = Date.now();
    expect(invalidCharacterAt({ content: '🚢'.repeat(5_000_000) })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('versionProblem', () => {
  it('accepts null and 1..MAX_WIRE_VERSION', () => {
    expect(versionProblem(null)).toBeNull();
    expect(versionProblem(1)).toBeNull();
    expect(versionProblem(MAX_WIRE_VERSION)).toBeNull();
  });

  it.each([0, -1, 1.5, MAX_WIRE_VERSION + 1, 2147483648, 1e20, Number.NaN])('refuses %p as invalid-version', (v) => {
    expect(versionProblem(v)).toMatchObject({
      code: 'invalid-version',
      detail: expect.stringMatching(/outside the accepted range/),
    });
  });
});

describe('itemSizeProblem', () => {
  it('measures the item as JSON, escapes included', () => {
    expect(itemSizeProblem({ content: 'a'.repeat(1000) }, 2048)).toBeNull();
    // 1,000 quotes are 2,000 bytes once escaped.
    expect(itemSizeProblem({ content: '"'.repeat(1000) }, 2000)).toMatchObject({
      code: 'item-too-large',
      detail: expect.stringMatching(/2014 bytes as JSON, over the limit of 2000/),
    });
  });
});

describe('capSourceName', () => {
  it('cuts names from bodies to FIELD_LIMITS.sourceName, never inside a surrogate pair', () => {
    expect(capSourceName(null)).toBeNull();
    expect(capSourceName('  Wire  ')).toBe('Wire');
    expect(capSourceName('x'.repeat(3000))).toHaveLength(FIELD_LIMITS.sourceName);
    const cut = capSourceName(`${'x'.repeat(FIELD_LIMITS.sourceName - 1)}🚢tail`)!;
    expect(cut).toBe('x'.repeat(FIELD_LIMITS.sourceName - 1));
    expect(invalidCharacterAt(cut)).toBeNull();
  });
});
