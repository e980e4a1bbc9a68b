import { FIELD_LIMITS, type EnrichedArticle } from '@wirestream/contracts';
import {
  clusterLookups,
  entityRows,
  fitsIndexKey,
  isClusterable,
  MAX_INDEXED_KEY_BYTES,
  planBatch,
  planReplacementDiffs,
  planVersionDiffs,
  quoteRows,
  sortedEntityKeys,
  supersedes,
  uniqueEvents,
  type BatchEvent,
  type StoredCandidate,
  type StoredHead,
} from './batch-plan';
import { signatureDistance, signatureOfBody } from '../clustering/story-signature';

const FP = '5d2b63f1bcf0930d';

/** A story body, two lightly edited copies of it (a word or two changed) and a different story. */
const STORY =
  'The city council voted on Tuesday to extend water rationing through the summer after the reservoir fell to its lowest level in two decades. ' +
  'Residents will be allowed to water gardens twice a week, and fines for washing cars at home will double. The mayor said the measures were painful but necessary, ' +
  'and promised a review in September once engineers have inspected the pipeline that feeds the eastern districts.';
const NEAR = STORY.replace('Tuesday', 'Wednesday').replace('painful', 'hard');
const NEAR2 = STORY.replace('two decades', 'twenty years');
const FAR =
  'Shares in the largest chipmaker rose sharply in early trading after it reported record quarterly revenue and raised its forecast for the rest of the year, ' +
  'citing strong demand from data centres. Analysts had expected slower growth as customers worked through their inventories, and rivals fell on the news.';
const sig = (body: string) => signatureOfBody(body).signature;
/** Signature distance of a light copy from the story (the ties below are built on it). */
const NEAR_DISTANCE = signatureDistance(sig(STORY), sig(NEAR));

function article(id: string, overrides: Partial<EnrichedArticle> = {}): EnrichedArticle {
  return {
    id,
    version: 1,
    pubStatus: 'usable',
    source: { id: 'wire', name: 'Wire' },
    title: `Title ${id}`,
    publishedAt: '2026-01-01T10:00:00.000Z',
    fingerprint: FP,
    body: STORY,
    wordCount: 300,
    entities: { people: [], places: [], organizations: [] },
    quotes: [],
    ...overrides,
  } as EnrichedArticle;
}

const events = (...articles: EnrichedArticle[]): BatchEvent[] =>
  articles.map((a, ord) => ({ ord, eventId: `e${ord}`, article: a, clusterId: null }));
const heads = (entries: [string, Partial<StoredHead>][]) =>
  new Map(entries.map(([id, h]) => [id, { version: 1, pubStatus: 'usable', clusterId: id, firstSeenUs: 1, ...h }]));
const clusters = (plan: ReturnType<typeof planBatch>) =>
  Object.fromEntries(plan.current.map((c) => [c.event.article.id, c.clusterId]));

describe('uniqueEvents', () => {
  it('keeps the first occurrence of each event id, case-insensitively, in order', () => {
    const w = [{ eventId: 'A' }, { eventId: 'b' }, { eventId: 'a' }, { eventId: 'c' }, { eventId: 'B' }];
    expect(uniqueEvents(w)).toEqual([{ eventId: 'A' }, { eventId: 'b' }, { eventId: 'c' }]);
  });
});

