import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WIRE_FORMATS, type WireFormat } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { articleIdentity, isFormatError, parseIngestBody, resolveVersion } from '@wirestream/formats';
import { CliUsageError, parseFlags, type CliCommand, type CliIo } from '../cli-command';

const FORMATS = ['auto', ...WIRE_FORMATS] as const;

/** Extensions that name a format outright, so `--format auto` on a file does not depend on sniffing alone. */
const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
};

interface Problem {
  file: string;
  type: string;
  title: string;
  detail: string;
  index?: number;
}

/**
 * `wirestream enrich [--format auto|text|html|rss|atom|newsml|nitf|ninjs|json] [--url URL] [--source NAME] FILE...`
 * Offline: parses and enriches each file and prints one enriched article per line (JSON Lines) with a `file`
 * field. A bad input prints a problem object for that file on stderr; the others still print; exit 2 at the end.
 */
export const enrichCommand: CliCommand = {
  name: 'enrich',
  summary: 'Enrich local files offline and print JSON Lines (no services needed)',
  usage:
    'Usage: npm run -s cli -- enrich [--format auto|text|html|rss|atom|newsml|nitf|ninjs|json] [--url URL] [--source NAME] FILE...',
  async run(args: string[], io: CliIo): Promise<number> {
    const { flags, positionals } = parseFlags(args, { values: ['format', 'url', 'source'] });
    const format = (flags['format'] as string | undefined) ?? 'auto';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new CliUsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`);
    if (positionals.length === 0) throw new CliUsageError('name at least one FILE');
    const url = (flags['url'] as string | undefined) ?? null;
    const sourceName = (flags['source'] as string | undefined) ?? null;
    const sourceId = sourceName ? slug(sourceName) : 'cli';

    let bad = 0;
    for (const file of positionals) {
      const problems: Problem[] = [];
      try {
        const bytes = await readFile(file);
        const now = new Date();
        const parsed = parseIngestBody({
          bytes,
          contentType: format === 'auto' ? (CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null) : null,
          url,
          sourceName,
          format: format as WireFormat | 'auto',
        });
        const { items } = parsed;
        for (const itemError of (parsed as { errors?: Array<{ index: number; code: string; detail: string }> })
          .errors ?? []) {
          problems.push({
            file,
            type: `urn:wirestream:problem:${itemError.code}`,
            title: 'Item could not be parsed',
            detail: itemError.detail,
            index: itemError.index,
          });
        }
        const iso = now.toISOString();
        for (const item of items) {
          const id = articleIdentity({ sourceId, item }).id;
          const article = enrichArticle({
            id,
            version: resolveVersion(item),
            source: { id: sourceId, name: sourceName ?? item.sourceName },
            item,
            ingestedAt: iso,
            now: iso,
          });
          io.stdout.write(`${JSON.stringify({ file, ...article })}\n`);
        }
      } catch (error) {
        problems.push(toProblem(file, error));
      }
      if (problems.length) bad += 1;
      for (const problem of problems) io.stderr.write(`${JSON.stringify(problem)}\n`);
    }
    return bad > 0 ? 2 : 0;
  },
};

function toProblem(file: string, error: unknown): Problem {
  if (isFormatError(error)) {
    return {
      file,
      type: `urn:wirestream:problem:${error.code}`,
      title: 'Input could not be parsed',
      detail: error.detail,
    };
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    return {
      file,
      type: 'urn:wirestream:problem:unreadable-file',
      title: 'File could not be read',
      detail: `${code}: ${file}`,
    };
  }
  return {
    file,
    type: 'urn:wirestream:problem:enrichment-failed',
    title: 'Enrichment failed',
    detail: (error as Error).message,
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/gu, '') || 'cli'
  );
}
