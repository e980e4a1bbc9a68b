/**
 * Block-level main-text classification in the manner of jusText (Pomikálek) and trafilatura (Barbaresi): every
 * block of the page is scored on its own (length, link density, stop-word density, punctuation, tag, boilerplate
 * markers on its ancestors) and then re-classified by its neighbours, so short lines inside the article survive and
 * short lines among menus and comments do not. Pure functions over plain block records.
 */
import { ANY_LANGUAGE_STOPWORDS } from './stopwords';

/** One block of text from an HTML page, with the links it carries (for "Read more:" → relatedLinks). */
export interface HtmlBlock {
  text: string;
  links: Array<{ text: string; href: string }>;
  /** Share of the block's characters inside <a> elements. */
  linkDensity: number;
  tag: string;
  /** Set when the block lies inside a table cell (a <p> in a <td>): not a section heading whatever it says. */
  inCell?: true;
}

/** Why a block was taken out of the page: by the pre-pass before extraction, or by trimming after it. */
export type PrepassKind =
  | 'headline'
  | 'navigation'
  | 'footer'
  | 'comments'
  | 'cookie-notice'
  | 'share-bar'
  | 'newsletter'
  | 'advertisement'
  | 'related-link'
  | 'boilerplate';

/** A block as the classifier sees it. */
export interface ScoredBlockInput {
  text: string;
  tag: string;
  linkDensity: number;
  /** class/id tokens of the block's ancestors that mark chrome (comments, related, footer…), if any. */
  chromeMarker?: boolean;
}

export type BlockClass = 'good' | 'near-good' | 'short' | 'bad';

const LENGTH_LOW = 70;
const LENGTH_HIGH = 200;
const STOPWORDS_LOW = 0.2;
const STOPWORDS_HIGH = 0.28;
const MAX_LINK_DENSITY = 0.3;
const MAX_HEADING_DISTANCE = 200;

const COPYRIGHT_RE =
  /(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)/iu;
const HEADING_RE = /^h[1-6]$/u;

/** Share of a text's words that are stop words (any of our languages). */
export function stopwordDensity(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}’']+/gu);
  if (!words || words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ANY_LANGUAGE_STOPWORDS.has(w)) hits += 1;
  return hits / words.length;
}

/** Context-free class of one block (jusText's first pass). */
export function classifyBlock(block: ScoredBlockInput): BlockClass {
  const length = block.text.length;
  if (block.chromeMarker) return 'bad';
  if (block.linkDensity > MAX_LINK_DENSITY) return 'bad';
  if (length < 400 && COPYRIGHT_RE.test(block.text)) return 'bad';
  if (length < LENGTH_LOW) return block.linkDensity > 0 ? 'bad' : 'short';
  const sw = stopwordDensity(block.text);
  if (sw >= STOPWORDS_HIGH) return length > LENGTH_HIGH ? 'good' : 'near-good';
  if (sw >= STOPWORDS_LOW) return 'near-good';
  // Prose without our stop words (another language, lists of terms) still reads like prose when it is long and punctuated.
  if (length > LENGTH_HIGH * 2 && /[.!?。]["”’»)]?\s/u.test(block.text)) return 'near-good';
  return 'bad';
}

/**
 * jusText's context pass: short and near-good blocks take the class of their neighbours (short blocks between good
 * ones are good; near-good next to good is good), headings close before good text are kept. Returns one flag per
 * block: keep it or not.
 */
export function classifyBlocksInContext(blocks: ScoredBlockInput[]): boolean[] {
  const initial = blocks.map(classifyBlock);
  const classes: BlockClass[] = [...initial];
  const n = classes.length;

  // Nearest class in each direction, skipping short blocks (and near-good ones for the "GB" arrays), as one sweep
  // per direction: a scan per block was quadratic on pages of thousands of short blocks.
  const sweep = (from: BlockClass[], step: 1 | -1, stopAtNearGood: boolean): BlockClass[] => {
    const out = new Array<BlockClass>(n);
    let last: BlockClass = 'bad';
    for (let k = 0; k < n; k++) {
      const i = step === 1 ? n - 1 - k : k; // looking forward: sweep from the end
      out[i] = last;
      const c = from[i] ?? 'bad';
      if (c === 'good' || c === 'bad' || (stopAtNearGood && c === 'near-good')) last = c;
    }
    return out;
  };

  // Short blocks: good only when both sides are good; bad when both bad; otherwise look past near-good.
  const prevGB = sweep(classes, -1, false);
  const nextGB = sweep(classes, 1, false);
  const prevNear = sweep(classes, -1, true);
  const nextNear = sweep(classes, 1, true);
  const next: BlockClass[] = [...classes];
  classes.forEach((c, i) => {
    if (c !== 'short') return;
    const prev = prevGB[i] ?? 'bad';
    const nxt = nextGB[i] ?? 'bad';
    if (prev === 'good' && nxt === 'good') next[i] = 'good';
    else if (prev === 'bad' && nxt === 'bad') next[i] = 'bad';
    else
      next[i] =
        (prev === 'bad' && nextNear[i] === 'near-good') || (prevNear[i] === 'near-good' && nxt === 'bad')
          ? 'good'
          : 'bad';
  });
  next.forEach((c, i) => {
    classes[i] = c;
  });

  // Near-good blocks: good next to good, bad between bads. Looking back sees the blocks already re-classified.
  const following = sweep(classes, 1, false);
  let preceding: BlockClass = 'bad';
  classes.forEach((c, i) => {
    if (c === 'near-good') classes[i] = preceding === 'bad' && following[i] === 'bad' ? 'bad' : 'good';
    const now = classes[i];
    if (now === 'good' || now === 'bad') preceding = now;
  });

  // Headings right before good text are part of it.
  blocks.forEach((b, i) => {
    if (!HEADING_RE.test(b.tag) || initial[i] === 'bad' || classes[i] === 'good') return;
    let distance = 0;
    for (let j = i + 1; j < blocks.length && distance <= MAX_HEADING_DISTANCE; j++) {
      if (classes[j] === 'good') {
        classes[i] = 'good';
        break;
      }
      distance += blocks[j]?.text.length ?? 0;
    }
  });

  return classes.map((c) => c === 'good');
}
