import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE raw_articles (
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        source_id text NOT NULL,
        format text NOT NULL,
        content_type text NOT NULL,
        pub_status text NOT NULL CHECK (pub_status IN ('usable', 'withdrawn')),
        content text NOT NULL,
        item jsonb NOT NULL,
        content_hash text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (id, version)
      )`);
    await q.query(`CREATE INDEX raw_articles_source_idx ON raw_articles (source_id, received_at)`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE articles (
        id text PRIMARY KEY,
        version integer NOT NULL,
        pub_status text NOT NULL,
        source_id text NOT NULL,
        source_name text,
        title text,
        language text,
        published_at timestamptz,
        fingerprint text NOT NULL,
        cluster_id text,
        document jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX articles_published_idx ON articles (published_at)`);
    await q.query(`
      CREATE TABLE article_versions (
        article_id text NOT NULL,
        version integer NOT NULL,
        document jsonb NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      )`);
    await q.query(`
      CREATE TABLE processed_events (
        event_id uuid PRIMARY KEY,
        consumer text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processed_events, article_versions, articles, outbox, raw_articles`);
  }
}
