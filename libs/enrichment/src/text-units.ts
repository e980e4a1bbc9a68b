/** Word tokens: letters/digits with inner apostrophes or hyphens ("Colombia’s", "half-century"). */
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Abbreviations whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep pres vs etc inc corp ltd co no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e sra sr dña mme m'.split(' '),
);

/**
 * Splits prose into sentences, keeping closing quotes/brackets with the sentence they end and not splitting at
 * abbreviations ("Mr.", "U.S.") or initials ("J. Smith").
 */
export function sentences(text: string): string[] {
  const result: string[] = [];
  const boundary = /([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«([¿¡]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const candidate = text.slice(start, end);
    const lastWord = /([\p{L}.]+)[.]$/u.exec(candidate)?.[1]?.toLowerCase() ?? '';
    if (match[1] === '.' && !match[2] && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    result.push(candidate.trim());
    start = end + (match[3]?.length ?? 0);
  }
  const rest = text.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}
