import { FIELD_LIMITS } from '@wirestream/contracts';
import { sentences, words } from './text-units';

const MAX_SENTENCES = 2;
/** A second sentence is added only while the summary stays readable as a teaser. */
const MAX_SUMMARY_CHARS = 400;
/** Lead paragraphs shorter than this are usually captions or kickers, not the lede. */
const MIN_LEAD_WORDS = 12;
const ELLIPSIS = '…';

/**
 * Extractive summary: the first one or two whole sentences of the lead paragraph, never over FIELD_LIMITS.summary
 * characters — a longer first sentence is cut at a word boundary and ends with an ellipsis.
 */
export function summarize(paragraphs: string[]): string {
  const lead = paragraphs.find((p) => words(p).length >= MIN_LEAD_WORDS) ?? paragraphs[0] ?? '';
  const picked: string[] = [];
  for (const sentence of sentences(lead)) {
    if (picked.length === MAX_SENTENCES) break;
    const candidate = [...picked, sentence].join(' ');
    if (picked.length > 0 && candidate.length > MAX_SUMMARY_CHARS) break;
    picked.push(sentence);
  }
  return truncateAtWord(picked.join(' '), FIELD_LIMITS.summary);
}

/** `text` if it fits in `max` characters, else its longest prefix ending at a word boundary plus an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - ELLIPSIS.length + 1);
  const cut = room.lastIndexOf(' ');
  // One word longer than the whole budget: cut inside it rather than return nothing.
  const head = cut > 0 ? room.slice(0, cut) : room.slice(0, max - ELLIPSIS.length);
  return `${head.replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/u, '').replace(/[\uD800-\uDBFF]$/u, '')}${ELLIPSIS}`;
}
