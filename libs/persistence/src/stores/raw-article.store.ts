import type { DataSource, EntityManager } from 'typeorm';
import { RawArticleEntity } from '../entities/raw-article.entity';

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
  | { status: 'stale'; version: number | null; currentVersion: number; reason: string }
  /** No version is left above the stored one (only reachable from the very top of the range); see decideVersion. */
  | { status: 'exhausted'; version: null; currentVersion: number; reason: string };

/** `raw_articles.version` is a Postgres integer. */
export const MAX_STORED_VERSION = 2_147_483_647;
/**
 * The highest version a sender may give. The one value above it is kept for a kill, so an article at the top wire
 * version can always still be withdrawn (a kill at the stored version is recorded as the next one).
 */
export const MAX_WIRE_VERSION = MAX_STORED_VERSION - 1;

/** What is stored for an article now: its highest version. */
export interface CurrentVersion {
  version: number;
  contentHash: string;
  pubStatus: string;
  versionCreatedAt: string | null;
}

export type VersionCandidate = Pick<
  RawArticleToAccept,
  'wireVersion' | 'contentHash' | 'pubStatus' | 'versionCreatedAt'
>;

export interface OutboxEntry {
  topic: string;
  key: string;
  envelope: unknown;
}

export interface BatchEntry {
  input: RawArticleToAccept;
  buildOutbox: (version: number) => OutboxEntry;
}

/**
 * Accepts the versions of raw articles a request (or feed poll) carries, with their outbox events, in one
 * transaction: a 202 is only ever answered for something both stored and queued for Kafka, and a request that
 * fails leaves nothing of itself behind. Writers of the same article are serialised by an advisory lock per id,
 * taken in one stable order (by lock key) so two concurrent batches can never deadlock each other.
 */
