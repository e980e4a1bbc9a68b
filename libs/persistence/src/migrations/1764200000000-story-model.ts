import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexer's relational model around `articles`: sources, entities and their per-article counts, quotes,
 * story clusters and the SimHash band index that finds cluster candidates. Every table here is derived from
 * the current version of an article and rewritten in the same transaction as its version-guarded upsert.
 */
export class StoryModel1764200000000 implements MigrationInterface {
  name = 'StoryModel1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Sources as articles name them (the ingestor's `feed_sources` is the richer, configured list; separate on purpose).
    await q.query(`
      CREATE TABLE sources (
        id text PRIMARY KEY,
        name text,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO sources (id, name)
      SELECT DISTINCT ON (source_id) source_id, source_name FROM articles ORDER BY source_id, updated_at DESC`);

    // "First seen" breaks publishedAt ties for a cluster's lead; clock_timestamp() differs row by row within a batch.
    await q.query(`ALTER TABLE articles ADD COLUMN first_seen_at timestamptz NOT NULL DEFAULT clock_timestamp()`);
    await q.query(`CREATE INDEX articles_cluster_idx ON articles (cluster_id)`);

    await q.query(`
      CREATE TABLE entities (
        id bigserial PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('person', 'place', 'organization')),
        name text NOT NULL,
        CONSTRAINT entities_type_name_key UNIQUE (type, name)
      )`);
    await q.query(`
      CREATE TABLE article_entities (
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_id bigint NOT NULL REFERENCES entities (id),
        count integer NOT NULL CHECK (count >= 1),
        PRIMARY KEY (article_id, entity_id)
      )`);
    await q.query(`CREATE INDEX article_entities_entity_idx ON article_entities (entity_id)`);

    await q.query(`
      CREATE TABLE quotes (
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ordinal integer NOT NULL CHECK (ordinal >= 0),
        text text NOT NULL,
        speaker text,
        PRIMARY KEY (article_id, ordinal)
      )`);

    // id = the id of the article that started the cluster (stable: documents never need re-pointing); lead = earliest member.
    await q.query(`
      CREATE TABLE story_clusters (
        id text PRIMARY KEY,
        lead_article_id text NOT NULL REFERENCES articles (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        size integer NOT NULL CHECK (size >= 1)
      )`);

    // 12 keys of 16 bits per fingerprint (see clustering/simhash-bands.ts); the primary key is the lookup index.
    await q.query(`
      CREATE TABLE fingerprint_bands (
        band smallint NOT NULL CHECK (band BETWEEN 0 AND 11),
        value integer NOT NULL CHECK (value BETWEEN 0 AND 65535),
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, value, article_id)
      )`);
    await q.query(`CREATE INDEX fingerprint_bands_article_idx ON fingerprint_bands (article_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fingerprint_bands, story_clusters, quotes, article_entities, entities, sources`);
    await q.query(`DROP INDEX articles_cluster_idx`);
    await q.query(`ALTER TABLE articles DROP COLUMN first_seen_at`);
  }
}
