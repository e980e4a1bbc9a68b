import type { Quote } from '@wirestream/contracts';
import type { EntityResult } from './entities';

/** Shorter quoted spans are scare quotes or fragments (“barbaric”), not statements. */
const MIN_QUOTE_WORDS = 8;

const NAME = String.raw`(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,4})`;
const VERBS = String.raw`(?:said|says|told|added|wrote|explained|insisted|warned|argued|stated|continued|replied|asked|tweeted|posted|dijo|afirmó|declaró|aseguró|añadió|a déclaré|a dit|sagte|erklärte|ha detto|disse)`;
const PRONOUN_AFTER_RE = new RegExp(String.raw`^\s*,?\s*(?:he|she|él|ella|il|elle|er|sie|lui|lei|ele)\s+${VERBS}\b`, 'iu');
const NAME_VERB_AFTER_RE = new RegExp(String.raw`^\s*,?\s*${NAME}\s+${VERBS}\b`, 'u');
const VERB_NAME_AFTER_RE = new RegExp(String.raw`^\s*,?\s*${VERBS}\s+${NAME}`, 'u');
const NAME_VERB_BEFORE_RE = new RegExp(String.raw`${NAME}\s+${VERBS}(?:\s+[\p{Ll}\s]{0,30})?[:,]?\s*$`, 'u');
const ACCORDING_TO_RE = new RegExp(String.raw`(?:according to|según|selon|laut|secondo)\s+${NAME}`, 'u');

const QUOTE_RE = /“([^”]+)”|"([^"]+)"|«\s*([^»]+?)\s*»/gu;

/**
 * Direct quotes with a speaker from the surrounding attribution: “…,” X said / said X / X said: “…” /
 * according to X / “…,” he said (→ the last person named before the quote). Unattributed → speaker null.
 */
export function extractQuotes(paragraphs: string[], entities: EntityResult): Quote[] {
  const quotes: Quote[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    for (const match of paragraph.matchAll(QUOTE_RE)) {
      const inner = (match[1] ?? match[2] ?? match[3] ?? '').trim();
      if (inner.split(/\s+/u).length < MIN_QUOTE_WORDS) continue;
      const start = match.index ?? 0;
      const after = paragraph.slice(start + match[0].length, start + match[0].length + 120);
      const before = paragraph.slice(Math.max(0, start - 120), start);
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
