/**
 * Set-based statements of `ArticleStore.write`, each one per batch (not per article), all inside its transaction:
 * processed event ids, stored heads, cluster candidates, versions and their diffs, the version-guarded upsert, and
 * the rows derived from the current version — source, entity counts, quotes, fingerprint bands, story clusters.
 * What becomes current and which cluster an article joins is decided by `planBatch` (batch-plan.ts), in message order.
 */
import { diffArticleVersions, type EnrichedArticle } from '@wirestream/contracts';
import type { EntityManager } from 'typeorm';
import {
  CANDIDATE_POSTINGS_PER_KEY,
  CANDIDATES_PER_PROBE,
  storySignature,
  STORY_MAX_SIGNATURE_DISTANCE,
} from '../clustering/story-signature';
import {
  entityRows,
  isClusterable,
  planReplacementDiffs,
  planVersionDiffs,
  quoteRows,
  sortedEntityKeys,
  type BatchEvent,
  type CurrentWrite,
  type StoredCandidate,
  type StoredHead,
  type VersionRow,
} from './batch-plan';

export { isClusterable } from './batch-plan';

/** Postgres array literal of integers (one text parameter per row of an `unnest`). */
const intArray = (values: readonly number[]) => `{${values.join(',')}}`;

/** Advisory-lock namespace for band keys ("WS" in the top bits), so two transactions never cluster the same key at once. Below 2^53: plain numbers. */
const BAND_LOCK_NAMESPACE = 0x5753 * 2 ** 32;

/**
 * Band keys are locked through this many slots (`key mod slots`), not one lock per key: a batch of 850 articles has
 * ~10,000 distinct keys, and Postgres's shared lock table holds max_locks_per_transaction × max_connections entries
 * (64 × 100 by default) for every session together — a transaction of ~1,700 articles, or a few concurrent smaller
 * ones, failed with "out of shared memory". Two transactions sharing a key always share its slot, so clustering is
 * serialised at least as before; keys of the same slot only add waits, and big batches overlap on keys anyway.
 */
const BAND_LOCK_SLOTS = 1024;

const US = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

/**
 * Locks (the slot of) every band key the batch's articles will look up or write, in one global order (no deadlocks
 * between batches). Two near-duplicates arriving in concurrent batches then see each other instead of both starting a cluster.
 * Taken after the transaction wrote its own rows (its articles, versions, processed ids, quotes, bands: rows no other
 * batch waits for, as an id maps to one partition) and before any shared one (entity names, clusters, sources), so a
 * transaction waiting here holds nothing a lock holder can wait for.
 */
export async function lockBandKeys(tx: EntityManager, articles: EnrichedArticle[]): Promise<void> {
  const keys = new Set<number>();
  for (const article of articles) {
    if (!isClusterable(article)) continue;
    for (const key of storySignature(article).keys)
      keys.add(BAND_LOCK_NAMESPACE + (((key % BAND_LOCK_SLOTS) + BAND_LOCK_SLOTS) % BAND_LOCK_SLOTS));
  }
  if (!keys.size) return;
  const sorted = [...keys].sort((a, b) => a - b).map(String);
  // Stays raw: advisory locks on the batch's band-key slots, in one global order.
  await tx.query(
    'SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS ordered',
    [sorted],
  );
}

/** Records the event ids (distinct, in order) for this consumer; returns those not seen before, lower-cased. */
export async function markProcessed(tx: EntityManager, consumer: string, eventIds: string[]): Promise<Set<string>> {
  if (!eventIds.length) return new Set();
  // Stays raw: unnest multi-row insert, ON CONFLICT DO NOTHING RETURNING the ids that are new.
  const rows = (await tx.query(
    `INSERT INTO processed_events (event_id, consumer)
     SELECT e, $2 FROM unnest($1::uuid[]) WITH ORDINALITY AS t (e, ord) ORDER BY ord
     ON CONFLICT DO NOTHING RETURNING event_id::text`,
    [eventIds, consumer],
  )) as { event_id: string }[];
  return new Set(rows.map((r) => r.event_id.toLowerCase()));
}

/**
 * The stored version, cluster and candidate state of each id before the batch, row-locked (in id order) until the
 * transaction ends.
 */
