/**
 * Story signatures: MinHash over the word shingles of an article's main text (title excluded), with an LSH band index.
 *
 * Why not SimHash: a republished copy (another site's chrome leaking into the body, a few % of words substituted,
 * a sentence or two dropped) lands 8–20 bits of 64 from its original; band layouts wide enough to find that read a
 * large share of the corpus per lookup (24 bands of 8 bits: 136 candidates of 3,055) and still miss most copies. On the near-duplicate set (`npm run bench:clusters`, 3,055 docs) the
 * best SimHash variant reached pairwise recall 0.38 (today's: 0.03); this one 0.996 at precision 1.000.
 *
 * Pure and computed from the stored `body` alone, so the indexer and the re-clustering migration derive the same
 * signature from any stored document (no enricher change, no new field in the contract).
 */

export interface StorySignatureOptions {
  /** Number of MinHash values (permutations). */
  hashes: number;
  /** Words per shingle. */
  shingle: number;
  /** LSH bands × rows per band = hashes. */
  bands: number;
  rows: number;
  /** Least estimated Jaccard similarity (equal values ÷ hashes) at which two articles are the same story. */
  minSimilarity: number;
}

/** The chosen parameters (bench:clusters; README "Story clusters"). */
export const STORY_SIGNATURE: Readonly<StorySignatureOptions> = Object.freeze({
  hashes: 128,
  shingle: 2,
  bands: 64,
  rows: 2,
  minSimilarity: 0.3,
});

/** Word tokens as the enricher counts them: letters/digits with inner apostrophes or hyphens. */
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Murmur3's 32-bit finaliser: a cheap bijective mix, so `mix(x ^ seed)` behaves as an independent hash per seed. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32-bit FNV-1a over UTF-16 code units (shingles are compared, never stored: any stable hash will do). */
function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Fixed seeds (splitmix-style sequence), one per MinHash value: the same on every instance forever. */
const SEEDS: number[] = [];
function seed(i: number): number {
  while (SEEDS.length <= i) SEEDS.push(mix32(Math.imul(SEEDS.length + 1, 0x9e3779b9)));
  return SEEDS[i]!;
}

/** Distinct hashed word shingles of a text: lower-cased, curly apostrophes straightened (quotes are not words). */
export function shingleHashes(text: string, size: number): Set<number> {
  const tokens = text.toLowerCase().replace(/’/gu, "'").match(WORD_RE) ?? [];
  const out = new Set<number>();
  if (tokens.length < size) {
    if (tokens.length) out.add(fnv1a32(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) {
    let shingle = tokens[i]!;
    for (let j = 1; j < size; j++) shingle += ` ${tokens[i + j]!}`;
    out.add(fnv1a32(shingle));
  }
  return out;
}

/** MinHash signature of a text as signed 32-bit integers (Postgres `int[]`). Empty text: all values 0x7fffffff. */
export function minhashSignature(
  text: string,
  options: Pick<StorySignatureOptions, 'hashes' | 'shingle'> = STORY_SIGNATURE,
): number[] {
  // Typed arrays: unsigned 32-bit values above 2^31 would be boxed doubles in a plain array (3× slower here).
  const mins = new Uint32Array(options.hashes).fill(0xffffffff);
  const seeds = Uint32Array.from({ length: options.hashes }, (_, i) => seed(i));
  for (const h of shingleHashes(text, options.shingle)) {
    for (let i = 0; i < mins.length; i++) {
      const v = mix32(h ^ seeds[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return Array.from(mins, (v) => v | 0);
}

/**
 * LSH keys of a signature: each band's `rows` values (and the band's number) hashed to one signed 32-bit integer.
 * Two signatures sharing any key are candidates; the similarity is checked on the stored signatures afterwards.
 * A pair of similarity s is a candidate with probability 1 − (1 − s^rows)^bands (32 × 2: 0.999 at 0.4, 0.28 at 0.1).
 */
export function lshBandKeys(
  signature: readonly number[],
  options: Pick<StorySignatureOptions, 'bands' | 'rows'> = STORY_SIGNATURE,
): number[] {
  const keys: number[] = [];
  for (let band = 0; band < options.bands; band++) {
    let h = mix32(band + 0x5753);
    for (let r = 0; r < options.rows; r++) h = mix32(h ^ (signature[band * options.rows + r]! >>> 0));
    keys.push(h | 0);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
