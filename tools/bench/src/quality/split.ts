/**
 * The fixed tune/confirm halves of trafilatura-eval: a page is in the tune half when the FNV-1a 32-bit hash of its
 * URL (UTF-8) is even, else in the confirm half. Rules are chosen on the tune half (and readability-pages) only; the
 * confirm half only checks them. The split depends on nothing but the URL, so it never moves between runs.
 */
export type Half = 'tune' | 'confirm';

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function halfOf(url: string): Half {
  return fnv1a32(url) % 2 === 0 ? 'tune' : 'confirm';
}
