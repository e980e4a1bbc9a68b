import fc from 'fast-check';
import { fastestRun } from '@wirestream/testing';
import { isFormatError } from './errors';
import { articleIdentity } from './identity';
import { parseIngestBody } from './parse-ingest-body';

/**
 * Property-based: whatever the bytes, parseIngestBody (and the identity of what it returns) either answers or
 * throws a FormatError — never a TypeError, RangeError or stack overflow — and large bodies built from repeated
 * fragments finish within a budget linear in their size. Runs are sized to keep the whole file around 10–20 s.
 */

const NOW = new Date('2026-02-10T12:00:00Z');

const CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/json',
  'application/rss+xml',
  'application/atom+xml',
  'application/xml',
  null,
] as const;

/** Shells that put the fuzzed text where each parser reads fields. */
const SHELLS: Record<string, (s: string) => string> = {
  bare: (s) => s,
  html: (s) =>
    `<html><head><title>${s}</title><meta property="article:published_time" content="${s}"></head><body><p>${s}</p></body></html>`,
  rss: (s) =>
    `<rss version="2.0"><channel><title>${s}</title><item><title>${s}</title><author>${s}</author><pubDate>${s}</pubDate><description>${s}</description></item></channel></rss>`,
  atom: (s) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">${s}</title><updated>${s}</updated><content>${s}</content></entry></feed>`,
  newsml: (s) =>
    `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><itemMeta><versionCreated>${s}</versionCreated></itemMeta><contentMeta><headline>${s}</headline></contentMeta><contentSet><inlineData>${s}</inlineData></contentSet></newsItem>`,
  nitf: (s) =>
    `<nitf><head><docdata><date.release norm="${s}"/></docdata></head><body><body.head><hedline><hl1>${s}</hl1></hedline></body.head><body.content><p>${s}</p></body.content></body></nitf>`,
  json: (s) =>
    JSON.stringify({ title: s || 't', body: s || 'b', publishedAt: s.slice(0, 90), byline: s.slice(0, 900) }),
  ninjs: (s) => JSON.stringify({ uri: 'u', headline: s, body_text: s, versioncreated: s }),
  text: (s) => `welcome to ${s}\n\n${s}\n\nBy ${s}\n\nPublished: ${s}\n\n© 2026 ${s}`,
};

/** Characters that drive the parsers' branches: markup, entities, punctuation runs, spaces, dates, quotes. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '/',
        '&',
        ';',
        '"',
        "'",
        '=',
        '!',
        '?',
        '.',
        ',',
        '-',
        '|',
        '»',
        '‹',
        '(',
        ')',
        ':',
        ' ',
        '\t',
        '\n',
        '\u00a0',
        'by ',
        'welcome to ',
        '2026-01-01T10:00',
        'Feb 4, 2026',
        '<p>',
        '</p>',
        '<a ',
        '<!--',
        ']]>',
        '<![CDATA[',
        '&amp;',
        '&#x41;',
        '\\',
        '{',
        '}',
        '[',
        ']',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function ingest(bytes: Uint8Array, contentType: string | null): void {
  try {
    const parsed = parseIngestBody({ bytes, contentType, now: NOW });
    for (const item of parsed.items) articleIdentity({ sourceId: 'fuzz', item });
  } catch (error) {
    if (!isFormatError(error)) throw error;
  }
}

describe('parseIngestBody under fuzzing', () => {
  it('never throws anything but a FormatError on arbitrary bytes, under every content type', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.constantFrom(...CONTENT_TYPES),
        (bytes, contentType) => {
          ingest(bytes, contentType);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws anything but a FormatError on hostile text in every field of every format', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom(...Object.keys(SHELLS)),
        fc.constantFrom(...CONTENT_TYPES),
        (text, shell, contentType) => {
          ingest(Buffer.from(SHELLS[shell]!(text), 'utf8'), contentType);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('finishes large bodies of a repeated fragment (~100 KB) within a budget linear in their size', () => {
    // 10 µs per byte: 1 s for 100 KB; a quadratic pass on such a body takes tens of seconds.
    const budgetMs = (bytes: number): number => 10 * (bytes / 1000);
    fc.assert(
      fc.property(
        hostileText.filter((s) => s.length > 0),
        fc.constantFrom(...Object.keys(SHELLS)),
        fc.constantFrom(...CONTENT_TYPES),
        (fragment, shell, contentType) => {
          const run = fragment.repeat(Math.ceil(100_000 / Buffer.byteLength(fragment)));
          const bytes = Buffer.from(SHELLS[shell]!(run), 'utf8');
          const budget = Math.max(1000, budgetMs(bytes.length));
          expect(fastestRun(() => ingest(bytes, contentType), budget).ms).toBeLessThan(budget);
        },
      ),
      { numRuns: 80 },
    );
  });
});
