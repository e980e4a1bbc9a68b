import { createLogger } from '../logging/logger';
import { MetricsRegistry } from '../metrics/metrics';
import { RetentionTask } from './retention-task';

describe('RetentionTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const make = (retentionMs: number, prune: (olderThan: Date) => Promise<number>) => {
    const metrics = new MetricsRegistry('test');
    const task = new RetentionTask({
      what: 'rows',
      retentionMs,
      prune,
      metric: { name: 'test_pruned_total', help: 'pruned' },
      logger: createLogger('test', 'silent'),
      metrics,
    });
    return { task, metrics };
  };

  it('prunes what is older than now minus the retention, and counts it', async () => {
    const cutoffs: Date[] = [];
    const { task, metrics } = make(24 * 3_600_000, async (olderThan) => (cutoffs.push(olderThan), 7));
    expect(await task.pruneOnce(new Date('2026-11-25T12:00:00Z'))).toBe(7);
    expect(cutoffs).toEqual([new Date('2026-11-24T12:00:00Z')]);
    expect(await metrics.registry.getSingleMetricAsString('test_pruned_total')).toMatch(
      /test_pruned_total\{service="test"\} 7/,
    );
  });

  it('runs a minute after start, then hourly; a retention of 0 never runs', async () => {
    let runs = 0;
    const on = make(1000, async () => (runs++, 0)).task;
    const off = make(0, async () => ((runs += 100), 0)).task;
    on.start();
    off.start();
    await jest.advanceTimersByTimeAsync(RetentionTask.FIRST_RUN_AFTER_MS);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(RetentionTask.INTERVAL_MS);
    expect(runs).toBe(2);
    await Promise.all([on.stop(), off.stop()]);
  });
});
