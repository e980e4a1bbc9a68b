import type { FactoryProvider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './database.module';
import { ArticleStore } from './stores/article.store';

/**
 * A store as a Nest provider, its class the token, built on the service's `DATA_SOURCE`: a module lists the stores its
 * services inject, and a unit spec replaces one with `{ provide: SomeStore, useValue: fake }`.
 */
export function storeProvider<T>(store: new (dataSource: DataSource) => T): FactoryProvider<T> {
  return { provide: store, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new store(dataSource) };
}

/** `ArticleStore` also takes the consumer name its processed event ids are recorded under. */
export function articleStoreProvider(consumerName: string): FactoryProvider<ArticleStore> {
  return {
    provide: ArticleStore,
    inject: [DATA_SOURCE],
    useFactory: (dataSource: DataSource) => new ArticleStore(dataSource, consumerName),
  };
}
