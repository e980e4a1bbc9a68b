/**
 * Every error a parser raises about its input. They are permanent: the same bytes will fail the same way,
 * so callers should answer 4xx / dead-letter instead of retrying.
 */
export abstract class FormatError extends Error {
  /** Stable machine-readable identifier, safe to put in problem+json `type` or a DLQ `errorCode`. */
  abstract readonly code: string;
  /** Retrying the same input cannot succeed. */
  readonly permanent = true as const;

  constructor(
    /** Human-readable: what was wrong and where. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class UnsupportedFormatError extends FormatError {
  readonly code = 'unsupported-format';
}

export class InvalidEncodingError extends FormatError {
  readonly code = 'invalid-encoding';

  constructor(
    detail: string,
    /** Byte offset of the first undecodable sequence, when known. */
    readonly byteOffset: number | null = null,
  ) {
    super(detail);
  }
}

export class UnsupportedCharsetError extends FormatError {
  readonly code = 'unsupported-charset';
}

export class EmptyBodyError extends FormatError {
  readonly code = 'empty-body';
}

export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}
