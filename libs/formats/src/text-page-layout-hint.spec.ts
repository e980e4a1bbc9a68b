import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTextPage } from './parse-text-page';
import { analyzeTextPageLayout } from './text-page-layout';
import { decodeTextLayout, encodeTextLayout, MAX_HINT_BLOCKS } from './text-page-layout-hint';

// The text pages in the repo's examples/ (a pure lib may not import libs/testing, which owns the helper).
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const examplePages = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(path.join(EXAMPLES, name), 'utf8'));

const PAGE_DE = [
  'HAFENBLATT — Lokales',
  'Startseite | Politik | Sport',
  'Hafenstreik beendet: Einigung in der Nacht',
  'Stand: 05.05.2026, 09:30 Uhr',
  'Die Hafenarbeiter haben sich in der Nacht mit den Betreibern auf einen neuen Tarifvertrag geeinigt, wie die Gewerkschaft am Morgen mitteilte.',
  'Der Streik hatte drei Tage gedauert und den Umschlag im ganzen Hafen lahmgelegt, so ein Sprecher der Betreiber.',
  'Teilen',
  'Facebook',
  'WhatsApp',
  'E-Mail',
  '© 2026 Hafenblatt',
].join('\n\n');

const fieldsOf = (layout: ReturnType<typeof analyzeTextPageLayout>) => ({
  title: layout.title,
  byline: layout.byline,
  siteName: layout.siteName,
  publishedAt: layout.publishedAt,
  updatedAt: layout.updatedAt,
});

describe('text-page layout hint (the parser reads a page once for the enricher too)', () => {
  it('gives back every chrome line with its kind and text, and the blocks, for pages in English and German', () => {
    for (const page of [...examplePages, PAGE_DE]) {
      const layout = analyzeTextPageLayout(page, { url: 'https://harbour.example/2026/05/05/story' });
      const hint = encodeTextLayout(layout);
      expect(hint).toHaveLength(layout.blocks.length);

      const decoded = decodeTextLayout(page, hint!, fieldsOf(layout));

      expect(decoded?.blocks).toEqual(layout.blocks);
      expect(decoded?.chrome).toEqual([...layout.chrome].sort((a, b) => a.index - b.index));
      expect(decoded).toMatchObject(fieldsOf(layout));
    }
  });

  it('marks the lines only placed outside the article in capitals', () => {
    const layout = analyzeTextPageLayout(PAGE_DE);
    const hint = encodeTextLayout(layout)!;
    const outside = layout.chrome.filter((line) => line.outside).map((line) => line.index);
    expect(outside.length).toBeGreaterThan(0);
    for (const index of outside) expect(hint.charAt(index)).toMatch(/[A-Z]/u);
    expect(hint).toMatch(/\.+/u);
  });

  it('is carried by parseTextPage on the item', () => {
    const item = parseTextPage(PAGE_DE);
    expect(item.textLayout).toBe(encodeTextLayout(analyzeTextPageLayout(PAGE_DE)));
  });

  it('is not made for a page of more blocks than the limit (the item would grow with its line count)', () => {
    const page = Array.from({ length: MAX_HINT_BLOCKS + 1 }, (_, i) => `Line ${i}`).join('\n\n');
    expect(encodeTextLayout(analyzeTextPageLayout(page))).toBeNull();
    expect(parseTextPage(page).textLayout).toBeUndefined();
  });

  it('is refused when it does not fit the page: another block count, an unknown code, over the limit', () => {
    const layout = analyzeTextPageLayout(PAGE_DE);
    const hint = encodeTextLayout(layout)!;
    const fields = fieldsOf(layout);
    expect(decodeTextLayout(`${PAGE_DE}\n\nOne more line`, hint, fields)).toBeNull();
    expect(decodeTextLayout(PAGE_DE, `${hint.slice(0, -1)}x`, fields)).toBeNull();
    expect(decodeTextLayout(PAGE_DE, hint.slice(1), fields)).toBeNull();
    expect(decodeTextLayout(PAGE_DE, '.'.repeat(MAX_HINT_BLOCKS + 1), fields)).toBeNull();
  });
});
