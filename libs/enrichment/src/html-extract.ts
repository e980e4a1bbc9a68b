import { Readability } from '@mozilla/readability';
import { classifyBlocksInContext, type HtmlBlock, type PrepassKind } from './html-blocks';
import { trimBoilerplateBlocks } from './html-trim';
import {
  decodeHtmlEntities,
  elementText,
  elementTextLength,
  collapsedLength,
  HtmlTooDeepError,
  isElement,
  BLOCK_TAGS,
  parseHtmlDocument,
  TEXT_NODE,
  toArray,
  type DomDocument,
  type DomElement,
  type DomNode,
} from '@wirestream/formats';

export interface HtmlExtraction {
  blocks: HtmlBlock[];
  /** Which path produced the blocks. */
  method: 'readability' | 'density' | 'fallback' | 'readability-alone';
  /** Blocks our pre-pass took out before extraction, by kind (comments, cookie walls, share bars…). */
  removed: Array<{ kind: PrepassKind; text: string }>;
}

const DROP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'link',
  'meta',
];
const CHROME_TAGS: Record<string, PrepassKind> = {
  nav: 'navigation',
  footer: 'footer',
  aside: 'boilerplate',
  menu: 'navigation',
};
const ROLE_KINDS: Record<string, PrepassKind> = {
  navigation: 'navigation',
  contentinfo: 'footer',
  complementary: 'boilerplate',
  banner: 'navigation',
  dialog: 'boilerplate',
  menu: 'navigation',
  menubar: 'navigation',
  search: 'navigation',
};

/**
 * class/id keywords that mark chrome, by the kind we record. A class/id token matches when it is the keyword, starts
 * with it ("comments-area", "share_bar") or, for `suffix` kinds, ends with it after a hyphen ("site-footer",
 * "post-comments"). Tokens are never searched inside: "field--label-hidden", "elementor-widget-wrap" or
 * "with-navigation" are content wrappers on many CMSs.
 */
const CLASS_KEYWORDS: Array<{ kind: PrepassKind; words: string[]; exactOnly?: string[] }> = [
  {
    kind: 'comments',
    words: [
      'comment',
      'comments',
      'commentlist',
      'comment-list',
      'respond',
      'disqus',
      'reactions',
      'replies',
      'leave-reply',
      'kommentare',
      'commentaires',
      'comentarios',
    ],
  },
  {
    kind: 'cookie-notice',
    words: ['cookie', 'cookies', 'consent', 'gdpr', 'cookiebar', 'cookie-banner', 'privacy-banner'],
    exactOnly: ['cmp'],
  },
  {
    kind: 'share-bar',
    words: [
      'share',
      'shares',
      'sharing',
      'sharebar',
      'social',
      'socials',
      'social-media',
      'sociallinks',
      'addthis',
      'shariff',
      'sharethis',
      'share-buttons',
    ],
  },
  { kind: 'newsletter', words: ['newsletter', 'subscribe', 'subscription', 'signup', 'sign-up', 'mailchimp', 'optin'] },
  {
    kind: 'advertisement',
    words: [
      'advert',
      'advertisement',
      'adsense',
      'adslot',
      'ad-slot',
      'ad-container',
      'banner-ad',
      'sponsored',
      'taboola',
      'outbrain',
      'plista',
    ],
    exactOnly: ['ad', 'ads', 'sponsor', 'promo', 'promotion'],
  },
  {
    kind: 'related-link',
    words: [
      'related',
      'related-posts',
      'relatedposts',
      'recommended',
      'recommendations',
      'more-stories',
      'see-also',
      'also-read',
    ],
    exactOnly: ['read-more', 'readmore'],
  },
  {
    kind: 'navigation',
    words: [
      'breadcrumb',
      'breadcrumbs',
      'navbar',
      'navigation',
      'nav',
      'menu',
      'mainmenu',
      'submenu',
      'pagination',
      'pager',
      'skip-link',
      'skiplink',
      'sidebar',
      'tagcloud',
      'post-tags',
      'masthead',
      'site-header',
      'site-footer',
      'footer',
      'author-box',
      'authorbox',
      'about-author',
      'popup',
      'modal',
      'paywall',
    ],
    exactOnly: ['widget', 'widgets', 'tags', 'categories', 'sr-only', 'visually-hidden', 'overlay'],
  },
];
/** Keywords that also mark chrome at the end of a hyphenated token ("site-footer", "post-comments"). */
const SUFFIX_WORDS = new Set([
  'comment',
  'comments',
  'share',
  'sharing',
  'social',
  'related',
  'newsletter',
  'footer',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'sidebar',
]);
const CLASS_RULES = CLASS_KEYWORDS.map(({ kind, words, exactOnly = [] }) => {
  const alt = words.join('|');
  const suffixes = words.filter((w) => SUFFIX_WORDS.has(w));
  return {
    kind,
    exact: new Set([...words, ...exactOnly]),
    prefix: new RegExp(`^(?:${alt})[-_]`, 'u'),
    suffix: suffixes.length ? new RegExp(`-(?:${suffixes.join('|')})$`, 'u') : null,
  };
});

