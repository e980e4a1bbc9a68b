import { EventLoopPacer } from './event-loop-pacer';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('EventLoopPacer', () => {
  it('lets a timer run between slices of a long loop', async () => {
    const pacer = new EventLoopPacer(5);
    const turnsSeen: number[] = [];
    let timerRan = false;
    setImmediate(() => (timerRan = true));
    for (let i = 0; i < 6; i++) {
      busyFor(3);
      await pacer.pace();
      turnsSeen.push(timerRan ? 1 : 0);
    }
    // The first slice reached 5 ms after two iterations; the pacer yielded and the immediate ran.
    expect(timerRan).toBe(true);
    expect(turnsSeen[0]).toBe(0);
  });

  it('does not yield while a slice is shorter than its budget', async () => {
    const pacer = new EventLoopPacer(10_000);
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    for (let i = 0; i < 100; i++) await pacer.pace();
    expect(immediateRan).toBe(false);
  });
});
