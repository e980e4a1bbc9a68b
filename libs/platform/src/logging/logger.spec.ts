import { Writable } from 'node:stream';
import { createLogger, serializeError } from './logger';

/** A QueryFailedError-like error: what TypeORM throws, with the statement and every value in it. */
function queryFailed(): Error {
  const error = new Error('value "2147483648" is out of range for type integer');
  Object.assign(error, {
    code: '22003',
    query: 'INSERT INTO raw_articles (content) VALUES ($1)',
    parameters: ['the whole article text, secret-ish'],
    driverError: { detail: 'Key (id)=(x)', parameters: ['again'] },
  });
  Object.defineProperty(error, 'name', { value: 'QueryFailedError' });
  return error;
}

describe('serializeError', () => {
  it('keeps class, code, message and stack, and drops SQL, parameters and driver internals', () => {
    const serialized = serializeError(queryFailed()) as Record<string, unknown>;
    expect(serialized).toMatchObject({
      type: 'Error',
      code: '22003',
      message: 'value "2147483648" is out of range for type integer',
    });
    expect(serialized['stack']).toEqual(expect.any(String));
    expect(Object.keys(serialized).sort()).toEqual(['code', 'message', 'stack', 'type']);
  });

  it('serializes the cause the same way', () => {
    const wrapped = new Error('ingest failed', { cause: queryFailed() });
    expect(JSON.stringify(serializeError(wrapped))).not.toMatch(/whole article|INSERT INTO|Key \(id\)/);
    expect(serializeError(wrapped)).toMatchObject({ cause: { code: '22003' } });
  });

  it('passes non-errors through unchanged', () => {
    expect(serializeError('text')).toBe('text');
  });
});

describe('createLogger', () => {
  it('never writes SQL parameters, whether the error is logged as err, error or under another name', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('test', 'info', sink);
    logger.error({ err: queryFailed() }, 'request failed');
    logger.error({ error: queryFailed() }, 'request failed');
    logger.error({ failure: { parameters: ['the whole article text'], driverError: { x: 1 } } }, 'request failed');
    const text = lines.join('');
    expect(lines).toHaveLength(3);
    expect(text).not.toMatch(/whole article|INSERT INTO/);
    expect(text).toMatch(/22003/);
  });
});
