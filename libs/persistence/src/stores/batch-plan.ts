/**
 * Pure planning for the set-based batch write (`ArticleStore.applyBatch`): given the batch in message order, what
 * the articles table held before it, and the stored near-duplicates of the batch's fingerprints, decide — exactly as
 * applying the events one after another would — which events become the current version, which story cluster each
 * article gets (near-duplicates inside the same batch included, in message order), which sources are seen, and which
 * version diffs to (re)compute. No I/O here; `story-model.writer.ts` runs the statements.
 */
import {
  FIELD_LIMITS,
  type EnrichedArticle,
  type EntityCount,
  type EntityType,
  type Quote,
} from '@wirestream/contracts';
import { isFingerprint, MIN_WORDS_FOR_CLUSTERING } from '../clustering/simhash-bands';
import { lshBandKeys } from '../clustering/minhash';
import {
  CANDIDATE_POSTINGS_PER_KEY,
  CANDIDATES_PER_PROBE,
  isStorySignature,
  signatureDistance,
  storySignature,
  STORY_MAX_SIGNATURE_DISTANCE,
} from '../clustering/story-signature';

/** One not-yet-processed event of the batch; `ord` is its position in the batch (message order). */
export interface BatchEvent {
  ord: number;
  eventId: string;
  article: EnrichedArticle;
  /** A cluster to use when the article has none yet (the indexer passes null). */
  clusterId: string | null;
  /**
   * A re-enrichment (`wirestream reenrich`): the current enricher's output for a version already stored. It replaces
   * the stored document of that same version; like any event, it never replaces a newer version.
   */
  reenrichment?: boolean;
}

/** What the articles table held for an id before the batch. */
export interface StoredHead {
  version: number;
  pubStatus: string;
  clusterId: string | null;
  /** `first_seen_at` in microseconds since the epoch. */
  firstSeenUs: number;
  /**
   * Set when the stored row is a cluster candidate (usable, with band keys and a cluster): how it looked before the
   * batch. The candidate query leaves the batch's own ids out (their rows may already be rewritten in the transaction).
   */
  candidate?: { signature: number[]; publishedUs: number | null } | null;
}

/** A stored (pre-batch) usable, clustered article within the threshold of the event at `ord`, sharing a band key with it. */
export interface StoredCandidate {
  ord: number;
  id: string;
  clusterId: string;
  distance: number;
  /** Microseconds since the epoch; null when undated. */
  publishedUs: number | null;
  firstSeenUs: number;
}

/** The row the batch leaves in `articles` for an id whose current version it changed. */
export interface CurrentWrite {
  /** The last event that became current (the stored row's content). */
  event: BatchEvent;
  clusterId: string;
  /** Position of the first event that stored the id (for a new article's `first_seen_at`); null if it existed before. */
  firstOrd: number | null;
  /** A re-enrichment of the stored version: the row is rewritten in place at the same version (no new version row). */
  replaces: boolean;
}

export interface BatchPlan {
  /** Events that became the current version, in message order (a later one for the same id supersedes an earlier one). */
  applied: BatchEvent[];
  /** One per id, in order of first application. */
  current: CurrentWrite[];
  /** Sources as the applied events name them, sorted by id; name = the last non-null name in message order. */
  sources: { id: string; name: string | null }[];
}

/**
 * Largest key (UTF-8 bytes) written into a b-tree of ours. Postgres refuses an index row over ~2,700 bytes (a third
 * of a page), and with it the whole transaction: a derived value must never cost an article its write.
 */
export const MAX_INDEXED_KEY_BYTES = 2000;
const INT4_MAX = 2 ** 31 - 1;

/** Whether a value fits a b-tree key of ours (characters first: no byte count for the common case). */
export function fitsIndexKey(value: string, maxChars: number): boolean {
  return (
    value.length <= maxChars &&
    (value.length * 3 <= MAX_INDEXED_KEY_BYTES || Buffer.byteLength(value, 'utf8') <= MAX_INDEXED_KEY_BYTES)
  );
}

