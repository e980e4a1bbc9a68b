import { mayStartDate, parseDateText } from './dates';
import { trimChars } from './text-blocks';
import { isNavigationVocabulary } from './text-page-span';

/**
 * Bylines that carry no "By"/"Von" marker: the author's name printed on the article's date line, before or after
 * the date ("Jane Doe | 06.11.23", "25.10.2022 - Jane Doe", "Jane Doe am 18. September 2019", "JANE DOE 3.11.2023").
 */

/** A date line is short: longer lines are sentences that mention a date. */
const MAX_DATE_LINE_CHARS = 140;
/** The most words a printed date takes ("Wednesday, February 4, 2026 at 10:31 AM EST"). */
const MAX_DATE_WORDS = 8;
/** A line's parts: " | ", " - ", " – ", " · ", " / ", and commas. */
const PART_SEPARATOR_RE = / [|•·–—/-] | ?, /u;
/** Words that join a name to its date, and labels of the date, in en/de/fr/es/pt/it. */
const LINK_WORDS = new Set(
  'am um on at le el em il de del von by par por da vom from à às a'
    .split(' ')
    .concat('|', '-', '–', '—', '·', '•', '/'),
);
const DATE_LABEL_WORDS = new Set(
  'published posted updated update modified last zuletzt aktualisiert geändert erstellt veröffentlicht stand publié publiée mis publicado publicada actualizado atualizado pubblicato aggiornato'.split(
    ' ',
  ),
);
/** An article or determiner first: a publication's name ("The Guardian", "Die Zeit"), not a person's. */
const ARTICLE_WORDS = new Set('the die der das la le les el los il lo a an'.split(' '));
/** A capitalised name word, or one in capitals ("Jane", "O'Mahony", "Lange-Fricke", "KARRASCH"). */
const NAME_WORD_RE = /^\p{Lu}[\p{L}'’.-]*$/u;
const NAME_PARTICLES = new Set('de da do dos van von del la le di du bin al'.split(' '));
/** "der"/"den" only after "von"/"van" ("Ursula von der Leyen"); elsewhere they are German articles. */
const AFTER_VON_PARTICLES = new Set(['der', 'den']);
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 40;

/**
 * What every date parseDateText reads without a clock holds: a four-digit year, or a numeric date ("06.11.23"). A
 * word-level test (neither fits across a space), so a line without it is skipped and a run of words is only tried
 * when it holds such a word: each try costs a dozen regexes, and most lines near a headline hold no date.
 */
const DATE_CORE_RE = /\d{4}|\d{1,2}([./-])\d{1,2}\1\d{2}/u;

/** Where the date is among the words: the first start, with its longest reading; null without a date. */
function dateWords(words: string[]): { start: number; end: number } | null {
  // coreAt[i]: the first word at or after i that holds a date's core (words.length when none does).
  const coreAt = new Array<number>(words.length + 1).fill(words.length);
  for (let i = words.length - 1; i >= 0; i--) coreAt[i] = DATE_CORE_RE.test(words[i]!) ? i : coreAt[i + 1]!;
  for (let start = 0; start < words.length; start++) {
    if (!mayStartDate(words[start]!)) continue; // a digit, a month or weekday name, a date label
    const core = coreAt[start]!;
    if (core >= start + MAX_DATE_WORDS) continue; // no year within reach: no reading from here
    for (let end = Math.min(words.length, start + MAX_DATE_WORDS); end > core; end--) {
      if (parseDateText(words.slice(start, end).join(' '))) return { start, end };
    }
  }
  return null;
}

const isParticle = (words: string[], i: number): boolean => {
  const word = words[i]!.toLowerCase();
  return (
    NAME_PARTICLES.has(word) ||
    (AFTER_VON_PARTICLES.has(word) && i > 0 && /^v[ao]n$/u.test(words[i - 1]!.toLowerCase()))
  );
};

/**
 * A name: two to four capitalised words (particles between), no digits, not an article-led title, not menu words
 * (navigation vocabulary, or a word the page prints alone as a menu entry: `isMenuEntry`).
 */
function personName(part: string, isMenuEntry: (word: string) => boolean): string | null {
  const words = trimChars(part, ',;:', true, 'both').split(' ').filter(Boolean);
  // Labels and link words end the name ("Evgenia Karp Zuletzt geändert am"): cut at the first one after a name word.
  const cut = words.findIndex((w, i) => i > 0 && DATE_LABEL_WORDS.has(w.toLowerCase()));
  const kept = cut > 0 ? words.slice(0, cut) : words;
  while (kept.length && LINK_WORDS.has(kept[0]!.toLowerCase())) kept.shift();
  // A section label the page also prints alone as a menu entry may follow the name ("AJ Taylor Audio").
  while (kept.length && (LINK_WORDS.has(kept.at(-1)!.toLowerCase()) || isMenuEntry(kept.at(-1)!))) kept.pop();
  if (kept.length < MIN_NAME_WORDS || kept.length > MAX_NAME_WORDS) return null;
  if (ARTICLE_WORDS.has(kept[0]!.toLowerCase())) return null;
  const nameWords = kept.filter((w) => NAME_WORD_RE.test(w));
  const particles = kept.filter((_, i) => isParticle(kept, i));
  if (nameWords.length + particles.length !== kept.length || nameWords.length < MIN_NAME_WORDS) return null;
  if (!NAME_WORD_RE.test(kept[0]!) || !NAME_WORD_RE.test(kept.at(-1)!)) return null;
  const name = kept.join(' ');
  if (name.length > MAX_NAME_CHARS || isNavigationVocabulary(name) || kept.some((w) => isNavigationVocabulary(w)))
    return null;
  return name;
}

/**
 * The name on a date line without a byline marker: the parts of the line around its date (split at " | ", " - ",
 * commas), nearest the date first, the first that is a person's name. Null when the line has no date or no name.
 */
export function nameOnDateLine(line: string, isMenuEntry: (word: string) => boolean = () => false): string | null {
  if (line.length > MAX_DATE_LINE_CHARS || !DATE_CORE_RE.test(line)) return null; // no date to read (DATE_CORE_RE)
  const words = line.replace(/\s+/gu, ' ').trim().split(' ');
  const date = dateWords(words);
  if (!date) return null;
  const before = words.slice(0, date.start).join(' ').split(PART_SEPARATOR_RE).reverse();
  const after = words.slice(date.end).join(' ').split(PART_SEPARATOR_RE);
  // Nearest the date first: the part just before it, then the one just after, then outwards.
  const parts: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (before[i] !== undefined) parts.push(before[i]!);
    if (after[i] !== undefined) parts.push(after[i]!);
  }
  for (const part of parts) {
    const name = personName(part.trim(), isMenuEntry);
    if (name) return name;
  }
  return null;
}
