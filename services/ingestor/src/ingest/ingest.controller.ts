import { Controller, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { traceIdFromTraceparent } from '@wirestream/kafka';
import { PermanentError } from '@wirestream/platform';
import type { Request, Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { IngestService } from './ingest.service';

@Controller('v1/ingest')
export class IngestController {
  constructor(private readonly ingestService: IngestService) {}

  @Post()
  @HttpCode(202)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Ingest articles in any supported format (detected from Content-Type or by sniffing the bytes)' })
  @ApiConsumes('text/plain', 'text/html', 'application/rss+xml', 'application/atom+xml', 'application/xml', 'application/json')
  @ApiBody({ description: 'The article(s), as received from the wire, feed or scraper', schema: { type: 'string' } })
  @ApiQuery({ name: 'source', required: false, description: 'Source name, when the body does not say it' })
  @ApiQuery({ name: 'url', required: false, description: 'Where the article was fetched from' })
  @ApiResponse({ status: 202, description: '{ accepted: [{ id, version, pubStatus, duplicate, title }], refused: [{ index, id, code, detail }] }' })
  @ApiResponse({ status: 400, description: 'problem+json: the body could not be parsed (what and where)' })
  @ApiResponse({ status: 409, description: 'problem+json: every item was an older version than the one stored' })
  async ingest(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Query('source') source?: string, @Query('url') url?: string) {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (url !== undefined && !isHttpUrl(url)) throw new PermanentError('invalid-parameter', `url must be an absolute http(s) URL, got ${JSON.stringify(url)}`, 400, { parameter: 'url' });
    // A caller's W3C trace context is carried through the pipeline, so its trace id appears in every service's logs.
    const traceId = traceIdFromTraceparent(req.header('traceparent'));
    const result = await this.ingestService.ingest({ bytes, contentType: req.header('content-type') ?? null, url: url ?? null, sourceName: source?.trim() || null, ...(traceId ? { traceId } : {}) });
    if (!result.accepted.length && result.refused.length) {
      // Nothing taken: 409 when every item was an older version, 400 when an item itself was bad.
      const stale = result.refused.every((r) => r.code === 'stale-version');
      const code = stale ? 'stale-version' : result.refused.length === 1 ? result.refused[0]!.code : 'no-valid-items';
      throw new PermanentError(code, result.refused.map((r) => r.detail).join('; '), stale ? 409 : 400, { refused: result.refused });
    }
    res.status(202);
    return result;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
