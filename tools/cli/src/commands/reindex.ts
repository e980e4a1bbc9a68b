import type { ReindexJob } from '@wirestream/contracts';
import { parseFlags, type CliCommand, type CliIo } from '../cli-command';
import { serviceUrls } from '../service-urls';

/**
 * Asks the running indexer to rebuild the index (`POST /v1/admin/reindex`) and follows the job until it ends.
 * The indexer runs it: it owns the index, the engine settings and the Postgres connection, and keeps serving
 * searches from the old index until the alias moves.
 */
export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary: 'rebuild the search index from Postgres and swap the alias (no gap in search)',
  usage:
    'Usage: wirestream reindex [--no-wait] [--json] [--poll-ms N]\n' +
    '  --no-wait   start the job and print its id\n' +
    '  --json      print the final job as JSON\n' +
    '  Env: INDEXER_URL (default http://127.0.0.1:3003), WIRESTREAM_API_KEY (an ADMIN_API_KEYS key of the indexer; default the dev key)',
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { values: ['poll-ms'], booleans: ['no-wait', 'json'] });
    if (positionals.length) io.stderr.write(`wirestream reindex: ignoring ${positionals.join(' ')}\n`);
    const pollMs = Number(flags['poll-ms'] ?? 500);
    const { indexer, apiKey } = serviceUrls(io.env);
    const headers = { 'x-api-key': apiKey, accept: 'application/json' };

    const started = await fetch(`${indexer}/v1/admin/reindex`, { method: 'POST', headers });
    const body = (await started.json().catch(() => ({}))) as ReindexJob & { detail?: string };
    if (started.status !== 202) {
      io.stderr.write(`reindex refused (HTTP ${started.status}): ${body.detail ?? ''}\n`);
      return 1;
    }
    io.stderr.write(`reindex job ${body.id} started\n`);
    if (flags['no-wait']) {
      io.stdout.write(`${body.id}\n`);
      return 0;
    }

    let job: ReindexJob = body;
    const progress = new JobProgress(io);
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, pollMs));
      const res = await fetch(`${indexer}/v1/admin/reindex/${job.id}`, { headers });
      if (res.status !== 200) {
        progress.end();
        io.stderr.write(`lost track of reindex job ${job.id} (HTTP ${res.status}); the indexer may have restarted\n`);
        return 1;
      }
      job = (await res.json()) as ReindexJob;
      progress.show(job);
    }
    progress.end();
    if (flags['json']) io.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
    if (job.state === 'failed') {
      io.stderr.write(`reindex failed in phase ${job.phase}: ${job.error ?? 'unknown error'}\n`);
      return 1;
    }
    io.stdout.write(
      `reindex done: ${job.copied} article(s) copied into ${job.newIndex}, ${job.caughtUp} caught up after the swap, ` +
        `${job.rejected} rejected by the engine; deleted ${job.oldIndices.join(', ') || 'nothing'}\n`,
    );
    for (const r of job.rejections) io.stdout.write(`  rejected ${r.id}: ${r.reason}\n`);
    return 0;
  },
};

/** One updating line on a terminal, a line every ~2 s otherwise. */
class JobProgress {
  private lastPlain = 0;
  private lastPhase = '';
  constructor(private readonly io: CliIo) {}

  show(job: ReindexJob): void {
    const stream = this.io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
    const width = 30;
    const ratio = job.total ? Math.min(1, job.copied / job.total) : 1;
    const bar = `[${'#'.repeat(Math.round(ratio * width))}${'-'.repeat(width - Math.round(ratio * width))}]`;
    const line = `reindex ${bar} ${job.copied}/${job.total} ${job.phase}${job.caughtUp ? ` (caught up ${job.caughtUp})` : ''}`;
    if (stream.isTTY) {
      stream.write(`\r${line.padEnd(100)}`);
    } else if (job.phase !== this.lastPhase || Date.now() - this.lastPlain > 2000) {
      this.lastPlain = Date.now();
      stream.write(`${line}\n`);
    }
    this.lastPhase = job.phase;
  }

  end(): void {
    if ((this.io.stderr as { isTTY?: boolean }).isTTY) this.io.stderr.write('\n');
  }
}