describe('planBatch', () => {
  it('applies only versions above the current one, in message order (replays and late older versions change nothing)', () => {
    const plan = planBatch(
      events(
        article('x', { version: 2 }),
        article('x', { version: 2, title: 'again' }),
        article('x', { version: 1 }),
        article('y', { version: 3 }),
        article('x', { version: 4 }),
      ),
      heads([['y', { version: 3 }]]),
      [],
    );
    expect(plan.applied.map((e) => [e.article.id, e.article.version, e.ord])).toEqual([
      ['x', 2, 0],
      ['x', 4, 4],
    ]);
    expect(plan.current).toHaveLength(1);
    expect(plan.current[0]).toMatchObject({ clusterId: 'x', firstOrd: 0, event: { ord: 4 } });
  });

  it('keeps an article’s cluster across versions, including one found for its first version in this batch', () => {
    const plan = planBatch(
      events(article('a', { version: 2 }), article('b'), article('b', { version: 2, body: FAR })),
      heads([['a', { clusterId: 'story' }]]),
      [],
    );
    // 'a' existed with cluster 'story' and changed earlier in this batch; the new 'b' is its copy, and keeps the cluster when v2 moves far away.
    expect(clusters(plan)).toEqual({ a: 'story', b: 'story' });
    expect(plan.current.find((c) => c.event.article.id === 'b')).toMatchObject({ firstOrd: 1, event: { ord: 2 } });
  });

  it('joins the nearest stored candidate: distance, then publishedAt (undated last), then first seen, then id', () => {
    const cand = (c: Partial<StoredCandidate>): StoredCandidate => ({
      ord: 0,
      id: 'c',
      clusterId: 'c',
      distance: 2,
      publishedUs: 5,
      firstSeenUs: 5,
      ...c,
    });
    const pick = (cs: StoredCandidate[]) => clusters(planBatch(events(article('n')), new Map(), cs))['n'];
    expect(pick([])).toBe('n');
    expect(pick([cand({ id: 'p', clusterId: 'P', distance: 3 }), cand({ id: 'q', clusterId: 'Q', distance: 1 })])).toBe(
      'Q',
    );
    expect(
      pick([cand({ id: 'p', clusterId: 'P', publishedUs: null }), cand({ id: 'q', clusterId: 'Q', publishedUs: 9 })]),
    ).toBe('Q');
    expect(
      pick([cand({ id: 'p', clusterId: 'P', publishedUs: 3 }), cand({ id: 'q', clusterId: 'Q', publishedUs: 9 })]),
    ).toBe('P');
    expect(
      pick([cand({ id: 'p', clusterId: 'P', firstSeenUs: 7 }), cand({ id: 'q', clusterId: 'Q', firstSeenUs: 6 })]),
    ).toBe('Q');
    expect(pick([cand({ id: 'q', clusterId: 'Q' }), cand({ id: 'p', clusterId: 'P' })])).toBe('P');
    // Candidates of other events, and the article itself, do not count.
    expect(pick([cand({ ord: 1, clusterId: 'Other' }), cand({ id: 'n', clusterId: 'Self' })])).toBe('n');
  });

  it('clusters near-duplicates inside one batch in message order; a stored article ranks before a new one on a tie', () => {
    const plan = planBatch(
      events(
        article('first', { publishedAt: null }),
        article('far', { body: FAR }),
        article('second', { body: NEAR, publishedAt: null }),
        article('third', { body: NEAR2 }),
      ),
      new Map(),
      [],
    );
    expect(clusters(plan)).toEqual({ first: 'first', far: 'far', second: 'first', third: 'first' });

    const tie = planBatch(events(article('new1'), article('new2', { body: NEAR })), new Map(), [
      {
        ord: 1,
        id: 'old',
        clusterId: 'OLD',
        distance: NEAR_DISTANCE,
        publishedUs: Date.parse('2026-01-01T10:00:00.000Z') * 1000,
        firstSeenUs: 99,
      },
    ]);
    expect(clusters(tie)).toEqual({ new1: 'new1', new2: 'OLD' });
  });

  it('judges an id changed earlier in the batch by its new state, not by what was stored', () => {
    const stored: StoredCandidate[] = [
      { ord: 1, id: 'old', clusterId: 'OLD', distance: 0, publishedUs: 1, firstSeenUs: 1 },
      { ord: 2, id: 'old', clusterId: 'OLD', distance: 0, publishedUs: 1, firstSeenUs: 1 },
    ];
    // Withdrawn before the copy arrives: nobody's candidate any more. Withdrawn after: the copy joins it.
    const before = planBatch(
      events(article('old', { version: 2, pubStatus: 'withdrawn' }), article('copy')),
      heads([['old', { clusterId: 'OLD' }]]),
      [{ ...stored[0]! }],
    );
    expect(clusters(before)['copy']).toBe('copy');
    const after = planBatch(
      events(article('copy'), article('old', { version: 2, pubStatus: 'withdrawn' })),
      heads([['old', { clusterId: 'OLD' }]]),
      [{ ...stored[0]!, ord: 0 }],
    );
    expect(clusters(after)['copy']).toBe('OLD');
    // Too short to cluster: never a candidate, never looks up.
    const short = planBatch(events(article('s', { wordCount: 3 }), article('t')), new Map(), []);
    expect(clusters(short)).toEqual({ s: 's', t: 't' });
  });

  it('an id of the batch is a candidate as stored (its head) until the batch changes it', () => {
    const head = (publishedUs: number | null): [string, Partial<StoredHead>][] => [
      ['old', { clusterId: 'OLD', firstSeenUs: 5, candidate: { signature: sig(NEAR), publishedUs } }],
    ];
    const withdrawal = article('old', { version: 2, pubStatus: 'withdrawn' });
    expect(clusters(planBatch(events(article('copy'), withdrawal), heads(head(1)), []))['copy']).toBe('OLD');
    expect(clusters(planBatch(events(withdrawal, article('copy')), heads(head(1)), []))['copy']).toBe('copy');
    // A stale event of the id changes nothing: still a candidate as stored.
    expect(
      clusters(planBatch(events(article('old', { version: 1 }), article('copy')), heads(head(1)), []))['copy'],
    ).toBe('OLD');
    // Ranked with the other stored candidates by distance, publishedAt, first seen.
    const other: StoredCandidate = {
      ord: 1,
      id: 'x',
      clusterId: 'X',
      distance: NEAR_DISTANCE,
      publishedUs: 2,
      firstSeenUs: 1,
    };
    expect(
      clusters(planBatch(events(article('old', { version: 1 }), article('copy')), heads(head(1)), [other]))['copy'],
    ).toBe('OLD');
    expect(
      clusters(planBatch(events(article('old', { version: 1 }), article('copy')), heads(head(3)), [other]))['copy'],
    ).toBe('X');
    expect(
      clusters(planBatch(events(article('old', { version: 1 }), article('copy')), heads(head(null)), [other]))['copy'],
    ).toBe('X');
  });

  it('a preset cluster is used only when the article has none', () => {
    const plan = planBatch(
      [
        { ord: 0, eventId: 'e', article: article('a'), clusterId: 'preset' },
        { ord: 1, eventId: 'f', article: article('b', { version: 2 }), clusterId: 'preset' },
      ],
      heads([['b', { clusterId: 'kept' }]]),
      [],
    );
    expect(clusters(plan)).toEqual({ a: 'preset', b: 'kept' });
  });

  it('names each applied source once, sorted, with the last non-null name', () => {
    const plan = planBatch(
      events(
        article('a', { source: { id: 'z', name: 'Zed' } }),
        article('b', { source: { id: 'm', name: null as unknown as string } }),
        article('c', { source: { id: 'z', name: null as unknown as string } }),
        article('d', { source: { id: 'm', name: 'Em' } }),
      ),
      new Map(),
      [],
    );
    expect(plan.sources).toEqual([
      { id: 'm', name: 'Em' },
      { id: 'z', name: 'Zed' },
    ]);
    // Sources of events that did not become current are not touched.
    expect(
      planBatch(events(article('a', { source: { id: 'q', name: 'Q' } })), heads([['a', { version: 5 }]]), []).sources,
    ).toEqual([]);
  });
});

