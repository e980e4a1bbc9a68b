/** Word tokens: letters/digits with inner apostrophes or hyphens ("Colombia’s", "half-century"). */
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** The only character whose lower case splits a word: "İ" becomes "i" and a combining dot (not a letter). */
const DOTTED_CAPITAL_I = '\u0130';

/**
 * `words(text).length` from `words(text.toLowerCase())`, without tokenising again. Lower-casing maps every other
 * character to one of the same kind (letter or digit, apostrophe or hyphen, anything else), so the tokens fall in the
 * same places; a text with "İ" is counted afresh.
 */
export function wordCountFromLowerCaseWords(text: string, lowerCaseWords: readonly string[]): number {
  return text.includes(DOTTED_CAPITAL_I) ? words(text).length : lowerCaseWords.length;
}

/** Abbreviations whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep pres vs etc inc corp ltd co no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e sra sr dña mme m'.split(
    ' ',
  ),
);
/** Longer than any abbreviation: the backward scan for the word before a dot stops here. */
const MAX_ABBREVIATION_CHARS = 8;

const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', '»', ')', ']']);
const OPENERS = new Set(['"', '“', '‘', '«', '(', '[', '¿', '¡']);
const SPACE_RE = /\s/u;
const SENTENCE_START_RE = /[\p{Lu}\p{N}]/u;
const WORD_CHAR_RE = /[\p{L}.]/u;
const LETTER_RE = /^\p{L}$/u;

/**
 * Splits prose into sentences, keeping closing quotes/brackets with the sentence they end and not splitting at
 * abbreviations ("Mr.", "U.S.") or initials ("J. Smith"). A boundary is a run of terminators, optional closers,
 * whitespace, then (after an optional opener) an upper-case letter or digit. One forward scan: linear in the text
 * whatever its punctuation (a regex retried inside a 100k-character run of "!" was quadratic).
 */
export function sentences(text: string): string[] {
  const result: string[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    if (!TERMINATORS.has(text[i] as string)) {
      i++;
      continue;
    }
    const terminatorStart = i;
    while (i < n && TERMINATORS.has(text[i] as string)) i++;
    const terminatorEnd = i;
    while (i < n && CLOSERS.has(text[i] as string)) i++;
    const end = i;
    let next = i;
    while (next < n && SPACE_RE.test(text[next] as string)) next++;
    if (next === end) continue;
    const opened = OPENERS.has(text[next] as string) ? next + 1 : next;
    const startCode = text.codePointAt(opened);
    if (startCode === undefined || !SENTENCE_START_RE.test(String.fromCodePoint(startCode))) {
      i = next;
      continue;
    }
    if (
      terminatorEnd - terminatorStart === 1 &&
      text[terminatorStart] === '.' &&
      end === terminatorEnd &&
      isAbbreviation(wordBeforeDot(text, start, terminatorStart))
    ) {
      i = next;
      continue;
    }
    result.push(text.slice(start, end).trim());
    start = next;
    i = next;
  }
  const rest = text.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}

/** The run of letters and dots right before the dot at `dot` (not before `from`), lower-cased; '' when longer than any abbreviation. */
function wordBeforeDot(text: string, from: number, dot: number): string {
  let k = dot;
  while (k > from && dot - k <= MAX_ABBREVIATION_CHARS && WORD_CHAR_RE.test(text[k - 1] as string)) k--;
  if (dot - k > MAX_ABBREVIATION_CHARS) return '';
  return text.slice(k, dot).toLowerCase();
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || LETTER_RE.test(word);
}
