import { DataSource } from 'typeorm';
import { ArticleEntity, ArticleVersionEntity, ProcessedEventEntity } from './entities/article.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { RawArticleEntity } from './entities/raw-article.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { FeedSources1764100000000 } from './migrations/1764100000000-feed-sources';
import { FeedSourceEntity } from './entities/feed-source.entity';
import { StoryModel1764200000000 } from './migrations/1764200000000-story-model';
import { STORY_ENTITIES } from './entities/story.entities';
import { ArticleFreshnessEntity, ReenrichmentRunEntity } from './entities/ops.entities';
import { LeanIndexerRows1764400000000 } from './migrations/1764400000000-lean-indexer-rows';
import { ArticleDocumentsAsJson1764500000000 } from './migrations/1764500000000-article-documents-as-json';
import { ProcessedEventsRetention1764600000000 } from './migrations/1764600000000-processed-events-retention';
import { OpsFreshness1764800000000 } from './migrations/1764800000000-ops-freshness';
import { OutboxDeadLetters1764710000000 } from './migrations/1764710000000-outbox-dead-letters';
import { ReenrichmentRuns1764870000000 } from './migrations/1764870000000-reenrichment-runs';
import { StorySignatures1764900000000 } from './migrations/1764900000000-story-signatures';
import { BandKeyPostings1765000000000 } from './migrations/1765000000000-band-key-postings';

export const ENTITIES = [
  RawArticleEntity,
  OutboxMessageEntity,
  ArticleEntity,
  ArticleVersionEntity,
  ProcessedEventEntity,
  FeedSourceEntity,
  ...STORY_ENTITIES,
  ArticleFreshnessEntity,
  ReenrichmentRunEntity,
];
export const MIGRATIONS = [
  InitialSchema1764000000000,
  FeedSources1764100000000,
  StoryModel1764200000000,
  LeanIndexerRows1764400000000,
  ArticleDocumentsAsJson1764500000000,
  ProcessedEventsRetention1764600000000,
  OutboxDeadLetters1764710000000,
  OpsFreshness1764800000000,
  ReenrichmentRuns1764870000000,
  StorySignatures1764900000000,
  BandKeyPostings1765000000000,
];

/** Schema changes only ever come from migrations (`npm run db:migrate`), never from `synchronize`. */
export function createDataSource(
  databaseUrl: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM's own error log prints the statement with every parameter (a whole article) to stdout; failures are
    // thrown and logged by their callers without parameters (libs/platform serializeError).
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'wirestream',
    extra: { connectionTimeoutMillis: 5000 },
  });
}

export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}

/** Services refuse to start against a schema that is behind the code. */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  if (await dataSource.showMigrations()) {
    throw new Error('The database schema is behind this version of Wirestream: run `npm run db:migrate` first.');
  }
}
