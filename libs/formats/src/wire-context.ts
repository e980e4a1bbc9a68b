import type { ParsedItem } from '@wirestream/contracts';
import { EmptyFeedError, InvalidItemsError, type FieldError, type ItemError } from './errors';
import { removeElements, stripTags } from './html-scan';
import { nameFitsHost, pageHost } from './text-page-host';
import { parseWireDate } from './wire-dates';

export interface WireParseOptions {
  /** The URL the body was fetched from / the `url` query parameter. Applied to single-item bodies only. */
  url?: string | null;
  /** Overrides the source name the body carries (channel title, provider…). */
  sourceName?: string | null;
  /** The clock for the "date in the future" rule; defaults to the current time. */
  now?: Date;
}

/** What a wire parser returns: the good items, the refused ones by index, and non-fatal warnings. */
export interface ParsedBatch {
  items: ParsedItem[];
  /** The position in the body (0-based) of each good item: `indexes[k]` is where `items[k]` came from. */
  indexes: number[];
  errors: ItemError[];
  warnings: string[];
}

/** A date more than this far ahead of `now` is treated as wrong (nulled, with a warning). */
export const FUTURE_DATE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** Raised inside one item's parsing; becomes an ItemError for that index while the other items go on. */
export class ItemProblem extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly fields?: FieldError[],
  ) {
    super(detail);
  }
}

/** Collects items, per-item errors and warnings while a body is parsed. */
export class WireContext {
  readonly items: ParsedItem[] = [];
  readonly indexes: number[] = [];
  readonly errors: ItemError[] = [];
  readonly warnings: string[] = [];
  readonly now: Date;

  constructor(readonly options: WireParseOptions = {}) {
    this.now = options.now ?? new Date();
  }

