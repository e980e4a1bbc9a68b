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

/** A 1-based place in the decoded text, for "what and where" in error details. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Not well-formed XML (truncated, mismatched tags, text outside the root…). Carries where it went wrong. */
export class MalformedXmlError extends FormatError {
  readonly code = 'malformed-xml';

  constructor(
    detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
  }
}

/** A DOCTYPE declaring entities (billion laughs, XXE): refused before anything is expanded or fetched. */
export class XmlDtdForbiddenError extends FormatError {
  readonly code = 'xml-dtd-forbidden';

  constructor(
    detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
  }
}

export class XmlTooDeepError extends FormatError {
  readonly code = 'xml-too-deep';
}

/** HTML nested deeper than MAX_HTML_DEPTH: refused before the DOM is built (its passes would be super-linear). */
export class HtmlTooDeepError extends FormatError {
  readonly code = 'html-too-deep';
}

export class MalformedJsonError extends FormatError {
  readonly code = 'malformed-json';

  constructor(
    detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
  }
}

export class JsonTooDeepError extends FormatError {
  readonly code = 'json-too-deep';
}

/** A feed, newsMessage or JSON batch that holds no item at all. */
export class EmptyFeedError extends FormatError {
  readonly code = 'empty-feed';
}

/** One refused item of a body: its position in the body (0-based), a stable code and what was wrong. */
export interface ItemError {
  index: number;
  code: string;
  detail: string;
  /** Per-field problems, for the native JSON article. */
  fields?: FieldError[];
}

export interface FieldError {
  /** JSON-pointer-like path inside the item, e.g. `/title` or `/subjects/2`. */
  path: string;
  message: string;
}

/**
 * Every item of the body was refused, so nothing can be accepted. `code` is the item's own code for a single
 * item body (e.g. `invalid-article`), `no-valid-items` for a batch; `errors` lists each item by index.
 */
export class InvalidItemsError extends FormatError {
  readonly code: string;

  constructor(
    readonly errors: ItemError[],
    batch: boolean,
  ) {
    const first = errors[0];
    super(
      batch || !first
        ? `None of the ${errors.length} items could be accepted: ${errors
            .slice(0, 5)
            .map((e) => `item ${e.index}: ${e.detail}`)
            .join('; ')}${errors.length > 5 ? '; …' : ''}`
        : first.detail,
    );
    this.code = batch || !first ? 'no-valid-items' : first.code;
  }
}

export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
