import { MalformedXmlError, positionOf, XmlDtdForbiddenError, XmlTooDeepError } from './errors';
import { decodeHtmlEntities } from './html-entities';

/**
 * A small, hardened, non-validating XML parser for wire formats.
 *
 * - No DTD processing at all: a DOCTYPE is skipped; one that declares entities (internal subset `<!ENTITY`, the
 *   billion-laughs and XXE shapes) is refused with `xml-dtd-forbidden` before anything is expanded. External
 *   DTDs and entities are never fetched (this module does no I/O).
 * - Only the five predefined entities and numeric character references are XML; common HTML named entities
 *   (`&nbsp;`, `&eacute;` — which real feeds use without declaring) are decoded leniently; unknown ones are kept
 *   as written. Nothing expands recursively, so output size is bounded by input size.
 * - Iterative (explicit stack) with a depth limit, so hostile nesting cannot overflow the call stack.
 * - Namespaces are resolved (`ns` on elements and prefixed attributes); an undeclared prefix gives `ns: null`
 *   with the prefix kept, so lenient callers can still match by the conventional prefix.
 * - Errors say what and where: `malformed-xml` with 1-based line and column.
 */

export interface XmlElement {
  kind: 'element';
  /** Qualified name as written, e.g. `content:encoded`. */
  name: string;
  prefix: string | null;
  local: string;
  /** Resolved namespace URI; null for no namespace or an undeclared prefix. */
  ns: string | null;
  attrs: XmlAttribute[];
  children: XmlNode[];
  /** Character offset of the `<` of the start tag. */
  offset: number;
}

export interface XmlAttribute {
  name: string;
  prefix: string | null;
  local: string;
  ns: string | null;
  value: string;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlParseOptions {
  /** Deepest allowed element nesting (default 256). */
  maxDepth?: number;
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const DEFAULT_MAX_DEPTH = 256;

const NAME_RE = /[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7-\uFFFF]*/y;
const WS_RE = /[ \t\r\n]*/y;

export function parseXml(text: string, options: XmlParseOptions = {}): XmlElement {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const fail = (detail: string, offset: number): never => {
    const { line, column } = positionOf(text, offset);
    throw new MalformedXmlError(detail, line, column);
  };

  const stack: XmlElement[] = [];
  const scopes: Array<Map<string, string | null>> = [new Map([['xml', XML_NS]])];
  let root: XmlElement | null = null;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const appendText = (raw: string, offset: number, cdata: boolean): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (cdata || /[^ \t\r\n]/u.test(raw))
        fail(root ? 'Text after the root element' : 'Text before the root element', offset);
      return;
    }
    const value = cdata ? raw : decodeXmlText(raw);
    const last = parent.children[parent.children.length - 1];
    if (last && last.kind === 'text') last.text += value;
    else parent.children.push({ kind: 'text', text: value });
  };

