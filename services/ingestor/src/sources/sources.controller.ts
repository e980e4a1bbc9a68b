import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, PermanentError } from '@wirestream/platform';
import type { Request } from 'express';
import { createSourceSchema, parseSourceBody, updateSourceSchema } from './source-input';
import { SourcesService } from './sources.service';

const SOURCE_BODY = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 200 },
    url: { type: 'string', format: 'uri', description: 'http(s) URL of the feed' },
    format: {
      type: 'string',
      enum: ['auto', 'text', 'html', 'rss', 'atom', 'newsml', 'nitf', 'ninjs', 'json'],
      default: 'auto',
    },
    pollIntervalSeconds: { type: 'integer', minimum: 10, maximum: 86400, default: 300 },
    enabled: { type: 'boolean', default: true },
    authHeaders: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Sent with every fetch; stored encrypted, never returned',
    },
  },
};

/** Feed sources: reads are open; every write needs the API key. */
@ApiTags('sources')
@Controller('v1/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Register a feed source' })
  @ApiBody({ schema: { ...SOURCE_BODY, required: ['url'] } })
  @ApiResponse({ status: 201, description: 'The source, auth header values redacted, with its health' })
  @ApiResponse({ status: 400, description: 'problem+json with `errors: [{ path, message }]` per bad field' })
  create(@Req() req: Request) {
    return this.sources.create(parseSourceBody(createSourceSchema, jsonBody(req)));
  }

  @Get()
  @ApiOperation({ summary: 'List feed sources with their health' })
  async list() {
    return { items: await this.sources.list() };
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.sources.get(id);
  }

  @Get(':id/health')
  @ApiOperation({ summary: 'A source’s health: last success, last error, items seen, last new item' })
  async health(@Param('id') id: string) {
    return (await this.sources.get(id)).health;
  }

  @Patch(':id')
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiBody({ schema: SOURCE_BODY })
  update(@Param('id') id: string, @Req() req: Request) {
    return this.sources.update(id, parseSourceBody(updateSourceSchema, jsonBody(req)));
  }

  @Delete(':id')
  @HttpCode(204)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  async remove(@Param('id') id: string): Promise<void> {
    await this.sources.delete(id);
  }

  @Post(':id/poll')
  @HttpCode(200)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Poll a source now (whether due or not); answers the outcome — failures are also recorded in its health',
  })
  poll(@Param('id') id: string) {
    return this.sources.pollNow(id);
  }
}

/** The JSON parser only parses application/json; anything else is refused rather than read as "no body". */
function jsonBody(req: Request): unknown {
  if (!req.is('application/json')) {
    throw new PermanentError(
      'unsupported-media-type',
      `Send the source as application/json (got ${req.header('content-type') ?? 'no Content-Type'})`,
      415,
    );
  }
  return req.body;
}
