export * from './topics';
export * from './envelope';
export * from './article';
export * from './events';
export * from './search-api';
export * from './article-versions';
export * from './reindex-api';
export * from './limits';
