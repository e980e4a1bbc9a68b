import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer rows and checks per indexed article (the indexer's Postgres stage was per-row bound):
 *
 * - `fingerprint_bands`: one row per article with its 12 band keys (`band * 65536 + value`, band order) in an
 *   `int[]`, found through a GIN index (`keys && probe keys`), instead of 12 rows, two b-tree entries each and a
 *   foreign-key check each. `fastupdate = off`: the candidate query runs right after writes, and a pending list would
 *   be scanned once per probe.
 * - The foreign keys of the derived tables (`article_entities` → articles and entities, `quotes` → articles,
 *   `story_clusters.lead_article_id` → articles) are dropped: they only cost a lookup per row. Integrity holds by
 *   construction: these rows are only ever written by `ArticleStore.write`, in the transaction that upserts their
 *   article (same row lock), entity links are inserted by joining `entities` (an id that does not exist cannot be
 *   linked), a lead is chosen from `articles` rows of the cluster, and articles are never deleted (withdrawal is a
 *   version), so the former `ON DELETE CASCADE` never fired.
 * - `article_versions.document` may be NULL for the version that is its article's current one: that document is
 *   `articles.document` (stored once, not twice). When a newer version becomes current, the superseded document is
 *   copied into its version row inside Postgres (no second trip over the wire). Readers use
 *   `COALESCE(v.document, a.document)` with `a.version = v.version`. Existing rows keep their documents (valid too).
 */
export class LeanIndexerRows1764400000000 implements MigrationInterface {
  name = 'LeanIndexerRows1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fingerprint_band_keys (
        article_id text NOT NULL,
        keys integer[] NOT NULL CHECK (cardinality(keys) = 12),
        CONSTRAINT fingerprint_band_keys_pkey PRIMARY KEY (article_id)
      )`);
    await q.query(`
      INSERT INTO fingerprint_band_keys (article_id, keys)
      SELECT article_id, array_agg(band * 65536 + value ORDER BY band) FROM fingerprint_bands GROUP BY article_id HAVING count(*) = 12`);
    await q.query(`DROP TABLE fingerprint_bands`);
    await q.query(`ALTER TABLE fingerprint_band_keys RENAME TO fingerprint_bands`);
    await q.query(
      `ALTER TABLE fingerprint_bands RENAME CONSTRAINT fingerprint_band_keys_pkey TO fingerprint_bands_pkey`,
    );
    await q.query(
      `CREATE INDEX fingerprint_bands_keys_idx ON fingerprint_bands USING gin (keys) WITH (fastupdate = off)`,
    );

    await q.query(
      `ALTER TABLE article_entities DROP CONSTRAINT IF EXISTS article_entities_article_id_fkey, DROP CONSTRAINT IF EXISTS article_entities_entity_id_fkey`,
    );
    await q.query(`ALTER TABLE quotes DROP CONSTRAINT IF EXISTS quotes_article_id_fkey`);
    await q.query(`ALTER TABLE story_clusters DROP CONSTRAINT IF EXISTS story_clusters_lead_article_id_fkey`);

    await q.query(`ALTER TABLE article_versions ALTER COLUMN document DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE article_versions v SET document = a.document FROM articles a
      WHERE v.document IS NULL AND a.id = v.article_id AND a.version = v.version`);
    await q.query(`ALTER TABLE article_versions ALTER COLUMN document SET NOT NULL`);

    await q.query(
      `ALTER TABLE story_clusters ADD CONSTRAINT story_clusters_lead_article_id_fkey FOREIGN KEY (lead_article_id) REFERENCES articles (id)`,
    );
    await q.query(
      `ALTER TABLE quotes ADD CONSTRAINT quotes_article_id_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE`,
    );
    await q.query(`
      ALTER TABLE article_entities
        ADD CONSTRAINT article_entities_article_id_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
        ADD CONSTRAINT article_entities_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES entities (id)`);

    await q.query(`ALTER TABLE fingerprint_bands RENAME TO fingerprint_band_keys`);
    await q.query(
      `ALTER TABLE fingerprint_band_keys RENAME CONSTRAINT fingerprint_bands_pkey TO fingerprint_band_keys_pkey`,
    );
    await q.query(`
      CREATE TABLE fingerprint_bands (
        band smallint NOT NULL CHECK (band BETWEEN 0 AND 11),
        value integer NOT NULL CHECK (value BETWEEN 0 AND 65535),
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, value, article_id)
      )`);
    await q.query(`
      INSERT INTO fingerprint_bands (band, value, article_id)
      SELECT (k.key / 65536)::smallint, k.key % 65536, b.article_id FROM fingerprint_band_keys b CROSS JOIN LATERAL unnest(b.keys) AS k (key)`);
    await q.query(`CREATE INDEX fingerprint_bands_article_idx ON fingerprint_bands (article_id)`);
    await q.query(`DROP TABLE fingerprint_band_keys`);
  }
}
