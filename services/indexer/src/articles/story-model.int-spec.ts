/**
 * The indexer's Postgres model and story clusters against the real stack (in-process indexer, real Kafka,
 * Postgres and search engine): version diffs in `/versions`, a republished copy joining the fixture's cluster,
 * `collapse=cluster`, `/related` excluding the own cluster, entity/quote rows, and replays changing nothing.
 */
import {
  EventTypes,
  type ArticleIndexedPayload,
  type ArticleVersionsResponse,
  type EnrichedArticle,
  type EventEnvelope,
  type RelatedArticlesResponse,
  type SearchResponse,
} from '@wirestream/contracts';
import { createEnvelope, readTopic, type Kafka } from '@wirestream/kafka';
import {
  signatureDistance,
  storySignature,
  STORY_MAX_SIGNATURE_DISTANCE,
  type DataSource,
} from '@wirestream/persistence';
import {
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  selectCount,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enrichedEvent, startInProcessIndexer, type InProcessIndexer } from '../testing/in-process-indexer.testing';

const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

/** The same wire story republished by another site: its own banner and footer, two words changed. */
const republished = fixture
  .replace('| Welcome to Global Village Space', '| Welcome to Andes Wire Daily')
  .replace(/Global Village Space\s*$/u, 'Andes Wire Daily\n')
  .replaceAll('held talks with', 'met with')
  .replaceAll('traded insults', 'exchanged insults');

/** Another story about the same people and subject: related, not a copy. */
const relatedStory = `Colombia pledges cartel cooperation after Petro's White House visit

Wednesday, February 4, 2026

BOGOTA — Colombian President Gustavo Petro returned from Washington on Wednesday promising closer cooperation with the United States against drug cartels, a day after his talks with US President Donald Trump in the White House.

Petro told reporters in Bogota that Colombia would share intelligence on drug trafficking routes through the Caribbean and Venezuela, and that both governments would set up a joint working group on cocaine seizures and criminal structures.

The visit followed months of tension over US military strikes on alleged cartel boats in the Caribbean and the revocation of Petro's visa. Critics in Colombia's Congress said the president had conceded too much to Trump on extradition and deportations of Colombian nationals.
`;

const unrelatedStory = readFileSync(
  path.resolve(__dirname, '../../../../examples/lakeshore-gazette-water-rationing.txt'),
  'utf8',
);

