import { Module } from '@nestjs/common';
import { OutboxStore, storeProvider } from '@wirestream/persistence';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxRetentionService } from './outbox-retention.service';

@Module({
  providers: [OutboxRelayService, OutboxRetentionService, storeProvider(OutboxStore)],
  exports: [OutboxRelayService],
})
export class OutboxRelayModule {}
