/*
 * No import cycles between the files of a lib. A cycle (even of type-only imports) means two modules own one
 * thing between them; the shared part belongs in a module both import. ESLint's import/no-cycle would need
 * eslint-plugin-import, which the project does not carry, so this walks the relative imports itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Relative specifiers of static imports and re-exports, side-effect imports, `import()` and `require()`. */
const RELATIVE_IMPORT_RE = /(?:\bfrom|\bimport|\bimport\s*\(|\brequire\s*\()\s*['"](\.{1,2}\/[^'"]*)['"]/gu;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) if (files.has(candidate)) return candidate;
  return null;
}

/** File → the files of the same folder tree it imports by relative path. */
function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT_RE)]
      .map((match) => resolveImport(file, match[1] ?? '', known))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One cycle of the graph as its path (first node repeated at the end), or null when it has none. */
function findImportCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (seen === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const libs = readdirSync(path.join(repoRoot, 'libs')).filter((name) => {
  const src = path.join(repoRoot, 'libs', name, 'src');
  return statSync(src, { throwIfNoEntry: false })?.isDirectory() ?? false;
});

describe('import cycles', () => {
  it('finds a cycle, and only a cycle', () => {
    const acyclic = new Map([
      ['a', ['b', 'c']],
      ['b', ['c']],
      ['c', []],
    ]);
    expect(findImportCycle(acyclic)).toBeNull();
    expect(findImportCycle(new Map([...acyclic, ['c', ['d']], ['d', ['b']]]))).toEqual(['b', 'c', 'd', 'b']);
  });

  it('reads the relative imports of a lib', () => {
    const graph = importGraph(path.join(repoRoot, 'libs', 'enrichment', 'src'));
    const extract = path.join(repoRoot, 'libs', 'enrichment', 'src', 'html-extract.ts');
    expect(graph.get(extract)).toContain(path.join(repoRoot, 'libs', 'enrichment', 'src', 'html-trim.ts'));
  });

  it.each(libs)('libs/%s/src has none', (lib) => {
    const cycle = findImportCycle(importGraph(path.join(repoRoot, 'libs', lib, 'src')));
    expect(cycle?.map((file) => path.relative(repoRoot, file)).join(' → ') ?? null).toBeNull();
  });
});
