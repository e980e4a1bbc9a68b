import { parseDateText, parseLooseDate, parseShortYearDate, type DateTextContext, type LooseDate } from './dates';
import { findDateInText } from './html-date';
import { MIN_WRAPPED_LINE, normaliseSpaces, splitTextBlocks, trimChars } from './text-blocks';
import {
  findArticleSpan,
  isNavigationVocabulary,
  shapeBlocks,
  spanUnderHeadline,
  type ArticleSpan,
  type BlockShape,
} from './text-page-span';
import { abbreviates, addressDate, foldedKey, nameFitsHost, pageHost, type PageHost } from './text-page-host';
import { betterSlugHeadline, stripLeadingMark } from './text-page-slug';
import { nameOnDateLine } from './text-page-byline';

/** What a chrome line of a flattened page is. Values match `RemovedKind` in the contracts. */
export type TextPageLineKind =
  | 'banner'
  | 'navigation'
  | 'dateline'
  | 'headline'
  | 'boilerplate'
  | 'footer'
  | 'comments'
  | 'share-bar'
  | 'related-link'
  | 'newsletter';

export interface TextPageLine {
  index: number;
  kind: TextPageLineKind;
  text: string;
  /** Set when the line was only placed outside the article (its kind is generic; a cleaner may name it better). */
  outside?: true;
}

export interface TextPageLayout {
  /** All blocks of the page, in order (see splitTextBlocks). */
  blocks: string[];
  /** Header and footer lines recognised as page chrome or metadata, by block index. */
  chrome: TextPageLine[];
  siteName: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** True when publishedAt came from a date without a time of day. */
  publishedDateOnly: boolean;
  /** The article's body blocks (inclusive); every block outside it and its header is in `chrome`. */
  span: ArticleSpan;
}

export interface TextPageLayoutOptions {
  /** A site name known from elsewhere (e.g. the source), used to recognise banner/footer lines. */
  sourceName?: string | null;
  /** The clock for relative dates ("vor 3 Stunden"); they are not read without it. */
  now?: string | null;
  /** The page's address: its host helps find the name the page prints ("Tarnkappe.info", "WDR"). */
  url?: string | null;
  /**
   * false when the caller has the site's name and will not read `siteName`: the name the page prints is then not
   * weighed against its host, its owner and its footer links (a fifth of the layout's time), nor cleaned into a
   * publication's name, and `siteName` is left as the header scan read it. Default true.
   */
  readSiteName?: boolean;
}

/** How far into the page the header may reach (banner, crumbs, date, headline, byline…). */
const HEADER_SCAN_LIMIT = 12;

// Linear time on every line: the open-ended parts of banner, copyright and name lines (a name followed by a run of
// punctuation) are cut with string code (trimChars), never with a lazy group before a `[…]*$` tail.
const WELCOME_RE =
  /^[|\s>»›•·-]*(?:welcome to|bienvenid[oa]s? a|bienvenue (?:sur|à)|willkommen (?:bei|auf)|benvenut[oi] (?:su|a|in)|bem-vind[oa]s? (?:ao?|à))(\s+)/iu;
const WELCOME_TAIL_CHARS = '|!.';
const LINE_TERMINATOR_RE = /[\n\r\u2028\u2029]/u;
const NAV_WORDS_RE =
  /^(?:skip to (?:main )?content|skip navigation|menu|main menu|search|sign in|log in|login|register|subscribe|home|inicio|accueil|startseite|toggle navigation)$/iu;
/**
 * Accessibility skip links, however many the flattening ran together ("Skip to contentSkip to site index", "Zum
 * Inhalt springen"), and a search box's question to the reader ("Was möchtest du suchen?", "What are you looking
 * for?"): a page's controls, never its headline.
 */
const SITE_PROMPT_RE =
  /^(?:skip to (?:main )?(?:content|navigation|search)|zum (?:inhalt|hauptinhalt) springen|springe zum inhalt|aller au contenu|(?:ir|saltar) al contenido|vai al contenuto|ir para o conte[uú]do)|^(?:what are you (?:looking|searching) for|was (?:möchtest du|möchten sie|suchst du|suchen sie)(?: \p{L}+)? suchen|wonach suchen sie|¿?qué (?:estás buscando|buscas)|que recherchez-vous|o que (?:você )?(?:procura|está procurando)|cosa stai cercando)\s?\?$/iu;
const MAX_PROMPT_CHARS = 80;
/** An advertisement's or sponsor's label on its own line ("Advertisement", "Anzeige", "Supported by"). */
const AD_LABEL_RE =
  /^(?:advertisement|advertising|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|(?:sponsored|supported|presented|powered) by|sponsored(?: content)?|paid (?:post|content)|in partnership with)$/iu;
/** Segments are trimmed after the split, so the spaces around a separator need not be part of it. */
const NAV_SEPARATOR_RE = /[|›»>•·/]/u;
const BYLINE_RE =
  /^(?:[Bb]y|BY|[Pp]or|POR|[Pp]ar|[Vv]on|[Dd]i|DI)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:and|y|et|und|e|&|de|da|van|von|der|del|la)\s*)?\p{Lu}[\p{L}.'’-]*)*(?:,\s*[\p{L} ]{2,40})?)$/u;
const DATE_PREFIX_RE =
  /^(?:(published|posted|updated|last updated|modified|date|stand|zuletzt aktualisiert|publicado|actualizado|publié|modifié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato|atualizado)(?:\s+(?:on|el|le|am|il(?!\s+y\s+a\s)|em))?\s*:?\s*|(?:on|le|el|am|il|em)\s+(?=\d))/iu;
// "© 2026", "Copyright © 2016 – 2026", and the mark before the word: "© Copyright 2016 - 2026", "(c) Copyright 2026".
const COPYRIGHT_HEAD_RE =
  /^(?:©|\(c\)|copyright\b)\s*(?:©\s*|copyright\b\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*(?:,\s*)?)?/iu;
const RIGHTS_TAIL_RE =
  /(?:all rights reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati|todos os direitos reservados)\.?$/iu;
const RIGHTS_RE =
  /(?:all rights reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati|todos os direitos reservados)/iu;
const LEGAL_LINKS_RE =
  /^(?:(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookie policy|contact(?: us)?|about(?: us)?|advertise(?: with us)?|careers|sitemap|imprint|impressum|aviso legal|política de privacidad|mentions légales)\s*(?:[|•·,]\s*|$))+$/iu;

/**
 * Finds the chrome and metadata lines of a flattened text page: the site banner ("| Welcome to X", "| X |"),
 * navigation crumbs, the date line, the headline, the byline, and the trailing site name / copyright footer.
 * Body paragraphs are left for the enricher to clean.
 */
export function analyzeTextPageLayout(text: string, options: TextPageLayoutOptions = {}): TextPageLayout {
  const blocks = splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE });
  const chrome: TextPageLine[] = [];
  const dateContext: DateTextContext = { now: options.now ?? null };
  const knownNames = new Set<string>();
  const rememberName = (name: string | null | undefined): void => {
    if (name) knownNames.add(nameKey(name));
  };
  rememberName(options.sourceName);

  let siteName: string | null = null;
  let title: string | null = null;
  let byline: string | null = null;
  let publishedAt: string | null = null;
  let updatedAt: string | null = null;
  let publishedDateOnly = false;

  // Footer first: a copyright line names the site, which helps recognise a bare site-name banner.
  const footerIndexes = new Set<number>();
  for (let i = blocks.length - 1; i >= 0 && blocks.length - i <= 4; i--) {
    const block = blocks[i] ?? '';
    const copyrightName = copyrightHolder(block);
    if (copyrightName !== undefined) {
      siteName ??= copyrightName;
      rememberName(copyrightName);
      footerIndexes.add(i);
      continue;
    }
    if (LEGAL_LINKS_RE.test(block)) {
      footerIndexes.add(i);
      continue;
    }
    break;
  }

  let headerEnd = 0;
  for (let i = 0; i < blocks.length && i < HEADER_SCAN_LIMIT; i++) {
    const block = blocks[i] ?? '';
    const banner = bannerName(block) ?? (i < SECTION_BANNER_LINES ? sectionBannerName(block) : undefined);
    if (banner !== undefined) {
      chrome.push({ index: i, kind: 'banner', text: block });
      if (banner) {
        siteName = banner;
        rememberName(banner);
      }
      headerEnd = i + 1;
      continue;
    }
    const dateLine: DateLine | null = publishedAt === null ? parseDateLine(block, dateContext) : null;
    if (dateLine) {
      chrome.push({ index: i, kind: 'dateline', text: block });
      publishedAt = dateLine.publishedAt;
      publishedDateOnly = dateLine.dateOnly;
      updatedAt = dateLine.updatedAt;
      byline ??= dateLine.byline;
      headerEnd = i + 1;
      continue;
    }
    const bylineMatch: string | null = byline === null ? parseBylineLine(block) : null;
    if (bylineMatch) {
      chrome.push({ index: i, kind: 'boilerplate', text: block });
      byline = bylineMatch;
      headerEnd = i + 1;
      continue;
    }
    if (isNavigationLine(block)) {
      chrome.push({ index: i, kind: 'navigation', text: block });
      headerEnd = i + 1;
      continue;
    }
    if (knownNames.has(nameKey(block)) && title === null) {
      chrome.push({ index: i, kind: 'banner', text: block });
      siteName ??= block;
      headerEnd = i + 1;
      continue;
    }
    if (title === null && looksLikeHeadline(block)) {
      // A short title-like line followed by another one: the first is the masthead, the second the headline.
      const next = blocks[i + 1];
      if (
        chrome.length === 0 &&
        next !== undefined &&
        looksLikeMasthead(block) &&
        looksLikeHeadline(next) &&
        !parseDateLine(next)
      ) {
        chrome.push({ index: i, kind: 'banner', text: block });
        siteName ??= block;
        rememberName(block);
        headerEnd = i + 1;
        continue;
      }
      chrome.push({ index: i, kind: 'headline', text: block });
      title = block;
      headerEnd = i + 1;
      continue;
    }
    break;
  }

  // Trailing bare site-name lines ("Global Village Space"), possibly after the copyright line.
  for (let i = blocks.length - 1; i >= headerEnd; i--) {
    if (footerIndexes.has(i)) continue;
    if (knownNames.has(nameKey(blocks[i] ?? ''))) {
      footerIndexes.add(i);
      continue;
    }
    break;
  }
  for (const index of [...footerIndexes].filter((i) => i >= headerEnd).sort((a, b) => a - b)) {
    chrome.push({ index, kind: 'footer', text: blocks[index] ?? '' });
  }

  const layout: TextPageLayout = {
    blocks,
    chrome,
    siteName,
    title,
    byline,
    publishedAt,
    updatedAt,
    publishedDateOnly,
    span: { start: headerEnd, end: blocks.length - 1 },
  };
  applyArticleSpan(layout, headerEnd, dateContext, options.url ?? null, options.readSiteName !== false);
  if (options.readSiteName !== false) {
    const url = options.url ?? printedAddress(blocks);
    // The last copyright line's holder, read once for the checks below.
    const holder = lastCopyrightHolder(blocks);
    const owner = holder && isCompanyName(holder) ? publicationName(holder) : null;
    layout.siteName = bannerOverCompany(blocks, layout.siteName, url, owner);
    layout.siteName = aboutLinkOverCompany(blocks, layout.siteName, owner);
    layout.siteName = promptedOverCompany(blocks, layout.siteName, pageHost(url), owner);
    const printed = hostNamedLine(blocks, url);
    layout.siteName ??= printed;
    layout.siteName =
      layout.siteName && (printedAtHeadAndFoot(blocks, layout.siteName) || repeatedFromHead(blocks, layout.siteName))
        ? layout.siteName
        : siteNameForHost(layout.siteName, printed, url, holderOwnName(holder));
    // A formal name taken for the host's label ("Deutscher Jagdverband e. V. (DJV)") without its form and acronym.
    if (printed !== null && layout.siteName === printed)
      layout.siteName = labelTailName(printed, pageHost(url)?.label ?? '') ?? printed;
    layout.siteName = blogNameOnPlatform(blocks, layout.siteName, url);
    layout.siteName = spelledOutAcronym(blocks, layout.siteName);
    layout.siteName = crumbRootName(blocks) ?? layout.siteName;
  }
  checkDateAgainstAddress(layout, options.url ?? null);
  return layout;
}

/**
 * The root of an arrow breadcrumb trail that is no menu word ("Harbour Times > Sport > Rowing", not "Home > Sport"),
 * printed as a line of its own elsewhere on the page too (its logo or a heading): the site's name as the site calls
 * itself. Names of two to four words not opening with a menu word, so a bare section ("Sport") or "Home Page" is not
 * taken. One pass over the lines.
 */
function crumbRootName(blocks: string[]): string | null {
  const roots: string[] = [];
  for (const block of blocks) {
    if (roots.length >= MAX_CRUMB_ROOTS) break;
    if (
      block.length > MAX_CRUMB_ROOT_LINE ||
      !(block.includes(' > ') || block.includes(' » ') || block.includes(' › '))
    )
      continue;
    const parts = block.split(ARROW_CRUMB_RE);
    if (parts.length < MIN_CRUMBS) continue;
    const root = parts[0]?.trim() ?? '';
    const words = root.split(' ').length;
    if (
      root.length <= MAX_CRUMB_ROOT_CHARS &&
      words >= 2 &&
      words <= 4 &&
      /^[\p{L}\p{N}]/u.test(root) &&
      parts.slice(1, MIN_CRUMBS).every((part) => part.trim() !== '') &&
      !isNavigationVocabulary(root) &&
      // "Home Page > …", "Startseite Aktuelles > …"
      !isNavigationVocabulary(root.slice(0, root.indexOf(' ')))
    )
      roots.push(root);
  }
  if (roots.length === 0) return null;
  // Printed alone: a second pass on the rare pages with such a trail.
  const alone = new Set(blocks.filter((block) => block.length <= MAX_CRUMB_ROOT_CHARS));
  return roots.find((root) => alone.has(root)) ?? null;
}
const ARROW_CRUMB_RE = / [>»›](?: |$)/u;
const MIN_CRUMBS = 3;
const MAX_CRUMB_ROOTS = 4;
const MAX_CRUMB_ROOT_CHARS = 40;
const MAX_CRUMB_ROOT_LINE = 300;

/**
 * A page read without its address that prints it as one of its first lines ("m.harbourtimes.example", a mobile
 * page's header): that address names the site's host.
 */
