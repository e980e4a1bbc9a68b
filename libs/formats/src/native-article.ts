import type { ParsedItem } from '@wirestream/contracts';
import type { FieldError } from './errors';
import { parseJsonSafely } from './json-safe';
import { describe } from './parse-ninjs';
import { emptyParsedItem } from './parsed-item';
import { ItemProblem, looksLikeHtml, WireContext, type ParsedBatch, type WireParseOptions } from './wire-context';

/** The native JSON article as partners push it (`POST /v1/ingest` with `application/json`). */
export interface NativeArticle {
  /** The sender's own id for the story; stable across versions. `externalId` is an alias. */
  id?: string;
  externalId?: string;
  version?: number;
  pubStatus?: 'usable' | 'withdrawn' | 'canceled' | 'withheld';
  url?: string;
  title: string;
  subtitle?: string;
  byline?: string;
  publishedAt?: string;
  updatedAt?: string;
  language?: string;
  source?: string;
  body: string;
  contentType?: 'html' | 'text';
  urgency?: number;
  subjects?: string[];
  located?: string;
  edNote?: string;
}

const LIMITS = { id: 1024, url: 2048, title: 1000, short: 1000, body: 5_000_000, subjects: 100 } as const;
const PUB_STATUSES = ['usable', 'withdrawn', 'canceled', 'withheld'] as const;
const LANGUAGE_RE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u;

/**
 * OpenAPI 3.1 (JSON Schema 2020-12) schema of one native article. The ingestor publishes it in its OpenAPI
 * document; `validateNativeArticle` enforces the same rules by hand with per-field errors.
 */
export const NATIVE_ARTICLE_OPENAPI_SCHEMA = {
  $id: 'https://wirestream.dev/schemas/native-article.json',
  title: 'NativeArticle',
  description:
    "One article in Wirestream's native JSON format. Send one object, or an array of them (a batch: good items are accepted, bad ones are reported by index).",
  type: 'object',
  required: ['title', 'body'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.id,
      description: 'Your stable id for the story (same across versions). Alias: externalId.',
    },
    externalId: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.id,
      description: 'Alias of id; if both are given they must be equal.',
    },
    version: {
      type: 'integer',
      minimum: 1,
      description: 'Version number; a higher version replaces the stored one, a lower one is refused.',
    },
    pubStatus: {
      type: 'string',
      enum: [...PUB_STATUSES],
      default: 'usable',
      description: 'withdrawn (or canceled/withheld) removes the article from search.',
    },
    url: {
      type: 'string',
      format: 'uri',
      maxLength: LIMITS.url,
      pattern: '^https?://',
      description: 'Canonical web address of the article.',
    },
    title: { type: 'string', minLength: 1, maxLength: LIMITS.title },
    subtitle: { type: 'string', maxLength: LIMITS.short },
    byline: { type: 'string', maxLength: LIMITS.short },
    publishedAt: {
      type: 'string',
      format: 'date-time',
      description: 'ISO 8601 with a zone. Unreadable or more than a day in the future: stored as null with a warning.',
    },
    updatedAt: { type: 'string', format: 'date-time' },
    language: {
      type: 'string',
      pattern: LANGUAGE_RE.source,
      description: 'ISO 639-1 code or BCP 47 tag, e.g. "en", "pt-BR".',
    },
    source: { type: 'string', maxLength: 200, description: 'Source name; the `source` query parameter overrides it.' },
    body: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.body,
      description: 'Article body, HTML or plain text (see contentType).',
    },
    contentType: { type: 'string', enum: ['html', 'text'], description: 'Omitted: detected from the body.' },
    urgency: { type: 'integer', minimum: 1, maximum: 9, description: 'IPTC urgency, 1 = most urgent.' },
    subjects: { type: 'array', maxItems: LIMITS.subjects, items: { type: 'string', minLength: 1, maxLength: 200 } },
    located: { type: 'string', maxLength: 200, description: 'Where the story happened (dateline place).' },
    edNote: { type: 'string', maxLength: LIMITS.short, description: 'Editorial note, e.g. "Corrects spelling of …".' },
  },
  additionalProperties: true,
  examples: [
    {
      id: 'partner-2026-0203-0042',
      version: 1,
      title: 'Harbour authority approves night ferry pilot',
      byline: 'By Ana Ribeiro',
      publishedAt: '2026-02-03T09:30:00+01:00',
      language: 'en',
      source: 'Coastal Partner News',
      body: '<p>The harbour authority on Tuesday approved a six-month pilot of night ferries.</p>',
      contentType: 'html',
      urgency: 4,
      subjects: ['transport', 'local government'],
      located: 'Porto',
    },
  ],
} as const;

