import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFlags, type CliCommand, type CliIo } from '../cli-command';
import { ProgressBar } from '../progress-bar';
import { serviceUrls } from '../service-urls';

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.text': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
};

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  refused: { input: string; status: number; code: string; detail: string }[];
  ids: string[];
}

interface Input {
  name: string;
  load(): Promise<{ body: Uint8Array; contentType: string | null; url: string | null }>;
}

/** Expands files, directories (non-recursive, sorted, hidden files skipped) and http(s) URLs into inputs. */
export function resolveInputs(targets: string[]): Input[] {
  const inputs: Input[] = [];
  for (const target of targets) {
    if (/^https?:\/\//i.test(target)) {
      inputs.push({
        name: target,
        async load() {
          const res = await fetch(target, { redirect: 'follow', signal: AbortSignal.timeout(30000) });
          if (!res.ok) throw new Error(`GET ${target} answered ${res.status}`);
          return {
            body: new Uint8Array(await res.arrayBuffer()),
            contentType: res.headers.get('content-type'),
            url: target,
          };
        },
      });
      continue;
    }
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new Error(`no such file or directory: ${target}`);
    const files = stat.isDirectory()
      ? readdirSync(target)
          .filter((f) => !f.startsWith('.'))
          .sort()
          .map((f) => path.join(target, f))
          .filter((f) => statSync(f).isFile())
      : [target];
    for (const file of files) {
      inputs.push({
        name: file,
        load: async () => ({
          body: readFileSync(file),
          contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null,
          url: null,
        }),
      });
    }
  }
  return inputs;
}

/** Posts every input to the ingestor; never stops at the first refusal. */
export async function ingestInputs(
  inputs: Input[],
  io: CliIo,
  options: { source?: string } = {},
): Promise<IngestSummary> {
  const { ingestor, apiKey } = serviceUrls(io.env);
  const summary: IngestSummary = { accepted: 0, duplicates: 0, refused: [], ids: [] };
  const progress = new ProgressBar(io.stderr, inputs.length, 'ingest');
  for (const input of inputs) {
    try {
      const { body, contentType, url } = await input.load();
      const query = new URLSearchParams();
      if (options.source) query.set('source', options.source);
      if (url) query.set('url', url);
      const headers: Record<string, string> = { 'x-api-key': apiKey };
      if (contentType) headers['content-type'] = contentType;
      const res = await fetch(`${ingestor}/v1/ingest${query.size ? `?${query}` : ''}`, {
        method: 'POST',
        headers,
        body,
      });
      const answer = (await res.json().catch(() => ({}))) as {
        accepted?: { id: string; duplicate: boolean }[];
        refused?: { index: number; code: string; detail: string }[];
        code?: string;
        detail?: string;
      };
      if (res.status === 202) {
        for (const a of answer.accepted ?? []) {
          if (a.duplicate) summary.duplicates++;
          else summary.accepted++;
          summary.ids.push(a.id);
        }
        for (const r of answer.refused ?? [])
          summary.refused.push({ input: `${input.name}#${r.index}`, status: 202, code: r.code, detail: r.detail });
      } else {
        summary.refused.push({
          input: input.name,
          status: res.status,
          code: answer.code ?? 'http-error',
          detail: answer.detail ?? res.statusText,
        });
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      summary.refused.push({
        input: input.name,
        status: 0,
        code: cause ?? 'unreachable',
        detail:
          cause === 'ECONNREFUSED'
            ? `the ingestor does not answer at ${ingestor} (is it running? try make demo)`
            : (error as Error).message,
      });
    }
    progress.tick(path.basename(input.name));
  }
  progress.finish();
  return summary;
}

export function printIngestSummary(summary: IngestSummary, io: CliIo): void {
  io.stdout.write(
    `accepted: ${summary.accepted}  duplicates: ${summary.duplicates}  refused: ${summary.refused.length}\n`,
  );
  for (const r of summary.refused)
    io.stdout.write(`  refused ${r.input}: ${r.code}${r.status ? ` (HTTP ${r.status})` : ''} — ${r.detail}\n`);
}

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'post files, directories or feed URLs to the running ingestor',
  usage:
    'Usage: wirestream ingest [--source NAME] FILE|DIR|URL...\n  Env: INGESTOR_URL (default http://127.0.0.1:3001), WIRESTREAM_API_KEY',
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { values: ['source'] });
    if (!positionals.length) {
      io.stderr.write(`${this.usage}\n`);
      return 2;
    }
    const summary = await ingestInputs(
      resolveInputs(positionals),
      io,
      typeof flags['source'] === 'string' ? { source: flags['source'] } : {},
    );
    printIngestSummary(summary, io);
    return summary.refused.length ? 1 : 0;
  },
};