/** At most `max` characters, not ending in half a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Whether the article takes part in clustering (usable, a real fingerprint, enough words for SimHash to mean something). */
export function isClusterable(article: EnrichedArticle): boolean {
  return (
    article.pubStatus === 'usable' &&
    isFingerprint(article.fingerprint) &&
    (article.wordCount ?? 0) >= MIN_WORDS_FOR_CLUSTERING
  );
}

/** Story-signature band keys of a clusterable article (empty otherwise). */
export function articleBandKeys(article: EnrichedArticle): number[] {
  return isClusterable(article) ? storySignature(article).keys : [];
}

/** First occurrence of each event id, in message order (a redelivered duplicate inside one batch is a no-op). */
export function uniqueEvents<T extends { eventId: string }>(writes: T[]): T[] {
  const seen = new Set<string>();
  return writes.filter((w) => {
    const key = w.eventId.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether an event becomes the current version over `current` (what is stored, or what the batch made current so
 * far; undefined when nothing is): a higher version always does; a re-enrichment also does at the same version, so
 * a better enricher reaches stored articles — but never over a kill (a withdrawn article stays withdrawn, and a
 * re-enrichment never withdraws one: a kill is always a version of its own). Anything older is a no-op.
 */
export function supersedes(
  event: Pick<BatchEvent, 'article' | 'reenrichment'>,
  current: { version: number; pubStatus: string } | undefined,
): boolean {
  if (!current || event.article.version > current.version) return true;
  return (
    event.reenrichment === true &&
    event.article.version === current.version &&
    current.pubStatus === 'usable' &&
    event.article.pubStatus === 'usable'
  );
}

/**
 * Events that need a cluster lookup against stored articles: the first event of an id that has no cluster yet
 * (nor a preset one) and takes part in clustering. Superset-safe: the plan only reads candidates of these ords.
 */
export function clusterLookups(events: BatchEvent[], stored: ReadonlyMap<string, StoredHead>): BatchEvent[] {
  const seen = new Set<string>();
  const out: BatchEvent[] = [];
  for (const event of events) {
    const id = event.article.id;
    if (seen.has(id)) continue;
    const head = stored.get(id);
    if (head && !supersedes(event, head)) continue; // not applied; a later event of the id may be
    seen.add(id);
    if (!head?.clusterId && !event.clusterId && isClusterable(event.article)) out.push(event);
  }
  return out;
}

interface LiveState {
  version: number;
  pubStatus: string;
  clusterId: string;
  clusterable: boolean;
  signature: number[];
  keys: Set<number>;
  publishedUs: number | null;
  /** Stored articles come before the batch's new ones; those in message order. */
  firstSeen: { stored: true; us: number } | { stored: false; ord: number };
}

interface Ranked {
  id: string;
  clusterId: string;
  distance: number;
  publishedUs: number | null;
  firstSeen: LiveState['firstSeen'];
}

/** `ORDER BY distance, published_at ASC NULLS LAST, first_seen_at, id` — the nearest earlier article first. */
function better(a: Ranked, b: Ranked): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.publishedUs !== b.publishedUs) {
    if (a.publishedUs === null) return false;
    if (b.publishedUs === null) return true;
    return a.publishedUs < b.publishedUs;
  }
  const fa = a.firstSeen;
  const fb = b.firstSeen;
  if (fa.stored !== fb.stored) return fa.stored;
  const sa = fa.stored ? fa.us : fa.ord;
  const sb = fb.stored ? fb.us : fb.ord;
  if (sa !== sb) return sa < sb;
  return a.id < b.id;
}

const toUs = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms * 1000;
};

/**
 * Replays the batch in message order over what was stored before it, as the one-event-at-a-time writer did:
 * an event becomes current when its version is above the id's current one; an article keeps its cluster across
 * versions; a new one joins the cluster of the nearest usable article (stored, or earlier in this batch) that shares
 * a band key and lies within the threshold, else starts its own. `candidates` are stored articles outside the batch;
 * an id of the batch counts as it was stored (`StoredHead.candidate`) until an event of the batch changes it, then
 * with its new state.
 */