/** The request body: one article or a batch array of them. */
export const NATIVE_ARTICLE_BODY_OPENAPI_SCHEMA = {
  oneOf: [
    { $ref: '#/components/schemas/NativeArticle' },
    { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/NativeArticle' } },
  ],
} as const;

/** Checks one native article; returns every field problem (empty = valid). */
export function validateNativeArticle(value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ path: '', message: `expected a JSON object, found ${describe(value)}` }];
  const v = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  const err = (path: string, message: string): void => void errors.push({ path, message });
  const optString = (key: string, max: number, required = false): void => {
    const x = v[key];
    if (x === undefined || x === null) {
      if (required) err(`/${key}`, 'is required');
      return;
    }
    if (typeof x !== 'string') return err(`/${key}`, `must be a string, found ${describe(x)}`);
    if (required && !x.trim()) return err(`/${key}`, 'must not be empty');
    if (x.length > max) err(`/${key}`, `must be at most ${max} characters (has ${x.length})`);
  };

  optString('id', LIMITS.id);
  optString('externalId', LIMITS.id);
  if (typeof v['id'] === 'string' && typeof v['externalId'] === 'string' && v['id'] !== v['externalId'])
    err('/externalId', 'differs from id; send one of them');
  if (
    v['version'] !== undefined &&
    v['version'] !== null &&
    !(Number.isSafeInteger(v['version']) && (v['version'] as number) >= 1)
  ) {
    err('/version', `must be an integer >= 1, found ${JSON.stringify(v['version'])}`);
  }
  if (v['pubStatus'] !== undefined && v['pubStatus'] !== null && !PUB_STATUSES.includes(v['pubStatus'] as never)) {
    err('/pubStatus', `must be one of ${PUB_STATUSES.join(', ')}, found ${JSON.stringify(v['pubStatus'])}`);
  }
  optString('url', LIMITS.url);
  if (typeof v['url'] === 'string' && !isHttpUrl(v['url'])) err('/url', 'must be an absolute http(s) URL');
  optString('title', LIMITS.title, true);
  for (const key of ['subtitle', 'byline', 'edNote']) optString(key, LIMITS.short);
  for (const key of ['source', 'located']) optString(key, 200);
  for (const key of ['publishedAt', 'updatedAt']) optString(key, 100);
  optString('language', 35);
  if (typeof v['language'] === 'string' && !LANGUAGE_RE.test(v['language']))
    err('/language', `must be a language code like "en" or "pt-BR", found ${JSON.stringify(v['language'])}`);
  optString('body', LIMITS.body, true);
  if (
    v['contentType'] !== undefined &&
    v['contentType'] !== null &&
    v['contentType'] !== 'html' &&
    v['contentType'] !== 'text'
  ) {
    err('/contentType', `must be "html" or "text", found ${JSON.stringify(v['contentType'])}`);
  }
  const u = v['urgency'];
  if (u !== undefined && u !== null && !(Number.isInteger(u) && (u as number) >= 1 && (u as number) <= 9))
    err('/urgency', `must be an integer from 1 to 9, found ${JSON.stringify(u)}`);
  const s = v['subjects'];
  if (s !== undefined && s !== null) {
    if (!Array.isArray(s)) err('/subjects', `must be an array of strings, found ${describe(s)}`);
    else {
      if (s.length > LIMITS.subjects) err('/subjects', `must have at most ${LIMITS.subjects} entries`);
      s.forEach((x, k) => {
        if (typeof x !== 'string' || !x.trim()) err(`/subjects/${k}`, 'must be a non-empty string');
      });
    }
  }
  return errors;
}

/** The native JSON article: one object or a batch array. */
export function parseNativeJson(json: string, options: WireParseOptions = {}): ParsedBatch {
  return parseNativeJsonValue(parseJsonSafely(json), new WireContext(options));
}

export function parseNativeJsonValue(value: unknown, ctx: WireContext): ParsedBatch {
  if (Array.isArray(value)) {
    value.forEach((entry, index) => ctx.attempt(index, () => nativeItem(entry, index, ctx, false)));
    return ctx.finish(true, 'The JSON batch is an empty array.');
  }
  ctx.attempt(0, () => nativeItem(value, 0, ctx, true));
  return ctx.finish(false, 'The JSON article is empty.');
}

function nativeItem(value: unknown, index: number, ctx: WireContext, single: boolean): ParsedItem {
  const where = single ? 'article' : `article ${index}`;
  const problems = validateNativeArticle(value);
  if (problems.length) {
    // A version out of range alone gets its own code, as the ingest API's range check answers it.
    const code = problems.every((p) => p.path === '/version') ? 'invalid-version' : 'invalid-article';
    throw new ItemProblem(
      code,
      `${where}: ${problems.map((p) => `${p.path || '(root)'} ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const a = value as unknown as NativeArticle;
  const contentType = a.contentType ?? (looksLikeHtml(a.body) ? 'html' : 'text');
  const item = emptyParsedItem('json', contentType, a.body);
  item.externalId = (a.id ?? a.externalId)?.trim() || null;
  item.version = a.version ?? null;
  item.pubStatus = a.pubStatus && a.pubStatus !== 'usable' ? 'withdrawn' : 'usable';
  item.url = a.url ?? (single ? (ctx.options.url ?? null) : null);
  item.title = a.title.trim();
  item.subtitle = a.subtitle?.trim() || null;
  item.byline = a.byline?.trim() || null;
  item.publishedAt = ctx.date(a.publishedAt, `${where} /publishedAt`);
  item.updatedAt = ctx.date(a.updatedAt, `${where} /updatedAt`);
  item.versionCreatedAt = item.updatedAt ?? item.publishedAt;
  item.language = a.language ?? null;
  item.sourceName = ctx.options.sourceName ?? a.source?.trim() ?? null;
  item.wire = {
    urgency: a.urgency ?? null,
    subjects: (a.subjects ?? []).map((x) => x.trim()),
    located: a.located?.trim() || null,
    edNote: a.edNote?.trim() || null,
  };
  return item;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
