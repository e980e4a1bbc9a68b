import { MIN_WRAPPED_LINE, splitTextBlocks } from './text-blocks';

describe('splitTextBlocks', () => {
  it('re-joins a hard-wrapped sentence on scraped pages', () => {
    const text = 'The harbour authority said on Monday that the northern pier\nwould reopen in spring after repairs.';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toEqual([
      'The harbour authority said on Monday that the northern pier would reopen in spring after repairs.',
    ]);
  });

  it('keeps a lower-case byline line under a long headline on its own line', () => {
    const text = 'Harbour pilots vote to strike over night shifts at the northern pier\nvon Jana Beispiel\nby Ana Ruiz';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toEqual([
      'Harbour pilots vote to strike over night shifts at the northern pier',
      'von Jana Beispiel',
      'by Ana Ruiz',
    ]);
  });

  it('still joins a wrapped line that only starts like a byline', () => {
    const text = 'The mayor said the plan for the northern pier was drawn up\nby the port authority and two unions';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toHaveLength(1);
  });

  it('runs in linear time on a long run of capitalised words after a marker', () => {
    const line = `von ${'Aa '.repeat(50_000)}!`;
    const started = Date.now();
    splitTextBlocks(`${'x'.repeat(60)}\n${line}`, { minWrappedLine: MIN_WRAPPED_LINE });
    expect(Date.now() - started).toBeLessThan(500);
  });
});
