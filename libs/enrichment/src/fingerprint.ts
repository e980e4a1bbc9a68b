import { createHash } from 'node:crypto';
import { words } from './text-units';

const SHINGLE_SIZE = 3;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  const [hi, lo] = fnv1a64Halves(text);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

const TWO_32 = 4294967296;

/**
 * FNV-1a 64 as two unsigned 32-bit halves [high, low], in plain number arithmetic (BigInt per byte and per bit made
 * SimHash the slowest step of enrichment). The prime is 2^40 + 0x1b3: hash × prime = hash × 0x1b3 + (hash << 40).
 */
function fnv1a64Halves(text: string): [number, number] {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of Buffer.from(text, 'utf8')) {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / TWO_32);
    hi = (hi * 0x1b3 + carry + ((lo * 256) % TWO_32)) % TWO_32;
    lo = low % TWO_32;
  }
  return [hi, lo];
}

/**
 * 64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits. Near-duplicate bodies differ in few bits,
 * so the indexer can cluster re-writes and syndicated copies by Hamming distance.
 */
export function simhash64(text: string): string {
  const tokens = words(text.toLowerCase().replace(/’/gu, "'"));
  const shingles: string[] = [];
  if (tokens.length < SHINGLE_SIZE) shingles.push(...tokens);
  else
    for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i++) shingles.push(tokens.slice(i, i + SHINGLE_SIZE).join(' '));

  const weights = new Array<number>(64).fill(0);
  for (const shingle of shingles) {
    const [hi, lo] = fnv1a64Halves(shingle);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((lo >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((hi >>> bit) & 1 ? 1 : -1);
    }
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
