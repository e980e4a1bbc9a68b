import { BLOCK_TAGS, ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './html-dom';

/**
 * Elements that start and end a line of text, as a browser lays them out: the extractor's blocks, and the page
 * furniture around an article (menus, asides, footers), which the extractor never reads as text.
 */
const LINE_ELEMENTS = new Set([...BLOCK_TAGS, 'aside', 'dialog', 'footer', 'legend', 'menu', 'nav']);
/** Elements whose text a reader never sees. */
const UNSEEN_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'head',
  'object',
]);
const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;

/**
 * The text a reader sees, one line per block, as a scraper's `innerText` gives it (without CSS: inline `display:
 * none`, `hidden` and `aria-hidden` elements are left out). An explicit stack, not recursion: pages are up to
 * MAX_HTML_DEPTH deep.
 */
export function flattenedText(root: DomElement): string {
  const lines: string[] = [];
  let line = '';
  const endLine = (): void => {
    const text = line.replace(/\s+/gu, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  // A node to visit, or a block's end (`null` after it on the stack).
  const stack: Array<DomNode | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      endLine();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    const tag = element.localName;
    if (UNSEEN_ELEMENTS.has(tag) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true')
      continue;
    const style = element.getAttribute('style');
    if (style && HIDDEN_STYLE_RE.test(style)) continue;
    const block = LINE_ELEMENTS.has(tag);
    if (block) {
      endLine();
      stack.push(null);
    } else if (tag === 'img') {
      continue;
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  endLine();
  return lines.join('\n');
}
