/**
 * Hostile input through the public HTTP APIs (issue 9, Deliver 7): the three services run as processes on an
 * isolated slice of the stack, and every case is one request an attacker or a broken sender could make.
 *
 * Each case asserts its status (and problem+json `code` for a 4xx), that the request took at most
 * REQUEST_TIME_BOUND_MS, and that `/health/live` of the ingestor — and of the enricher when items were accepted,
 * watched until it has finished with them — answered within LIVENESS_BOUND_MS (beyond a reference process's
 * slowest answer in the same moments) throughout. After each group an
 * ordinary article must become searchable and all three services must be ready: nothing wedged.
 *
 * The cases are tables, one per class of input; every example of the issue is marked "(issue)".
 */
import {
  allocatePort,
  createIsolatedEnvironment,
  ReferenceHttpServer,
  ServiceProcess,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import {
  ANY_CODE,
  CaseTools,
  hostileCase,
  KEY_CHECK_TIME_BOUND_MS,
  must,
  pipelineStillFlows,
  runHostileCase,
  type Answer,
  type HostileGroup,
  type HostileRequest,
  type Outcome,
  type Services,
} from './hostile-harness';
import {
  atomFeedWithoutAuthors,
  capitalisedRun,
  htmlArticle,
  longSentence,
  MIXED_UNICODE,
  nativeArticle,
  newsMessage,
  ninjsItem,
  PRINTABLE_ASCII,
  prose,
  randomChars,
  rssFeedWithoutAuthors,
  textArticle,
  uniqueToken,
} from './hostile-inputs';

const RUN = 100_000;
const NBSP = '\u00a0';
/** INGEST_MAX_BYTES, INGEST_MAX_ITEM_BYTES and INGEST_MAX_ITEMS at their defaults (the suite sets none of them). */
const INGEST_MAX_BYTES = 10 * 1024 * 1024;
const ITEM_OVER_LIMIT_BYTES = 1_100_000;
const INGEST_MAX_ITEMS = 1000;
/** The stored version column's maximum; ingest accepts versions up to one below it (the top is kept for a kill). */
const TOP_VERSION = 2147483647;
const TOP_ACCEPTED_VERSION = TOP_VERSION - 1;
const SOURCE = 'Hostile Wire';

const ACCEPTED: Outcome[] = [{ status: 202 }];
/** An odd body that is no real article may be accepted or refused with a typed code — never a 500. */
const ACCEPTED_OR_REFUSED: Outcome[] = [{ status: 202 }, { status: 400, code: ANY_CODE }];
const refused = (status: number, code: string): Outcome[] => [{ status, code }];

const post = (body: string | Buffer, contentType: string, query = ''): HostileRequest => ({
  target: 'ingestor',
  method: 'POST',
  path: `/v1/ingest${query}`,
  body,
  contentType,
});
const search = (query: string): HostileRequest => ({ target: 'indexer', method: 'GET', path: `/v1/search?${query}` });
const json = (value: unknown) => JSON.stringify(value);
const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json';
const NINJS = 'application/ninjs+json';

/** A 202 that took exactly `n` items and refused none. */
const acceptsAll = (n: number) => async (answer: Answer) => {
  must(
    answer.accepted.length === n && answer.refused.length === 0,
    `expected ${n} accepted and none refused, got ${answer.accepted.length} accepted, refused ${JSON.stringify(answer.refused).slice(0, 200)}`,
  );
};

/** A 202 whose one article also becomes searchable by `token`; returns nothing, throws with what went wrong. */
const searchable = (token: string) => async (answer: Answer, tools: CaseTools) => {
  await acceptsAll(1)(answer);
  await tools.waitSearchable(token, answer.accepted[0]!.id);
};

/** A 4xx that names the parameter it refused. */
const namesParameter = (parameter: string) => async (answer: Answer) => {
  must(
    answer.json?.['parameter'] === parameter,
    `expected problem member parameter "${parameter}", got ${JSON.stringify(answer.json?.['parameter'])}`,
  );
};

const ENGINE_TEXT = /parse|exception|failed to|opensearch|elasticsearch/i;
const cleanSearchRefusal = (parameter: string) => async (answer: Answer) => {
  await namesParameter(parameter)(answer);
  const detail = String(answer.json?.['detail'] ?? '');
  must(!ENGINE_TEXT.test(detail), `detail leaks engine text: ${detail.slice(0, 200)}`);
};

/** A text article whose only paragraph is the run: the run is what sentence splitting and the summary read. */
const punctuationParagraph = (name: string, char: string) => {
  const token = uniqueToken();
  return hostileCase({
    name: `text whose paragraph is 100k ${name}`,
    request: () => post(`Night ferries approved for ${token} route\n\n${char.repeat(RUN)}\n`, TEXT),
    expect: ACCEPTED,
    then: acceptsAll(1),
  });
};

/** A banner line "welcome to a" + run + a word, then the article: the word after the run is what makes a lazy name capture backtrack. */
const welcomeRun = (name: string, char: string) => {
  const token = uniqueToken();
  return hostileCase({
    name: `text banner "welcome to a" + 100k ${name} + a word, above an article`,
    request: () => post(`welcome to a${char.repeat(RUN)} today\n${textArticle(token)}`, TEXT),
    expect: ACCEPTED,
    then: acceptsAll(1),
  });
};

const SPACES = ' '.repeat(RUN);
const paddedDate = (name: string, page: (token: string) => string) => {
  const token = uniqueToken();
  return hostileCase({ name, request: () => post(page(token), HTML), expect: ACCEPTED, then: acceptsAll(1) });
};

const nested = (name: string, open: string, close: string, depth: number, expect: Outcome[]) => {
  const token = uniqueToken();
  return hostileCase({
    name,
    request: () =>
      post(
        htmlArticle(token, {
          bodyPrefix:
            open.repeat(depth) +
            `<p>A paragraph ${depth} elements deep about the ${token} ferries.</p>` +
            close.repeat(depth),
        }),
        HTML,
      ),
    expect,
    then: async (answer) => (answer.status === 202 ? acceptsAll(1)(answer) : undefined),
  });
};

/** An HTML page without url whose text is only the run (and a title): identity hashes the text when there is no url. */
const symbolRun = (name: string, char: string, wrap = (run: string) => `<p>${run}</p>`) => {
  const token = uniqueToken();
  return hostileCase({
    name: `HTML without url whose text is 100k ${name}`,
    request: () =>
      post(
        `<!doctype html><html><head><title>Night ferries approved for ${token} route</title></head><body>${wrap(char.repeat(RUN))}</body></html>`,
        HTML,
      ),
    expect: ACCEPTED,
    then: acceptsAll(1),
  });
};

const tooManyItems = (name: string, build: (token: string) => string, contentType: string) =>
  hostileCase({
    name,
    request: () => {
      const body = build(uniqueToken());
      must(
        Buffer.byteLength(body) < INGEST_MAX_BYTES,
        `${name}: the body must stay under INGEST_MAX_BYTES (${Buffer.byteLength(body)} bytes)`,
      );
      return post(body, contentType);
    },
    expect: refused(413, 'too-many-items'),
  });

/** A batch of four whose item 2 carries a lone surrogate or NUL: 202, items 0, 1, 3 stored and searchable, item 2 refused and nowhere. */
const badCharacterInBatch = (
  name: string,
  contentType: string,
  build: (token: string, bad: boolean) => Record<string, unknown>,
) => {
  const tokens = [uniqueToken(), uniqueToken(), uniqueToken(), uniqueToken()];
  return hostileCase({
    name,
    request: () =>
      post(json(tokens.map((t, i) => build(t, i === 2))), contentType, `?source=${encodeURIComponent(SOURCE)}`),
    expect: ACCEPTED,
    then: async (answer, tools) => {
      must(answer.accepted.length === 3, `expected 3 accepted, got ${answer.accepted.length}`);
      must(
        answer.refused.length === 1 &&
          answer.refused[0]!.index === 2 &&
          answer.refused[0]!.code === 'invalid-characters',
        `expected item 2 refused with invalid-characters, got ${JSON.stringify(answer.refused).slice(0, 300)}`,
      );
      for (const [k, t] of [tokens[0]!, tokens[1]!, tokens[3]!].entries())
        await tools.waitSearchable(t, answer.accepted[k]!.id, `batch item ${k < 2 ? k : 3}`);
      const refusedId = answer.refused[0]!.id;
      if (refusedId)
        must(
          (await tools.articleStatus(refusedId)) === 404,
          `the refused item ${refusedId} is served by GET /v1/articles`,
        );
      const found = await tools.search(`q=${encodeURIComponent(tokens[2]!)}`);
      must(found.total === 0, `the refused item is searchable (${found.total} hit(s))`);
    },
  });
};

interface TopVersionState {
  id: string;
  token: string;
}

/** Stores an article at the top accepted version, then withdraws it: 202 and it disappears from GET and search. */
const killAtTopVersion = (
  name: string,
  contentType: string,
  store: (token: string) => unknown,
  kill: (token: string) => unknown,
) =>
  hostileCase<TopVersionState>({
    name,
    prepare: async (tools) => {
      const token = uniqueToken();
      const stored = await tools.ingest(json(store(token)), contentType, `?source=${encodeURIComponent(SOURCE)}`);
      must(
        stored.status === 202 && stored.accepted[0]?.version === TOP_ACCEPTED_VERSION,
        `storing the article at version ${TOP_ACCEPTED_VERSION} answered ${stored.status} ${JSON.stringify(stored.json).slice(0, 200)}`,
      );
      await tools.waitSearchable(token, stored.accepted[0]!.id, 'the article at the top version');
      return { id: stored.accepted[0]!.id, token };
    },
    request: (state) => post(json(kill(state.token)), contentType, `?source=${encodeURIComponent(SOURCE)}`),
    expect: ACCEPTED,
    then: async (answer, tools, state) => {
      must(
        answer.accepted.length === 1 &&
          answer.accepted[0]!.id === state.id &&
          answer.accepted[0]!.pubStatus === 'withdrawn',
        `expected the kill of ${state.id} accepted, got ${JSON.stringify(answer.accepted)}`,
      );
      await tools.waitGone(state.token, state.id);
    },
  });

/** An article whose first sentence is ~40 KB: its search hit's summary is at most 600 characters. */
const longFirstSentence = (name: string, contentType: string, build: (token: string, first: string) => string) => {
  const token = uniqueToken();
  return hostileCase({
    name,
    request: () => post(build(token, longSentence(40_000)), contentType),
    expect: ACCEPTED,
    then: async (answer, tools) => {
      await acceptsAll(1)(answer);
      const hit = await tools.waitSearchable(token, answer.accepted[0]!.id);
      must(hit.summary.length <= 600, `the hit's summary has ${hit.summary.length} characters (at most 600)`);
    },
  });
};

const searchableArticle = (name: string, contentType: string, build: (token: string) => string) => {
  const token = uniqueToken();
  return hostileCase({
    name,
    request: () => post(build(token), contentType),
    expect: ACCEPTED,
    then: searchable(token),
  });
};

const bigBody = () => Buffer.alloc(10_500_000, 'Night ferries approved for the harbour route. ');

const GROUPS: HostileGroup[] = [
  {
    name: 'punctuation and whitespace runs in plain text (page layout, sentence splitting)',
    cases: [
      hostileCase({
        name: 'text "welcome to a" + 100k "!", nothing else',
        request: () => post(`welcome to a${'!'.repeat(RUN)}`, TEXT),
        expect: ACCEPTED_OR_REFUSED,
      }),
      hostileCase({
        name: 'text "welcome to a" + 100k "!" + a word (issue)',
        request: () => post(`welcome to a${'!'.repeat(RUN)} today`, TEXT),
        expect: ACCEPTED_OR_REFUSED,
      }),
      hostileCase({
        name: 'text that is only 100k "?"',
        request: () => post('?'.repeat(RUN), TEXT),
        expect: ACCEPTED_OR_REFUSED,
      }),
      welcomeRun('"!"', '!'),
      welcomeRun('"."', '.'),
      welcomeRun('"|"', '|'),
      welcomeRun('spaces', ' '),
      punctuationParagraph('"!" (issue)', '!'),
      punctuationParagraph('"."', '.'),
      punctuationParagraph('"?"', '?'),
      punctuationParagraph('"…"', '…'),
      punctuationParagraph('"-"', '-'),
      punctuationParagraph('"|"', '|'),
      punctuationParagraph('"»"', '»'),
      punctuationParagraph('NBSP', NBSP),
      punctuationParagraph('tabs', '\t'),
    ],
  },
  {
    name: 'date fields padded with 100k spaces or digits (date regexes)',
    cases: [
      paddedDate('meta article:published_time "2026-01-01T10:00" + 100k spaces (issue)', (t) =>
        htmlArticle(t, { head: `<meta property="article:published_time" content="2026-01-01T10:00${SPACES}">` }),
      ),
      paddedDate('meta article:modified_time + 100k spaces', (t) =>
        htmlArticle(t, { head: `<meta property="article:modified_time" content="2026-01-01T10:00${SPACES}">` }),
      ),
      paddedDate('meta name="date" + 100k spaces', (t) =>
        htmlArticle(t, { head: `<meta name="date" content="2026-01-01T10:00${SPACES}">` }),
      ),
      paddedDate('meta itemprop="datePublished" + 100k spaces', (t) =>
        htmlArticle(t, { head: `<meta itemprop="datePublished" content="2026-01-01T10:00${SPACES}">` }),
      ),
      paddedDate('<time datetime> + 100k spaces', (t) =>
        htmlArticle(t, { bodyPrefix: `<time datetime="2026-01-01T10:00${SPACES}">1 January</time>` }),
      ),
      paddedDate('JSON-LD datePublished + 100k spaces', (t) =>
        htmlArticle(t, {
          head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-01T10:00${SPACES}"}</script>`,
        }),
      ),
      paddedDate('date-marked byline text + 100k spaces', (t) =>
        htmlArticle(t, { bodyPrefix: `<span class="date">Posted 2026-01-01T10:00${SPACES}by staff</span>` }),
      ),
      paddedDate('meta article:published_time with 100k fraction digits', (t) =>
        htmlArticle(t, {
          head: `<meta property="article:published_time" content="2026-01-01T10:00:00.${'0'.repeat(RUN)}Z">`,
        }),
      ),
    ],
  },
  {
    name: 'deep nesting around one paragraph (Readability)',
    cases: [
      nested('<div> nested 1,000 deep (issue)', '<div>', '</div>', 1000, ACCEPTED),
      nested('<div> nested 5,000 deep (issue)', '<div>', '</div>', 5000, ACCEPTED_OR_REFUSED),
      nested('<span> nested 1,000 deep', '<span>', '</span>', 1000, ACCEPTED),
      nested('<section> nested 1,000 deep', '<section>', '</section>', 1000, ACCEPTED),
      nested('<section> nested 5,000 deep', '<section>', '</section>', 5000, ACCEPTED_OR_REFUSED),
      // 2,000 levels: beyond the documented 1,000 (MAX_HTML_DEPTH), so refused as html-too-deep, or accepted.
      nested('<div><span> alternating, 2,000 deep', '<div><span>', '</span></div>', 1000, ACCEPTED_OR_REFUSED),
    ],
  },
  {
    name: 'feeds: per-item loops and the cap on items per request',
    cases: [
      tooManyItems(
        'Atom feed of 50,000 entries without <author> (issue)',
        (t) => atomFeedWithoutAuthors(50_000, t),
        'application/atom+xml',
      ),
      tooManyItems(
        'Atom feed of 8,000 entries without <author>',
        (t) => atomFeedWithoutAuthors(8000, t),
        'application/atom+xml',
      ),
      hostileCase({
        name: 'Atom feed of 1,000 entries without <author>: all accepted, in time',
        request: () => post(atomFeedWithoutAuthors(INGEST_MAX_ITEMS, uniqueToken(), true), 'application/atom+xml'),
        expect: ACCEPTED,
        then: acceptsAll(INGEST_MAX_ITEMS),
      }),
      tooManyItems(
        'RSS feed of 20,000 items without <author>',
        (t) => rssFeedWithoutAuthors(20_000, t),
        'application/rss+xml',
      ),
      tooManyItems('NewsML-G2 newsMessage of 5,000 items', (t) => newsMessage(5000, t), 'application/xml'),
      tooManyItems(
        `native JSON batch of ${INGEST_MAX_ITEMS + 1} items`,
        (t) => json(Array.from({ length: INGEST_MAX_ITEMS + 1 }, (_, i) => nativeArticle(`${t}x${i}`))),
        JSON_TYPE,
      ),
      tooManyItems(
        `ninjs batch of ${INGEST_MAX_ITEMS + 1} items`,
        (t) => json(Array.from({ length: INGEST_MAX_ITEMS + 1 }, (_, i) => ninjsItem(`${t}x${i}`))),
        NINJS,
      ),
    ],
  },
  {
    name: 'symbol runs in pages without url (identity, text scans)',
    cases: [
      symbolRun('"‹" (issue)', '‹'),
      symbolRun('"‹", straight in <body>', '‹', (run) => run),
      symbolRun('"«"', '«'),
      symbolRun('"<"', '<'),
      symbolRun('"<", straight in <body>', '<', (run) => run),
      symbolRun('"›"', '›'),
      hostileCase({
        name: 'text/plain whose paragraph is 100k "‹"',
        request: () => post(`Night ferries approved for ${uniqueToken()} route\n\n${'‹'.repeat(RUN)}\n`, TEXT),
        expect: ACCEPTED,
        then: acceptsAll(1),
      }),
    ],
  },
  {
    name: 'sizes: the per-item limit and large prose',
    cases: [
      hostileCase({
        name: '1.1 MB text/plain article (issue)',
        request: () => post(textArticle(uniqueToken(), prose(ITEM_OVER_LIMIT_BYTES)), TEXT),
        expect: refused(413, 'item-too-large'),
      }),
      hostileCase({
        name: '1.1 MB native JSON article',
        request: () => post(json(nativeArticle(uniqueToken(), { body: prose(ITEM_OVER_LIMIT_BYTES) })), JSON_TYPE),
        expect: refused(413, 'item-too-large'),
      }),
      hostileCase({
        name: '1.1 MB HTML page',
        request: () =>
          post(htmlArticle(uniqueToken(), { paragraphs: prose(ITEM_OVER_LIMIT_BYTES).split('\n\n') }), HTML),
        expect: refused(413, 'item-too-large'),
      }),
      oversizedInBatch('native JSON batch with item 1 of 3 over the limit', JSON_TYPE, 1, (t, big) =>
        nativeArticle(t, big ? { body: prose(ITEM_OVER_LIMIT_BYTES) } : {}),
      ),
      oversizedInBatch('ninjs batch with item 2 of 3 over the limit', NINJS, 2, (t, big) =>
        ninjsItem(t, big ? { body_html: `<p>${prose(ITEM_OVER_LIMIT_BYTES)}</p>` } : {}),
      ),
      searchableArticle('600 KB of prose as text/plain: searchable, not dead-lettered (issue)', TEXT, (t) =>
        textArticle(t, prose(600_000)),
      ),
      searchableArticle('600 KB of prose as HTML: searchable', HTML, (t) =>
        htmlArticle(t, { paragraphs: prose(600_000).split('\n\n') }),
      ),
      searchableArticle('600 KB of prose as native JSON: searchable', JSON_TYPE, (t) =>
        json(nativeArticle(t, { body: textArticle(t, prose(600_000)) })),
      ),
    ],
  },
  {
    name: 'the API key is checked before the body is read',
    cases: [
      hostileCase({
        name: '10.5 MB text/plain without a key (issue)',
        request: () => ({ ...post(bigBody(), TEXT), apiKey: null }),
        expect: refused(401, 'api-key-missing'),
        timeBoundMs: KEY_CHECK_TIME_BOUND_MS,
      }),
      hostileCase({
        name: '10.5 MB application/json without a key',
        request: () => ({ ...post(bigBody(), JSON_TYPE), apiKey: null }),
        expect: refused(401, 'api-key-missing'),
        timeBoundMs: KEY_CHECK_TIME_BOUND_MS,
      }),
      hostileCase({
        name: '10.5 MB with an empty key header',
        request: () => ({ ...post(bigBody(), TEXT), apiKey: '' }),
        expect: refused(401, 'api-key-missing'),
        timeBoundMs: KEY_CHECK_TIME_BOUND_MS,
      }),
      hostileCase({
        name: '10.5 MB with a wrong key',
        request: () => ({ ...post(bigBody(), TEXT), apiKey: 'not-the-key' }),
        expect: refused(403, 'api-key-invalid'),
        timeBoundMs: KEY_CHECK_TIME_BOUND_MS,
      }),
      hostileCase({
        name: 'small article with a wrong key',
        request: () => ({ ...post(textArticle(uniqueToken()), TEXT), apiKey: 'test-key-but-longer' }),
        expect: refused(403, 'api-key-invalid'),
      }),
    ],
  },
  {
    name: 'lone surrogates in JSON (native and ninjs, single and batch)',
    cases: [
      hostileCase({
        name: 'native article, "\\ud800" in body (issue)',
        request: () =>
          post(json(nativeArticle(uniqueToken(), { body: 'The ferry \ud800 sails at night.' })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'native article, "\\udc00" in title',
        request: () => post(json(nativeArticle(uniqueToken(), { title: 'Night ferries \udc00 approved' })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'native article, "\\ud800" in byline',
        request: () => post(json(nativeArticle(uniqueToken(), { byline: 'By Ana \ud800 Ribeiro' })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'native article, "\\udfff" in a subject',
        request: () =>
          post(json(nativeArticle(uniqueToken(), { subjects: ['transport', 'ferries \udfff'] })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'ninjs item, "\\ud800" in headline',
        request: () => post(json(ninjsItem(uniqueToken(), { headline: 'Night ferries \ud800 approved' })), NINJS),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'ninjs item, "\\udc00" in body_html',
        request: () =>
          post(json(ninjsItem(uniqueToken(), { body_html: '<p>The ferry \udc00 sails at night.</p>' })), NINJS),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'ninjs item, "\\ud800" followed by a letter in byline',
        request: () => post(json(ninjsItem(uniqueToken(), { byline: 'By \ud800A Ribeiro' })), NINJS),
        expect: refused(400, 'invalid-characters'),
      }),
      badCharacterInBatch('native batch, "\\ud800" in the body of item 2 of 4 (issue)', JSON_TYPE, (t, bad) =>
        nativeArticle(t, bad ? { body: `The ferry \ud800 sails at night, says ${t}.` } : {}),
      ),
      badCharacterInBatch('native batch, "\\udc00" in the title of item 2 of 4', JSON_TYPE, (t, bad) =>
        nativeArticle(t, bad ? { title: `Night ferries \udc00 approved for ${t}` } : {}),
      ),
      badCharacterInBatch('ninjs batch, "\\ud800" in the headline of item 2 of 4', NINJS, (t, bad) =>
        ninjsItem(t, bad ? { headline: `Night ferries \ud800 approved for ${t}` } : {}),
      ),
    ],
  },
  {
    name: 'versions outside the stored range, kills at the top version',
    cases: [
      hostileCase({
        name: 'native version 2147483648 (issue)',
        request: () => post(json(nativeArticle(uniqueToken(), { version: TOP_VERSION + 1 })), JSON_TYPE),
        expect: refused(400, 'invalid-version'),
      }),
      hostileCase({
        name: 'native version -1',
        request: () => post(json(nativeArticle(uniqueToken(), { version: -1 })), JSON_TYPE),
        expect: refused(400, 'invalid-version'),
      }),
      hostileCase({
        name: 'native version 1e20',
        request: () =>
          post(json(nativeArticle(uniqueToken(), { version: 0 })).replace('"version":0', '"version":1e20'), JSON_TYPE),
        expect: refused(400, 'invalid-version'),
      }),
      hostileCase({
        name: 'ninjs version "2147483648"',
        request: () => post(json(ninjsItem(uniqueToken(), { version: String(TOP_VERSION + 1) })), NINJS),
        expect: refused(400, 'invalid-version'),
      }),
      killAtTopVersion(
        'native kill (pubStatus withdrawn) at the top version (issue)',
        JSON_TYPE,
        (t) => nativeArticle(t, { version: TOP_ACCEPTED_VERSION }),
        (t) => nativeArticle(t, { version: TOP_ACCEPTED_VERSION, pubStatus: 'withdrawn' }),
      ),
      killAtTopVersion(
        'ninjs kill (pubstatus canceled) at the top version',
        NINJS,
        (t) => ninjsItem(t, { version: String(TOP_ACCEPTED_VERSION) }),
        (t) => ninjsItem(t, { version: String(TOP_ACCEPTED_VERSION), pubstatus: 'canceled' }),
      ),
      killAtTopVersion(
        'native kill without a version of an article at the top version',
        JSON_TYPE,
        (t) => nativeArticle(t, { version: TOP_ACCEPTED_VERSION }),
        (t) => nativeArticle(t, { pubStatus: 'withdrawn' }),
      ),
    ],
  },
  {
    name: 'over-long ingest query parameters',
    cases: [
      hostileCase({
        name: 'source of 3,000 random ASCII characters (issue)',
        request: () =>
          post(textArticle(uniqueToken()), TEXT, `?source=${encodeURIComponent(randomChars(3000, PRINTABLE_ASCII))}`),
        expect: refused(400, 'invalid-parameter'),
        then: namesParameter('source'),
      }),
      hostileCase({
        name: 'source of 3,000 random Unicode characters',
        request: () =>
          post(textArticle(uniqueToken()), TEXT, `?source=${encodeURIComponent(randomChars(3000, MIXED_UNICODE))}`),
        expect: refused(400, 'invalid-parameter'),
        then: namesParameter('source'),
      }),
      hostileCase({
        name: 'url of 5,000 characters',
        request: () =>
          post(
            textArticle(uniqueToken()),
            TEXT,
            `?url=${encodeURIComponent(`https://news.example/${'a'.repeat(5000)}`)}`,
          ),
        expect: refused(400, 'invalid-parameter'),
        then: namesParameter('url'),
      }),
      hostileCase({
        name: 'url of 5,000 characters, mostly query string',
        request: () =>
          post(
            textArticle(uniqueToken()),
            TEXT,
            `?url=${encodeURIComponent(`https://news.example/story?q=${randomChars(5000, 'abcdefghijklmnopqrstuvwxyz0123456789')}`)}`,
          ),
        expect: refused(400, 'invalid-parameter'),
        then: namesParameter('url'),
      }),
    ],
  },
  {
    name: 'malformed HTML (body repair never throws)',
    cases: [
      '<html x (issue)',
      '<',
      '<!--',
      '<html><body><div',
      '<html><head><title>',
      '<html x="',
      '<!doctype html><html><head><meta property="article:published_time" content="',
    ].map((source) => {
      const body = source.replace(/ \(issue\)$/, '');
      return hostileCase({
        name: `text/html body ${JSON.stringify(body)}${source.endsWith('(issue)') ? ' (issue)' : ''}`,
        request: () => post(body, HTML),
        expect: ACCEPTED_OR_REFUSED,
      });
    }),
  },
  {
    name: 'search parameters (strict dates, the right name, no engine text)',
    cases: [
      hostileCase({
        name: 'from=2026-02-29 (issue)',
        request: () => search('from=2026-02-29'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('from'),
      }),
      hostileCase({
        name: 'to=2026-02-30 (issue)',
        request: () => search('to=2026-02-30'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('to'),
      }),
      hostileCase({
        name: 'from=2025-13-01',
        request: () => search('from=2025-13-01'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('from'),
      }),
      hostileCase({
        name: 'to=2026-04-31',
        request: () => search('to=2026-04-31'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('to'),
      }),
      hostileCase({
        name: 'from=2026-02-29T10:00:00Z',
        request: () => search('from=2026-02-29T10:00:00Z'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('from'),
      }),
      hostileCase({
        name: 'to=2026-02-28 with from=2026-02-30',
        request: () => search('to=2026-02-28&from=2026-02-30'),
        expect: refused(400, 'invalid-parameter'),
        then: cleanSearchRefusal('from'),
      }),
      hostileCase({
        name: 'q of 3,000 random characters',
        request: () => search(`q=${encodeURIComponent(randomChars(3000, MIXED_UNICODE))}`),
        expect: [{ status: 200 }, { status: 400, code: ANY_CODE }],
      }),
      hostileCase({
        name: 'source of 3,000 random characters',
        request: () => search(`source=${encodeURIComponent(randomChars(3000, PRINTABLE_ASCII))}`),
        expect: [{ status: 200 }, { status: 400, code: ANY_CODE }],
      }),
      hostileCase({
        name: 'organization of 3,000 random characters',
        request: () => search(`organization=${encodeURIComponent(randomChars(3000, MIXED_UNICODE))}`),
        expect: [{ status: 200 }, { status: 400, code: ANY_CODE }],
      }),
    ],
  },
  {
    name: 'Unicode: NUL characters and invalid UTF-8',
    cases: [
      hostileCase({
        name: 'NUL in a native JSON title',
        request: () => post(json(nativeArticle(uniqueToken(), { title: 'Night\u0000ferries' })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'NUL in a native JSON byline',
        request: () => post(json(nativeArticle(uniqueToken(), { byline: 'By Ana\u0000Ribeiro' })), JSON_TYPE),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'NUL in a ninjs headline',
        request: () => post(json(ninjsItem(uniqueToken(), { headline: 'Night\u0000ferries' })), NINJS),
        expect: refused(400, 'invalid-characters'),
      }),
      badCharacterInBatch('native batch, NUL in the body of item 2 of 4', JSON_TYPE, (t, bad) =>
        nativeArticle(t, bad ? { body: `The ferry\u0000 sails at night, says ${t}.` } : {}),
      ),
      hostileCase({
        name: 'NUL in a text/plain page',
        request: () => post(textArticle(uniqueToken(), 'The ferry\u0000 sails at night.'), TEXT),
        expect: refused(400, 'invalid-characters'),
      }),
      hostileCase({
        name: 'invalid UTF-8 (C3 28) in text/plain',
        request: () => post(Buffer.concat([Buffer.from(textArticle(uniqueToken())), Buffer.from([0xc3, 0x28])]), TEXT),
        expect: refused(400, 'invalid-encoding'),
      }),
      hostileCase({
        name: 'invalid UTF-8 (FF) inside a JSON string',
        request: () =>
          post(
            Buffer.concat([
              Buffer.from('{"title":"Night ferries '),
              Buffer.from([0xff]),
              Buffer.from('","body":"The ferry sails at night."}'),
            ]),
            JSON_TYPE,
          ),
        expect: refused(400, 'invalid-encoding'),
      }),
      hostileCase({
        name: 'invalid UTF-8 (80) in an HTML page',
        request: () =>
          post(
            Buffer.concat([
              Buffer.from(htmlArticle(uniqueToken()).replace('</article>', '')),
              Buffer.from([0x80]),
              Buffer.from('</article></body></html>'),
            ]),
            HTML,
          ),
        expect: refused(400, 'invalid-encoding'),
      }),
      hostileCase({
        name: 'a surrogate encoded as UTF-8 bytes (ED A0 80) in text/plain',
        request: () =>
          post(Buffer.concat([Buffer.from(textArticle(uniqueToken())), Buffer.from([0xed, 0xa0, 0x80])]), TEXT),
        expect: refused(400, 'invalid-encoding'),
      }),
      hostileCase({
        name: 'an overlong encoding (C0 AF) inside a JSON string',
        request: () =>
          post(
            Buffer.concat([
              Buffer.from('{"title":"Night ferries '),
              Buffer.from([0xc0, 0xaf]),
              Buffer.from('","body":"The ferry sails at night."}'),
            ]),
            JSON_TYPE,
          ),
        expect: refused(400, 'invalid-encoding'),
      }),
    ],
  },
  {
    name: 'long name runs and long first sentences (entity and summary caps)',
    cases: [
      searchableArticle('4 KB run of capitalised words in a text/plain article (issue)', TEXT, (t) =>
        textArticle(t, `Officials from ${capitalisedRun(4096)} attended.`),
      ),
      searchableArticle('4 KB run of capitalised words in a native JSON article', JSON_TYPE, (t) =>
        json(nativeArticle(t, { body: textArticle(t, `Officials from ${capitalisedRun(4096)} attended.`) })),
      ),
      searchableArticle('16 KB run of capitalised words in an HTML page', HTML, (t) =>
        htmlArticle(t, { paragraphs: [`Officials from ${capitalisedRun(16_384)} attended.`] }),
      ),
      longFirstSentence(
        '40 KB first sentence in text/plain: summary at most 600 characters (issue)',
        TEXT,
        (t, first) =>
          `Night ferries approved for ${t} route\n\n${first} The route is known locally as ${t}.\n\nThe operator said the first crossing would sail in March.`,
      ),
      longFirstSentence('40 KB first sentence in a native JSON article', JSON_TYPE, (t, first) =>
        json(
          nativeArticle(t, {
            body: `${first} The route is known locally as ${t}. The operator said the first crossing would sail in March.`,
          }),
        ),
      ),
      longFirstSentence('40 KB first sentence in an HTML page', HTML, (t, first) =>
        htmlArticle(t).replace('<p>', `<p>${first} `),
      ),
    ],
  },
];

/** A batch of three where item `bad` is over INGEST_MAX_ITEM_BYTES: 202, that item refused by index, the others stored. */
function oversizedInBatch(
  name: string,
  contentType: string,
  bad: number,
  build: (token: string, big: boolean) => Record<string, unknown>,
) {
  const tokens = [uniqueToken(), uniqueToken(), uniqueToken()];
  return hostileCase({
    name,
    request: () => post(json(tokens.map((t, i) => build(t, i === bad))), contentType),
    expect: ACCEPTED,
    then: async (answer, tools) => {
      must(answer.accepted.length === 2, `expected 2 accepted, got ${answer.accepted.length}`);
      must(
        answer.refused.length === 1 && answer.refused[0]!.index === bad && answer.refused[0]!.code === 'item-too-large',
        `expected item ${bad} refused with item-too-large, got ${JSON.stringify(answer.refused).slice(0, 300)}`,
      );
      const good = tokens.filter((_, i) => i !== bad);
      for (const [k, t] of good.entries()) await tools.waitSearchable(t, answer.accepted[k]!.id, `batch-mate ${k}`);
    },
  });
}

describe('hostile input through the public HTTP APIs', () => {
  let environment: IsolatedEnvironment;
  let services: Services;
  let tools: CaseTools;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('e2ehostile');
    services = {
      ingestor: new ServiceProcess('ingestor', allocatePort(), environment.env),
      enricher: new ServiceProcess('enricher', allocatePort(), environment.env),
      indexer: new ServiceProcess('indexer', allocatePort(), environment.env),
      reference: await ReferenceHttpServer.start(),
    };
    await Promise.all([services.ingestor, services.enricher, services.indexer].map((s) => s.start()));
    tools = new CaseTools(services);
  });

  afterAll(async () => {
    services?.reference.stop();
    await Promise.all([services?.ingestor, services?.enricher, services?.indexer].map((s) => s?.kill()));
    await environment?.teardown();
  });

  describe.each(GROUPS.map((g) => [g.name, g] as const))('%s', (_name, group) => {
    it.each(group.cases.map((c) => [c.name, c] as const))('%s', async (_case, c) => {
      expect(await runHostileCase(services, tools, c)).toEqual([]);
    });

    it('afterwards: an ordinary article becomes searchable, and the ingestor, enricher and indexer are ready', async () => {
      expect(await pipelineStillFlows(services, tools, uniqueToken('canary'))).toEqual([]);
    });
  });
});
