/**
 * Runs one hostile request against the three running services and collects, in one list, everything it got wrong:
 * the status and problem+json code, the request's time, how long `/health/live` of each service took while the
 * request (and, for accepted items, their enrichment) was in flight, and the case's own follow-up checks.
 */
import { metricSamples, waitFor, type ReferenceHttpServer, type ServiceProcess } from '@wirestream/testing';

/** Bound on every hostile request. The acceptance asks < 1 s on an idle machine; these run on 2 shared cores. */
export const REQUEST_TIME_BOUND_MS = 2000;
/** A body without a valid key must be refused before it is read: a 10.5 MB upload answered within this. */
export const KEY_CHECK_TIME_BOUND_MS = 1000;
/**
 * `/health/live` of a service must answer within this whenever it is polled during a case — beyond the slowest
 * answer of a reference process polled the same way at the same time (the machine's share; see ReferenceHttpServer).
 */
export const LIVENESS_BOUND_MS = 200;
const LIVENESS_POLL_INTERVAL_MS = 50;
/** A blocked service's poll is given up after this (and counted with this latency). */
const LIVENESS_GIVE_UP_MS = 10000;
/** Liveness is still watched this long after a request whose items never reach the enricher. */
const LIVENESS_TAIL_MS = 300;
/** How long the enricher may take to finish the items of one accepted request, plus per item. */
const ENRICHER_SETTLE_BASE_MS = 10000;
const ENRICHER_SETTLE_PER_ITEM_MS = 30;
export const SEARCHABLE_TIMEOUT_MS = 45000;
/** A request still unanswered after this is given up (so one blocked service cannot hold the whole run). */
const REQUEST_GIVE_UP_MS = 30000;

export const API_KEY = 'test-key';

export interface Services {
  ingestor: ServiceProcess;
  enricher: ServiceProcess;
  indexer: ServiceProcess;
  /** Polled beside them: its slowest answer is what the machine, not a service, added to a poll. */
  reference: ReferenceHttpServer;
}

export interface HostileRequest {
  target: 'ingestor' | 'indexer';
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/v1/ingest?source=x`. */
  path: string;
  body?: string | Buffer;
  contentType?: string;
  /** `null` sends no key; default is the valid test key (ingestor only). */
  apiKey?: string | null;
}

export interface AcceptedItem {
  id: string;
  version: number;
  pubStatus: string;
  duplicate: boolean;
  title: string | null;
}

export interface RefusedItem {
  index: number;
  id: string | null;
  code: string;
  detail: string;
}

export interface Answer {
  status: number;
  contentType: string;
  /** The parsed JSON body (problem+json for 4xx), or null when the body is not JSON. */
  json: Record<string, unknown> | null;
  elapsedMs: number;
  accepted: AcceptedItem[];
  refused: RefusedItem[];
}

/** Any specific problem code (a FormatError or other typed refusal), as long as there is one and it is not `internal`. */
export const ANY_CODE = Symbol('any problem code');

export interface Outcome {
  status: number;
  /** Required for 4xx: the problem+json `code`. */
  code?: string | typeof ANY_CODE;
}

export interface HostileCase<State = unknown> {
  name: string;
  /** Runs before the liveness watch starts (e.g. stores the article a kill then withdraws). */
  prepare?: (tools: CaseTools) => Promise<State>;
  /** Builds the request; called before the watch starts, so building a large body is not timed. */
  request: (state: State) => HostileRequest;
  /** Every acceptable outcome. */
  expect: Outcome[];
  timeBoundMs?: number;
  /** Checks after the request (while liveness is still watched); runs only when the outcome was acceptable. Throws to fail. */
  then?: (answer: Answer, tools: CaseTools, state: State) => Promise<void>;
}

export interface HostileGroup {
  name: string;
  cases: HostileCase<never>[];
}

/** Keeps the state type of a case checked against its own `prepare` while groups hold cases of any state. */
export function hostileCase<State = undefined>(c: HostileCase<State>): HostileCase<never> {
  return c as unknown as HostileCase<never>;
}

/** A failed follow-up check, with a message meant to be read in the list of violations. */
export function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The worst `/health/live` answer of one service while watched. */
export interface LivenessRecord {
  worstMs: number;
  /** Polls that failed (not 200, refused, or given up after LIVENESS_GIVE_UP_MS). */
  failures: number;
}

/** Polls `/health/live` of each service every 50 ms, one poll at a time per service, so a blocked event loop shows as one long poll. */
class LivenessWatch {
  private running = true;
  private readonly loops: Promise<void>[];
  readonly records = new Map<string, LivenessRecord>();

  constructor(targets: { name: string; liveUrl: string }[]) {
    this.loops = targets.map((t) => this.poll(t.name, t.liveUrl));
  }

  private async poll(name: string, liveUrl: string): Promise<void> {
    const record: LivenessRecord = { worstMs: 0, failures: 0 };
    this.records.set(name, record);
    while (this.running) {
      const started = performance.now();
      try {
        const res = await fetch(liveUrl, { signal: AbortSignal.timeout(LIVENESS_GIVE_UP_MS) });
        await res.arrayBuffer();
        if (res.status !== 200) record.failures += 1;
      } catch {
        record.failures += 1;
      }
      const latency = performance.now() - started;
      record.worstMs = Math.max(record.worstMs, latency);
      const wait = LIVENESS_POLL_INTERVAL_MS - latency;
      if (wait > 0) await sleep(wait);
    }
  }

  async stop(): Promise<Map<string, LivenessRecord>> {
    this.running = false;
    await Promise.all(this.loops);
    return this.records;
  }
}

/** Articles the enricher has finished with (enriched or dead-lettered), from its /metrics; null when unreadable. */
async function enricherFinishedCount(enricher: ServiceProcess): Promise<number | null> {
  try {
    const res = await fetch(`${enricher.url}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const samples = [
      ...metricSamples(text, 'wirestream_enriched_total'),
      ...metricSamples(text, 'wirestream_enricher_dead_lettered_total'),
    ];
    return samples.length ? samples.reduce((a, b) => a + b, 0) : null;
  } catch {
    return null;
  }
}