describe('re-enrichment (wirestream reenrich)', () => {
  const reenriched = (a: EnrichedArticle, ord = 0): BatchEvent => ({
    ord,
    eventId: `r${ord}`,
    article: a,
    clusterId: null,
    reenrichment: true,
  });

  it('replaces the stored version in place, keeping its cluster; a plain event of the same version stays a no-op', () => {
    const stored = heads([['a', { version: 3, clusterId: 'story' }]]);
    expect(planBatch(events(article('a', { version: 3, title: 'fresh' })), stored, []).current).toEqual([]);
    const plan = planBatch([reenriched(article('a', { version: 3, title: 'fresh' }))], stored, []);
    expect(plan.current).toHaveLength(1);
    expect(plan.current[0]).toMatchObject({
      clusterId: 'story',
      firstOrd: null,
      replaces: true,
      event: { article: { title: 'fresh' } },
    });
  });

  it('never replaces a newer stored version, and never revives or writes a kill', () => {
    expect(planBatch([reenriched(article('a', { version: 2 }))], heads([['a', { version: 3 }]]), []).current).toEqual(
      [],
    );
    expect(
      planBatch([reenriched(article('a', { version: 3 }))], heads([['a', { version: 3, pubStatus: 'withdrawn' }]]), [])
        .current,
    ).toEqual([]);
    expect(
      planBatch([reenriched(article('a', { version: 3, pubStatus: 'withdrawn' }))], heads([['a', { version: 3 }]]), [])
        .current,
    ).toEqual([]);
    // A kill in the same batch, before the re-enrichment of the same version, wins too.
    const killThenReenrich = [
      { ...events(article('a', { version: 4, pubStatus: 'withdrawn' }))[0]! },
      reenriched(article('a', { version: 4 }), 1),
    ];
    expect(planBatch(killThenReenrich, heads([['a', { version: 3 }]]), []).current[0]).toMatchObject({
      event: { ord: 0 },
      replaces: false,
    });
  });

  it('above the stored version (the original event not yet indexed) it is an ordinary new version', () => {
    const plan = planBatch(
      [reenriched(article('a', { version: 4 }))],
      heads([['a', { version: 3, clusterId: 'story' }]]),
      [],
    );
    expect(plan.current[0]).toMatchObject({ clusterId: 'story', replaces: false });
    expect(planBatch([reenriched(article('n'))], new Map(), []).current[0]).toMatchObject({
      clusterId: 'n',
      firstOrd: 0,
      replaces: false,
    });
  });

  it('after the original event of a new version in the same batch, it becomes the written document', () => {
    const plan = planBatch(
      [
        ...events(article('a', { version: 4, title: 'old enricher' })),
        reenriched(article('a', { version: 4, title: 'new enricher' }), 1),
      ],
      heads([['a', { version: 3 }]]),
      [],
    );
    expect(plan.current[0]).toMatchObject({ replaces: false, event: { ord: 1, article: { title: 'new enricher' } } });
  });

  it('supersedes: higher always, equal only for a usable re-enrichment over a usable row', () => {
    expect(supersedes({ article: article('a', { version: 2 }) }, undefined)).toBe(true);
    expect(supersedes({ article: article('a', { version: 2 }) }, { version: 1, pubStatus: 'withdrawn' })).toBe(true);
    expect(supersedes({ article: article('a', { version: 2 }) }, { version: 2, pubStatus: 'usable' })).toBe(false);
    expect(
      supersedes({ article: article('a', { version: 2 }), reenrichment: true }, { version: 2, pubStatus: 'usable' }),
    ).toBe(true);
    expect(
      supersedes({ article: article('a', { version: 2 }), reenrichment: true }, { version: 3, pubStatus: 'usable' }),
    ).toBe(false);
  });

  it('re-diffs a replaced version against the stored version before it', () => {
    expect(
      planReplacementDiffs(
        [{ id: 'a', version: 3 }],
        [1, 2, 3].map((version) => ({ id: 'a', version })),
      ),
    ).toEqual([{ id: 'a', version: 3, previous: 2 }]);
    expect(
      planReplacementDiffs(
        [{ id: 'b', version: 1 }],
        [
          { id: 'b', version: 1 },
          { id: 'a', version: 0 },
        ],
      ),
    ).toEqual([]);
  });
});