/** The chrome kind an element's class/id marks, if any (see CLASS_KEYWORDS). */
export function chromeKindOfMarker(marker: string): PrepassKind | null {
  if (!marker) return null;
  // "no-share", "without-sidebar": a negated marker says the element is NOT that chrome (often the article itself);
  // "has-sharing", "with-comments": a modifier says what the element comes with, not what it is.
  const tokens = marker
    .toLowerCase()
    .split(/\s+/u)
    .filter((t) => t && !/^(?:no|non|without|has|with)[-_]/u.test(t));
  for (const rule of CLASS_RULES) {
    for (const token of tokens) {
      if (rule.exact.has(token) || rule.prefix.test(token) || rule.suffix?.test(token)) return rule.kind;
    }
  }
  return null;
}

/**
 * Main text of an HTML page: our pre-pass (drops scripts, nav/footer/aside, comments, cookie walls, share bars,
 * ads, related blocks — keeping article/main), then two candidates — Mozilla Readability on linkedom, and our own
 * block classifier over the whole page (html-blocks.ts, jusText/trafilatura-style) — of which one is chosen
 * (chooseCandidate), then the edges are trimmed of dates, captions, related/comment sections (html-trim.ts).
 */
export function extractHtmlMainText(html: string, document?: DomDocument): HtmlExtraction {
  const c = extractHtmlCandidates(html, document);
  const choice = chooseCandidate(c.readability, c.density, c.fallback);
  const blocks = choice.method === 'readability' ? mergeWithClassifier(choice.blocks, c.body, c.keep) : choice.blocks;
  const trimmed = trimBoilerplateBlocks(blocks);
  const extraction: HtmlExtraction = {
    blocks: trimmed.blocks,
    method: choice.method,
    removed: [...c.removed, ...trimmed.removed],
  };
  const kept = chars(trimmed.blocks);
  const suspect =
    c.markerDroppedChars > kept * LOSS_RATIO || (kept < SHORT_RESULT_CHARS && kept < c.pageChars * LOSS_RATIO);
  return suspect ? guardAgainstLoss(html, extraction) : extraction;
}

/**
 * A result this short (characters) is lost-article suspect too when it keeps less than LOSS_RATIO of the page's text:
 * an article the pre-pass or the chooser dropped whole (live commentary in a "…-comments" block, a results table
 * Readability's scoring passed over) leaves a line or two. A short item (a feed entry, a wire brief) is most of its
 * page and is not.
 */
export const SHORT_RESULT_CHARS = 500;

/**
 * Our result is lost-article suspect when it keeps less than this share of what Readability alone keeps; and only
 * then is Readability run alone at all: when the pre-pass dropped, by class/id marker or hidden flag, more than this
 * share of our result's length (an article continued in `#read-more`, sections whose ids are heading slugs), or when
 * the result is under SHORT_RESULT_CHARS and this share of the page's text.
 */
export const LOSS_RATIO = 0.5;
/** Readability's text is article, not chrome, when our classifier keeps at least this share of it. */
const MIN_ARTICLE_SHARE = 0.5;

/**
 * Never lose the article (trafilatura compares its result with its baseline extractors the same way): Readability
 * alone, on the page without our pre-pass, is the candidate; when our result keeps less than LOSS_RATIO of its
 * length and our block classifier reads most of it as article, its blocks (trimmed at the edges like ours) are taken.
 */
function guardAgainstLoss(html: string, ours: HtmlExtraction): HtmlExtraction {
  const candidate = readabilityAloneBlocks(html);
  const candidateChars = chars(candidate);
  if (chars(ours.blocks) >= candidateChars * LOSS_RATIO) return ours;
  const keep = classifyBlocksInContext(candidate);
  const articleChars = candidate.reduce((n, b, i) => n + (keep[i] ? b.text.length : 0), 0);
  if (articleChars < candidateChars * MIN_ARTICLE_SHARE) return ours;
  const trimmed = trimBoilerplateBlocks(candidate);
  return { blocks: trimmed.blocks, method: 'readability-alone', removed: [...ours.removed, ...trimmed.removed] };
}

