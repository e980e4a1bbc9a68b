import { createHash } from 'node:crypto';
import { words } from './text-units';

const SHINGLE_SIZE = 3;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  const bytes = Buffer.from(text, 'utf8');
  const [hi, lo] = fnv1a64Halves(bytes, 0, bytes.length);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * FNV-1a 64 of bytes[from, to) as two unsigned 32-bit halves [high, low], in four 16-bit limbs of plain number
 * arithmetic (every product stays far below 2^53). SimHash hashes every word 3-shingle of every article: BigInt or
 * float division per byte made it ~20% of enrichment.
 */
function fnv1a64Halves(bytes: Uint8Array, from: number, to: number): [number, number] {
  // 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = from; i < to; i++) {
    h0 ^= bytes[i] as number;
    // × 0x100000001b3 = × 0x1b3 + (× 2^40): 2^40 is two limbs and 8 bits up.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + (h0 << 8);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [((h3 << 16) | h2) >>> 0, ((h1 << 16) | h0) >>> 0];
}

const SPACE = 0x20;

/**
 * 64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits. Near-duplicate bodies differ in few bits,
 * so the indexer can cluster re-writes and syndicated copies by Hamming distance.
 */
export function simhash64(text: string): string {
  return simhash64OfLowerCaseWords(words(text.toLowerCase()));
}

/**
 * simhash64 of a text from its lower-cased word tokens, `words(text.toLowerCase())`, for a caller that already has
 * them. A curly apostrophe hashes as a straight one, so "Colombia’s" and "Colombia's" shingle alike.
 */
export function simhash64OfLowerCaseWords(tokens: readonly string[]): string {
  // A shingle is its tokens joined by single spaces; a text of fewer tokens hashes each token alone.
  const tokensPerShingle = tokens.length < SHINGLE_SIZE ? 1 : SHINGLE_SIZE;
  const shingleCount = tokens.length - tokensPerShingle + 1;
  // All tokens joined by single spaces, encoded once: each shingle is a byte range of it, so no shingle string is
  // built and no character encoded three times. Tokens hold no space, and no UTF-8 sequence holds the byte 0x20.
  const joined = Buffer.from(tokens.join(' ').replace(/’/gu, "'"), 'utf8');
  const tokenStarts = new Int32Array(tokens.length + 1);
  let token = 1;
  for (let i = 0; i < joined.length; i++) if (joined[i] === SPACE) tokenStarts[token++] = i + 1;
  // One past the end, as if another token followed: token t ends at tokenStarts[t + 1] - 1.
  tokenStarts[tokens.length] = joined.length + 1;

  // A bit of the fingerprint is set when more than half of the shingle hashes have it: count the set bits only.
  const ones = new Int32Array(64);
  for (let i = 0; i < shingleCount; i++) {
    const [hi, lo] = fnv1a64Halves(joined, tokenStarts[i] as number, (tokenStarts[i + tokensPerShingle] as number) - 1);
    for (let v = lo; v !== 0; v &= v - 1) ones[31 - Math.clz32(v & -v)]!++;
    for (let v = hi; v !== 0; v &= v - 1) ones[63 - Math.clz32(v & -v)]!++;
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > shingleCount) low |= 1 << bit;
    if (2 * ones[bit + 32]! > shingleCount) high |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

export function hammingDistance64(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

/** SHA-256 hex of the body in Unicode NFC, so equal text always hashes equal. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.normalize('NFC'), 'utf8').digest('hex');
}