export async function readHeads(tx: EntityManager, ids: string[]): Promise<Map<string, StoredHead>> {
  if (!ids.length) return new Map();
  // Stays raw: the heads of many ids in one statement, row-locked FOR NO KEY UPDATE in id order.
  const rows = (await tx.query(
    `SELECT a.id, a.version, a.cluster_id, ${US('a.first_seen_at')} AS first_seen_us, a.pub_status, ${US('a.published_at')} AS published_us,
            (SELECT fb.signature FROM fingerprint_bands fb WHERE fb.article_id = a.id) AS signature
     FROM articles a WHERE a.id = ANY($1::text[]) ORDER BY a.id FOR NO KEY UPDATE OF a`,
    [ids],
  )) as {
    id: string;
    version: number;
    cluster_id: string | null;
    first_seen_us: string;
    pub_status: string;
    published_us: string | null;
    signature: number[] | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        version: r.version,
        pubStatus: r.pub_status,
        clusterId: r.cluster_id,
        firstSeenUs: Number(r.first_seen_us),
        candidate:
          r.pub_status === 'usable' && r.signature && r.cluster_id
            ? { signature: r.signature, publishedUs: r.published_us === null ? null : Number(r.published_us) }
            : null,
      },
    ]),
  );
}

/**
 * One query for the whole batch: the stored usable, clustered articles sharing a band key with each probe and
 * within the signature threshold (checked in SQL), whatever their rank; `planBatch` picks. The batch's own ids are
 * left out: the transaction may already have rewritten them (their pre-batch state is in the heads).
 *
 * Bounded work per probe: for each of its keys the newest CANDIDATE_POSTINGS_PER_KEY postings (a backward range
 * scan of `fingerprint_band_keys_recent_idx`), then the CANDIDATES_PER_PROBE articles found through the most keys
 * (more shared keys, higher similarity: 64 × s² expected), then one signature comparison each. Where fewer articles
 * share the probe's keys — real news text: ~3.5 per lookup (bench:clusters) — this is every candidate, as before.
 * On templated text, where most of the corpus shares keys, the former GIN lookup compared all of it: 3,400 stored
 * articles took 78 s of 80 s in the indexer's Postgres stage (~40 articles/s).
 */
export async function findStoredCandidates(
  tx: EntityManager,
  probes: BatchEvent[],
  exclude: string[],
): Promise<StoredCandidate[]> {
  if (!probes.length) return [];
  // Stays raw: bounded postings lookup per key, ranking by shared keys, and the signature distance in SQL, all probes
  // at once. A probe is its position in the arrays; its signature is read by subscript, not joined back: on a row
  // estimate of a few, the planner joined the ranked candidates to the probes by a nested loop (850 × 6,800 rows).
  const rows = (await tx.query(
    `WITH probes AS MATERIALIZED (
       SELECT p.pos, p.keys FROM unnest($2::text[]) WITH ORDINALITY AS p (keys, pos)
     ),
     hits AS (
       SELECT p.pos, f.article_id, count(*) AS shared, max(f.seen) AS seen
       FROM probes p
       CROSS JOIN LATERAL unnest(p.keys::int[]) AS k (key)
       CROSS JOIN LATERAL (
         SELECT fk.article_id, fk.seen FROM fingerprint_band_keys fk WHERE fk.key = k.key
         ORDER BY fk.seen DESC, fk.article_id DESC LIMIT $5
       ) AS f
       GROUP BY p.pos, f.article_id
     ),
     ranked AS (
       SELECT pos, article_id FROM (
         SELECT pos, article_id, row_number() OVER (PARTITION BY pos ORDER BY shared DESC, seen DESC, article_id) AS rank FROM hits
       ) AS r WHERE rank <= $6
     )
     SELECT r.pos, a.id, a.cluster_id, d.distance, ${US('a.published_at')} AS published_us, ${US('a.first_seen_at')} AS first_seen_us
     FROM ranked r
     JOIN fingerprint_bands fb ON fb.article_id = r.article_id
     JOIN articles a ON a.id = r.article_id AND a.pub_status = 'usable' AND a.cluster_id IS NOT NULL
     CROSS JOIN LATERAL (
       SELECT cardinality(fb.signature) - count(*)::int AS distance FROM unnest(fb.signature, (($1::text[])[r.pos])::int[]) AS s (x, y) WHERE x = y
     ) AS d
     WHERE d.distance <= $3 AND a.id <> ALL($4::text[])`,
    [
      probes.map((p) => intArray(storySignature(p.article).signature)),
      probes.map((p) => intArray(storySignature(p.article).keys)),
      STORY_MAX_SIGNATURE_DISTANCE,
      exclude,
      CANDIDATE_POSTINGS_PER_KEY,
      CANDIDATES_PER_PROBE,
    ],
  )) as {
    pos: string;
    id: string;
    cluster_id: string;
    distance: number;
    published_us: string | null;
    first_seen_us: string;
  }[];
  return rows.map((r) => ({
    ord: probes[Number(r.pos) - 1]!.ord,
    id: r.id,
    clusterId: r.cluster_id,
    distance: r.distance,
    publishedUs: r.published_us === null ? null : Number(r.published_us),
    firstSeenUs: Number(r.first_seen_us),
  }));
}