/** Readability's article on a fresh parse of the page, without our pre-pass (same DOM bounds as the main path). */
function readabilityAloneBlocks(html: string): HtmlBlock[] {
  const doc = parseHtmlDocument(html);
  if (!doc.body) return [];
  flattenDeepNesting(doc.body);
  if (textDepthCost(doc.body) > MAX_READABILITY_COST) return [];
  const article = runReadability(doc);
  return article ? collectBlocks(article) : [];
}

/**
 * Readability's article, completed by our block classifier (as trafilatura completes its own extraction with its
 * fallbacks): blocks the classifier keeps that lie between two of Readability's blocks in page order — lists,
 * tables, short paragraphs and subheadings Readability's scoring dropped inside the article — are put back in
 * place, with the paragraphs there that read as prose though the classifier rejected them (isInnerProse), and the kept blocks right before its first block (the lead, see keptLeadBefore) are put in front.
 * Readability's blocks are located in the page by their exact text; blocks it rewrote stay as they are.
 * (Dropping Readability's trailing blocks that the classifier rejects was measured too: it cost more recall than it
 * won precision, so it is not done.)
 */
export function mergeWithClassifier(readability: HtmlBlock[], body: HtmlBlock[], keep: boolean[]): HtmlBlock[] {
  const positions = new Map<string, number[]>();
  body.forEach((b, i) => {
    const list = positions.get(b.text);
    if (list) list.push(i);
    else positions.set(b.text, [i]);
  });
  const out: HtmlBlock[] = [];
  let previous = -1;
  // `previous` only grows, so each text's list is consumed from a cursor (a search from its start per block was
  // quadratic on pages repeating one text thousands of times).
  const cursors = new Map<string, number>();
  const nextPosition = (text: string): number => {
    const list = positions.get(text);
    if (!list) return -1;
    let c = cursors.get(text) ?? 0;
    while (c < list.length && (list[c] as number) <= previous) c++;
    cursors.set(text, c);
    return c < list.length ? (list[c] as number) : -1;
  };
  for (const b of readability) {
    const j = nextPosition(b.text);
    if (j >= 0) {
      if (previous >= 0) {
        for (let i = previous + 1; i < j; i++)
          if (keep[i] || isInnerProse(body[i] as HtmlBlock)) out.push(body[i] as HtmlBlock);
      } else if (out.length === 0) {
        out.push(...keptLeadBefore(j, body, keep));
      }
      previous = j;
    }
    out.push(b);
  }
  return out;
}

/**
 * A paragraph both extractors dropped between two of Readability's blocks that still reads as prose: at least 60
 * characters, ending a sentence, under 0.2 link density, not a heading; or a list item / table cell of at least 10
 * characters that is not a link (link lists stay out). Inside the article it is the article's.
 */