describe('clusterLookups', () => {
  it('asks only for the first applied event of a clusterable id without a cluster', () => {
    const list = events(
      article('new'),
      article('new', { version: 2 }),
      article('old', { version: 2 }),
      article('stale'),
      article('short', { wordCount: 1 }),
      article('gone', { pubStatus: 'withdrawn' }),
      article('unclustered', { version: 3 }),
    );
    const stored = heads([
      ['old', { clusterId: 'old' }],
      ['stale', { version: 4 }],
      ['unclustered', { clusterId: null }],
    ]);
    expect(clusterLookups(list, stored).map((e) => e.ord)).toEqual([0, 6]);
  });
});

describe('planVersionDiffs', () => {
  it('diffs each new version against its predecessor and the version after a new one against it', () => {
    expect(planVersionDiffs([{ id: 'a', version: 1 }], [])).toEqual([]);
    expect(planVersionDiffs([{ id: 'a', version: 2 }], [{ id: 'a', version: 1 }])).toEqual([
      { id: 'a', version: 2, previous: 1 },
    ]);
    // v2 arrives late between stored v1 and v3: v2 against v1, v3 re-diffed against v2; v4 untouched.
    expect(
      planVersionDiffs(
        [{ id: 'a', version: 2 }],
        [1, 3, 4].map((version) => ({ id: 'a', version })),
      ),
    ).toEqual([
      { id: 'a', version: 2, previous: 1 },
      { id: 'a', version: 3, previous: 2 },
    ]);
    // Several new versions at once, one of them older than everything stored.
    expect(
      planVersionDiffs(
        [
          { id: 'b', version: 3 },
          { id: 'b', version: 1 },
          { id: 'c', version: 1 },
        ],
        [
          { id: 'b', version: 2 },
          { id: 'z', version: 1 },
        ],
      ),
    ).toEqual([
      { id: 'b', version: 2, previous: 1 },
      { id: 'b', version: 3, previous: 2 },
    ]);
  });
});

