/**
 * Request bodies for bench:e2e in the formats the ingest API takes, shaped like the project's samples
 * (libs/formats/src/__samples__, examples/) and filled with deterministic varied text: every article is distinct
 * (own id, title, numbers, names and sentence order) and carries ~5 KB of body text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './datasets';

export type CorpusFormat = 'json' | 'rss' | 'newsml' | 'nitf' | 'text' | 'html';
/** Text and wire items (JSON, RSS, NewsML-G2, NITF, text pages) are measured apart from HTML pages. */
export type CorpusGroup = 'wire' | 'html';

export interface IngestRequest {
  format: CorpusFormat;
  group: CorpusGroup;
  contentType: string;
  /** Query string for `/v1/ingest` (source and/or url), '' when none. */
  query: string;
  body: Buffer;
  items: number;
}

/** Share of the N articles per format, and how many articles one request carries. */
export const CORPUS_MIX: { format: CorpusFormat; share: number; perRequest: number }[] = [
  { format: 'json', share: 0.3, perRequest: 50 },
  { format: 'rss', share: 0.2, perRequest: 10 },
  { format: 'newsml', share: 0.15, perRequest: 5 },
  { format: 'nitf', share: 0.1, perRequest: 1 },
  { format: 'text', share: 0.1, perRequest: 1 },
  { format: 'html', share: 0.15, perRequest: 1 },
];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
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

const PEOPLE = [
  'Maren Alvik',
  'Tomasz Reyes',
  'Ines Oduya',
  'Ana Matos',
  'Rui Esteves',
  'Jonas Aebi',
  'Lucía Paredes',
  'Rosa Mamani',
  'Elena Brandt',
  'Priya Natarajan',
  'Noor Haddad',
  'Joost de Wit',
  'Sara Lind',
  'Paul Brennan',
  'Helena Brügger',
  'Tom Hale',
];
const PLACES = [
  'Lisbon',
  'Grindelwald',
  'Lima',
  'Rotterdam',
  'Milwaukee',
  'Nairobi',
  'Oslo',
  'Hanoi',
  'Quito',
  'Dakar',
  'Riga',
  'Perth',
  'Harbourside',
  'Greenfield',
  'Campolide',
  'Skerry Point',
];
const ORGS = [
  'the harbour authority',
  'the Andean Crop Institute',
  'the World Bank',
  'the regional water authority',
  'the Transport Workers Union',
  'the city council',
  'the national rail operator',
  'the European Commission',
];
const TOPICS = [
  'ferry service',
  'tram line',
  'water rationing',
  'quinoa exports',
  'glacier museum',
  'heritage orchard',
  'grain barges',
  'bus routes',
  'school budget',
  'flood defences',
  'housing',
  'fishing quotas',
];
const VERBS = ['approved', 'rejected', 'delayed', 'expanded', 'announced', 'reviewed', 'funded', 'suspended'];

/** Sentences of the samples, used as templates: names, places and numbers are swapped per article. */
function sampleSentences(): string[] {
  const files = [
    'libs/formats/src/__samples__/rss-3-items.xml',
    'libs/formats/src/__samples__/newsml-g2-v1.xml',
    'libs/formats/src/__samples__/nitf-3.6.xml',
    'examples/andes-chronicle-quinoa-exports.html',
    'examples/lakeshore-gazette-water-rationing.txt',
    'examples/global-village-space-trump-petro.txt',
  ];
  const text = files.map((f) => readFileSync(path.join(repoRoot, f), 'latin1')).join('\n');
  const plain = text
    .split('<')
    .map((part, i) => (i ? part.slice(part.indexOf('>') + 1) : part))
    .join(' ')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/[^\x20-\x7e]+/g, ' ');
  return plain
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 60 && s.length < 400 && /^[A-Z]/.test(s) && !/[{}=|]/.test(s));
}