export function isInnerProse(b: HtmlBlock): boolean {
  if (b.tag === 'li' || b.tag === 'td' || b.tag === 'dd') return b.linkDensity < 0.2 && b.text.length >= 10; // an ingredient, a table cell
  return b.linkDensity < 0.2 && b.text.length >= 60 && /[.!?…"”»]$/u.test(b.text) && !/^h[1-6]$/u.test(b.tag);
}

/** How many classifier-kept blocks right before Readability's first block are taken as the article's lead. */
const MAX_LEAD_BLOCKS = 3;

/**
 * The lead Readability's scoring left out: the classifier-kept blocks immediately before its first block (a
 * subtitle in <h2>, a short teaser paragraph), at most MAX_LEAD_BLOCKS, stopping at the first block the classifier
 * rejects or at the page's <h1> (the headline is trimmed as such anyway).
 */
function keptLeadBefore(first: number, body: HtmlBlock[], keep: boolean[]): HtmlBlock[] {
  const lead: HtmlBlock[] = [];
  for (let i = first - 1; i >= 0 && lead.length < MAX_LEAD_BLOCKS; i--) {
    const block = body[i] as HtmlBlock;
    if (!keep[i] || block.tag === 'h1') break;
    lead.unshift(block);
  }
  return lead;
}

export interface HtmlCandidates {
  /** Readability's article, cut into blocks (empty when it found none). */
  readability: HtmlBlock[];
  /** The page's blocks our classifier keeps. */
  density: HtmlBlock[];
  /** Long, link-poor blocks of the page: the last resort. */
  fallback: HtmlBlock[];
  /** Every block of the page after the pre-pass, and whether the classifier keeps it. */
  body: HtmlBlock[];
  keep: boolean[];
  removed: HtmlExtraction['removed'];
  /**
   * Characters of prose paragraphs the pre-pass dropped by class/id marker or hidden flag (not by tag or role): a loss
   * suspect. Comment sections and cookie notices are not counted: readers' and the site's prose is never the article's.
   */
  markerDroppedChars: number;
  /** Characters of the page's text before the pre-pass dropped chrome (scripts and styles aside); 0 without a DOM. */
  pageChars: number;
}

/**
 * The pre-pass and the three candidates, for the chooser (and for diagnostics). `document`: `html` already parsed
 * by parseHtmlDocument, when the caller has it; it is changed here (pre-pass, Readability), so the caller must not
 * read it afterwards.
 */
export function extractHtmlCandidates(html: string, document?: DomDocument): HtmlCandidates {
  if (countElementTags(html) > MAX_DOM_ELEMENTS) return plainTextCandidates(html);
  let doc: DomDocument;
  try {
    doc = document ?? parseHtmlDocument(html);
  } catch (error) {
    // Nesting past MAX_HTML_DEPTH (an HTML body inside a feed or JSON item: ingest refuses only whole pages that
    // deep): the page is read by the linear scan, never dead-lettered for its shape.
    if (error instanceof HtmlTooDeepError) return plainTextCandidates(html);
    throw error;
  }
  if (doc.body) flattenDeepNesting(doc.body);
  const removed: HtmlExtraction['removed'] = [];
  const { markerDroppedChars, pageChars } = prepass(doc, removed);
  // Both block candidates are read before Readability mutates the tree.
  const bodyBlocks = doc.body ? collectBlocks(doc.body) : [];
  const keep = classifyBlocksInContext(bodyBlocks);
  const density = bodyBlocks.filter((_, i) => keep[i]);
  const fallback = fallbackBlocks(bodyBlocks);
  if (doc.body && isFlatFragment(doc.body)) {
    // Readability's article of a flat fragment is all of it: its blocks are taken as they are, without the run.
    return {
      readability: bodyBlocks,
      density,
      fallback,
      body: bodyBlocks,
      keep,
      removed,
      markerDroppedChars,
      pageChars,
    };
  }
  const article = doc.body && textDepthCost(doc.body) <= MAX_READABILITY_COST ? runReadability(doc) : null;
  const readability = article ? collectBlocks(article) : [];
  return { readability, density, fallback, body: bodyBlocks, keep, removed, markerDroppedChars, pageChars };
}

/** Top-level blocks of a flat fragment. No h1 (Readability drops it), no list, table, figure or wrapper. */
const FLAT_BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
/** Phrasing elements a flat fragment's blocks may hold. */
const FLAT_INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'em',
  'i',
  'mark',
  'q',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);
/**
 * The only attributes a flat fragment's elements carry: Readability's pruning goes by class, id, rel, itemprop,
 * role, style and hidden flags (bylines, share bars, "unlikely candidates"); without any, it has nothing to prune.
 */
const FLAT_ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'datetime', 'cite']);
/** Fragments this long or more (characters of text) are flat enough for Readability's own threshold. */
const FLAT_MIN_CHARS = 300;

/**
 * A wire body as agencies send it (NewsML/NITF XHTML, ninjs body_html, RSS content:encoded): the body holds only
 * paragraphs, subheadings and quotes of phrasing content, no attributes but FLAT_ATTRIBUTES, at least FLAT_MIN_CHARS
 * of text. Readability's article of
 * such a fragment is the whole fragment (its container is the body itself; nothing there is a candidate for its
 * conditional cleaning), so it is not run — it was ~40% of a wire item's extraction (1,440 fragments built from
 * the corpora: same paragraphs either way).
 */
export function isFlatFragment(body: DomElement): boolean {
  let textChars = 0;
  for (const child of toArray(body.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      if ((child.textContent ?? '').trim()) return false;
      continue;
    }
    if (!isElement(child)) continue;
    if (!FLAT_BLOCK_TAGS.has(child.localName) || !hasOnlyFlatAttributes(child)) return false;
    for (const inner of toArray(child.querySelectorAll('*')))
      if (!FLAT_INLINE_TAGS.has(inner.localName) || !hasOnlyFlatAttributes(inner)) return false;
    textChars += (child.textContent ?? '').length;
  }
  return textChars >= FLAT_MIN_CHARS;
}

