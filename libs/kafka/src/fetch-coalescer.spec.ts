import { FetchCoalescer, type IncomingMessage, type PartitionBatch } from './reliable-consumer';

const message = (partition: number, offset: number): IncomingMessage => ({
  topic: 't',
  partition,
  offset: String(offset),
  key: `k${partition}`,
  value: Buffer.from('{}'),
  headers: {},
  traceId: null,
});

const batch = (partition: number, offsets: number[]): PartitionBatch => ({
  topic: 't',
  partition,
  messages: offsets.map((o) => message(partition, o)),
  heartbeat: () => Promise.resolve(),
  commitOffsetsIfNecessary: () => Promise.resolve(),
});

const ids = (batches: PartitionBatch[]) => batches.flatMap((b) => b.messages.map((m) => `${m.partition}:${m.offset}`));

describe('FetchCoalescer', () => {
  it('runs the batches submitted in one tick (as kafkajs dispatches a fetch) as one call, in submission order', async () => {
    const calls: string[][] = [];
    const coalescer = new FetchCoalescer(async (batches) => {
      calls.push(ids(batches));
      return batches.length;
    });
    const outcomes = await Promise.all([
      coalescer.submit(batch(3, [10, 11])),
      Promise.resolve().then(() => coalescer.submit(batch(0, [5]))),
      coalescer.submit(batch(7, [1, 2, 3])),
    ]);
    expect(calls).toEqual([['3:10', '3:11', '7:1', '7:2', '7:3', '0:5']]);
    expect(outcomes).toEqual([3, 3, 3]);
  });

  it('runs one call at a time: a batch submitted meanwhile waits for the next call', async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new FetchCoalescer(async (batches) => {
      calls.push(ids(batches));
      if (calls.length === 1) await first;
      return calls.length;
    });
    const a = coalescer.submit(batch(1, [1]));
    await new Promise((resolve) => setImmediate(resolve));
    const b = coalescer.submit(batch(2, [1]));
    const c = coalescer.submit(batch(4, [1]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['1:1']]);
    release();
    expect(await Promise.all([a, b, c])).toEqual([1, 2, 2]);
    expect(calls).toEqual([['1:1'], ['2:1', '4:1']]);
  });

  it('fails every submitter of a call that throws, and runs later batches normally', async () => {
    let fail = true;
    const coalescer = new FetchCoalescer(async (batches) => {
      if (fail) throw new Error(`broker gone (${batches.length} batches)`);
      return 'ok';
    });
    const failed = await Promise.allSettled([coalescer.submit(batch(0, [1])), coalescer.submit(batch(1, [1]))]);
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.value))).toEqual([
      'broker gone (2 batches)',
      'broker gone (2 batches)',
    ]);
    fail = false;
    await expect(coalescer.submit(batch(0, [2]))).resolves.toBe('ok');
  });
});
