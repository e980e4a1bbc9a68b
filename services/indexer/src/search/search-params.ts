import { FIELD_LIMITS } from '@wirestream/contracts';
import { PermanentError } from '@wirestream/platform';
import {
  MAX_SEARCH_SIZE,
  parseIsoDate,
  type ArticleSearchQuery,
  type ArticleSortOrder,
  type IsoDate,
} from '@wirestream/search';

/** One refused parameter: its name and what is wrong with it (never the engine's words). */
export interface ParameterProblem {
  parameter: string;
  message: string;
}

/**
 * Longest value of each parameter, in characters. A value matched against a keyword field is capped at that field's
 * limit (a longer one can match nothing the indexer stores); `q` at what a person types; the cursor at what we issue.
 */
export const SEARCH_PARAMETER_LIMITS = {
  q: 1000,
  source: FIELD_LIMITS.sourceName,
  language: 35,
  person: FIELD_LIMITS.entityName,
  place: FIELD_LIMITS.entityName,
  organization: FIELD_LIMITS.entityName,
  cluster: FIELD_LIMITS.keywordField,
  cursor: 2000,
} as const;

/** Values of one list parameter, repeated and comma-separated together. */
export const MAX_LIST_VALUES = 50;

const LIST_PARAMETERS = ['source', 'language', 'person', 'place', 'organization'] as const;
const SORTS = ['relevance', 'newest', 'oldest'] as const;
const KNOWN = new Set<string>(['q', ...LIST_PARAMETERS, 'from', 'to', 'cluster', 'sort', 'collapse', 'size', 'cursor']);
/** How much of a refused value or name a problem quotes back. */
const QUOTE_MAX = 40;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Query parameters of `GET /v1/search`, checked before anything reaches the engine: unknown parameters are refused
 * (a typo must not silently widen a search), every value has a length cap, scalars may appear once, dates are strict
 * (see `parseIsoDate`). A refusal is `400 invalid-parameter` naming the first bad parameter in `parameter` and all of
 * them in `errors`. Linear in the size of the query.
 */
export function parseSearchParams(query: Record<string, unknown>): ArticleSearchQuery {
  const problems: ParameterProblem[] = [];
  const refuse = (parameter: string, message: string) => problems.push({ parameter, message });
  const out: ArticleSearchQuery = {};

  for (const name of Object.keys(query)) if (!KNOWN.has(name)) refuse(quote(name, false), 'unknown parameter');

  const scalar = (name: string, max: number): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      refuse(name, Array.isArray(value) ? 'given more than once; it takes one value' : 'must be a plain value');
      return undefined;
    }
    return checkedText(name, value, max, refuse);
  };

  const q = scalar('q', SEARCH_PARAMETER_LIMITS.q);
  if (q !== undefined) out.q = q;

  for (const name of LIST_PARAMETERS) {
    const raw = query[name];
    if (raw === undefined) continue;
    const parts = Array.isArray(raw) ? raw : [raw];
    if (!parts.every((part): part is string => typeof part === 'string')) {
      refuse(name, 'must be plain values (repeat the parameter or separate values with commas)');
      continue;
    }
    const values = parts
      .flatMap((part) => part.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > MAX_LIST_VALUES) {
      refuse(name, `has ${values.length} values; at most ${MAX_LIST_VALUES}`);
      continue;
    }
    const checked = values.map((value) => checkedText(name, value, SEARCH_PARAMETER_LIMITS[name], refuse));
    if (checked.every((value): value is string => value !== undefined)) out[name] = checked;
  }

  const dates: Partial<Record<'from' | 'to', IsoDate>> = {};
  for (const name of ['from', 'to'] as const) {
    const value = scalar(name, Number.MAX_SAFE_INTEGER);
    if (value === undefined) continue;
    const parsed = parseIsoDate(value);
    if (!parsed.ok) {
      refuse(name, `${quote(value)} ${parsed.reason}`);
      continue;
    }
    dates[name] = parsed.date;
    out[name] = value.trim();
  }
  const { from, to } = dates;
  if (from && to && from.startMs > to.endMs - (to.kind === 'date' ? 1 : 0))
    refuse('to', `${quote(to.canonical)} is before from ${quote(from.canonical)}`);

  const cluster = scalar('cluster', SEARCH_PARAMETER_LIMITS.cluster)?.trim();
  if (cluster === '') refuse('cluster', 'is empty');
  else if (cluster !== undefined) out.cluster = cluster;

  const sort = scalar('sort', 20);
  if (sort !== undefined) {
    if ((SORTS as readonly string[]).includes(sort)) out.sort = sort as ArticleSortOrder;
    else refuse('sort', `must be ${SORTS.join(', ')}; got ${quote(sort)}`);
  }
  const collapse = scalar('collapse', 20);
  if (collapse !== undefined) {
    if (collapse === 'cluster') out.collapse = 'cluster';
    else refuse('collapse', `can only be cluster; got ${quote(collapse)}`);
  }
  const size = scalar('size', 10);
  if (size !== undefined) {
    // Digits only: Number() would also read 1e1, 0x10, " 5" and Infinity.
    if (/^\d{1,3}$/.test(size) && Number(size) <= MAX_SEARCH_SIZE) out.size = Number(size);
    else refuse('size', `must be a whole number from 0 to ${MAX_SEARCH_SIZE}; got ${quote(size)}`);
  }
  const cursor = scalar('cursor', SEARCH_PARAMETER_LIMITS.cursor);
  if (cursor !== undefined) out.cursor = cursor;

  if (problems.length) throw invalidParameters(problems);
  return out;
}

/** The one problem shape for bad search input: `400 invalid-parameter`, the first bad parameter named. */
export function invalidParameters(problems: ParameterProblem[]): PermanentError {
  const detail = problems.map((p) => `${p.parameter}: ${p.message}`).join('; ');
  return new PermanentError('invalid-parameter', detail, 400, { parameter: problems[0]!.parameter, errors: problems });
}

function checkedText(
  name: string,
  value: string,
  max: number,
  refuse: (parameter: string, message: string) => void,
): string | undefined {
  if (value.length > max) {
    refuse(name, `is ${value.length} characters long; at most ${max}`);
    return undefined;
  }
  // A lone surrogate cannot be encoded as UTF-8 for the engine (nor stored or logged faithfully).
  if (LONE_SURROGATE.test(value)) {
    refuse(name, 'contains invalid Unicode (a lone surrogate)');
    return undefined;
  }
  return value;
}

/** A value quoted back in a problem: JSON-escaped and cut, so a 1 MB value never comes back whole. */
function quote(value: string, json = true): string {
  const cut = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
  return json ? JSON.stringify(cut) : cut;
}
