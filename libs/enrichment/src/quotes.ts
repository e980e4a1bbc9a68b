import type { Quote } from '@wirestream/contracts';
import type { EntityResult } from './entities';

/** Shorter quoted spans are scare quotes or fragments (“barbaric”), not statements. */
const MIN_QUOTE_WORDS = 8;
/** Characters either side of a quote searched for its speaker (bounds every attribution regex's input). */
const ATTRIBUTION_WINDOW = 120;

const NAME = String.raw`(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,4})`;
const VERBS = String.raw`(?:said|says|told|added|wrote|explained|insisted|warned|argued|stated|continued|replied|asked|tweeted|posted|dijo|afirmó|declaró|aseguró|añadió|a déclaré|a dit|sagte|erklärte|ha detto|disse)`;
const PRONOUN_AFTER_RE = new RegExp(String.raw`^\s*(?:,\s*)?(?:he|she|él|ella|il|elle|er|sie|lui|lei|ele)\s+${VERBS}\b`, 'iu');
const NAME_VERB_AFTER_RE = new RegExp(String.raw`^\s*(?:,\s*)?${NAME}\s+${VERBS}\b`, 'u');
const VERB_NAME_AFTER_RE = new RegExp(String.raw`^\s*(?:,\s*)?${VERBS}\s+${NAME}`, 'u');
/** Matched against the text before a quote with its trailing whitespace trimmed; a name starts a word. */
const NAME_VERB_BEFORE_RE = new RegExp(String.raw`(?<![\p{L}'’.-])${NAME}\s+${VERBS}(?:\s+\p{Ll}[\p{Ll}\s]{0,29})?[:,]?$`, 'u');
const ACCORDING_TO_RE = new RegExp(String.raw`(?:according to|según|selon|laut|secondo)\s+${NAME}`, 'u');

/** Each opening mark and the mark that closes it. */
const QUOTE_MARKS: Record<string, string> = { '“': '”', '"': '"', '«': '»' };

interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark. */
  end: number;
  inner: string;
}

/**
 * “…”, "…" and «…» spans, left to right, none nested in another (as a global regex would match them). Plain
 * string search: a regex retried at every one of 100k unclosed “ was quadratic; here a mark whose closer is
 * missing is given up after one search.
 */
function quoteSpans(paragraph: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const unclosed = new Set<string>();
  let i = 0;
  while (i < paragraph.length) {
    const open = paragraph[i] as string;
    const close = QUOTE_MARKS[open];
    if (close === undefined || unclosed.has(open)) {
      i++;
      continue;
    }
    const j = paragraph.indexOf(close, i + 1);
    if (j < 0) {
      unclosed.add(open);
      i++;
      continue;
    }
    if (j === i + 1) {
      i++; // empty: no quote opens here
      continue;
    }
    spans.push({ start: i, end: j + 1, inner: paragraph.slice(i + 1, j) });
    i = j + 1;
  }
  return spans;
}

/**
 * Direct quotes with a speaker from the surrounding attribution: “…,” X said / said X / X said: “…” /
 * according to X / “…,” he said (→ the last person named before the quote). Unattributed → speaker null.
 */
export function extractQuotes(paragraphs: string[], entities: EntityResult): Quote[] {
  const quotes: Quote[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    for (const span of quoteSpans(paragraph)) {
      const inner = span.inner.trim();
      if (inner.split(/\s+/u).length < MIN_QUOTE_WORDS) continue;
      const { start } = span;
      const after = paragraph.slice(span.end, span.end + ATTRIBUTION_WINDOW);
      const before = paragraph.slice(Math.max(0, start - ATTRIBUTION_WINDOW), start).trimEnd();
      quotes.push({
        text: inner.replace(/[,;:]$/u, ''),
        speaker: attribute(after, before, paragraphIndex, start, entities),
      });
    }
  });
  return quotes;
}

function attribute(after: string, before: string, paragraph: number, offset: number, entities: EntityResult): string | null {
  const named = NAME_VERB_AFTER_RE.exec(after)?.[1] ?? VERB_NAME_AFTER_RE.exec(after)?.[1] ?? NAME_VERB_BEFORE_RE.exec(before)?.[1];
  if (named) return entities.resolvePerson(named) ?? named;
  if (PRONOUN_AFTER_RE.test(after)) return lastPersonBefore(entities, paragraph, offset);
  const according = ACCORDING_TO_RE.exec(after)?.[1];
  if (according) return entities.resolvePerson(according) ?? according;
  return null;
}

function lastPersonBefore(entities: EntityResult, paragraph: number, offset: number): string | null {
  let last: string | null = null;
  for (const mention of entities.personMentions) {
    if (mention.paragraph > paragraph || (mention.paragraph === paragraph && mention.offset >= offset)) break;
    last = mention.name;
  }
  return last;
}