/**
 * The band postings of the batch's clusterable articles, written after its candidate lookup (under the band-key
 * locks): the lookup then never reads the batch's own postings, which would be the newest of every key they share.
 */
export async function insertBandPostings(tx: EntityManager, articles: EnrichedArticle[]): Promise<void> {
  const banded = articles.filter(isClusterable).map((a) => a.id);
  if (!banded.length) return;
  // Stays raw: postings expanded from the band rows `replaceOwnRows` wrote (their keys and `seen`), in key order.
  await tx.query(
    `INSERT INTO fingerprint_band_keys (key, seen, article_id)
     SELECT DISTINCT k.key, fb.seen, fb.article_id FROM fingerprint_bands fb CROSS JOIN LATERAL unnest(fb.keys) AS k (key)
     WHERE fb.article_id = ANY($1::text[]) ORDER BY 1, 2, 3`,
    [banded],
  );
}

/**
 * In one statement, so each document crosses the wire and is parsed once: stores every new version (the first event
 * of each (id, version) in message order; an existing row is kept — with a NULL document when it becomes current, as
 * `articles.document` holds that one; the version it supersedes gets its document copied from `articles`, all in the
 * statement's one snapshot) and runs the version-guarded upsert of every
 * article the batch makes current (one row per id: its last applied event, always one of those versions). Returns
 * the ids whose row the upsert changed, with the cluster they keep — null for a new article, whose cluster and
 * `first_seen_at` are set under the band-key locks (`assignClusters`).
 * Then re-diffs what the inserted versions change: each against its predecessor, and the version after a new one
 * against it — so a version arriving late still leaves every diff against its true predecessor.
 */
