import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The repo root (tools/bench/src → ../../..). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Shared evaluation data: ../shared/datasets beside the repo, or WIRESTREAM_DATASETS_DIR. */
export function datasetsDir(): string {
  const dir = process.env['WIRESTREAM_DATASETS_DIR'] ?? path.resolve(repoRoot, '../shared/datasets');
  if (!existsSync(dir)) throw new Error(`Datasets not found at ${dir} (set WIRESTREAM_DATASETS_DIR)`);
  return dir;
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
