import { Module } from '@nestjs/common';
import { articleStoreProvider } from '@wirestream/persistence';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

@Module({ controllers: [ArticlesController], providers: [ArticlesService, articleStoreProvider('indexer')] })
export class ArticlesModule {}
