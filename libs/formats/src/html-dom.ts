import { parseHTML } from 'linkedom';
import { HtmlTooDeepError } from './errors';
import { VOID_ELEMENTS } from './xml';

/**
 * The small slice of the DOM our HTML passes use. We compile without the DOM lib (this is server code), so the
 * linkedom document is viewed through these structural types.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  remove(): void;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  innerHTML: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  contains(other: DomNode): boolean;
  replaceWith(...nodes: DomNode[]): void;
  appendChild(node: DomNode): DomNode;
}

export interface DomDocument {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const COMMENT_NODE = 8;

/** Parses an HTML page into a (linkedom) document. Never throws on malformed markup; pure CPU work, no I/O. */
export function parseHtmlDocument(html: string): DomDocument {
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new HtmlTooDeepError(`HTML elements are nested ${depth} levels deep; at most ${MAX_HTML_DEPTH} are accepted`);
  }
  let { document } = parseHTML(normaliseHtmlSource(html)) as unknown as { document: DomDocument };
  // A source that never completes a tag (`<html x`, `<!doctype html`) gives no root element: read it as an empty page.
  if (!document.documentElement) ({ document } = parseHTML(EMPTY_PAGE) as unknown as { document: DomDocument });
  repairBody(document);
  return document;
}

const EMPTY_PAGE = '<!doctype html><html><head></head><body></body></html>';

/**
 * Deepest element nesting a page may have. Real pages stay far below it (a few dozen levels); a deeper one is
 * refused (`html-too-deep`, 400) because building and walking such a tree is super-linear (100,000 nested
 * <div>s took 55 s) and recursive passes over it overflow the stack.
 */
export const MAX_HTML_DEPTH = 1000;

/** End tags that pages commonly leave out (and void elements): they never add to the nesting count. */
const UNCOUNTED_TAGS: ReadonlySet<string> = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rt',
  'rp',
  'colgroup',
  'caption',
  'param',
  'keygen',
  'command',
  'basefont',
  'frame',
  'html',
  'head',
  'body',
  ...VOID_ELEMENTS,
]);
const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,40})[^<>]*>/gu;

