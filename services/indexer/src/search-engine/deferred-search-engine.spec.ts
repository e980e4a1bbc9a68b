import { createLogger } from '@wirestream/platform';
import { SearchEngineFailedError, type ArticleSearchEngine } from '@wirestream/search';
import { DeferredSearchEngine } from './deferred-search-engine';

const logger = createLogger('deferred-search-engine-spec', 'silent');

/** A stand-in engine: only what set-up and the calls under test touch. */
function fakeEngine(calls: string[]): ArticleSearchEngine {
  return {
    engine: 'opensearch',
    names: { alias: 'p_articles' },
    ensureIndex: async () => void calls.push('ensureIndex'),
    documentCount: async () => 42,
    health: async () => ({ ok: true, engine: 'opensearch', status: 'green' }),
    close: async () => void calls.push('close'),
  } as unknown as ArticleSearchEngine;
}

describe('DeferredSearchEngine', () => {
  it('sets up at start when the engine answers: ready, and calls go through', async () => {
    const calls: string[] = [];
    const deferred = new DeferredSearchEngine(
      { url: 'http://x', engine: 'auto', indexPrefix: 'p_' },
      logger,
      async () => fakeEngine(calls),
    );
    await deferred.start();
    expect(deferred.isReady).toBe(true);
    await deferred.whenReady();
    expect(await deferred.documentCount()).toBe(42);
    expect((await deferred.health()).ok).toBe(true);
    await deferred.close();
    expect(calls).toEqual(['ensureIndex', 'close']);
  });

  it('starts without the engine: not ready, calls fail as "unavailable", and set-up finishes when the engine appears', async () => {
    const calls: string[] = [];
    let up = false;
    const deferred = new DeferredSearchEngine(
      { url: 'http://x', engine: 'auto', indexPrefix: 'p_' },
      logger,
      async () => {
        if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return fakeEngine(calls);
      },
    );
    await deferred.start();
    expect(deferred.isReady).toBe(false);
    expect(deferred.names.alias).toBe('p_articles');
    expect(await deferred.health()).toMatchObject({ ok: false, status: 'unreachable' });
    const failed = await deferred.documentCount().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SearchEngineFailedError);
    expect((failed as SearchEngineFailedError).kind).toBe('unavailable');

    up = true;
    // The next call sets it up (the background loop would too, within its retry interval).
    expect(await deferred.documentCount()).toBe(42);
    expect(deferred.isReady).toBe(true);
    await deferred.whenReady();
    await deferred.close();
    expect(calls).toEqual(['ensureIndex', 'close']);
  });
});