export async function send(services: Services, request: HostileRequest): Promise<Answer> {
  const base = request.target === 'ingestor' ? services.ingestor.url : services.indexer.url;
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  const key = request.apiKey === undefined ? API_KEY : request.apiKey;
  if (request.target === 'ingestor' && key !== null) headers['x-api-key'] = key;
  const started = performance.now();
  const res = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers,
    signal: AbortSignal.timeout(REQUEST_GIVE_UP_MS),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    json = null;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    json,
    elapsedMs,
    accepted: Array.isArray(json?.['accepted']) ? (json['accepted'] as AcceptedItem[]) : [],
    refused: Array.isArray(json?.['refused']) ? (json['refused'] as RefusedItem[]) : [],
  };
}

/** What follow-up checks and preparations use: ingest, search, wait for an article to appear or disappear. */
export class CaseTools {
  constructor(readonly services: Services) {}

  async ingest(body: string | Buffer, contentType: string, query = ''): Promise<Answer> {
    return send(this.services, { target: 'ingestor', method: 'POST', path: `/v1/ingest${query}`, body, contentType });
  }

  async search(
    query: string,
  ): Promise<{ total: number; items: { id: string; title: string | null; summary: string }[] }> {
    const res = await fetch(`${this.services.indexer.url}/v1/search?${query}`);
    must(res.status === 200, `GET /v1/search?${query.slice(0, 80)} answered ${res.status}`);
    return (await res.json()) as { total: number; items: { id: string; title: string | null; summary: string }[] };
  }

  /** Waits until searching for `token` finds the article `id`; returns its hit. */
  async waitSearchable(
    token: string,
    id: string,
    what = `article ${id}`,
  ): Promise<{ id: string; title: string | null; summary: string }> {
    return waitFor(
      `${what} to be searchable by "${token}"`,
      async () => {
        const r = await this.search(`q=${encodeURIComponent(token)}&size=10`);
        return r.items.find((i) => i.id === id);
      },
      { timeoutMs: SEARCHABLE_TIMEOUT_MS, intervalMs: 500 },
    );
  }

  async articleStatus(id: string): Promise<number> {
    const res = await fetch(`${this.services.indexer.url}/v1/articles/${id}`);
    await res.arrayBuffer();
    return res.status;
  }

  /** Waits until the article is gone from GET /v1/articles/:id (404) and from search. */
  async waitGone(token: string, id: string): Promise<void> {
    await waitFor(
      `article ${id} to disappear from GET and search`,
      async () => {
        if ((await this.articleStatus(id)) !== 404) return false;
        const r = await this.search(`q=${encodeURIComponent(token)}&size=10`);
        return !r.items.some((i) => i.id === id);
      },
      { timeoutMs: SEARCHABLE_TIMEOUT_MS, intervalMs: 500 },
    );
  }
}

function matches(outcome: Outcome, answer: Answer): boolean {
  if (outcome.status !== answer.status) return false;
  if (outcome.code === undefined) return true;
  const code = answer.json?.['code'];
  if (outcome.code === ANY_CODE) return typeof code === 'string' && code.length > 0 && code !== 'internal';
  return code === outcome.code;
}

function describeOutcome(o: Outcome): string {
  return o.code === undefined ? String(o.status) : `${o.status} ${o.code === ANY_CODE ? '<a problem code>' : o.code}`;
}

const round = (ms: number) => Math.round(ms);

/**
 * Runs a case and returns everything that was wrong with it (empty = the case passed). The enricher's liveness is
 * asserted when the request accepted items (they reach it), the indexer's when the request went to the indexer.
 */
