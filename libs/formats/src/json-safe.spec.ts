import { JsonTooDeepError, MalformedJsonError } from './errors';
import { parseJsonSafely } from './json-safe';

describe('parseJsonSafely', () => {
  it('parses ordinary JSON and ignores brackets inside strings when counting depth', () => {
    expect(parseJsonSafely('{"a":[1,{"b":"[[[[{{{{\\"]]"}]}')).toEqual({ a: [1, { b: '[[[[{{{{"]]' }] });
    expect(parseJsonSafely(JSON.stringify({ s: '['.repeat(1000) }))).toEqual({ s: '['.repeat(1000) });
  });

  it('refuses nesting deeper than 64 before parsing, even a huge one', () => {
    expect(parseJsonSafely('['.repeat(64) + ']'.repeat(64))).toBeDefined();
    expect(() => parseJsonSafely('['.repeat(65) + ']'.repeat(65))).toThrow(JsonTooDeepError);
    const hostile = '{"a":'.repeat(1_000_000) + 'null' + '}'.repeat(1_000_000);
    expect(() => parseJsonSafely(hostile)).toThrow(/nested deeper than 64 levels \(at line 1, column 321\)/);
  });

  it('reports malformed JSON with line and column', () => {
    try {
      parseJsonSafely('{\n  "title": "x",\n  "body": oops\n}');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedJsonError);
      expect(error).toMatchObject({ code: 'malformed-json', line: 3, column: 11 });
    }
    expect(() => parseJsonSafely('{"title": "trunc')).toThrow(MalformedJsonError);
  });
});
