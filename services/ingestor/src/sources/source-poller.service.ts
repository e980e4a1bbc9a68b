import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { PeriodicTask, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { SourcesService } from './sources.service';

/** Every FEED_POLL_TICK_MS, claims the due sources and polls them one after another (0 = off). */
@Injectable()
export class SourcePollerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly task: PeriodicTask;
  private stopped = false;

  constructor(
    private readonly sources: SourcesService,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'source-poller' });
    this.task = new PeriodicTask({
      intervalMs: config.FEED_POLL_TICK_MS,
      run: () => this.tick(),
      onError: (error) => this.log.warn({ err: error }, 'feed poller pass failed; retrying on the next tick'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.FEED_POLL_TICK_MS > 0) this.task.start();
  }

  /** Public for tests and ops: one pass over whatever is due. */
  async tick(): Promise<number> {
    let polled = 0;
    try {
      for (;;) {
        const due = await this.sources.claimDue(10);
        for (const source of due) {
          if (this.stopped) return polled;
          await this.sources.poll(source);
          polled++;
        }
        if (due.length < 10) return polled;
      }
    } catch (error) {
      this.log.warn({ err: error }, 'feed poller pass failed; retrying on the next tick');
      return polled;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.task.stop();
  }
}
