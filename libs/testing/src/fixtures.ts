import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `../shared` beside the repository root: the fixtures and evaluation sets live there, never in the repo. */
export const SHARED_DIR = process.env['WIRESTREAM_SHARED_DIR'] ?? path.resolve(__dirname, '../../../../shared');

export function readSharedFixture(name: string): string {
  return readFileSync(path.join(SHARED_DIR, 'fixtures', name), 'utf8');
}

export const FIXTURE_GLOBAL_VILLAGE = 'global-village-space-trump-petro.txt';
