/**
 * Loss guard of readability-pages (datasets README): 4-token shingles of word tokens (`\w+` in Unicode: letters,
 * marks, digits, underscore), counted as a multiset; recall = shared shingles ÷ shingles of the reference text.
 */
const TOKEN_RE = /[\p{L}\p{M}\p{N}_]+/gu;
export const SHINGLE_SIZE = 4;

/** Shingle → count. A text of fewer than four tokens is one shingle of what it has. */
export function shingleCounts(text: string): Map<string, number> {
  const tokens = text.match(TOKEN_RE) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const last = Math.max(0, tokens.length - SHINGLE_SIZE);
  for (let i = 0; i <= last; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Share of the reference's shingles (with multiplicity) that the candidate also has; 1 for an empty reference. */
export function shingleRecall(candidate: string, reference: string): number {
  const ref = shingleCounts(reference);
  let total = 0;
  for (const n of ref.values()) total += n;
  if (total === 0) return 1;
  const cand = shingleCounts(candidate);
  let shared = 0;
  for (const [key, n] of ref) shared += Math.min(n, cand.get(key) ?? 0);
  return shared / total;
}
