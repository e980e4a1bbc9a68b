import { existsSync } from 'node:fs';
import path from 'node:path';

/** Finds a shared fixture: /work/shared sits beside the repo root, so walk up from here until it appears. */
export function sharedFixturePath(name: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'fixtures', name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Shared fixture ${name} not found above ${__dirname}`);
    dir = parent;
  }
}
