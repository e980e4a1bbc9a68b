export interface MediaType {
  /** Lower-cased `type/subtype`, parameters removed. */
  essence: string;
  /** Lower-cased `charset` parameter, if any. */
  charset: string | null;
}

/** Parses a Content-Type header value; null or blank → null. */
export function parseMediaType(contentType: string | null | undefined): MediaType | null {
  if (!contentType || !contentType.trim()) return null;
  const [rawEssence = '', ...params] = contentType.split(';');
  const essence = rawEssence.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset =
      param
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '')
        .toLowerCase() || null;
  }
  return { essence, charset };
}