interface Story {
  n: number;
  title: string;
  byline: string;
  place: string;
  paragraphs: string[];
  subjects: string[];
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** One distinct story of ~`bodyBytes` of text: sample sentences re-cast with this story's names and numbers. */
function story(n: number, rng: () => number, sentences: string[], bodyBytes: number): Story {
  const place = pick(rng, PLACES);
  const person = pick(rng, PEOPLE);
  const topic = pick(rng, TOPICS);
  const title = `${place} ${pick(rng, VERBS)} ${topic} plan ${n} after ${2 + Math.floor(rng() * 40)}-hour debate`;
  const recast = (s: string) =>
    s
      .replace(/\d+(?:[.,]\d+)*/g, () => String(1 + Math.floor(rng() * 900)))
      .replace(
        /\b(?:Lisbon|Grindelwald|Lima|Harbourside|Milwaukee|Skerry Point|Campolide|Lake Titicaca|Lake Winnebago)\b/g,
        () => pick(rng, PLACES),
      )
      .replace(/\b(?:Rui Esteves|Jonas Aebi|Rosa Mamani|Elena Brandt|Maren Alvik|Sara Lind)\b/g, () =>
        pick(rng, PEOPLE),
      );
  const paragraphs: string[] = [
    `${place.toUpperCase()} (Wirestream Bench) - ${person} said ${pick(rng, ORGS)} had ${pick(rng, VERBS)} the ${topic} plan, story ${n}.`,
  ];
  let size = paragraphs[0]!.length;
  while (size < bodyBytes) {
    const paragraph = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => recast(pick(rng, sentences))).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return { n, title, byline: `By ${person}`, place, paragraphs, subjects: [topic, pick(rng, TOPICS)] };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** ISO-8859-1 documents (NITF) carry anything outside Latin-1 as character references, as the sample does. */
const latin1Safe = (s: string) => s.replace(/[\u{100}-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);
const isoDate = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const rfc822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');
const compactDate = (ms: number) => isoDate(ms).replace(/[-:]/g, '');

function jsonArticle(s: Story, tag: string, publishedMs: number): Record<string, unknown> {
  return {
    id: `bench-${tag}-${s.n}`,
    version: 1,
    title: s.title,
    subtitle: `Report ${s.n} from ${s.place}`,
    byline: s.byline,
    publishedAt: isoDate(publishedMs),
    language: 'en',
    source: 'Greenfield Partner News',
    url: `https://partner.example.com/stories/${tag}-${s.n}`,
    body: s.paragraphs.map((p) => `<p>${xml(p)}</p>`).join(''),
    contentType: 'html',
    urgency: 1 + (s.n % 8),
    subjects: s.subjects,
    located: s.place,
  };
}

function rssItem(s: Story, tag: string, publishedMs: number): string {
  return `    <item>
      <title>${xml(s.title)}</title>
      <link>https://courier.example.org/news/${tag}/${s.n}?utm_source=rss</link>
      <guid isPermaLink="false">courier-${tag}-${s.n}</guid>
      <dc:creator><![CDATA[${s.byline.slice(3)}]]></dc:creator>
      <pubDate>${rfc822(publishedMs)}</pubDate>
      <category>${xml(s.subjects[0]!)}</category>
      <description><![CDATA[${s.paragraphs[0]}]]></description>
      <content:encoded><![CDATA[${s.paragraphs.map((p) => `<p>${xml(p)}</p>`).join('\n')}]]></content:encoded>
    </item>`;
}

function rssFeed(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbourside Courier &amp; Gazette</title>
    <link>https://courier.example.org/</link>
    <description>Local news from the (invented) town of Harbourside</description>
    <language>en-gb</language>
${items.join('\n')}
  </channel>
</rss>`;
}

function newsItem(s: Story, tag: string, publishedMs: number, root: boolean): string {
  return `<newsItem${root ? ' xmlns="http://iptc.org/std/nar/2006-10-01/"' : ''} guid="urn:newsml:wirestream-demo.example:${tag}:${s.n}" version="1" standard="NewsML-G2" standardversion="2.33" xml:lang="en">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Wirestream Demo Wire"/>
    <versionCreated>${isoDate(publishedMs)}</versionCreated>
    <firstCreated>${isoDate(publishedMs)}</firstCreated>
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta>
    <urgency>${1 + (s.n % 8)}</urgency>
    <contentCreated>${isoDate(publishedMs)}</contentCreated>
    <located><name>${xml(s.place)}</name></located>
    <subject qcode="medtop:20000596"><name xml:lang="en">${xml(s.subjects[0]!)}</name></subject>
    <language tag="en"/>
    <headline>${xml(s.title)}</headline>
    <by>${xml(s.byline)}</by>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body>${s.paragraphs.map((p) => `<p>${xml(p)}</p>`).join('\n')}</body></html>
    </inlineXML>
  </contentSet>
</newsItem>`;
}

function newsMessage(items: string[], sentMs: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>${isoDate(sentMs)}</sent><sender>wirestream-demo.example</sender></header>
  <itemSet>
${items.join('\n')}
  </itemSet>
</newsMessage>`;
}

function nitf(s: Story, tag: string, publishedMs: number): string {
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="en-US">
  <head>
    <title>${xml(s.title)}</title>
    <tobject tobject.type="news"><tobject.subject tobject.subject.refnum="06000000" tobject.subject.matter="${xml(s.subjects[0]!)}"/></tobject>
    <docdata management-status="usable">
      <doc-id id-string="WSD-${tag}-${s.n}" regsrc="Wirestream Demo Wire"/>
      <urgency ed-urg="${1 + (s.n % 8)}"/>
      <date.issue norm="${compactDate(publishedMs)}"/>
      <du-key version="1" key="${tag}-${s.n}"/>
    </docdata>
    <pubdata type="web" ex-ref="https://wire.example/features/${tag}-${s.n}"/>
  </head>
  <body xml:lang="en">
    <body.head>
      <hedline><hl1>${xml(s.title)}</hl1></hedline>
      <byline>${xml(s.byline)}</byline>
      <dateline><location><city>${xml(s.place.toUpperCase())}</city></location></dateline>
    </body.head>
    <body.content>
${s.paragraphs.map((p) => `      <p>${xml(p)}</p>`).join('\n')}
    </body.content>
  </body>
</nitf>`;
}

function textPage(s: Story, publishedMs: number): string {
  const date = new Date(publishedMs);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const lines = [
    'Lakeshore Gazette',
    'Home | Local | Environment',
    s.title,
    `${s.byline} | ${month}. ${date.getUTCDate()}, ${date.getUTCFullYear()} 7:45 AM CDT`,
    'Share this article',
  ];
  s.paragraphs.forEach((p, i) => {
    lines.push(p);
    if (i === 1) lines.push('Advertisement');
    if (i === 3) lines.push('Related: Farmers warn of smaller harvest as soil moisture hits record low');
  });
  lines.push('Sign up for our morning newsletter', '© 2026 Lakeshore Gazette. All rights reserved.');
  return lines.join('\n');
}

function htmlPage(s: Story, url: string, publishedMs: number): string {
  const body = s.paragraphs.map(
    (p, i) =>
      `    <p>${xml(p)}</p>${i === 1 ? '\n    <div class="share">Share this article</div>' : ''}${i === 3 ? '\n    <p>Read more: <a href="https://andes-chronicle.example/economy/lithium-royalties">Bolivia raises lithium royalties for foreign miners</a></p>' : ''}`,
  );
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${xml(s.title)} | Andes Chronicle</title>
  <meta property="og:title" content="${xml(s.title)}">
  <meta property="og:site_name" content="Andes Chronicle">
  <meta property="og:url" content="${url}">
  <meta property="article:published_time" content="${isoDate(publishedMs)}">
  <meta name="author" content="${xml(s.byline.slice(3))}">
  <link rel="canonical" href="${url}">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(s.title)},"datePublished":"${isoDate(publishedMs)}","author":{"@type":"Person","name":${JSON.stringify(s.byline.slice(3))}},"publisher":{"@type":"Organization","name":"Andes Chronicle"},"inLanguage":"en"}</script>
  <style>.share { display: flex; }</style>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/economy">Economy</a></nav>
  <article>
    <h1>${xml(s.title)}</h1>
    <p class="byline">${xml(s.byline)}</p>
${body.join('\n')}
    <p>Advertisement</p>
  </article>
  <footer>&copy; 2026 Andes Chronicle. All rights reserved.</footer>
</body>
</html>`;
}

export interface CorpusOptions {
  /** Distinguishes this corpus's ids from other runs' and phases'. */
  tag: string;
  seed: number;
  /** Body text per article; default ~5 KB. */
  bodyBytes?: number;
  /** publishedAt of article k is `publishedFromMs + k s` (in the past, so never refused as future). */
  publishedFromMs?: number;
  /** Sets `?source=` on every request (one source name for a whole phase, which the latency poller filters on). */
  sourceName?: string;
}

const DEFAULT_PUBLISHED_FROM = Date.parse('2025-06-01T00:00:00Z');

/** N articles in the CORPUS_MIX proportions as ingest requests, wire groups first, then HTML pages. */
export function buildCorpus(count: number, options: CorpusOptions): IngestRequest[] {
  const rng = seededRandom(options.seed);
  const sentences = sampleSentences();
  const from = options.publishedFromMs ?? DEFAULT_PUBLISHED_FROM;
  const requests: IngestRequest[] = [];
  let n = 0;
  const shares = CORPUS_MIX.map((m) => Math.floor(m.share * count));
  shares[0]! += count - shares.reduce((a, b) => a + b, 0);
  for (const [at, mix] of CORPUS_MIX.entries()) {
    for (let left = shares[at]!; left > 0;) {
      const size = Math.min(mix.perRequest, left);
      left -= size;
      const stories = Array.from({ length: size }, () => story(n++, rng, sentences, options.bodyBytes ?? 5000));
      requests.push(request(mix.format, stories, options, from));
    }
  }
  return requests;
}

/** Single-article requests of the text/wire formats that carry an exact publishedAt, in rotation (latency phases). */
export function buildSingles(count: number, options: CorpusOptions): IngestRequest[] {
  const rng = seededRandom(options.seed);
  const sentences = sampleSentences();
  const from = options.publishedFromMs ?? DEFAULT_PUBLISHED_FROM;
  const formats: CorpusFormat[] = ['json', 'rss', 'newsml', 'nitf'];
  return Array.from({ length: count }, (_, n) =>
    request(formats[n % formats.length]!, [story(n, rng, sentences, options.bodyBytes ?? 5000)], options, from),
  );
}

function request(format: CorpusFormat, stories: Story[], options: CorpusOptions, from: number): IngestRequest {
  const tag = options.tag;
  const at = (s: Story) => from + s.n * 1000;
  const params = new URLSearchParams();
  if (options.sourceName) params.set('source', options.sourceName);
  const withQuery = (extra?: Record<string, string>) => {
    const all = new URLSearchParams(params);
    for (const [k, v] of Object.entries(extra ?? {})) all.set(k, v);
    const text = all.toString();
    return text ? `?${text}` : '';
  };
  const make = (
    contentType: string,
    text: string,
    query = withQuery(),
    encoding: BufferEncoding = 'utf8',
  ): IngestRequest => ({
    format,
    group: format === 'html' ? 'html' : 'wire',
    contentType,
    query,
    body: Buffer.from(text, encoding),
    items: stories.length,
  });
  switch (format) {
    case 'json':
      return make(
        'application/json',
        JSON.stringify(
          stories.length === 1
            ? jsonArticle(stories[0]!, tag, at(stories[0]!))
            : stories.map((s) => jsonArticle(s, tag, at(s))),
        ),
      );
    case 'rss':
      return make('application/rss+xml', rssFeed(stories.map((s) => rssItem(s, tag, at(s)))));
    case 'newsml':
      return stories.length === 1
        ? make(
            'application/vnd.iptc.g2.newsitem+xml',
            `<?xml version="1.0" encoding="UTF-8"?>\n${newsItem(stories[0]!, tag, at(stories[0]!), true)}`,
          )
        : make(
            'application/vnd.iptc.g2.newsmessage+xml',
            newsMessage(
              stories.map((s) => newsItem(s, tag, at(s), false)),
              at(stories[0]!),
            ),
          );
    case 'nitf':
      return make('application/nitf+xml', latin1Safe(nitf(stories[0]!, tag, at(stories[0]!))), withQuery(), 'latin1');
    case 'text':
      return make(
        'text/plain; charset=utf-8',
        textPage(stories[0]!, at(stories[0]!)),
        withQuery({ url: `https://gazette.example/local/${tag}-${stories[0]!.n}` }),
      );
    case 'html': {
      const url = `https://andes-chronicle.example/economy/${tag}-${stories[0]!.n}`;
      return make('text/html; charset=utf-8', htmlPage(stories[0]!, url, at(stories[0]!)), withQuery({ url }));
    }
  }
}
