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
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
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
    const at = /position (\d+)/u.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = positionOf(text, offset);
    const what = message.replace(/\s*in JSON at position \d+.*$/u, '').replace(/\s*\(line \d+ column \d+\)$/u, '');
    throw new MalformedJsonError(`Malformed JSON: ${what}`, line, column);
  }
}
