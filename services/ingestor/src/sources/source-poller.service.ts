import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { SourcesService } from './sources.service';

/** Every FEED_POLL_TICK_MS, claims the due sources and polls them one after another (0 = off). */
@Injectable()
export class SourcePollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly sources: SourcesService,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'source-poller' });
  }

  onApplicationBootstrap(): void {
    if (this.config.FEED_POLL_TICK_MS > 0) this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.config.FEED_POLL_TICK_MS);
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

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
