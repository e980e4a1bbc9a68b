import { metricSamples } from './prometheus-text';

describe('metricSamples', () => {
  const text = [
    '# HELP wirestream_consumer_lag Messages not yet committed',
    '# TYPE wirestream_consumer_lag gauge',
    'wirestream_consumer_lag{group="g",topic="t.raw",partition="0",service="indexer"} 3',
    'wirestream_consumer_lag{group="g",topic="t.raw",partition="1",service="indexer"} 0',
    'wirestream_consumer_lag{group="h",topic="t.raw",partition="0",service="indexer"} 7',
    'wirestream_consumer_lag_total 9',
    'wirestream_outbox_pending 200',
  ].join('\n');

  it('returns the values of the samples whose labels include the ones given', () => {
    expect(metricSamples(text, 'wirestream_consumer_lag', { group: 'g' })).toEqual([3, 0]);
    expect(metricSamples(text, 'wirestream_consumer_lag', { topic: 't.raw' })).toEqual([3, 0, 7]);
    expect(metricSamples(text, 'wirestream_outbox_pending')).toEqual([200]);
  });

  it('matches the whole metric name and nothing for an absent one', () => {
    expect(metricSamples(text, 'wirestream_consumer_lag_total')).toEqual([9]);
    expect(metricSamples(text, 'wirestream_missing')).toEqual([]);
  });
});
