import { DEFAULT_INGEST_MAX_ITEM_BYTES, DEFAULT_INGEST_MAX_ITEMS, EVENT_MAX_BYTES } from '@wirestream/contracts';
import { enrichedEventBytesFor, loadIngestorConfig, maxItemBytesForEvents } from './ingestor.config';

const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://localhost/x', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('ingestor config: item limits', () => {
  it('defaults to the limits the pipeline agrees on', () => {
    const config = loadIngestorConfig(base);
    expect(config.INGEST_MAX_ITEM_BYTES).toBe(DEFAULT_INGEST_MAX_ITEM_BYTES);
    expect(config.INGEST_MAX_ITEMS).toBe(DEFAULT_INGEST_MAX_ITEMS);
  });

  it('leaves the enriched event of the largest item room under EVENT_MAX_BYTES by default and at the maximum', () => {
    expect(enrichedEventBytesFor(DEFAULT_INGEST_MAX_ITEM_BYTES)).toBeLessThanOrEqual(EVENT_MAX_BYTES);
    expect(enrichedEventBytesFor(maxItemBytesForEvents())).toBeLessThanOrEqual(EVENT_MAX_BYTES);
    expect(
      loadIngestorConfig({ ...base, INGEST_MAX_ITEM_BYTES: String(maxItemBytesForEvents()) }).INGEST_MAX_ITEM_BYTES,
    ).toBe(maxItemBytesForEvents());
  });

  it('refuses at start-up an item limit whose events would not fit, naming the variable and the maximum', () => {
    expect(() => loadIngestorConfig({ ...base, INGEST_MAX_ITEM_BYTES: String(maxItemBytesForEvents() + 1) })).toThrow(
      /INGEST_MAX_ITEM_BYTES[\s\S]*at most \d+/,
    );
    expect(() => loadIngestorConfig({ ...base, INGEST_MAX_ITEMS: '0' })).toThrow(/INGEST_MAX_ITEMS/);
  });
});