function printedAddress(blocks: string[]): string | null {
  for (let i = 0; i < blocks.length && i < ADDRESS_LINES; i++) {
    const block = blocks[i] ?? '';
    if (block.length <= MAX_ADDRESS_CHARS && PRINTED_HOST_RE.test(block)) return `https://${block.toLowerCase()}/`;
  }
  return null;
}
const ADDRESS_LINES = 3;
const MAX_ADDRESS_CHARS = 80;
const PRINTED_HOST_RE = /^[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.[a-z]{2,}$/iu;

/** How far before the body the headline may be (kicker, standfirst, date, byline, share bar, caption between). */
const HEADLINE_LOOKBACK = 20;
/** A line spelling the address's slug with more words than this is a standfirst or paragraph, not the headline. */
const MAX_SLUG_HEADLINE_WORDS = 30;
/** How far a headline with its byline or date right under it may be. */
const SIGNED_HEADLINE_LOOKBACK = 40;
/** A signed headline pays less for the furniture between it and the body, and gains over unsigned lines. */
const SIGNED_DISTANCE_COST = 0.2;
const SIGNED_BONUS = 6;
/** Signed lines shorter than this are names, labels or buttons ("Liz Skalka", "Copiar link"); longer, captions. */
const MIN_SIGNED_WORDS = 4;
const MAX_SIGNED_WORDS = 16;
/** Blocks after the headline / around the body start searched for the date line and byline. */
const META_LOOKAHEAD = 6;
const META_LOOKBEHIND = 5;
/** How far from the headline a dated line is still taken for the article's date when none is labelled. */
const NEAREST_DATE_REACH = 40;
const SIGNED_DATE_LINE_CHARS = 120;
/** A meta line under the headline (date, byline, reading time, labels) is short. */
const HEADER_META_WORDS = 14;
/** A line that starts with its byline marker (a mid-sentence "cast by" is not a signature). */
const SIGNED_LINE_RE =
  /^(?:written by|words by|by|von|par|por|geschrieben von|verfasst von|escrito por|publicado por|publié par|scritto da)\s*:?\s/iu;
const PUBLISHED_RE =
  /\b(?:published|posted|veröffentlicht|publiziert|erschienen|publié|publicado|pubblicato|publicada)\b/iu;
const UPDATED_RE = /\b(?:updated|last modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato)\b/iu;

/**
 * A date line that gives the publication date: no update word on it, or a published stamp beside the update stamp
 * ("Published 5:30 p.m. CT May 5, 2026 | Updated 8:12 a.m. CT May 6, 2026"). An update stamp alone waits for a
 * publication date elsewhere on the page.
 */
function readsPublished(block: string, line: DateLine): boolean {
  return !UPDATED_RE.test(block) || (line.updatedAt !== null && line.publishedAt !== line.updatedAt);
}

/**
 * Narrows the page to its article: the densest prose run (text-page-span.ts), the headline before it, the date and
 * byline around the headline. Everything outside headline → last paragraph becomes chrome with its kind. The
 * header-line recognisers above keep precedence where they found the headline (pages shaped like the seed).
 */
function applyArticleSpan(
  layout: TextPageLayout,
  headerEnd: number,
  dateContext: DateTextContext,
  url: string | null,
  readSiteName: boolean,
): void {
  const { blocks, chrome } = layout;
  const shapes = shapeBlocks(blocks);
  let span = findArticleSpan(shapes);
  if (span.end < span.start) return;
  const known = new Map(chrome.map((line) => [line.index, line] as const));
  const headerTitle = chrome.find((line) => line.kind === 'headline');
  let start = Math.max(span.start, headerEnd);
  // The header scan's headline stands when only recognised meta lines (date, byline, crumbs) lie between it and the body.
  const metaOnlyAfter = (index: number): boolean => {
    for (let i = index + 1; i < start; i++) if (!known.has(i)) return false;
    return true;
  };
  let headlineIndex =
    headerTitle && headerTitle.index < start && metaOnlyAfter(headerTitle.index) ? headerTitle.index : -1;
  if (headlineIndex < 0) {
    headlineIndex = findHeadline(blocks, shapes, span.start, known);
    // A prose window opening on a list of teasers: the article's own headline, signed, further down in it.
    if (headlineIndex < 0 || !signedLine(blocks, shapes, headlineIndex)) {
      const inside = signedHeadlineInSpan(blocks, shapes, span, known);
      if (inside >= 0) headlineIndex = inside;
    }
    start = span.start;
    // A headline the prose window swallowed: the body starts after it.
    if (headlineIndex >= start) start = headlineIndex + 1;
    if (headlineIndex >= 0) {
      layout.title = blocks[headlineIndex] ?? null;
      // The header scan's "headline" was a masthead or menu line of a longer header.
      if (headerTitle && headerTitle.index !== headlineIndex)
        headerTitle.kind = headerTitle.index === 0 ? 'banner' : 'navigation';
    } else if (headerTitle) layout.title = headerTitle.index < start ? headerTitle.text : layout.title;
  }
  // Paragraphs above each line (a prefix count, one pass); those of the window above a line of it, by difference.
  const proseBefore = [0];
  for (const shape of shapes) proseBefore.push(proseBefore.at(-1)! + (shape.prose ? 1 : 0));
  const windowProseAbove = (i: number): number => proseBefore[i]! - proseBefore[span.start]!;
  // The address's slug names the headline when the page's structure misled the search (long menus, teasers).
  const slugIndex = betterSlugHeadline(
    blocks,
    url,
    headlineIndex >= 0 ? (blocks[headlineIndex] ?? null) : layout.title,
    // A standfirst spells the slug's words too, at paragraph length: a headline is shorter. A line under paragraphs
    // of the window that copies a line above the window is a gallery heading or a caption, not the headline. A date
    // line spells a dated slug's numbers; a headline naming its date after several words ("Ergebnisse: RM
    // Schülerinnen A, Aalen, 19.5.2007" for "/ergebnisse-rm-schuelerinnen-a-aalen-1952007/") is no date line.
    (block, i) =>
      i > span.end ||
      (i > span.start && windowProseAbove(i) >= MIN_PROSE_ABOVE_SLUG_LINE && printedAbove(blocks, block, span.start)) ||
      (shapes[i]?.words ?? 0) > MAX_SLUG_HEADLINE_WORDS ||
      ((parseDateLine(block) !== null || findDateLine(block) !== null) && !namesDateAfterWords(block)),
    headlineIndex,
  );
  if (slugIndex !== null) {
    const previous = headlineIndex >= 0 ? headlineIndex : (headerTitle?.index ?? -1);
    const previousLine = chrome.find((line) => line.index === previous && line.kind === 'headline');
    if (previousLine) {
      if (previous < slugIndex) previousLine.kind = previous === 0 ? 'banner' : 'navigation';
      else {
        // A line after the headline (a standfirst, a caption) is left to the body cleaner.
        chrome.splice(chrome.indexOf(previousLine), 1);
        known.delete(previous);
      }
    }
    const slugLine = known.get(slugIndex);
    if (slugLine) slugLine.kind = 'headline';
    headlineIndex = slugIndex;
    layout.title = stripLeadingMark(blocks[slugIndex] ?? '');
    if (headlineIndex >= start) start = headlineIndex + 1;
  }
  // A short article ending at its own share bar or end heading, the window far below it: the article is above.
  const underHeadline = spanUnderHeadline(blocks, shapes, headlineIndex, span);
  if (underHeadline) {
    span = underHeadline;
    start = underHeadline.start;
  }
  // A headline run into its byline and date line: the title is the head, the date and byline are read from the rest.
  const signedHead = headlineIndex >= 0 ? headlineBeforeSignature(blocks[headlineIndex] ?? '') : null;
  if (signedHead !== null && layout.title === blocks[headlineIndex]) layout.title = signedHead;
  const gluedMeta = signedHead !== null && layout.title === signedHead;
  if (layout.title)
    layout.title = titleWithoutLead(blocks, layout.title, Math.max(0, headlineIndex), HEADLINE_LOOKBACK);
  // The photo's caption above the first paragraph is not the body.
  while (start < span.end && isCaption(blocks[start] ?? '')) start += 1;
  const headStart = headlineIndex >= 0 ? Math.min(headlineIndex, start) : start;

  // Date and byline: the lines around the headline and the body's first lines; failing that, a line saying it
  // is the publication date anywhere, then the dated line nearest the headline.
  const metaFrom = Math.max(0, headStart - META_LOOKBEHIND);
  const metaTo = Math.min(blocks.length - 1, Math.max(start, headStart) + META_LOOKAHEAD);
  const metaKinds = new Map<number, TextPageLineKind>();
  // A date the header scan read far above the headline, before the menus, is the page's "today" stamp or a
  // masthead date: the article's own date near its headline is looked for first, that one kept only as a fallback.
  const headerDate = chrome.find((line) => line.kind === 'dateline' && line.index < metaFrom) ?? null;
  const headerStamp = headerDate
    ? { publishedAt: layout.publishedAt, dateOnly: layout.publishedDateOnly, updatedAt: layout.updatedAt }
    : null;
  if (headerDate) {
    headerDate.kind = headerDate.index === 0 ? 'banner' : 'navigation';
    layout.publishedAt = null;
    layout.updatedAt = null;
  }
  // The header scan's "headline" that gave way to a better one may be a date line it could not read
  // ("Veröffentlicht am 10. Februar 2026 9. Februar 2026 von Jana"): it is read like the unrecognised lines.
  const demotedTitle =
    headerTitle && headerTitle.index !== headlineIndex && headerTitle.kind !== 'headline' ? headerTitle : null;
  // `nearHeadline`: a line around the headline whose date stands after several words ("Abnahme Protokoll der letzten
  // Sitzung vom 5.8.2026 akzeptiert", "Protokoll der Vorstandssitzung vom 10. Oktober 2026") is a sentence or a
  // headline naming a date, not the article's date line; the date line may be a line or two further.
  const dateAt = (i: number, nearHeadline = false): DateLine | null => {
    const block = blocks[i] ?? '';
    if (
      (i === headlineIndex && !gluedMeta) ||
      (known.has(i) && known.get(i) !== demotedTitle) ||
      isEmbeddedPostLine(block)
    )
      return null;
    const line = parseDateLine(block, dateContext);
    if (line) return line;
    if (nearHeadline && datedSentence(block)) return null;
    return findDateLine(block);
  };
  const takeDate = (i: number, line: DateLine): void => {
    layout.publishedAt = line.publishedAt;
    layout.publishedDateOnly = line.dateOnly;
    layout.updatedAt ??= line.updatedAt;
    layout.byline ??= line.byline;
    if (demotedTitle && i === demotedTitle.index) demotedTitle.kind = 'dateline';
    else if ((i < start || i > span.end || (shapes[i]?.words ?? 0) <= 12) && !known.has(i))
      metaKinds.set(i, 'dateline');
  };
  // A sentence about the article itself ("This entry was posted on …", "Der Beitrag wurde am … veröffentlicht")
  // dates it wherever it is; the lines near the headline may carry other dates (events, releases).
  for (let i = 0; i < blocks.length && layout.publishedAt === null; i++) {
    if (i === headlineIndex || known.has(i)) continue;
    const line = selfDatedLine(blocks[i] ?? '');
    if (line) takeDate(i, line);
  }
  // A line that is only a date directly above the headline stands (a blog's day heading, a date kicker).
  const afterHeadline = headlineIndex >= 0 ? headlineIndex : headStart;
  const aboveHeadline = afterHeadline - 1 >= metaFrom && !known.has(afterHeadline - 1) ? afterHeadline - 1 : -1;
  const dateAbove = aboveHeadline >= 0 ? parseDateLine(blocks[aboveHeadline] ?? '', dateContext) : null;
  if (dateAbove && !UPDATED_RE.test(blocks[aboveHeadline] ?? '')) takeDate(aboveHeadline, dateAbove);
  // Then the short lines right under the headline: a dated line further above it may close a list of dated teasers
  // or events ("13.02.2026 20:00 Stammtisch"), the one under it is the article's.
  for (let i = afterHeadline + 1; i <= metaTo && layout.publishedAt === null; i++) {
    if (shapes[i]?.prose || (shapes[i]?.words ?? 0) > HEADER_META_WORDS) break;
    const line = dateAt(i, true);
    if (line && readsPublished(blocks[i] ?? '', line)) takeDate(i, line);
  }
  for (let i = metaFrom; i <= metaTo && layout.publishedAt === null; i++) {
    const line = dateAt(i, true);
    if (line && readsPublished(blocks[i] ?? '', line)) takeDate(i, line);
  }
  // A paragraph opening with its date ("27.1.2026 - Bei der …", "Pressemitteilung vom 25. Januar 2026 | Berlin – …").
  for (let i = metaFrom; i <= metaTo && layout.publishedAt === null; i++) {
    const line = i === headlineIndex || known.has(i) ? null : leadDate(blocks[i] ?? '');
    if (line) {
      layout.publishedAt = line.publishedAt;
      layout.publishedDateOnly = line.dateOnly;
    }
  }
  for (let i = 0; i < blocks.length && layout.publishedAt === null; i++) {
    if (!PUBLISHED_RE.test(blocks[i] ?? '')) continue;
    const line = dateAt(i);
    if (line) takeDate(i, line);
  }
  // A signed date line anywhere ("Written by Jane Doe, PhD on April 29, 2026", "von Jana Beispiel am 3. Mai 2026").
  for (let i = 0; i < blocks.length && layout.publishedAt === null; i++) {
    const block = blocks[i] ?? '';
    if (block.length > SIGNED_DATE_LINE_CHARS || !SIGNED_LINE_RE.test(block) || findBylineInLine(block) === null)
      continue;
    const line = dateAt(i);
    if (line) takeDate(i, line);
  }
  for (let d = 1; d <= NEAREST_DATE_REACH && layout.publishedAt === null; d++) {
    for (const i of [headStart - d, headStart + d]) {
      if (i < 0 || i >= blocks.length || layout.publishedAt !== null) continue;
      const line = dateAt(i);
      if (line) takeDate(i, line);
    }
  }
  if (layout.publishedAt === null && headerDate && headerStamp) {
    headerDate.kind = 'dateline';
    layout.publishedAt = headerStamp.publishedAt;
    layout.publishedDateOnly = headerStamp.dateOnly;
    layout.updatedAt = headerStamp.updatedAt;
  }
  if (layout.publishedAt === null) {
    const only = onlyDateLine(blocks, dateContext);
    if (only) {
      layout.publishedAt = only.publishedAt;
      layout.publishedDateOnly = only.dateOnly;
      layout.updatedAt ??= only.updatedAt;
    }
  }
  const isMenuEntry = menuEntryTest(blocks);
  const takeByline = (i: number, byline: string | null): void => {
    if (!byline) return;
    layout.byline = byline;
    if (!metaKinds.has(i) && (i < start || (shapes[i]?.words ?? 0) <= 12)) metaKinds.set(i, 'boilerplate');
  };
  const bylineLineAt = (i: number): boolean =>
    (i !== headlineIndex || gluedMeta) && (!known.has(i) || known.get(i)?.kind === 'dateline');
  // Strongest first: a line opening with its marker, a name on the date line, a marker line over the name.
  for (let i = metaFrom; i <= metaTo && layout.byline === null; i++) {
    if (!bylineLineAt(i)) continue;
    const block = blocks[i] ?? '';
    takeByline(
      i,
      (SIGNED_LINE_RE.test(block) ? findBylineInLine(block) : null) ??
        nameOnDateLine(unglueDate(block), isMenuEntry) ??
        nameAfterMarkerLine(block, blocks[i + 1] ?? '', ...blocks.slice(i + 2, i + 2 + SPLIT_BYLINE_MORE_LINES)),
    );
  }
  // Then a bare name under the headline (a kicker or a subtitle reads the same), not the start of a line with a
  // marker further on ("Blog Beitrag von Jana Beispiel").
  for (
    let i = headlineIndex + 1;
    headlineIndex >= 0 && i <= headlineIndex + 3 && i < start && layout.byline === null;
    i++
  )
    if (bylineLineAt(i) && findBylineInLine(blocks[i] ?? '') === null) takeByline(i, bareNameLine(blocks[i] ?? ''));
  // Then a marker inside a line ("1.11.25 20:19 von Max Muster Lesezeit: 4 Min.").
  for (let i = metaFrom; i <= metaTo && layout.byline === null; i++)
    if (bylineLineAt(i)) takeByline(i, findBylineInLine(blocks[i] ?? ''));

  // A signature line in the body or below it ("Text: Jana Beispiel", "Posted by Jane Doe at 18:52"), never a
  // paragraph that opens like one ("Von Berlin in die Welt …").
  for (let i = start; i <= span.end + AUTHOR_BOX_REACH && i < blocks.length && layout.byline === null; i++)
    if (!known.has(i) && !shapes[i]?.prose) layout.byline = signatureName(blocks[i] ?? '');
  layout.byline ??= authorBoxName(blocks, span.end);
  // The headline printed again under paragraphs of the body (over a picture or a gallery): not a line of the text.
  for (let i = start; i <= span.end && layout.title; i++)
    if (
      blocks[i] === layout.title &&
      i !== headlineIndex &&
      !known.has(i) &&
      !metaKinds.has(i) &&
      windowProseAbove(i) >= MIN_PROSE_ABOVE_SLUG_LINE
    )
      metaKinds.set(i, 'boilerplate');
  // Photo captions inside the body ("… Photograph: Jane Doe/Agency", "… © Harbour Times").
  for (let i = start; i <= span.end; i++)
    if (!known.has(i) && !metaKinds.has(i) && isCaptionWithCredit(blocks[i] ?? '')) metaKinds.set(i, 'boilerplate');
  // The site's follow prompt closing the body ("Puede escribirnos … o seguir a Materia en Facebook, Twitter, Instagram o
  // suscribirse …", "You can also follow us on Facebook, Instagram and Twitter"): one of its last two lines, short,
  // naming three networks or more.
  for (let i = span.end; i >= Math.max(start + 1, span.end - (FOLLOW_PROMPT_LINES - 1)); i--)
    if (!known.has(i) && !metaKinds.has(i) && isFollowPrompt(blocks[i] ?? '')) metaKinds.set(i, 'share-bar');
  // A share bar inside the body ("Link", "Mail", "Whatsapp", "Beitrag teilen"): its lines, not the text's.
  for (let i = start; i <= span.end; i++) {
    if (!shapes[i]?.shareBar) continue;
    for (let j = i; j < blocks.length && shapes[j]?.shareLine; j++)
      if (!known.has(j) && !metaKinds.has(j)) metaKinds.set(j, 'share-bar');
  }

  for (let i = 0; i < blocks.length; i++) {
    if (known.has(i)) continue;
    const named = i === headlineIndex ? 'headline' : metaKinds.get(i);
    const kind = named ?? outsideKind(i, headStart, start, span.end, shapes);
    if (named) chrome.push({ index: i, kind: named, text: blocks[i] ?? '' });
    else if (kind) chrome.push({ index: i, kind, text: blocks[i] ?? '', outside: true });
  }
  retitleWiki(layout, start);
  chrome.sort((a, b) => a.index - b.index);
  layout.span = { start, end: span.end };
  // A caller with the site's name never reads this one (readSiteName); nothing above depends on it.
  if (readSiteName)
    layout.siteName = publicationName(
      layout.siteName ?? footerSiteName(blocks, span.end) ?? mastheadName(blocks, shapes, headStart),
    );
}

/**
 * A line of the window under this many of its paragraphs is not the headline the slug names: a gallery's heading or
 * a caption repeating the headline's words ("Bildergalerie: <headline>").
 */
const MIN_PROSE_ABOVE_SLUG_LINE = 2;
/** How far above the window a line's first copy is looked for. */
const COPY_LOOKBACK = 30;
const COPY_WORD_SHARE = 0.6;
const COPY_WORD_RE = /[\p{L}\p{N}]{3,}/gu;

/** Most words (three letters or more) of `line` are in one of the COPY_LOOKBACK lines above `before`. */
function printedAbove(blocks: string[], line: string, before: number): boolean {
  const words = line.toLowerCase().match(COPY_WORD_RE);
  if (!words) return false;
  for (let j = Math.max(0, before - COPY_LOOKBACK); j < before; j++) {
    const above = new Set((blocks[j] ?? '').toLowerCase().match(COPY_WORD_RE));
    let shared = 0;
    for (const word of words) if (above.has(word)) shared += 1;
    if (shared >= COPY_WORD_SHARE * words.length) return true;
  }
  return false;
}

const FOLLOW_PROMPT_LINES = 2;
const MAX_FOLLOW_PROMPT_CHARS = 300;
const MIN_FOLLOW_PROMPT_NETWORKS = 3;
const NETWORK_NAMES = new Set(
  'facebook|twitter|instagram|youtube|tiktok|whatsapp|linkedin|pinterest|telegram|xing|threads|mastodon|bluesky|snapchat|flipboard'.split(
    '|',
  ),
);
const NETWORK_SPLIT_RE = /[^\p{L}]+/u;

/** A short line naming MIN_FOLLOW_PROMPT_NETWORKS networks or more: a prompt to follow or share, not a sentence of the text. */
export function isFollowPrompt(block: string): boolean {
  if (block.length > MAX_FOLLOW_PROMPT_CHARS) return false;
  const lower = block.toLowerCase();
  // A name that is a word is a substring too: fewer than three in the line, no split needed (most last lines).
  let spelled = 0;
  for (const name of NETWORK_NAMES) if (lower.includes(name)) spelled += 1;
  if (spelled < MIN_FOLLOW_PROMPT_NETWORKS) return false;
  const named = new Set<string>();
  for (const word of lower.split(NETWORK_SPLIT_RE)) if (NETWORK_NAMES.has(word)) named.add(word);
  return named.size >= MIN_FOLLOW_PROMPT_NETWORKS;
}

/**
 * "THE HARBOUR POST — World", "El Diario del Sur | Portada": a masthead naming the section the page belongs to, at
 * the top of the page. The name before the separator is the publication (over a copyright holder, often the owner).
 */
function sectionBannerName(line: string): string | undefined {
  if (line.length > MAX_SECTION_BANNER_CHARS) return undefined;
  const parts = line.split(/ [|–—·-] /u);
  if (parts.length !== 2) return undefined;
  const [name = '', section = ''] = parts.map((part) => part.trim());
  const words = wordCount(name);
  if (words < 1 || words > 6 || !/^\p{Lu}/u.test(name) || /\d/u.test(name)) return undefined;
  if (isNavigationVocabulary(name) || !isNavigationVocabulary(section)) return undefined;
  return cleanName(titleCase(name));
}
/** Only the page's first lines: deeper in, "<Name> | <Section>" is a teaser or a crumb. */
const SECTION_BANNER_LINES = 3;
const MAX_SECTION_BANNER_CHARS = 80;

/**
 * A copyright holder that is a company ("Newsquest Media Group Ltd", "EHM Productions, Inc.") names the
 * publication's owner; the page's banner ("THE NORTHERN ECHO", "TMZ" as its first line) names the publication when
 * the page prints that name again elsewhere ("… the Northern Echo's political editor", "Call TMZ at …"). The banner
 * replaces the holder then, unless the holder spells the page's host (it is the publication's own name). `owner` is
 * such a holder's publication name (null when the last copyright holder is not a company).
 */
function bannerOverCompany(
  blocks: string[],
  name: string | null,
  url: string | null,
  owner: string | null,
): string | null {
  if (!name || owner !== name) return name;
  const host = pageHost(url);
  if (host && nameFitsHost(name, host)) return name;
  const index = bannerLineIndex(blocks);
  if (index < 0) return name;
  const banner = blocks[index] ?? '';
  if (foldedKey(banner) === foldedKey(name)) return name;
  const printed = printedElsewhere(blocks, index, banner);
  return printed === null ? name : printed;
}

/**
 * "About Harbour Times", "Über die Hafenzeitung": the footer's link to the page about the site names it. It names
 * the page when nothing else did, or over a company holding the copyright (the publication's owner).
 */
function aboutLinkOverCompany(blocks: string[], name: string | null, owner: string | null): string | null {
  if (name !== null && owner !== name) return name;
  for (let i = blocks.length - 1; i >= 0 && blocks.length - i <= ABOUT_LINK_LINES; i--) {
    const about = ABOUT_LINK_RE.exec(blocks[i] ?? '');
    const named = about?.[1]?.trim() ?? '';
    const words = named.split(' ');
    if (!named || words.length > MAX_ABOUT_NAME_WORDS || isNavigationVocabulary(named)) continue;
    if (words.every((word) => /\p{Lu}/u.test(word) && !ABOUT_PAGE_WORDS.has(word.toLowerCase()))) return named;
  }
  return name;
}
const ABOUT_LINK_RE =
  /^(?:(?:about|über|à propos de|acerca de|sobre)\s+|à propos d['’])(?:die |den |das |der |el |la |o |a |os |as )?([\p{L}\p{N}][\p{L}\p{N}&.' -]{1,40})$/iu;
const ABOUT_LINK_LINES = 40;
const MAX_ABOUT_NAME_WORDS = 4;
/** "About Us", "About Cookies": pages about the visitor's dealings with the site, not its name. */
const ABOUT_PAGE_WORDS = new Set([
  'us',
  'me',
  'this',
  'the',
  'our',
  'cookies',
  'ads',
  'privacy',
  'uns',
  'nous',
  'nosotros',
  'nós',
  'mí',
  'mim',
]);

/** A prompt naming the site names it when nothing else did, or over a company holding the copyright (its owner). */
function promptedOverCompany(
  blocks: string[],
  name: string | null,
  host: PageHost | null,
  owner: string | null,
): string | null {
  if (name === null) return promptedName(blocks, host);
  if (owner !== name) return name;
  return promptedName(blocks, host) ?? name;
}

/**
 * A prompt in the page's header or footer naming the site, read when nothing else did: a greeting ("Welcome to
 * Harbour Times", anywhere in the header, not only as its first line), a follow button flattened with both states
 * ("Follow Harbour Times Followed"), a newsletter prompt ("Subscribe to Harbour Times via Email") or an app prompt
 * ("Download the Harbour Times app", "Descarga la app de Harbour Times", "Téléchargez l'application Harbour Times").
 */
function promptedName(blocks: string[], host: PageHost | null): string | null {
  const n = blocks.length;
  for (let k = 0; k < n && k < PROMPT_HEAD_LINES + PROMPT_FOOT_LINES; k++) {
    // The header first, then the footer from its end.
    const i = k < PROMPT_HEAD_LINES ? k : n - 1 - (k - PROMPT_HEAD_LINES);
    if (i < 0 || (k >= PROMPT_HEAD_LINES && i < PROMPT_HEAD_LINES)) break;
    const block = blocks[i] ?? '';
    if (block.length > MAX_PROMPT_LINE) continue;
    const welcome = k < PROMPT_HEAD_LINES ? welcomeName(block) : null;
    const named = welcome?.trim() ? welcome.replace(/^the\s+/u, '') : (promptName(block) ?? '');
    const name = cleanName(named);
    if (name && promptNameFits(name)) return name;
    // A weaker prompt ("Follow Harbour Times", "Sign up for the Harbour Times newsletter") may name a person or a
    // newsletter: it names the site only when it spells the page's host.
    const weak = host ? cleanName(weakPromptName(block) ?? '') : '';
    if (weak && host && promptNameFits(weak) && nameFitsHost(weak, host)) return weak;
  }
  return null;
}
const PROMPT_HEAD_LINES = 12;
const PROMPT_FOOT_LINES = 40;
const MAX_PROMPT_LINE = 100;
const MAX_PROMPT_NAME_WORDS = 5;

/** The name inside a follow, newsletter or app prompt line; null for other lines. */
function promptName(line: string): string | null {
  const followed = withoutFollowButton(line);
  if (followed !== line) return followed;
  const lower = line.toLowerCase();
  for (const [head, tail] of NAME_PROMPTS) {
    if (!lower.startsWith(head)) continue;
    const end = lower.lastIndexOf(tail);
    const after = lower.slice(end + tail.length);
    if (end > head.length && (after === '' || tail.endsWith(' ') || /^[\s!.,:]/u.test(after)))
      return line.slice(head.length, end);
  }
  return null;
}
/** The name inside a prompt that may name something else than the site; null for other lines. */
function weakPromptName(line: string): string | null {
  const lower = line.toLowerCase();
  for (const [head, tail] of WEAK_NAME_PROMPTS) {
    if (!lower.startsWith(head) || !lower.endsWith(tail)) continue;
    const end = lower.length - tail.length;
    if (end > head.length) return line.slice(head.length, end);
  }
  return null;
}
const WEAK_NAME_PROMPTS: [string, string][] = [
  ['follow ', ''],
  ['folgen sie ', ''],
  ['suivez ', ''],
  ['sign up for the ', ' newsletter'],
  ['subscribe to the ', ' newsletter'],
  ['melden sie sich für den ', '-newsletter an'],
  ['abonnez-vous à la newsletter ', ''],
  ['suscríbete al boletín de ', ''],
];

/** Words before and after the name in prompts naming the site (lower-case; the tail may be followed by more words). */
const NAME_PROMPTS: [string, string][] = [
  ['subscribe to ', ' via email'],
  ['subscribe to ', ' by email'],
  ['download the ', ' app'],
  ['get the ', ' app'],
  ['descarga la app de ', ''],
  ['descargue la app de ', ''],
  ['baixe o app do ', ''],
  ['baixe o app da ', ''],
  ['follow ', ' on '],
  ['folgen sie ', ' auf '],
  ['suivez ', ' sur '],
  ['sigue a ', ' en '],
  ['siga o ', ' no '],
  ['siga a ', ' na '],
  ["téléchargez l'application ", ''],
  ['téléchargez l’application ', ''],
  ['laden sie die ', '-app'],
];

/** A prompt names the site when its words are a short capitalised name ("Harbour Times", "hbTimes" aside). */
function promptNameFits(name: string): boolean {
  const words = name.split(' ');
  if (words.length > MAX_PROMPT_NAME_WORDS || !/^[\p{Lu}\p{N}]/u.test(name)) return false;
  if (isNavigationVocabulary(name)) return false;
  return words.every(
    (word) => !ABOUT_PAGE_WORDS.has(word.toLowerCase()) && !PROMPT_NOT_NAME_WORDS.has(word.toLowerCase()),
  );
}
/** "Subscribe to Blog via Email", "Download our app": the platform's default words, not a name. */
const PROMPT_NOT_NAME_WORDS = new Set(['blog', 'our', 'my', 'your', 'unsere', 'notre', 'nuestra', 'nossa', 'nosso']);

/** The holder of the page's last copyright line, as printed (with its legal form); null when there is none. */
function lastCopyrightHolder(blocks: string[]): string | null {
  for (let i = blocks.length - 1; i >= 0 && blocks.length - i <= FOOT_LINES; i--) {
    const holder = copyrightHolder(blocks[i] ?? '');
    if (holder) return holder;
  }
  return null;
}

/**
 * The holder of the page's last copyright line (`holder`) when it names the site's own publisher rather than a parent
 * company: the name it quotes after a legal form ("ИА «Гавань»"), or an institution ("Bundesministerium für Verkehr", "Harbour Rowing Association", "Stiftung Harbour e.V.")
 * runs its own site, a company holder may own several. Null for companies and other holders.
 */
function holderOwnName(holder: string | null): string | null {
  if (!holder) return null;
  const quoted = QUOTED_BRAND_RE.exec(holder);
  if (quoted && wordCount(quoted[1] ?? '') <= MAX_BRAND_FORM_WORDS) return cleanName(quoted[2] ?? '') || null;
  if (isCompanyName(holder) || !namesInstitution(holder)) return null;
  return publicationName(holder, MAX_INSTITUTION_CHARS);
}
/**
 * "ИА «Гавань»", "SARL « Le Port »": a legal or agency form, then the name in quotation marks (the usage of
 * Russian, Ukrainian, Kazakh and French registers); the quoted name is the publication's.
 */
const QUOTED_BRAND_RE = /^([^«»"“”„]{0,30})[«„“"]([^«»"“”„]{2,60})[»“”"]$/u;
const MAX_BRAND_FORM_WORDS = 3;
/** Institutions spell out their long names ("Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"). */
const MAX_INSTITUTION_CHARS = 100;

/** A word naming an institution among the holder's words, or ending one of its compounds ("Bundesverband"). */
function namesInstitution(holder: string): boolean {
  return holder
    .toLowerCase()
    .split(/[\s,/–-]+/u)
    .some((word) => {
      const bare = word.replace(/\.$/u, '');
      return INSTITUTION_WORDS.has(bare) || INSTITUTION_STEM_RE.test(bare);
    });
}
const INSTITUTION_WORDS = new Set(
  'e.v|ministry|department|association|society|foundation|committee|council|party|church|university|college|institute|agency|federation|commission|authority|museum|library|parliament|government|ministère|fondation|comité|fédération|parti|église|université|institut|agence|syndicat|conseil|ministerio|asociación|fundación|federación|partido|iglesia|universidad|instituto|agencia|sindicato|consejo|ayuntamiento|gobierno|ministero|associazione|fondazione|comitato|federazione|partito|chiesa|università|istituto|agenzia|sindacato|consiglio|comune|министерство|ассоциация|фонд|комитет|партия|церковь|университет|институт|агентство'.split(
    '|',
  ),
);
/** German institutions compound their kind into the name's last word ("Bundesministerium", "Landesverband"). */
const INSTITUTION_STEM_RE =
  /(?:ministerium|verband|vereinigung|verein|stiftung|komitee|kirche|partei|hochschule|universität|institut|gewerkschaft|kammer|fraktion|jugendwerk|akademie|museum)$/u;

/** A legal form or a word naming a company among the holder's words ("Ltd", "plc", "Group", "GmbH", "S.A.", "Media"). */
function isCompanyName(holder: string): boolean {
  return holder
    .toLowerCase()
    .split(/[\s,]+/u)
    .some((word) => COMPANY_NAME_WORDS.has(word) || COMPANY_NAME_WORDS.has(word.replace(/\.$/u, '')));
}
const COMPANY_NAME_WORDS = new Set(
  'ltd|limited|plc|inc|incorporated|llc|llp|corp|corporation|company|group|groupe|grupo|gruppo|gruppe|mediengruppe|verlagsgruppe|holding|holdings|media|medien|medios|média|mídia|productions|publishing|publications|verlag|gmbh|ag|kg|s.a|sa|sas|sarl|s.l|srl|s.p.a|spa|b.v|bv|n.v|nv|pty|éditions|editora'.split(
    '|',
  ),
);

/**
 * The page's first line that is not a skip link, a menu line or a symbol, when it is masthead-shaped (a few
 * capitalised words, not a byline) and within the first lines; -1 otherwise.
 */
function bannerLineIndex(blocks: string[]): number {
  for (let i = 0; i < blocks.length && i < BANNER_LINES; i++) {
    const block = blocks[i] ?? '';
    if (!/\p{L}/u.test(block) || isNavigationVocabulary(block) || isNavigationLine(block)) continue;
    // One capitalised word is as often a menu entry ("Premium", "Games"); a masthead is in capitals or longer.
    const shaped = !/\p{Ll}/u.test(block) || wordCount(block) >= 2;
    return shaped && looksLikeMasthead(block) && parseBylineLine(block) === null ? i : -1;
  }
  return -1;
}
const BANNER_LINES = 4;

/**
 * The banner's name as the page prints it in another line (the same words, its leading article aside, case
 * apart): in that line's casing when it is not all capitals ("Northern Echo" → "The Northern Echo"), else the
 * banner title-cased. Null when no other line prints it.
 */
function printedElsewhere(blocks: string[], index: number, banner: string): string | null {
  const article = LEADING_ARTICLE_RE.exec(banner)?.[0] ?? '';
  const core = banner.slice(article.length);
  const needle = core.toLowerCase();
  if (needle.length < 2 || needle.length !== core.length) return null;
  let found: string | null = null;
  for (let i = 0; i < blocks.length && found === null; i++) {
    if (i === index) continue;
    const block = blocks[i] ?? '';
    const lower = block.toLowerCase();
    if (lower.length !== block.length) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const before = block.charAt(at - 1);
      const after = block.charAt(at + needle.length);
      // A name is capitalised where it is printed ("the Northern Echo's"), a common word need not be ("video games").
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after) || !/^\p{Lu}/u.test(block.charAt(at))) continue;
      found = block.slice(at, at + needle.length);
      break;
    }
  }
  if (found === null) return null;
  const spelled = /\p{Ll}/u.test(found) ? found : titleCase(core);
  return article ? `${titleCase(article.trim())} ${spelled}` : spelled;
}
const LEADING_ARTICLE_RE = /^(?:the|le|la|les|l['’]|el|los|las|der|die|das|il|lo|o|a|os|as) /iu;

/**
 * "THE NORTHERN ECHO" → "The Northern Echo", "LE COURRIER DE L'OUEST" → "Le Courrier de l'Ouest": words capitalised,
 * particles after the first word in lower case, short words that are not particles kept (acronyms: "BBC NEWS").
 * Names already in mixed case are left as they are.
 */
export function titleCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const single = !name.includes(' ');
  return name
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      const elided = /^([ldj]['’])(.+)$/u.exec(lower);
      if (elided) return `${i === 0 ? capitalise(elided[1]!) : elided[1]}${capitalise(elided[2]!)}`;
      if (i > 0 && TITLE_PARTICLES.has(lower)) return lower;
      if (word.length <= (single ? MAX_SINGLE_ACRONYM : MAX_ACRONYM) && !TITLE_PARTICLES.has(lower)) return word;
      return capitalise(lower);
    })
    .join(' ');
}
const TITLE_PARTICLES = new Set(
  'the|of|and|for|de|du|des|la|le|les|da|do|dos|das|der|die|den|el|los|las|y|e|et|und|di|il|del|van|von|on|in|a'.split(
    '|',
  ),
);
/** Short words in capitals are kept as acronyms: "BBC NEWS" → "BBC News", "CNET" stays. */
const MAX_ACRONYM = 3;
const MAX_SINGLE_ACRONYM = 4;
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The last copyright line after the article names the publisher ("© 2014-2023 Tarnkappe.info"). */
function footerSiteName(blocks: string[], end: number): string | null {
  // The page's last lines are its footer even when the article's span reaches them (a site blurb after the notice).
  for (let i = blocks.length - 1; i > Math.min(end, blocks.length - 1 - LAST_FOOTER_LINES); i--) {
    const block = blocks[i] ?? '';
    // A long copyright notice names its holder first ("Copyright Harbour Times. All rights reserved. No part of…").
    const line = block.length > MAX_FOOTER_LINE ? copyrightHead(block) : block;
    const holder = line ? copyrightHolder(line.split('\t')[0] ?? '') : undefined;
    if (holder) return holder;
  }
  return null;
}
const MAX_FOOTER_LINE = 200;
const LAST_FOOTER_LINES = 3;
/** How much of a long copyright notice is read for its holder. */
const COPYRIGHT_HEAD_CHARS = 120;

/** The first words of a long line that opens with a copyright mark, cut at a space; '' for other lines. */
function copyrightHead(block: string): string {
  if (!/^(?:©|\(c\)|copyright\b)/iu.test(block)) return '';
  const head = block.slice(0, COPYRIGHT_HEAD_CHARS);
  const space = head.lastIndexOf(' ');
  return space > 0 ? head.slice(0, space) : '';
}

const HOST_SCAN_HEAD = 60;
const MAX_ABBREVIATED_SEGMENT = 60;

function mayAbbreviate(segment: string, label: string): boolean {
  if (segment.length > MAX_ABBREVIATED_SEGMENT || !segment.includes(' ')) return false;
  const initial = label[0] ?? '';
  return segment.split(/[\s-]+/u).some((word) => {
    // A word opening with an ASCII letter or digit folds to its lower case (most words): no key to build.
    const code = word.charCodeAt(0) | 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39 && code === word.charCodeAt(0)))
      return String.fromCharCode(code).startsWith(initial);
    return foldedKey(word.slice(0, 2)).startsWith(initial);
  });
}
const HOST_SCAN_TAIL = 80;
const MAX_HOST_LINE = 200;
const HOST_SEGMENT_SEPARATOR_RE = / [|•·–—~-] |\t/u;
/** How far an abbreviated name is from the host's label: as far as the furthest spelling still read. */
const ABBREVIATED_EXTRA = 12;
/** The host written out counts as a little further from the name than the name spelt in words ("Harbour Times"). */
const HOST_WRITTEN_EXTRA = 0.5;

