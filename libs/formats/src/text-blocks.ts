/**
 * Splits flattened page text into blocks (paragraphs or chrome lines). Scrapers write one block per line,
 * sometimes with blank lines between; hard-wrapped prose is re-joined when a line clearly continues a sentence.
 */
export function splitTextBlocks(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let current: string | null = null;
  for (const raw of lines) {
    const line = normaliseSpaces(raw);
    if (!line) {
      if (current !== null) blocks.push(current);
      current = null;
      continue;
    }
    if (current !== null && continuesSentence(current, line)) {
      current = current.endsWith('-') && /^\p{Ll}/u.test(line) ? current.slice(0, -1) + line : `${current} ${line}`;
    } else {
      if (current !== null) blocks.push(current);
      current = line;
    }
  }
  if (current !== null) blocks.push(current);
  return blocks;
}

/** Collapses runs of whitespace (incl. no-break spaces) into one space and trims. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
}

function continuesSentence(previous: string, next: string): boolean {
  if (/[.!?:;"”’)»]$/u.test(previous)) return false;
  // Mid-sentence wrap: the previous line ends in a comma/hyphen, or the next starts lower-case.
  return /[,\-–]$/u.test(previous) || /^\p{Ll}/u.test(next);
}