  /** Builds one item; an ItemProblem is recorded against `index` instead of failing the whole body. */
  attempt(index: number, build: () => ParsedItem): void {
    try {
      const item = build();
      this.items.push(item);
      this.indexes.push(index);
    } catch (error) {
      if (!(error instanceof ItemProblem)) throw error;
      this.errors.push({
        index,
        code: error.code,
        detail: error.detail,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
  }

  /**
   * A wire date as ISO 8601 UTC. Unparseable, or more than a day in the future → null and a warning
   * naming the item and field; the item itself is kept.
   */
  date(raw: string | null | undefined, where: string): string | null {
    if (raw === null || raw === undefined || !raw.trim()) return null;
    const iso = parseWireDate(raw);
    if (!iso) {
      this.warnings.push(`${where}: "${clip(raw)}" is not a date we can read; set to null`);
      return null;
    }
    return this.checkFuture(iso, where, raw);
  }

  /** Applies the future-date rule to an already-normalised ISO date. */
  checkFuture(iso: string | null, where: string, raw: string = iso ?? ''): string | null {
    if (!iso) return null;
    if (Date.parse(iso) - this.now.getTime() > FUTURE_DATE_TOLERANCE_MS) {
      this.warnings.push(`${where}: "${clip(raw)}" is more than a day in the future; set to null`);
      return null;
    }
    return iso;
  }

  /** The parse result; a body whose every item was refused throws, and so does an empty feed. */
  finish(batch: boolean, emptyDetail: string): ParsedBatch {
    if (this.items.length === 0 && this.errors.length === 0) throw new EmptyFeedError(emptyDetail);
    if (this.items.length === 0) throw new InvalidItemsError(this.errors, batch);
    return { items: this.items, indexes: this.indexes, errors: this.errors, warnings: this.warnings };
  }
}

function clip(value: string): string {
  const oneLine = value.replace(/\s+/gu, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
}

/** A positive integer version from a wire attribute ("2", 2); null when absent; ItemProblem when garbage. */
export function wireVersion(raw: string | number | null | undefined, where: string): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/u.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new ItemProblem('invalid-version', `${where}: version "${String(raw)}" is not a positive integer`);
  return n;
}

/** Urgency 1 (highest) … 9; anything else → null. */
export function wireUrgency(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

/** Unique, trimmed, non-empty strings in first-seen order. */
export function uniqueStrings(values: Array<string | null | undefined>): string[] {
  const seen = new Set<string>(); // a Set, not out.includes: an item may carry thousands of categories
  for (const value of values) {
    const v = value?.replace(/\s+/gu, ' ').trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

const HTML_TAG_RE =
  /<\/?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|blockquote|img|figure|table|section|article|pre|hr)\b[^>]*>/iu;

/** True when a string carries HTML markup rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  // Only up to the last `>`: from a `<p` after it the regex would scan to the end, for every such `<p`.
  return HTML_TAG_RE.test(value.slice(0, value.lastIndexOf('>') + 1));
}

/** Plain text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
export function htmlToPlainText(html: string, decode: (s: string) => string): string {
  return decode(stripTags(removeElements(html, ['script', 'style'], ' '), ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Wire-update prefixes and desk labels of a headline ("UPDATE 2-", "CORRECTED-UPDATE 1-", "REFILE-", "FLASH:",
 * "URGENT -", "BREAKING:", "EXCLUSIVE-", "ANALYSIS-", "FACTBOX-"): desk metadata, not the headline. Upper-case only, so a headline starting "Update on…" stays.
 */
const WIRE_PREFIX_RE =
  /^(?:UPDATE ?\d{0,2}|CORRECTED|CORRECTION|REFILE|RPT|REPEAT|WRAPUP ?\d{0,2}|FLASH|URGENT|BULLETIN|ALERT|BREAKING|EILMELDUNG|URGENTE|ÚLTIMA HORA|EXCLUSIVE|ANALYSIS|FACTBOX|EXPLAINER|INSIGHT|FOCUS|PREVIEW|TIMELINE|INTERVIEW|BRIEF|BUZZ|GRAPHIC|POLL|VIEWPOINT|BREAKINGVIEWS|SNAPSHOT|DIARY|TABLE|MARKETS|HIGHLIGHTS)(?: ?[-:–—] ?| ?\/ ?)/u;
/** Prefixes that mark an item as most urgent when the wire gives no urgency. */
const URGENT_PREFIXES = new Set([
  'FLASH',
  'URGENT',
  'BULLETIN',
  'ALERT',
  'BREAKING',
  'EILMELDUNG',
  'URGENTE',
  'ÚLTIMA HORA',
]);

export interface WireHeadline {
  title: string | null;
  /** The prefixes taken off, as the desk wrote them ("CORRECTED UPDATE 2"); null when none. */
  prefix: string | null;
  urgent: boolean;
}

export function splitWireHeadline(headline: string | null): WireHeadline {
  if (!headline) return { title: headline, prefix: null, urgent: false };
  let rest = headline.trimStart();
  const taken: string[] = [];
  // Prefixes chain ("CORRECTED-UPDATE 1-"); a handful at most.
  for (let m = WIRE_PREFIX_RE.exec(rest); m && taken.length < 4; m = WIRE_PREFIX_RE.exec(rest)) {
    taken.push(trimWirePrefix(m[0]));
    rest = rest.slice(m[0].length).trimStart();
  }
  if (taken.length === 0 || !rest) return { title: headline, prefix: null, urgent: false };
  return { title: rest, prefix: taken.join(' '), urgent: taken.some((p) => URGENT_PREFIXES.has(p)) };
}

function trimWirePrefix(prefix: string): string {
  let end = prefix.length;
  while (end > 0 && ' -:–—/'.includes(prefix[end - 1]!)) end -= 1;
  return prefix.slice(0, end);
}

/** Adds the headline's wire prefix to the editors' note (it is desk metadata, like the note). */
export function withWirePrefix(edNote: string | null, prefix: string | null): string | null {
  if (!prefix) return edNote;
  return edNote ? `${prefix}. ${edNote}` : prefix;
}

/**
 * A feed's title as the publication's name: "Site – Section", "Site | Category", "Site » Feed", "Site: Top Stories"
 * → "Site"; a title without such a separator is the name itself. With the feed's address, the part that spells its
 * host is the name wherever it stands ("Politics | Example News" at example-news.com); a WordPress category feed
 * ("Business Archives - Example News") names the site last.
 */
export function feedPublicationName(title: string | null, link?: string | null): string | null {
  if (!title) return title;
  const whole = title.trim();
  const parts = whole
    .split(FEED_TITLE_SEPARATOR_RE)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return whole || null;
  const host = pageHost(link);
  const named = host ? parts.find((part) => nameFitsHost(part, host)) : undefined;
  if (named) return named;
  if (ARCHIVE_PART_RE.test(parts[0]!)) return parts.at(-1)!;
  return parts[0]!;
}
const FEED_TITLE_SEPARATOR_RE = / [–—|»:·-] |: /u;
/** "Business Archives", "Archiv: Politik", "Archives de la catégorie …": a section's archive, not the site. */
const ARCHIVE_PART_RE = /^(?:.+ archives?|archives?\b.*|.+ archiv|archiv\b.*|archivo\b.*|arquivo\b.*|archivio\b.*)$/iu;
