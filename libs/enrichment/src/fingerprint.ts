import { createHash } from 'node:crypto';
import { words } from './text-units';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
const SHINGLE_SIZE = 3;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/**
 * 64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits. Near-duplicate bodies differ in few bits,
 * so the indexer can cluster re-writes and syndicated copies by Hamming distance.
 */
export function simhash64(text: string): string {
  const tokens = words(text.toLowerCase().replace(/’/gu, "'"));
  const shingles: string[] = [];
  if (tokens.length < SHINGLE_SIZE) shingles.push(...tokens);
  else for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i++) shingles.push(tokens.slice(i, i + SHINGLE_SIZE).join(' '));

  const weights = new Array<number>(64).fill(0);
  for (const shingle of shingles) {
    const hash = fnv1a64(shingle);
    for (let bit = 0; bit < 64; bit++) weights[bit] = (weights[bit] ?? 0) + (((hash >> BigInt(bit)) & 1n) === 1n ? 1 : -1);
  }
  let fingerprint = 0n;
  weights.forEach((weight, bit) => {
    if (weight > 0) fingerprint |= 1n << BigInt(bit);
  });
  return fingerprint.toString(16).padStart(16, '0');
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
