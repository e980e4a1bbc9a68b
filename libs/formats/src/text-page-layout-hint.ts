import { MIN_WRAPPED_LINE, splitTextBlocks } from './text-blocks';
import type { TextPageLayout, TextPageLine, TextPageLineKind } from './text-page-layout';

/**
 * A text page's layout carried from the parser to the enricher (`ParsedItem.textLayout`), so the enricher does not
 * read the page a second time: one character per block of the page (splitTextBlocks), `.` for a block of the
 * article, a kind's letter for a chrome line, in capitals when the line was only placed outside the article.
 * Bounded by MAX_HINT_BLOCKS: a longer page carries none and is read again (the hint grows with its line count, and
 * the event must stay within the message size the page alone fits in).
 */
const KIND_CODES: Record<TextPageLineKind, string> = {
  banner: 'b',
  navigation: 'n',
  dateline: 'd',
  headline: 'h',
  boilerplate: 'p',
  footer: 'f',
  comments: 'c',
  'share-bar': 's',
  'related-link': 'r',
  newsletter: 'l',
};
const KIND_OF_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as TextPageLineKind]));
const ARTICLE_CODE = '.';
export const MAX_HINT_BLOCKS = 2_000;

/** The hint for a layout read by analyzeTextPageLayout; null for a page of more than MAX_HINT_BLOCKS blocks. */
export function encodeTextLayout(layout: TextPageLayout): string | null {
  if (layout.blocks.length > MAX_HINT_BLOCKS) return null;
  const codes = new Array<string>(layout.blocks.length).fill(ARTICLE_CODE);
  for (const line of layout.chrome) {
    const code = KIND_CODES[line.kind];
    codes[line.index] = line.outside ? code.toUpperCase() : code;
  }
  return codes.join('');
}

/** What the parser read besides the chrome lines, from the item it produced. */
export interface TextLayoutFields {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

/**
 * The layout a hint describes for `text`, or null when the hint does not fit the page (another length than its
 * blocks, an unknown code): the caller then reads the page itself. The span is not carried (no reader of a
 * decoded layout needs it): it is the blocks from the first to the last article block.
 */
export function decodeTextLayout(text: string, hint: string, fields: TextLayoutFields): TextPageLayout | null {
  if (hint.length > MAX_HINT_BLOCKS) return null;
  const blocks = splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE });
  if (blocks.length !== hint.length) return null;
  const chrome: TextPageLine[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i < hint.length; i++) {
    const code = hint.charAt(i);
    if (code === ARTICLE_CODE) {
      if (start < 0) start = i;
      end = i;
      continue;
    }
    const lower = code.toLowerCase();
    const kind = KIND_OF_CODE.get(lower);
    if (!kind) return null;
    const line: TextPageLine = { index: i, kind, text: blocks[i]! };
    if (code !== lower) line.outside = true;
    chrome.push(line);
  }
  return {
    blocks,
    chrome,
    siteName: fields.siteName,
    title: fields.title,
    byline: fields.byline,
    publishedAt: fields.publishedAt,
    updatedAt: fields.updatedAt,
    publishedDateOnly: false,
    span: { start: Math.max(0, start), end },
  };
}
