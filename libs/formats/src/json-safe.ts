import { JsonTooDeepError, MalformedJsonError, positionOf } from './errors';

export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * JSON.parse with the two guards an ingest endpoint needs: nesting deeper than `maxDepth` is refused by a
 * linear pre-scan (before any tree is built or walked), and syntax errors say what and where (line, column).
 */
export function parseJsonSafely(text: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) {
        const { line, column } = positionOf(text, i);
        throw new JsonTooDeepError(`JSON is nested deeper than ${maxDepth} levels (at line ${line}, column ${column})`);
      }
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 names the position only for some errors; our own scan finds it for all (depth is bounded, so recursion is safe).
    const located = locateJsonError(text);
    const at = /position (\d+)/u.exec(message);
    const offset = located?.offset ?? (at ? Number(at[1]) : text.length);
    const { line, column } = positionOf(text, offset);
    throw new MalformedJsonError(`Malformed JSON: ${located?.message ?? 'syntax error'}`, line, column);
  }
}

interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** First syntax error of a JSON text, or null. Only called once JSON.parse failed and depth is known to be small. */
function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw { offset: at, message } satisfies JsonSyntaxError;
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i += 1;
  };
  const describeAt = (): string =>
    i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`;
  const string = (): void => {
    i += 1;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i]!;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('invalid escape in string');
      } else if (c < ' ') fail('control character in string');
      else i += 1;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted property name, ${describeAt()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after property name, ${describeAt()}`);
        i += 1;
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail(`expected "," or "}" in object, ${describeAt()}`);
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail(`expected "," or "]" in array, ${describeAt()}`);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/u.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`expected a value, ${describeAt()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected content after the JSON value: ${describeAt()}`);
    return null;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError;
    throw error;
  }
}
