import { PermanentError } from '@wirestream/platform';
import type { ArticleSearchQuery } from '@wirestream/search';
import { z } from 'zod';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .optional();

const isoDate = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or date-time (e.g. 2026-02-04)')
  .optional();

/** Query parameters of `GET /v1/search`. Unknown parameters are refused so that typos don't silently widen a search. */
export const searchParamsSchema = z
  .object({
    q: z.string().max(1000, 'must be at most 1000 characters').optional(),
    source: list,
    language: list,
    from: isoDate,
    to: isoDate,
    person: list,
    place: list,
    organization: list,
    cluster: z.string().trim().min(1).optional(),
    sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
    collapse: z.enum(['cluster']).optional(),
    size: z.coerce.number().int('must be a whole number').min(0, 'must be ≥ 0').max(100, 'must be ≤ 100').optional(),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

export function parseSearchParams(query: Record<string, unknown>): ArticleSearchQuery {
  const result = searchParamsSchema.safeParse(query);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      parameter: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.'),
      message: issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message,
    }));
    throw new PermanentError('invalid-search-parameters', errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), 400, { errors });
  }
  const out: ArticleSearchQuery = {};
  for (const [key, value] of Object.entries(result.data)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
