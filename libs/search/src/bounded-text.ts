/** Cutting text to a length for display without breaking what it is made of. Linear in the length kept. */

const ELLIPSIS = '…';

/**
 * At most `max` UTF-16 units (ellipsis included): cut at the last whitespace in the final fifth if there is one,
 * never between the halves of a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end * 0.8) end = space;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * A highlight fragment (HTML-escaped text with `<em>` / `</em>`) cut to at most `max` visible characters: tags and
 * character references (`&amp;`) are kept whole, an `<em>` left open is closed, and an ellipsis marks the cut.
 */
export function truncateHighlight(fragment: string, max: number): string {
  if (fragment.length <= max) return fragment;
  let visible = 0;
  let open = false;
  let i = 0;
  while (i < fragment.length && visible < max - ELLIPSIS.length) {
    if (fragment.startsWith('<em>', i)) {
      open = true;
      i += 4;
    } else if (fragment.startsWith('</em>', i)) {
      open = false;
      i += 5;
    } else if (fragment[i] === '&') {
      const semicolon = fragment.indexOf(';', i);
      i = semicolon > i && semicolon - i <= 10 ? semicolon + 1 : i + 1;
      visible++;
    } else {
      i += isHighSurrogate(fragment.charCodeAt(i)) ? 2 : 1;
      visible++;
    }
  }
  if (i >= fragment.length) return fragment;
  return fragment.slice(0, i) + (open ? '</em>' : '') + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
