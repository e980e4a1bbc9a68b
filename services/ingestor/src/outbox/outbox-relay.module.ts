import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxRetentionService } from './outbox-retention.service';

@Module({ providers: [OutboxRelayService, OutboxRetentionService], exports: [OutboxRelayService] })
export class OutboxRelayModule {}
