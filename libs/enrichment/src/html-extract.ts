import { Readability } from '@mozilla/readability';
import { elementText, isElement, parseHtmlDocument, takeParsedDocument, TEXT_NODE, toArray, type DomDocument, type DomElement, type DomNode } from '@wirestream/formats';

/** One block of text from an HTML page, with the links it carries (for "Read more:" → relatedLinks). */
export interface HtmlBlock {
  text: string;
  links: Array<{ text: string; href: string }>;
  /** Share of the block's characters inside <a> elements. */
  linkDensity: number;
  tag: string;
}

export interface HtmlExtraction {
  blocks: HtmlBlock[];
  /** Which path produced the blocks. */
  method: 'readability' | 'fallback';
  /** Blocks our pre-pass took out before extraction, by kind (comments, cookie walls, share bars…). */
  removed: Array<{ kind: PrepassKind; text: string }>;
}

export type PrepassKind = 'navigation' | 'footer' | 'comments' | 'cookie-notice' | 'share-bar' | 'newsletter' | 'advertisement' | 'related-link' | 'boilerplate';

const DROP_TAGS = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea', 'dialog', 'link', 'meta'];
const CHROME_TAGS: Record<string, PrepassKind> = { nav: 'navigation', footer: 'footer', aside: 'boilerplate', menu: 'navigation' };
const ROLE_KINDS: Record<string, PrepassKind> = { navigation: 'navigation', contentinfo: 'footer', complementary: 'boilerplate', banner: 'navigation', dialog: 'boilerplate', menu: 'navigation', menubar: 'navigation', search: 'navigation' };

/** class/id tokens that mark chrome, mapped to the kind we record. Matched as whole words within class/id. */
const CLASS_KINDS: Array<[RegExp, PrepassKind]> = [
  [/(?:^|[\s_-])(?:comments?|commentlist|comment-list|respond|disqus|reactions|replies|leave-reply)(?:$|[\s_-])/iu, 'comments'],
  [/(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|cookiebar|cookie-banner|privacy-banner)(?:$|[\s_-])/iu, 'cookie-notice'],
  [/(?:^|[\s_-])(?:share|shares|sharing|sharebar|social|socials|social-media|sociallinks|addthis|shariff|sharethis)(?:$|[\s_-])/iu, 'share-bar'],
  [/(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|mailchimp|optin)(?:$|[\s_-])/iu, 'newsletter'],
  [/(?:^|[\s_-])(?:advert|advertisement|ads|adsense|adslot|ad-slot|ad-container|banner-ad|sponsored|sponsor|promo|promotion|taboola|outbrain|plista)(?:$|[\s_-])/iu, 'advertisement'],
  [/(?:^|[\s_-])(?:related|related-posts|relatedposts|recommended|recommendations|more-stories|read-more|readmore|see-also|also-read)(?:$|[\s_-])/iu, 'related-link'],
  [/(?:^|[\s_-])(?:breadcrumbs?|breadcrumb|navbar|navigation|nav|menu|mainmenu|submenu|pagination|pager|skip-link|skiplink|sidebar|widget|widgets|tagcloud|tags|post-tags|categories|masthead|site-header|site-footer|footer|author-box|authorbox|about-author|popup|modal|overlay|paywall|print-only|sr-only|visually-hidden|hidden)(?:$|[\s_-])/iu, 'navigation'],
];

/**
 * Main text of an HTML page: our pre-pass (drops scripts, nav/footer/aside, comments, cookie walls, share bars,
 * ads, related blocks — keeping article/main), then Mozilla Readability on linkedom, then block collection.
 * Falls back to a density-based block pick when Readability finds nothing or far less than the page holds.
 */
export function extractHtmlMainText(html: string): HtmlExtraction {
  const doc = takeParsedDocument(html) ?? parseHtmlDocument(html);
  const removed: HtmlExtraction['removed'] = [];
  prepass(doc, removed);

  // The fallback candidate is computed before Readability mutates the tree.
  const root = pickContentRoot(doc);
  const fallback = root ? fallbackBlocks(root) : [];
  const fallbackChars = fallback.reduce((n, b) => n + b.text.length, 0);

  const article = runReadability(doc);
  const blocks = article ? collectBlocks(article) : [];
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  if (blocks.length === 0 || chars < fallbackChars * 0.3) return { blocks: fallback, method: 'fallback', removed };
  return { blocks, method: 'readability', removed };
}

