import type { EnrichArticleInput } from '@wirestream/enrichment';
import { emptyParsedItem } from '@wirestream/formats';
import { PermanentError } from '@wirestream/platform';
import path from 'node:path';
import { EnrichPool } from './enrich-pool';
import { FAIL_MARKER } from './where-enrich.task.testing';

const INLINE_MAX_CHARS = 100;

function input(content: string, contentType: 'text' | 'html' = 'text'): EnrichArticleInput {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id: 'id',
    version: 1,
    source: { id: 'src', name: null },
    item: emptyParsedItem('text', contentType, content),
    ingestedAt: now,
    now,
  };
}

describe('EnrichPool (unit: a test task module that says where it ran)', () => {
  let pool: EnrichPool;

  beforeAll(async () => {
    pool = new EnrichPool({
      taskModule: path.join(__dirname, 'where-enrich.task.testing.ts'),
      threads: 1,
      itemTimeoutMs: 30000,
      inlineMaxChars: INLINE_MAX_CHARS,
    });
    await pool.warmUp(input('warm up'));
  });

  afterAll(() => pool.close());

  it('enriches an item under the inline limit in-process, and a longer one on a worker', async () => {
    expect((await pool.enrich(input('x'.repeat(INLINE_MAX_CHARS - 1)))).title).toBe('main');
    expect((await pool.enrich(input('x'.repeat(INLINE_MAX_CHARS)))).title).toBe('worker');
  });

  it('enriches short HTML in-process only with at most 64 tags (DOM extraction costs per element)', async () => {
    expect((await pool.enrich(input('<p>a</p>'.repeat(8), 'html'))).title).toBe('main');
    expect((await pool.enrich(input('<'.repeat(64), 'html'))).title).toBe('main');
    expect((await pool.enrich(input('<'.repeat(65), 'html'))).title).toBe('worker');
    expect((await pool.enrich(input('<'.repeat(65), 'text'))).title).toBe('main');
  });

  it('runs in-process items one per turn of the event loop, so I/O runs between any two of them', async () => {
    const order: string[] = [];
    let ticking = true;
    const tick = () => {
      order.push('turn');
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const items = Array.from({ length: 20 }, () => pool.enrich(input('short')).then(() => order.push('item')));
    expect(order).toEqual([]);
    await Promise.all(items);
    ticking = false;
    expect(order.filter((o) => o === 'item')).toHaveLength(20);
    // Never two items without a turn of the loop between them.
    expect(order.join(' ')).not.toContain('item item');
  });

  it.each([
    ['in-process', 'short'],
    ['on a worker', 'x'.repeat(INLINE_MAX_CHARS)],
  ])('turns an error thrown %s into a permanent error with its code and message', async (_where, text) => {
    const error = (await pool.enrich(input(`${text} ${FAIL_MARKER}`)).catch((e: unknown) => e)) as PermanentError;
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'test-refused', retriable: false });
    expect(error.message).toBe('RangeError: the test task refused it');
  });
});
