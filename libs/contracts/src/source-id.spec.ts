import { FIELD_LIMITS } from './limits';
import { sourceIdFor } from './source-id';

describe('sourceIdFor', () => {
  it('slugs a source name: lower case, accents dropped, one dash per run of other characters', () => {
    expect(sourceIdFor('Global Village Space')).toBe('global-village-space');
    expect(sourceIdFor('Le Monde — Économie')).toBe('le-monde-economie');
    expect(sourceIdFor('  --Reuters!! ')).toBe('reuters');
  });

  it('names a source without letters or digits "unknown"', () => {
    expect(sourceIdFor('***')).toBe('unknown');
    expect(sourceIdFor('')).toBe('unknown');
  });

  it('stays within the source-name limit, with no dash left at the cut', () => {
    const id = sourceIdFor('ab '.repeat(FIELD_LIMITS.sourceName));
    expect(id.length).toBeLessThanOrEqual(FIELD_LIMITS.sourceName);
    expect(id).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
  });
});