function hasOnlyFlatAttributes(el: DomElement): boolean {
  for (const name of el.getAttributeNames()) if (!FLAT_ATTRIBUTES.has(name)) return false;
  return true;
}

/**
 * Bounds on the DOM given to Readability and to our own walks, so that no page costs more than linear time or
 * overflows the stack (a <div> nested 1,000 deep took 13.6 s in Readability's cleaning; 5,000 deep overflowed):
 * - MAX_DOM_DEPTH (64): below this depth, wrapper elements (div, span, section, font, b…) are unwrapped — their
 *   children take their place — so deep wrapper nesting is flattened and the text kept;
 * - HARD_DOM_DEPTH (128): below this, every element is unwrapped whatever it is, so no recursive walk ever goes
 *   deeper; MAX_SAME_TAG_NESTING (8) does the same for a tag nested in itself (tables, lists, quotes);
 * - MAX_READABILITY_COST (4M): text × depth over which Readability is skipped;
 * - MAX_DOM_ELEMENTS (5,000 start tags in the source): a bigger page is not parsed into a DOM at all; its text is
 *   cut into blocks at block-level tags by one linear scan of the source and classified by the block classifier
 *   alone (no Readability). 99% of the 990 trafilatura-eval pages have under 3,000; at 5,000 the DOM path takes
 *   ~0.4 s, and it grows to seconds beyond.
 */
export const MAX_DOM_DEPTH = 64;
/**
 * Readability reads the text of every ancestor of every paragraph again (scoring, normalising spaces), so its cost
 * is the page's text weighted by depth: Σ over text nodes of length × depth. Over this many characters (a real
 * 50 KB article at depth 20 is 1M) it is skipped and the block classifier alone extracts: 100 KB of text 70
 * lists deep took 1.2 s in Readability.
 */
export const MAX_READABILITY_COST = 4_000_000;
export const HARD_DOM_DEPTH = 2 * MAX_DOM_DEPTH;
/**
 * A non-wrapper element inside this many kept ancestors of its own tag is unwrapped too: tables in tables, lists in lists and
 * quotes in quotes are a few levels deep on real pages, and Readability compares nested tables pairwise (128 nested
 * tables took 0.6 s in its data-table pass).
 */
export const MAX_SAME_TAG_NESTING = 8;
export const MAX_DOM_ELEMENTS = 5_000;

/** Elements that only group others: unwrapping them loses no block boundary that matters to extraction. */
const WRAPPER_TAGS = new Set([
  'div',
  'span',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'font',
  'center',
  'b',
  'i',
  'u',
  's',
  'em',
  'strong',
  'small',
  'big',
  'mark',
  'sub',
  'sup',
  'strike',
  'figure',
  'form',
  'fieldset',
  'details',
  'label',
  'abbr',
  'cite',
  'q',
  'ins',
  'del',
  'bdi',
  'bdo',
  'data',
  'time',
  'var',
  'kbd',
  'code',
  'samp',
  'tt',
  'nobr',
  'blink',
  'marquee',
  'picture',
  'hgroup',
  'address',
]);

/**
 * Start tags ("<" then a letter) and stray "<" (not a tag, comment or end tag) in an HTML source, without parsing
 * it: an upper bound on the nodes the parser builds from them — linkedom makes a node of each stray "<", so 100k of
 * them in a body cost as much as 100k elements (3.5 s in Readability before they counted). Script and style
 * contents are skipped (their "<" are code, and become one text node).
 */
export function countElementTags(html: string): number {
  let count = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    if (next === 47 /* / */ || next === 33 /* ! */ || next === 63 /* ? */) continue;
    count++;
    const raw = rawTextElementAt(html, i);
    if (raw) {
      const end = indexOfIgnoringCase(html, `</${raw}`, i + 1);
      if (end < 0) break;
      i = end;
    }
  }
  return count;
}

/** `script` or `style` when a start tag of one begins at `at`. */
function rawTextElementAt(html: string, at: number): 'script' | 'style' | null {
  for (const name of ['script', 'style'] as const) {
    if (html.slice(at + 1, at + 1 + name.length).toLowerCase() !== name) continue;
    const after = html.charCodeAt(at + 1 + name.length);
    if (after === 62 /* > */ || after === 32 || after === 9 || after === 10 || after === 13 || after === 47)
      return name;
  }
  return null;
}

