/**
 * Both clients throw a `ResponseError` whose `meta` carries the HTTP status and the engine's JSON
 * error; reading it structurally keeps this file free of either client.
 */
interface EngineErrorShape {
  meta?: { statusCode?: number | null; body?: unknown };
  message?: string;
}

export function engineErrorStatus(error: unknown): number | null {
  const status = (error as EngineErrorShape | null)?.meta?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** The engine's error type, e.g. `resource_already_exists_exception`. */
export function engineErrorType(error: unknown): string | null {
  const body = (error as EngineErrorShape | null)?.meta?.body as { error?: { type?: unknown } | string } | undefined;
  const type = typeof body?.error === 'object' ? body.error.type : undefined;
  return typeof type === 'string' ? type : null;
}

export function engineErrorMessage(error: unknown): string {
  const body = (error as EngineErrorShape | null)?.meta?.body as { error?: EngineErrorCause | string } | undefined;
  if (body?.error !== undefined) return describeErrorCause(body.error);
  return error instanceof Error ? error.message : String(error);
}

export interface EngineErrorCause {
  type?: string | undefined;
  reason?: string | null | undefined;
  caused_by?: EngineErrorCause | undefined;
}

/** `type: reason (cause type: cause reason)` — the cause is where mapping failures say which value was wrong. */
export function describeErrorCause(cause: EngineErrorCause | string): string {
  if (typeof cause === 'string') return cause;
  const head = [cause.type, cause.reason].filter(Boolean).join(': ') || 'unknown error';
  const inner = cause.caused_by ? [cause.caused_by.type, cause.caused_by.reason].filter(Boolean).join(': ') : '';
  return inner ? `${head} (${inner})` : head;
}

export function isAlreadyExists(error: unknown): boolean {
  return engineErrorType(error) === 'resource_already_exists_exception';
}

export function isNotFound(error: unknown): boolean {
  return engineErrorStatus(error) === 404;
}

/**
 * A search the engine did not answer. The message is ours and safe to show; the engine's own text (index names,
 * parser internals, the values it choked on) is in `engineDetail`, for the log only. `refused`: the engine said the
 * request was wrong (4xx other than 429) — after our own validation that means a search too big for it (e.g. a
 * prefix expanding past its clause limit); `unavailable`: anything else (5xx, 429, no answer).
 */
export class SearchEngineFailedError extends Error {
  override readonly name = 'SearchEngineFailedError';
  readonly kind: 'refused' | 'unavailable';
  readonly engineStatus: number | null;
  readonly engineDetail: string;

  constructor(error: unknown) {
    const status = engineErrorStatus(error);
    const refused = status !== null && status >= 400 && status < 500 && status !== 429;
    super(refused ? 'the search engine could not run this search as asked' : 'the search engine is unavailable', {
      cause: error,
    });
    this.kind = refused ? 'refused' : 'unavailable';
    this.engineStatus = status;
    this.engineDetail = engineErrorMessage(error);
  }
}