export async function writeVersionsAndCurrent(
  tx: EntityManager,
  events: BatchEvent[],
  writes: Omit<CurrentWrite, 'clusterId'>[],
): Promise<Map<string, string | null>> {
  const key = (id: string, version: number) => `${id}\u0000${version}`;
  const byKey = new Map<string, EnrichedArticle>();
  for (const { article } of events)
    if (!byKey.has(key(article.id, article.version))) byKey.set(key(article.id, article.version), article);
  if (!byKey.size) return new Map();
  const current = new Map(writes.map((w) => [key(w.event.article.id, w.event.article.version), w]));
  // The applied event of an id is the first of its (id, version), or a re-enrichment of it: its document is the row's.
  for (const [k, w] of current) byKey.set(k, w.event.article);
  const input = [...byKey.values()].map((a, ord) => {
    const write = current.get(key(a.id, a.version));
    const row = { ord, id: a.id, version: a.version, document: a };
    if (!write) return row;
    return {
      ...row,
      is_current: true,
      replaces: write.replaces,
      first_ord: write.firstOrd ?? write.event.ord,
      pub_status: a.pubStatus,
      source_id: a.source.id,
      source_name: a.source.name ?? null,
      title: a.title ?? null,
      language: a.language ?? null,
      published_at: a.publishedAt ?? null,
      fingerprint: a.fingerprint,
    };
  });
  // Stays raw: the version-guarded batch upsert of versions and current rows (json_to_recordset), measured in bench:index.
  const rows = (await tx.query(
    `WITH input AS MATERIALIZED (
       SELECT * FROM json_to_recordset($1::json) AS r (ord int, id text, version int, is_current boolean, replaces boolean, first_ord int, pub_status text, source_id text, source_name text,
                                                      title text, language text, published_at timestamptz, fingerprint text, document json)
     ),
     clock AS MATERIALIZED (SELECT clock_timestamp() AS t),
     versions AS (
       INSERT INTO article_versions (article_id, version, document)
       SELECT id, version, CASE WHEN is_current THEN NULL ELSE document END FROM input ORDER BY ord
       ON CONFLICT DO NOTHING RETURNING article_id, version
     ),
     superseded AS (
       UPDATE article_versions v SET document = a.document
       FROM input r JOIN articles a ON a.id = r.id
       WHERE r.is_current AND a.version < r.version AND v.article_id = a.id AND v.version = a.version AND v.document IS NULL
     ),
     upserted AS (
       INSERT INTO articles (id, version, pub_status, source_id, source_name, title, language, published_at, fingerprint, cluster_id, document, updated_at, first_seen_at)
       SELECT r.id, r.version, r.pub_status, r.source_id, r.source_name, r.title, r.language, r.published_at, r.fingerprint, NULL, r.document, now(),
              clock.t + r.first_ord * interval '1 microsecond'
       FROM input r CROSS JOIN clock WHERE r.is_current AND r.replaces IS NOT TRUE
       ORDER BY r.id
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, pub_status = EXCLUDED.pub_status, source_id = EXCLUDED.source_id,
         source_name = EXCLUDED.source_name, title = EXCLUDED.title, language = EXCLUDED.language,
         published_at = EXCLUDED.published_at, fingerprint = EXCLUDED.fingerprint,
         document = EXCLUDED.document, updated_at = now()
       WHERE articles.version < EXCLUDED.version
       RETURNING id, cluster_id
     ),
     -- A re-enrichment rewrites the current version in place: same version, never over a kill (see \`supersedes\`).
     replaced AS (
       UPDATE articles a SET pub_status = r.pub_status, source_id = r.source_id, source_name = r.source_name, title = r.title, language = r.language,
              published_at = r.published_at, fingerprint = r.fingerprint, document = r.document, updated_at = now()
       FROM input r
       WHERE r.is_current AND r.replaces AND a.id = r.id AND a.version = r.version AND a.pub_status = 'usable' AND r.pub_status = 'usable'
       RETURNING a.id, a.version, a.cluster_id
     )
     SELECT 'inserted' AS kind, article_id AS id, version, NULL AS cluster_id FROM versions
     UNION ALL
     SELECT 'existing', v.article_id, v.version, NULL FROM article_versions v WHERE v.article_id IN (SELECT article_id FROM versions UNION ALL SELECT id FROM replaced)
     UNION ALL
     SELECT 'current', id, NULL, cluster_id FROM upserted
     UNION ALL
     SELECT 'replaced', id, version, cluster_id FROM replaced`,
    [JSON.stringify(input)],
  )) as { kind: 'inserted' | 'existing' | 'current' | 'replaced'; id: string; version: number; cluster_id: string }[];

  const inserted = rows.filter((r) => r.kind === 'inserted');
  const replaced = rows.filter((r) => r.kind === 'replaced');
  const existing = rows.filter((r) => r.kind === 'existing');
  const tasks = [...planVersionDiffs(inserted, existing), ...planReplacementDiffs(replaced, existing)];
  if (tasks.length) {
    const docs = new Map<string, EnrichedArticle>(
      [...inserted, ...replaced].map((r) => [key(r.id, r.version), byKey.get(key(r.id, r.version))!]),
    );
    const missing = new Map<string, VersionRow>();
    for (const t of tasks) {
      for (const version of [t.version, t.previous!])
        if (!docs.has(key(t.id, version))) missing.set(key(t.id, version), { id: t.id, version });
    }
    if (missing.size) {
      // Stays raw: many (id, version) documents in one statement (unnest join), the current one from `articles`.
      const stored = (await tx.query(
        `SELECT v.article_id AS id, v.version, COALESCE(v.document, a.document) AS document
         FROM article_versions v JOIN unnest($1::text[], $2::int[]) AS m (id, version) ON v.article_id = m.id AND v.version = m.version
         LEFT JOIN articles a ON v.document IS NULL AND a.id = v.article_id AND a.version = v.version`,
        [[...missing.values()].map((m) => m.id), [...missing.values()].map((m) => m.version)],
      )) as (VersionRow & { document: EnrichedArticle })[];
      for (const s of stored) docs.set(key(s.id, s.version), s.document);
    }
    const updates = tasks.map((t) => ({
      id: t.id,
      version: t.version,
      changes: diffArticleVersions(docs.get(key(t.id, t.previous!)) ?? null, docs.get(key(t.id, t.version))!),
    }));
    // Stays raw: batch update of many versions' diffs from one json parameter (json_to_recordset).
    await tx.query(
      `UPDATE article_versions v SET changes = u.changes
       FROM json_to_recordset($1::json) AS u (id text, version int, changes jsonb)
       WHERE v.article_id = u.id AND v.version = u.version`,
      [JSON.stringify(updates)],
    );
  }
  return new Map(rows.filter((r) => r.kind === 'current' || r.kind === 'replaced').map((r) => [r.id, r.cluster_id]));
}

