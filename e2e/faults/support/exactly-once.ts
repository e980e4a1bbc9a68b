/**
 * The one check every fault scenario ends with: every accepted id is in Postgres and in the index exactly once, at its
 * highest accepted version, and nothing else is. Both sides are read directly (SQL, the engine's scroll API), not
 * through the services under test.
 */
import { createDataSource } from '@wirestream/persistence';
import { articleIndexNames } from '@wirestream/search';
import { waitFor } from '@wirestream/testing';

export interface StoreCounts {
  /** Distinct ids held. */
  ids: number;
  /** Ids held more than once (Postgres rows or index documents behind the alias). */
  duplicates: number;
  /** Accepted ids not held. */
  missing: number;
  /** Accepted ids held at another version than the highest accepted. */
  wrongVersion: number;
  /** Ids held that were never accepted. */
  unexpected: number;
}

export interface ExactlyOnceReport {
  accepted: number;
  postgres: StoreCounts;
  index: StoreCounts;
  /** A few offending ids, for the failure message. */
  examples: string[];
}

export function isExactlyOnce(report: ExactlyOnceReport): boolean {
  return [report.postgres, report.index].every(
    (s) =>
      s.duplicates === 0 && s.missing === 0 && s.wrongVersion === 0 && s.unexpected === 0 && s.ids === report.accepted,
  );
}

export function summarize(report: ExactlyOnceReport): string {
  const side = (s: StoreCounts) =>
    `${s.ids} ids, ${s.duplicates} duplicated, ${s.missing} missing, ${s.wrongVersion} at a wrong version, ${s.unexpected} unexpected`;
  return `accepted ${report.accepted}; Postgres: ${side(report.postgres)}; index: ${side(report.index)}`;
}

/** Every stored (id, version) pair of the articles table (the indexer's current versions). */
export async function postgresArticles(databaseUrl: string): Promise<[string, number][]> {
  const dataSource = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'fault-check' });
  await dataSource.initialize();
  try {
    const rows = (await dataSource.query('SELECT id, version FROM articles')) as { id: string; version: number }[];
    return rows.map((r) => [r.id, Number(r.version)]);
  } finally {
    await dataSource.destroy();
  }
}

/** Every document behind the article alias as (id, version), one pair per document (so a duplicate shows twice). */
export async function indexedArticles(searchUrl: string, indexPrefix: string): Promise<[string, number][]> {
  const alias = articleIndexNames(indexPrefix).alias;
  const base = searchUrl.replace(/\/$/u, '');
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as {
      _scroll_id?: string;
      hits: { hits: { _id: string; _source?: { version?: number } }[] };
    };
  };
  const refresh = await fetch(`${base}/${alias}/_refresh`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  if (refresh.status === 404) return [];
  const pairs: [string, number][] = [];
  let page = await post(`/${alias}/_search?scroll=1m`, {
    size: 5000,
    _source: ['version'],
    sort: ['_doc'],
    query: { match_all: {} },
  });
  while (page.hits.hits.length) {
    for (const hit of page.hits.hits) pairs.push([hit._id, Number(hit._source?.version)]);
    page = await post('/_search/scroll', { scroll: '1m', scroll_id: page._scroll_id });
  }
  if (page._scroll_id)
    await fetch(`${base}/_search/scroll`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scroll_id: page._scroll_id }),
    }).catch(() => undefined);
  return pairs;
}

function compare(
  accepted: ReadonlyMap<string, number>,
  held: [string, number][],
  examples: string[],
  where: string,
): StoreCounts {
  const versions = new Map<string, number[]>();
  for (const [id, version] of held) versions.set(id, [...(versions.get(id) ?? []), version]);
  const counts: StoreCounts = { ids: versions.size, duplicates: 0, missing: 0, wrongVersion: 0, unexpected: 0 };
  const count = (kind: Exclude<keyof StoreCounts, 'ids'>, what: string) => {
    counts[kind]++;
    if (examples.length < 10) examples.push(`${where}: ${what}`);
  };
  for (const [id, list] of versions) {
    if (list.length > 1) count('duplicates', `${id} held ${list.length} times`);
    const want = accepted.get(id);
    if (want === undefined) count('unexpected', `${id} never accepted`);
    else if (list.some((v) => v !== want))
      count('wrongVersion', `${id} at version ${list.join(',')}, accepted up to ${want}`);
  }
  for (const id of accepted.keys()) if (!versions.has(id)) count('missing', `${id} missing`);
  return counts;
}

export async function checkExactlyOnce(
  accepted: ReadonlyMap<string, number>,
  where: { databaseUrl: string; searchUrl: string; indexPrefix: string },
): Promise<ExactlyOnceReport> {
  const [postgres, index] = await Promise.all([
    postgresArticles(where.databaseUrl),
    indexedArticles(where.searchUrl, where.indexPrefix),
  ]);
  const examples: string[] = [];
  return {
    accepted: accepted.size,
    postgres: compare(accepted, postgres, examples, 'postgres'),
    index: compare(accepted, index, examples, 'index'),
    examples,
  };
}

/**
 * Waits for the pipeline to drain (the check passes), then waits `settleMs` more and checks again, so a late
 * duplicate or stray redelivery still shows. Resolves with the final report either way; the caller asserts on it.
 */
export async function awaitExactlyOnce(
  accepted: ReadonlyMap<string, number>,
  where: { databaseUrl: string; searchUrl: string; indexPrefix: string },
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<{ report: ExactlyOnceReport; drainedAfterMs: number | null }> {
  const started = Date.now();
  let last: ExactlyOnceReport | null = null;
  const drained = await waitFor(
    'every accepted article in Postgres and the index exactly once',
    async () => {
      last = await checkExactlyOnce(accepted, where);
      return isExactlyOnce(last);
    },
    { timeoutMs: options.timeoutMs ?? 300_000, intervalMs: 2000 },
  ).then(
    () => Date.now() - started,
    () => null,
  );
  if (drained === null) return { report: last ?? (await checkExactlyOnce(accepted, where)), drainedAfterMs: null };
  await new Promise((r) => setTimeout(r, options.settleMs ?? 5000));
  return { report: await checkExactlyOnce(accepted, where), drainedAfterMs: drained };
}
