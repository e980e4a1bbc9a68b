import { parseLooseDate } from './dates';
import { elementText, readMetaTags, toArray, type DomDocument, type DomElement } from './html-dom';

/**
 * Publication and modification dates of an HTML page, in the spirit of htmldate (Barbaresi): trusted structured
 * sources first (a full date in the URL, JSON-LD, meta tags in priority order, <time>), then elements whose
 * class/id say "date", then a scan of the page text with frequency and copyright-year heuristics.
 * Pure: the clock is never read; pass `now` to reject future dates.
 */

export interface DateHit {
  /** The calendar date as the page states it (local to the page), YYYY-MM-DD. */
  date: string;
  /** ISO 8601 UTC: the exact instant when the source carries a time and zone, else midnight UTC of `date`. */
  iso: string;
  /** Where it came from, e.g. "url", "json-ld", "meta:article:published_time", "time", "element", "text". */
  source: string;
  /** Set when the source wrote a time in UTC ("Z", "+00:00"): `date` is then the UTC calendar date until localised. */
  utc?: boolean;
}

export interface HtmlDates {
  published: DateHit | null;
  modified: DateHit | null;
}

export interface HtmlDateOptions {
  url?: string | null;
  /** ISO date/time; candidates after it are ignored. */
  now?: string | null;
}

const MIN_YEAR = 1995;

/** Meta names/properties for the original publication date, in priority order. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'date_published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.created',
  'citation_publication_date',
  'citation_date',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'published-date',
  'published_date',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'publication_date',
  'originalpublicationdate',
  'original-publish-date',
  'release_date',
  'cxenseparse:recs:publishtime',
  'article:post_date',
  'og:pubdate',
  'article_date_original',
  'rnews:datepublished',
  'bt:pubdate',
  'shareaholic:article_published_time',
  'dc.date.published',
  'its-published-date',
];
/**
 * Meta names that say only "a date" (of the record, the last edit, the cache): weaker evidence than the date the page
 * shows in its byline, so read after the date-marked elements.
 */
const GENERIC_DATE_META = [
  'dc.date',
  'dcterms.date',
  'date',
  'dc:date',
  'datecreated',
  'created',
  'creation_date',
  'timestamp',
  'eomportal-lastupdate',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'og:modified_time',
  'article:modified',
  'datemodified',
  'date_modified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
  'last_updated',
  'updated_time',
  'modified',
  'revised',
  'parsely-updated',
  'article:updated_time',
  'dateupdated',
];