/** indexOf for an ASCII needle, ignoring case; linear (the needle is a few characters). */
function indexOfIgnoringCase(html: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  const upper = needle.toUpperCase();
  for (let i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
    let k = 1;
    while (k < needle.length && (html[i + k] === lower[k] || html[i + k] === upper[k])) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Unwraps elements nested deeper than the limits above (see MAX_DOM_DEPTH); iterative, linear in the element count. */
export function flattenDeepNesting(root: DomElement): void {
  const unwrap: DomElement[] = [];
  // Kept ancestors of each tag on the current path (an exit entry undoes its element's count).
  const sameTag = new Map<string, number>();
  const stack: Array<{ el: DomElement; depth: number; exit?: true }> = [{ el: root, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { el, depth } = top;
    const tag = el.localName;
    if (top.exit) {
      sameTag.set(tag, (sameTag.get(tag) ?? 1) - 1);
      continue;
    }
    const wrapper = WRAPPER_TAGS.has(tag);
    const goes =
      depth > HARD_DOM_DEPTH || (wrapper ? depth > MAX_DOM_DEPTH : (sameTag.get(tag) ?? 0) >= MAX_SAME_TAG_NESTING);
    if (goes) unwrap.push(el);
    else {
      sameTag.set(tag, (sameTag.get(tag) ?? 0) + 1);
      stack.push({ el, depth, exit: true });
    }
    const childDepth = goes ? depth : depth + 1;
    for (const child of toArray(el.children)) stack.push({ el: child, depth: childDepth });
  }
  for (const el of unwrap) if (el.parentNode) el.replaceWith(...toArray(el.childNodes));
}

/** Σ over the text nodes under `root` of length × depth (see MAX_READABILITY_COST); iterative. */
export function textDepthCost(root: DomElement): number {
  let cost = 0;
  const stack: Array<{ node: DomNode; depth: number }> = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, depth } = top;
    if (node.nodeType === TEXT_NODE) cost += (node.textContent ?? '').length * depth;
    else if (isElement(node))
      for (const child of toArray(node.childNodes)) stack.push({ node: child, depth: depth + 1 });
  }
  return cost;
}

/** Tags whose content is not text of the page. */
const SKIPPED_CONTENT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'textarea',
  'title',
  'select',
  'object',
  'iframe',
]);

/**
 * Blocks of a page too big for the DOM path: one forward scan of the source, text cut at block-level tags (and
 * <br>), comments and script/style content skipped, entities decoded. No link information (density 0).
 */
export function plainTextBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let text = '';
  const flush = (): void => {
    const clean = decodeHtmlEntities(text).replace(/\s+/gu, ' ').trim();
    if (clean) blocks.push({ text: clean, links: [], linkDensity: 0, tag: 'p' });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < html.length && isAsciiAlnum(html.charCodeAt(nameEnd), nameEnd === nameStart)) nameEnd++;
    if (nameEnd === nameStart && html[lt + 1] !== '!' && html[lt + 1] !== '?' && !closing) {
      text += '<'; // "a < b": text, not a tag
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // an unterminated tag ends the page
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    i = gt + 1;
    if (!name) continue;
    if (!closing && SKIPPED_CONTENT_TAGS.has(name)) {
      const end = new RegExp(`</${name}\\b`, 'giu');
      end.lastIndex = i;
      const found = end.exec(html);
      const after = found ? html.indexOf('>', found.index) : -1;
      i = after < 0 ? html.length : after + 1;
      continue;
    }
    if (BLOCK_TAGS.has(name)) flush();
  }
  flush();
  return blocks;
}

/** A-Z, a-z, and (after the first character) 0-9. */
function isAsciiAlnum(code: number, first: boolean): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (!first && code >= 48 && code <= 57);
}

function plainTextCandidates(html: string): HtmlCandidates {
  const body = plainTextBlocks(html);
  const keep = classifyBlocksInContext(body);
  return {
    readability: [],
    density: keptRegion(body, keep),
    fallback: fallbackBlocks(body),
    body,
    keep,
    removed: [],
    markerDroppedChars: 0,
    pageChars: 0,
  };
}

/**
 * The classifier's text region: the blocks it keeps, and between its first and last kept block the prose paragraphs
 * and list items it rejected (isInnerProse) — what mergeWithClassifier puts back inside Readability's span, for a
 * page without Readability (too big for the DOM path: a long Wikipedia article kept 0.64 of its text, now 0.96).
 */