/** A short line or segment the page prints that spells its host's name ("tarnkappe.info" → "Tarnkappe.info"). */
function hostNamedLine(blocks: string[], url: string | null): string | null {
  const host = pageHost(url);
  if (!host || host.label.length < 3) return null;
  const { label } = host;
  const hostKey = foldedKey(host.host);
  // The name sits in the header or the footer.
  const edges =
    blocks.length <= HOST_SCAN_HEAD + HOST_SCAN_TAIL
      ? blocks
      : [...blocks.slice(0, HOST_SCAN_HEAD), ...blocks.slice(-HOST_SCAN_TAIL)];
  // The closest spelling wins: "Harbour Times" over "Harbour Times Shop" and "Harbour Times Careers".
  let best: string | null = null;
  let bestExtra = HOST_NAME_EXTRA + 1;
  for (const block of edges) {
    // A long footer line ("Harbour Times ~ 1 Quay St., Harbourtown ~ Privacy Policy ~ …") is read up to its
    // last separator within the first 200 characters.
    const segments = block.slice(0, MAX_HOST_LINE).split(HOST_SEGMENT_SEPARATOR_RE);
    if (block.length > MAX_HOST_LINE) segments.pop();
    for (const segment of segments) {
      // The host written out inside a longer segment ("Harbour-Times.com auf Twitter") is the name as printed.
      const lower = segment.toLowerCase();
      // (Lower-casing that changes the length, as "İ" does, would shift the slice: such segments are skipped.)
      const at = lower.length === segment.length ? lower.indexOf(host.host) : -1;
      // Not inside an address ("redaktion@harbour-times.com", "www.harbour-times.com/kontakt") or a longer word.
      if (at >= 0 && !/[\p{L}\p{N}@./_-]/u.test(segment.charAt(at - 1))) {
        const written = segment.slice(at, at + host.host.length);
        if (bestExtra > HOST_WRITTEN_EXTRA && !/[\p{L}\p{N}@/_-]/u.test(segment.charAt(at + host.host.length))) {
          best = written;
          bestExtra = HOST_WRITTEN_EXTRA;
        }
      }
      // Only segments spelling the label (a copyright line too), or short ones with a word starting like it
      // (they may abbreviate it), are read.
      const segmentKey = foldedKey(segment);
      if (!segmentKey.includes(label) && !mayAbbreviate(segment, label) && !namesLabelHead(segmentKey, label)) continue;
      // "Deutscher Jagdverband e. V. (DJV)" on jagdverband.de: the label as the formal name's last word, when no line
      // spells the host more closely.
      // (The formal line is kept, for siteNameForHost to recognise: it drops the form.)
      if (labelTailName(segment, label) && ABBREVIATED_EXTRA < bestExtra) {
        best = segment;
        bestExtra = ABBREVIATED_EXTRA;
      }
      const whole = withoutSeat(publicationName(cleanName(segment)), label);
      // A sentence naming the site ("Harbour Times would like to keep you informed", "Alle Artikel auf HARBOUR
      // TIMES"): the run of capitalised words in it that spells the label.
      const name = isShortName(whole) ? whole : capitalisedRunSpelling(segment, label);
      if (!isShortName(name)) continue;
      if (namesService(name)) continue;
      const key = foldedKey(name);
      // The host spelled out ("Harbour-Times.com") is as close as the bare name.
      const spells = key.startsWith(label);
      // A name the host abbreviates ("ejw" ← "Evangelisches Jugendwerk in Württemberg") counts as a long spelling:
      // it names the site when no line spells the label itself.
      // The name before a generic word the host adds ("Hafen" on hafenmagazin.example) is as far as that word.
      const head = !spells && namesLabelHead(key, label);
      const extra =
        key === hostKey ? 0 : spells ? key.length - label.length : head ? label.length - key.length : ABBREVIATED_EXTRA;
      const fits = spells || head || namesEdition(key, host) || (wordCount(name) >= 2 && abbreviates(label, name));
      if (fits && extra < bestExtra) {
        best = name;
        bestExtra = extra;
      }
    }
  }
  return best;
}