export function planBatch(
  events: BatchEvent[],
  stored: ReadonlyMap<string, StoredHead>,
  candidates: StoredCandidate[],
): BatchPlan {
  const candidatesByOrd = new Map<number, StoredCandidate[]>();
  for (const c of candidates) {
    const list = candidatesByOrd.get(c.ord);
    if (list) list.push(c);
    else candidatesByOrd.set(c.ord, [c]);
  }
  const live = new Map<string, LiveState>();
  /**
   * Band key → this batch's clusterable versions holding it, oldest first, each with the stamp of its banding; an
   * entry whose id was banded again since (`stamp` moved on) or is no longer clusterable is stale and skipped.
   */
  const keyIndex = new Map<number, { id: string; stamp: number }[]>();
  /** Id → stamp of its current banding (clusterable live versions only). */
  const bandedAt = new Map<string, number>();
  let stamps = 0;
  /** Band key → ids of the batch whose stored (pre-batch) row is a candidate. */
  const storedKeyIndex = new Map<number, Set<string>>();
  for (const [id, head] of stored) {
    if (!head.candidate || !head.clusterId || !isStorySignature(head.candidate.signature)) continue;
    for (const k of lshBandKeys(head.candidate.signature)) {
      const ids = storedKeyIndex.get(k);
      if (ids) ids.add(id);
      else storedKeyIndex.set(k, new Set([id]));
    }
  }
  const current = new Map<string, CurrentWrite>();
  const applied: BatchEvent[] = [];
  const sources = new Map<string, string | null>();

  for (const event of events) {
    const { article } = event;
    const head = stored.get(article.id);
    const state = live.get(article.id);
    if (!supersedes(event, state ?? head)) continue;
    applied.push(event);

    const keys = new Set(articleBandKeys(article));
    const clusterId =
      state?.clusterId ??
      head?.clusterId ??
      event.clusterId ??
      nearestCluster(event, keys, candidatesByOrd.get(event.ord) ?? [], live) ??
      article.id;
    const firstSeen: LiveState['firstSeen'] =
      state?.firstSeen ?? (head ? { stored: true, us: head.firstSeenUs } : { stored: false, ord: event.ord });
    bandedAt.delete(article.id);
    if (isClusterable(article)) {
      const stamp = ++stamps;
      bandedAt.set(article.id, stamp);
      for (const k of keys) {
        const holders = keyIndex.get(k);
        if (holders) holders.push({ id: article.id, stamp });
        else keyIndex.set(k, [{ id: article.id, stamp }]);
      }
    }
    live.set(article.id, {
      version: article.version,
      pubStatus: article.pubStatus,
      clusterId,
      clusterable: keys.size > 0,
      signature: keys.size ? storySignature(article).signature : [],
      keys,
      publishedUs: toUs(article.publishedAt),
      firstSeen,
    });
    const previous = current.get(article.id);
    current.set(article.id, {
      event,
      clusterId,
      firstOrd: previous ? previous.firstOrd : head ? null : event.ord,
      replaces: head?.version === article.version,
    });

    // `sources.id` is a b-tree key: a source id too long for it (a slug of a 4 KB name) keeps its articles, not a row.
    const sourceId = article.source.id;
    const name = typeof article.source.name === 'string' ? cut(article.source.name, FIELD_LIMITS.sourceName) : null;
    if (fitsIndexKey(sourceId, FIELD_LIMITS.keywordField) && (!sources.has(sourceId) || name !== null))
      sources.set(sourceId, name ?? sources.get(sourceId) ?? null);
  }

  return {
    applied,
    current: [...current.values()],
    sources: [...sources].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };

  /**
   * Batch-mates as the stored lookup reads stored articles (`findStoredCandidates`): per key the newest
   * CANDIDATE_POSTINGS_PER_KEY holders, then the CANDIDATES_PER_PROBE found through the most keys (then the most
   * recently banded, then id). Bounded whatever the batch size: on templated text every batch-mate shares keys.
   */
  function batchMateCandidates(self: string, keys: Set<number>): string[] {
    const found = new Map<string, { shared: number; stamp: number }>();
    for (const k of keys) {
      const holders = keyIndex.get(k);
      if (!holders) continue;
      let taken = 0;
      for (let i = holders.length - 1; i >= 0 && taken < CANDIDATE_POSTINGS_PER_KEY; i--) {
        const { id, stamp } = holders[i]!;
        if (id === self || bandedAt.get(id) !== stamp) continue;
        taken++;
        const hit = found.get(id);
        if (hit) hit.shared++;
        else found.set(id, { shared: 1, stamp });
      }
    }
    return [...found]
      .sort(([ia, a], [ib, b]) => b.shared - a.shared || b.stamp - a.stamp || (ia < ib ? -1 : ia > ib ? 1 : 0))
      .slice(0, CANDIDATES_PER_PROBE)
      .map(([id]) => id);
  }

  function nearestCluster(
    event: BatchEvent,
    keys: Set<number>,
    storedMatches: StoredCandidate[],
    states: Map<string, LiveState>,
  ): string | null {
    if (!keys.size) return null;
    let best: Ranked | null = null;
    for (const c of storedMatches) {
      // An id this batch already changed is judged by its state now, not by what was stored before the batch.
      if (c.id === event.article.id || states.has(c.id)) continue;
      const r: Ranked = {
        id: c.id,
        clusterId: c.clusterId,
        distance: c.distance,
        publishedUs: c.publishedUs,
        firstSeen: { stored: true, us: c.firstSeenUs },
      };
      if (!best || better(r, best)) best = r;
    }
    // The batch's own stored rows, as they were before it, until the batch changes them.
    const storedSharing = new Set<string>();
    for (const k of keys) for (const id of storedKeyIndex.get(k) ?? []) storedSharing.add(id);
    for (const id of storedSharing) {
      if (id === event.article.id || states.has(id)) continue;
      const head = stored.get(id)!;
      const distance = signatureDistance(head.candidate!.signature, storySignature(event.article).signature);
      if (distance > STORY_MAX_SIGNATURE_DISTANCE) continue;
      const r: Ranked = {
        id,
        clusterId: head.clusterId!,
        distance,
        publishedUs: head.candidate!.publishedUs,
        firstSeen: { stored: true, us: head.firstSeenUs },
      };
      if (!best || better(r, best)) best = r;
    }
    for (const id of batchMateCandidates(event.article.id, keys)) {
      const s = states.get(id)!;
      if (!s.clusterable) continue;
      const distance = signatureDistance(s.signature, storySignature(event.article).signature);
      if (distance > STORY_MAX_SIGNATURE_DISTANCE) continue;
      const r: Ranked = { id, clusterId: s.clusterId, distance, publishedUs: s.publishedUs, firstSeen: s.firstSeen };
      if (!best || better(r, best)) best = r;
    }
    return best?.clusterId ?? null;
  }
}

