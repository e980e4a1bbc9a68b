/**
 * Test-only: the one-event-at-a-time writer the set-based `ArticleStore.write` replaced (kept verbatim in its
 * logic), so the integration test can check that both leave the same rows for the same batches.
 */
import {
  diffArticleVersions,
  type EnrichedArticle,
  type EntityCount,
  type EntityType,
  type Quote,
} from '@wirestream/contracts';
import {
  CANDIDATE_POSTINGS_PER_KEY,
  CANDIDATES_PER_PROBE,
  MIN_WORDS_FOR_CLUSTERING,
  storySignature,
  STORY_MAX_SIGNATURE_DISTANCE,
  type DataSource,
} from '@wirestream/persistence';
/** The part of TypeORM's EntityManager this writer uses (only libs/persistence imports typeorm). */
type EntityManager = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

const isFingerprint = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{16}$/i.test(value);

export async function applyBatchSequentially(
  dataSource: DataSource,
  consumerName: string,
  writes: { eventId: string; article: EnrichedArticle; clusterId: string | null }[],
): Promise<Set<string>> {
  if (!writes.length) return new Set();
  return dataSource.transaction(async (tx) => {
    const changed = new Set<string>();
    const batchIds = [...new Set(writes.map((w) => w.article.id))];
    /** Ids this batch has written (their band rows and postings are the batch's now). */
    const written = new Set<string>();
    await lockBandKeys(
      tx,
      writes.map((w) => w.article),
    );
    for (const { eventId, article, clusterId } of writes) {
      const fresh = (await tx.query(
        'INSERT INTO processed_events (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [eventId, consumerName],
      )) as unknown[];
      if (!fresh.length) continue;
      const doc = JSON.stringify(article);
      await recordVersion(tx, article, doc);
      const updated = (await tx.query(
        `INSERT INTO articles (id, version, pub_status, source_id, source_name, title, language, published_at, fingerprint, cluster_id, document, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
         ON CONFLICT (id) DO UPDATE SET
           version = EXCLUDED.version, pub_status = EXCLUDED.pub_status, source_id = EXCLUDED.source_id,
           source_name = EXCLUDED.source_name, title = EXCLUDED.title, language = EXCLUDED.language,
           published_at = EXCLUDED.published_at, fingerprint = EXCLUDED.fingerprint,
           cluster_id = COALESCE(articles.cluster_id, EXCLUDED.cluster_id), document = EXCLUDED.document, updated_at = now()
         WHERE articles.version < EXCLUDED.version
         RETURNING id, cluster_id`,
        [
          article.id,
          article.version,
          article.pubStatus,
          article.source.id,
          article.source.name,
          article.title,
          article.language,
          article.publishedAt,
          article.fingerprint,
          clusterId,
          doc,
        ],
      )) as { id: string; cluster_id: string | null }[];
      if (!updated.length) continue;
      changed.add(article.id);
      await writeCurrentVersion(tx, article, updated[0]!.cluster_id, batchIds, written);
      written.add(article.id);
    }
    return changed;
  });
}
/** Advisory-lock namespace for band keys ("WS" in the top bits), so two transactions never cluster the same key at once. */
const BAND_LOCK_NAMESPACE = 0x5753n << 32n;

/** Whether the article takes part in clustering (usable, a real fingerprint, enough words for SimHash to mean something). */
function isClusterable(article: EnrichedArticle): boolean {
  return (
    article.pubStatus === 'usable' &&
    isFingerprint(article.fingerprint) &&
    (article.wordCount ?? 0) >= MIN_WORDS_FOR_CLUSTERING
  );
}

/**
 * Locks every band key the batch's articles will look up or write, in one global order (no deadlocks between
 * batches). Two near-duplicates arriving in concurrent batches then see each other instead of both starting a cluster.
 */
async function lockBandKeys(tx: EntityManager, articles: EnrichedArticle[]): Promise<void> {
  const keys = new Set<bigint>();
  for (const article of articles) {
    if (!isClusterable(article)) continue;
    for (const key of storySignature(article).keys) keys.add(BAND_LOCK_NAMESPACE + BigInt(key >>> 0));
  }
  if (!keys.size) return;
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  await tx.query(
    'SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS ordered',
    [sorted],
  );
}

