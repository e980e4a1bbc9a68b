import type { DataSource, EntityManager } from 'typeorm';

export interface RawArticleToAccept {
  id: string;
  /** The wire version, or null when the format carries none (then versions are assigned here). */
  wireVersion: number | null;
  sourceId: string;
  format: string;
  contentType: string;
  pubStatus: string;
  /** versionCreated / updated (ISO 8601) — orders versions when the wire carries no number. */
  versionCreatedAt?: string | null;
  content: string;
  item: unknown;
  contentHash: string;
  receivedAt: Date;
}

export type AcceptOutcome =
  | { status: 'accepted'; version: number }
  | { status: 'duplicate'; version: number }
  | { status: 'stale'; version: number | null; currentVersion: number; reason: string };

/** What is stored for an article now: its highest version. */
export interface CurrentVersion {
  version: number;
  contentHash: string;
  pubStatus: string;
  versionCreatedAt: string | null;
}

export type VersionCandidate = Pick<RawArticleToAccept, 'wireVersion' | 'contentHash' | 'pubStatus' | 'versionCreatedAt'>;

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
      const [current] = (await tx.query(
        `SELECT version, content_hash, pub_status, item->>'versionCreatedAt' AS version_created_at
         FROM raw_articles WHERE id = $1 ORDER BY version DESC LIMIT 1`,
        [input.id],
      )) as { version: number; content_hash: string; pub_status: string; version_created_at: string | null }[];
      const version = decideVersion(
        input,
        current ? { version: current.version, contentHash: current.content_hash, pubStatus: current.pub_status, versionCreatedAt: current.version_created_at } : null,
      );
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
 * Identity and versions (ARCHITECTURE.md). Every earlier version stays in raw_articles as history; only a
 * higher version is added on top.
 * - An explicit wire version is authoritative: higher is accepted, equal is a duplicate, lower is refused.
 *   Exception: a kill (withdrawn) of a usable article at the same wire version still takes effect, as the next
 *   version — agencies do send kills without bumping the number, and a kill must never be lost as a "duplicate".
 * - Without one: identical content and status is a duplicate; an older versionCreatedAt than the stored one is
 *   refused (a late retransmission must not undo a correction) unless it is a kill; anything else changed is the
 *   next version.
 */
export function decideVersion(input: VersionCandidate, current: CurrentVersion | null): AcceptOutcome {
  const withdrawing = input.pubStatus === 'withdrawn' && current?.pubStatus !== 'withdrawn';
  if (input.wireVersion !== null) {
    if (!current || input.wireVersion > current.version) return { status: 'accepted', version: input.wireVersion };
    if (input.wireVersion === current.version) return withdrawing ? { status: 'accepted', version: current.version + 1 } : { status: 'duplicate', version: current.version };
    return {
      status: 'stale',
      version: input.wireVersion,
      currentVersion: current.version,
      reason: `version ${input.wireVersion} is older than the stored version ${current.version}; a lower version never replaces a higher one`,
    };
  }
  if (!current) return { status: 'accepted', version: 1 };
  if (current.contentHash === input.contentHash && current.pubStatus === input.pubStatus) return { status: 'duplicate', version: current.version };
  const incomingAt = timeOf(input.versionCreatedAt);
  const storedAt = timeOf(current.versionCreatedAt);
  if (!withdrawing && incomingAt !== null && storedAt !== null && incomingAt < storedAt) {
    return {
      status: 'stale',
      version: null,
      currentVersion: current.version,
      reason: `versionCreatedAt ${input.versionCreatedAt} is older than the stored version ${current.version} (${current.versionCreatedAt}); an older version never replaces a newer one`,
    };
  }
  return { status: 'accepted', version: current.version + 1 };
}

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

async function insertOutbox(tx: EntityManager, entry: OutboxEntry): Promise<void> {
  await tx.query('INSERT INTO outbox (topic, message_key, envelope) VALUES ($1, $2, $3)', [entry.topic, entry.key, JSON.stringify(entry.envelope)]);
}
