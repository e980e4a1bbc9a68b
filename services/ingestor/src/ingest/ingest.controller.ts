import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { FIELD_LIMITS } from '@wirestream/contracts';
import { traceIdFromTraceparent } from '@wirestream/kafka';
import { PermanentError } from '@wirestream/platform';
import type { Request, Response } from 'express';
import { IngestService } from './ingest.service';
import { invalidCharacterAt } from './item-checks';

@Controller('v1/ingest')
export class IngestController {
  constructor(private readonly ingestService: IngestService) {}

  @Post()
  @HttpCode(202)
  // The key is checked by ApiKeyMiddleware (ingest.module.ts), before the body is read.
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Ingest articles in any supported format (detected from Content-Type or by sniffing the bytes)',
  })
  @ApiConsumes(
    'text/plain',
    'text/html',
    'application/rss+xml',
    'application/atom+xml',
    'application/xml',
    'application/json',
  )
  @ApiBody({ description: 'The article(s), as received from the wire, feed or scraper', schema: { type: 'string' } })
  @ApiQuery({
    name: 'source',
    required: false,
    description: `Source name, when the body does not say it (at most ${FIELD_LIMITS.sourceName} characters)`,
  })
  @ApiQuery({
    name: 'url',
    required: false,
    description: 'Where the article was fetched from (absolute http(s) URL, at most 2048 characters)',
  })
  @ApiResponse({
    status: 202,
    description: '{ accepted: [{ id, version, pubStatus, duplicate, title }], refused: [{ index, id, code, detail }] }',
  })
  @ApiResponse({ status: 400, description: 'problem+json: the body could not be parsed (what and where)' })
  @ApiResponse({ status: 401, description: 'problem+json: no API key (checked before the body is read)' })
  @ApiResponse({ status: 409, description: 'problem+json: every item was an older version than the one stored' })
  @ApiResponse({
    status: 413,
    description:
      'problem+json: body over INGEST_MAX_BYTES, more than INGEST_MAX_ITEMS items, or every item over INGEST_MAX_ITEM_BYTES',
  })
  @ApiResponse({
    status: 422,
    description: 'problem+json `parse-timeout`: the body took longer than INGEST_PARSE_TIMEOUT_MS to parse; split it',
  })
  @ApiResponse({
    status: 503,
    description:
      'problem+json `storage-unavailable` with Retry-After: Postgres could not take the request (overload, restart); nothing was stored — retry it as it is',
  })
  async ingest(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('source') source?: unknown,
    @Query('url') url?: unknown,
  ) {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const sourceName = textParameter('source', source, FIELD_LIMITS.sourceName);
    const fetchedFrom = textParameter('url', url, MAX_URL_LENGTH);
    if (fetchedFrom !== null && !isHttpUrl(fetchedFrom))
      throw new PermanentError(
        'invalid-parameter',
        `url must be an absolute http(s) URL, got ${JSON.stringify(fetchedFrom.slice(0, 100))}`,
        400,
        { parameter: 'url' },
      );
    // A caller's W3C trace context is carried through the pipeline, so its trace id appears in every service's logs.
    const traceId = traceIdFromTraceparent(req.header('traceparent'));
    const result = await this.ingestService.ingest({
      bytes,
      contentType: req.header('content-type') ?? null,
      url: fetchedFrom,
      sourceName: sourceName?.trim() || null,
      ...(traceId ? { traceId } : {}),
    });
    if (!result.accepted.length && result.refused.length) {
      // Nothing taken: one code when every item was refused for the same reason (409 older versions, 413 too
      // large, 400 the item itself was bad), else `no-valid-items`.
      const codes = new Set(result.refused.map((r) => r.code));
      const code = codes.size === 1 ? result.refused[0]!.code : 'no-valid-items';
      throw new PermanentError(code, result.refused.map((r) => r.detail).join('; '), STATUS_BY_ITEM_CODE[code] ?? 400, {
        refused: result.refused,
      });
    }
    res.status(202);
    return result;
  }
}

const STATUS_BY_ITEM_CODE: Record<string, number> = {
  'stale-version': 409,
  'version-exhausted': 409,
  'item-too-large': 413,
};

/** Longest `url` parameter taken; longer ones are refused rather than stored into indexed fields. */
export const MAX_URL_LENGTH = 2048;

/**
 * A query parameter as one string of at most `maxLength` characters, or null when absent. A repeated parameter
 * (an array), an over-long one or one carrying control characters is refused with 400 naming the parameter.
 */
function textParameter(name: string, value: unknown, maxLength: number): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string')
    throw new PermanentError('invalid-parameter', `${name} must be given once, as text`, 400, { parameter: name });
  if (value.length > maxLength)
    throw new PermanentError(
      'invalid-parameter',
      `${name} is ${value.length} characters long, over the limit of ${maxLength}`,
      400,
      { parameter: name, limit: maxLength },
    );
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(value) || invalidCharacterAt(value))
    throw new PermanentError('invalid-parameter', `${name} contains control characters or invalid Unicode`, 400, {
      parameter: name,
    });
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