export function keptRegion(body: HtmlBlock[], keep: boolean[]): HtmlBlock[] {
  const first = keep.indexOf(true);
  const last = keep.lastIndexOf(true);
  return body.filter((b, i) => keep[i] || (i > first && i < last && isInnerProse(b)));
}

const chars = (blocks: HtmlBlock[]): number => blocks.reduce((n, b) => n + b.text.length, 0);

/**
 * Readability unless it clearly failed: nothing found, or our classifier found more than 1.5 times as much text (it
 * kept a fragment — one section of a split article, a teaser box). With neither, the fallback blocks.
 */
export function chooseCandidate(
  readability: HtmlBlock[],
  density: HtmlBlock[],
  fallback: HtmlBlock[],
): { blocks: HtmlBlock[]; method: HtmlExtraction['method'] } {
  const r = chars(readability);
  const d = chars(density);
  if (r === 0 && d === 0) return { blocks: fallback, method: 'fallback' };
  if (r === 0 || d > 1.5 * r) return { blocks: density, method: 'density' };
  return { blocks: readability, method: 'readability' };
}

function runReadability(doc: DomDocument): DomElement | null {
  try {
    const result = new Readability<DomElement>(doc as never, {
      charThreshold: 300,
      keepClasses: true,
      serializer: (node) => node as unknown as DomElement,
    }).parse();
    return result?.content ?? null;
  } catch {
    return null; // Readability trips over some exotic markup; the fallback covers it.
  }
}

/**
 * Drops chrome from the page (see extractHtmlMainText); returns the characters of prose dropped by class/id marker or
 * hidden flag, and the page's text length before any chrome was dropped.
 */
/**
 * Marker drops that never hold the article, so their prose is no loss suspect: a blog's comment section, often longer
 * than the post, made the guard re-parse the page and run Readability again on 64 of 400 trafilatura-eval pages,
 * and on none of them was that result taken.
 */
const NEVER_ARTICLE_KINDS: ReadonlySet<PrepassKind> = new Set(['comments', 'cookie-notice']);

function prepass(
  doc: DomDocument,
  removed: HtmlExtraction['removed'],
): { markerDroppedChars: number; pageChars: number } {
  unwrapTemplatedArticleBodies(doc);
  for (const el of toArray(doc.querySelectorAll(DROP_TAGS.join(',')))) el.remove();
  const body = doc.body;
  if (!body) return { markerDroppedChars: 0, pageChars: 0 };
  const pageChars = elementTextLength(body);
  const bodyChars = Math.max(1, pageChars);
  const articleChars = new Map<DomElement, number>();
  let markerDropped = 0;
  const drop = (el: DomElement, kind: PrepassKind, byMarker = false): void => {
    const text = elementText(el);
    if (byMarker && !NEVER_ARTICLE_KINDS.has(kind)) markerDropped += paragraphChars(el);
    if (text) removed.push({ kind, text: text.length > 300 ? `${text.slice(0, 297)}…` : text });
    el.remove();
  };

  for (const el of toArray(body.querySelectorAll('*'))) {
    if (!el.parentNode) continue; // already removed with an ancestor
    const tag = el.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') continue;
    if (
      el.hasAttribute('hidden') ||
      el.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(el.getAttribute('style') ?? '')
    ) {
      if (!containsMainContent(el)) drop(el, 'boilerplate', true);
      continue;
    }
    const tagKind = CHROME_TAGS[tag] ?? ROLE_KINDS[(el.getAttribute('role') ?? '').toLowerCase()];
    if (tagKind) {
      if (!containsMainContent(el)) drop(el, tagKind);
      continue;
    }
    if (tag === 'header' && !el.closest('article,main')) {
      // A page header holding the headline is the article's own header (title, lead, byline): left to the extractors.
      if (!containsMainContent(el) && !el.querySelector('h1')) drop(el, 'navigation');
      continue;
    }
    // A heading's id is usually an anchor made from its text ("nav_nur_die_folie__1"), not a role: only its class counts.
    const marker =
      `${/^h[1-6]$/u.test(tag) ? '' : el.id} ${typeof el.className === 'string' ? el.className : ''}`.trim();
    if (!marker) continue;
    const kind = chromeKindOfMarker(marker);
    // Inside code, class names are a syntax highlighter's tokens ("token comment", "hljs-keyword"): code, not chrome.
    if (!kind || containsMainContent(el) || el.closest('pre,code')) continue;
    const length = elementTextLength(el);
    if (length <= bodyChars * 0.5 && !holdsMostOfArticle(el, length, articleChars)) drop(el, kind, true);
  }
  return { markerDroppedChars: markerDropped, pageChars };
}

