import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../testing/test-database';
import { FeedSourceStore, type NewFeedSource } from './feed-source.store';

/** The store's CRUD (repository) and its raw poll bookkeeping map rows the same way, against a real database. */
describe('FeedSourceStore (integration)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: FeedSourceStore;

  const source = (over: Partial<NewFeedSource> = {}): NewFeedSource => ({
    id: randomUUID(),
    name: 'desk',
    url: 'https://feeds.example/desk.xml',
    format: 'rss',
    pollIntervalSeconds: 60,
    enabled: true,
    authHeadersSealed: null,
    authHeaderNames: [],
    ...over,
  });

  beforeAll(async () => {
    database = await createTestDatabase('feedsources');
    store = new FeedSourceStore(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates a source with empty health and poll state, and reads it back', async () => {
    const created = await store.create(source({ authHeadersSealed: 'sealed', authHeaderNames: ['Authorization'] }));
    expect(created).toMatchObject({
      name: 'desk',
      authHeadersSealed: 'sealed',
      authHeaderNames: ['Authorization'],
      etag: null,
      lastError: null,
      consecutiveFailures: 0,
      itemsSeen: 0,
      itemsNew: 0,
    });
    expect(created.nextPollAt).toBeInstanceOf(Date);
    expect(await store.get(created.id)).toEqual(created);
    expect((await store.list()).map((s) => s.id)).toContain(created.id);
  });

  it('a changed URL drops the validators and makes the source due; other changes keep them', async () => {
    const created = await store.create(source({ pollIntervalSeconds: 3600 }));
    await store.claimDue(100);
    await store.recordSuccess(created.id, { etag: '"v1"', lastModified: 'yesterday', itemsSeen: 3, itemsNew: 2 });

    const renamed = await store.update(created.id, { name: 'renamed', enabled: undefined });
    expect(renamed).toMatchObject({ name: 'renamed', enabled: true, etag: '"v1"', lastModified: 'yesterday' });
    expect(renamed!.itemsSeen).toBe(3);
    expect(renamed!.nextPollAt.getTime()).toBeGreaterThan(Date.now());

    const moved = await store.update(created.id, { url: 'https://feeds.example/moved.xml' });
    expect(moved).toMatchObject({ url: 'https://feeds.example/moved.xml', etag: null, lastModified: null });
    expect(moved!.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(moved!.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('claims a due source once and maps the claimed rows like the repository does', async () => {
    const created = await store.create(source({ pollIntervalSeconds: 3600 }));
    await store.recordFailure(created.id, 'http-500', 'server error');
    const claimed = (await store.claimDue(100)).find((s) => s.id === created.id);
    expect(claimed).toEqual(await store.get(created.id));
    expect(claimed).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'http-500', itemsSeen: 0 });
    expect((await store.claimDue(100)).map((s) => s.id)).not.toContain(created.id);
  });

  it('update and delete answer null / false for an unknown id', async () => {
    const created = await store.create(source());
    expect(await store.delete(created.id)).toBe(true);
    expect(await store.get(created.id)).toBeNull();
    expect(await store.update(created.id, { name: 'x' })).toBeNull();
    expect(await store.delete(created.id)).toBe(false);
  });
});
