import path from 'node:path';
import { DatasetsNotFoundError, locateDatasets, repoRoot } from './datasets';

const DEFAULT_DIR = path.resolve(repoRoot, '../shared/datasets');
const existing =
  (...files: string[]) =>
  (file: string): boolean =>
    files.includes(file);

function failure(run: () => unknown): DatasetsNotFoundError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetsNotFoundError) return error;
    throw error;
  }
  throw new Error('expected DatasetsNotFoundError');
}

describe('locateDatasets', () => {
  it('defaults to ../shared/datasets beside the repo root', () => {
    const exists = existing(DEFAULT_DIR, path.join(DEFAULT_DIR, 'wikigold'));
    expect(locateDatasets(['wikigold'], {}, exists)).toBe(DEFAULT_DIR);
  });

  it('reads WIRESTREAM_DATASETS_DIR instead of the default', () => {
    const exists = existing(
      '/data/eval',
      '/data/eval/trafilatura-eval',
      DEFAULT_DIR,
      path.join(DEFAULT_DIR, 'trafilatura-eval'),
    );
    expect(locateDatasets(['trafilatura-eval'], { WIRESTREAM_DATASETS_DIR: '/data/eval' }, exists)).toBe('/data/eval');
  });

  it('explains a missing directory: where it looked, the variable, the layout and where to read more', () => {
    const { message } = failure(() => locateDatasets(['trafilatura-eval', 'wikigold'], {}, existing()));
    expect(message).toContain(`${DEFAULT_DIR} does not exist (the default, ../shared/datasets beside the repo)`);
    expect(message).toContain('WIRESTREAM_DATASETS_DIR');
    expect(message).toMatch(/^ {2}trafilatura-eval\/ +evaldata\.json \+ html\/<file>\.gz/mu);
    expect(message).toMatch(/^ {2}wikigold\/ +wikigold\.conll\.txt/mu);
    expect(message).not.toContain('htmldate-eval/');
    expect(message).toContain('docs/datasets.md');
  });

  it('names only the sets missing from a directory that exists', () => {
    const exists = existing('/data/eval', '/data/eval/trafilatura-eval');
    const { message } = failure(() =>
      locateDatasets(['trafilatura-eval', 'htmldate-eval'], { WIRESTREAM_DATASETS_DIR: '/data/eval' }, exists),
    );
    expect(message).toContain('/data/eval lacks htmldate-eval/ (WIRESTREAM_DATASETS_DIR)');
    expect(message).toMatch(/^ {2}htmldate-eval\/ +eval_default\.json/mu);
    expect(message).not.toContain('trafilatura-eval/');
  });
});
