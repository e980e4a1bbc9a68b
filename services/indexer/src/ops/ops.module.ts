import { Module } from '@nestjs/common';
import { OpsStore, storeProvider } from '@wirestream/persistence';
import { OpsController } from './ops.controller';
import { OpsMetricsService } from './ops-metrics.service';
import { OpsStatusService } from './ops-status.service';

/** `GET /v1/ops/status`, the `/ops` page and the pipeline gauges the alerts use. */
@Module({ controllers: [OpsController], providers: [OpsStatusService, OpsMetricsService, storeProvider(OpsStore)] })
export class OpsModule {}