const MONTH_NAMES: Record<string, number> = {};
[
  'january|jan|januar|jänner|janvier|janv|enero|ene|gennaio|gen|janeiro|januari|januar|stycznia|leden|января|январь|січня|يناير|كانون الثاني',
  'february|feb|februar|feber|février|fevrier|févr|fevr|febrero|febbraio|fevereiro|fev|februari|lutego|февраля|февраль|лютого|فبراير|شباط',
  'march|mar|märz|maerz|mars|marzo|março|marco|maart|marca|mrz|марта|март|березня|مارس|آذار',
  'april|apr|avril|avr|abril|abr|aprile|kwietnia|апреля|апрель|квітня|أبريل|ابريل|نيسان',
  'may|mai|mayo|maggio|maio|mei|maja|мая|травня|مايو|أيار',
  'june|jun|juni|juin|junio|giugno|junho|czerwca|июня|июнь|червня|يونيو|يونيه|حزيران',
  'july|jul|juli|juillet|juil|julio|luglio|julho|lipca|июля|июль|липня|يوليو|يوليه|تموز',
  'august|aug|août|aout|agosto|ago|augustus|sierpnia|августа|август|серпня|أغسطس|اغسطس|آب',
  'september|sep|sept|septembre|septiembre|setiembre|settembre|setembro|set|września|сентября|сентябрь|вересня|سبتمبر|أيلول',
  'october|oct|okt|oktober|octobre|octubre|ottobre|outubro|out|październik|października|октября|октябрь|жовтня|أكتوبر|اكتوبر|تشرين الأول',
  'november|nov|novembre|noviembre|novembro|listopada|ноября|ноябрь|листопада|نوفمبر|تشرين الثاني',
  'december|dec|dez|dezember|décembre|decembre|déc|diciembre|dic|dicembre|dezembro|grudnia|декабря|декабрь|грудня|ديسمبر|كانون الأول',
].forEach((names, i) => {
  for (const name of names.split('|')) MONTH_NAMES[name] = i + 1;
});
const MONTH_ALT = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Date-ish patterns found in running text; each returns [year, month, day] or null. */
const TEXT_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }> = [
  {
    re: /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    re: /\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)/gu,
    read: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
  {
    re: /\b(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d{2})(?!\d)/gu,
    read: (m) => dayMonthOrMonthDay(Number(m[3]), Number(m[1]), Number(m[2])),
  },
  {
    re: new RegExp(
      String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?(${MONTH_ALT})\.?,?\s*(?:de\s+)?((?:19|20)\d{2})(?!\d)`,
      'giu',
    ),
    read: (m) => monthNamed(m[3], m[2], m[1]),
  },
  {
    re: new RegExp(String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)`, 'giu'),
    read: (m) => monthNamed(m[3], m[1], m[2]),
  },
  {
    re: /((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/gu,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/gu, read: (m) => [2000 + Number(m[3]), Number(m[2]), Number(m[1])] },
];

function dayMonthOrMonthDay(year: number, a: number, b: number): [number, number, number] | null {
  if (a > 12) return [year, b, a];
  if (b > 12) return [year, a, b];
  return [year, b, a]; // ambiguous: day-first, as most of the world writes it
}

function monthNamed(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): [number, number, number] | null {
  const m = MONTH_NAMES[(month ?? '').toLowerCase().replace(/\.$/u, '')];
  return m ? [Number(year), m, Number(day)] : null;
}

export function extractHtmlDates(doc: DomDocument, options: HtmlDateOptions = {}): HtmlDates {
  const maxDate = options.now?.slice(0, 10) ?? '9999-12-31';
  const valid = (hit: DateHit | null): DateHit | null =>
    hit && hit.date >= `${MIN_YEAR}-01-01` && hit.date <= maxDate ? hit : null;

  const meta = readMetaTags(doc, { skipBlank: false });
  const ld = readJsonLdDates(doc);
  const modified =
    valid(fromValue(ld.modified, 'json-ld')) ??
    firstValid(
      MODIFIED_META.map((key) => fromValue(meta.get(key), `meta:${key}`)),
      valid,
    ) ??
    valid(fromValue(attr(doc.querySelector('[itemprop="dateModified"]'), 'content', 'datetime'), 'itemprop'));

  const structured =
    valid(urlDate(options.url ?? canonicalUrl(doc))) ??
    valid(fromValue(ld.published, 'json-ld')) ??
    firstValid(
      PUBLISHED_META.map((key) => fromValue(meta.get(key), `meta:${key}`)),
      valid,
    ) ??
    valid(fromItemprop(doc));
  let published =
    structured ??
    valid(fromTimeElements(doc, true)) ??
    valid(fromDateElements(doc, maxDate)) ??
    valid(fromTimeElements(doc, false)) ??
    firstValid(
      GENERIC_DATE_META.map((key) => fromValue(meta.get(key), `meta:${key}`)),
      valid,
    ) ??
    valid(fromScriptData(doc)) ??
    valid(fromPageText(doc, maxDate)) ??
    modified ??
    valid(fromHeadText(doc, maxDate)) ??
    valid(fromPageText(doc, maxDate, false));

  // A revised or republished article whose page shows the revision date (and not the first one) is dated by it,
  // as a reader (and htmldate) would date it: the metadata's modified date wins when the visible date confirms it.
  if (
    published &&
    modified &&
    structured === published &&
    published.source !== 'url' &&
    modified.date > published.date
  ) {
    const shown = valid(fromDateElements(doc, maxDate)) ?? valid(fromPageText(doc, maxDate));
    if (shown?.date === modified.date) published = modified;
  }
  const offset = pageUtcOffset(doc, meta, ld);
  if (offset !== null) {
    published = published && toLocalDate(published, offset);
    return { published, modified: modified && toLocalDate(modified, offset) };
  }
  return { published, modified };
}

/** One date a page states, for diagnostics (quality-diff): where it came from and the value as written. */
export interface DateCandidate extends DateHit {
  raw?: string;
}

/**
 * Every date candidate of a page, source by source (not only the first that answers): the URL, JSON-LD published
 * and modified, each meta tag, itemprop, <time> elements, date-marked elements, script data and the text scan.
 * For error analysis; extractHtmlDates stops at the first reliable source.
 */
export function collectHtmlDateCandidates(doc: DomDocument, options: HtmlDateOptions = {}): DateCandidate[] {
  const maxDate = options.now?.slice(0, 10) ?? '9999-12-31';
  const out: DateCandidate[] = [];
  const push = (hit: DateHit | null, raw?: string | null): void => {
    if (hit) out.push(raw ? { ...hit, raw } : hit);
  };
  push(urlDate(options.url ?? canonicalUrl(doc)));
  const ld = readJsonLdDates(doc);
  push(fromValue(ld.published, 'json-ld'), ld.published);
  push(fromValue(ld.modified, 'json-ld:modified'), ld.modified);
  const meta = readMetaTags(doc, { skipBlank: false });
  for (const key of [...PUBLISHED_META, ...GENERIC_DATE_META, ...MODIFIED_META])
    push(fromValue(meta.get(key), `meta:${key}`), meta.get(key));
  push(fromItemprop(doc));
  for (const el of toArray(doc.querySelectorAll('time')).slice(0, 5)) {
    const raw = el.getAttribute('datetime') ?? elementText(el);
    push(fromValue(raw, `time.${`${el.className}`.split(/\s+/u)[0] ?? ''}`), raw);
  }
  push(fromDateElements(doc, maxDate));
  push(fromScriptData(doc));
  push(fromPageText(doc, maxDate));
  return out;
}

const OFFSET_RE = /(?:T|\s)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:(?:GMT|UTC)\s*)?([+-])(\d{2}):?(\d{2})\b/u;

/** The UTC offset (minutes) of a date-time string written with a non-zero offset, else null. */
export function statedOffset(value: string | null | undefined): number | null {
  const m = value ? OFFSET_RE.exec(value) : null;
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return minutes === 0 || Math.abs(minutes) > 14 * 60 ? null : minutes;
}

/**
 * The page's own time zone, when its dates say it: the first non-zero UTC offset written in a date-time of the
 * JSON-LD, the meta tags or a <time datetime>. Null when the page states only UTC (or no zone at all).
 */
function pageUtcOffset(
  doc: DomDocument,
  meta: Map<string, string>,
  ld: { published: string | null; modified: string | null },
): number | null {
  for (const value of [
    ld.published,
    ld.modified,
    ...[...PUBLISHED_META, ...GENERIC_DATE_META, ...MODIFIED_META].map((key) => meta.get(key)),
  ]) {
    const offset = statedOffset(value);
    if (offset !== null) return offset;
  }
  for (const el of toArray(doc.querySelectorAll('time[datetime]')).slice(0, 10)) {
    const offset = statedOffset(el.getAttribute('datetime'));
    if (offset !== null) return offset;
  }
  return null;
}

/**
 * A date read from a UTC time stamp ("2023-11-09T06:35:29Z", "+00:00") is the calendar date in London, not where
 * the page is published: with the page's own offset known, the date is the local one ("2023-11-08" in Los Angeles).
 */
function toLocalDate(hit: DateHit, offsetMinutes: number): DateHit {
  if (!hit.utc) return hit;
  const local = new Date(Date.parse(hit.iso) + offsetMinutes * 60_000).toISOString().slice(0, 10);
  return local === hit.date ? hit : { ...hit, date: local };
}

function firstValid(hits: Array<DateHit | null>, valid: (hit: DateHit | null) => DateHit | null): DateHit | null {
  for (const hit of hits) {
    const ok = valid(hit);
    if (ok) return ok;
  }
  return null;
}

const JSONLD_ARTICLE_TYPES =
  /^(?:newsarticle|article|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|blogposting|liveblogposting|report|techarticle|scholarlyarticle|socialmediaposting|discussionforumposting|videoobject|review|recipe|event)$/iu;

/**
 * datePublished/dateModified of the page's article node in JSON-LD (NewsArticle, BlogPosting…), else the first
 * such keys anywhere (regex: much JSON-LD in the wild is broken). datePublished is preferred over dateCreated.
 */
function readJsonLdDates(doc: DomDocument): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  let looseCreated: string | null = null;
  for (const el of toArray(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = el.textContent ?? '';
    const node = articleNode(text);
    if (node) {
      const p =
        stringValue(node['datePublished']) ?? stringValue(node['dateCreated']) ?? stringValue(node['uploadDate']);
      if (p) return { published: p, modified: stringValue(node['dateModified']) ?? modified };
    }
    published ??= /"(?:datePublished|uploadDate)"\s*:\s*"([^"]{8,40})"/u.exec(text)?.[1] ?? null;
    looseCreated ??= /"dateCreated"\s*:\s*"([^"]{8,40})"/u.exec(text)?.[1] ?? null;
    modified ??= /"dateModified"\s*:\s*"([^"]{8,40})"/u.exec(text)?.[1] ?? null;
  }
  return { published: published ?? looseCreated, modified };
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 8 && value.length <= 40 ? value : null;
}

