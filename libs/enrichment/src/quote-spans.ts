/** Where direct quotes are in a paragraph: the quote marks of en/es/fr/de/pt/it and dialogue dashes. */

export interface QuoteSpan {
  /** Offset of the opening mark (or dash). */
  start: number;
  /** Offset just past the closing mark (or the end of the quoted part of a dialogue line). */
  end: number;
  inner: string;
}

/**
 * Each opening mark and the marks that may close it. German opens with „ and closes with “ (or ”), and writes
 * »…« where French writes «…»; sites mix straight and curly marks (“…"). ‹…› is the single guillemet pair.
 * Single quotes ‘…’ and German ‚…‘ double as apostrophes (don’t, ‘90s), so SINGLE_QUOTE tells them apart.
 */
const CLOSERS: Record<string, string> = {
  '“': '”"',
  '"': '"”',
  '«': '»',
  '„': '“”"',
  '»': '«',
  '‹': '›',
  '‘': '’',
  '‚': '‘’',
};
/** Single-quote openers: only before a letter and after no letter or digit (not “rock ‘n’ roll” inside a word). */
const SINGLE_OPENERS = '‘‚';
/** Marks that open or close a double quote: a single-quoted span holding one is a quote within a quote, not read. */
const DOUBLE_MARKS = '“”"«»„';
/** A line of dialogue opens with a dash: "— No lo sé —dijo Ana—. Mañana." */
const DIALOGUE_DASHES = '—–―';

/**
 * Quote spans left to right, none nested in another. Plain string search with one memo per closing mark: the
 * next position of each closer only moves forward, so the whole scan is linear however many marks are unclosed.
 */
export function quoteSpans(paragraph: string): QuoteSpan[] {
  const dialogue = dialogueSpan(paragraph);
  if (dialogue) return [dialogue];
  const spans: QuoteSpan[] = [];
  const next = new Map<string, number>();
  // A closing single quote is no apostrophe: no letter or digit follows it. The memo stays the first such mark.
  const isCloser = (mark: string, at: number): boolean =>
    (mark !== '’' && mark !== '‘') || !/[\p{L}\p{N}]/u.test(paragraph[at + 1] ?? '');
  const nextIndex = (mark: string, from: number): number => {
    const known = next.get(mark);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    let found = paragraph.indexOf(mark, from);
    while (found >= 0 && !isCloser(mark, found)) found = paragraph.indexOf(mark, found + 1);
    next.set(mark, found);
    return found;
  };
  const nextDouble = (from: number): number => {
    let first = -1;
    for (const mark of DOUBLE_MARKS) {
      const at = nextIndex(mark, from);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  };
  // The next “ that opens (after a space) or closes (before no letter or digit) a quote, memoised like nextIndex: “…“
  // typed with the opening mark twice closes at a “ in closing position, unless another quote opens first.
  let decisive: number | null = null;
  const nextDecisiveMark = (from: number): number => {
    if (decisive !== null && (decisive < 0 || decisive >= from)) return decisive;
    let k = paragraph.indexOf('“', from);
    while (k >= 0 && !/\s/u.test(paragraph[k - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(paragraph[k + 1] ?? ''))
      k = paragraph.indexOf('“', k + 1);
    decisive = k;
    return k;
  };
  // A native search jumps to each opening mark; the loop never visits the characters in between.
  const openers = /[“"«„»‹]|(?<![\p{L}\p{N}])[‘‚](?=\p{L})/gu;
  for (let match = openers.exec(paragraph); match; match = openers.exec(paragraph)) {
    const i = match.index;
    const closers = CLOSERS[match[0]] ?? '';
    let j = -1;
    for (const mark of closers) {
      const at = nextIndex(mark, i + 1);
      if (at >= 0 && (j < 0 || at < j)) j = at;
    }
    // “…“ typed with the opening mark twice: a “ after a non-space and before no letter closes the quote.
    if (j < 0 && match[0] === '“') {
      const k = nextDecisiveMark(i + 1);
      j = k > 0 && !/\s/u.test(paragraph[k - 1] as string) ? k : -1;
    }
    if (j <= i + 1) continue; // unclosed or empty: no quote opens here
    if (SINGLE_OPENERS.includes(match[0])) {
      const double = nextDouble(i + 1);
      if (double >= 0 && double < j) continue; // a quote within a quote, or an apostrophe before one
    }
    spans.push({ start: i, end: j + 1, inner: paragraph.slice(i + 1, j) });
    openers.lastIndex = j + 1;
  }
  return spans;
}

/** A dash, a name label of one to four capitalised words, a colon and an opening quote mark. */
const LABELLED_QUOTE_RE = /^[—–―]\s*\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3}\s?:\s*[“"«„»]/u;

/**
 * A paragraph opening with a dialogue dash: the quote runs to the next dash that starts an inserted attribution
 * ("—dijo Ana—", " – sagte er") or to the end; `end` points at that dash so the attribution reads as "after".
 */
function dialogueSpan(paragraph: string): QuoteSpan | null {
  const first = paragraph[0];
  if (first === undefined || !DIALOGUE_DASHES.includes(first) || !/\s|\p{L}|¿|¡/u.test(paragraph[1] ?? '')) return null;
  // "— Gómez: «Vamos a …»": an interview's name label before a quote in marks, no dialogue line.
  if (LABELLED_QUOTE_RE.test(paragraph)) return null;
  let end = paragraph.length;
  for (let k = 2; k < paragraph.length; k++) {
    if (DIALOGUE_DASHES.includes(paragraph[k] as string) && /\s/u.test(paragraph[k - 1] as string)) {
      end = k;
      break;
    }
  }
  const inner = paragraph.slice(1, end);
  return inner.trim() ? { start: 0, end: end + 1, inner } : null;
}