export class RawArticleStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Outcomes in the order of `entries`; a later entry for the same id is decided against an earlier one. */
  async acceptBatch(entries: BatchEntry[]): Promise<AcceptOutcome[]> {
    if (!entries.length) return [];
    const ids = [...new Set(entries.map((e) => e.input.id))];
    return this.dataSource.transaction(async (tx) => {
      // Stays raw: advisory locks, one per id, taken in lock-key order.
      await tx.query(
        `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest($1::text[]) AS id ORDER BY k) AS keys`,
        [ids],
      );
      // Stays raw: the head of many ids in one statement (DISTINCT ON) with a field read inside the jsonb item.
      const rows = (await tx.query(
        `SELECT DISTINCT ON (id) id, version, content_hash, pub_status, item->>'versionCreatedAt' AS version_created_at
         FROM raw_articles WHERE id = ANY($1::text[]) ORDER BY id, version DESC`,
        [ids],
      )) as {
        id: string;
        version: number;
        content_hash: string;
        pub_status: string;
        version_created_at: string | null;
      }[];
      const current = new Map<string, CurrentVersion>(
        rows.map((r) => [
          r.id,
          {
            version: r.version,
            contentHash: r.content_hash,
            pubStatus: r.pub_status,
            versionCreatedAt: r.version_created_at,
          },
        ]),
      );
      const outcomes: AcceptOutcome[] = [];
      const rawRows: { input: RawArticleToAccept; version: number; buildOutbox: BatchEntry['buildOutbox'] }[] = [];
      for (const { input, buildOutbox } of entries) {
        const outcome = decideVersion(input, current.get(input.id) ?? null);
        outcomes.push(outcome);
        if (outcome.status !== 'accepted') continue;
        current.set(input.id, {
          version: outcome.version,
          contentHash: input.contentHash,
          pubStatus: input.pubStatus,
          versionCreatedAt: input.versionCreatedAt ?? null,
        });
        rawRows.push({ input, version: outcome.version, buildOutbox });
      }
      // In statements of bounded size: serializing one statement for 1,000 rows holds the event loop ~150 ms.
      for (const chunk of insertChunks(rawRows)) {
        await insertRawArticles(tx, chunk);
        await insertOutbox(
          tx,
          chunk.map((r) => r.buildOutbox(r.version)),
        );
      }
      return outcomes;
    });
  }

  async countVersions(id: string): Promise<number> {
    return this.dataSource.getRepository(RawArticleEntity).countBy({ id });
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
 * - The top of the range: wire versions stop at MAX_WIRE_VERSION and a version this store assigns to anything
 *   but a kill does too, so MAX_STORED_VERSION is only ever taken by a kill and a kill always finds room. A
 *   change with no room above the stored version is refused as `exhausted` (a sender re-numbering from the top).
 */
export function decideVersion(input: VersionCandidate, current: CurrentVersion | null): AcceptOutcome {
  const withdrawing = input.pubStatus === 'withdrawn' && current?.pubStatus !== 'withdrawn';
  if (input.wireVersion !== null) {
    if (!current || input.wireVersion > current.version) return { status: 'accepted', version: input.wireVersion };
    if (input.wireVersion === current.version)
      return withdrawing ? next(current, true) : { status: 'duplicate', version: current.version };
    return {
      status: 'stale',
      version: input.wireVersion,
      currentVersion: current.version,
      reason: `version ${input.wireVersion} is older than the stored version ${current.version}; a lower version never replaces a higher one`,
    };
  }
  if (!current) return { status: 'accepted', version: 1 };
  if (current.contentHash === input.contentHash && current.pubStatus === input.pubStatus)
    return { status: 'duplicate', version: current.version };
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
  return next(current, withdrawing);
}

/** The version above the stored one: up to MAX_WIRE_VERSION for anything, the one value above it only for a kill. */
function next(current: CurrentVersion, kill: boolean): AcceptOutcome {
  const version = current.version + 1;
  if (version <= (kill ? MAX_STORED_VERSION : MAX_WIRE_VERSION)) return { status: 'accepted', version };
  return {
    status: 'exhausted',
    version: null,
    currentVersion: current.version,
    reason: `the stored version ${current.version} is the highest this article can have; send a kill, or the change under a new id`,
  };
}

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Rows per insert statement, and the content characters (roughly bytes) one statement carries at most. */
const INSERT_CHUNK_ROWS = 100;
const INSERT_CHUNK_CHARS = 4 * 1024 * 1024;

/** `rows` in order, cut into runs of at most INSERT_CHUNK_ROWS rows and INSERT_CHUNK_CHARS of content (≥ 1 row). */
export function* insertChunks<T extends { input: { content: string } }>(rows: readonly T[]): Generator<T[]> {
  let chunk: T[] = [];
  let chars = 0;
  for (const row of rows) {
    if (chunk.length && (chunk.length === INSERT_CHUNK_ROWS || chars + row.input.content.length > INSERT_CHUNK_CHARS)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push(row);
    chars += row.input.content.length;
  }
  if (chunk.length) yield chunk;
}

/** One multi-row insert per chunk: rows travel as one array per column (no parameter-count limit). */
async function insertRawArticles(
  tx: EntityManager,
  rows: { input: RawArticleToAccept; version: number }[],
): Promise<void> {
  const column = <T>(pick: (input: RawArticleToAccept) => T) => rows.map((r) => pick(r.input));
  // Stays raw: unnest multi-row insert, one array per column (measured: ingest bench, README "Performance").
  await tx.query(
    `INSERT INTO raw_articles (id, version, source_id, format, content_type, pub_status, content, item, content_hash, received_at)
     SELECT id, version, source_id, format, content_type, pub_status, content, item::jsonb, content_hash, received_at
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
       AS r(id, version, source_id, format, content_type, pub_status, content, item, content_hash, received_at)`,
    [
      column((i) => i.id),
      rows.map((r) => r.version),
      column((i) => i.sourceId),
      column((i) => i.format),
      column((i) => i.contentType),
      column((i) => i.pubStatus),
      column((i) => i.content),
      column((i) => JSON.stringify(i.item)),
      column((i) => i.contentHash),
      column((i) => i.receivedAt.toISOString()),
    ],
  );
}

/** Outbox ids follow the order of `entries` (the relay publishes in id order). */
async function insertOutbox(tx: EntityManager, entries: OutboxEntry[]): Promise<void> {
  // Stays raw: unnest multi-row insert in the order given (WITH ORDINALITY), so ids follow `entries`.
  await tx.query(
    `INSERT INTO outbox (topic, message_key, envelope)
     SELECT topic, message_key, envelope::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS o(topic, message_key, envelope, n)
     ORDER BY n`,
    [entries.map((e) => e.topic), entries.map((e) => e.key), entries.map((e) => JSON.stringify(e.envelope))],
  );
}
