import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SearchResponse } from '@wirestream/contracts';
import { ROOT_LOGGER, type Logger } from '@wirestream/platform';
import {
  InvalidSearchCursorError,
  InvalidSearchQueryError,
  ISO_DATE_FORMS,
  type ArticleSearchEngine,
} from '@wirestream/search';
import type { Response } from 'express';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { engineProblem } from './engine-problem';
import {
  invalidParameters,
  MAX_LIST_VALUES,
  parseSearchParams,
  SEARCH_PARAMETER_LIMITS as LIMITS,
} from './search-params';

@ApiTags('search')
@Controller('v1/search')
export class SearchController {
  constructor(
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Full-text search over current, usable articles with filters, facets, highlights and cursor pagination',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description: `Words; "phrases", +must, -exclude, a | b. Never a syntax error. At most ${LIMITS.q} characters.`,
  })
  @ApiQuery({
    name: 'source',
    required: false,
    description: `Source id or name; repeat or comma-separate for several (at most ${MAX_LIST_VALUES} values of ${LIMITS.source} characters)`,
  })
  @ApiQuery({
    name: 'language',
    required: false,
    description: `ISO 639-1 code(s), at most ${LIMITS.language} characters each`,
  })
  @ApiQuery({ name: 'from', required: false, description: `publishedAt ≥; ${ISO_DATE_FORMS}` })
  @ApiQuery({
    name: 'to',
    required: false,
    description: `publishedAt ≤; ${ISO_DATE_FORMS}; a date includes the whole (UTC) day`,
  })
  @ApiQuery({ name: 'person', required: false, description: `at most ${LIMITS.person} characters each` })
  @ApiQuery({ name: 'place', required: false, description: `at most ${LIMITS.place} characters each` })
  @ApiQuery({ name: 'organization', required: false, description: `at most ${LIMITS.organization} characters each` })
  @ApiQuery({ name: 'cluster', required: false, description: `Story cluster id, at most ${LIMITS.cluster} characters` })
  @ApiQuery({ name: 'sort', required: false, enum: ['relevance', 'newest', 'oldest'] })
  @ApiQuery({ name: 'collapse', required: false, enum: ['cluster'], description: 'One article per story' })
  @ApiQuery({ name: 'size', required: false, description: 'Hits per page, 0–100 (default 10)' })
  @ApiQuery({
    name: 'cursor',
    required: false,
    description: `nextCursor of the previous page (at most ${LIMITS.cursor} characters)`,
  })
  @ApiResponse({
    status: 400,
    description:
      'problem+json `invalid-parameter` naming the bad parameter (`parameter`, and all of them in `errors`); `search-refused` when the engine cannot run the search',
  })
  @ApiResponse({ status: 503, description: 'problem+json `search-unavailable`: the engine did not answer' })
  @ApiResponse({
    status: 200,
    description:
      '{ total, items, facets, nextCursor }; the `Server-Timing: engine;dur=<ms>` header carries the engine’s own time (its `took`).',
  })
  async search(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SearchResponse> {
    const params = parseSearchParams(query);
    try {
      const { response, tookMs } = await this.engine.searchWithTiming(params);
      if (tookMs !== null) res.setHeader('Server-Timing', `engine;dur=${tookMs}`);
      return response;
    } catch (error) {
      if (error instanceof InvalidSearchQueryError)
        throw invalidParameters([{ parameter: error.field, message: error.message }]);
      if (error instanceof InvalidSearchCursorError)
        throw invalidParameters([{ parameter: 'cursor', message: error.message }]);
      throw engineProblem(error, this.log, 'search');
    }
  }
}
