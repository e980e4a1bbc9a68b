import type { ParsedItem } from '@wirestream/contracts';
import { decodeHtmlEntities } from './html-entities';
import { removeElements, replaceBeforeLastGt, stripTags } from './html-scan';
import { splitTextBlocks, trimChars } from './text-blocks';
import { uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from './uuid-v5';

export type IdentityBasis = 'external-id' | 'canonical-url' | 'content';

export interface ArticleIdentity {
  /** UUIDv5 in the Wirestream namespace; the same story from the same source always gets the same id. */
  id: string;
  /** What the id was derived from, for logs and debugging. */
  basis: IdentityBasis;
  /** The exact name that was hashed. */
  name: string;
}

export interface ArticleIdentityInput {
  sourceId: string;
  item: Pick<ParsedItem, 'externalId' | 'url' | 'title' | 'content' | 'contentType'>;
}

/** Query parameters that only track the click, never change the page. */
const TRACKING_PARAM_RE = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|_ga)$/iu;

/** A paragraph shorter than this is chrome (banner, date, crumbs), not the story's first paragraph. */
const MIN_FIRST_PARAGRAPH_WORDS = 8;

/**
 * Deterministic article id (ARCHITECTURE.md "Identity and versions"): the wire item's own identifier scoped by
 * source; else the canonical URL; else a hash of source + title + first paragraph.
 */
export function articleIdentity({ sourceId, item }: ArticleIdentityInput): ArticleIdentity {
  const externalId = item.externalId?.trim();
  if (externalId) return identity('external-id', `source:${sourceId}\nexternal-id:${externalId}`);

  const url = item.url ? canonicalizeUrl(item.url) : null;
  if (url) return identity('canonical-url', `url:${url}`);

  const title = normaliseForIdentity(item.title ?? '');
  const paragraph = normaliseForIdentity(firstParagraph(item.content, item.contentType, item.title));
  return identity('content', `source:${sourceId}\ntitle:${title}\nfirst-paragraph:${paragraph}`);
}

/** The wire's version number where the format has one; otherwise 1 (time-ordered versions come later). */
export function resolveVersion(item: Pick<ParsedItem, 'version'>): number {
  return item.version !== null && Number.isInteger(item.version) && item.version > 0 ? item.version : 1;
}

/**
 * Canonical form of an article URL: http(s) only, lower-case host, no default port, no fragment, no tracking
 * parameters, remaining parameters sorted. Null when the string is not an absolute http(s) URL.
 */
export function canonicalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM_RE.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = trimChars(url.pathname, '/', false, 'end');
  return url.toString();
}

function identity(basis: IdentityBasis, name: string): ArticleIdentity {
  return { id: uuidV5(name, WIRESTREAM_ARTICLE_NAMESPACE), basis, name };
}

function firstParagraph(content: string, contentType: ParsedItem['contentType'], title: string | null): string {
  const text = contentType === 'html' ? crudeHtmlText(content) : content;
  const titleKey = normaliseForIdentity(title ?? '');
  const blocks = splitTextBlocks(text);
  const paragraph = blocks.find(
    (block) => block.split(/\s+/u).length >= MIN_FIRST_PARAGRAPH_WORDS && normaliseForIdentity(block) !== titleKey,
  );
  return paragraph ?? blocks[0] ?? '';
}

/** Linear on any input (see html-scan.ts): this runs on every HTML item without a URL. */
function crudeHtmlText(html: string): string {
  const blocks = removeElements(bodyContent(html), ['script', 'style', 'noscript', 'template'], '');
  return decodeHtmlEntities(stripTags(replaceBeforeLastGt(blocks, BLOCK_TAG_RE, '\n\n'), '', true));
}

const BLOCK_TAG_RE = /<\/?(?:p|div|br|h[1-6]|li|section|article|header|footer|nav|blockquote|figcaption)\b[^>]*>/giu;

/** Between the first `<body…>` and the last `</body>`, else the whole text (as /<body[^>]*>([\s\S]*)<\/body>/i). */
function bodyContent(html: string): string {
  const open = /<body/iu.exec(html);
  const openEnd = open ? html.indexOf('>', open.index + 5) : -1;
  if (openEnd === -1) return html;
  let closeAt = -1;
  const close = /<\/body>/giu;
  close.lastIndex = openEnd + 1;
  for (let m = close.exec(html); m; m = close.exec(html)) closeAt = m.index;
  return closeAt === -1 ? html : html.slice(openEnd + 1, closeAt);
}

/** Case, whitespace and typographic quotes must not change an id. */
function normaliseForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}
