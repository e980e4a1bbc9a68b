/**
 * Splits flattened page text into blocks (paragraphs or chrome lines). Scrapers write one block per line,
 * sometimes with blank lines between; hard-wrapped prose is re-joined when a line clearly continues a sentence.
 */
export function splitTextBlocks(text: string, options: { minWrappedLine?: number } = {}): string[] {
  const minWrappedLine = options.minWrappedLine ?? 0;
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: string[] = [];
  // The block being built, as pieces joined once at its end: reading the last character of a string grown by `+=`
  // flattens it, which is quadratic over a long run of wrapped lines.
  let pieces: string[] = [];
  let last = '';
  let lastLength = 0;
  const flush = (): void => {
    if (pieces.length) blocks.push(pieces.join(''));
    pieces = [];
  };
  for (const raw of lines) {
    const line = normaliseSpaces(raw);
    if (!line) {
      flush();
      continue;
    }
    if (pieces.length && continuesSentence(last, line, lastLength >= minWrappedLine)) {
      if (last === '-' && /^\p{Ll}/u.test(line)) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
      else pieces.push(' ');
    } else flush();
    pieces.push(line);
    last = line.at(-1)!;
    lastLength = line.length;
  }
  flush();
  return blocks;
}

/** Collapses runs of whitespace (incl. no-break spaces) into one space and trims. */
export function normaliseSpaces(text: string): string {
  // Most lines hold single spaces only: testing is cheaper than rebuilding the string.
  if (!SPACE_TO_NORMALISE_RE.test(text)) return text.trim();
  return text.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
}
/** A whitespace character other than the plain space (\s and the zero-width space), or two spaces in a row. */
const SPACE_TO_NORMALISE_RE = /[^\S ]|\u200B| {2}/u;

/**
 * Only the last character of the block so far is looked at: an end-anchored regex on the block would be retried
 * from every position of it for every line (quadratic in the block).
 */
function continuesSentence(last: string, next: string, lastFillsLine: boolean): boolean {
  if (SENTENCE_END_CHARS.has(last)) return false;
  // Mid-sentence wrap: the previous line ends in a comma/hyphen, or the next starts lower-case after a line as
  // long as a wrapped one (a short line before a lower-case one is a label: "Par Marie Dupont" / "il y a 3 heures").
  return WRAP_CHARS.has(last) || (lastFillsLine && /^\p{Ll}/u.test(next) && !isBylineLine(next) && !isDateLine(next));
}

/**
 * "il y a 3 heures · 5 mai 2026", "mardi 5 mai 2026", "martes, 5 de mayo de 2026", "publicado el 5/5/2026": a date
 * line written in lower case under a long headline is a line of its own, not the headline's wrapped tail.
 */
const LOWER_CASE_DATE_LINE_RE =
  /^(?:il y a|vor|hace|há|updated|posted|published|publié|mis à jour|actualizado|publicado|atualizado|pubblicato|aggiornato|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)(?=[\s,.:-]|$)/u;
const MAX_DATE_LINE = 60;

function isDateLine(line: string): boolean {
  return line.length <= MAX_DATE_LINE && /\d/u.test(line) && LOWER_CASE_DATE_LINE_RE.test(line);
}

/**
 * "von Jana Beispiel", "by: Jane Doe", "di Luca Bianchi e Sara Rossi" under a long headline: a lower-case marker and
 * capitalised names (two authors joined by "and"/"und"/"et"/"y"/"e"/"&"), nothing after them. A scraper writes it on its own line; it is not the headline's wrapped tail.
 */
const BYLINE_LINE_RE =
  /^(?:by|von|durch|par|por|di):? \p{Lu}[\p{L}'’.-]*(?: (?:(?:and|und|et|y|e|&) )?\p{Lu}[\p{L}'’.-]*){0,5}$/u;
const MAX_BYLINE_LINE = 60;

function isBylineLine(line: string): boolean {
  return line.length <= MAX_BYLINE_LINE && BYLINE_LINE_RE.test(line);
}

/**
 * Scraped pages: hard-wrapped prose fills its lines, a shorter line ends where its writer ended it. (Article
 * identity keeps joining after any line, so ids of items already stored do not change.)
 */
export const MIN_WRAPPED_LINE = 40;

const SENTENCE_END_CHARS = new Set('.!?:;"”’)»');
const WRAP_CHARS = new Set(',-–');

/**
 * Removes leading and trailing characters of `chars` (whitespace too when `spaces`), by scanning from each end:
 * linear, unlike `/[…]+$/` which is retried from every position of a long punctuation run.
 */
export function trimChars(text: string, chars: string, spaces = true, ends: 'both' | 'end' = 'both'): string {
  const strip = (c: string): boolean => chars.includes(c) || (spaces && c.trim() === '');
  let end = text.length;
  while (end > 0 && strip(text[end - 1]!)) end -= 1;
  let start = 0;
  if (ends === 'both') while (start < end && strip(text[start]!)) start += 1;
  return text.slice(start, end);
}