/** Stores a version (every version is kept) with its diff from the previous stored one, and re-diffs the next one if it came first. */
async function recordVersion(tx: EntityManager, article: EnrichedArticle, document: string): Promise<void> {
  const inserted = (await tx.query(
    'INSERT INTO article_versions (article_id, version, document) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING version',
    [article.id, article.version, document],
  )) as unknown[];
  if (!inserted.length) return;
  const neighbours = (await tx.query(
    `SELECT version, document FROM article_versions WHERE article_id = $1 AND version IN (
       (SELECT max(version) FROM article_versions WHERE article_id = $1 AND version < $2),
       (SELECT min(version) FROM article_versions WHERE article_id = $1 AND version > $2))`,
    [article.id, article.version],
  )) as { version: number; document: EnrichedArticle }[];
  const previous = neighbours.find((n) => n.version < article.version) ?? null;
  const next = neighbours.find((n) => n.version > article.version) ?? null;
  const setChanges = 'UPDATE article_versions SET changes = $3 WHERE article_id = $1 AND version = $2';
  await tx.query(setChanges, [
    article.id,
    article.version,
    JSON.stringify(diffArticleVersions(previous?.document ?? null, article)),
  ]);
  if (next)
    await tx.query(setChanges, [article.id, next.version, JSON.stringify(diffArticleVersions(article, next.document))]);
}

/**
 * Rewrites the rows derived from the article's (new) current version and returns its story cluster id.
 * `clusterId` is what the article already has (null the first time it is stored): an article keeps its cluster
 * across versions.
 */
async function writeCurrentVersion(
  tx: EntityManager,
  article: EnrichedArticle,
  clusterId: string | null,
  batchIds: string[],
  written: ReadonlySet<string>,
): Promise<string> {
  await tx.query(
    `INSERT INTO sources (id, name) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET name = COALESCE(EXCLUDED.name, sources.name), last_seen_at = now()`,
    [article.source.id, article.source.name ?? null],
  );
  await replaceEntities(tx, article);
  await replaceQuotes(tx, article);
  const cluster = clusterId ?? (await findCluster(tx, article, batchIds, written)) ?? article.id;
  if (cluster !== clusterId) await tx.query('UPDATE articles SET cluster_id = $2 WHERE id = $1', [article.id, cluster]);
  await replaceBands(tx, article);
  await refreshCluster(tx, cluster);
  return cluster;
}

async function replaceEntities(tx: EntityManager, article: EnrichedArticle): Promise<void> {
  await tx.query('DELETE FROM article_entities WHERE article_id = $1', [article.id]);
  const counts = new Map<string, { type: EntityType; name: string; count: number }>();
  const kinds: [EntityType, unknown][] = [
    ['person', article.entities?.people],
    ['place', article.entities?.places],
    ['organization', article.entities?.organizations],
  ];
  for (const [type, list] of kinds) {
    for (const entity of Array.isArray(list) ? (list as EntityCount[]) : []) {
      const name = typeof entity?.name === 'string' ? entity.name.trim() : '';
      if (!name) continue;
      const key = `${type}\u0000${name}`;
      const count = Math.max(1, Math.round(Number(entity.count) || 1));
      const seen = counts.get(key);
      if (seen) seen.count += count;
      else counts.set(key, { type, name, count });
    }
  }
  if (!counts.size) return;
  // Sorted so concurrent transactions take the unique-index locks of shared names in the same order.
  const rows = [...counts.values()].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
  const types = rows.map((r) => r.type);
  const names = rows.map((r) => r.name);
  await tx.query(
    'INSERT INTO entities (type, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (type, name) DO NOTHING',
    [types, names],
  );
  // A separate statement: it sees names a concurrent transaction committed while the insert above waited for it.
  await tx.query(
    `INSERT INTO article_entities (article_id, entity_id, count)
     SELECT $1, e.id, i.count FROM unnest($2::text[], $3::text[], $4::int[]) AS i (type, name, count)
     JOIN entities e ON e.type = i.type AND e.name = i.name`,
    [article.id, types, names, rows.map((r) => r.count)],
  );
}

async function replaceQuotes(tx: EntityManager, article: EnrichedArticle): Promise<void> {
  await tx.query('DELETE FROM quotes WHERE article_id = $1', [article.id]);
  const quotes = (Array.isArray(article.quotes) ? (article.quotes as Quote[]) : []).filter(
    (q) => typeof q?.text === 'string' && q.text.trim(),
  );
  if (!quotes.length) return;
  await tx.query(
    `INSERT INTO quotes (article_id, ordinal, text, speaker)
     SELECT $1, q.ordinal - 1, q.text, q.speaker FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS q (text, speaker, ordinal)`,
    [article.id, quotes.map((q) => q.text), quotes.map((q) => (typeof q.speaker === 'string' ? q.speaker : null))],
  );
}

