import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs after the first delay, then once per interval after each run has finished', async () => {
    const runs: number[] = [];
    const task = new PeriodicTask({
      intervalMs: 1000,
      firstDelayMs: 100,
      run: async () => void runs.push(Date.now()),
      onError: () => undefined,
    });
    const start = Date.now();
    task.start();
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs.map((t) => t - start)).toEqual([100, 1100, 2100]);
    await task.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(3);
  });

  it('never overlaps runs: a slow run delays the next one', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const task = new PeriodicTask({
      intervalMs: 10,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 50));
        active--;
        runs++;
      },
      onError: () => undefined,
    });
    task.start();
    await jest.advanceTimersByTimeAsync(300);
    expect(maxActive).toBe(1);
    expect(runs).toBe(5); // 10 + 50 per run: done at 60, 120, 180, 240, 300
    await task.stop();
  });

  it('hands a failing run to onError and keeps the schedule', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const task = new PeriodicTask({
      intervalMs: 100,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
      },
      onError: (error) => errors.push(error),
    });
    task.start();
    await jest.advanceTimersByTimeAsync(250);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await task.stop();
  });

  it('stop waits for the run in progress and schedules nothing after it', async () => {
    let finished = false;
    let calls = 0;
    const task = new PeriodicTask({
      intervalMs: 10,
      run: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 100));
        finished = true;
      },
      onError: () => undefined,
    });
    task.start();
    await jest.advanceTimersByTimeAsync(20); // first run in progress
    const stopped = task.stop();
    let resolved = false;
    void stopped.then(() => (resolved = true));
    await jest.advanceTimersByTimeAsync(50);
    expect(resolved).toBe(false);
    await jest.advanceTimersByTimeAsync(50);
    await stopped;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
  });
});
