import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PermanentError } from '@wirestream/platform';
import { ArticlesService } from './articles.service';

const ARTICLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    if (!ARTICLE_ID.test(id)) throw new PermanentError('invalid-parameter', `id must be an article UUID, got ${JSON.stringify(id)}`, 400, { parameter: 'id' });
    return this.articles.getCurrent(id.toLowerCase());
  }
}
