/**
 * Identity and versions end to end (ARCHITECTURE.md): duplicate, correction (higher version, history kept), lower
 * version refused, kill (withdrawn) stored and published, and versionCreatedAt ordering when there is no number.
 */
import type { INestApplication } from '@nestjs/common';
import type { ArticleReceivedPayload, EventEnvelope } from '@wirestream/contracts';
import { createKafka, readTopic, type Kafka } from '@wirestream/kafka';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const sample = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../../libs/formats/src/__samples__', name), 'utf8');
const NEWSML = 'application/vnd.iptc.g2.newsitem+xml';

interface Accepted {
  id: string;
  version: number;
  pubStatus: string;
  duplicate: boolean;
}
interface Answer {
  accepted: Accepted[];
  refused: { index: number; id: string | null; code: string; detail: string }[];
}

describe('identity and versions (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('versions');
    const config = loadIngestorConfig(environment.env);
    const logger = createLogger('ingestor', 'silent');
    app = await startHttpService({
      service: 'ingestor',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      host: '127.0.0.1',
      bodyParser: false,
    });
    url = await app.getUrl();
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'versions-int-spec', logger });
    dataSource = app.get<DataSource>(DATA_SOURCE);
  });

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  const post = (body: string, contentType: string) =>
    fetch(`${url}/v1/ingest?source=Wirestream%20Demo%20Wire`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-api-key': 'test-key' },
      body,
    });
  const versionsOf = async (id: string) =>
    (await dataSource.query('SELECT version, pub_status FROM raw_articles WHERE id = $1 ORDER BY version', [id])) as {
      version: number;
      pub_status: string;
    }[];

  const v1 = sample('newsml-g2-v1.xml');
  const v2 = sample('newsml-g2-v2-correction.xml');
  // The same story killed: version 3, stat:canceled.
  const v3Killed = v2.replace(/version="2"/, 'version="3"').replace('stat:usable', 'stat:canceled');
  let tramId: string;

  it('accepts version 1 of a NewsML-G2 item', async () => {
    const res = await post(v1, NEWSML);
    expect(res.status).toBe(202);
    const body = (await res.json()) as Answer;
    expect(body.accepted).toEqual([expect.objectContaining({ version: 1, pubStatus: 'usable', duplicate: false })]);
    tramId = body.accepted[0]!.id;
  });

  it('answers the same item re-sent as a duplicate (202, duplicate: true) and stores nothing', async () => {
    const res = await post(v1, NEWSML);
    expect(res.status).toBe(202);
    expect(((await res.json()) as Answer).accepted).toEqual([
      expect.objectContaining({ id: tramId, version: 1, duplicate: true }),
    ]);
    expect(await versionsOf(tramId)).toHaveLength(1);
  });

  it('replaces it with the version 2 correction and keeps version 1 as history', async () => {
    const res = await post(v2, NEWSML);
    expect(res.status).toBe(202);
    expect(((await res.json()) as Answer).accepted).toEqual([
      expect.objectContaining({ id: tramId, version: 2, duplicate: false }),
    ]);
    expect(await versionsOf(tramId)).toEqual([
      { version: 1, pub_status: 'usable' },
      { version: 2, pub_status: 'usable' },
    ]);
  });

  it('refuses the lower version with 409 and a reason naming both versions', async () => {
    const res = await post(v1, NEWSML);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { code: string; detail: string; refused: Answer['refused'] };
    expect(problem.code).toBe('stale-version');
    expect(problem.detail).toMatch(/version 1 is older than the stored version 2/);
    expect(problem.refused).toEqual([expect.objectContaining({ index: 0, id: tramId, code: 'stale-version' })]);
    expect(await versionsOf(tramId)).toHaveLength(2);
  });

  it('stores a kill (stat:canceled) as withdrawn and publishes it', async () => {
    const res = await post(v3Killed, NEWSML);
    expect(res.status).toBe(202);
    expect(((await res.json()) as Answer).accepted).toEqual([
      expect.objectContaining({ id: tramId, version: 3, pubStatus: 'withdrawn', duplicate: false }),
    ]);
    expect((await versionsOf(tramId)).at(-1)).toEqual({ version: 3, pub_status: 'withdrawn' });
  });

  it('stores a first-seen canceled item as withdrawn', async () => {
    const res = await post(sample('newsml-g2-canceled.xml'), NEWSML);
    expect(res.status).toBe(202);
    const [item] = ((await res.json()) as Answer).accepted;
    expect(item).toMatchObject({ pubStatus: 'withdrawn', duplicate: false });
  });

  describe('without a version number (versionCreatedAt ordering)', () => {
    const native = (over: Record<string, unknown>) =>
      JSON.stringify({
        id: 'partner-versionless-1',
        title: 'Tram line reopens',
        body: '<p>The tram line reopened on Tuesday after repairs.</p>',
        language: 'en',
        ...over,
      });
    let id: string;

    it('numbers the first one 1', async () => {
      const res = await post(native({ updatedAt: '2026-02-03T12:00:00Z' }), 'application/json');
      expect(res.status).toBe(202);
      const [item] = ((await res.json()) as Answer).accepted;
      expect(item).toMatchObject({ version: 1, duplicate: false });
      id = item!.id;
    });

    it('refuses changed content with an older versionCreatedAt (409, reason says so)', async () => {
      const res = await post(
        native({ updatedAt: '2026-02-03T11:00:00Z', body: '<p>An older draft.</p>' }),
        'application/json',
      );
      expect(res.status).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toMatch(
        /versionCreatedAt \S+ is older than the stored version 1/,
      );
      expect(await versionsOf(id)).toHaveLength(1);
    });

    it('accepts changed content with a newer versionCreatedAt as version 2', async () => {
      const res = await post(
        native({
          updatedAt: '2026-02-03T13:00:00Z',
          body: '<p>The tram line reopened on Tuesday after two weeks of repairs.</p>',
        }),
        'application/json',
      );
      expect(res.status).toBe(202);
      expect(((await res.json()) as Answer).accepted).toEqual([
        expect.objectContaining({ id, version: 2, duplicate: false }),
      ]);
    });

    it('in a batch, reports the stale item in `refused` by index and accepts the rest (202)', async () => {
      const batch = `[${native({ updatedAt: '2026-02-03T10:00:00Z', body: '<p>Stale.</p>' })}, ${JSON.stringify({ id: 'partner-versionless-2', title: 'Bridge closes', body: '<p>The bridge closes on Friday for inspection.</p>' })}]`;
      const res = await post(batch, 'application/json');
      expect(res.status).toBe(202);
      const body = (await res.json()) as Answer;
      expect(body.accepted).toEqual([expect.objectContaining({ duplicate: false, version: 1 })]);
      expect(body.refused).toEqual([expect.objectContaining({ index: 0, id, code: 'stale-version' })]);
    });
  });

  it('publishes every accepted version to articles.raw.v1, the kill included, in version order per id', async () => {
    const records = await readTopic(kafka, environment.topics.raw, {
      until: (r) => r.filter((x) => x.key === tramId).length >= 3,
      timeoutMs: 20000,
    });
    const tram = records
      .filter((r) => r.key === tramId)
      .map((r) => JSON.parse(r.value!) as EventEnvelope<ArticleReceivedPayload>);
    expect(tram.map((e) => [e.version, e.payload.item.pubStatus])).toEqual([
      [1, 'usable'],
      [2, 'usable'],
      [3, 'withdrawn'],
    ]);
  });
});