/**
 * Rewrites the rows derived from the new current versions that belong to these articles alone: quotes and fingerprint
 * bands (withdrawn, too short or malformed-fingerprint articles are nobody's candidate), and clears their entity links
 * and band postings.
 * Needs no band-key lock: other transactions see the bands only once this one commits, after its clustering.
 */
export async function replaceOwnRows(
  tx: EntityManager,
  /** In message order (of each one's applied event). */
  articles: EnrichedArticle[],
  storedBefore: { has(id: string): boolean },
): Promise<void> {
  if (!articles.length) return;
  const banded = articles.filter(isClusterable);
  // Only an article stored before the batch can have rows to clear (derived rows are written with their article).
  const existing = articles.filter((a) => storedBefore.has(a.id)).map((a) => a.id);
  if (existing.length) {
    // Stays raw: four batch deletes in one statement (data-modifying CTEs). Postings of re-banded articles are
    // written again after the batch's candidate lookup (`insertBandPostings`).
    await tx.query(
      `WITH e AS (DELETE FROM article_entities WHERE article_id = ANY($1::text[])),
            q AS (DELETE FROM quotes WHERE article_id = ANY($1::text[])),
            k AS (DELETE FROM fingerprint_band_keys fk USING fingerprint_bands fb CROSS JOIN LATERAL unnest(fb.keys) AS b (key)
                  WHERE fb.article_id = ANY($1::text[]) AND fk.key = b.key AND fk.seen = fb.seen AND fk.article_id = fb.article_id)
       DELETE FROM fingerprint_bands WHERE article_id = ANY($1::text[]) AND article_id <> ALL($2::text[])`,
      [existing, banded.map((a) => a.id)],
    );
  }

  const quotes = articles.flatMap(quoteRows);
  if (quotes.length) {
    // Stays raw: unnest multi-row insert.
    await tx.query(
      'INSERT INTO quotes (article_id, ordinal, text, speaker) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])',
      [
        quotes.map((q) => q.articleId),
        quotes.map((q) => q.ordinal),
        quotes.map((q) => q.text),
        quotes.map((q) => q.speaker),
      ],
    );
  }

  if (banded.length) {
    // Stays raw: unnest multi-row upsert (ON CONFLICT DO UPDATE). `seen` follows message order (one statement clock
    // plus the article's position, µs), as a one-at-a-time writer would stamp it: the candidate lookup reads newest first.
    await tx.query(
      `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS t)
       INSERT INTO fingerprint_bands (article_id, keys, signature, seen)
       SELECT b.id, b.keys::int[], b.signature::int[], clock.t + b.ord * interval '1 microsecond'
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS b (id, keys, signature, ord) CROSS JOIN clock ORDER BY b.id
       ON CONFLICT (article_id) DO UPDATE SET keys = EXCLUDED.keys, signature = EXCLUDED.signature, seen = EXCLUDED.seen`,
      [
        banded.map((a) => a.id),
        banded.map((a) => intArray(storySignature(a).keys)),
        banded.map((a) => intArray(storySignature(a).signature)),
      ],
    );
  }
}

/**
 * Entity counts of the new current versions: names (shared with other transactions, so inserted after the band-key
 * locks and in one global order), then the links.
 */