describe('indexer story model (integration)', () => {
  let environment: IsolatedEnvironment;
  let indexer: InProcessIndexer;
  let url: string;
  let kafka: Kafka;
  let dataSource: DataSource;

  beforeAll(async () => {
    indexer = await startInProcessIndexer('storymodel');
    ({ environment, url, kafka, dataSource } = indexer);
  });

  afterAll(async () => {
    await indexer?.close();
  });

  const enriched = enrichedEvent;

  const publish = (...envelopes: EventEnvelope<EnrichedArticle>[]) => indexer.publishEnriched(...envelopes);

  /** Waits until the indexer has announced at least `count` indexed events for each id; returns their payloads. */
  async function indexedEvents(ids: string[], count = 1): Promise<Map<string, ArticleIndexedPayload[]>> {
    const records = await readTopic(kafka, environment.topics.indexed, {
      until: (r) => ids.every((id) => r.filter((m) => m.key === id).length >= count),
      timeoutMs: 60000,
    });
    const byId = new Map<string, ArticleIndexedPayload[]>();
    for (const record of records) {
      if (!record.key || !ids.includes(record.key)) continue;
      const payload = (JSON.parse(record.value!) as EventEnvelope<ArticleIndexedPayload>).payload;
      byId.set(record.key, [...(byId.get(record.key) ?? []), payload]);
    }
    for (const id of ids) expect((byId.get(id) ?? []).length).toBeGreaterThanOrEqual(count);
    return byId;
  }

  const getJson = async <T>(pathAndQuery: string, status = 200): Promise<T> => {
    const res = await fetch(`${url}${pathAndQuery}`);
    expect(res.status).toBe(status);
    return (await res.json()) as T;
  };

  const GVS = { id: 'global-village-space', name: 'Global Village Space' };
  const ANDES = { id: 'andes-wire-daily', name: 'Andes Wire Daily' };
  const LEDGER = { id: 'bogota-ledger', name: 'Bogota Ledger' };
  const LAKESHORE = { id: 'lakeshore-gazette', name: 'Lakeshore Gazette' };

  const fixtureId = randomUUID();
  const copyId = randomUUID();
  const relatedId = randomUUID();
  const unrelatedId = randomUUID();
  const allEvents: EventEnvelope<EnrichedArticle>[] = [];

  it('a correction shows up in /versions with its field-level diff; unknown ids answer 404', async () => {
    const id = randomUUID();
    const v1 = enriched(fixture, id, 1, GVS, { title: 'Trump meets Petro (first take)' });
    const v2 = enriched(fixture, id, 2, GVS, {
      title: 'Trump meets Petro after row over cartels',
      edNote: 'Corrects the headline.',
      updatedAt: '2026-02-04T15:30:00.000Z',
    });
    await publish(v1);
    await indexedEvents([id]);
    await publish(v2);
    await waitFor('version 2 stored', async () =>
      (await getJson<ArticleVersionsResponse>(`/v1/articles/${id}/versions`)).versions.length === 2 ? true : undefined,
    );

    const { versions } = await getJson<ArticleVersionsResponse>(`/v1/articles/${id}/versions`);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({
      version: 1,
      edNote: null,
      changes: [],
      versionCreatedAt: v1.payload.publishedAt,
    });
    expect(versions[1]).toEqual({
      version: 2,
      versionCreatedAt: '2026-02-04T15:30:00.000Z',
      edNote: 'Corrects the headline.',
      changes: [
        { field: 'title', before: 'Trump meets Petro (first take)', after: 'Trump meets Petro after row over cartels' },
        { field: 'updatedAt', before: v1.payload.updatedAt, after: '2026-02-04T15:30:00.000Z' },
        { field: 'edNote', before: null, after: 'Corrects the headline.' },
      ],
    });

    const unknown = await fetch(`${url}/v1/articles/${randomUUID()}/versions`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${url}/v1/articles/not-a-uuid/versions`)).status).toBe(400);

    // A withdrawn article's history is gone for readers too.
    await publish(enriched(fixture, id, 3, GVS, { pubStatus: 'withdrawn' }));
    await waitFor('withdrawn', async () =>
      (await fetch(`${url}/v1/articles/${id}/versions`)).status === 404 ? true : undefined,
    );
    // Withdrawn, it is nobody's cluster candidate any more: the fixture below starts its own cluster.
    expect(await dataSource.query('SELECT 1 FROM fingerprint_bands WHERE article_id = $1', [id])).toEqual([]);
  });

  it('a republished, lightly edited copy joins the fixture’s cluster; collapse=cluster shows one of them', async () => {
    const original = enriched(fixture, fixtureId, 1, GVS);
    const copy = enriched(republished, copyId, 1, ANDES);
    const related = enriched(relatedStory, relatedId, 1, LEDGER);
    const unrelated = enriched(unrelatedStory, unrelatedId, 1, LAKESHORE);
    allEvents.push(original, copy, related, unrelated);

    const distance = (other: EventEnvelope<EnrichedArticle>) =>
      signatureDistance(storySignature(original.payload).signature, storySignature(other.payload).signature);
    const distances = { copy: distance(copy), related: distance(related), unrelated: distance(unrelated) };
    console.info(
      `Story-signature distances to the fixture: ${JSON.stringify(distances)} (threshold ${STORY_MAX_SIGNATURE_DISTANCE})`,
    );
    expect(distances.copy).toBeGreaterThan(0); // really edited, not byte-identical after cleaning
    expect(distances.copy).toBeLessThanOrEqual(STORY_MAX_SIGNATURE_DISTANCE);
    expect(distances.related).toBeGreaterThan(STORY_MAX_SIGNATURE_DISTANCE);
    expect(distances.unrelated).toBeGreaterThan(STORY_MAX_SIGNATURE_DISTANCE);

    await publish(original);
    await indexedEvents([fixtureId]);
    await publish(copy, related, unrelated);
    const indexed = await indexedEvents([fixtureId, copyId, relatedId, unrelatedId]);

    expect(indexed.get(fixtureId)![0]!.clusterId).toBe(fixtureId);
    expect(indexed.get(copyId)![0]!.clusterId).toBe(fixtureId);
    expect(indexed.get(relatedId)![0]!.clusterId).toBe(relatedId);
    expect(indexed.get(unrelatedId)![0]!.clusterId).toBe(unrelatedId);

    const rows = (await dataSource.query('SELECT id, cluster_id FROM articles WHERE id = ANY($1::text[])', [
      [fixtureId, copyId, relatedId, unrelatedId],
    ])) as { id: string; cluster_id: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.id, r.cluster_id]))).toEqual({
      [fixtureId]: fixtureId,
      [copyId]: fixtureId,
      [relatedId]: relatedId,
      [unrelatedId]: unrelatedId,
    });
    const [cluster] = (await dataSource.query('SELECT lead_article_id, size FROM story_clusters WHERE id = $1', [
      fixtureId,
    ])) as { lead_article_id: string; size: number }[];
    // Same publishedAt: the one seen first leads.
    expect(cluster).toEqual({ lead_article_id: fixtureId, size: 2 });

    const q = `q=${encodeURIComponent('"civilizational or historical point of view"')}`;
    const all = await waitFor('both copies searchable', async () => {
      const r = await getJson<SearchResponse>(`/v1/search?${q}`);
      return r.total === 2 ? r : undefined;
    });
    expect(all.items.map((i) => i.id).sort()).toEqual([fixtureId, copyId].sort());
    expect(all.items.every((i) => i.clusterId === fixtureId)).toBe(true);
    const collapsed = await getJson<SearchResponse>(`/v1/search?${q}&collapse=cluster`);
    expect(collapsed.total).toBe(1);
    expect(collapsed.items).toHaveLength(1);
    expect([fixtureId, copyId]).toContain(collapsed.items[0]!.id);
  });

  it('/related of the fixture finds the related story from another cluster, never its own copy', async () => {
    const related = await waitFor('related results', async () => {
      const r = await getJson<RelatedArticlesResponse>(`/v1/articles/${fixtureId}/related`);
      return r.items.some((i) => i.id === relatedId) ? r : undefined;
    });
    expect(related).toMatchObject({ id: fixtureId, clusterId: fixtureId });
    expect(related.items[0]!.id).toBe(relatedId);
    const ids = related.items.map((i) => i.id);
    expect(ids).not.toContain(copyId);
    expect(ids).not.toContain(fixtureId);
    expect(related.items.every((i) => i.clusterId !== fixtureId)).toBe(true);

    expect((await fetch(`${url}/v1/articles/${randomUUID()}/related`)).status).toBe(404);
    expect((await fetch(`${url}/v1/articles/${fixtureId}/related?size=0`)).status).toBe(400);
  });

  it('the earliest member becomes the lead when an earlier-published copy arrives later; the cluster id stays', async () => {
    const earlierId = randomUUID();
    const earlier = enriched(
      republished,
      earlierId,
      1,
      { id: 'early-bird', name: 'Early Bird' },
      { publishedAt: '2026-02-03T22:00:00.000Z' },
    );
    allEvents.push(earlier);
    await publish(earlier);
    const indexed = await indexedEvents([earlierId]);
    expect(indexed.get(earlierId)![0]!.clusterId).toBe(fixtureId);
    const [cluster] = (await dataSource.query('SELECT lead_article_id, size FROM story_clusters WHERE id = $1', [
      fixtureId,
    ])) as { lead_article_id: string; size: number }[];
    expect(cluster).toEqual({ lead_article_id: earlierId, size: 3 });
  });

  it('stores entities with counts, quotes and sources for the current version', async () => {
    const payload = allEvents[0]!.payload;
    const entities = (await dataSource.query(
      `SELECT e.type, e.name, ae.count FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = $1 ORDER BY e.type, e.name`,
      [fixtureId],
    )) as { type: string; name: string; count: number }[];
    const expected = [
      ...payload.entities.people.map((e) => ({ type: 'person', name: e.name, count: e.count })),
      ...payload.entities.places.map((e) => ({ type: 'place', name: e.name, count: e.count })),
      ...payload.entities.organizations.map((e) => ({ type: 'organization', name: e.name, count: e.count })),
    ].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
    expect(expected.length).toBeGreaterThan(0);
    expect(entities).toEqual(expected);
    expect(entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'person', name: expect.stringMatching(/Petro/) })]),
    );

    const quotes = (await dataSource.query(
      'SELECT ordinal, text, speaker FROM quotes WHERE article_id = $1 ORDER BY ordinal',
      [fixtureId],
    )) as { ordinal: number; text: string; speaker: string | null }[];
    expect(payload.quotes.length).toBeGreaterThan(0);
    expect(quotes).toEqual(payload.quotes.map((q, ordinal) => ({ ordinal, text: q.text, speaker: q.speaker })));

    // An entity shared by the fixture and its copy is one row with two links.
    const [shared] = (await dataSource.query(
      `SELECT count(DISTINCT ae.article_id)::int AS n FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE e.type = 'person' AND e.name = $1`,
      [payload.entities.people[0]!.name],
    )) as { n: number }[];
    expect(shared!.n).toBeGreaterThanOrEqual(2);

    const sources = (await dataSource.query('SELECT id, name FROM sources ORDER BY id')) as {
      id: string;
      name: string;
    }[];
    expect(sources).toEqual(
      expect.arrayContaining([
        { id: GVS.id, name: GVS.name },
        { id: ANDES.id, name: ANDES.name },
        { id: LEDGER.id, name: LEDGER.name },
      ]),
    );
  });

  it('replaying the same events (and re-enrichments of the same versions) leaves every row count unchanged', async () => {
    const tables = [
      'articles',
      'article_versions',
      'sources',
      'entities',
      'article_entities',
      'quotes',
      'story_clusters',
      'fingerprint_bands',
      'processed_events',
    ];
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of tables) out[table] = await selectCount(dataSource, `SELECT count(*)::int AS n FROM ${table}`);
      return out;
    };
    const before = await counts();
    const ids = allEvents.map((e) => e.articleId);
    // Same event ids (redelivery) and the same versions under new event ids (a re-run enricher).
    const reenriched = allEvents.map((e) =>
      createEnvelope({
        type: EventTypes.articleEnriched,
        articleId: e.articleId,
        version: e.version,
        payload: e.payload,
      }),
    );
    await publish(...allEvents, ...reenriched);
    await indexedEvents(ids, 3);
    const after = await counts();
    expect(after).toEqual({ ...before, processed_events: before['processed_events']! + reenriched.length });
    const [cluster] = (await dataSource.query('SELECT size FROM story_clusters WHERE id = $1', [fixtureId])) as {
      size: number;
    }[];
    expect(cluster!.size).toBe(3);
  });

  it('a republished copy with another site’s chrome, a rewritten headline and words changed joins the seed’s cluster', async () => {
    // examples/metro-wire-trump-petro-republished.txt: SimHash put it 20 bits from the seed (threshold was 6).
    const metroId = randomUUID();
    const metro = enriched(
      readFileSync(path.resolve(__dirname, '../../../../examples/metro-wire-trump-petro-republished.txt'), 'utf8'),
      metroId,
      1,
      { id: 'metro-wire', name: 'Metro Wire' },
    );
    expect(metro.payload.title).not.toBe(allEvents[0]!.payload.title);
    await publish(metro);
    const indexed = await indexedEvents([metroId]);
    expect(indexed.get(metroId)![0]!.clusterId).toBe(fixtureId);

    const q = `q=${encodeURIComponent('"love of freedom"')}`;
    const all = await waitFor('the seed, its copies and the republished one searchable', async () => {
      const r = await getJson<SearchResponse>(`/v1/search?${q}`);
      return r.items.some((i) => i.id === metroId) ? r : undefined;
    });
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([fixtureId, metroId]));
    expect(all.items.every((i) => i.clusterId === fixtureId)).toBe(true);
    const collapsed = await getJson<SearchResponse>(`/v1/search?${q}&collapse=cluster`);
    expect(collapsed.items).toHaveLength(1);
    expect(collapsed.items[0]!.clusterId).toBe(fixtureId);
  });
});
