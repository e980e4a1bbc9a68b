import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { WirestreamError } from './wirestream-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

const PROBLEM_BASE = 'https://wirestream.dev/problems/';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one place HTTP errors become RFC 9457 problem+json. Never leaks a stack trace. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof WirestreamError) {
    return {
      ...error.extensions,
      type: PROBLEM_BASE + error.code,
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? error.message);
    const code = httpCode(status, error);
    return {
      type: PROBLEM_BASE + code,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      ...(instance ? { instance } : {}),
    };
  }
  return {
    type: PROBLEM_BASE + 'internal',
    title: TITLES[500]!,
    status: 500,
    detail: 'An unexpected error occurred; it has been logged.',
    code: 'internal',
    ...(instance ? { instance } : {}),
  };
}

function httpCode(status: number, error: HttpException): string {
  // body-parser errors arrive as HttpException-like with a `type` (e.g. entity.too.large).
  if (status === 413) return 'payload-too-large';
  if (status === 404) return 'not-found';
  if (status === 415) return 'unsupported-media-type';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  return (
    error.name
      .replace(/Exception$/, '')
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase() || 'http-error'
  );
}

/** `Retry-After` of a retriable 503: long enough for a pool or a restarting dependency to recover, short for a client. */
const RETRY_AFTER_SECONDS = 2;

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    // Never the query string: it can carry a key or other secrets, and neither logs nor answers should repeat it.
    const path = pathOf(request.originalUrl ?? request.url ?? '');
    const problem = toProblem(normaliseBodyParserError(exception), path);
    if (problem.status >= 500) {
      // The id ties the client's answer to the one log line that says what happened (`err` is serialized without
      // SQL parameters or driver internals, see logging/logger.ts).
      const errorId = randomUUID();
      problem['errorId'] = errorId;
      this.logger.error({ err: exception, errorId, path, method: request.method }, 'request failed');
    } else {
      this.logger.info(
        { path, method: request.method, status: problem.status, code: problem['code'] },
        'request refused',
      );
    }
    if (response.headersSent) return;
    // A retriable refusal (a dependency unavailable or overloaded) tells the client when to try again.
    if (exception instanceof WirestreamError && exception.retriable && problem.status === 503)
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/** A request URL without its query string or fragment. */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/** body-parser throws plain errors with `status`/`type`; give them codes clients can act on. */
function normaliseBodyParserError(exception: unknown): unknown {
  // Nest's Express adapter wraps body-parser errors in an HttpException; the body-parser error is its cause.
  const cause = exception instanceof HttpException ? (exception.cause as { type?: unknown } | undefined) : undefined;
  if (cause && typeof cause.type === 'string') return normaliseBodyParserError(cause);
  const e = exception as { status?: number; type?: string; message?: string; limit?: number };
  if (exception instanceof HttpException || exception instanceof WirestreamError || typeof e?.status !== 'number')
    return exception;
  if (e.type === 'entity.too.large') {
    return new BodyParserProblem('payload-too-large', `Request body exceeds the limit of ${e.limit} bytes`, 413, {
      limit: e.limit,
    });
  }
  if (e.type === 'entity.parse.failed') {
    return new BodyParserProblem('malformed-json', `Request body is not valid JSON: ${e.message}`, 400);
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return new BodyParserProblem('unsupported-charset', e.message ?? 'Unsupported charset', 415);
  }
  if (e.status >= 400 && e.status < 500)
    return new BodyParserProblem('bad-request', e.message ?? 'Bad request', e.status);
  return exception;
}

class BodyParserProblem extends WirestreamError {
  readonly retriable = false;
  override readonly status: number;
  readonly code: string;
  constructor(code: string, message: string, status: number, extensions: Record<string, unknown> = {}) {
    super(message, extensions);
    this.code = code;
    this.status = status;
  }
}
