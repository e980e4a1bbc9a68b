import { fastestRun } from './timing';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('fastestRun', () => {
  it('runs once when the first run is within the budget', () => {
    let runs = 0;
    const { result, ms } = fastestRun(() => ++runs, 1000);
    expect(runs).toBe(1);
    expect(result).toBe(1);
    expect(ms).toBeLessThan(1000);
  });

  it('repeats a run over the budget and keeps the fastest', () => {
    const durations = [30, 0, 30];
    let runs = 0;
    const { result, ms } = fastestRun(() => {
      busyFor(durations[runs]!);
      return ++runs;
    }, 20);
    expect(runs).toBe(2); // the second run was within the budget: no third
    expect(result).toBe(2);
    expect(ms).toBeLessThan(20);
  });

  it('reports the fastest of all attempts when every one is over the budget', () => {
    let runs = 0;
    const { ms } = fastestRun(
      () => {
        runs++;
        busyFor(5);
      },
      1,
      3,
    );
    expect(runs).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(5);
  });
});
