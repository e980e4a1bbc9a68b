import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './datasets';

/**
 * A checkout of `ref` (a commit, tag or branch, or the path of a checkout) to measure beside the working tree in the
 * same run: a detached git worktree in the temp directory (wirestream-bench-baseline/<commit>: outside the checkout, so
 * lint, typecheck and tests never see it), kept for the next run, whose node_modules links to this checkout's
 * packages and to its own libs. Remove with `git worktree remove <dir>`.
 */
export function baselineTree(ref: string): { dir: string; label: string } {
  if (existsSync(path.join(ref, 'libs'))) return { dir: path.resolve(ref), label: path.basename(path.resolve(ref)) };
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]).trim();
  const dir = path.join(tmpdir(), 'wirestream-bench-baseline', commit.slice(0, 12));
  if (!existsSync(path.join(dir, 'libs'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    git(['worktree', 'prune']); // a tree the temp directory lost is still registered until pruned
    git(['worktree', 'add', '--detach', dir, commit]);
    linkPackages(dir);
  }
  return { dir, label: commit.startsWith(ref) ? commit.slice(0, 7) : `${ref} (${commit.slice(0, 7)})` };
}

/**
 * Copies bench `files` (of tools/bench/src) into the checkout at `dir`, as tools/bench/current/, so a bench measures
 * the checkout's code with today's measuring code; returns the entry's path relative to `dir`. Their imports of
 * `@wirestream/*` resolve to the checkout's libs, and repoRoot (three levels up) to the checkout.
 */
export function copyBenchInto(dir: string, files: readonly string[]): string {
  const target = path.join(dir, 'tools', 'bench', 'current');
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(path.join(__dirname, file), path.join(target, file));
  return path.join('tools', 'bench', 'current', files[0] ?? '');
}

/** Runs `script` (relative to a checkout) in `dir` with this process's node flags; returns its stdout. */
export function runInTree(dir: string, script: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${script} in ${dir} exited ${result.status ?? result.signal}: ${result.stderr.slice(-2000)}`);
  }
  return result.stdout;
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every package of this checkout's node_modules, except the workspace's own libs, which point at the tree's libs. */
function linkPackages(dir: string): void {
  const source = path.join(repoRoot, 'node_modules');
  const target = path.join(dir, 'node_modules');
  mkdirSync(path.join(target, '@wirestream'), { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry !== '@wirestream') symlinkSync(path.join(source, entry), path.join(target, entry));
  }
  for (const lib of readdirSync(path.join(dir, 'libs'))) {
    symlinkSync(path.join('..', '..', 'libs', lib), path.join(target, '@wirestream', lib));
  }
}
