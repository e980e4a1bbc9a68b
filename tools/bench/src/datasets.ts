import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The repo root (tools/bench/src → ../../..). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** The evaluation sets the benches read, each a folder of the datasets directory (docs/datasets.md). */
export const DATASETS = {
  'trafilatura-eval': 'evaldata.json + html/<file>.gz (main text; bench:quality text, bench:enrich, quality-diff text)',
  'htmldate-eval':
    'eval_default.json + eval_mediacloud_2020.json + html/<file>.gz (dates; bench:quality dates, quality-diff dates)',
  wikigold: 'wikigold.conll.txt (entities; bench:quality entities)',
  'readability-pages': 'readability-expected.json + <name>.html.gz (loss guard; bench:quality readability-pages)',
} as const;
export type DatasetName = keyof typeof DATASETS;

export class DatasetsNotFoundError extends Error {}

/**
 * Where the evaluation sets are: WIRESTREAM_DATASETS_DIR, else ../shared/datasets beside the repo root. They stay
 * outside the repository (third-party pages, licensed for evaluation only), so a clone may not have them.
 */
export function locateDatasets(
  needed: readonly DatasetName[],
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean,
): string {
  const dir = env['WIRESTREAM_DATASETS_DIR'] ?? path.resolve(repoRoot, '../shared/datasets');
  const found = exists(dir);
  const missing = needed.filter((name) => !found || !exists(path.join(dir, name)));
  if (found && missing.length === 0) return dir;
  const what = found ? `${dir} lacks ${missing.map((name) => `${name}/`).join(', ')}` : `${dir} does not exist`;
  const source =
    env['WIRESTREAM_DATASETS_DIR'] === undefined
      ? 'the default, ../shared/datasets beside the repo'
      : 'WIRESTREAM_DATASETS_DIR';
  throw new DatasetsNotFoundError(
    [
      `Evaluation datasets not found: ${what} (${source}).`,
      'The benches read public evaluation sets kept outside the repository. Put them in ../shared/datasets beside',
      'the checkout, or point WIRESTREAM_DATASETS_DIR at the folder that holds them, laid out as:',
      ...(missing.length > 0 ? missing : (Object.keys(DATASETS) as DatasetName[])).map(
        (name) => `  ${`${name}/`.padEnd(18)}${DATASETS[name]}`,
      ),
      'Where to get each set and how it is scored: docs/datasets.md.',
    ].join('\n'),
  );
}

/** The datasets directory holding `needed`; exits with instructions (no stack trace) when they are absent. */
export function datasetsDir(...needed: DatasetName[]): string {
  try {
    return locateDatasets(needed, process.env, existsSync);
  } catch (error) {
    if (!(error instanceof DatasetsNotFoundError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/** Reads a gzipped HTML page and decodes it: UTF-8 if valid, else the declared charset, else windows-1252. */
export function readHtmlGz(file: string): string {
  const bytes = gunzipSync(readFileSync(file));
  return decodeHtmlBytes(bytes);
}

export function decodeHtmlBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1];
    for (const label of [declared, 'windows-1252']) {
      if (!label) continue;
      try {
        return new TextDecoder(label).decode(bytes);
      } catch {
        // unknown label: try the next one
      }
    }
    return Buffer.from(bytes).toString('latin1');
  }
}

/** A one-line progress indicator on stderr (carriage return on a terminal, a line every ~2 s otherwise). */
export function progress(label: string, total: number): { tick: () => void; done: () => void } {
  let count = 0;
  let last = 0;
  const started = Date.now();
  const tty = process.stderr.isTTY;
  const write = (): void => {
    const rate = count / Math.max(0.001, (Date.now() - started) / 1000);
    const line = `${label}: ${count}/${total} (${rate.toFixed(1)}/s)`;
    process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
  };
  return {
    tick: () => {
      count += 1;
      const now = Date.now();
      if (count === total || now - last > (tty ? 100 : 2000)) {
        last = now;
        write();
      }
    },
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}
