import { readSpeedFigures } from './enrich-speed';

describe('readSpeedFigures', () => {
  it('reads the three figures of a printed table', () => {
    const output = [
      'Wirestream enricher speed — 2026-12-01, one core, Node v24.21.0',
      '',
      'measure                                   ours  target',
      '--------------------------------    ----------  ------',
      'HTML pages/s (400 pages, avg 108 KB)        47.2  ≥ 40',
      'text/feed items/s (200 items)           3012.5  ≥ 500',
      'peak RSS (MB)                              261  < 300',
    ].join('\n');
    expect(readSpeedFigures(output)).toEqual({
      htmlPagesPerSecond: 47.2,
      textItemsPerSecond: 3012.5,
      peakRssMb: 261,
      htmlPagesPerCpuSecond: null,
      textItemsPerCpuSecond: null,
    });
  });

  it('reads the rates per CPU second where the table has them', () => {
    const output = [
      'HTML pages/s (400 pages, avg 108 KB)        47.2  ≥ 40',
      'text/feed items/s (200 items)           3012.5  ≥ 500',
      'HTML pages per CPU second                   44.9  ≥ 40',
      'text/feed items per CPU second           2877.0  ≥ 500',
      'peak RSS (MB)                              261  < 300',
    ].join('\n');
    expect(readSpeedFigures(output)).toMatchObject({ htmlPagesPerCpuSecond: 44.9, textItemsPerCpuSecond: 2877 });
  });

  it('names the missing figure when a run printed something else', () => {
    expect(() => readSpeedFigures('HTML pages/s 47.2 ≥ 40\nError: out of memory')).toThrow('feed items');
  });
});