/** The deepest nesting of start/end tags, counted in one pass over the source (an upper bound of the DOM depth). */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    if (UNCOUNTED_TAGS.has(m[2]!.toLowerCase()) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/**
 * linkedom's `document.body` is the element right after <head>, else a new empty one: a page with scripts between
 * </head> and <body>, or whose <body> sits inside a <div> (a template pasted into another), would read as having no
 * text. As an HTML5 parser would, everything outside <head> is gathered, in order, into one <body> after the head
 * (a top-level <body>'s children are taken over with its attributes). Normal pages are left untouched.
 */
function repairBody(document: DomDocument): void {
  const root = document.documentElement;
  const head = root.querySelector('head');
  if (!head || head.parentNode !== root) return;
  const outside = toArray(root.childNodes).filter(
    (node) =>
      node !== head &&
      node.nodeType !== COMMENT_NODE &&
      !(node.nodeType !== ELEMENT_NODE && !(node.textContent ?? '').trim()),
  );
  const first = outside[0];
  if (!first || (outside.length === 1 && first.nodeName === 'BODY' && head.nextElementSibling === first)) return;
  if (
    !outside.some(
      (node) =>
        node.nodeType === ELEMENT_NODE &&
        (node as DomElement).localName !== 'script' &&
        (node as DomElement).localName !== 'style',
    )
  )
    return;
  const body = document.createElement('body');
  for (const node of outside) {
    if (node.nodeName === 'BODY') {
      const old = node as DomElement & { attributes?: ArrayLike<{ name: string; value: string }> };
      for (const a of toArray(old.attributes ?? [])) if (!body.hasAttribute(a.name)) body.setAttribute(a.name, a.value);
      for (const child of toArray(old.childNodes)) body.appendChild(child);
      old.remove();
    } else body.appendChild(node);
  }
  (head as DomElement & { after(node: DomNode): void }).after(body);
}

/**
 * linkedom is not an HTML5 tree builder: it needs the document shape spelled out. A fragment ("<p>…") is wrapped so
 * head and body exist; server noise before the document (PHP warnings ahead of `<!DOCTYPE html>`) is cut off; a page
 * that never opens <body> (the tag is optional) gets one after </head>, else its text would hang outside the body.
 */
export function normaliseHtmlSource(html: string): string {
  const start = /<!doctype html|<html[\s>]/iu.exec(html);
  if (!start) return `<!doctype html><html><head></head><body>${html}</body></html>`;
  const source = start.index > 0 ? html.slice(start.index) : html;
  if (/<body[\s>]/iu.test(source)) return withoutNestedDocuments(source);
  const headEnd = /<\/head\s*>/iu.exec(source);
  if (headEnd)
    return `${source.slice(0, headEnd.index + headEnd[0].length)}<body>${source.slice(headEnd.index + headEnd[0].length)}`;
  // The <html …> start tag ends at the first ">" after it (a regex /<html[^>]*>/ rescans from every "<html").
  const htmlOpen = /<html/iu.exec(source);
  const htmlOpenEnd = htmlOpen ? source.indexOf('>', htmlOpen.index) + 1 : 0;
  return htmlOpenEnd > 0 ? `${source.slice(0, htmlOpenEnd)}<body>${source.slice(htmlOpenEnd)}` : source;
}

/**
 * A page with a second document pasted into its body (`…<body>…<html><head>…</head><body>article</body></html>…`, a
 * CMS field holding a whole exported page): an HTML5 parser ignores the inner <html>/<body> tags and their end tags,
 * and keeps the inner text in the one body; linkedom would close the page at the inner </html> and lose it. So, when
 * the source opens <html> or <body> twice, those tags (and an inner <head> section) are dropped after the first <body>.
 */
function withoutNestedDocuments(source: string): string {
  if ((source.match(/<html[\s>]/giu)?.length ?? 0) < 2 && (source.match(/<body[\s>]/giu)?.length ?? 0) < 2)
    return source;
  const bodyOpen = /<body(?:\s[^>]*)?>/iu.exec(source);
  if (!bodyOpen) return source;
  const cut = bodyOpen.index + bodyOpen[0].length;
  const rest = source
    .slice(cut)
    .replace(/<head(?:\s[^>]*)?>[\s\S]*?<\/head\s*>/giu, '')
    .replace(/<\/?(?:html|body)(?:\s[^>]*)?>/giu, '');
  return `${source.slice(0, cut)}${rest}`;
}

/** Text of an element with whitespace collapsed. */
export function elementText(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** `elementText(node).length`, without building the collapsed string (see collapsedLength). */
export function elementTextLength(node: DomNode | null | undefined): number {
  return collapsedLength(node?.textContent ?? '');
}

const SPACE_RE = /\s/u;

/**
 * `text.replace(/\s+/gu, ' ').trim().length` without building the string: text lengths of whole pages, regions and
 * every link were a seventh of the bytes a wire item's enrichment allocated.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : SPACE_RE.test(text[i] as string);
    if (space) spaceBefore = length > 0;
    else {
      length += spaceBefore ? 2 : 1;
      spaceBefore = false;
    }
  }
  return length;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function toArray<T>(list: ArrayLike<T>): T[] {
  return Array.from(list);
}

/**
 * The page's <meta> contents by lower-cased property / name / itemprop / http-equiv; the first tag of a key wins.
 * `skipBlank`: a whitespace-only content is passed over, so a later tag of the key can win (the page metadata reads
 * so; the date reader keeps the first tag whatever it holds).
 */
export function readMetaTags(doc: DomDocument, options: { skipBlank: boolean }): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of toArray(doc.querySelectorAll('meta'))) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      el.getAttribute('http-equiv')
    )
      ?.toLowerCase()
      .trim();
    const content = el.getAttribute('content');
    if (!key || !content || tags.has(key)) continue;
    if (options.skipBlank && !content.trim()) continue;
    tags.set(key, content);
  }
  return tags;
}

/** Elements that start and end a block of text: the main-text extractor splits a page into blocks at them. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'br',
  'address',
  'details',
  'summary',
  'center',
  'form',
  'fieldset',
]);
