import { HttpException, NotFoundException } from '@nestjs/common';
import { pathOf, ProblemDetailsFilter, toProblem } from './problem-details.filter';
import { NotFoundError, PermanentError, RetriableError, isRetriable } from './wirestream-error';

describe('toProblem', () => {
  it('maps typed errors with their code, status and extensions', () => {
    const problem = toProblem(
      new PermanentError('invalid-parameter', 'size must be ≤ 100', 400, { errors: [{ parameter: 'size' }] }),
      '/v1/search',
    );
    expect(problem).toEqual({
      type: 'https://wirestream.dev/problems/invalid-parameter',
      title: 'Bad Request',
      status: 400,
      detail: 'size must be ≤ 100',
      code: 'invalid-parameter',
      instance: '/v1/search',
      errors: [{ parameter: 'size' }],
    });
  });

  it('maps Nest HTTP exceptions (e.g. unknown routes) without leaking internals', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      code: 'not-found',
      detail: 'Cannot GET /nope',
    });
    expect(toProblem(new HttpException('slow down', 429))).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });

  it('hides unexpected errors behind a generic 500', () => {
    const problem = toProblem(new Error('connection string postgres://u:pw@x leaked'));
    expect(problem).toMatchObject({ status: 500, code: 'internal' });
    expect(JSON.stringify(problem)).not.toContain('pw@x');
  });
});

describe('isRetriable', () => {
  it('follows the error class, and treats network failures as transient', () => {
    expect(isRetriable(new RetriableError('search-unavailable', 'x'))).toBe(true);
    expect(isRetriable(new NotFoundError('Article 1'))).toBe(false);
    expect(isRetriable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isRetriable(new TypeError('bug'))).toBe(false);
  });
});

describe('ProblemDetailsFilter', () => {
  const run = (exception: unknown, url: string) => {
    const logged: { level: string; fields: Record<string, unknown> }[] = [];
    const logger = {
      error: (fields: Record<string, unknown>) => logged.push({ level: 'error', fields }),
      info: (fields: Record<string, unknown>) => logged.push({ level: 'info', fields }),
    };
    let sent = '';
    const headers: Record<string, string> = {};
    const response = {
      headersSent: false,
      setHeader: (name: string, value: string) => (headers[name] = value),
      status: () => response,
      type: () => response,
      send: (body: string) => (sent = body),
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ originalUrl: url, method: 'POST' }) }),
    };
    new ProblemDetailsFilter(logger as never).catch(exception, host as never);
    return { logged, headers, answer: JSON.parse(sent) as Record<string, unknown> };
  };

  it('tells when to retry a retriable 503, and only that', () => {
    const unavailable = run(new RetriableError('storage-unavailable', 'busy'), '/v1/ingest');
    expect(unavailable.answer).toMatchObject({ status: 503, code: 'storage-unavailable' });
    expect(unavailable.headers).toEqual({ 'Retry-After': '2' });
    expect(run(new Error('boom'), '/v1/ingest').headers).toEqual({});
    expect(run(new PermanentError('invalid-parameter', 'bad', 400), '/v1/ingest').headers).toEqual({});
  });

  it('gives a 500 an error id, in the answer and in the one log line about it', () => {
    const { logged, answer } = run(new Error('boom'), '/v1/ingest');
    expect(answer['errorId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toEqual([{ level: 'error', fields: expect.objectContaining({ errorId: answer['errorId'] }) }]);
  });

  it('never logs or answers the query string (it can carry a key)', () => {
    const { logged, answer } = run(
      new PermanentError('invalid-parameter', 'bad', 400),
      '/v1/ingest?x-api-key=secret&source=a',
    );
    expect(answer['instance']).toBe('/v1/ingest');
    expect(JSON.stringify(logged)).not.toMatch(/secret/);
    const failed = run(new Error('boom'), '/v1/ingest?key=secret#frag');
    expect(JSON.stringify(failed)).not.toMatch(/secret|frag/);
  });

  it('cuts a path at its query or fragment', () => {
    expect(pathOf('/a/b?c=d')).toBe('/a/b');
    expect(pathOf('/a#x')).toBe('/a');
    expect(pathOf('/a')).toBe('/a');
  });
});
