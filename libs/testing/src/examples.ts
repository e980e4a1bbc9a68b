import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The sample articles `make demo` ingests double as test fixtures, so every test reads them from the repository
 * itself (libs/testing/src → the repo root's examples/), never from outside the checkout.
 */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples');

export const EXAMPLE_GLOBAL_VILLAGE = 'global-village-space-trump-petro.txt';

export function readExample(name: string): string {
  return readFileSync(path.join(EXAMPLES_DIR, name), 'utf8');
}
