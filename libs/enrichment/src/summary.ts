import { sentences, words } from './text-units';

const MAX_SENTENCES = 2;
/** A second sentence is added only while the summary stays readable as a teaser. */
const MAX_SUMMARY_CHARS = 400;
/** Lead paragraphs shorter than this are usually captions or kickers, not the lede. */
const MIN_LEAD_WORDS = 12;

/** Extractive summary: the first one or two whole sentences of the lead paragraph. */
export function summarize(paragraphs: string[]): string {
  const lead = paragraphs.find((p) => words(p).length >= MIN_LEAD_WORDS) ?? paragraphs[0] ?? '';
  const picked: string[] = [];
  for (const sentence of sentences(lead)) {
    if (picked.length === MAX_SENTENCES) break;
    const candidate = [...picked, sentence].join(' ');
    if (picked.length > 0 && candidate.length > MAX_SUMMARY_CHARS) break;
    picked.push(sentence);
  }
  return picked.join(' ');
}