describe('row helpers', () => {
  it('entity rows trim names, sum counts per (type, name) and default bad counts to 1', () => {
    const rows = entityRows(
      article('a', {
        entities: {
          people: [
            { name: ' Ana ', count: 2 },
            { name: 'Ana', count: 3 },
            { name: '', count: 1 },
            { name: 'Bo', count: Number.NaN },
          ],
          places: [{ name: 'Ana', count: 1 }],
          organizations: 'nonsense' as unknown as [],
        },
      } as Partial<EnrichedArticle>),
    );
    expect(rows).toEqual([
      { articleId: 'a', type: 'person', name: 'Ana', count: 5 },
      { articleId: 'a', type: 'person', name: 'Bo', count: 1 },
      { articleId: 'a', type: 'place', name: 'Ana', count: 1 },
    ]);
    expect(
      sortedEntityKeys([...rows, { articleId: 'b', type: 'organization', name: 'Ana', count: 1 }, rows[0]!]),
    ).toEqual([
      { type: 'organization', name: 'Ana' },
      { type: 'person', name: 'Ana' },
      { type: 'person', name: 'Bo' },
      { type: 'place', name: 'Ana' },
    ]);
  });

  it('never hands Postgres a key too long for its b-tree: long entity names dropped, counts clamped, source ids skipped, names and speakers cut', () => {
    const capitalised = 'Alpha Beta Gamma Delta '.repeat(200).trim();
    const rows = entityRows(
      article('a', {
        entities: {
          people: [
            { name: 'P'.repeat(FIELD_LIMITS.entityName), count: 2 ** 40 },
            { name: 'P'.repeat(FIELD_LIMITS.entityName), count: 2 ** 40 },
          ],
          places: [{ name: '東'.repeat(FIELD_LIMITS.entityName), count: 1 }],
          organizations: [
            { name: capitalised, count: 1 },
            { name: 'ECB', count: 1 },
          ],
        },
      }),
    );
    expect(rows.map((r) => [r.type, r.name.length, r.count])).toEqual([
      ['person', FIELD_LIMITS.entityName, 2 ** 31 - 1],
      ['place', FIELD_LIMITS.entityName, 1],
      ['organization', 3, 1],
    ]);
    expect(fitsIndexKey('x'.repeat(MAX_INDEXED_KEY_BYTES), Infinity)).toBe(true);
    expect(fitsIndexKey('é'.repeat(MAX_INDEXED_KEY_BYTES / 2 + 1), Infinity)).toBe(false);

    const plan = planBatch(
      events(
        article('a', { source: { id: 'w'.repeat(4096), name: 'Wire '.repeat(800) } }),
        article('b', { source: { id: 'wire', name: 'Wire '.repeat(800) } }),
      ),
      new Map(),
      [],
    );
    expect(plan.current).toHaveLength(2);
    expect(plan.sources.map((src) => [src.id, src.name?.length])).toEqual([['wire', FIELD_LIMITS.sourceName]]);
    const [quote] = quoteRows(
      article('a', { quotes: [{ text: 'Hello.', speaker: 'S'.repeat(4096) }] as EnrichedArticle['quotes'] }),
    );
    expect(quote!.speaker).toHaveLength(FIELD_LIMITS.entityName);
  });

  it('quote rows skip empty quotes and number the rest in order', () => {
    const quotes = [
      { text: 'One', speaker: 'Ana' },
      { text: '   ', speaker: null },
      { text: 'Two', speaker: 42 },
    ];
    expect(quoteRows(article('a', { quotes } as unknown as Partial<EnrichedArticle>))).toEqual([
      { articleId: 'a', ordinal: 0, text: 'One', speaker: 'Ana' },
      { articleId: 'a', ordinal: 1, text: 'Two', speaker: null },
    ]);
  });

  it('isClusterable needs a usable article, a real fingerprint and enough words', () => {
    expect(isClusterable(article('a'))).toBe(true);
    expect(isClusterable(article('a', { pubStatus: 'withdrawn' }))).toBe(false);
    expect(isClusterable(article('a', { fingerprint: 'nope' }))).toBe(false);
    expect(isClusterable(article('a', { wordCount: 24 }))).toBe(false);
  });
});
