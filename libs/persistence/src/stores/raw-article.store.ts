import type { DataSource, EntityManager } from 'typeorm';

export interface RawArticleToAccept {
  id: string;
  /** The wire version, or null when the format carries none (then versions are assigned here). */
  wireVersion: number | null;
  sourceId: string;
  format: string;
  contentType: string;
  pubStatus: string;
  content: string;
  item: unknown;
  contentHash: string;
  receivedAt: Date;
}

export type AcceptOutcome =
  | { status: 'accepted'; version: number }
  | { status: 'duplicate'; version: number }
  | { status: 'stale'; version: number; currentVersion: number };

export interface OutboxEntry {
  topic: string;
  key: string;
  envelope: unknown;
}

/**
 * Accepts a version of a raw article and its outbox event in one transaction, serialised per article id,
 * so a 202 is only ever answered for something both stored and queued for Kafka.
 */
export class RawArticleStore {
  constructor(private readonly dataSource: DataSource) {}

  async accept(input: RawArticleToAccept, buildOutbox: (version: number) => OutboxEntry): Promise<AcceptOutcome> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [input.id]);
      const [current] = (await tx.query('SELECT version, content_hash FROM raw_articles WHERE id = $1 ORDER BY version DESC LIMIT 1', [input.id])) as {
        version: number;
        content_hash: string;
      }[];
      const version = decideVersion(input, current ? { version: current.version, contentHash: current.content_hash } : null);
      if (version.status !== 'accepted') return version;
      await tx.query(
        `INSERT INTO raw_articles (id, version, source_id, format, content_type, pub_status, content, item, content_hash, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [input.id, version.version, input.sourceId, input.format, input.contentType, input.pubStatus, input.content, JSON.stringify(input.item), input.contentHash, input.receivedAt],
      );
      await insertOutbox(tx, buildOutbox(version.version));
      return version;
    });
  }

  async countVersions(id: string): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM raw_articles WHERE id = $1', [id])) as { n: number }[];
    return row?.n ?? 0;
  }
}

/**
 * Identity and versions (ARCHITECTURE.md): an explicit wire version is authoritative — equal is a duplicate,
 * lower is refused. Without one, identical content is a duplicate and changed content is the next version.
 */
export function decideVersion(input: Pick<RawArticleToAccept, 'wireVersion' | 'contentHash'>, current: { version: number; contentHash: string } | null): AcceptOutcome {
  if (input.wireVersion !== null) {
    if (!current || input.wireVersion > current.version) return { status: 'accepted', version: input.wireVersion };
    if (input.wireVersion === current.version) return { status: 'duplicate', version: current.version };
    return { status: 'stale', version: input.wireVersion, currentVersion: current.version };
  }
  if (!current) return { status: 'accepted', version: 1 };
  if (current.contentHash === input.contentHash) return { status: 'duplicate', version: current.version };
  return { status: 'accepted', version: current.version + 1 };
}

async function insertOutbox(tx: EntityManager, entry: OutboxEntry): Promise<void> {
  await tx.query('INSERT INTO outbox (topic, message_key, envelope) VALUES ($1, $2, $3)', [entry.topic, entry.key, JSON.stringify(entry.envelope)]);
}
