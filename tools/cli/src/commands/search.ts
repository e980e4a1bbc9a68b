import type { SearchResponse } from '@wirestream/contracts';
import { parseFlags, type CliCommand } from '../cli-command';
import { serviceUrls } from '../service-urls';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'search the running indexer and print the hits',
  usage:
    'Usage: wirestream search [--size N] [--sort relevance|newest|oldest] [--json] QUERY\n  Env: INDEXER_URL (default http://127.0.0.1:3003)',
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { values: ['size', 'sort'], booleans: ['json'] });
    const params = new URLSearchParams({ q: positionals.join(' ') });
    if (typeof flags['size'] === 'string') params.set('size', flags['size']);
    if (typeof flags['sort'] === 'string') params.set('sort', flags['sort']);
    const res = await fetch(`${serviceUrls(io.env).indexer}/v1/search?${params}`);
    const body = (await res.json()) as SearchResponse & { detail?: string };
    if (res.status !== 200) {
      io.stderr.write(`search refused (HTTP ${res.status}): ${body.detail ?? ''}\n`);
      return 1;
    }
    if (flags['json']) {
      io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(`${body.total} hit(s)\n`);
    for (const hit of body.items) {
      const snippet = (hit.highlights['body']?.[0] ?? hit.summary ?? '').replace(/<\/?em>/g, '*');
      io.stdout.write(
        `\n${hit.title ?? '(untitled)'}\n  ${hit.source.name ?? hit.source.id} · ${hit.publishedAt ?? 'undated'} · ${hit.id}\n  ${snippet}\n`,
      );
    }
    return 0;
  },
};
