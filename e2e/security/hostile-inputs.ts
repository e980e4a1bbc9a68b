/** Builders for hostile bodies: ordinary article text around the hostile part, so only that part is odd. Deterministic (seeded). */

/** A small seeded PRNG (mulberry32): the same run builds the same bodies. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(0x5ec0de);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A word no other article contains (letters only, so every analyzer keeps it as one token). */
export function uniqueToken(prefix = 'hostile'): string {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += LETTERS[Math.floor(random() * LETTERS.length)];
  return `${prefix}${suffix}`;
}

/** `count` characters drawn from `alphabet` (a string of code points). */
export function randomChars(count: number, alphabet: string): string {
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < count; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

export const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
export const MIXED_UNICODE = `${PRINTABLE_ASCII}éßøçñüÆŒ中文字日本語한국어Ωπλж‹›«»“”—…€😀🚢`;

const WORDS = (
  'the harbour council ferry crossing night service commuters quay point island timetable operator crew boat passengers ' +
  'weather storm season winter summer budget vote mayor residents survey route bridge pier fuel engine schedule tickets ' +
  'fares evening morning weekday weekend pilot months review statement officials town region coast water tide wind ' +
  'said would could after before during while because although since across between along toward under over ' +
  'new old last first second third small large busy quiet early late local public regional extra fewer more'
).split(' ');

const CAPITALISED =
  'Alder Birch Cedar Dover Elm Fenwick Granite Harbor Iris Juniper Kestrel Linden Marlow Norwood Oakridge Pine Quarry Rowan Skerry Thorn'.split(
    ' ',
  );

function sentence(words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Plain prose of about `bytes` characters, in paragraphs of 4–6 sentences. */
export function prose(bytes: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < bytes) {
    const paragraph = Array.from({ length: 4 + Math.floor(random() * 3) }, () =>
      sentence(8 + Math.floor(random() * 12)),
    ).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A run of capitalised words (no sentence break) of about `bytes` characters: what entity extraction reads as one long name. */
export function capitalisedRun(bytes: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = CAPITALISED[Math.floor(random() * CAPITALISED.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

/** One sentence of about `bytes` characters (words, no full stop until the end). */
export function longSentence(bytes: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return `The council said ${words.join(' ')}.`;
}

const LEAD =
  'The harbour council on Tuesday approved a six-month pilot of night ferries between the old quay and Skerry Point.';
const CLOSE = 'The operator said the first night crossing would sail on the first Friday of March, weather permitting.';

/** A text/plain article: a title line, then paragraphs. `token` makes it findable. */
export function textArticle(token: string, ...middle: string[]): string {
  return [
    `Night ferries approved for ${token} route`,
    '',
    `${LEAD} The route is known locally as ${token}.`,
    '',
    ...middle.flatMap((m) => [m, '']),
    CLOSE,
  ].join('\n');
}

/** An HTML page: `head` extra tags, then an article with a headline and paragraphs; `bodyPrefix` comes before the article. */
export function htmlArticle(
  token: string,
  options: { head?: string; paragraphs?: string[]; bodyPrefix?: string; bodySuffix?: string } = {},
): string {
  const paragraphs = [`${LEAD} The route is known locally as ${token}.`, ...(options.paragraphs ?? []), CLOSE]
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferries approved for ${token} route</title>${options.head ?? ''}</head>` +
    `<body>${options.bodyPrefix ?? ''}<article><h1>Night ferries approved for ${token} route</h1>\n${paragraphs}</article>${options.bodySuffix ?? ''}</body></html>`
  );
}

/** One native JSON article (object, not serialized). */
export function nativeArticle(token: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `hostile-${token}`,
    title: `Night ferries approved for ${token} route`,
    body: `${LEAD} The route is known locally as ${token}. ${CLOSE}`,
    language: 'en',
    ...over,
  };
}

/** One ninjs 2.0 item (object, not serialized). */
export function ninjsItem(token: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json',
    uri: `urn:hostile:ninjs:${token}`,
    type: 'text',
    version: '1',
    versioncreated: '2026-02-05T11:20:00Z',
    pubstatus: 'usable',
    language: 'en',
    headline: `Night ferries approved for ${token} route`,
    byline: 'By Ana Ribeiro',
    body_html: `<p>${LEAD} The route is known locally as ${token}.</p><p>${CLOSE}</p>`,
    ...over,
  };
}

/** An Atom feed of `entries` entries, none with an <author> (the feed has none either). Minimal entries keep 50,000 of them near 5 MB. */
export function atomFeedWithoutAuthors(entries: number, token: string, withSummary = false): string {
  const parts = [
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile feed</title><id>urn:hostile:${token}</id><updated>2026-02-04T10:00:00Z</updated>`,
  ];
  for (let i = 0; i < entries; i++) {
    const summary = withSummary ? `<summary>Crossing ${i} of the ${token} route runs late.</summary>` : '';
    parts.push(
      `<entry><id>urn:h:${token}:${i}</id><title>Notice ${i}</title><updated>2026-02-04T10:00:00Z</updated>${summary}</entry>`,
    );
  }
  parts.push('</feed>');
  return parts.join('');
}

/** An RSS 2.0 feed of `items` items, none with an <author> or <dc:creator>. */
export function rssFeedWithoutAuthors(items: number, token: string): string {
  const parts = [
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile feed</title><link>https://hostile.example/</link><description>x</description>`,
  ];
  for (let i = 0; i < items; i++) {
    parts.push(
      `<item><guid>urn:h:${token}:${i}</guid><title>Notice ${i}</title><description>Crossing ${i} runs late.</description></item>`,
    );
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

/** A NewsML-G2 newsMessage carrying `items` minimal text newsItems without creators. */
export function newsMessage(items: number, token: string): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-02-04T10:00:00Z</sent></header><itemSet>',
  ];
  for (let i = 0; i < items; i++) {
    parts.push(
      `<newsItem guid="urn:hostile:${token}:${i}" version="1" standard="NewsML-G2" standardversion="2.29"><itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-02-04T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>` +
        `<contentMeta><headline>Ferry notice ${i} ${token}</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Crossing ${i} runs late.</p></body></html></inlineXML></contentSet></newsItem>`,
    );
  }
  parts.push('</itemSet></newsMessage>');
  return parts.join('');
}
