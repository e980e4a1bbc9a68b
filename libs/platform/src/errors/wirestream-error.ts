/**
 * Every error we raise on purpose carries a stable `code` and says whether retrying can help.
 * Consumers retry `retriable` ones with backoff and dead-letter the rest; HTTP maps them to problem+json.
 */
export abstract class WirestreamError extends Error {
  abstract readonly code: string;
  abstract readonly retriable: boolean;
  /** HTTP status when the error reaches an HTTP client. */
  readonly status: number = 500;
  /** Extra problem+json members (e.g. `errors`, `index`), safe to show to clients. */
  readonly extensions: Record<string, unknown>;

  constructor(message: string, extensions: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

/** Input that will never succeed, however often it is retried. */
export class PermanentError extends WirestreamError {
  readonly retriable = false;
  override readonly status: number;
  readonly code: string;
  constructor(
    code: string,
    message: string,
    status = 400,
    extensions: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, extensions, options);
    this.code = code;
    this.status = status;
  }
}

/** A dependency was unavailable or overloaded; the same work may succeed later. */
export class RetriableError extends WirestreamError {
  readonly retriable = true;
  override readonly status: number;
  readonly code: string;
  constructor(code: string, message: string, status = 503, options?: { cause?: unknown }) {
    super(message, {}, options);
    this.code = code;
    this.status = status;
  }
}

export class NotFoundError extends PermanentError {
  constructor(what: string) {
    super('not-found', `${what} was not found`, 404);
  }
}

/** Decides retry-or-dead-letter for any thrown value, including errors from third-party code. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof WirestreamError) return error.retriable;
  const code = (error as { code?: unknown })?.code;
  // Network-level failures from drivers (pg, kafkajs, fetch) are worth another try.
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', '57P01', '40001', '40P01'].includes(code)
  );
}

export function errorCode(error: unknown): string {
  if (error instanceof WirestreamError) return error.code;
  return (error as Error)?.name ?? 'unknown';
}