/** The first node of an article-like @type in a JSON-LD block (top level, arrays, @graph), or null. */
function articleNode(text: string): Record<string, unknown> | null {
  if (!/"(?:datePublished|dateCreated|uploadDate)"/u.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const queue: unknown[] = [parsed];
  for (let seen = 0; queue.length && seen < 200; seen++) {
    const node = queue.shift();
    if (Array.isArray(node))
      queue.push(...node.slice(0, 200)); // a spread of a huge array throws RangeError
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
      if (
        types.some((t) => JSONLD_ARTICLE_TYPES.test(t)) &&
        (record['datePublished'] || record['dateCreated'] || record['uploadDate'])
      )
        return record;
      if (record['@graph']) queue.push(record['@graph']);
      if (record['mainEntity']) queue.push(record['mainEntity']);
    }
  }
  return null;
}

function canonicalUrl(doc: DomDocument): string | null {
  return (
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    null
  );
}

function attr(el: DomElement | null, ...names: string[]): string | null {
  if (!el) return null;
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value) return value;
  }
  return null;
}

/** A full date in the URL path: /2019/05/03/, /2019-05-03-, /20190503/. Year-month only is not enough. */
export function urlDate(url: string | null | undefined): DateHit | null {
  if (!url) return null;
  const m =
    // "/2019/05/03/" or "-2019-05-03-", but not "/2023/10/3-fragen-an…" (a slug beginning with a number).
    /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:[/.]|$)/u.exec(url) ??
    /[_-]((?:19|20)\d{2})[_.-](\d{1,2})[_.-](\d{1,2})(?:[/_.-]|$)/u.exec(url) ??
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/u.exec(url);
  return m ? makeHit(Number(m[1]), Number(m[2]), Number(m[3]), 'url') : null;
}

