import { FIELD_LIMITS } from '@wirestream/contracts';
import { MAX_WIRE_VERSION } from '@wirestream/persistence';

/** Why an item cannot be stored, said per item: `code` for machines, `detail` for the sender (what and where). */
export interface ItemProblem {
  code: string;
  detail: string;
}

/**
 * Characters that are not text and cannot be stored: NUL (Postgres text and jsonb refuse U+0000) and unpaired
 * UTF-16 surrogates (a `\ud800` escape in JSON or `&#xD800;` in XML: no Unicode scalar value, refused by jsonb
 * and silently turned into U+FFFD on the way to UTF-8). Noncharacters such as U+FFFE / U+FFFF are valid scalar
 * values (Unicode Corrigendum #9), store and index fine, and are accepted.
 *
 * One linear pass over every string of the item; returns where the first bad character is, or null.
 */
export function invalidCharacterAt(value: unknown): string | null {
  const visit = (v: unknown, path: string): string | null => {
    if (typeof v === 'string') return badCharacterIn(v, path);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = visit(v[i], `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const found = visit(child, path ? `${path}.${k}` : k);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(value, '');
}

// Quick native test first: most strings hold neither a NUL nor any surrogate, so the loop below rarely runs.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const SUSPECT = /[\u0000\ud800-\udfff]/;

function badCharacterIn(text: string, path: string): string | null {
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return describe(path, i, text.length, 'a NUL character (U+0000), which is not text');
    if (c < 0xd800 || c > 0xdfff) continue;
    const isHigh = c <= 0xdbff;
    const following = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    if (isHigh && following >= 0xdc00 && following <= 0xdfff) {
      i++; // a well-formed pair (e.g. an emoji)
      continue;
    }
    return describe(
      path,
      i,
      text.length,
      `an unpaired surrogate (U+${c.toString(16).toUpperCase()}), which is not valid Unicode`,
    );
  }
  return null;
}

function describe(path: string, at: number, length: number, what: string): string {
  const where = length > 200 ? `field "${path}" at character ${at}` : `field "${path}"`;
  return `${where} contains ${what} and cannot be stored`;
}

/** A wire version the store can hold: a whole number from 1 to MAX_WIRE_VERSION (see RawArticleStore). */
export function versionProblem(version: number | null): ItemProblem | null {
  if (version === null) return null;
  if (Number.isSafeInteger(version) && version >= 1 && version <= MAX_WIRE_VERSION) return null;
  return {
    code: 'invalid-version',
    detail: `version ${String(version)} is outside the accepted range 1 to ${MAX_WIRE_VERSION}`,
  };
}

/** Size of the item as it goes into its event (serialized JSON, escapes included), against the per-item limit. */
export function itemSizeProblem(item: unknown, maxBytes: number): ItemProblem | null {
  const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (bytes <= maxBytes) return null;
  return {
    code: 'item-too-large',
    detail: `the item is ${bytes} bytes as JSON, over the limit of ${maxBytes} bytes (INGEST_MAX_ITEM_BYTES)`,
  };
}

/** A source name taken from a body, cut to FIELD_LIMITS.sourceName characters (never inside a surrogate pair). */
export function capSourceName(name: string | null): string | null {
  if (name === null) return null;
  const trimmed = name.trim();
  if (trimmed.length <= FIELD_LIMITS.sourceName) return trimmed || null;
  const cut = /[\ud800-\udbff]/.test(trimmed[FIELD_LIMITS.sourceName - 1]!)
    ? FIELD_LIMITS.sourceName - 1
    : FIELD_LIMITS.sourceName;
  return trimmed.slice(0, cut).trimEnd();
}
