import { WIRE_FORMATS } from '@wirestream/contracts';
import { PermanentError } from '@wirestream/platform';
import { z } from 'zod';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the poller sets itself (conditional GET, framing, routing); a source may not override them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'if-none-match',
  'if-modified-since',
  'accept-encoding',
  'upgrade',
  'te',
  'trailer',
]);

const httpUrl = z
  .string()
  .max(2048, 'at most 2048 characters')
  .refine(
    (v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol),
    'must be an absolute http(s) URL',
  )
  .refine(
    (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
    'must not contain credentials; use authHeaders',
  );

const authHeaders = z
  .record(
    z
      .string()
      .regex(HEADER_NAME, 'header names are HTTP tokens')
      .refine((n) => !RESERVED_HEADERS.has(n.toLowerCase()), 'this header is set by the poller'),
    z
      .string()
      .max(4096, 'at most 4096 characters')
      .regex(/^[^\r\n\0]*$/, 'no CR, LF or NUL'),
  )
  .refine((h) => Object.keys(h).length <= 20, 'at most 20 headers');

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  url: httpUrl,
  format: z.enum(['auto', ...WIRE_FORMATS], { error: `one of auto, ${WIRE_FORMATS.join(', ')}` }),
  pollIntervalSeconds: z
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number')
    .min(10, 'at least 10')
    .max(86400, 'at most 86400 (a day)'),
  enabled: z.boolean({ error: 'must be true or false' }),
  authHeaders,
};

export const createSourceSchema = z.strictObject({
  name: fields.name.optional(),
  url: fields.url,
  format: fields.format.default('auto'),
  pollIntervalSeconds: fields.pollIntervalSeconds.default(300),
  enabled: fields.enabled.default(true),
  authHeaders: authHeaders.optional(),
});

/** PATCH: every field optional; `authHeaders: null` removes them. */
export const updateSourceSchema = z
  .strictObject({
    name: fields.name.optional(),
    url: fields.url.optional(),
    format: fields.format.optional(),
    pollIntervalSeconds: fields.pollIntervalSeconds.optional(),
    enabled: fields.enabled.optional(),
    authHeaders: authHeaders.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change');

export type CreateSourceInput = z.infer<typeof createSourceSchema>;
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

/** Validates a JSON body, reporting every bad field (JSON-pointer path + message) in one problem+json. */
export function parseSourceBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new PermanentError('invalid-source', 'The body must be a JSON object', 400, {
      errors: [{ path: '', message: 'expected a JSON object' }],
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: `/${issue.path.map(String).join('/')}`,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw new PermanentError('invalid-source', errors.map((e) => `${e.path}: ${e.message}`).join('; '), 400, { errors });
}
