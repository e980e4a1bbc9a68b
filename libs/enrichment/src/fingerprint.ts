import { createHash } from 'node:crypto';
import { words } from './text-units';

const SHINGLE_SIZE = 3;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  const [hi, lo] = fnv1a64Halves(text);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * FNV-1a 64 as two unsigned 32-bit halves [high, low], in four 16-bit limbs of plain number arithmetic (every
 * product stays far below 2^53), over the string's UTF-8 bytes encoded on the fly. SimHash hashes every word
 * 3-shingle of every article: a Buffer per shingle and float division per byte made it ~20% of enrichment.
 */
function fnv1a64Halves(text: string): [number, number] {
  // 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    // × 0x100000001b3 = × 0x1b3 + (× 2^40): 2^40 is two limbs and 8 bits up.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + (h0 << 8);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      step(code);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is encoded as U+FFFD, as Buffer.from(text, 'utf8') does.
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x800) {
      step(0xc0 | (code >> 6));
    } else if (code < 0x10000) {
      step(0xe0 | (code >> 12));
      step(0x80 | ((code >> 6) & 0x3f));
    } else {
      step(0xf0 | (code >> 18));
      step(0x80 | ((code >> 12) & 0x3f));
      step(0x80 | ((code >> 6) & 0x3f));
    }
    step(0x80 | (code & 0x3f));
  }
  return [((h3 << 16) | h2) >>> 0, ((h1 << 16) | h0) >>> 0];
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

  // A bit of the fingerprint is set when more than half of the shingle hashes have it: count the set bits only.
  const ones = new Int32Array(64);
  for (const shingle of shingles) {
    const [hi, lo] = fnv1a64Halves(shingle);
    for (let v = lo; v !== 0; v &= v - 1) ones[31 - Math.clz32(v & -v)]!++;
    for (let v = hi; v !== 0; v &= v - 1) ones[63 - Math.clz32(v & -v)]!++;
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > shingles.length) low |= 1 << bit;
    if (2 * ones[bit + 32]! > shingles.length) high |= 1 << bit;
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