/**
 * Characters of an element's article-like paragraphs: <p> of at least MIN_LOST_PARAGRAPH characters with no link
 * text to speak of. A dropped menu, link list, teaser box or cookie notice has next to none; a dropped article
 * continuation or section is made of them.
 */
function paragraphChars(el: DomElement): number {
  let total = 0;
  for (const p of el.localName === 'p' ? [el] : toArray(el.querySelectorAll('p'))) {
    const text = elementText(p);
    if (text.length < MIN_LOST_PARAGRAPH) continue;
    let linked = 0;
    for (const a of toArray(p.querySelectorAll('a'))) linked += elementTextLength(a);
    if (linked < text.length * 0.2) total += text.length;
  }
  return total;
}
const MIN_LOST_PARAGRAPH = 150;

/**
 * Some templates (Blogger's among them) ship the article body as HTML inside `<script type="text/template">` in the
 * article-body element, rendered by script: when that element holds nothing else, the template is its content.
 */
function unwrapTemplatedArticleBodies(doc: DomDocument): void {
  for (const script of toArray(doc.querySelectorAll('script[type="text/template"]'))) {
    const parent = script.parentElement;
    if (
      !parent ||
      parent.closest(
        '[itemprop="articleBody"],.post-body,.post-content,.entry-content,.article-body,.article-content',
      ) !== parent
    )
      continue;
    const outside = toArray(parent.childNodes).filter(
      (n) => n !== script && !(isElement(n) && DROP_TAGS.includes(n.localName)),
    );
    if (outside.some((n) => (n.textContent ?? '').trim())) continue;
    parent.innerHTML = script.textContent ?? '';
  }
}

/**
 * True when a class-marked element is most of the text of the article or main region it sits in: it is the article
 * itself, whatever its class says ("entry themeform share", "box article modal-enabled", a Blogger "widget Blog").
 */
function holdsMostOfArticle(el: DomElement, length: number, cache: Map<DomElement, number>): boolean {
  const region = el.parentElement?.closest('article,main,[role="main"]');
  if (!region) return false;
  let total = cache.get(region);
  if (total === undefined) {
    total = elementTextLength(region);
    cache.set(region, total);
  }
  return length >= 200 && length >= total * 0.6;
}

function containsMainContent(el: DomElement): boolean {
  return !!el.querySelector(
    'article,main,[itemprop="articleBody"],.entry-content,.post-body,.post-content,.article-body,.article-content',
  );
}

/** Paragraph-like blocks of reasonable length and low link density, in page order. */
function fallbackBlocks(blocks: HtmlBlock[]): HtmlBlock[] {
  return blocks.filter((b) => b.linkDensity < 0.5 && (b.text.length >= 60 || /^h[1-6]$/u.test(b.tag)));
}

/** Walks an element and cuts its text into blocks at block-level tags (and <br>), keeping each block's links. */
export function collectBlocks(root: DomElement): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let text = '';
  let linkChars = 0;
  let links: HtmlBlock['links'] = [];
  let tag = 'p';
  let cellDepth = 0;
  const flush = (): void => {
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (clean)
      blocks.push({
        text: clean,
        links,
        linkDensity: Math.min(1, linkChars / clean.length),
        tag,
        ...(cellDepth > 0 ? { inCell: true as const } : {}),
      });
    text = '';
    linkChars = 0;
    links = [];
  };
  const walk = (node: DomNode, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linkChars += collapsedLength(value);
      return;
    }
    if (!isElement(node)) return;
    const name = node.localName;
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) {
      flush();
      tag = name;
    }
    if (name === 'a') {
      const href = node.getAttribute('href');
      const linkText = elementText(node);
      if (href && linkText) links.push({ text: linkText, href });
    }
    const cell = name === 'td' || name === 'th';
    if (cell) {
      text += ' ';
      cellDepth++;
    }
    for (const child of toArray(node.childNodes)) walk(child, inLink || name === 'a');
    if (isBlock) {
      flush();
      tag = 'p';
    }
    if (cell) cellDepth--;
  };
  walk(root, false);
  return blocks;
}