  const readName = (at: number): string | null => {
    NAME_RE.lastIndex = at;
    const m = NAME_RE.exec(text);
    return m ? m[0] : null;
  };
  const skipWs = (at: number): number => {
    WS_RE.lastIndex = at;
    WS_RE.exec(text);
    return WS_RE.lastIndex;
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) appendText(text.slice(i, end), i, false);
    if (lt === -1) break;
    i = lt;

    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) fail('Unterminated comment: the document ends inside <!-- …', i);
      i = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close === -1) fail('Unterminated CDATA section: the document ends inside <![CDATA[ …', i);
      appendText(text.slice(i + 9, close), i, true);
      i = close + 3;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) fail('Unterminated processing instruction: the document ends inside <? …', i);
      i = close + 2;
      continue;
    }
    if (text.startsWith('<!', i)) {
      if (text.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
        if (root) fail('A DOCTYPE may only appear before the root element', i);
        i = skipDoctype(text, i);
        continue;
      }
      fail('Unexpected markup declaration "<!" (only comments, CDATA and a leading DOCTYPE are allowed)', i);
    }
    if (text[i + 1] === '/') {
      const name = readName(i + 2);
      if (!name) fail('Invalid end tag name', i);
      const after = skipWs(i + 2 + name!.length);
      if (text[after] !== '>')
        fail(after >= n ? `Truncated end tag </${name}` : `Expected ">" to close end tag </${name}>`, after);
      const open = stack.pop();
      if (!open) fail(`End tag </${name}> without a matching start tag`, i);
      if (open!.name !== name) {
        const at = positionOf(text, open!.offset);
        fail(`End tag </${name}> does not match <${open!.name}> opened at line ${at.line}, column ${at.column}`, i);
      }
      scopes.pop();
      i = after + 1;
      continue;
    }

    // Start tag.
    const name = readName(i + 1);
    if (!name) fail(i + 1 >= n ? 'The document ends after "<"' : `Invalid character "${text[i + 1]}" after "<"`, i);
    const rawAttrs: Array<{ name: string; value: string; offset: number }> = [];
    const seenAttrs = new Set<string>();
    let j = i + 1 + name!.length;
    let selfClosing = false;
    for (;;) {
      const afterWs = skipWs(j);
      if (afterWs >= n) fail(`Truncated start tag <${name}`, n);
      const c = text[afterWs];
      if (c === '>') {
        j = afterWs + 1;
        break;
      }
      if (c === '/' && text[afterWs + 1] === '>') {
        selfClosing = true;
        j = afterWs + 2;
        break;
      }
      if (afterWs === j) fail(`Expected whitespace, ">" or "/>" in start tag <${name}>`, afterWs);
      const attrName = readName(afterWs);
      if (!attrName) fail(`Invalid attribute name in start tag <${name}>`, afterWs);
      let k = skipWs(afterWs + attrName!.length);
      if (text[k] !== '=') fail(`Expected "=" after attribute ${attrName} in <${name}>`, k);
      k = skipWs(k + 1);
      const quote = text[k];
      if (quote !== '"' && quote !== "'") fail(`Expected a quoted value for attribute ${attrName} in <${name}>`, k);
      const close = text.indexOf(quote!, k + 1);
      if (close === -1) fail(`Unterminated value of attribute ${attrName} in <${name}>`, k);
      const rawValue = text.slice(k + 1, close);
      const lt2 = rawValue.indexOf('<');
      if (lt2 !== -1) fail(`"<" is not allowed in the value of attribute ${attrName}`, k + 1 + lt2);
      if (seenAttrs.has(attrName!)) fail(`Duplicate attribute ${attrName} in <${name}>`, afterWs);
      seenAttrs.add(attrName!);
      rawAttrs.push({ name: attrName!, value: decodeXmlText(rawValue).replace(/[\t\r\n]/gu, ' '), offset: afterWs });
      j = close + 1;
    }

    if (!stack.length && root) fail(`A second root element <${name}> after </${root.name}>`, i);
    if (stack.length + 1 > maxDepth) {
      const { line, column } = positionOf(text, i);
      throw new XmlTooDeepError(
        `Elements are nested deeper than ${maxDepth} levels (at line ${line}, column ${column})`,
      );
    }

    // A new scope only where namespaces are declared; otherwise the parent's is shared (no per-element copies).
    const parentScope = scopes[scopes.length - 1]!;
    const declares = rawAttrs.some((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
    const scope = declares ? new Map(parentScope) : parentScope;
    if (declares) {
      for (const a of rawAttrs) {
        if (a.name === 'xmlns') scope.set('', a.value || null);
        else if (a.name.startsWith('xmlns:')) scope.set(a.name.slice(6), a.value || null);
      }
    }
    const [prefix, local] = splitName(name!);
    const element: XmlElement = {
      kind: 'element',
      name: name!,
      prefix,
      local,
      ns: scope.get(prefix ?? '') ?? null,
      attrs: rawAttrs.map((a) => {
        const [ap, al] = splitName(a.name);
        const ns = a.name === 'xmlns' || ap === 'xmlns' ? XMLNS_NS : ap ? (scope.get(ap) ?? null) : null;
        return { name: a.name, prefix: ap, local: al, ns, value: a.value };
      }),
      children: [],
      offset: i,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!selfClosing) {
      stack.push(element);
      scopes.push(scope);
    }
    i = j;
  }

  const open = stack[stack.length - 1];
  if (open) {
    const at = positionOf(text, open.offset);
    fail(
      `Truncated document: it ends while <${open.name}> (opened at line ${at.line}, column ${at.column}) is still open`,
      n,
    );
  }
  if (!root) fail('No root element', n);
  return root!;
}