/**
 * The cluster of the nearest earlier article within the threshold; null when there is none. Candidates, each set
 * read as the store's bounded lookup reads it — per key the newest CANDIDATE_POSTINGS_PER_KEY postings, then the
 * CANDIDATES_PER_PROBE found through the most keys: the articles outside this batch; the batch's articles it has
 * written so far (their new postings); and, exhaustively, the batch's articles it has not written yet (as stored).
 */
async function findCluster(
  tx: EntityManager,
  article: EnrichedArticle,
  batchIds: string[],
  written: ReadonlySet<string>,
): Promise<string | null> {
  if (!isClusterable(article)) return null;
  const { signature, keys } = storySignature(article);
  const bounded = (filter: string) => `
       SELECT f.article_id
       FROM unnest($2::int[]) AS k (key)
       CROSS JOIN LATERAL (
         SELECT fk.article_id, fk.seen FROM fingerprint_band_keys fk WHERE fk.key = k.key AND ${filter}
         ORDER BY fk.seen DESC, fk.article_id DESC LIMIT $6
       ) AS f
       GROUP BY f.article_id ORDER BY count(*) DESC, max(f.seen) DESC, f.article_id LIMIT $7`;
  const [match] = (await tx.query(
    `WITH others AS (${bounded('fk.article_id <> ALL($5::text[])')}),
     mates AS (${bounded('fk.article_id = ANY($8::text[]) AND fk.article_id <> $3')}),
     candidate AS (
       SELECT fb.article_id, fb.signature FROM fingerprint_bands fb
       WHERE fb.article_id IN (SELECT article_id FROM others UNION SELECT article_id FROM mates)
       UNION ALL
       SELECT article_id, signature FROM fingerprint_bands
       WHERE article_id = ANY($5::text[]) AND article_id <> ALL($8::text[]) AND keys && $2::int[] AND article_id <> $3
     )
     SELECT a.cluster_id FROM candidate
     JOIN articles a ON a.id = candidate.article_id
     CROSS JOIN LATERAL (SELECT cardinality(candidate.signature) - count(*) AS distance FROM unnest(candidate.signature, $1::int[]) AS s (x, y) WHERE x = y) AS d
     WHERE a.pub_status = 'usable' AND a.cluster_id IS NOT NULL AND d.distance <= $4
     ORDER BY d.distance, a.published_at ASC NULLS LAST, a.first_seen_at, a.id
     LIMIT 1`,
    [
      signature,
      keys,
      article.id,
      STORY_MAX_SIGNATURE_DISTANCE,
      batchIds,
      CANDIDATE_POSTINGS_PER_KEY,
      CANDIDATES_PER_PROBE,
      [...written],
    ],
  )) as { cluster_id: string }[];
  return match?.cluster_id ?? null;
}

/** Withdrawn, too short or malformed-fingerprint articles are nobody's candidate. */
async function replaceBands(tx: EntityManager, article: EnrichedArticle): Promise<void> {
  await tx.query('DELETE FROM fingerprint_band_keys WHERE article_id = $1', [article.id]);
  await tx.query('DELETE FROM fingerprint_bands WHERE article_id = $1', [article.id]);
  if (!isClusterable(article)) return;
  const { signature, keys } = storySignature(article);
  await tx.query('INSERT INTO fingerprint_bands (article_id, keys, signature) VALUES ($1, $2::int[], $3::int[])', [
    article.id,
    keys,
    signature,
  ]);
  await tx.query(
    'INSERT INTO fingerprint_band_keys (key, seen, article_id) SELECT DISTINCT k, fb.seen, fb.article_id FROM fingerprint_bands fb, unnest(fb.keys) AS k WHERE fb.article_id = $1',
    [article.id],
  );
}

/** Size and lead from the members: the earliest usable one by publishedAt (undated last), then first seen. */
async function refreshCluster(tx: EntityManager, clusterId: string): Promise<void> {
  await tx.query(
    `INSERT INTO story_clusters (id, lead_article_id, size)
     SELECT $1, (array_agg(id ORDER BY pub_status <> 'usable', published_at ASC NULLS LAST, first_seen_at, id))[1], count(*)
     FROM articles WHERE cluster_id = $1
     ON CONFLICT (id) DO UPDATE SET lead_article_id = EXCLUDED.lead_article_id, size = EXCLUDED.size`,
    [clusterId],
  );
}
