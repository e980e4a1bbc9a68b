import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STORY_SIGNATURE } from '../clustering/minhash';
import { simhashBands } from '../clustering/simhash-bands';
import { signatureOfBody, STORY_MAX_SIGNATURE_DISTANCE } from '../clustering/story-signature';

/** Articles per statement round trip; each batch reads its bodies once and writes its rows in one statement. */
const BATCH = 500;

const intArray = (values: readonly number[]) => `{${values.join(',')}}`;

/**
 * Story clusters by MinHash of the main text instead of a 64-bit SimHash (clustering/minhash.ts, README "Story
 * clusters"): `fingerprint_bands` gets each clusterable article's 128-value `signature` and its 64 LSH keys replace
 * the 12 SimHash band keys; then every stored clusterable article is clustered again, as the indexer would have.
 *
 * - Computed from stored documents only (`articles.document->>'body'`), in keyset batches of 500.
 * - Re-clustering walks the articles in arrival order (`first_seen_at`, id): each joins the cluster of its nearest
 *   earlier usable article among those sharing a band key within the threshold (nearest, then earliest published,
 *   then first seen, then id — the indexer's order), else founds its own (cluster id = its own id). One candidate
 *   query per batch through the GIN index, no all-pairs comparison. Articles without band rows (withdrawn, too
 *   short) keep their cluster. `story_clusters` is then rebuilt from the members (size, lead), empty ones removed.
 * - Cost: one pass over the stored bodies (~1 ms of CPU per 400-word body for the signature), ANALYZE, then one
 *   candidate query per batch (GIN lookup per probe, candidates by primary key). Measured on this shared 2-core
 *   machine: 1,856 articles of 1,575 words on average (each story stored ~30 times) in 3.5 s, ≈ 530 articles/s.
 *   One transaction: stop the indexers while it runs (they refuse to start on an older schema).
 * - The search index still carries the old `clusterId`s: run a reindex (`POST /v1/admin/reindex`) afterwards.
 * - Down restores SimHash band keys from `articles.fingerprint` and drops the signatures; clusters stay as they are.
 */