/** A date-time value from structured data: ISO (with its zone honoured), or any loose date we can read. */
export function fromValue(value: string | null | undefined, source: string): DateHit | null {
  if (!value) return null;
  const trimmed = value.trim();
  const iso =
    /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/iu.exec(
      trimmed,
    );
  if (iso) {
    const hit = makeHit(Number(iso[1]), Number(iso[2]), Number(iso[3]), source);
    if (!hit) return null;
    if (iso[4] !== undefined) {
      const zone = iso[7]
        ? iso[7].toUpperCase() === 'Z'
          ? 'Z'
          : iso[7].replace(/^([+-]\d{2})(\d{2})$/u, '$1:$2')
        : 'Z';
      const instant = Date.parse(`${hit.date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`);
      if (!Number.isNaN(instant)) hit.iso = new Date(instant).toISOString();
      if (iso[7] && /^(?:Z|[+-]00:?00)$/iu.test(iso[7]) && !Number.isNaN(instant)) hit.utc = true;
    }
    return hit;
  }
  const loose = parseLooseDate(trimmed);
  if (loose) {
    // The calendar date as written: parse without the time to get it.
    const dateOnly = findDateInText(trimmed);
    return { date: dateOnly?.date ?? loose.iso.slice(0, 10), iso: loose.iso, source };
  }
  const found = findDateInText(trimmed);
  return found ? { ...found, source } : null;
}

