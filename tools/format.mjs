// `npm run format` rewrites every source and JSON file with Prettier; `npm run format -- --check` only reports files
// that are not formatted (exit 1), as lint does. Prettier itself writes when given both --write and --check.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
const mode = process.argv.includes('--check') ? '--check' : '--write';
const result = spawnSync(process.execPath, [prettier, mode, '--log-level', 'warn', '**/*.{ts,js,mjs,cjs,json}'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
