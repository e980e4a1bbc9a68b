/**
 * The story signature of an article as the indexer clusters it: MinHash of its stored `body` (minhash.ts) and the
 * LSH band keys kept in `fingerprint_bands` (`keys`, GIN-indexed; `signature` for the check on candidates).
 */
import type { EnrichedArticle } from '@wirestream/contracts';
import { lshBandKeys, minhashSignature, STORY_SIGNATURE } from './minhash';

export interface StorySignature {
  /** STORY_SIGNATURE.hashes signed 32-bit MinHash values. */
  signature: number[];
  /** STORY_SIGNATURE.bands LSH keys. */
  keys: number[];
}

/** Most signature values two articles of one story may differ in: 128 − ⌈0.3 × 128⌉ = 89 (estimated Jaccard ≥ 0.3). */
export const STORY_MAX_SIGNATURE_DISTANCE =
  STORY_SIGNATURE.hashes - Math.ceil(STORY_SIGNATURE.minSimilarity * STORY_SIGNATURE.hashes);

/**
 * Postings the candidate lookup reads per band key of a probe, newest first: bounds the rows one lookup reads however
 * many articles share the key (templated text shares most keys). bench:clusters scores clustering through it.
 */
export const CANDIDATE_POSTINGS_PER_KEY = 4;

/** Candidates per probe whose signature is compared: those found through the most band keys (64 × s² expected). */
export const CANDIDATES_PER_PROBE = 8;

/** Computed once per article object (the plan and the writer both ask). */
const computed = new WeakMap<EnrichedArticle, StorySignature>();

export function storySignature(article: EnrichedArticle): StorySignature {
  let result = computed.get(article);
  if (!result) {
    result = signatureOfBody(typeof article.body === 'string' ? article.body : '');
    computed.set(article, result);
  }
  return result;
}

export function signatureOfBody(body: string): StorySignature {
  const signature = minhashSignature(body);
  return { signature, keys: lshBandKeys(signature) };
}

export function isStorySignature(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === STORY_SIGNATURE.hashes;
}

/** Positions where two signatures differ (the SQL side counts equal positions with `unnest(a, b)`). */
export function signatureDistance(a: readonly number[], b: readonly number[]): number {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return differ + Math.abs(a.length - b.length);
}