export class StorySignatures1764900000000 implements MigrationInterface {
  name = 'StorySignatures1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE fingerprint_bands ADD COLUMN signature int[], DROP CONSTRAINT fingerprint_band_keys_keys_check`,
    );

    let after = '';
    for (;;) {
      const rows = (await q.query(
        `SELECT fb.article_id AS id, a.document->>'body' AS body FROM fingerprint_bands fb JOIN articles a ON a.id = fb.article_id
         WHERE fb.article_id > $1 ORDER BY fb.article_id LIMIT $2`,
        [after, BATCH],
      )) as { id: string; body: string | null }[];
      if (!rows.length) break;
      const signed = rows.map((r) => ({ id: r.id, ...signatureOfBody(r.body ?? '') }));
      await q.query(
        `UPDATE fingerprint_bands fb SET keys = u.keys::int[], signature = u.signature::int[]
         FROM unnest($1::text[], $2::text[], $3::text[]) AS u (id, keys, signature) WHERE fb.article_id = u.id`,
        [signed.map((s) => s.id), signed.map((s) => intArray(s.keys)), signed.map((s) => intArray(s.signature))],
      );
      after = rows[rows.length - 1]!.id;
    }
    await q.query(`
      ALTER TABLE fingerprint_bands ALTER COLUMN signature SET NOT NULL,
        ADD CONSTRAINT fingerprint_bands_keys_size CHECK (cardinality(keys) = ${STORY_SIGNATURE.bands}),
        ADD CONSTRAINT fingerprint_bands_signature_size CHECK (cardinality(signature) = ${STORY_SIGNATURE.hashes})`);
    // Fresh statistics, so the per-probe candidate lookup below uses the GIN index rather than a scan per probe.
    await q.query(`ANALYZE fingerprint_bands, articles`);
    await this.recluster(q);
  }

  private async recluster(q: QueryRunner): Promise<void> {
    let cursor: { us: string; id: string } = { us: '-9223372036854775808', id: '' };
    for (;;) {
      const batch = (await q.query(
        `SELECT a.id, (extract(epoch FROM a.first_seen_at) * 1000000)::bigint::text AS us FROM fingerprint_bands fb JOIN articles a ON a.id = fb.article_id
         WHERE a.pub_status = 'usable' AND ((extract(epoch FROM a.first_seen_at) * 1000000)::bigint, a.id) > ($1::bigint, $2)
         ORDER BY (extract(epoch FROM a.first_seen_at) * 1000000)::bigint, a.id LIMIT $3`,
        [cursor.us, cursor.id, BATCH],
      )) as { id: string; us: string }[];
      if (!batch.length) break;
      // Every usable banded article arriving earlier than the probe, within the threshold: those of earlier batches
      // already carry their new cluster; those of this batch get it from `assigned`, in order.
      const candidates = (await q.query(
        `SELECT p.id AS probe, c.id, c.cluster_id, d.distance, (extract(epoch FROM c.published_at) * 1000000)::bigint::text AS published_us,
                (extract(epoch FROM c.first_seen_at) * 1000000)::bigint::text AS first_seen_us
         FROM unnest($1::text[]) AS p (id)
         JOIN fingerprint_bands pb ON pb.article_id = p.id JOIN articles pa ON pa.id = p.id
         CROSS JOIN LATERAL (SELECT fb.article_id, fb.signature FROM fingerprint_bands fb WHERE fb.keys && pb.keys AND fb.article_id <> p.id OFFSET 0) AS fb
         CROSS JOIN LATERAL (
           SELECT a.* FROM articles a WHERE a.id = fb.article_id AND a.pub_status = 'usable' AND (a.first_seen_at, a.id) < (pa.first_seen_at, pa.id) OFFSET 0
         ) AS c
         CROSS JOIN LATERAL (SELECT cardinality(fb.signature) - count(*)::int AS distance FROM unnest(fb.signature, pb.signature) AS s (x, y) WHERE x = y) AS d
         WHERE d.distance <= $2`,
        [batch.map((b) => b.id), STORY_MAX_SIGNATURE_DISTANCE],
      )) as {
        probe: string;
        id: string;
        cluster_id: string | null;
        distance: number;
        published_us: string | null;
        first_seen_us: string;
      }[];
      const byProbe = new Map<string, typeof candidates>();
      for (const c of candidates) byProbe.set(c.probe, [...(byProbe.get(c.probe) ?? []), c]);
      const assigned = new Map<string, string>();
      for (const { id } of batch) {
        const ranked = (byProbe.get(id) ?? []).sort(
          (a, b) =>
            a.distance - b.distance ||
            (a.published_us === null ? 1 : 0) - (b.published_us === null ? 1 : 0) ||
            Number(BigInt(a.published_us ?? '0') - BigInt(b.published_us ?? '0')) ||
            Number(BigInt(a.first_seen_us) - BigInt(b.first_seen_us)) ||
            (a.id < b.id ? -1 : 1),
        );
        const nearest = ranked.find((c) => assigned.has(c.id) || c.cluster_id !== null);
        assigned.set(id, nearest ? (assigned.get(nearest.id) ?? nearest.cluster_id!) : id);
      }
      await q.query(
        `UPDATE articles a SET cluster_id = u.cluster_id FROM unnest($1::text[], $2::text[]) AS u (id, cluster_id) WHERE a.id = u.id AND a.cluster_id IS DISTINCT FROM u.cluster_id`,
        [[...assigned.keys()], [...assigned.values()]],
      );
      const last = batch[batch.length - 1]!;
      cursor = { us: last.us, id: last.id };
    }
    await q.query(`DELETE FROM story_clusters s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.cluster_id = s.id)`);
    await q.query(
      `INSERT INTO story_clusters (id, lead_article_id, size)
       SELECT cluster_id, (array_agg(id ORDER BY pub_status <> 'usable', published_at ASC NULLS LAST, first_seen_at, id))[1], count(*)
       FROM articles WHERE cluster_id IS NOT NULL GROUP BY cluster_id
       ON CONFLICT (id) DO UPDATE SET lead_article_id = EXCLUDED.lead_article_id, size = EXCLUDED.size`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fingerprint_bands DROP CONSTRAINT fingerprint_bands_keys_size, DROP COLUMN signature`);
    // The 12 SimHash band keys of 1764400000000 (clustering/simhash-bands.ts), from the stored fingerprint.
    const rows = (await q.query(
      `SELECT fb.article_id AS id, a.fingerprint FROM fingerprint_bands fb JOIN articles a ON a.id = fb.article_id`,
    )) as { id: string; fingerprint: string }[];
    for (let i = 0; i < rows.length; i += BATCH) {
      const slice = rows.slice(i, i + BATCH);
      await q.query(
        `UPDATE fingerprint_bands fb SET keys = u.keys::int[] FROM unnest($1::text[], $2::text[]) AS u (id, keys) WHERE fb.article_id = u.id`,
        [
          slice.map((r) => r.id),
          slice.map((r) =>
            intArray(
              simhashBands(r.fingerprint)
                .sort((a, b) => a.band - b.band)
                .map((b) => b.band * 65536 + b.value),
            ),
          ),
        ],
      );
    }
    await q.query(
      `ALTER TABLE fingerprint_bands ADD CONSTRAINT fingerprint_band_keys_keys_check CHECK (cardinality(keys) = 12)`,
    );
  }
}
