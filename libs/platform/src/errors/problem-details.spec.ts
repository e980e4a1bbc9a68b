import { HttpException, NotFoundException } from '@nestjs/common';
import { toProblem } from './problem-details.filter';
import { NotFoundError, PermanentError, RetriableError, isRetriable } from './wirestream-error';

describe('toProblem', () => {
  it('maps typed errors with their code, status and extensions', () => {
    const problem = toProblem(new PermanentError('invalid-parameter', 'size must be ≤ 100', 400, { errors: [{ parameter: 'size' }] }), '/v1/search');
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
    expect(toProblem(new NotFoundException('Cannot GET /nope'))).toMatchObject({ status: 404, code: 'not-found', detail: 'Cannot GET /nope' });
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
