import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Feed sources the ingestor polls, with their conditional-GET validators and health. */
export class FeedSources1764100000000 implements MigrationInterface {
  name = 'FeedSources1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feed_sources (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        format text NOT NULL DEFAULT 'auto',
        poll_interval_seconds integer NOT NULL CHECK (poll_interval_seconds > 0),
        enabled boolean NOT NULL DEFAULT true,
        -- AES-256-GCM sealed JSON of the auth headers: never stored, logged or returned in clear.
        auth_headers_sealed text,
        auth_header_names text[] NOT NULL DEFAULT '{}',
        etag text,
        last_modified text,
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        last_polled_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        last_error_code text,
        last_error_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        items_seen bigint NOT NULL DEFAULT 0,
        items_new bigint NOT NULL DEFAULT 0,
        last_new_item_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX feed_sources_due_idx ON feed_sources (next_poll_at) WHERE enabled`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feed_sources`);
  }
}
