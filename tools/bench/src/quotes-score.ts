/** Pure scoring of extracted quotes against the hand-built set (tools/bench/data/quotes.json); no I/O. */

export interface GoldQuote {
  dataset: 'trafilatura-eval' | 'readability-pages' | 'htmldate-eval';
  page: string;
  language: string;
  split: 'tune' | 'confirm';
  quote: string;
  speaker: string;
  /** Absent for the first 124 quotes; 2 for those added later (the bench reports batch 1 on its own too). */
  batch?: number;
}

export interface PredictedQuote {
  text: string;
  speaker: string | null;
}

export type QuoteOutcome = 'right' | 'wrong-speaker' | 'no-speaker' | 'not-found';

/** Case, accents, quote marks and punctuation do not decide a match; words do. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The predicted quote covering the gold span: one contains the other once normalised (the extractor may keep an
 * interrupted quote whole, or the gold may be one part of it).
 */
export function findPredicted(gold: GoldQuote, predicted: readonly PredictedQuote[]): PredictedQuote | null {
  const want = normalizeForMatch(gold.quote);
  if (!want) return null;
  for (const p of predicted) {
    const got = normalizeForMatch(p.text);
    if (got && (got.includes(want) || want.includes(got))) return p;
  }
  return null;
}

export function scoreQuote(
  gold: GoldQuote,
  predicted: readonly PredictedQuote[],
): { outcome: QuoteOutcome; found: PredictedQuote | null } {
  const found = findPredicted(gold, predicted);
  if (!found) return { outcome: 'not-found', found };
  if (found.speaker === null) return { outcome: 'no-speaker', found };
  return {
    outcome: normalizeForMatch(found.speaker) === normalizeForMatch(gold.speaker) ? 'right' : 'wrong-speaker',
    found,
  };
}

export interface Tally {
  total: number;
  right: number;
  wrongSpeaker: number;
  noSpeaker: number;
  notFound: number;
}

export const emptyTally = (): Tally => ({ total: 0, right: 0, wrongSpeaker: 0, noSpeaker: 0, notFound: 0 });

export function addOutcome(tally: Tally, outcome: QuoteOutcome): void {
  tally.total += 1;
  if (outcome === 'right') tally.right += 1;
  else if (outcome === 'wrong-speaker') tally.wrongSpeaker += 1;
  else if (outcome === 'no-speaker') tally.noSpeaker += 1;
  else tally.notFound += 1;
}
