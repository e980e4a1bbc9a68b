/**
 * A long list of literal words looked up in code instead of compiled into regexes.
 *
 * A regex holding a ~800-word alternation compiles to 150–850 KB of native code per string width it meets (irregexp
 * emits every alternative), and the quote rules held it in ~25 regexes. Here the alternation `(?:w1|w2|…)(?![\p{L}])`
 * becomes a lookup of the letter run at a position, and a pattern `LEAD (?:w1|w2|…)(?![\p{L}]) TAIL` becomes two
 * small regexes around that lookup (execSlot), giving the same matches as the one large regex.
 */

const LETTER_RUN_RE = /\p{L}+/uy;
const NO_ENDS: readonly number[] = Object.freeze([]);
const LETTER_RE = /\p{L}/uy;

function letterAt(text: string, at: number): boolean {
  LETTER_RE.lastIndex = at;
  return LETTER_RE.test(text);
}

/**
 * Simple case folding as a `/iu` regex compares characters, for text compared against lower-case Latin words:
 * lower-case per code point, "ſ" as "s", and a code point whose lower case is longer (İ) kept as it is (it folds to
 * no Latin letter).
 */
export function foldCase(text: string): string {
  // Most text: lower-casing keeps every code point's length and no long s, so it is the folding.
  const lower = text.toLowerCase();
  if (lower.length === text.length && !text.includes('ſ')) return lower;
  let out = '';
  for (const ch of text) {
    if (ch === 'ſ') {
      out += 's';
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

interface Entry {
  /** What follows the word's leading letter run ("" for a one-word entry, " dit" for "a dit"). */
  rest: string;
}

/** Literal words (letters, with spaces or apostrophes between), each matched only where no letter follows it. */
export class WordList {
  private readonly exact = new Map<string, Entry[]>();
  private readonly folded = new Map<string, Entry[]>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      const run = /^\p{L}+/u.exec(word)?.[0];
      if (!run) throw new Error(`a listed word must open with a letter: ${JSON.stringify(word)}`);
      const add = (map: Map<string, Entry[]>, key: string, rest: string): void => {
        const bucket = map.get(key);
        if (bucket) bucket.push({ rest });
        else map.set(key, [{ rest }]);
      };
      add(this.exact, run, word.slice(run.length));
      add(this.folded, foldCase(run), foldCase(word.slice(run.length)));
    }
  }

  /**
   * The ends of the listed words that start at `at` and are not followed by a letter, in list order, each once:
   * the positions where `(?:w1|w2|…)(?![\p{L}])` can end when tried at `at` (with `ignoreCase`, as under `/iu`).
   */
  endsAt(text: string, at: number, ignoreCase = false): readonly number[] {
    LETTER_RUN_RE.lastIndex = at;
    const run = LETTER_RUN_RE.exec(text)?.[0];
    if (run === undefined) return NO_ENDS;
    const bucket = ignoreCase ? this.folded.get(foldCase(run)) : this.exact.get(run);
    if (!bucket) return NO_ENDS;
    const from = at + run.length;
    if (bucket.length === 1 && bucket[0]?.rest === '') return [from];
    const ends: number[] = [];
    for (const { rest } of bucket) {
      const end = from + rest.length;
      if (rest !== '') {
        const there = text.slice(from, end);
        if ((ignoreCase ? foldCase(there) : there) !== rest || letterAt(text, end)) continue;
      }
      if (!ends.includes(end)) ends.push(end);
    }
    return ends;
  }

  /** Whether a listed word starts at `at` (not followed by a letter). */
  startsAt(text: string, at: number, ignoreCase = false): boolean {
    return this.endsAt(text, at, ignoreCase).length > 0;
  }
}

/**
 * `LEAD SLOT TAIL` as three parts:
 * - lead: a regex that ends where the slot opens, ending in `(?=\p{L})`; with the `g` flag it is searched for (the
 *   pattern is unanchored), without it it is matched once (it should open with `^`). From one start it can end
 *   before a letter in one way only (so the slot's position and the lead's groups are fixed by the start);
 * - slot: the ends the slot can take from a position, in the order the regex would try them;
 * - tail: a sticky regex (`y`) for what follows the slot, or none.
 */
export interface SlotPattern {
  lead: RegExp;
  slot: (text: string, at: number) => readonly number[];
  tail?: RegExp;
}

/**
 * RegExp.exec of `LEAD SLOT TAIL` (see SlotPattern): the match opening leftmost, and from there the first slot end
 * (in the slot's order) after which the tail matches, searching from `from` when the lead is global. Element 0 is
 * the whole match, the lead's groups follow, then the tail's; with a tail made with the `d` flag the result has
 * `indices` too (and the lead's groups' indices when it has the flag too).
 */
export function execSlot(text: string, pattern: SlotPattern, from = 0): RegExpExecArray | null {
  const { lead, slot, tail } = pattern;
  lead.lastIndex = from;
  for (;;) {
    const m = lead.exec(text);
    if (!m) return null;
    for (const end of slot(text, m.index + m[0].length)) {
      if (!tail) return slotMatch(text, m, end, null);
      tail.lastIndex = end;
      const t = tail.exec(text);
      if (t) return slotMatch(text, m, end, t);
    }
    if (!lead.global) return null;
    // The next start; a /u regex never starts between the halves of a surrogate pair.
    const code = text.charCodeAt(m.index);
    const next = text.charCodeAt(m.index + 1);
    lead.lastIndex = m.index + (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
  }
}

function slotMatch(text: string, lead: RegExpExecArray, end: number, tail: RegExpExecArray | null): RegExpExecArray {
  const index = lead.index;
  const to = tail ? end + tail[0].length : end;
  const match = execArray([text.slice(index, to), ...lead.slice(1), ...(tail ? tail.slice(1) : [])], index, text);
  if (tail?.indices) {
    const indices = [
      [index, to] as [number, number],
      ...(lead.indices?.slice(1) ?? []),
      ...tail.indices.slice(1),
    ] as RegExpIndicesArray;
    indices.groups = undefined;
    match.indices = indices;
  }
  return match;
}

/** An exec result made in code: the whole match, then the groups (undefined where unmatched). */
export function execArray(parts: [string, ...(string | undefined)[]], index: number, input: string): RegExpExecArray {
  const match = Object.assign([...parts], { index, input, groups: undefined }) as unknown as RegExpExecArray;
  return match;
}
