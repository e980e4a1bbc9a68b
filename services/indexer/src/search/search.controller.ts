import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SearchResponse } from '@wirestream/contracts';
import type { Response } from 'express';
import { PermanentError } from '@wirestream/platform';
import { InvalidSearchCursorError, InvalidSearchQueryError, type ArticleSearchEngine } from '@wirestream/search';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { parseSearchParams } from './search-params';

@ApiTags('search')
@Controller('v1/search')
export class SearchController {
  constructor(@Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine) {}

  @Get()
  @ApiOperation({ summary: 'Full-text search over current, usable articles with filters, facets, highlights and cursor pagination' })
  @ApiQuery({ name: 'q', required: false, description: 'Words; "phrases", +must, -exclude, a | b. Never a syntax error.' })
  @ApiQuery({ name: 'source', required: false, description: 'Source id or name; repeat or comma-separate for several' })
  @ApiQuery({ name: 'language', required: false, description: 'ISO 639-1 code(s)' })
  @ApiQuery({ name: 'from', required: false, description: 'publishedAt ≥ (ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'publishedAt ≤ (ISO 8601; a date includes the whole day)' })
  @ApiQuery({ name: 'person', required: false })
  @ApiQuery({ name: 'place', required: false })
  @ApiQuery({ name: 'organization', required: false })
  @ApiQuery({ name: 'cluster', required: false, description: 'Story cluster id' })
  @ApiQuery({ name: 'sort', required: false, enum: ['relevance', 'newest', 'oldest'] })
  @ApiQuery({ name: 'collapse', required: false, enum: ['cluster'], description: 'One article per story' })
  @ApiQuery({ name: 'size', required: false, description: 'Hits per page, 0–100 (default 10)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 400, description: 'problem+json naming each bad parameter' })
  @ApiResponse({ status: 200, description: '{ total, items, facets, nextCursor }; the `Server-Timing: engine;dur=<ms>` header carries the engine’s own time (its `took`).' })
  async search(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<SearchResponse> {
    const params = parseSearchParams(query);
    try {
      const { response, tookMs } = await this.engine.searchWithTiming(params);
      if (tookMs !== null) res.setHeader('Server-Timing', `engine;dur=${tookMs}`);
      return response;
    } catch (error) {
      if (error instanceof InvalidSearchQueryError) throw new PermanentError('invalid-search-parameters', `${error.field}: ${error.message}`, 400, { errors: [{ parameter: error.field, message: error.message }] });
      if (error instanceof InvalidSearchCursorError) throw new PermanentError('invalid-cursor', error.message, 400, { errors: [{ parameter: 'cursor', message: error.message }] });
      throw error;
    }
  }
}
