import { Module } from '@nestjs/common';
import { AdminApiKeyGuard } from './admin-api-key.guard';
import { ReindexController } from './reindex.controller';
import { ReindexService } from './reindex.service';

@Module({ controllers: [ReindexController], providers: [ReindexService, AdminApiKeyGuard] })
export class ReindexModule {}
