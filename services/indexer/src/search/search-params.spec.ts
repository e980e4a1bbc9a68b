import { parseSearchParams } from './search-params';

describe('parseSearchParams', () => {
  it('accepts lists as repeats or commas and coerces numbers', () => {
    expect(parseSearchParams({ q: 'Petro', source: ['a', 'b,c'], size: '20', sort: 'newest', from: '2026-02-01' })).toEqual({
      q: 'Petro',
      source: ['a', 'b', 'c'],
      size: 20,
      sort: 'newest',
      from: '2026-02-01',
    });
  });

  it('refuses bad values and unknown parameters, listing each', () => {
    try {
      parseSearchParams({ size: '1000', sort: 'random', from: 'yesterday', qq: 'x' });
      throw new Error('expected a refusal');
    } catch (error) {
      const errors = (error as { extensions: { errors: { parameter: string }[] } }).extensions.errors.map((e) => e.parameter);
      expect(errors).toEqual(expect.arrayContaining(['size', 'sort', 'from', 'qq']));
      expect((error as { status: number }).status).toBe(400);
    }
  });
});