export async function insertEntityLinks(tx: EntityManager, articles: EnrichedArticle[]): Promise<void> {
  const links = articles.flatMap(entityRows);
  if (!links.length) return;
  const keys = sortedEntityKeys(links);
  // Stays raw: unnest multi-row insert of new names (ON CONFLICT DO NOTHING), sorted (no deadlocks).
  await tx.query(
    `INSERT INTO entities (type, name) SELECT type, name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t (type, name, ord) ORDER BY ord
     ON CONFLICT (type, name) DO NOTHING`,
    [keys.map((k) => k.type), keys.map((k) => k.name)],
  );
  // A separate statement: it sees names a concurrent transaction committed while the insert above waited for it.
  // Stays raw: multi-row insert joined to `entities` (an id that does not exist cannot be linked).
  await tx.query(
    `INSERT INTO article_entities (article_id, entity_id, count)
     SELECT i.article_id, e.id, i.count FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS i (article_id, type, name, count)
     JOIN entities e ON e.type = i.type AND e.name = i.name`,
    [links.map((l) => l.articleId), links.map((l) => l.type), links.map((l) => l.name), links.map((l) => l.count)],
  );
}

/**
 * Under the band-key locks: the cluster of each article that has none yet, and a new article's `first_seen_at` —
 * one statement clock plus its position in the batch (µs), so "first seen" follows message order, and a batch
 * clustered after a near-duplicate one sees its articles as seen first.
 */
export async function assignClusters(tx: EntityManager, writes: CurrentWrite[]): Promise<void> {
  if (!writes.length) return;
  // Stays raw: batch update from unnest, with a statement clock per batch (clock_timestamp()).
  await tx.query(
    `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS t)
     UPDATE articles a SET cluster_id = u.cluster_id,
            first_seen_at = CASE WHEN u.first_ord IS NULL THEN a.first_seen_at ELSE clock.t + u.first_ord * interval '1 microsecond' END
     FROM unnest($1::text[], $2::text[], $3::int[]) AS u (id, cluster_id, first_ord), clock
     WHERE a.id = u.id AND a.cluster_id IS NULL`,
    [writes.map((w) => w.event.article.id), writes.map((w) => w.clusterId), writes.map((w) => w.firstOrd)],
  );
}

/**
 * Size and lead of each cluster from its members: the earliest usable one by publishedAt (undated last), then first
 * seen. `singletons` are clusters known to have one member, their founder (no lookup needed: lead itself, size 1).
 */
export async function refreshClusters(
  tx: EntityManager,
  clusterIds: string[],
  singletons: string[] = [],
): Promise<void> {
  if (clusterIds.length) {
    // Stays raw: batch upsert of cluster size and lead aggregated from `articles` (array_agg … ORDER BY).
    await tx.query(
      `INSERT INTO story_clusters (id, lead_article_id, size)
       SELECT cluster_id, (array_agg(id ORDER BY pub_status <> 'usable', published_at ASC NULLS LAST, first_seen_at, id))[1], count(*)
       FROM articles WHERE cluster_id = ANY($1::text[]) GROUP BY cluster_id ORDER BY cluster_id
       ON CONFLICT (id) DO UPDATE SET lead_article_id = EXCLUDED.lead_article_id, size = EXCLUDED.size`,
      [[...new Set(clusterIds)].sort()],
    );
  }
  if (singletons.length) {
    // Stays raw: unnest multi-row upsert.
    await tx.query(
      `INSERT INTO story_clusters (id, lead_article_id, size) SELECT id, id, 1 FROM unnest($1::text[]) AS s (id) ORDER BY id
       ON CONFLICT (id) DO UPDATE SET lead_article_id = EXCLUDED.lead_article_id, size = EXCLUDED.size`,
      [[...new Set(singletons)].sort()],
    );
  }
}

/** Sources as the batch names them (sorted; the transaction's last statement, so their row locks are held briefly). */
export async function upsertSources(tx: EntityManager, sources: { id: string; name: string | null }[]): Promise<void> {
  if (!sources.length) return;
  // Stays raw: unnest multi-row upsert; the name is kept when the batch has none (COALESCE).
  await tx.query(
    `INSERT INTO sources (id, name) SELECT id, name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s (id, name, ord) ORDER BY ord
     ON CONFLICT (id) DO UPDATE SET name = COALESCE(EXCLUDED.name, sources.name), last_seen_at = now()`,
    [sources.map((s) => s.id), sources.map((s) => s.name)],
  );
}
