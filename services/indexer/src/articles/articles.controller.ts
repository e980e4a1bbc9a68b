import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ArticleVersionsResponse, RelatedArticlesResponse } from '@wirestream/contracts';
import { PermanentError } from '@wirestream/platform';
import { ArticlesService } from './articles.service';

const ARTICLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_RELATED_SIZE = 10;
const MAX_RELATED_SIZE = 50;

/** How much of a refused value a problem quotes back: a 10 KB id must not come back whole. */
const QUOTE_MAX = 40;
const quote = (value: string) => JSON.stringify(value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value);

function articleId(id: string): string {
  if (!ARTICLE_ID.test(id))
    throw new PermanentError('invalid-parameter', `id must be an article UUID, got ${quote(id)}`, 400, {
      parameter: 'id',
      errors: [{ parameter: 'id', message: 'must be an article UUID' }],
    });
  return id.toLowerCase();
}

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'The whole enriched article, current version' })
  @ApiParam({ name: 'id', description: 'Article id (UUID)' })
  @ApiResponse({ status: 200, description: 'The enriched article (see the enriched-article contract)' })
  @ApiResponse({ status: 404, description: 'problem+json: unknown or withdrawn' })
  async getArticle(@Param('id') id: string) {
    return this.articles.getCurrent(articleId(id));
  }

  @Get(':id/versions')
  @ApiOperation({
    summary:
      'Every stored version of the article, oldest first, each with the fields that changed from the previous one',
  })
  @ApiParam({ name: 'id', description: 'Article id (UUID)' })
  @ApiResponse({
    status: 200,
    description:
      '{ versions: [{ version, versionCreatedAt, edNote, changes: [{ field, before, after }] }] }. `changes` is empty for the first version; ' +
      'fields are the enriched-article contract fields (title, subtitle, byline, body, summary, publishedAt, updatedAt, pubStatus, language, url, keywords, entities.people|places|organizations, quotes, edNote…). ' +
      'versionCreatedAt is the version’s updatedAt, else (first version) its publishedAt, else when it was stored.',
  })
  @ApiResponse({ status: 400, description: 'problem+json: id is not an article UUID' })
  @ApiResponse({ status: 404, description: 'problem+json: unknown or withdrawn' })
  async getVersions(@Param('id') id: string): Promise<ArticleVersionsResponse> {
    return this.articles.getVersions(articleId(id));
  }

  @Get(':id/related')
  @ApiOperation({
    summary:
      'More like this: articles about the same things from other stories (the article’s own story cluster — itself and its copies — is excluded)',
  })
  @ApiParam({ name: 'id', description: 'Article id (UUID)' })
  @ApiQuery({
    name: 'size',
    required: false,
    description: `Hits, 1–${MAX_RELATED_SIZE} (default ${DEFAULT_RELATED_SIZE})`,
  })
  @ApiResponse({
    status: 200,
    description: '{ id, clusterId, items: [search hit without highlights] }, best match first',
  })
  @ApiResponse({ status: 400, description: 'problem+json: bad id or size' })
  @ApiResponse({ status: 404, description: 'problem+json: unknown or withdrawn' })
  async getRelated(@Param('id') id: string, @Query('size') size?: unknown): Promise<RelatedArticlesResponse> {
    return this.articles.getRelated(articleId(id), relatedSize(size));
  }
}

function relatedSize(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_RELATED_SIZE;
  // Digits only: Number() would also read 1e1, 0x10 and " 5"; an array is the parameter given twice.
  if (typeof value === 'string' && /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_RELATED_SIZE)
    return Number(value);
  const shown = typeof value === 'string' ? quote(value) : 'several values';
  throw new PermanentError(
    'invalid-parameter',
    `size must be a whole number from 1 to ${MAX_RELATED_SIZE}, got ${shown}`,
    400,
    { parameter: 'size', errors: [{ parameter: 'size', message: `must be 1–${MAX_RELATED_SIZE}` }] },
  );
}