function splitName(name: string): [string | null, string] {
  const colon = name.indexOf(':');
  return colon > 0 ? [name.slice(0, colon), name.slice(colon + 1)] : [null, name];
}

/** Predefined XML entities, numeric references, and (leniently) common HTML named entities. Never recursive. */
export function decodeXmlText(raw: string): string {
  return raw.indexOf('&') === -1 ? raw : decodeHtmlEntities(raw);
}

/**
 * Skips a DOCTYPE starting at `start` and returns the offset after it. Refuses entity declarations anywhere
 * in the internal subset; an external DTD reference is ignored (never fetched).
 */
function skipDoctype(text: string, start: number): number {
  const n = text.length;
  let i = start + 9;
  let quote: string | null = null;
  let inSubset = false;
  while (i < n) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
    } else if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 3;
      continue;
    } else if (inSubset && text.startsWith('<!ENTITY', i)) {
      const { line, column } = positionOf(text, i);
      throw new XmlDtdForbiddenError(
        'The DOCTYPE declares entities; DTDs with entity declarations are refused (entity expansion and external entities are disabled)',
        line,
        column,
      );
    } else if (c === '[' && !inSubset) {
      inSubset = true;
    } else if (c === ']' && inSubset) {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return i + 1;
    }
    i += 1;
  }
  const { line, column } = positionOf(text, n);
  throw new MalformedXmlError('Truncated DOCTYPE: the document ends inside <!DOCTYPE …', line, column);
}

export interface XmlRootSniff {
  /** Local name of the root element, lower-cased. */
  local: string;
  /** The default or prefix namespace declared on the root start tag for its own name, if seen. */
  ns: string | null;
}

/**
 * Finds the root element of an XML-looking text without parsing the body: skips the XML declaration,
 * comments, PIs and a DOCTYPE (refusing one that declares entities). Null when the text is not markup
 * or the root start tag is not reached.
 */
