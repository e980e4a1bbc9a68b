import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Splits a long synchronous loop (1,000 feed items checked, hashed and enveloped; a relay batch serialized) into
 * slices of at most `sliceMs`, giving the event loop a turn between them, so health probes and other requests
 * are answered while a large request is handled. Cheap when nothing is long: one clock read per call.
 */
export class EventLoopPacer {
  private sliceStartedAt = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** Yields (one `setImmediate` turn) when the current slice has run for `sliceMs` or more. */
  async pace(): Promise<void> {
    if (performance.now() - this.sliceStartedAt < this.sliceMs) return;
    await nextTurn();
    this.sliceStartedAt = performance.now();
  }
}
