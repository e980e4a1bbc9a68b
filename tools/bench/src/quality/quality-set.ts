/**
 * One dev set of `npm run bench:quality`. A set is a file in ./sets exporting `qualitySet`: the runner finds it there,
 * so adding a set is a one-file change. Each set scores our enricher and, where the measure applies to a main-text
 * extractor, the Readability-alone baseline on the same pages, and names the published anchors.
 */
export interface QualityRow {
  /** Sub-set ("tune", "confirm", "all") or blank to continue the previous one. */
  part: string;
  metric: string;
  ours: string;
  /** Readability alone (@mozilla/readability on the raw page) on the same pages; "—" where it does not apply. */
  readability: string;
  published: string;
}

export interface QualityResult {
  rows: QualityRow[];
  /** Lines printed under the table (pages below a threshold, failures). */
  notes: string[];
}

export interface QualityContext {
  /** The datasets directory; the set's own folder is `path.join(dir, set.folder)`. */
  dir: string;
  /** At most this many items of the set (for quick runs). */
  limit: number;
  verbose: boolean;
  /** Score only this half of trafilatura-eval (split.ts): rules are tuned on 'tune' alone. */
  half: 'tune' | 'confirm' | null;
  /** Our main text of an HTML page (enrichArticle's body, paragraphs split by blank lines). */
  ours: (html: string, url: string) => string;
  /** Readability's text of the same page, run alone on the raw page (paragraphs split by blank lines); null with --no-baseline. */
  readabilityAlone: ((html: string) => string) | null;
  progress: (label: string, total: number) => { tick: () => void; done: () => void };
}

export interface QualitySet {
  /** Name used by --only and in the table. */
  name: string;
  /** Folder of the datasets directory holding the set; a missing folder skips the set with a note. */
  folder: string;
  /** Order in the table (lower first). */
  order: number;
  score: (ctx: QualityContext) => QualityResult;
}

export const fmt = (n: number): string => n.toFixed(3);
export const ratio = (a: number, b: number): number => a / Math.max(1, b);
export const f1 = (tp: number, fp: number, fn: number): number => (2 * tp) / Math.max(1, 2 * tp + fp + fn);
export const normSpaces = (text: string): string => text.replace(/\s+/gu, ' ').trim();
