import { Inject, Injectable } from '@nestjs/common';
import type { ArticleVersionsResponse, EnrichedArticle, RelatedArticlesResponse } from '@wirestream/contracts';
import { ArticleStore } from '@wirestream/persistence';
import { NotFoundError, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { toArticleDocument, type ArticleSearchEngine } from '@wirestream/search';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { engineProblem } from '../search/engine-problem';

@Injectable()
export class ArticlesService {
  constructor(
    private readonly store: ArticleStore,
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
  ) {}

  /** The current version, whole. Withdrawn articles answer 404 like unknown ones: they are gone for readers. */
  async getCurrent(id: string): Promise<EnrichedArticle & { clusterId: string }> {
    const found = await this.store.findOne(id);
    if (!found || found.article.pubStatus === 'withdrawn') throw new NotFoundError(`Article ${id}`);
    return { ...found.article, clusterId: found.clusterId ?? found.article.id };
  }

  /** Every version, oldest first, each with what changed from the one before. */
  async getVersions(id: string): Promise<ArticleVersionsResponse> {
    await this.getCurrent(id);
    return { versions: await this.store.findVersions(id) };
  }

  /** More like this, from the current version in Postgres (the source of truth), excluding its own story cluster. */
  async getRelated(id: string, size: number): Promise<RelatedArticlesResponse> {
    const article = await this.getCurrent(id);
    const items = await this.engine
      .related(toArticleDocument(article, article.clusterId), { size })
      .catch((error: unknown) => {
        throw engineProblem(error, this.log, 'related');
      });
    return { id, clusterId: article.clusterId, items };
  }
}
