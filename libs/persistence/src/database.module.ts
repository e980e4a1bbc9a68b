import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry, SERVICE_CONFIG } from '@wirestream/platform';
import type { DataSource } from 'typeorm';
import { assertSchemaCurrent, createDataSource, pingDatabase } from './data-source';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** One pool per service; start-up fails if Postgres is unreachable or the schema is behind the code. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  static forRoot(options: { applicationName: string; poolSize?: number }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATA_SOURCE,
          inject: [SERVICE_CONFIG, HealthRegistry],
          useFactory: async (config: { DATABASE_URL: string }, health: HealthRegistry): Promise<DataSource> => {
            const dataSource = createDataSource(config.DATABASE_URL, {
              applicationName: options.applicationName,
              ...(options.poolSize ? { poolSize: options.poolSize } : {}),
            });
            await dataSource.initialize();
            await assertSchemaCurrent(dataSource);
            health.register('postgres', () => pingDatabase(dataSource));
            return dataSource;
          },
        },
      ],
      exports: [DATA_SOURCE],
    };
  }

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