/**
 * The run of two to four capitalised words (or words in capitals, particles between them: "Diario de Harbour") in
 * a sentence that spells the host's label, maybe with a generic word after it ("HARBOUR ONLINE"), without a leading
 * article ("Der Harbour-Podcast" on harbour-podcast.example): the site's name as the sentence prints it. Null when
 * no such run spells it; "Harbour Haus" is a place named after the site.
 */
function capitalisedRunSpelling(sentence: string, label: string): string | null {
  const words = sentence.split(' ');
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    const word = words[i];
    if (word !== undefined && isCapitalised(word)) continue;
    // A particle between capitalised words ("Geschichte der Gegenwart") stays in the run.
    if (word !== undefined && i > start && SKIPPABLE_NAME_WORDS.has(word) && isCapitalised(words[i + 1] ?? ''))
      continue;
    // The name may be any part of the run ("Alle Artikel auf Harbour Online"): its parts of two to four words that
    // start with a capitalised word.
    for (let from = start; from < i - 1; from++) {
      if (!isCapitalised(words[from] ?? '')) continue;
      for (let to = from + 2; to <= i && to - from <= 4; to++) {
        const name = cleanName(words.slice(from, to).join(' ')).replace(LEADING_ARTICLE_RE, '');
        const key = foldedKey(name);
        if (key === label || (key.startsWith(label) && GENERIC_LABEL_TAILS.has(key.slice(label.length)))) return name;
      }
    }
    start = i + 1;
  }
  return null;
}
/** The word starts with a capital letter or a digit. */
function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  if (!first) return false;
  return first !== first.toLowerCase() || (first >= '0' && first <= '9');
}
/** A name of at most four words and 40 characters, starting with a letter or digit. */
function isShortName(name: string | null): name is string {
  return !!name && name.length <= 40 && wordCount(name) <= 4 && /^[\p{L}\p{N}]/u.test(name);
}

/**
 * "Deutscher Jagdverband" on jagdverband.de, "Bayerischer Hafenbund e.V. (BHB)" on hafenbund.example: one or two
 * capitalised words (a people's or a region's adjective) before a last word that is the host's label; an association's
 * legal form ("e.V.") and its acronym in brackets after it are left out. Null for any other line.
 */
function labelTailName(segment: string, label: string): string | null {
  if (segment.length > MAX_LABEL_TAIL_CHARS) return null;
  let name = segment;
  const open = name.endsWith(')') ? name.lastIndexOf(' (') : -1;
  if (open > 0 && BRACKETED_ACRONYM_RE.test(name.slice(open + 2, -1))) name = name.slice(0, open).trimEnd();
  if (ASSOCIATION_FORM_RE.test(name)) name = name.slice(0, name.lastIndexOf(' e.')).replace(/,$/u, '');
  // Only the formal name, with its legal form or acronym: "Über Hafenbund", "Join Hafenbund" are links.
  if (name === segment) return null;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || foldedKey(words.at(-1) ?? '') !== label) return null;
  return words.every(isCapitalised) ? name : null;
}
const MAX_LABEL_TAIL_CHARS = 60;
const BRACKETED_ACRONYM_RE = /^\p{Lu}[\p{Lu}\d&-]{1,9}$/u;
const ASSOCIATION_FORM_RE = / e\. ?V\.?$/u;

/**
 * The host is the name and a generic word ("hafenmagazin" ← "HAFEN", "quaynews" ← "Quay"): a line printing the
 * name alone spells the host's label but that word.
 */
function namesLabelHead(key: string, label: string): boolean {
  return key.length >= MIN_LABEL_HEAD && label.startsWith(key) && GENERIC_LABEL_TAILS.has(label.slice(key.length));
}
const MIN_LABEL_HEAD = 3;
const GENERIC_LABEL_TAILS = new Set(
  'magazin|magazine|mag|online|news|zeitung|blog|tv|radio|journal|digital|aktuell|today|info|noticias|nachrichten|revista|revue|hebdo|diario|jornal'.split(
    '|',
  ),
);

/**
 * "Harbour-Fraktion im Landtag", "Harbour Rowing Club at Quay Street": a name spelling the host, then where its
 * holder sits; the name ends before the place when the words before it spell the host by themselves.
 */
function withoutSeat(name: string | null, label: string): string | null {
  if (!name) return name;
  const seat = SEAT_RE.exec(name);
  if (!seat || seat.index === 0) return name;
  const before = name.slice(0, seat.index);
  return foldedKey(before).startsWith(label) ? before : name;
}
const SEAT_RE = / (?:im|in der|in|at|à|en) \p{Lu}/u;

/**
 * Shops, apps, subscriptions, job boards and trips a site sells under its name ("Harbour Times Shop", "HARBOUR
 * APP", "Harbour-Reisen", "Harbour entdecken"): menu entries that spell the host, not the publication's name.
 */
const SERVICE_WORDS = new Set(
  'shop|store|boutique|tienda|loja|negozio|app|apps|premium|abo|abonnement|jobs|karriere|careers|carrières|empleo|tickets|reisen|viajes|voyages|viaggi|entdecken|découvrir|descubrir|scopri|akademie|academy|events'.split(
    '|',
  ),
);

/** The name's last word (or its last hyphenated part) is a service the site sells. */
function namesService(name: string): boolean {
  const last = name.split(/[\s-]/u).at(-1)?.toLowerCase() ?? '';
  return name.includes(' ') || name.includes('-') ? SERVICE_WORDS.has(last) : false;
}

/**
 * A name the page prints as one of its first three lines and again in its last ten (the masthead and the footer's
 * copyright line: "Harbour Daily" … "© Harbour Daily") is the page's own, whether or not it spells the host; a
 * parent company or a menu word is printed at one end only.
 */
function printedAtHeadAndFoot(blocks: string[], name: string): boolean {
  const key = foldedKey(name);
  if (key.length < 3) return false;
  const atHead = blocks.slice(0, HEAD_LINES).some((b) => {
    const once = onceIfDoubled(b);
    return once.length <= 60 && foldedKey(once) === key;
  });
  return atHead && blocks.slice(-FOOT_LINES).some((b) => b.length <= 200 && foldedKey(b).includes(key));
}
const HEAD_LINES = 3;

/**
 * A name of two words or more printed alone as one of the page's first lines and again in short lines of its own
 * elsewhere ("Harbour News 4" … "More from Harbour News 4", "HARBOUR NEWS 4 VIDEO") is the page's own name, whether
 * or not it spells the host; a menu entry or a parent company is not repeated so.
 */
function repeatedFromHead(blocks: string[], name: string): boolean {
  if (!name.includes(' ') || isNavigationVocabulary(name)) return false;
  const head = blocks.slice(0, HEAD_LINES).findIndex((b) => b === name);
  if (head < 0) return false;
  const lower = name.toLowerCase();
  let repeats = 0;
  for (let i = head + 1; i < blocks.length && repeats < MIN_NAME_REPEATS; i++) {
    const block = blocks[i] ?? '';
    if (block.length <= MAX_REPEAT_LINE && block.length > name.length && block.toLowerCase().includes(lower))
      repeats += 1;
  }
  return repeats >= MIN_NAME_REPEATS;
}
const MIN_NAME_REPEATS = 2;
const MAX_REPEAT_LINE = 60;
const FOOT_LINES = 10;

/** How many letters a printed name may add to the host's ("tarnkappe" → "Tarnkappe.info", "Harbour Times Online"). */
const HOST_NAME_EXTRA = 12;

/**
 * The publication's name checked against the page's host: a name that does not spell the host (a parent
 * company, a menu word taken for a masthead) gives way to a line spelling the host, or to the host itself.
 */
function siteNameForHost(
  name: string | null,
  printed: string | null,
  url: string | null,
  own: string | null = null,
): string | null {
  const host = pageHost(url);
  if (!host) return name;
  if (name && nameFitsHost(name, host)) {
    // "Harbour Times Shop" (a menu entry or a sub-brand) when the page also prints "Harbour Times".
    const key = foldedKey(name);
    if (printed && key.startsWith(host.label) && foldedKey(printed).length < key.length) return printed;
    return withoutOwnerWord(name, host);
  }
  // An institution holding the page's copyright, or a name it quotes after its legal form, is the site's own name,
  // whatever the host spells (holderOwnName).
  if (own && (name === null || foldedKey(name).includes(foldedKey(own)))) return own;
  // When the page's name does not fit, a printed line names the site only when it is exactly the host's name or
  // the host spelt out ("Harbour Times", "HarbourTimes.com"); "Harbour Times Shop" may be a menu entry.
  const key = printed ? foldedKey(printed) : '';
  const exact =
    key === host.label ||
    key === foldedKey(host.host) ||
    namesLabelHead(key, host.label) ||
    (key.startsWith(host.label) && GENERIC_LABEL_TAILS.has(key.slice(host.label.length))) ||
    namesEdition(key, host) ||
    (printed !== null && labelTailName(printed, host.label) !== null);
  return printed && exact ? printed : withoutLanguageLabel(host.host);
}

/**
 * A language edition's host ("de.harbourtimes.example", "fr.…"), when the page prints no name the host fits: the
 * site's host without the language label, which names the edition, not the site.
 */
function withoutLanguageLabel(host: string): string {
  const dot = host.indexOf('.');
  return dot > 0 && host.indexOf('.', dot + 1) > 0 && LANGUAGE_LABELS.has(host.slice(0, dot))
    ? host.slice(dot + 1)
    : host;
}
const LANGUAGE_LABELS = new Set(
  'en|de|fr|es|it|pt|nl|pl|ru|ja|zh|ar|tr|sv|no|da|fi|cs|sk|el|hu|ro|bg|hr|sl|ko|id|vi|he|fa|ca|eu|gl'.split('|'),
);

/**
 * "Harbour Times Quayside" on quayside.harbourtimes.example: a local or topical edition's name spells the host's
 * label and the one label before it, in either order ("Quayside Harbour Times").
 */
function namesEdition(key: string, host: PageHost): boolean {
  if (host.platform || key.length <= host.label.length) return false;
  const labels = host.host.split('.');
  if (labels.length < 3 || foldedKey(labels[1] ?? '') !== host.label) return false;
  const edition = foldedKey(labels[0] ?? '');
  return edition.length >= 2 && (key === host.label + edition || key === edition + host.label);
}

/**
 * "Harbour Times Media", "Harbourside Verlag": a company word after a name that spells the host by itself names the
 * publisher's company, not the publication; the host spelling the word too ("harbourmedia.com") keeps it.
 */
function withoutOwnerWord(name: string, host: PageHost): string {
  const words = name.split(' ');
  if (words.length < 2 || !OWNER_WORDS.has(words.at(-1)?.toLowerCase() ?? '')) return name;
  const rest = words.slice(0, -1).join(' ');
  return foldedKey(rest).includes(host.label) ? rest : name;
}
const OWNER_WORDS = new Set(
  'media|medien|group|gruppe|groupe|grupo|gruppo|verlag|publishing|publications|holdings|holding|productions|mediengruppe|verlagsgruppe'.split(
    '|',
  ),
);

/**
 * An acronym naming the site ("HRA", "© 2026 HRA") stands for the name the page spells out: a line of that name
 * alone ("Harbour Rowing Association"), or the name with the acronym ("HRA: Harbour Rowing Association", "the
 * Harbour Rowing Association (HRA) …"). The words' leading letters must spell the acronym (abbreviates).
 */
function spelledOutAcronym(blocks: string[], name: string | null): string | null {
  if (!name || !ACRONYM_RE.test(name)) return name;
  const label = name.toLowerCase();
  for (const block of blocks) {
    if (block.length > MAX_ACRONYM_LINE) continue;
    const full = acronymExpansion(block, name, label);
    if (full) return full;
  }
  return name;
}
const ACRONYM_RE = /^\p{Lu}{3,6}$/u;
const MAX_ACRONYM_LINE = 200;
const MAX_EXPANSION_WORDS = 8;

/** The name the line spells out for the acronym, if it does. */
function acronymExpansion(block: string, acronym: string, label: string): string | null {
  const spells = (words: string[]): boolean =>
    words.length >= 2 &&
    words.length <= MAX_EXPANSION_WORDS &&
    /^\p{Lu}/u.test(words[0] ?? '') &&
    foldedKey(words[0] ?? '').startsWith(label[0] ?? '') &&
    // Words, not acronyms: "HRA Rowing" is a sub-brand, not what "HRA" stands for.
    words.every((w) => (/^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w)) || SKIPPABLE_NAME_WORDS.has(w)) &&
    abbreviates(label, words.join(' '));
  const line = block.trim();
  if (spells(line.split(' '))) return line;
  const prefix = `${acronym}: `;
  if (line.startsWith(prefix) && spells(line.slice(prefix.length).split(' '))) return line.slice(prefix.length);
  const paren = line.indexOf(` (${acronym})`);
  if (paren < 0) return null;
  // The shortest run of words before "(HRA)" that spells it: "the Harbour Rowing Association (HRA)".
  const before = line.slice(0, paren).split(' ');
  for (let k = 2; k <= MAX_EXPANSION_WORDS && k <= before.length; k++) {
    const words = before.slice(-k);
    if (spells(words)) return words.join(' ');
  }
  return null;
}
const SKIPPABLE_NAME_WORDS = new Set([
  'of',
  'and',
  'for',
  'the',
  'in',
  'de',
  'la',
  'für',
  'und',
  'der',
  'des',
  'du',
  'di',
  'del',
  'et',
  'y',
]);

/**
 * On a blogging platform's host ("harbourwalks.wordpress.com") the label names the account, so a blog whose name
 * does not spell it fell back to the host: the blog prints its name as the page's first line (above its menu,
 * after a skip link), in any shape ("Notes, mostly…", "too long; didn't read"). A name that fits the host stays.
 */
function blogNameOnPlatform(blocks: string[], name: string | null, url: string | null): string | null {
  const host = pageHost(url);
  if (!host?.platform || (name !== null && name !== host.host)) return name;
  for (let i = 0; i < blocks.length && i < BLOG_NAME_LINES; i++) {
    const block = blocks[i] ?? '';
    if (isNavigationVocabulary(block) || isNavigationLine(block)) continue;
    const fits =
      block.length <= MAX_BLOG_NAME_CHARS &&
      wordCount(block) <= MAX_BLOG_NAME_WORDS &&
      /\p{L}/u.test(block) &&
      !/[.:|]$/u.test(block) &&
      parseDateLine(block) === null &&
      findDateLine(block) === null;
    return fits ? block : name;
  }
  return name;
}
const BLOG_NAME_LINES = 3;
const MAX_BLOG_NAME_CHARS = 60;
const MAX_BLOG_NAME_WORDS = 8;

/**
 * The publication date checked against a date in the page address: the address's day fills a missing date and
 * replaces an earlier one (a page is not published before the day it is filed under; a later date on the page
 * may be an update and stands). A page date outside the address's month whose day and month, swapped, fall in
 * it was read the wrong way round ("08/11/2026" under "/2026/11/").
 */
function checkDateAgainstAddress(layout: TextPageLayout, url: string | null): void {
  const filed = addressDate(url);
  if (!filed) return;
  const page = layout.publishedAt?.slice(0, 10) ?? null;
  if (filed.full) {
    if (page === null || page < filed.date) {
      layout.publishedAt = `${filed.date}T00:00:00.000Z`;
      layout.publishedDateOnly = true;
    }
    return;
  }
  if (page === null || page.startsWith(filed.date)) return;
  const [y, m, d] = page.split('-');
  const swapped = `${y}-${d}-${m}`;
  if (Number(d) <= 12 && swapped.startsWith(filed.date))
    layout.publishedAt = `${swapped}${layout.publishedAt?.slice(10) ?? ''}`;
}

/** A bare masthead line at the very top ("Tofugu", "IT Finanzmagazin"). */
function mastheadName(blocks: string[], shapes: BlockShape[], headStart: number): string | null {
  for (let i = 0; i < Math.min(1, headStart); i++) {
    const block = blocks[i] ?? '';
    if (!shapes[i]?.navigation && !isNavigationLine(block) && looksLikeMasthead(block) && wordCount(block) <= 4)
      return block;
  }
  return null;
}

