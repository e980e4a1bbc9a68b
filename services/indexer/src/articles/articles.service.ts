import { Inject, Injectable } from '@nestjs/common';
import type { EnrichedArticle } from '@wirestream/contracts';
import { ArticleStore, DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { NotFoundError } from '@wirestream/platform';

@Injectable()
export class ArticlesService {
  private readonly store: ArticleStore;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource) {
    this.store = new ArticleStore(dataSource, 'indexer');
  }

  /** The current version, whole. Withdrawn articles answer 404 like unknown ones: they are gone for readers. */
  async getCurrent(id: string): Promise<EnrichedArticle & { clusterId: string }> {
    const found = await this.store.findOne(id);
    if (!found || found.article.pubStatus === 'withdrawn') throw new NotFoundError(`Article ${id}`);
    return { ...found.article, clusterId: found.clusterId ?? found.article.id };
  }
}
