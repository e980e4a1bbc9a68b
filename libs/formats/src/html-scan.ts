/**
 * String scans for the tag-level HTML clean-ups of the wire parsers and identity, in linear time. The obvious
 * regexes (`/<[^>]*>/g`, `/<(script|style)[\s\S]*?<\/\1>/gi`) are retried from every `<` of a body that never
 * closes it (`<<<<…`, `<script <script …`), which is quadratic; these give the same results in one pass.
 */

/** Same as `html.replace(/<[^>]*>/g, replacement)` (or `/<[^>]+>/g` with `nonEmpty`). */
export function stripTags(html: string, replacement: string, nonEmpty = false): string {
  let out = '';
  let from = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    const close = html.indexOf('>', at + 1);
    if (close === -1) break; // no `>` after this `<`, so none after any later `<` either
    if (nonEmpty && close === at + 1) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    out += html.slice(from, at) + replacement;
    from = close + 1;
    at = html.indexOf('<', from);
  }
  return out + html.slice(from);
}

/** Same as `html.replace(/<(tag1|tag2…)[\s\S]*?<\/\1>/giu, replacement)`: each element with its content. */
export function removeElements(html: string, tags: readonly string[], replacement: string): string {
  const open = new RegExp(`<(${tags.join('|')})`, 'giu');
  // Where a search for a tag's end tag failed: no later element of that tag can be closed either.
  const unclosedFrom = new Map<string, number>();
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const tag = m[1]!.toLowerCase();
    const start = m.index + m[0].length;
    if (start >= (unclosedFrom.get(tag) ?? Infinity)) continue;
    const close = new RegExp(`</${tag}>`, 'giu');
    close.lastIndex = start;
    const end = close.exec(html);
    if (!end) {
      unclosedFrom.set(tag, start);
      continue;
    }
    out += html.slice(from, m.index) + replacement;
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

/**
 * `html.replace(re, …)` for a tag regex of the form `<…[^>]*>`: text after the last `>` cannot hold a match, and
 * leaving it out stops the regex from scanning to the end of the body from every `<` there.
 */
export function replaceBeforeLastGt(html: string, re: RegExp, replacement: string): string {
  const cut = html.lastIndexOf('>') + 1;
  return html.slice(0, cut).replace(re, replacement) + html.slice(cut);
}