/** A legal holder as the publication's name: without "by", years, legal form or a tagline after a separator. */
export function publicationName(name: string | null, maxChars = MAX_NAME_CHARS): string | null {
  if (!name) return null;
  let cleaned = name.split(/\t| [|•·–—-] | \/ /u)[0] ?? '';
  // Years first, so that "since 2010 by X" loses both words before the name.
  cleaned = normaliseSpaces(cleaned.replace(/\b(?:19|20)\d{2}\b/gu, ' '));
  for (let prefix = COPYRIGHT_WORD_RE.exec(cleaned); prefix; prefix = COPYRIGHT_WORD_RE.exec(cleaned))
    cleaned = cleaned.slice(prefix[0].length);
  cleaned = cleaned.replace(RIGHTS_WORDS_RE, '');
  cleaned = normaliseSpaces(cleaned);
  cleaned = beforeParentPhrase(withoutRegistration(cleaned)).replace(LEADING_LEGAL_FORM_RE, '');
  if (cleaned.toLowerCase().endsWith(' or its affiliated companies'))
    cleaned = cleaned.slice(0, -' or its affiliated companies'.length);
  cleaned = cleaned.replace(LEGAL_FORM_RE, '').replace(CAPITAL_LEGAL_FORM_RE, '');
  cleaned = withoutCompanyWord(cleaned);
  cleaned = onceIfDoubled(withoutFollowButton(cleanName(cleaned)));
  return cleaned && cleaned.length <= maxChars && /\p{L}/u.test(cleaned) ? cleaned : null;
}
const MAX_NAME_CHARS = 60;

/** "Harbour Wiki Harbour Wiki": a logo's text run into its own alternative text names the site once. */
function onceIfDoubled(name: string): string {
  const half = (name.length - 1) / 2;
  if (half < 2 || name.charAt(half) !== ' ') return name;
  const first = name.slice(0, half);
  return first === name.slice(half + 1) ? first : name;
}

/**
 * "Harbour Times, a Quayside Media company", "Diario del Puerto, una publicación de Grupo Costa", "Hafenblatt, ein
 * Unternehmen der Quayside Gruppe": the holder, then its parent after a comma; the name ends at the comma.
 */
function beforeParentPhrase(name: string): string {
  const lower = name.toLowerCase();
  // (Lower-casing that changes the length, as "İ" does, would shift the positions: such names are kept.)
  if (lower.length !== name.length) return name;
  for (let comma = lower.indexOf(', '); comma > 0; comma = lower.indexOf(', ', comma + 2)) {
    if (PARENT_PHRASE_HEADS.some((head) => lower.startsWith(head, comma + 2))) return name.slice(0, comma);
  }
  return name;
}
const PARENT_PHRASE_HEADS = [
  'a ',
  'an ',
  'part of ',
  'member of ',
  'division of ',
  'subsidiary of ',
  'ein ',
  'eine ',
  'teil der ',
  'un ',
  'une ',
  'filiale de',
  'una ',
  'parte de',
  'um ',
  'uma ',
];

/**
 * "Follow Harbour Times Followed": a follow button flattened with both its states around the name it follows.
 */
function withoutFollowButton(name: string): string {
  const words = name.split(' ');
  if (words.length < 3) return name;
  const first = words[0]?.toLowerCase() ?? '';
  const last = words.at(-1)?.toLowerCase() ?? '';
  return FOLLOW_WORDS.has(first) && FOLLOWED_WORDS.has(last) ? words.slice(1, -1).join(' ') : name;
}
const FOLLOW_WORDS = new Set(['follow', 'folgen', 'suivre', 'seguir', 'segui']);
const FOLLOWED_WORDS = new Set(['followed', 'following', 'gefolgt', 'abonniert', 'suivi', 'siguiendo', 'seguido']);

const COPYRIGHT_WORD_RE = /^(?:by:?|copyright|©|\(c\)|since|seit|desde|depuis)\s*/iu;
/** "SA LA NACION", "C.A. Últimas Noticias": a company form written before the name (Spanish, Portuguese, French usage). */
const LEADING_LEGAL_FORM_RE = /^(?:S\.A\.?|SA|C\.A\.|S\.L\.|SAS|S\.A\.S\.?|Ltda\.?) (?=\p{Lu})/u;
/** Labels of a company's tax or register number printed after its name ("RIF J-00037398-1", "CNPJ 12.345.678/0001-90"). */
const REGISTRATION_LABELS = new Set(['rif', 'rut', 'ruc', 'cif', 'nif', 'cnpj', 'vat', 'siren', 'siret', 'abn', 'uid']);

const DIGIT_RE = /\d/u;

/** The name without a trailing "<register label> <number>". */
function withoutRegistration(name: string): string {
  if (!DIGIT_RE.test(name)) return name;
  const words = name.split(' ');
  const label = words.at(-2)?.replace(/:$/u, '').toLowerCase() ?? '';
  return words.length >= 3 && REGISTRATION_LABELS.has(label) && /\d/u.test(words.at(-1) ?? '')
    ? words.slice(0, -2).join(' ')
    : name;
}
const RIGHTS_WORDS_RE =
  /\b(?:(?:algunos|todos los) derechos reservados|tous droits r[ée]serv[ée]s|todos os direitos reservados|alle rechte vorbehalten|all rights reserved)\b.*$/iu;
/**
 * "The New York Times Company" → "The New York Times": the word naming the holder a company is not part of the
 * publication's name, when at least two words of the name stay ("Fast Company" stays).
 */
function withoutCompanyWord(name: string): string {
  const words = name.split(' ');
  const last = words.at(-1)?.toLowerCase().replace(/\.$/u, '') ?? '';
  if (!COMPANY_WORDS.has(last)) return name;
  const rest = words.slice(0, -1).filter((w) => !ARTICLE_RE.test(w));
  return rest.length >= 2 ? words.slice(0, -1).join(' ') : name;
}
const COMPANY_WORDS = new Set(['company', 'corporation', 'corp', 'incorporated']);
const ARTICLE_RE = /^(?:the|die|der|das|la|le|les|el|los|il|o|a)$/iu;
const LEGAL_FORM_RE = /,? (?:gmbh(?: & co\.? kg)?|llc|inc\.?|ltd\.?|limited|ag|s\.a\.?|s\.l\.?|plc|co\.? kg|kg)$/iu;
/** Legal forms written in capitals without dots ("Le Quotidien du Jura SA"): matched by case, as "Sa" may be a word. */
const CAPITAL_LEGAL_FORM_RE = /,? (?:SA|SAS|SARL|SRL|SpA|S\.p\.A\.?|S\.r\.l\.?|BV|B\.V\.|NV|N\.V\.|AB|Oy|ASA)$/u;

/** The kind of a block outside the article (null: inside, or between headline and body and left to the cleaner). */
function outsideKind(
  i: number,
  headStart: number,
  start: number,
  end: number,
  shapes: BlockShape[],
): TextPageLineKind | null {
  if (i < headStart) return i === 0 && !shapes[i]?.navigation ? 'banner' : 'navigation';
  if (i < start) return shapes[i]?.prose ? null : 'boilerplate';
  if (i <= end) return null;
  return 'footer';
}

/**
 * The headline: the best headline-shaped line shortly before the body, scored by length (headlines have several
 * words), nearness to the body, a date or byline next to it, and the page repeating it (breadcrumb tail + h1);
 * credit, reading-time and label lines are not headlines. Dates, bylines and menu lines are skipped.
 */
function findHeadline(
  blocks: string[],
  shapes: BlockShape[],
  bodyStart: number,
  known: Map<number, TextPageLine>,
): number {
  let best = -1;
  let bestScore = -Infinity;
  // Word counts of the lines that qualified as headlines, by index.
  const candidateWords = new Map<number, number>();
  // Asked of each line several times (as a candidate and as the neighbour of others): read once.
  const metaLines = new Map<number, boolean>();
  const isMeta = (i: number): boolean => {
    const seen = metaLines.get(i);
    if (seen !== undefined) return seen;
    const block = blocks[i];
    const meta =
      block !== undefined &&
      (parseDateLine(block) !== null || findDateLine(block) !== null || parseBylineLine(block) !== null);
    metaLines.set(i, meta);
    return meta;
  };
  // A byline under the headline ("By Jane Doe, Staff Writer", "von Jana Beispiel"), short enough to be a line of its own.
  const isSignature = (i: number): boolean => {
    const block = blocks[i];
    return block !== undefined && block.length <= 120 && SIGNED_LINE_RE.test(block) && findBylineInLine(block) !== null;
  };
  // A headline that names a date ("Protokoll der Vorstandssitzung vom 10. Oktober 2019", "Results: Junior Cup,
  // 19.5.2007") next to the article's own date line: several words before the date, no byline or date label.
  const datedHeadline = (i: number): boolean => {
    const block = blocks[i] ?? '';
    if (block.length > MAX_HEADLINE_CHARS) return false;
    return (
      namesDateAfterWords(block) &&
      parseBylineLine(block) === null &&
      [i - 2, i - 1, i + 1, i + 2].some((j) => j >= 0 && isMeta(j) && !datedLineHasWords(j))
    );
  };
  const datedLineHasWords = (j: number): boolean => {
    const block = blocks[j] ?? '';
    const digit = block.search(DIGIT_RE);
    return digit > 0 && wordCount(block.slice(0, digit)) >= MIN_WORDS_BEFORE_DATE;
  };
  // A headline the prose window swallowed may have its date or byline line between it and the first paragraph.
  const headsMetaThenProse = (i: number): boolean => isMeta(i + 1) && shapes[i + 2]?.prose === true;
  // The window's first line, when a paragraph follows within a few lines (past a standfirst, a date, a counter).
  const proseSoonAfter = (i: number): boolean => {
    for (let j = i + 1; j <= i + PROSE_AFTER_HEADLINE_LINES; j++) if (shapes[j]?.prose) return true;
    return false;
  };
  // The breadcrumb often ends with the headline ("Home » Recipes » Olive & Herb Focaccia Bread").
  const crumbTails = new Set<string>();
  for (let i = Math.max(0, bodyStart - 3 * HEADLINE_LOOKBACK); i < bodyStart; i++) {
    const block = blocks[i] ?? '';
    if (block.length > 300 || !CRUMB_SEPARATOR_RE.test(block)) continue;
    const tail = block.split(CRUMB_SEPARATOR_RE).at(-1)?.trim();
    if (tail) crumbTails.add(tail.toLowerCase());
  }
  // A headline sits right above its byline or date line ("signed"): such a line is looked for further back, past
  // share bars, photos and captions that may stand between the article's header and its first paragraph.
  const signed = (i: number): boolean => isMeta(i + 1) || isSignature(i + 1) || isMeta(i + 2) || isSignature(i + 2);
  for (let i = bodyStart + 1; i >= 0 && i >= bodyStart - SIGNED_HEADLINE_LOOKBACK; i--) {
    const block = blocks[i] ?? '';
    const shape = shapes[i];
    if (!shape || shape.navigation || shape.articleEnd) continue;
    const far = i < bodyStart - HEADLINE_LOOKBACK;
    if (far && (shape.words < MIN_SIGNED_WORDS || shape.words > MAX_SIGNED_WORDS || !signed(i))) continue;
    // Inside the window only its first lines, and only when short and prose follows.
    if (
      i >= bodyStart &&
      // A headline closed by a dotted abbreviation reads as a sentence to the shapes.
      ((shape.prose && !endsWithDottedAbbreviation(block)) ||
        (shape.words > 20 && headlineBeforeSignature(block) === null) ||
        (!shapes[i + 1]?.prose && !headsMetaThenProse(i) && (i > bodyStart || !proseSoonAfter(i))) ||
        (i > bodyStart && shapes[bodyStart]?.prose))
    )
      continue;
    const kind = known.get(i)?.kind;
    if (kind && kind !== 'headline') continue;
    if (
      (isMeta(i) && !datedHeadline(i) && headlineBeforeSignature(block) === null) ||
      isSignature(i) ||
      !looksLikeHeadline(block) ||
      NOT_HEADLINE_RE.test(block) ||
      isCaption(block) ||
      isNavigationLine(block) ||
      hasLinkArrow(block) ||
      isCrumbTrail(block) ||
      isSectionBanner(block)
    )
      continue;
    const distance = Math.abs(bodyStart - 1 - i);
    // A headline run into its byline and date is as long as its head, and signed by the rest.
    const signedHead = headlineBeforeSignature(block);
    const words = signedHead === null ? shape.words : wordCount(signedHead);
    const isSigned = signedHead !== null || (words >= MIN_SIGNED_WORDS && words <= MAX_SIGNED_WORDS && signed(i));
    let score = Math.min(words, 12) - (isSigned ? SIGNED_DISTANCE_COST : 0.6) * distance - Math.max(0, words - 16);
    if (isSigned) score += SIGNED_BONUS;
    // A repeat counts when the line repeats alone (a headline in the crumbs or a teaser), not inside a repeated bar.
    if (shape.repeated && !shapes[i - 1]?.repeated && !shapes[i + 1]?.repeated) score += 3;
    if (crumbTails.has(block.toLowerCase())) score += 6;
    if (!isSigned && (isMeta(i - 1) || isMeta(i + 1) || isMeta(i + 2))) score += 3;
    if (kind === 'headline') score += 4;
    candidateWords.set(i, words);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // A standfirst under its headline reads as a sentence and is longer: the headline is the shorter line above it.
  // Under a third headline-shaped line (kicker, h1 or headline?) the stack is ambiguous and left as scored.
  const aboveWords = (candidateWords.get(best - 2) ?? 0) > 1 ? undefined : candidateWords.get(best - 1);
  const bestWords = candidateWords.get(best);
  if (
    aboveWords !== undefined &&
    bestWords !== undefined &&
    aboveWords >= MIN_HEADLINE_ABOVE_STANDFIRST_WORDS &&
    readsAsStandfirst(blocks[best] ?? '', bestWords, aboveWords)
  )
    best -= 1;
  return best;
}

/** A date line or a byline: the meta lines that sign a headline. */
function isSigningLine(block: string): boolean {
  return (
    parseDateLine(block) !== null ||
    findDateLine(block) !== null ||
    parseBylineLine(block) !== null ||
    (block.length <= MAX_SIGNING_LINE_CHARS && SIGNED_LINE_RE.test(block) && findBylineInLine(block) !== null)
  );
}
const MAX_SIGNING_LINE_CHARS = 120;

/** The line has a date line or a byline right under it, or one line further down past a short line (a standfirst). */
function signedLine(blocks: string[], shapes: BlockShape[], i: number): boolean {
  return isSigningLine(blocks[i + 1] ?? '') || (shapes[i + 1]?.prose === false && isSigningLine(blocks[i + 2] ?? ''));
}

/**
 * A prose window that opens on teasers or a site blurb ("Why is … — and what …", "Sign up for a free account …")
 * holds the article further down: its headline is the first headline-shaped line in the window's first lines that
 * is signed — a date line or byline under it (short meta lines between, "Harbour Times |") — and followed by two
 * paragraphs; or a line of two words or more between a date line and two paragraphs (a blog's day heading over its
 * post). A teaser has one excerpt at most under its date. -1 when there is none. Constant work per line.
 */
function signedHeadlineInSpan(
  blocks: string[],
  shapes: BlockShape[],
  span: ArticleSpan,
  known: Map<number, TextPageLine>,
): number {
  const last = Math.min(span.end - 2, span.start + INSIDE_SIGNED_REACH);
  const twoParagraphsAt = (j: number): boolean => shapes[j]?.prose === true && shapes[j + 1]?.prose === true;
  // Paragraphs already passed: past a few, the article has begun and a signed line is a teaser inside it ("Read
  // also" boxes with their byline and date).
  let paragraphs = 0;
  for (let i = span.start; i <= last && paragraphs <= MAX_PARAGRAPHS_BEFORE; i++) {
    const shape = shapes[i];
    const block = blocks[i] ?? '';
    if (shape?.prose) paragraphs += 1;
    if (!shape || shape.prose || shape.navigation || known.has(i) || shape.words > MAX_INSIDE_HEADLINE_WORDS) continue;
    if (shapes[i - 1]?.prose && i > span.start) continue;
    if (
      !looksLikeHeadline(block) ||
      NOT_HEADLINE_RE.test(block) ||
      isCaption(block) ||
      hasLinkArrow(block) ||
      isCrumbTrail(block) ||
      isNavigationLine(block) ||
      isSectionBanner(block) ||
      isSigningLine(block)
    )
      continue;
    // Dated above, the post under it.
    if (i > 0 && twoParagraphsAt(i + 1) && parseDateLine(blocks[i - 1] ?? '') !== null) return i;
    if (shape.words < MIN_SIGNED_WORDS) continue;
    // Signed under it: short meta lines, one of the first two a date line or byline, then two paragraphs.
    let signed = false;
    let j = i + 1;
    for (; j <= i + INSIDE_META_LINES && j <= span.end; j++) {
      if (shapes[j]?.prose) break;
      const signs = j <= i + 2 && isSigningLine(blocks[j] ?? '');
      // Another headline-length line between is the next teaser, not the header's meta.
      if (!signs && (shapes[j]?.words ?? 0) > MAX_INSIDE_META_WORDS) break;
      signed ||= signs;
    }
    // A standfirst may stand between the meta lines and the first paragraph.
    if (signed && (twoParagraphsAt(j) || ((shapes[j]?.words ?? 0) > HEADER_META_WORDS && twoParagraphsAt(j + 1))))
      return i;
  }
  return -1;
}
/** How far into the prose window its article's signed headline is looked for. */
const INSIDE_SIGNED_REACH = 25;
/** Meta lines between that headline and its first paragraph (byline, the site's name, date, reading time). */
const INSIDE_META_LINES = 4;
const MAX_INSIDE_META_WORDS = 6;
const MAX_PARAGRAPHS_BEFORE = 2;
const MAX_INSIDE_HEADLINE_WORDS = 24;

/**
 * A link's arrow: "Next post »", "« Older entries", "Home › News". Guillemets that quote inside the line ("« Il y
 * a… ». Sur …", "Er sagt »Nein« zum Plan") are no arrows: a » closing a « before it, a « opening a » after it.
 */
function hasLinkArrow(line: string): boolean {
  // A » closing the line is the arrow of "Next »" or "« Previous | Next »" (as often as it closes a quote).
  if (line.includes('›') || line.includes('>') || line.endsWith('»')) return true;
  const text = line.includes('»') && line.includes('«') ? line.replace(GERMAN_QUOTE_RE, '') : line;
  const open = text.indexOf('«');
  const close = text.lastIndexOf('»');
  return open < 0 ? close >= 0 : close < open;
}
/** German quotes with reversed guillemets: »Nein«. */
const GERMAN_QUOTE_RE = /»[^«»]*«/gu;

/**
 * The headline of a line that runs on into its byline and date ("U.S. tells American he cannot sue … by Jane Doe, The
 * Harbour Post, Posted: July 18, 2020- 4:01 PM"): the words before the marker, when they read as a headline of four
 * words or more without digits and the rest is a byline with a date; null for other lines.
 */
function headlineBeforeSignature(line: string): string | null {
  if (line.length > MAX_HEADLINE_CHARS) return null;
  const marker = GLUED_SIGNATURE_RE.exec(line);
  if (!marker) return null;
  const head = line.slice(0, marker.index).trim();
  const rest = line.slice(marker.index + 1);
  if (wordCount(head) < MIN_SIGNED_WORDS || DIGIT_RE.test(head) || !looksLikeHeadline(head)) return null;
  return findBylineInLine(rest) !== null && (parseDateLine(rest) !== null || findDateLine(rest) !== null) ? head : null;
}
/** A byline marker inside a line, before a capitalised name. */
const GLUED_SIGNATURE_RE = / (?:by|von|par|por) (?=\p{Lu})/u;
/**
 * The date of a page with no date near its headline when the page has one date line only, wherever it stands (a
 * chapter's stamp in the author's box under it, "Thursday, August 6, 2026 9:09:24 AM"): every line that is a date
 * (parseDateLine) names the same day. Pages with dated comments or teasers print several days and are left undated.
 */
function onlyDateLine(blocks: string[], context: DateTextContext): DateLine | null {
  let found: DateLine | null = null;
  for (const block of blocks) {
    if (block.length > MAX_ONLY_DATE_LINE_CHARS || !DIGIT_RE.test(block) || isEmbeddedPostLine(block)) continue;
    const line = parseDateLine(block, context);
    if (!line?.publishedAt) continue;
    if (found === null) found = line;
    else if (found.publishedAt?.slice(0, 10) !== line.publishedAt.slice(0, 10)) return null;
  }
  return found;
}
const MAX_ONLY_DATE_LINE_CHARS = 80;

/**
 * A line whose first digit comes after several words and that is no signature: a sentence or a headline that names
 * a date, not a date line ("Sitzung vom 5.8.2026 akzeptiert"; but "by oz on December 4, 2026" is one).
 */
function datedSentence(block: string): boolean {
  return namesDateAfterWords(block) && !SIGNED_LINE_RE.test(block);
}

/** Its first digit comes after several words, and it carries no published/updated label and no byline. */
function namesDateAfterWords(block: string): boolean {
  const digit = block.search(DIGIT_RE);
  return (
    digit > 0 &&
    wordCount(block.slice(0, digit)) >= MIN_WORDS_BEFORE_DATE &&
    !PUBLISHED_RE.test(block) &&
    !UPDATED_RE.test(block) &&
    findBylineInLine(block) === null
  );
}
/** A dated line with this many words before its first digit may be a headline that names a date. */
const MIN_WORDS_BEFORE_DATE = 4;
/** How far under a headline the window swallowed its first paragraph may be. */
const PROSE_AFTER_HEADLINE_LINES = 3;
/** A headline above a standfirst has at least this many words (shorter lines are kickers). */
const MIN_HEADLINE_ABOVE_STANDFIRST_WORDS = 4;
const MIN_STANDFIRST_WORDS = 12;

/**
 * A standfirst is a sentence longer than its headline: with a clause break (a comma, a dash) or a sentence end —
 * or, printed without them, clearly longer.
 */
function readsAsStandfirst(line: string, words: number, wordsAbove: number): boolean {
  return (
    words >= MIN_STANDFIRST_WORDS &&
    // Counted between spaces too: the shape's word count of a Chinese or Japanese line is no sentence length.
    line.split(' ').length >= MIN_STANDFIRST_WORDS &&
    wordsAbove < words &&
    (/[,;–—]\s|[.!?…]$/u.test(line) || wordsAbove <= words * UNPUNCTUATED_STANDFIRST_RATIO)
  );
}
const UNPUNCTUATED_STANDFIRST_RATIO = 0.8;

/**
 * A headline line with crumbs or a button label run into it ("Österreich Tirol Ischgl", "Share The 21 best movies
 * of 2017") when the page also prints the headline alone nearby: the line of two or more words it ends with, if
 * only a few words (not a "Kicker:" label) come before. (A one-word line is as often a menu entry: "Bootsdienst
 * Ausbildung".) Anywhere on the page (the crumbs under the article end with it), a line of five words or more.
 * A label run in after it goes the same way, for a line of four words or more nearby that the title starts with.
 */
function titleWithoutLead(blocks: string[], title: string, at: number, reach: number): string {
  let best = title;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] ?? '';
    // Further away (the crumbs' last entry under the article), only a line of several words.
    const near = i >= at - reach && i <= at + reach;
    if (block.length >= best.length || !title.endsWith(block) || wordCount(block) < (near ? 2 : MIN_FAR_TITLE_WORDS))
      continue;
    const lead = title.slice(0, title.length - block.length);
    if (!lead.endsWith(' ') || lead.trimEnd().endsWith(':') || wordCount(lead) > MAX_TITLE_LEAD_WORDS) continue;
    best = block;
  }
  // A button's label run in after the headline ("… nicht nachhaltig zum Vergrößern anklicken") when a line nearby,
  // a crumb's last entry maybe, prints the headline without it.
  for (let i = Math.max(0, at - reach); best === title && i < blocks.length && i <= at + reach; i++) {
    const block = stripLeadingMark(blocks[i] ?? '');
    if (block.length >= title.length || !title.startsWith(block) || title.charAt(block.length) !== ' ') continue;
    if (wordCount(block) < MIN_TITLE_BEFORE_TAIL_WORDS) continue;
    const tail = title.slice(block.length + 1);
    if (wordCount(tail) <= MAX_TITLE_TAIL_WORDS && !/[\p{N}:]/u.test(tail)) best = block;
  }
  return best;
}
const MIN_TITLE_BEFORE_TAIL_WORDS = 4;
const MAX_TITLE_TAIL_WORDS = 3;
const MAX_TITLE_LEAD_WORDS = 4;
const MIN_FAR_TITLE_WORDS = 5;