export interface VersionRow {
  id: string;
  version: number;
}

export interface DiffTask {
  id: string;
  version: number;
  /** The version it is diffed against (null: the first version, no changes). */
  previous: number | null;
}

/**
 * After inserting new version rows: which rows' diffs change (each new version against its predecessor, and the
 * stored version right after a new one against it) — the same end state as re-diffing one insert at a time.
 * `existing` are the versions stored before the insert. A first version without a successor needs no task (its
 * default `[]` is right).
 */
export function planVersionDiffs(inserted: VersionRow[], existing: VersionRow[]): DiffTask[] {
  const byId = new Map<string, { versions: Set<number>; fresh: Set<number> }>();
  const entry = (id: string) => {
    let e = byId.get(id);
    if (!e) byId.set(id, (e = { versions: new Set(), fresh: new Set() }));
    return e;
  };
  for (const r of inserted) {
    const e = entry(r.id);
    e.versions.add(r.version);
    e.fresh.add(r.version);
  }
  for (const r of existing) if (byId.has(r.id)) entry(r.id).versions.add(r.version);
  const tasks: DiffTask[] = [];
  for (const [id, { versions, fresh }] of byId) {
    const sorted = [...versions].sort((a, b) => a - b);
    sorted.forEach((version, i) => {
      const previous = i > 0 ? sorted[i - 1]! : null;
      const isFresh = fresh.has(version);
      if (isFresh ? previous !== null : previous !== null && fresh.has(previous)) tasks.push({ id, version, previous });
    });
  }
  return tasks;
}

