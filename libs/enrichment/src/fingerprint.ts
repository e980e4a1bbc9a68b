import { createHash } from 'node:crypto';
import { words } from './text-units';

const SHINGLE_SIZE = 3;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  const bytes = Buffer.from(text, 'utf8');
  let hi = FNV_OFFSET_HIGH;
  let lo = FNV_OFFSET_LOW;
  for (const byte of bytes) {
    lo = (lo ^ byte) >>> 0;
    hi = fnvPrimeHigh(hi, lo);
    lo = fnvPrimeLow(lo);
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** FNV-1a 64's offset basis 0xcbf29ce484222325 as unsigned 32-bit halves. */
const FNV_OFFSET_HIGH = 0xcbf29ce4;
const FNV_OFFSET_LOW = 0x84222325;

/*
 * One FNV-1a 64 multiplication, (hi:lo) × 0x100000001b3 mod 2^64 = (hi:lo) × 0x1b3 + (lo << 40), on unsigned 32-bit
 * halves in plain number arithmetic: `lo` is split into 16-bit limbs so every product stays exact (BigInt, float
 * division or four 16-bit limbs per byte made SimHash 20–25 % of a wire item's enrichment). High half first: it
 * needs the low half before the multiplication.
 */
function fnvPrimeHigh(hi: number, lo: number): number {
  const carry = ((lo >>> 16) * 0x1b3 + (((lo & 0xffff) * 0x1b3) >>> 16)) >>> 16;
  return (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
}

function fnvPrimeLow(lo: number): number {
  const low = (lo & 0xffff) * 0x1b3;
  const high = (lo >>> 16) * 0x1b3 + (low >>> 16);
  return (((high & 0xffff) << 16) | (low & 0xffff)) >>> 0;
}

const SPACE = 0x20;
/** Bits 0, 4, 8, …, 28: a 32-bit word's bits k, k+4, … land in separate 4-bit counters. */
const NIBBLE_ONES = 0x11111111;
/** A 4-bit counter holds at most 15. */
const NIBBLE_MAX = 15;

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

  // A bit of the fingerprint is set when more than half of the shingle hashes have it. The set bits are counted
  // four positions apart in 4-bit fields of eight words (bits k, k+4, … of the low half in lowCounts[k]), added
  // into `ones` every 15 shingles: a few word operations per shingle instead of one per set bit.
  const ones = new Int32Array(64);
  const lowCounts = [0, 0, 0, 0];
  const highCounts = [0, 0, 0, 0];
  let pending = 0;
  for (let s = 0; s < shingleCount; s++) {
    const end = (tokenStarts[s + tokensPerShingle] as number) - 1;
    let hi = FNV_OFFSET_HIGH;
    let lo = FNV_OFFSET_LOW;
    for (let i = tokenStarts[s] as number; i < end; i++) {
      lo = (lo ^ (joined[i] as number)) >>> 0;
      hi = fnvPrimeHigh(hi, lo);
      lo = fnvPrimeLow(lo);
    }
    for (let k = 0; k < 4; k++) {
      lowCounts[k]! += (lo >>> k) & NIBBLE_ONES;
      highCounts[k]! += (hi >>> k) & NIBBLE_ONES;
    }
    if (++pending === NIBBLE_MAX || s === shingleCount - 1) {
      for (let k = 0; k < 4; k++) {
        for (let shift = 0; shift < 32; shift += 4) {
          ones[shift + k]! += (lowCounts[k]! >>> shift) & 0xf;
          ones[32 + shift + k]! += (highCounts[k]! >>> shift) & 0xf;
        }
        lowCounts[k] = 0;
        highCounts[k] = 0;
      }
      pending = 0;
    }
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