export async function runHostileCase(services: Services, tools: CaseTools, c: HostileCase<never>): Promise<string[]> {
  const state = c.prepare ? await c.prepare(tools) : (undefined as never);
  const request = c.request(state);
  const baseline = await enricherFinishedCount(services.enricher);
  const watch = new LivenessWatch([
    ...[services.ingestor, services.enricher, services.indexer].map((s) => ({
      name: s.name,
      liveUrl: `${s.url}/health/live`,
    })),
    { name: 'reference', liveUrl: services.reference.url },
  ]);
  const violations: string[] = [];
  let answer: Answer | null = null;
  let fresh = 0;
  try {
    try {
      answer = await send(services, request);
    } catch (error) {
      violations.push(
        `the request failed: ${(error as Error).message}${(error as Error).cause ? ` (${String((error as Error).cause)})` : ''}`,
      );
      await sleep(LIVENESS_TAIL_MS);
      return violations;
    }
    const acceptable = c.expect.some((o) => matches(o, answer!));
    if (!acceptable) {
      const detail =
        typeof answer.json?.['detail'] === 'string' ? `: ${(answer.json['detail'] as string).slice(0, 160)}` : '';
      const code = typeof answer.json?.['code'] === 'string' ? ` ${answer.json['code'] as string}` : '';
      violations.push(
        `answered ${answer.status}${code}${detail} — expected ${c.expect.map(describeOutcome).join(' or ')}`,
      );
    }
    if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) {
      violations.push(
        `a ${answer.status} with content-type "${answer.contentType}", expected application/problem+json`,
      );
    }
    const bound = c.timeBoundMs ?? REQUEST_TIME_BOUND_MS;
    if (answer.elapsedMs > bound) violations.push(`the request took ${round(answer.elapsedMs)} ms (bound ${bound} ms)`);

    // Accepted items go on to the enricher: watch it until it has finished with them (enriched or dead-lettered).
    fresh = answer.status === 202 ? answer.accepted.filter((a) => !a.duplicate).length : 0;
    if (fresh > 0 && baseline !== null) {
      const settleMs = ENRICHER_SETTLE_BASE_MS + ENRICHER_SETTLE_PER_ITEM_MS * fresh;
      await waitFor(
        'the enricher to finish the accepted items',
        async () => ((await enricherFinishedCount(services.enricher)) ?? 0) >= baseline + fresh,
        { timeoutMs: settleMs, intervalMs: 200 },
      ).catch(() => {
        violations.push(`the enricher did not finish the ${fresh} accepted item(s) within ${settleMs / 1000} s`);
      });
    } else {
      await sleep(fresh > 0 ? 3000 : LIVENESS_TAIL_MS);
    }
    if (acceptable && c.then) {
      try {
        await c.then(answer, tools, state);
      } catch (error) {
        violations.push(`follow-up: ${(error as Error).message}`);
      }
    }
  } finally {
    const records = await watch.stop();
    const watched = [
      'ingestor',
      ...(fresh > 0 ? ['enricher'] : []),
      ...(request.target === 'indexer' ? ['indexer'] : []),
    ];
    const machineMs = records.get('reference')!.worstMs;
    for (const name of watched) {
      const r = records.get(name)!;
      if (r.worstMs > LIVENESS_BOUND_MS + machineMs || r.failures) {
        violations.push(
          `${name} /health/live: slowest answer ${round(r.worstMs)} ms (bound ${LIVENESS_BOUND_MS} ms beyond the reference process's slowest, ${round(machineMs)} ms)${r.failures ? `, ${r.failures} poll(s) failed` : ''}`,
        );
      }
    }
  }
  return violations;
}

/** An ordinary article ingested after a group must become searchable, and every service must be ready. */
export async function pipelineStillFlows(services: Services, tools: CaseTools, token: string): Promise<string[]> {
  const violations: string[] = [];
  const body = [
    `Harbour council approves ${token} ferry timetable`,
    '',
    `The harbour council on Tuesday approved a new ferry timetable, code-named ${token}, that adds two evening crossings between the old quay and Skerry Point from March.`,
    '',
    'Councillors said the change followed a survey in which most commuters asked for a later last boat. The operator will hire four more crew members for the extra sailings.',
    '',
    'The timetable will be reviewed after six months, the council said in a statement.',
  ].join('\n');
  const answer = await tools.ingest(body, 'text/plain; charset=utf-8');
  if (answer.status !== 202 || answer.accepted.length !== 1) {
    violations.push(`the ordinary article was answered ${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
  } else {
    await tools
      .waitSearchable(token, answer.accepted[0]!.id, 'the ordinary article')
      .catch((error: Error) => violations.push(error.message));
  }
  for (const service of [services.ingestor, services.enricher, services.indexer]) {
    const res = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(10000) }).catch(() => null);
    const text = res ? await res.text() : '';
    if (res?.status !== 200)
      violations.push(`${service.name} /health/ready answered ${res?.status ?? 'nothing'} ${text.slice(0, 200)}`);
  }
  return violations;
}