/**
 * After re-enrichments rewrote current versions in place: each one's diff against the stored version before it
 * (a first version has none). `existing` are the versions stored before the statement.
 */
export function planReplacementDiffs(replaced: VersionRow[], existing: VersionRow[]): DiffTask[] {
  // One replaced version per id: the batch's current one.
  const tasks = new Map<string, DiffTask>(
    replaced.map((r) => [r.id, { id: r.id, version: r.version, previous: null }]),
  );
  for (const r of existing) {
    const task = tasks.get(r.id);
    if (task && r.version < task.version && (task.previous === null || r.version > task.previous))
      task.previous = r.version;
  }
  return [...tasks.values()].filter((t) => t.previous !== null);
}

export interface EntityRow {
  articleId: string;
  type: EntityType;
  name: string;
  count: number;
}

/**
 * An article's entity counts by (type, trimmed name), the same name counted once per type with the counts summed.
 * Names over FIELD_LIMITS.entityName are dropped (they key `entities_type_name_key`, and a cut name is a wrong name);
 * counts are clamped to the integer column.
 */
export function entityRows(article: EnrichedArticle): EntityRow[] {
  const counts = new Map<string, EntityRow>();
  const kinds: [EntityType, unknown][] = [
    ['person', article.entities?.people],
    ['place', article.entities?.places],
    ['organization', article.entities?.organizations],
  ];
  for (const [type, list] of kinds) {
    for (const entity of Array.isArray(list) ? (list as EntityCount[]) : []) {
      const name = typeof entity?.name === 'string' ? entity.name.trim() : '';
      if (!name || !fitsIndexKey(name, FIELD_LIMITS.entityName)) continue;
      const key = `${type}\u0000${name}`;
      const count = Math.min(INT4_MAX, Math.max(1, Math.round(Number(entity.count) || 1)));
      const seen = counts.get(key);
      if (seen) seen.count = Math.min(INT4_MAX, seen.count + count);
      else counts.set(key, { articleId: article.id, type, name, count });
    }
  }
  return [...counts.values()];
}

/** Distinct (type, name) pairs in one global order, so concurrent transactions take the unique-index locks of shared names in the same order. */
export function sortedEntityKeys(rows: EntityRow[]): { type: EntityType; name: string }[] {
  const keys = new Map<string, { type: EntityType; name: string }>();
  for (const r of rows) keys.set(`${r.type}\u0000${r.name}`, { type: r.type, name: r.name });
  return [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** An article's quotes with text, in order. */
export function quoteRows(
  article: EnrichedArticle,
): { articleId: string; ordinal: number; text: string; speaker: string | null }[] {
  const quotes = (Array.isArray(article.quotes) ? (article.quotes as Quote[]) : []).filter(
    (q) => typeof q?.text === 'string' && q.text.trim(),
  );
  // The speaker is a name like an entity's: cut to the same length (the column is not indexed, the row still bounded).
  return quotes.map((q, ordinal) => ({
    articleId: article.id,
    ordinal,
    text: q.text,
    speaker: typeof q.speaker === 'string' ? cut(q.speaker, FIELD_LIMITS.entityName) : null,
  }));
}
