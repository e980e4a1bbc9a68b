/**
 * A backfill of distinct articles through the ingest API, as a newsroom loading its archive: batches of native JSON,
 * some stories corrected later in the run (version 2). It keeps every id the ingestor accepted with the highest
 * version accepted — what the final check compares Postgres and the index with. A batch that gets no answer (the
 * ingestor killed, Postgres cut) is posted again until it is answered: re-posting is idempotent (duplicates are
 * reported as such), so what a sender would do is exactly what the check must survive.
 */
import { syntheticArticles } from '@wirestream/search';
import type { ServiceProcess } from '@wirestream/testing';

export interface BackfillOptions {
  /** Distinct articles (each id once at version 1). */
  count: number;
  batchSize?: number;
  /** Share of the articles posted again later as version 2 (a correction). Default 0.1. */
  correctedShare?: number;
  seed?: number;
  /** Cap on items posted per second, so the run lasts long enough to break things in its middle. Default: no cap. */
  itemsPerSecond?: number;
  /** Give up on a batch no ingestor answers for this long. Default 180 s. */
  batchTimeoutMs?: number;
}

interface NativeItem {
  id: string;
  version: number;
  title: string;
  body: string;
  publishedAt?: string;
  language: string;
  source: string;
  contentType: 'text';
}

interface IngestAnswer {
  accepted: { id: string; version: number; duplicate: boolean }[];
  refused: { index: number; code: string; detail: string }[];
}

export class Backfill {
  /** Accepted article id → the highest version accepted. */
  readonly accepted = new Map<string, number>();
  readonly batches: NativeItem[][];
  /** Batches answered so far. */
  answered = 0;
  /** Posts that got no answer or a 5xx and were sent again. */
  retries = 0;
  private started = 0;
  finishedInMs: number | null = null;

  constructor(readonly options: BackfillOptions) {
    const count = options.count;
    const corrected = Math.round(count * (options.correctedShare ?? 0.1));
    const every = corrected ? Math.max(1, Math.floor(count / corrected)) : 0;
    // Corrections follow their original by about a fifth of the run (at least two batches), so both are in flight.
    const lag = Math.max(2 * (options.batchSize ?? 100), Math.floor(count / 5));
    const items: NativeItem[] = [];
    const originals: NativeItem[] = [];
    let index = 0;
    for (const { article } of syntheticArticles(count, { seed: options.seed ?? 7, republishedShare: 0 })) {
      const item: NativeItem = {
        id: `fault-${options.seed ?? 7}-${index}`,
        version: 1,
        title: `${article.title} (${index})`,
        body: `${article.body}\n\nArchive item ${index}.`,
        ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
        language: article.language || 'en',
        source: article.source.name ?? 'Fault Wire',
        contentType: 'text',
      };
      items.push(item);
      originals.push(item);
      const target = index - lag;
      if (every && target >= 0 && target % every === 0 && target / every < corrected) {
        const original = originals[target]!;
        items.push({
          ...original,
          version: 2,
          title: `${original.title} — corrected`,
          body: `${original.body}\n\nCorrection: an earlier version misstated the date.`,
        });
      }
      index++;
    }
    // Corrections whose original came too late in the run to be followed by `lag` items go at the end.
    for (let target = Math.max(0, count - lag); target < count; target++) {
      if (every && target % every === 0 && target / every < corrected) {
        const original = originals[target]!;
        items.push({
          ...original,
          version: 2,
          title: `${original.title} — corrected`,
          body: `${original.body}\n\nCorrection: an earlier version misstated the date.`,
        });
      }
    }
    const size = options.batchSize ?? 100;
    this.batches = [];
    for (let i = 0; i < items.length; i += size) this.batches.push(items.slice(i, i + size));
  }

  get items(): number {
    return this.batches.reduce((n, b) => n + b.length, 0);
  }

  /** Share of batches answered, 0..1. */
  get progress(): number {
    return this.answered / this.batches.length;
  }

  /** Posts every batch in order to `ingestor()` (asked again for each post, so a restarted one is used). */
  async run(ingestor: () => ServiceProcess): Promise<void> {
    this.started = Date.now();
    for (const batch of this.batches) {
      const due = this.options.itemsPerSecond
        ? this.started + ((this.answered * batch.length) / this.options.itemsPerSecond) * 1000
        : 0;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      await this.post(ingestor, batch);
      this.answered++;
    }
    this.finishedInMs = Date.now() - this.started;
  }

  private async post(ingestor: () => ServiceProcess, batch: NativeItem[]): Promise<void> {
    const deadline = Date.now() + (this.options.batchTimeoutMs ?? 180_000);
    let last = '';
    while (Date.now() < deadline) {
      const res = await fetch(`${ingestor().url}/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(30_000),
      }).catch((error: Error) => error);
      if (res instanceof Response && res.status === 202) {
        const answer = (await res.json()) as IngestAnswer;
        if (answer.refused.length)
          throw new Error(
            `the ingestor refused items of a backfill batch: ${JSON.stringify(answer.refused.slice(0, 3))}`,
          );
        for (const a of answer.accepted) this.accepted.set(a.id, Math.max(a.version, this.accepted.get(a.id) ?? 0));
        return;
      }
      if (res instanceof Response && res.status < 500)
        throw new Error(`the ingestor answered ${res.status}: ${await res.text()}`);
      last = res instanceof Response ? `HTTP ${res.status}` : res.message;
      this.retries++;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(
      `no ingestor took a backfill batch for ${this.options.batchTimeoutMs ?? 180_000} ms (last: ${last})`,
    );
  }
}
