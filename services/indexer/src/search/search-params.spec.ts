import { FIELD_LIMITS } from '@wirestream/contracts';
import { fastestRun } from '@wirestream/testing';
import { MAX_LIST_VALUES, parseSearchParams, SEARCH_PARAMETER_LIMITS } from './search-params';

/** The problem a refused query answers: code, first parameter, every parameter, detail. */
function refusal(query: Record<string, unknown>) {
  try {
    parseSearchParams(query);
  } catch (error) {
    const e = error as {
      status: number;
      code: string;
      message: string;
      extensions: { parameter: string; errors: { parameter: string; message: string }[] };
    };
    return {
      status: e.status,
      code: e.code,
      parameter: e.extensions.parameter,
      parameters: e.extensions.errors.map((x) => x.parameter),
      detail: e.message,
    };
  }
  throw new Error(`${JSON.stringify(query).slice(0, 200)} was accepted`);
}

describe('parseSearchParams', () => {
  it('accepts lists as repeats or commas and reads size as digits', () => {
    expect(
      parseSearchParams({
        q: 'Petro',
        source: ['a', 'b,c'],
        size: '20',
        sort: 'newest',
        from: '2026-02-01',
        to: '2026-02-03T10:00+01:00',
        collapse: 'cluster',
        cluster: ' c1 ',
      }),
    ).toEqual({
      q: 'Petro',
      source: ['a', 'b', 'c'],
      size: 20,
      sort: 'newest',
      from: '2026-02-01',
      to: '2026-02-03T10:00+01:00',
      collapse: 'cluster',
      cluster: 'c1',
    });
  });

  it('refuses bad values and unknown parameters, listing each, the first named in `parameter`', () => {
    const problem = refusal({ size: '1000', sort: 'random', from: 'yesterday', qq: 'x' });
    expect(problem).toMatchObject({ status: 400, code: 'invalid-parameter', parameter: 'qq' });
    expect(problem.parameters).toEqual(expect.arrayContaining(['size', 'sort', 'from', 'qq']));
  });

  it.each([
    ['from=2026-02-29', { from: '2026-02-29' }, 'from', /February 2026 has 28 days/],
    ['to=2026-02-30', { to: '2026-02-30' }, 'to', /February 2026 has 28 days/],
    ['from=2025-13-01', { from: '2025-13-01' }, 'from', /month 13/],
    ['to=2026-04-31T10:00Z', { to: '2026-04-31T10:00Z' }, 'to', /April 2026 has 30 days/],
    ['from=2026-02-28T25:00Z', { from: '2026-02-28T25:00Z' }, 'from', /hour 25/],
    ['from=0', { from: '0' }, 'from', /ISO 8601/],
    ['from without a zone', { from: '2026-02-28T10:00' }, 'from', /without a zone/],
    ['an unencoded + offset', { to: '2026-02-28T10:00 01:00' }, 'to', /%2B/],
    ['to before from', { from: '2026-03-01', to: '2026-02-28' }, 'to', /before from/],
    ['size=1e3', { size: '1e3' }, 'size', /whole number from 0 to 100/],
    ['size=1e1', { size: '1e1' }, 'size', /whole number/],
    ['size=0x10', { size: '0x10' }, 'size', /whole number/],
    ['size=-1', { size: '-1' }, 'size', /whole number/],
    ['size twice', { size: ['10', '20'] }, 'size', /more than once/],
    ['q twice', { q: ['a', 'b'] }, 'q', /more than once/],
    ['q as an object', { q: { a: 'b' } }, 'q', /plain value/],
    ['source as an object', { source: { a: 'b' } }, 'source', /plain values/],
    ['a lone surrogate in q', { q: 'a\ud800b' }, 'q', /lone surrogate/],
    ['a lone surrogate in person', { person: '\udc00' }, 'person', /lone surrogate/],
    ['an empty cluster', { cluster: ' ' }, 'cluster', /empty/],
    [
      'too many sources',
      { source: Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `s${i}`).join(',') },
      'source',
      /at most 50/,
    ],
  ])('refuses %s naming the parameter', (_name, query, parameter, detail) => {
    const problem = refusal(query);
    expect(problem).toMatchObject({ status: 400, code: 'invalid-parameter', parameter });
    expect(problem.detail).toMatch(detail);
  });

  it('caps the length of every free-text parameter at its limit, naming it', () => {
    expect(SEARCH_PARAMETER_LIMITS.source).toBe(FIELD_LIMITS.sourceName);
    expect(SEARCH_PARAMETER_LIMITS.organization).toBe(FIELD_LIMITS.entityName);
    for (const [name, max] of Object.entries(SEARCH_PARAMETER_LIMITS)) {
      const atLimit = 'x'.repeat(max);
      expect(() => parseSearchParams({ [name]: atLimit })).not.toThrow();
      const problem = refusal({ [name]: `${atLimit}x` });
      expect([name, problem.parameter, problem.detail]).toEqual([
        name,
        name,
        `${name}: is ${max + 1} characters long; at most ${max}`,
      ]);
    }
  });

  it('quotes refused values and names back cut short', () => {
    const problem = refusal({ ['y'.repeat(10_000)]: '1', from: `2026-${'9'.repeat(10_000)}` });
    expect(problem.detail.length).toBeLessThan(400);
    expect(problem.parameter).toBe(`${'y'.repeat(40)}…`);
  });

  it('answers a huge query in linear time', () => {
    const { ms } = fastestRun(() => {
      refusal({ q: '('.repeat(200_000) });
      refusal({ source: ','.repeat(200_000) + 'x'.repeat(200_000) });
      refusal({ from: '2026-02-04T' + '1'.repeat(200_000) });
    }, 1000);
    expect(ms).toBeLessThan(1000);
  });
});