export function sniffXmlRoot(text: string): XmlRootSniff | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/u.test(text[i]!)) i += 1;
    if (text[i] !== '<') return null;
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i);
      if (close === -1) return null;
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i);
      if (close === -1) return null;
      i = close + 3;
    } else if (text.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE' && text[i + 1] === '!') {
      try {
        i = skipDoctype(text, i);
      } catch (error) {
        if (error instanceof XmlDtdForbiddenError) throw error;
        return null;
      }
    } else {
      const m = /^<([A-Za-z_][\w.\-:]*)([^>]*)/u.exec(text.slice(i, i + 4096));
      if (!m) return null;
      const [prefix, local] = splitName(m[1]!);
      const attrs = m[2] ?? '';
      const nsRe = prefix
        ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`, 'u')
        : /xmlns\s*=\s*["']([^"']*)["']/u;
      return { local: local.toLowerCase(), ns: nsRe.exec(attrs)?.[1] ?? null };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers

/** Element children, optionally filtered by local name and namespace (`undefined` = any namespace). */
export function elements(
  el: XmlElement | null | undefined,
  local?: string,
  ns?: string | readonly string[] | null,
): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (local !== undefined && c.local !== local) continue;
    if (ns !== undefined && !nsMatches(c.ns, ns)) continue;
    out.push(c);
  }
  return out;
}

/** The first matching child; stops there (a feed-level lookup must not walk every entry). */
export function element(
  el: XmlElement | null | undefined,
  local: string,
  ns?: string | readonly string[] | null,
): XmlElement | null {
  if (!el) return null;
  for (const c of el.children) {
    if (c.kind === 'element' && c.local === local && (ns === undefined || nsMatches(c.ns, ns))) return c;
  }
  return null;
}

/** First element with this local name at any depth (document order, iterative). */
export function descendant(
  el: XmlElement | null | undefined,
  local: string,
  ns?: string | readonly string[] | null,
): XmlElement | null {
  if (!el) return null;
  const queue: XmlElement[] = [el];
  for (let q = 0; q < queue.length; q++) {
    const next = queue[q]!;
    for (const c of next.children) {
      if (c.kind !== 'element') continue;
      if (c.local === local && (ns === undefined || nsMatches(c.ns, ns))) return c;
      queue.push(c);
    }
  }
  return null;
}

function nsMatches(actual: string | null, wanted: string | readonly string[] | null): boolean {
  if (wanted === null) return actual === null;
  return typeof wanted === 'string' ? actual === wanted : wanted.includes(actual ?? '');
}

/** Attribute value by local name (no-namespace attributes first), or by namespace. */
export function attr(el: XmlElement | null | undefined, local: string, ns?: string): string | null {
  if (!el) return null;
  const hit = el.attrs.find((a) => a.local === local && (ns === undefined ? a.prefix === null : a.ns === ns));
  return (
    hit?.value ??
    (ns === undefined ? (el.attrs.find((a) => a.local === local && a.ns !== XMLNS_NS)?.value ?? null) : null)
  );
}

/** `xml:lang` of the element or its nearest ancestor on the path given (innermost last). */
export function xmlLang(...path: Array<XmlElement | null | undefined>): string | null {
  for (let k = path.length - 1; k >= 0; k--) {
    const value = attr(path[k], 'lang', XML_NS);
    if (value) return value;
  }
  return null;
}

/** All descendant text, as written (CDATA included). */
export function textContent(el: XmlElement | null | undefined): string {
  if (!el) return '';
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'text') out += node.text;
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return out;
}

/** Whitespace-collapsed text, or null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\s+/gu, ' ').trim();
  return cleaned || null;
}

export function text(el: XmlElement | null | undefined): string | null {
  return el ? cleanText(textContent(el)) : null;
}

/** HTML elements that never have content or an end tag (serialization, and the HTML nesting count). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export interface SerializeOptions {
  /** Rename (string) or unwrap (null) elements by local name, e.g. NITF `block` → unwrap. */
  rename?: Readonly<Record<string, string | null>>;
  /** Drop these elements with their content. */
  drop?: ReadonlySet<string>;
}

/** The element's children as HTML: namespace prefixes and xmlns declarations dropped, text re-escaped. */
export function serializeChildrenAsHtml(el: XmlElement, options: SerializeOptions = {}): string {
  return el.children.map((c) => serializeNode(c, options)).join('');
}

function serializeNode(node: XmlNode, options: SerializeOptions): string {
  if (node.kind === 'text') return escapeHtml(node.text);
  if (options.drop?.has(node.local)) return '';
  const inner = serializeChildrenAsHtml(node, options);
  const renamed = options.rename && node.local in options.rename ? options.rename[node.local] : node.local;
  if (renamed === null || renamed === undefined) return inner;
  const tag = renamed.toLowerCase();
  const attrs = node.attrs
    .filter((a) => a.ns !== XMLNS_NS)
    .map((a) => ` ${a.prefix === 'xml' ? a.name : a.local}="${escapeHtml(a.value).replace(/"/gu, '&quot;')}"`)
    .join('');
  if (VOID_ELEMENTS.has(tag) && !inner) return `<${tag}${attrs}>`;
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
