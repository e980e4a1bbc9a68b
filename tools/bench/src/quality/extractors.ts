import { Readability } from '@mozilla/readability';
import { enrichArticle } from '@wirestream/enrichment';
import {
  isElement,
  parseHtmlDocument,
  parseHtmlPage,
  TEXT_NODE,
  toArray,
  type DomElement,
  type DomNode,
} from '@wirestream/formats';

const NOW = '2026-01-01T00:00:00.000Z';

/** Our main text: what the enricher stores as the body (paragraphs split by blank lines). */
export function oursMainText(html: string, url: string): string {
  const document = parseHtmlDocument(html);
  const item = parseHtmlPage(html, { url, now: NOW, document });
  return enrichArticle(
    { id: 'bench', version: 1, source: { id: 'bench', name: null }, item, ingestedAt: NOW, now: NOW },
    { htmlDocument: document },
  ).body;
}

const BLOCK_RE =
  /^(?:p|div|section|article|main|header|footer|aside|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|figure|figcaption|table|tr|td|th|caption|br|hr|address|details|summary)$/u;

/**
 * The Readability-alone baseline: @mozilla/readability with its defaults on the raw page (our parser, no pre-pass,
 * no classifier, no trimming), its article's text cut at block elements. Empty when it finds no article.
 */
export function readabilityAloneText(html: string): string {
  let content: DomElement | null;
  try {
    const doc = parseHtmlDocument(html);
    content =
      new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement }).parse()
        ?.content ?? null;
  } catch {
    return '';
  }
  if (!content) return '';
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/gu, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  // Iterative walk (a deep page would overflow a recursive one): an exit marker flushes after a block element.
  const stack: Array<DomNode | 'flush'> = [content];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === 'flush') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (!isElement(node)) continue;
    const block = BLOCK_RE.test(node.localName);
    if (block) {
      flush();
      stack.push('flush');
    }
    const children = toArray(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  flush();
  return blocks.join('\n\n');
}
