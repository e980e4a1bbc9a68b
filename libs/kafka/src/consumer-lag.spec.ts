import { partitionLags } from './consumer-lag';

describe('partitionLags', () => {
  it('is the end offset minus the committed offset, per partition, sorted', () => {
    expect(
      partitionLags(
        [
          { partition: 1, high: '120', low: '0' },
          { partition: 0, high: '50', low: '0' },
        ],
        [
          { partition: 0, offset: '50' },
          { partition: 1, offset: '100' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 0 },
      { partition: 1, lag: 20 },
    ]);
  });

  it('counts everything retained on a partition the group never committed on', () => {
    expect(partitionLags([{ partition: 0, high: '900', low: '300' }], [{ partition: 0, offset: '-1' }])).toEqual([
      { partition: 0, lag: 600 },
    ]);
    expect(partitionLags([{ partition: 2, high: '7', low: '0' }], [])).toEqual([{ partition: 2, lag: 7 }]);
  });

  it('never reports a negative lag (a commit past the end after retention or a topic reset)', () => {
    expect(partitionLags([{ partition: 0, high: '10', low: '10' }], [{ partition: 0, offset: '12' }])).toEqual([
      { partition: 0, lag: 0 },
    ]);
  });
});
