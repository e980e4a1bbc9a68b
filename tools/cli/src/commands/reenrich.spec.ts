import type { ParsedItem } from '@wirestream/contracts';
import { CliUsageError } from '../cli-command';
import { parseReenrichArgs, reenrichmentEvent, Throttle } from './reenrich';
import { formatDuration, RunProgress } from './reenrich-progress';

describe('wirestream reenrich options', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('reads the filter, throttle, limit and switches', () => {
    expect(
      parseReenrichArgs(
        ['--since', '2026-03-01', '--source', 'gvs', '--throttle', '2.5', '--limit=10', '--resume', '--dry-run'],
        now,
      ),
    ).toEqual({
      filter: { since: new Date('2026-03-01T00:00:00.000Z'), sourceId: 'gvs' },
      throttle: 2.5,
      limit: 10,
      resume: true,
      dryRun: true,
    });
    expect(parseReenrichArgs([], now)).toEqual({
      filter: { since: null, sourceId: null },
      throttle: null,
      limit: null,
      resume: false,
      dryRun: false,
    });
    expect(parseReenrichArgs(['--since', '24h'], now).filter.since).toEqual(new Date('2026-03-09T12:00:00.000Z'));
    expect(parseReenrichArgs(['--since', '7d'], now).filter.since).toEqual(new Date('2026-03-03T12:00:00.000Z'));
  });

  it.each([
    [['--since', 'yesterday'], /--since must be an ISO 8601/],
    [['--throttle', '0'], /--throttle must be a positive number/],
    [['--limit', '1.5'], /--limit must be a positive integer/],
    [['--source', ' '], /--source needs a source id/],
    [['extra'], /unexpected argument "extra"/],
    [['--throttle'], /--throttle needs a value/],
  ])('refuses %j as a usage error', (args, message) => {
    expect(() => parseReenrichArgs(args, now)).toThrow(CliUsageError);
    expect(() => parseReenrichArgs(args, now)).toThrow(message);
  });
});

describe('reenrichmentEvent', () => {
  const head = {
    id: 'a1',
    version: 3,
    sourceId: 'gvs',
    sourceName: 'Global Village Space',
    format: 'text' as const,
    contentType: 'text/plain',
    receivedAt: new Date('2026-02-04T12:00:00.000Z'),
    item: { sourceName: null, content: 'Body' } as unknown as ParsedItem,
  };

  it('is the received event of that version, marked with the run, its id fixed per run and article version', () => {
    const first = reenrichmentEvent('articles.raw.v1', 'run-1', head);
    expect(first.topic).toBe('articles.raw.v1');
    expect(first.envelope).toMatchObject({
      type: 'article.received',
      articleId: 'a1',
      version: 3,
      reenrichment: { runId: 'run-1' },
      payload: {
        source: { id: 'gvs', name: 'Global Village Space' },
        format: 'text',
        receivedAt: '2026-02-04T12:00:00.000Z',
        rawRef: { table: 'raw_articles', id: 'a1', version: 3 },
        item: head.item,
      },
    });
    expect(reenrichmentEvent('t', 'run-1', head).envelope.eventId).toBe(first.envelope.eventId);
    expect(reenrichmentEvent('t', 'run-2', head).envelope.eventId).not.toBe(first.envelope.eventId);
    expect(reenrichmentEvent('t', 'run-1', { ...head, version: 4 }).envelope.eventId).not.toBe(first.envelope.eventId);
  });

  it('leaves out a text page’s stored layout hint, so the page is read again with the current rules', () => {
    const item = { sourceName: null, content: 'Banner\n\nBody', textLayout: 'b.' } as unknown as ParsedItem;
    const event = reenrichmentEvent('articles.raw.v1', 'run-1', { ...head, item });
    const sent = (event.envelope.payload as { item: ParsedItem }).item;
    expect(sent).toEqual({ sourceName: null, content: 'Banner\n\nBody' });
    expect(item.textLayout).toBe('b.');
  });
});

describe('Throttle and progress', () => {
  it('publishes a fifth of a second’s worth per chunk when throttled, a page otherwise', () => {
    expect(new Throttle(null).chunkSize).toBe(200);
    expect(new Throttle(2).chunkSize).toBe(1);
    expect(new Throttle(100).chunkSize).toBe(20);
    expect(new Throttle(1e6).chunkSize).toBe(200);
  });

  it('shows done/total, the rate of this process and an ETA', () => {
    let t = 0;
    const progress = new RunProgress(process.stderr, 400, 'reenrich', 100, () => t);
    t = 10_000;
    expect(progress.line(200)).toBe(`reenrich [${'#'.repeat(15)}${'-'.repeat(15)}] 200/400 10.0/s ETA 20s`);
    expect(progress.line(400)).toMatch(/400\/400 30\.0\/s ETA 0s$/);
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(125)).toBe('2m05s');
  });
});