function fromItemprop(doc: DomDocument): DateHit | null {
  for (const el of toArray(
    doc.querySelectorAll('[itemprop="datePublished"],[itemprop="dateCreated"],[property="datePublished"]'),
  )) {
    const hit = fromValue(attr(el, 'content', 'datetime') ?? elementText(el), 'itemprop');
    if (hit) return hit;
  }
  return null;
}

/** <time datetime>: first pass only the ones marked as the publication date; second pass any. */
function fromTimeElements(doc: DomDocument, markedOnly: boolean): DateHit | null {
  for (const el of toArray(doc.querySelectorAll('time'))) {
    const marker = `${el.className} ${el.id} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase();
    const marked = el.hasAttribute('pubdate') || /publish|entry-date|post-date|created|pubdate/u.test(marker);
    if (markedOnly && !marked) continue;
    if (!markedOnly && /modif|updat/u.test(marker)) continue;
    const hit = fromValue(el.getAttribute('datetime') ?? elementText(el), markedOnly ? 'time[pubdate]' : 'time');
    if (hit) return hit;
  }
  return null;
}

const DATE_ELEMENT_RE =
  /date|datum|time|publish|posted|byline|dateline|entry-meta|post-meta|postmeta|article-meta|meta-info|submitted|fecha|parution|veröffentlicht|info|subline|stand/iu;
const UPDATE_WORDS_RE =
  /(?:updated?|aktualisiert|modifi|actualizado|mis à jour|geändert|zuletzt)\s*(?::\s*)?(?:(?:on|am|le|el)\s*)?$/iu;

/** Elements whose class/id talk about dates (bylines, post meta): the first readable date in document order. */
function fromDateElements(doc: DomDocument, maxDate: string): DateHit | null {
  const body = doc.body;
  if (!body) return null;
  let checked = 0;
  for (const el of toArray(body.querySelectorAll('[class],[id]'))) {
    const marker = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
    if (!DATE_ELEMENT_RE.test(marker) || /comment|widget|sidebar|footer|calendar|archive|related/iu.test(marker))
      continue;
    // hAtom/abbr style: the machine-readable date sits in an attribute ("<abbr class='published' title='2020-04-28T21:11:00+02:00'>21:11</abbr>").
    const stamp = attr(el, 'datetime', 'title', 'content');
    if (stamp && /^\s*(?:19|20)\d{2}-\d{2}-\d{2}/u.test(stamp) && !/modif|updat/iu.test(marker)) {
      const hit = fromValue(stamp, 'element');
      if (hit && hit.date <= maxDate) return hit;
    }
    const text = elementText(el);
    if (!text || text.length > 200) continue;
    if (++checked > 60) break;
    const hit = findDateInText(text, maxDate, true);
    if (hit) return { ...hit, source: 'element' };
  }
  return null;
}

const SCRIPT_DATE_RE =
  /["'](?:published_at|publishedAt|publish_date|publishDate|datePublished|pubDate|date_published|created_at|createdAt|firstPublished|first_published_at)["']\s*:\s*["']((?:19|20)\d{2}-\d{2}-\d{2}[^"']{0,25})["']/u;

/** Inline script data (app state, analytics layers): a "published_at"/"publishDate"… key with an ISO date. */
function fromScriptData(doc: DomDocument): DateHit | null {
  for (const el of toArray(doc.querySelectorAll('script'))) {
    const text = (el.textContent ?? '').replace(/&quot;/gu, '"');
    const m = SCRIPT_DATE_RE.exec(text);
    const hit = m ? fromValue(m[1], 'script') : null;
    if (hit) return hit;
  }
  return null;
}

/**
 * Last resort: every date in the page text. A date that recurs wins; otherwise the first date in the main
 * content area. The copyright year is only a bound (dates more than a year before it are usually archive links);
 * it is never itself taken as the publication date.
 */
function fromPageText(doc: DomDocument, maxDate: string, copyrightBound = true): DateHit | null {
  const body = doc.body;
  if (!body) return null;
  const text = (body.textContent ?? '').replace(/\s+/gu, ' ');
  const copyright = copyrightBound
    ? /(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})/iu.exec(text)
    : null;
  const copyYear = copyright ? Number(copyright[1]) : 0;
  const counts = new Map<string, { hit: DateHit; count: number; first: number }>();
  for (const { re, read } of TEXT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = read(m);
      const hit = parts ? makeHit(parts[0], parts[1], parts[2], 'text') : null;
      const year = Number(hit?.date.slice(0, 4));
      if (!hit || hit.date > maxDate || year < Math.max(MIN_YEAR, copyYear - 1)) continue;
      const entry = counts.get(hit.date);
      if (entry) entry.count += 1;
      else counts.set(hit.date, { hit, count: 1, first: m.index });
    }
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  return ranked[0]?.hit ?? null;
}

/** The page's title and description ("… | DW | 23.05.2011", "Notizia del 14 Gennaio 2020"): when the body has no date. */
function fromHeadText(doc: DomDocument, maxDate: string): DateHit | null {
  const meta = readMetaTags(doc, { skipBlank: false });
  for (const value of [
    doc.querySelector('title')?.textContent,
    meta.get('og:title'),
    meta.get('description'),
    meta.get('og:description'),
  ]) {
    const hit = value ? findDateInText(value, maxDate) : null;
    if (hit) return { ...hit, source: 'head' };
  }
  return null;
}

/** The first date written in a piece of text (any of our patterns), skipping "updated …" dates if asked. */
export function findDateInText(
  text: string,
  maxDate = '9999-12-31',
  skipUpdates = false,
): { date: string; iso: string } | null {
  let best: { date: string; iso: string; index: number } | null = null;
  for (const { re, read } of TEXT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (best && m.index >= best.index) break;
      if (skipUpdates && UPDATE_WORDS_RE.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
      const parts = read(m);
      const hit = parts ? makeHit(parts[0], parts[1], parts[2], 'text') : null;
      if (hit && hit.date <= maxDate && Number(hit.date.slice(0, 4)) >= MIN_YEAR) {
        best = { date: hit.date, iso: hit.iso, index: m.index };
        break;
      }
    }
  }
  return best ? { date: best.date, iso: best.iso } : null;
}

function makeHit(year: number, month: number, day: number, source: string): DateHit | null {
  if (!(year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCDate() !== day) return null;
  const date = check.toISOString().slice(0, 10);
  return { date, iso: check.toISOString(), source };
}