/**
 * "From Harbour Wiki", "From Wikipedia, the free encyclopedia", "Aus Wikipedia, der freien Enzyklopädie", "De
 * Wikipedia, la enciclopedia libre", "Da Wikipedia, l'enciclopedia libera.": the line a wiki prints under the title.
 */
const WIKI_FROM_RE = /^(?:From|Aus|De|Da) (\p{Lu}[\p{L} '’-]{0,40})(?:, [^.!?]{1,50})?\.?$/u;
const MAX_WIKI_FROM_CHARS = 100;
/** How far into the page the "From <Site>" line may be, and how long the title above it. */
const WIKI_SCAN_LINES = 40;
const MAX_WIKI_TITLE_WORDS = 12;

/**
 * A wiki names its page in the line above "From <Site>": the title may be one word and the table of contents
 * (headline-shaped lines) stands between it and the first paragraph, so the headline search misses it. The title
 * alone is replaced; dates and bylines stay read around the line the search found.
 */
function retitleWiki(layout: TextPageLayout, bodyStart: number): void {
  const { blocks, chrome } = layout;
  const index = wikiTitleIndex(blocks, bodyStart);
  if (index < 0 || blocks[index] === layout.title) return;
  for (const line of chrome) {
    if (line.kind === 'headline') line.kind = line.index === 0 ? 'banner' : 'navigation';
  }
  const titleLine = chrome.find((line) => line.index === index);
  // The header scan took a one-line title for the masthead.
  if (titleLine && layout.siteName !== null && nameKey(layout.siteName) === nameKey(titleLine.text))
    layout.siteName = null;
  if (titleLine) titleLine.kind = 'headline';
  else chrome.push({ index, kind: 'headline', text: blocks[index] ?? '' });
  const fromLine = chrome.find((line) => line.index === index + 1);
  if (fromLine) fromLine.kind = 'banner';
  else chrome.push({ index: index + 1, kind: 'banner', text: blocks[index + 1] ?? '' });
  layout.title = blocks[index] ?? null;
}

/** The index of the title above a wiki's "From <Site>" line before the body, or -1. */
function wikiTitleIndex(blocks: string[], bodyStart: number): number {
  for (let i = 1; i < blocks.length && i < bodyStart && i < WIKI_SCAN_LINES; i++) {
    if (!wikiSiteName(blocks[i] ?? '')) continue;
    // The wiki's tab row ("Article", "Talk", "Read", "Edit", "View history", "6 languages") may stand between.
    let at = i - 1;
    while (at > 0 && i - at <= MAX_WIKI_TABS && isWikiTab(blocks[at] ?? '')) at -= 1;
    const title = blocks[at] ?? '';
    const fits =
      title.length <= MAX_HEADLINE_CHARS &&
      wordCount(title) <= MAX_WIKI_TITLE_WORDS &&
      /\p{L}/u.test(title) &&
      !isNavigationVocabulary(title) &&
      !endsMenuRun(blocks, at) &&
      parseDateLine(title) === null &&
      findDateLine(title) === null;
    return fits ? at : -1;
  }
  return -1;
}
const MAX_HEADLINE_CHARS = 220;

/**
 * An entry of a wiki's tab row, in the languages the service reads ("Talk", "View history", "Quelltext bearbeiten",
 * "Voir l'historique"), or its count of language editions ("6 languages", "12 Sprachen").
 */
function isWikiTab(line: string): boolean {
  if (line.length > MAX_WIKI_TAB_CHARS) return false;
  const lower = line.toLowerCase();
  if (WIKI_TABS.has(lower)) return true;
  const space = lower.indexOf(' ');
  return space > 0 && DIGITS_ONLY_RE.test(lower.slice(0, space)) && WIKI_LANGUAGE_WORDS.has(lower.slice(space + 1));
}
const MAX_WIKI_TABS = 10;
const MAX_WIKI_TAB_CHARS = 30;
const DIGITS_ONLY_RE = /^\d{1,3}$/u;
const WIKI_TABS = new Set([
  ...['article', 'talk', 'read', 'edit', 'edit source', 'view source', 'view history', 'history', 'tools', 'more'],
  ...['artikel', 'diskussion', 'lesen', 'bearbeiten', 'quelltext bearbeiten', 'quelltext anzeigen'],
  ...['versionsgeschichte', 'werkzeuge', 'mehr'],
  ...['artículo', 'discusión', 'leer', 'editar', 'editar código', 'ver código', 'ver historial', 'herramientas'],
  ...['discussion', 'lire', 'modifier', 'modifier le code', 'voir le texte source', "voir l'historique"],
  ...['voir l’historique', 'outils', 'plus'],
  ...['artigo', 'discussão', 'ler', 'editar código-fonte', 'ver código-fonte', 'ver histórico', 'ferramentas'],
  ...['voce', 'discussione', 'leggi', 'modifica', 'modifica wikitesto', 'visualizza sorgente', 'cronologia'],
  ...['strumenti', 'altro'],
]);
const WIKI_LANGUAGE_WORDS = new Set(['languages', 'sprachen', 'idiomas', 'langues', 'lingue', 'línguas', 'lenguas']);

/** A short line under two other short ones is the last entry of a menu or tab row ("Edit", "View history", "Tools"). */
function endsMenuRun(blocks: string[], index: number): boolean {
  const short = (i: number): boolean => i >= 0 && wordCount(blocks[i] ?? '') <= MENU_ENTRY_WORDS;
  return short(index) && short(index - 1) && short(index - 2);
}
const MENU_ENTRY_WORDS = 2;

/** The site a "From <Site>" line names, or null for other lines. */
function wikiSiteName(line: string): string | null {
  if (line.length > MAX_WIKI_FROM_CHARS) return null;
  return WIKI_FROM_RE.exec(line)?.[1]?.trim() ?? null;
}

/** Separators of a breadcrumb trail ("Home » Recipes » Focaccia", "Home → News → …", "Start / Verband / …"). */
const CRUMB_SEPARATOR_RE = / [»›>/|→] /u;
/** The label of a breadcrumb trail, in the languages the service reads. */
const CRUMB_LABEL_RE =
  /^(?:you are here|sie sind hier|vous êtes ici|usted está aquí|está aquí|estás aquí|você está aqui|sei qui)\s?:/iu;

/**
 * A breadcrumb trail: labelled ("Sie sind hier: Start / Verband / <headline>") or with two arrows or slashes between
 * words. Its last crumb may be the headline; the trail itself is not.
 */
function isCrumbTrail(line: string): boolean {
  if (CRUMB_LABEL_RE.test(line)) return true;
  let separators = 0;
  for (let at = line.indexOf(' '); at >= 0 && separators < 2; at = line.indexOf(' ', at + 1))
    if ((line[at + 1] === '/' || line[at + 1] === '→') && line[at + 2] === ' ') separators += 1;
  return separators >= 2;
}

/** "<SITE> — World", "<Site> | Portada": a site name with a section after a separator. */
function isSectionBanner(line: string): boolean {
  const parts = line.split(/ [—–|-] /u);
  return parts.length === 2 && isNavigationVocabulary(parts[1] ?? '') && wordCount(parts[0] ?? '') <= 4;
}

/** Lines shaped like a headline that are credits, reading times, labels or author boxes. */
const NOT_HEADLINE_RE =
  /^(?:(?:foto|photo|bild|image|imagen|crédit|credit|quelle|source|fonte|symbolbild)s?\b|written by|geschrieben von|\d+\s*(?:min|minutes?|minuten)\b)|\b(?:min\.? (?:read|lesedauer|lesezeit|de lecture|lues|de lectura|de leitura|di lettura)|lesedauer|lesezeit|reading time|imago|getty images|dpa|picture alliance|shutterstock)\b|©/iu;

/**
 * A photo caption: a caption label ("Media caption …"), or a sentence closed by its credit — "(Image: Jane Doe)",
 * ". Source: Supplied", ". EFE" (a short all-capitals agency name).
 */
export function isCaption(line: string): boolean {
  if (CAPTION_LABEL_FIRST.includes(line.charAt(0)) && CAPTION_LABEL_RE.test(line)) return true;
  if (line.endsWith(')')) {
    const open = line.lastIndexOf('(');
    if (open > 0 && CREDIT_LABEL_RE.test(line.slice(open + 1))) return true;
  }
  const stop = line.lastIndexOf('. ');
  // A credit is a few words: a long last sentence is prose.
  if (stop < 0 || line.length - stop > MAX_CREDIT_TAIL_CHARS) return false;
  const tail = line.slice(stop + 2).trim();
  return (
    (CREDIT_LABEL_RE.test(tail) || AGENCY_RE.test(tail)) &&
    wordCount(tail) <= MAX_CREDIT_WORDS &&
    wordCount(line.slice(0, stop)) >= MIN_CAPTION_WORDS
  );
}
/**
 * A caption line in the body: a short text closed by its photo credit — a credit label and colon ("Photograph:",
 * "Foto:", "Quelle:") or a copyright sign, then at most six words to the end. Longer paragraphs are never captions.
 */
export function isCaptionWithCredit(line: string): boolean {
  if (line.length > MAX_CAPTION_CHARS) return false;
  if (isCaption(line) || FIGURE_LABEL_RE.test(line) || endsWithGluedCredit(line) || CC_LICENSE_END_RE.test(line))
    return true;
  // Every credit mark has a colon, the sign or "(c)": most lines have none of them.
  if (!line.includes(':') && !line.includes('©') && !line.includes('(c)') && !line.includes('(C)')) return false;
  let credit = -1;
  CREDIT_MARK_RE.lastIndex = 0;
  for (let m = CREDIT_MARK_RE.exec(line); m; m = CREDIT_MARK_RE.exec(line)) {
    // A label credit follows the caption's closing stop or opening parenthesis, or starts the line.
    const before = line.slice(0, m.index).trimEnd().at(-1);
    // "Jane Doe, photo: Harbour Archive": a photo label may also follow the comma after the name it shows.
    const afterName = before === ',' && PHOTO_LABEL_RE.test(m[0]);
    if (m[0].length > 3 && before !== undefined && !CREDIT_AFTER.includes(before) && !afterName) continue;
    credit = m.index + m[0].length;
  }
  if (credit < 0) return false;
  const tail = line.slice(credit).trim();
  return tail.length > 0 && tail.length <= MAX_CREDIT_CHARS && wordCount(tail) <= MAX_CREDIT_TAIL_WORDS;
}
const MAX_CAPTION_CHARS = 240;

/**
 * A caption with its credit run in, no space or label between ("… de la Cámara de DiputadosIgnacio Sánchez", "… mit
 * Wahlleiter Jan Muster.DCV / Muster"): a sentence of eight words or more, without digits (a reference list's) and
 * with lower-case words (a menu's are capitalised), then two to four capitalised words glued to its last word.
 */
function endsWithGluedCredit(line: string): boolean {
  if (CAPTION_END_CHARS.includes(line.at(-1) ?? '.')) return false;
  // The credit is a few words at the end: the glue is looked for in the line's last characters only.
  const from = Math.max(0, line.length - MAX_GLUED_CREDIT_CHARS);
  let glue = -1;
  GLUE_RE.lastIndex = from;
  for (let m = GLUE_RE.exec(line); m; m = GLUE_RE.exec(line)) glue = m.index + m[0].length;
  if (glue < 0) return false;
  const head = line.slice(0, glue);
  // The word the credit is glued to is a word ("Diputados"), not a brand's first part ("PlayStation", "GerES").
  if (glue - head.lastIndexOf(' ') - 1 < MIN_GLUED_WORD_CHARS) return false;
  const tail = line.slice(glue).split(' ');
  if (tail.length < 2 || tail.length > MAX_CREDIT_WORDS + 1 || !tail.every((t) => CREDIT_TOKEN_RE.test(t)))
    return false;
  const words = head.split(' ');
  return (
    words.length >= MIN_GLUED_CAPTION_WORDS &&
    !DIGIT_RE.test(head) &&
    words.filter((w) => LOWER_WORD_RE.test(w)).length >= MIN_LOWER_CAPTION_WORDS
  );
}
/** A picture's Creative Commons licence closing its caption ("… CC-BY-SA 2.0", "… (CC BY-NC-ND 2.0)"). */
const CC_LICENSE_END_RE = /\bCC[ -]?(?:BY|0)(?:[ -](?:SA|NC|ND)){0,3}(?: \d\.\d)?\)?$/u;
/** Two lower-case letters, maybe a stop, then a capital: where a credit is glued to a caption. */
const GLUE_RE = /\p{Ll}{2}\.?(?=\p{Lu})/gu;
const CAPTION_END_CHARS = '.!?"”»)…:';
const CREDIT_TOKEN_RE = /^(?:\p{Lu}[\p{L}'’.-]*|[/|&])$/u;
const LOWER_WORD_RE = /^\p{Ll}/u;
const MIN_GLUED_WORD_CHARS = 5;
const MAX_GLUED_CREDIT_CHARS = 80;
const MIN_GLUED_CAPTION_WORDS = 8;
const MIN_LOWER_CAPTION_WORDS = 2;
const PHOTO_LABEL_RE = /^(?:photograph|photo|picture|image|foto|bild|imagen|fotografía)s?\s?:/iu;
/** A numbered figure or table caption: "Abbildung 4: …", "Figure 2. …", "Tabla 1 – …". */
const FIGURE_LABEL_RE =
  /^(?:abbildung|abb\.|figure|fig\.|grafik|illustration|imagen|figura|ilustración|gráfico|grafico|tabelle|table|tableau|tabla|tabela|tabella) ?\d{1,3}[a-z]? ?[:.–-] /iu;
const CREDIT_AFTER = '.!?()';
const MAX_CREDIT_CHARS = 60;
const MAX_CREDIT_TAIL_WORDS = 6;
/** A credit mark: the sign, "(C)" (three characters at most), or a credit label with its colon. */
const CREDIT_MARK_RE =
  /©|\(c\)|\b(?:photograph|photo|picture|image|foto|bild|imagen|fotografía|quelle|source|fuente|fonte|crédit|credit|crédito)s?\s?:/giu;
/** The first letters of the caption labels: the label test runs only on lines starting with one. */
const CAPTION_LABEL_FIRST = 'MmIiPpVvBb';
const CAPTION_LABEL_RE = /^(?:media|image|photo|video) caption\b|^bildunterschrift\b/iu;
const CREDIT_LABEL_RE =
  /^(?:image|photo|picture|foto|bild|imagen|crédito|credito|credit|fuente|quelle|source|fonte|crédit)s?\s?:/iu;
/** "EFE", "AFP/DPA": capitals only; each repetition starts with a separator no capital matches. */
const AGENCY_RE = /^\p{Lu}{2,}(?:[ /]\p{Lu}{2,})*$/u;
const MIN_CAPTION_WORDS = 4;
const MAX_CREDIT_TAIL_CHARS = 64;
const MAX_CREDIT_WORDS = 3;

/**
 * A sentence saying when the article itself was posted, as blog footers print it ("This entry was posted on
 * Wednesday, May 6th, 2026 at 3:21 pm and is filed under …", "Dieser Artikel wurde am 14. Mai 2026 um 14:48 von
 * Jana geschrieben", "Cet article a été publié le 5 mai 2026"): the first date in its opening characters.
 */
function selfDatedLine(block: string): DateLine | null {
  if (!SELF_DATED_FIRST.includes(block.charAt(0)) || !SELF_DATED_RE.test(block)) return null;
  return findDateLine(block.slice(0, SELF_DATED_CHARS));
}
const SELF_DATED_CHARS = 140;
/** The first letters of the sentences below: the pattern runs only on lines starting with one. */
const SELF_DATED_FIRST = 'TtDdCcEeQq';
const SELF_DATED_RE =
  /^(?:this (?:entry|post|article|story) (?:was|has been)|(?:dieser|der|die) (?:beitrag|artikel|eintrag|text|meldung) (?:wurde|ist)|(?:cet|l['’]) ?article a été|ce billet a été|(?:este|el) (?:artículo|post) (?:fue|ha sido)|esta entrada fue|questo articolo è stato|este (?:artigo|post) foi)\b/iu;

/**
 * The signature of a social post embedded in the article ("— Jane Doe (@janedoe) May 5, 2026", "Ein Beitrag geteilt
 * von Jane Doe (@janedoe) am 21. Apr. 2026"): its date is the post's, not the article's.
 */
export function isEmbeddedPostLine(block: string): boolean {
  return block.length <= MAX_EMBED_LINE_CHARS && block.includes('(@') && EMBED_HANDLE_RE.test(block);
}
const MAX_EMBED_LINE_CHARS = 200;
const EMBED_HANDLE_RE = /\(@[\p{L}\p{N}_.]{1,30}\)/u;

/** The date before the first " - ", " – " or " | " of a paragraph's first characters. */
function leadDate(block: string): DateLine | null {
  const head = block.slice(0, LEAD_DATE_CHARS);
  const cut = head.search(LEAD_SEPARATOR_RE);
  return cut > 0 ? findDateLine(head.slice(0, cut)) : null;
}
const LEAD_DATE_CHARS = 60;
const LEAD_SEPARATOR_RE = / [-–—|] /u;

/** A short line carrying a date somewhere ("Jon Nitz am 24. Januar 2022 um 15:47", "14. Juni 2013 at 20:51 (Blog)"). */
function findDateLine(block: string): DateLine | null {
  if (block.length > 160) return null;
  const found = findDateInText(unglueDate(block));
  if (!found) return null;
  return { publishedAt: found.iso, updatedAt: null, dateOnly: true, byline: null };
}

/** The site name a banner line announces; '' for a banner without a usable name; undefined if not a banner. */
export function bannerName(line: string): string | undefined {
  const welcome = welcomeName(line);
  if (welcome) return cleanName(welcome.replace(/^the\s+/u, '')); // lower-case "the" is not part of the name
  const wrapped = pipeWrappedName(line);
  if (wrapped !== null && wordCount(wrapped) <= 6 && !parseLooseDate(wrapped)) return cleanName(wrapped);
  return undefined;
}

/** "Welcome to X!!" → "X" (the shortest non-empty text before a tail of spaces, "|", "!" and "."), else null. */
function welcomeName(line: string): string | null {
  const head = WELCOME_RE.exec(line);
  if (!head) return null;
  const rest = line.slice(head[0].length);
  // Only spaces after the greeting: one of them is the (empty) name, if there are two.
  if (!rest) return /[^\n\r\u2028\u2029]/u.test(head[1]!.slice(1)) ? ' ' : null;
  const name = rest.slice(0, Math.max(1, trimChars(rest, WELCOME_TAIL_CHARS, true, 'end').length));
  return LINE_TERMINATOR_RE.test(name) ? null : name;
}

/** "| Harbour Times |" → "Harbour Times": 2–60 characters without "|" between a leading "|" and an optional closing one. */
function pipeWrappedName(line: string): string | null {
  if (!line.startsWith('|')) return null;
  const inner = line.endsWith('|') && line.length > 1 ? line.slice(1, -1) : line.slice(1);
  const name = inner.trim();
  return inner.length >= 2 && name.length <= 60 && !inner.includes('|') ? name : null;
}

/**
 * innerText runs adjacent elements together: a year and the time after it ("4 de mayo de 202200:00 hs",
 * "19.2.202016:20"), a name and the date after it ("TANJA KARRASCH3.11.2023"). A space goes back between them.
 * Both patterns are fixed-length, so each position is tried in constant time.
 */
const YEAR_TIME_GLUE_RE = /((?:19|20)\d{2})(?=[0-2]?\d:[0-5]\d)/gu;
const LETTER_DATE_GLUE_RE = /(\p{L})(?=\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d))/gu;

/**
 * Every glue above has a letter right before a digit, or five digits in a row: one scan of the characters tells the
 * lines that need no replacing (most of them), which date reading tries many times per page.
 */
function mayBeGlued(line: string): boolean {
  let digits = 0;
  let afterLetter = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits += 1;
      if (afterLetter || digits >= 5) return true;
      afterLetter = false;
      continue;
    }
    digits = 0;
    // ASCII letters, and anything past Latin-1's symbols (letters of other scripts; a false hit only costs the replace).
    afterLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 192;
  }
  return false;
}

/** "Yahoo News Australia28 October 2020": a lower-case letter run into a day, a month name and a year. */
const LETTER_DAY_GLUE_RE = /(\p{Ll})(?=\d{1,2}\.? \p{L}{3,12}\.? (?:19|20)\d{2}(?!\d))/gu;

/**
 * Two dates run together, as a published and an updated stamp printed side by side ("10. Februar 20199. Februar
 * 2019", "19.11.202119.11.2021", "15/01/201614/01/2016"): a year, then a day starting the next date (a numeric one
 * with the same separator twice, or a month name and a year). A calendar badge's day run into its year ("Apr 042013"): a month word, a two-digit day, the year.
 */
const YEAR_DATE_GLUE_RE =
  /((?:19|20)\d{2})(?=\d{1,2}(?:([./-])\d{1,2}\2(?:19|20)\d{2}|\.\s?\p{L}{3,12}\.?\s(?:19|20)\d{2}))/gu;
const DAY_YEAR_GLUE_RE = /(\p{L}\.? \d{2})((?:19|20)\d{2})(?!\d)/gu;

export function unglueDate(line: string): string {
  if (!mayBeGlued(line)) return line;
  return line
    .replace(YEAR_TIME_GLUE_RE, '$1 ')
    .replace(LETTER_DATE_GLUE_RE, '$1 ')
    .replace(LETTER_DAY_GLUE_RE, '$1 ')
    .replace(YEAR_DATE_GLUE_RE, '$1 ')
    .replace(DAY_YEAR_GLUE_RE, '$1 $2');
}

export interface DateLine {
  publishedAt: string | null;
  updatedAt: string | null;
  dateOnly: boolean;
  byline: string | null;
}

/**
 * Reads a line that is only a date (optionally "Published:"/"Updated:" prefixed, optionally with a byline or
 * short labels in "|"-separated segments, e.g. "By Ana Ruiz | Feb. 4, 2026 10:31 AM EST | 3 min read").
 */
/**
 * Segments of a date line: " | ", " • ", " · ", dashes, a comma before an update stamp ("Publié le 5 mai 2026 à
 * 08h12, modifié le 5 mai 2026 à 10h30", "…, updated 10:30 BST"), and a byline marker before a name ("Posted on May
 * 5, 2026 by Jane Doe").
 */
const UPDATE_SEGMENT_SPLIT_RE =
  / [|•·–—] |, (?=(?:modifié|mis à jour|updated|last updated|actualizado|atualizado|aktualisiert|aggiornato) )| (?=(?:by|von|par|por) \p{Lu})/iu;

/**
 * A capitalised update label right after the published stamp, with no separator between ("Publicado em 05/05/2026
 * às 09h30 Atualizado em 05/05/2026 às 11h15", "May 5, 2026 5:30 p.m. CT Updated 8:12 a.m."): after a digit, a dot
 * or a time zone's capitals. Case-sensitive: "updated" inside a phrase is not a label.
 */
const UPDATE_LABEL_AFTER_STAMP_RE =
  /(?<=[\d.]|\b\p{Lu}{2,4}) (?=(?:Updated|Last updated|Modified|Modifié|Mis à jour|Actualizado|Atualizado|Aktualisiert|Zuletzt aktualisiert|Aggiornato)\b)/gu;

/** A clock only to tell whether a segment is a relative date when the caller gave none (its value is unused). */
const RELATIVE_PROBE_CLOCK = '2000-01-01T00:00:00Z';

export function parseDateLine(line: string, context: DateTextContext = {}): DateLine | null {
  if (line.length > 160) return null;
  // With spaces collapsed first, a separator is exactly " | " (a split on /\s+[|]\s+/ is retried along every space run).
  const segments = unglueDate(line)
    .replace(/\s+/gu, ' ')
    .replace(UPDATE_LABEL_AFTER_STAMP_RE, ' | ')
    .split(UPDATE_SEGMENT_SPLIT_RE)
    .map((s) => s.trim())
    .filter(Boolean);
  let publishedAt: string | null = null;
  let updatedAt: string | null = null;
  let dateOnly = false;
  let byline: string | null = null;
  let others = 0;
  let relative: LooseDate | null = null;
  for (const segment of segments) {
    const prefix = DATE_PREFIX_RE.exec(segment);
    const label = prefix?.[1]?.toLowerCase() ?? '';
    const text = prefix ? segment.slice(prefix[0].length) : segment;
    // A relative date ("il y a 3 heures") only counts when the line has no absolute one beside it.
    // A two-digit year ("Publié le 27 mars 20 à 9h21") is read only after a date label.
    const date =
      parseDateText(text, { language: context.language ?? null }) ?? (label ? parseShortYearDate(text) : null);
    if (!date) {
      // Without a clock a relative date is still a date segment ("Mis à jour il y a 3 heures"), just not read.
      const stamp = parseDateText(text, { ...context, now: context.now ?? RELATIVE_PROBE_CLOCK });
      if (stamp && context.now) relative ??= stamp;
      if (stamp) continue;
    }
    if (date) {
      const isUpdate = /updat|modif|actualiz|mis à jour|aktualis|aggiorn|atualiz/u.test(label);
      if (isUpdate) updatedAt ??= date.iso;
      else if (publishedAt === null) {
        publishedAt = date.iso;
        dateOnly = date.dateOnly;
      }
      continue;
    }
    const bylineMatch = parseBylineLine(segment);
    if (bylineMatch) {
      byline ??= bylineMatch;
      continue;
    }
    others += 1;
    if (wordCount(segment) > 5) return null;
  }
  if (publishedAt === null && updatedAt === null && relative) {
    publishedAt = relative.iso;
    dateOnly = relative.dateOnly;
  }
  if (publishedAt === null && updatedAt === null) return null;
  if (others > 2) return null;
  // An "Updated" stamp alone still dates the page.
  return { publishedAt: publishedAt ?? updatedAt, updatedAt, dateOnly, byline };
}

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Por María López" → the names; null otherwise. */
export function parseBylineLine(line: string): string | null {
  if (line.length > 120) return null;
  const match = BYLINE_RE.exec(line.trim());
  const names = match?.[1]?.trim();
  if (!names) return null;
  // A capital "Di" is a marker only before a whole name: "Di Mario Rossi", not the surname "Di Maio".
  return /^D[iI]\s/u.test(match![0]) && !names.includes(' ') ? null : names;
}

/** Where a byline's names start inside a line: "… von ", "Par ", "Written by: ", "Autor: ". */
const BYLINE_MARKER_RE =
  /(?:^|[\s(|•·,–—-])(?:by|von|par|por|written by|words written by|verfasst von|geschrieben von|autor(?:in)?|author|texto?|escrito por|publicado por|publié par|scritto da|a cura di)\s*:?\s/giu;
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'del',
  'la',
  'le',
  'di',
  'du',
  'bin',
  'al',
  'v.',
]);
const NAME_JOINERS = new Set(['and', 'und', 'et', 'y', 'e', '&', 'i']);
/** Words that end a name run: dates and labels after the byline ("am", "le", "Lesezeit"). */
const NAME_TOKEN_RE = /^\p{Lu}[\p{L}'’.-]*,?$/u;

/**
 * A byline inside a short line: the names after a marker ("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.",
 * "por Raúl Espina 4 mayo, 2022", "By Jane Doe, Political Editor", "Par A et B"), several authors joined by
 * and/und/et/y/e/&/commas. Null when no marker is followed by a capitalised name.
 */
export function findBylineInLine(line: string): string | null {
  if (line.length > 200) return null;
  const full = parseBylineLine(line);
  if (full) return withoutTrailingRole(stripRole(full));
  BYLINE_MARKER_RE.lastIndex = 0;
  for (let m = BYLINE_MARKER_RE.exec(line); m; m = BYLINE_MARKER_RE.exec(line)) {
    const tokens = line
      .slice(m.index + m[0].length)
      .replace(/\s+/gu, ' ')
      .trim()
      .split(' ');
    const names = readNames(tokens, m.index === 0 || /^\W/u.test(m[0]));
    // Inside a line, "… made by Indigenous Peoples Key to …": names that run on into a sentence were a phrase, and so
    // were names that end the line's sentence ("… die Opposition spricht von Chaos.").
    if (names && (m.index === 0 || (namesEndSignature(tokens, names) && !endsSentenceAt(line, m.index, tokens, names))))
      return names;
  }
  return null;
}

/**
 * The names read after the marker at `markerAt` are the line's last words and close a sentence with its stop, and
 * they are one word or a lower-case word runs into the marker ("… spricht von Chaos.", "… was approved by Council
 * Members."): a sentence, not a signature ("Posted by Jane Doe.").
 */
function endsSentenceAt(line: string, markerAt: number, tokens: string[], names: string): boolean {
  const count = names.split(' ').length;
  if (count !== tokens.length || !/[.!?]$/u.test(tokens[count - 1] ?? '')) return false;
  const before = line.slice(0, markerAt).trimEnd().split(' ').at(-1) ?? '';
  return count === 1 || /^\p{Ll}/u.test(before);
}

/**
 * The names read from `tokens` end a signature: nothing follows them, or a comma closed them, or what follows is a
 * separator, a date or time word, a digit or a label ("Lesezeit:").
 */
function namesEndSignature(tokens: string[], names: string): boolean {
  const count = names.split(' ').length;
  const next = tokens[count];
  return (
    next === undefined ||
    Boolean(tokens[count - 1]?.endsWith(',')) ||
    SIGNATURE_FOLLOW_RE.test(next) ||
    next.endsWith(':')
  );
}

/**
 * A signature line: it starts with a byline marker or an author label ("Von Jana Beispiel", "Text: Jana Beispiel /
 * Harbour Times", "Posted by Jane Doe at 18:52", "Auteur : Jeanne Dupont", "Eingestellt von Jana um 10:52"), and the
 * names end the line or are followed by a separator, a date or time word, or a comma — never by more of a sentence
 * ("Von Anfang an war klar …").
 */
export function signatureName(line: string): string | null {
  if (line.length > MAX_SIGNATURE_CHARS) return null;
  const marker = SIGNATURE_MARKER_RE.exec(line);
  if (!marker) return null;
  const tokens = line
    .slice(marker[0].length)
    .replace(/([|•·])/gu, ' $1 ')
    .replace(/\s+/gu, ' ')
    .trim()
    .split(' ');
  const names = readNames(tokens, true);
  return names && namesEndSignature(tokens, names) ? names : null;
}
const MAX_SIGNATURE_CHARS = 160;
const SIGNATURE_MARKER_RE =
  /^(?:(?:written|posted|words|published|reported|story|photos?) by|by|von|par|por|geschrieben von|verfasst von|eingestellt von|gepostet von|veröffentlicht von|escrito por|publicado por|publié par|écrit par|scritto da|pubblicato da|a cura di|autor(?:in)?|author|auteure?|texte?|texto|testo)\s?:?\s/iu;
/**
 * What may follow the names of a signature: a separator, a date or time word, a digit, a parenthesis, a handle
 * ("@jane"), the section it is filed in ("von Jana in Kultur").
 */
const SIGNATURE_FOLLOW_RE = /^(?:[|•·/\-–—(]|am|um|at|on|le|el|em|il|in|en)$|^[\d@]/iu;

/** Capitalised name tokens (with particles and joiners between names); a lone lower-case handle after a leading marker. */
function readNames(tokens: string[], leading: boolean): string | null {
  const taken: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token) continue;
    const lower = token.toLowerCase();
    if (NAME_TOKEN_RE.test(token) && !/\d/u.test(token)) {
      taken.push(token);
      // After a comma: another author ("Jane Doe, John Roe and Ann Poe"), not a role or an outlet ("Jane Doe, CNN").
      if (token.endsWith(',') && !nextAuthorAt(tokens, i + 1)) break;
      continue;
    }
    if (taken.length && (NAME_JOINERS.has(lower) || NAME_PARTICLES.has(lower))) {
      taken.push(token);
      continue;
    }
    // "Peter Mwale in Lusaka and Anna Kowalski": where the first author filed from, then the next author.
    if (taken.length && FILED_FROM.has(lower) && placeThenAuthor(tokens, i + 1)) {
      i += 1;
      continue;
    }
    if (!taken.length && leading && /^[\p{Ll}\p{N}_.-]{3,30}$/u.test(token) && tokens.length === 1) taken.push(token);
    break;
  }
  while (
    taken.length &&
    (NAME_JOINERS.has(taken.at(-1)!.toLowerCase()) || NAME_PARTICLES.has(taken.at(-1)!.toLowerCase()))
  )
    taken.pop();
  const names = taken.join(' ').replace(/,$/u, '');
  return names && taken.length <= MAX_BYLINE_NAME_WORDS ? names : null;
}

/** "in Lusaka", "à Genève", "en Madrid", "aus Berlin", "em Lisboa": the place an author files from. */
const FILED_FROM = new Set(['in', 'à', 'en', 'aus', 'em', 'a']);

/**
 * A one-word place at `start` (no comma after it), then a joiner and an author of two or more words (a section,
 * "von Jana in Kultur und Gesellschaft", names one).
 */
function placeThenAuthor(tokens: string[], start: number): boolean {
  const place = tokens[start];
  return (
    place !== undefined &&
    /^\p{Lu}[\p{L}'’-]*$/u.test(place) &&
    NAME_JOINERS.has(tokens[start + 1]?.toLowerCase() ?? '') &&
    nextAuthorAt(tokens, start + 2)
  );
}

/** Several authors of three words each, joined. */
const MAX_BYLINE_NAME_WORDS = 16;

/** Two or more capitalised words from `start` to the next comma or joiner, none of them a role. */
function nextAuthorAt(tokens: string[], start: number): boolean {
  let words = 0;
  for (let i = start; i < tokens.length && i < start + MAX_AUTHOR_WORDS; i++) {
    const token = tokens[i]!;
    const bare = token.replace(/,$/u, '');
    if (NAME_JOINERS.has(bare.toLowerCase())) break;
    if (!NAME_TOKEN_RE.test(bare) || /\d/u.test(bare) || ROLE_WORD_RE.test(bare)) return false;
    words += 1;
    if (token.endsWith(',')) break;
  }
  return words >= 2;
}
const MAX_AUTHOR_WORDS = 4;

/**
 * A byline split over two lines by the page's markup: a line ending with the marker or made of an author label
 * ("Tipps von", "Disko Von", "By", "Auteur"), then the name alone on the next line.
 */
export function nameAfterMarkerLine(line: string, next: string, ...more: string[]): string | null {
  if (
    line.length > MAX_MARKER_LINE_CHARS ||
    wordCount(line) > MAX_MARKER_LINE_WORDS ||
    !(MARKER_LINE_END_RE.test(line) || AUTHOR_LABEL_RE.test(line))
  )
    return null;
  const first = wholeNameLine(next);
  if (!first) return null;
  // More authors, each on its own line after a joiner line ("By" / "Jane Doe" / "and" / "John Roe").
  const names = [first];
  for (let i = 0; i + 1 < more.length && NAME_JOINERS.has((more[i] ?? '').toLowerCase()); i += 2) {
    const name = wholeNameLine(more[i + 1] ?? '');
    if (!name) break;
    names.push(name);
  }
  return names.join(' and ');
}

/** A line that is wholly a name of two or three words, a role after it dropped ("Zum Profil von jane" is not). */
function wholeNameLine(line: string): string | null {
  const name = withoutTrailingRole(line);
  return name.includes(' ') && bareNameLine(name) === name ? name : null;
}

/** "Jane DoeStaff Writer", "Jane Doe Reporter" → "Jane Doe": a role after the name, run into it or not, is dropped. */
function withoutTrailingRole(names: string): string {
  const words = names.replace(GLUED_ROLE_RE, '$1 $2').split(' ');
  while (words.length > 2 && (ROLE_WORD_RE.test(words.at(-1)!) || ROLE_QUALIFIERS.has(words.at(-1)!.toLowerCase())))
    words.pop();
  return words.join(' ');
}
const MAX_MARKER_LINE_CHARS = 40;
/** Lines read after a split byline's first name: joiner and name, for two more authors. */
const SPLIT_BYLINE_MORE_LINES = 4;
/** "Ein Beitrag von": a label of a few words, not a sentence ending with the word. */
const MAX_MARKER_LINE_WORDS = 3;
const GLUED_ROLE_RE =
  /(\p{Ll})((?:Senior |Chief |Staff )?(?:Reporter|Editor|Correspondent|Writer|Redakteur|Redakteurin|Journalist|Journalistin))$/u;
const ROLE_QUALIFIERS = new Set(['senior', 'chief', 'staff', 'political', 'deputy']);
/** A short line whose last word is a byline marker. */
const MARKER_LINE_END_RE = /(?:^|\s)(?:by|von|par|por|di)\s?:?$/iu;

/** One-word lines of the page (menu entries, section labels), looked up case-blind; built on first use. */
function menuEntryTest(blocks: string[]): (word: string) => boolean {
  let entries: Set<string> | null = null;
  return (word) => {
    entries ??= new Set(
      blocks.filter((b) => b.length <= MAX_MENU_ENTRY_CHARS && !b.includes(' ')).map((b) => b.toLowerCase()),
    );
    return entries.has(word.toLowerCase());
  };
}
const MAX_MENU_ENTRY_CHARS = 30;

/** Words naming a journalist's role ("Political Editor", "Redakteurin", "Staff Writer"). */
const ROLE_WORD_RE =
  /\b(?:editor|correspondent|reporter|redakteur|redakteurin|rédacteur|journaliste|periodista|corresponsal|jornalista|giornalista|writer|editorin|chefredakteur|chefredakteurin|redaktion|rédaction|redacción|redação|redazione)\b/iu;

/** "Jane Doe, Political Editor" → "Jane Doe": a role after the names is not part of them. */
function stripRole(byline: string): string {
  const [names = byline, role] = byline.split(/,\s*/u, 2);
  return role !== undefined && (/^\p{Ll}/u.test(role) || ROLE_WORD_RE.test(role)) ? names : byline;
}

/** An author box after the article: a label line ("Autor", "About the author") then the name, or "Über <Name>". */
function authorBoxName(blocks: string[], end: number): string | null {
  for (let i = end + 1; i < blocks.length && i <= end + AUTHOR_BOX_REACH; i++) {
    const block = blocks[i] ?? '';
    if (AUTHOR_LABEL_RE.test(block)) {
      const name = bareNameLine(blocks[i + 1] ?? '');
      if (name) return name;
    }
    const about = AUTHOR_ABOUT_RE.exec(block);
    if (about && block.length <= 60) {
      const name = bareNameLine(block.slice(about[0].length));
      if (name) return name;
    }
  }
  return null;
}

const AUTHOR_BOX_REACH = 30;
const AUTHOR_LABEL_RE =
  /^(?:autor(?:in)?|author|about the author|über den autor(?:in)?|zum autor|(?:l['’])?auteure?|el autor|sobre el autor|o autor|sobre o autor|(?:l['’])?autore|text|texte|texto|testo)\s*:?$/iu;
const AUTHOR_ABOUT_RE =
  /^(?:über|about|à propos de|sobre|mehr von|more from|plus par|zeige alle beiträge von|alle beiträge von|all posts by|view all posts by) /iu;

/** A bare author line under a headline: two or three capitalised words, optionally a short role ("Richard Adams Education editor"). */
export function bareNameLine(line: string): string | null {
  if (line.length > 60 || /[\d.!?:;|©@]/u.test(line)) return null;
  if (namesSeveralAuthors(line)) return line;
  const tokens = line.split(' ');
  if (tokens.length < 2 || tokens.length > 5) return null;
  const names = tokens.slice(0, 3).filter((t) => NAME_TOKEN_RE.test(t));
  if (names.length < 2 || !NAME_TOKEN_RE.test(tokens[0]!) || !NAME_TOKEN_RE.test(tokens[1]!)) return null;
  return tokens.length <= 3 && names.length === tokens.length ? line : `${tokens[0]} ${tokens[1]}`;
}

/**
 * Two or more names of two or three capitalised words, joined by "and" (or its en/es/fr/de/pt/it forms) and commas:
 * "Sarah Connor and Tom Baker", "Ana Ruiz, Luis Gil y Eva Sanz".
 */
function namesSeveralAuthors(line: string): boolean {
  const parts = line.split(AUTHOR_JOINER_RE);
  return (
    parts.length >= 2 &&
    parts.every((part) => {
      const tokens = part.split(' ');
      return tokens.length >= 2 && tokens.length <= 3 && tokens.every((t) => NAME_TOKEN_RE.test(t) && !t.endsWith(','));
    })
  );
}
const AUTHOR_JOINER_RE = /, | (?:and|und|y|et|e|&) /u;

function isNavigationLine(line: string): boolean {
  if (
    NAV_WORDS_RE.test(line) ||
    (line.length <= MAX_PROMPT_CHARS && (SITE_PROMPT_RE.test(line) || AD_LABEL_RE.test(line)))
  )
    return true;
  const segments = line
    .split(NAV_SEPARATOR_RE)
    .map((s) => s.trim())
    .filter(Boolean);
  const separators = line.match(/\s(?:\||›|»|>|•|·|\/)\s|^\||\|$/gu)?.length ?? 0;
  return separators >= 2 && segments.length >= 2 && segments.every((s) => wordCount(s) <= 4);
}

/** A headline: one short line, starts with a capital/digit/quote, not a finished prose sentence. */
export function looksLikeHeadline(line: string): boolean {
  const words = Math.max(wordCount(line), /^\p{Lo}/u.test(line) ? Math.ceil(line.length / 4) : 0);
  if (words < 2 || words > 30 || line.length > 220) return false;
  if (!/^[\p{Lu}\p{Lo}\p{N}"“‘'¿¡„«【[]/u.test(line)) return false;
  if (/[:;,]$/u.test(line)) return false;
  // Prose paragraphs end with a full stop; headlines rarely do (and never carry two sentences). A stop that closes
  // a dotted abbreviation ("… Underneath N.Y.C.", "… in den U.S.A.") ends no sentence, in a line that has no other.
  if (/\.["”’]?$/u.test(line) && !/\.\.\.$|…$/u.test(line) && !endsWithDottedAbbreviation(line)) return false;
  return true;
}

/** The line's last word is a dotted abbreviation of two or more letters ("N.Y.C.", "U.S.") and no sentence ends before it. */
function endsWithDottedAbbreviation(line: string): boolean {
  const space = line.lastIndexOf(' ');
  return (
    space > 0 && DOTTED_ABBREVIATION_RE.test(line.slice(space + 1)) && !SENTENCE_STOP_RE.test(line.slice(0, space))
  );
}
const DOTTED_ABBREVIATION_RE = /^(?:\p{Lu}\.){2,4}$/u;
/** A sentence end inside a line: a stop after a word of two or more letters, then a space. */
const SENTENCE_STOP_RE = /\p{L}{2}[.!?] /u;

/** A bare masthead: a few capitalised words, no sentence punctuation. */
function looksLikeMasthead(line: string): boolean {
  const words = line.split(/\s+/u);
  return (
    words.length <= 5 &&
    /^[\p{L}\p{N} &'’.-]+$/u.test(line) &&
    words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:the|of|and|de|la|el|le|du|der|die|das)$/iu.test(w))
  );
}

/** The holder named by a copyright/"All rights reserved" line: name, '' when none, undefined when not such a line. */
export function copyrightHolder(line: string): string | undefined {
  if (line.length > 200) return undefined;
  const isCopyright = /^(?:©|\(c\)|copyright\b)/iu.test(line);
  const hasRights = RIGHTS_RE.test(line);
  const sign = isCopyright ? -1 : line.indexOf('©');
  // "Kontakt Impressum Sitemap © 2026 Harbour Times": the footer's links, then its copyright line; "Part of the
  // Harbour Network. © 2026 Quayside Media Ltd.": a sentence, then the copyright line.
  if (sign > 0 && (onlyLegalLinks(line.slice(0, sign)) || SENTENCE_END_RE.test(line.slice(0, sign))))
    return copyrightHolder(line.slice(sign));
  if (!isCopyright && !hasRights) return nameBeforeSign(line) ?? undefined;
  if (!isCopyright) {
    const [before = '', after = ''] = line.split(RIGHTS_RE);
    const name = cleanName(before.replace(/^\d{4}\s*/, ''));
    // "All rights reserved. Harbour Times ©2026": the holder after the phrase.
    // "Todos los derechos reservados © 2026 Diario del Puerto": the copyright line after the phrase.
    const rest = cleanName(after);
    if (!name && COPYRIGHT_MARK_RE.test(rest)) return copyrightHolder(rest);
    return name || (nameBeforeSign(rest) ?? name);
  }
  const head = COPYRIGHT_HEAD_RE.exec(line);
  const rest = line.slice(head?.[0].length ?? 0);
  const rights = RIGHTS_TAIL_RE.exec(rest);
  // The holder ends before: spaces, one of ". , | -", spaces, then the rights phrase or a final ".".
  let holder = (rights ? rest.slice(0, rights.index) : rest.replace(/\.$/u, '')).trimEnd();
  if ('.,|-'.includes(holder.at(-1) ?? '_')) holder = holder.slice(0, -1).trimEnd();
  holder = beforeLegalLinks(beforeTagline(holder));
  return LINE_TERMINATOR_RE.test(holder) ? '' : cleanName(holder);
}

/**
 * "Harbour Rowing ClubImpressumDatenschutz": a footer flattened without spaces glues its legal links to the
 * holder; the holder ends where a lower-case letter runs into a legal link's word.
 */
function beforeLegalLinks(holder: string): string {
  const glued = GLUED_LEGAL_LINK_RE.exec(holder);
  return beforeSpacedLegalLinks(glued ? holder.slice(0, glued.index + 1) : holder);
}

/**
 * "Harbour Times, LLC Terms of Use/Privacy Policy", "HAFEN Kontakt Datenschutz Impressum": the footer's links run
 * into the holder with spaces; the holder ends before a legal link's word followed by another link word (or by
 * nothing), one word at least staying.
 */
function beforeSpacedLegalLinks(holder: string): string {
  const words = holder.split(' ');
  for (let k = 1; k < words.length; k++) {
    if (!LEGAL_LINK_HEADS.has(words[k]?.toLowerCase() ?? '')) continue;
    const next = words[k + 1]?.toLowerCase().split('/')[0];
    if (next === undefined || LEGAL_LINK_WORDS.has(next) || LEGAL_LINK_HEADS.has(next))
      return words.slice(0, k).join(' ');
  }
  return holder;
}
/** Words a footer's legal or contact link starts with. */
const LEGAL_LINK_HEADS = new Set(
  'impressum|imprint|datenschutz|datenschutzerklärung|kontakt|contact|privacy|terms|sitemap|agb|nutzungsbedingungen|disclaimer|cookies|mentions|aviso|contacto|contato'.split(
    '|',
  ),
);
const GLUED_LEGAL_LINK_RE =
  /\p{Ll}(?=Impressum|Imprint|Privacy|Datenschutz|Kontakt|Contact|Terms|Sitemap|Cookie|AGB|Disclaimer|Nutzungsbedingungen|Mentions|Aviso|Legal)/u;

const COPYRIGHT_MARK_RE = /^(?:©|\(c\)|copyright\b)/iu;
const SENTENCE_END_RE = /\p{L}{2}[.!?]\s+$/u;

/** Words of a footer's legal and service links only ("KONTAKT DATENSCHUTZ IMPRESSUM", "Privacy Policy | Terms of Use"). */
function onlyLegalLinks(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s|•·,/]+/u)
    .filter(Boolean);
  return words.length > 0 && words.length <= MAX_LEGAL_LINK_WORDS && words.every((word) => LEGAL_LINK_WORDS.has(word));
}
const MAX_LEGAL_LINK_WORDS = 20;
const LEGAL_LINK_WORDS = new Set(
  'impressum|imprint|datenschutz|datenschutzerklärung|kontakt|contact|us|about|privacy|policy|terms|of|use|service|conditions|cookies|cookie|sitemap|agb|agbs|nutzungsbedingungen|mediadaten|disclaimer|advertise|careers|jobs|legal|notice|mentions|légales|aviso|política|de|privacidad|contacto|help|faq|newsletter|home|startseite|accessibility|barrierefreiheit|&|and|und'.split(
    '|',
  ),
);

/**
 * "Harbour Times. Frisch gedruckt, nach Hause geliefert": the holder ends at the first full stop followed by a
 * sentence of several words (a tagline or a notice), not at an abbreviation's stop ("Harbour Times Co. Ltd").
 */
function beforeTagline(holder: string): string {
  for (let stop = holder.indexOf('. '); stop > 0; stop = holder.indexOf('. ', stop + 2)) {
    const after = holder.slice(stop + 2);
    if (/^\p{Lu}/u.test(after) && wordCount(after) >= MIN_TAGLINE_WORDS) return holder.slice(0, stop);
  }
  return holder;
}
const MIN_TAGLINE_WORDS = 4;

/** "Harbour Times® © 2026", "Harbour Times ©2014-2026": a name, then the sign and at most a year (range) to the end. */
function nameBeforeSign(line: string): string | null {
  const sign = line.indexOf('©');
  if (sign < 1) return null;
  let after = line.slice(sign + 1).trim();
  // "Harbour Times © 2026 | Impressum | Datenschutz": the footer's links after the year.
  const links = after.search(/\s[|•·]\s/u);
  if (links > 0 && onlyLegalLinks(after.slice(links))) after = after.slice(0, links);
  // "Harbourtimes.com © 2026 Quayside Media Group": the site's name, then its owner's copyright.
  if (after && !SIGN_TAIL_RE.test(after) && !ownerAfterSign(after)) return null;
  const name = cleanName(line.slice(0, sign).replace(TRADEMARK_RE, ''));
  return name && wordCount(name) <= 6 ? name : null;
}
/** A year, then a company's name ("2026 Quayside Media Group", "2026 Harbour Productions, Inc."). */
function ownerAfterSign(after: string): boolean {
  const year = OWNER_YEAR_RE.exec(after);
  return year !== null && isCompanyName(after.slice(year[0].length)) && wordCount(after) <= MAX_OWNER_WORDS;
}
const OWNER_YEAR_RE = /^\d{4}(?:\s?[-–]\s?\d{4})?\s/u;
const MAX_OWNER_WORDS = 8;
const SIGN_TAIL_RE = /^\d{4}(?:\s?[-–]\s?\d{4})?\.?$/u;
const TRADEMARK_RE = /[®™]/gu;

function cleanName(name: string): string {
  return trimChars(trimChars(normaliseSpaces(name), '|.,:;!-–—·•', true, 'end'), '|.,:;-–—·•');
}

function nameKey(text: string): string {
  return normaliseSpaces(text)
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[|.,:;!]/gu, '')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