function runReadability(doc: DomDocument): DomElement | null {
  try {
    const result = new Readability<DomElement>(doc as never, { charThreshold: 300, keepClasses: true, serializer: (node) => node as unknown as DomElement }).parse();
    return result?.content ?? null;
  } catch {
    return null; // Readability trips over some exotic markup; the fallback covers it.
  }
}

function prepass(doc: DomDocument, removed: HtmlExtraction['removed']): void {
  for (const el of toArray(doc.querySelectorAll(DROP_TAGS.join(',')))) el.remove();
  const body = doc.body;
  if (!body) return;
  const bodyChars = Math.max(1, elementText(body).length);
  const drop = (el: DomElement, kind: PrepassKind): void => {
    const text = elementText(el);
    if (text) removed.push({ kind, text: text.length > 300 ? `${text.slice(0, 297)}…` : text });
    el.remove();
  };

  for (const el of toArray(body.querySelectorAll('*'))) {
    if (!el.parentNode) continue; // already removed with an ancestor
    const tag = el.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') continue;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(el.getAttribute('style') ?? '')) {
      if (!containsMainContent(el)) drop(el, 'boilerplate');
      continue;
    }
    const tagKind = CHROME_TAGS[tag] ?? ROLE_KINDS[(el.getAttribute('role') ?? '').toLowerCase()];
    if (tagKind) {
      if (!containsMainContent(el)) drop(el, tagKind);
      continue;
    }
    if (tag === 'header' && !el.closest('article,main')) {
      if (!containsMainContent(el)) drop(el, 'navigation');
      continue;
    }
    const marker = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`.trim();
    if (!marker) continue;
    for (const [re, kind] of CLASS_KINDS) {
      if (!re.test(marker)) continue;
      if (containsMainContent(el) || elementText(el).length > bodyChars * 0.5) break;
      drop(el, kind);
      break;
    }
  }
}

function containsMainContent(el: DomElement): boolean {
  return !!el.querySelector('article,main,[itemprop="articleBody"]');
}

function pickContentRoot(doc: DomDocument): DomElement | null {
  const candidates = toArray(doc.querySelectorAll('[itemprop="articleBody"],article,main,[role="main"]'));
  let best: DomElement | null = null;
  let bestChars = 0;
  for (const el of candidates) {
    const chars = elementText(el).length;
    if (chars > bestChars) {
      best = el;
      bestChars = chars;
    }
  }
  return bestChars > 400 ? best : doc.body;
}

/** Paragraph-like blocks of reasonable length and low link density, in page order. */
function fallbackBlocks(root: DomElement): HtmlBlock[] {
  return collectBlocks(root).filter((b) => b.linkDensity < 0.5 && (b.text.length >= 60 || /^h[1-6]$/u.test(b.tag)));
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'br', 'address', 'details', 'summary', 'center', 'form', 'fieldset',
]);

/** Walks an element and cuts its text into blocks at block-level tags (and <br>), keeping each block's links. */
export function collectBlocks(root: DomElement): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let text = '';
  let linkChars = 0;
  let links: HtmlBlock['links'] = [];
  let tag = 'p';
  const flush = (): void => {
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (clean) blocks.push({ text: clean, links, linkDensity: Math.min(1, linkChars / clean.length), tag });
    text = '';
    linkChars = 0;
    links = [];
  };
  const walk = (node: DomNode, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linkChars += value.replace(/\s+/gu, ' ').trim().length;
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
    if (name === 'td' || name === 'th') text += ' ';
    for (const child of toArray(node.childNodes)) walk(child, inLink || name === 'a');
    if (isBlock) {
      flush();
      tag = 'p';
    }
  };
  walk(root, false);
  return blocks;
}
