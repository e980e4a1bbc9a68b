import { MalformedEventError, parseEnvelope } from './parse-envelope';
import type { IncomingMessage } from './reliable-consumer';

const message = (value: unknown, key: string | null = 'a1'): IncomingMessage => ({
  topic: 't',
  partition: 0,
  offset: '0',
  key,
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
  traceId: null,
});

const envelope = {
  eventId: 'e',
  type: 'article.received',
  schemaVersion: 1,
  occurredAt: 'now',
  traceId: 't',
  articleId: 'a1',
  version: 1,
  payload: {},
};

describe('parseEnvelope', () => {
  it('returns a valid envelope', () => {
    expect(parseEnvelope(message(envelope), 'article.received').articleId).toBe('a1');
  });

  it.each([
    ['an empty message', null, /no value/],
    ['non-JSON', '{oops', /not JSON/],
    ['missing fields', { type: 'article.received' }, /missing eventId, schemaVersion, articleId, version, payload/],
    ['the wrong type', { ...envelope, type: 'article.enriched' }, /expected event type article.received/],
    ['a bad version', { ...envelope, version: 0 }, /positive integer/],
  ])('refuses %s as a permanent error', (_label, value, reason) => {
    expect(() => parseEnvelope(message(value), 'article.received')).toThrow(MalformedEventError);
    expect(() => parseEnvelope(message(value), 'article.received')).toThrow(reason);
  });

  it('refuses a key that does not match the article id', () => {
    expect(() => parseEnvelope(message(envelope, 'other'), 'article.received')).toThrow(/does not match/);
  });
});
