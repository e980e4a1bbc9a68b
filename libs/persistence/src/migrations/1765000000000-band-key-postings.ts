import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `fingerprint_band_keys`: the story band index as postings, one row per (LSH key, article), read newest first per
 * key — so a probe's candidate lookup reads a bounded number of rows whatever the corpus holds (see
 * `findStoredCandidates`). The GIN index on `fingerprint_bands.keys` it replaces returned every article sharing a
 * key: on templated text (bench:index's and bench:e2e's generated corpora, automated market or sports reports)
 * that is most of the table, and the indexer's Postgres stage fell to ~40 articles/s at 3,400 stored articles.
 *
 * - The primary key (key, seen, article_id) is the only index: the lookup reads it backwards per key. An article's
 *   postings share its `fingerprint_bands.seen` (new here; the article's `first_seen_at` for stored rows), so they
 *   are deleted by primary key.
 * - `fingerprint_bands.keys` stays (the postings are derived from it); its GIN index is dropped: nothing reads it.
 * - Cost: one INSERT … SELECT over the band rows (64 postings per clusterable article). One transaction.
 * - Down recreates the GIN index and drops the postings and `seen`.
 */
export class BandKeyPostings1765000000000 implements MigrationInterface {
  name = 'BandKeyPostings1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fingerprint_bands ADD COLUMN seen timestamptz`);
    await q.query(`UPDATE fingerprint_bands fb SET seen = a.first_seen_at FROM articles a WHERE a.id = fb.article_id`);
    await q.query(`UPDATE fingerprint_bands SET seen = now() WHERE seen IS NULL`);
    await q.query(
      `ALTER TABLE fingerprint_bands ALTER COLUMN seen SET NOT NULL, ALTER COLUMN seen SET DEFAULT clock_timestamp()`,
    );
    await q.query(`
      CREATE TABLE fingerprint_band_keys (
        key integer NOT NULL,
        seen timestamptz NOT NULL,
        article_id text NOT NULL,
        PRIMARY KEY (key, seen, article_id)
      )`);
    await q.query(`
      INSERT INTO fingerprint_band_keys (key, seen, article_id)
      SELECT DISTINCT k.key, fb.seen, fb.article_id FROM fingerprint_bands fb CROSS JOIN LATERAL unnest(fb.keys) AS k (key)
      ORDER BY 1, 2, 3`);
    await q.query(`DROP INDEX fingerprint_bands_keys_idx`);
    await q.query(`ANALYZE fingerprint_band_keys`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX fingerprint_bands_keys_idx ON fingerprint_bands USING gin (keys) WITH (fastupdate = off)`,
    );
    await q.query(`DROP TABLE fingerprint_band_keys`);
    await q.query(`ALTER TABLE fingerprint_bands DROP COLUMN seen`);
  }
}
