import { extractHtmlMainText } from './html-extract';
import type { RelatedLink, RemovedKind, RemovedSpan } from '@wirestream/contracts';
import {
  analyzeTextPageLayout,
  bannerName,
  decodeTextLayout,
  copyrightHolder,
  normaliseSpaces,
  parseBylineLine,
  parseDateLine,
  type DomDocument,
  type TextPageLayout,
} from '@wirestream/formats';

export interface CleanedBody {
  paragraphs: string[];
  removed: RemovedSpan[];
  relatedLinks: RelatedLink[];
}

export interface CleanOptions {
  title: string | null;
  siteName: string | null;
}

export interface TextPageCleanOptions extends CleanOptions {
  url?: string | null;
  /** The article's byline, when the parser read it: a bio at the end of the body opening with its name is chrome. */
  byline?: string | null;
  /**
   * The parser's reading of the page (`ParsedItem.textLayout`), with the date it read: the page is cleaned from it
   * instead of being read again. Ignored when it does not fit the page.
   */
  layoutHint?: string | null;
  publishedAt?: string | null;
}

/** Chrome lines are short; a long paragraph that merely mentions "cookies" or "newsletter" is news. */
const MAX_CHROME_WORDS = 25;
/**
 * Chrome lines are also short in characters: a 60-word cookie notice is well under this; a longer block is text.
 * Bounds what the line patterns (and the formats helpers they call) ever see, whatever a block's word count.
 */
const MAX_CHROME_LINE_CHARS = 1000;
/** A site banner ("Welcome to …", "| Name |") is a name, not a paragraph. */
const MAX_BANNER_CHARS = 200;

const RELATED_LINK_RE =
  /^(?:read more|read also|also read|related|related stories|related article|see also|more on this|recommended|lea también|lee también|leer más|ver también|te puede interesar|relacionado|à lire aussi|lire aussi|voir aussi|auch interessant|mehr zum thema|lesen sie auch|lesen sie hier|lies hier|read here|lisez ici|lea aquí|lee aquí|leia aqui|leggi qui|leggi anche|vedi anche|leia também|leia mais|veja também|lea más|lea|vea también|puedes ver|le puede interesar|auch lesen|lies auch|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|dowiedz się więcej)\s*[:：»>|–—-]\s*(\S.*)$/iu;
const URL_RE = /\bhttps?:\/\/[^\s)>\]]+/u;

const RELATED_LABEL_RE =
  /^(?:read (?:more|also)|also read|keep reading|see also|related|more on this|sigue leyendo|seguir leyendo|continue lendo|continua a leggere|mehr zum thema|voir aussi|leia mais|vedi anche|lea (?:más|también)|lee también|vea también|le puede interesar|te puede interesar|relacionad[oa]s|lesetipp|auch lesen|lesen sie auch(?: die folgenden beiträge)?|lies auch|czytaj (?:też|także|również)|zobacz (?:też|także|również)|dowiedz się więcej|à lire aussi|lire aussi|leggi anche|leia também|veja também)\s*[:.…]*$/iu;

/** Whole-line chrome patterns, checked in order. */
const CHROME_PATTERNS: ReadonlyArray<{ kind: RemovedKind; re: RegExp; maxWords?: number }> = [
  {
    kind: 'advertisement',
    // Often set off by dashes or brackets: "- Anzeige -", "[Werbung]", "– Advertisement –".
    re: /^[\s([–—-]*(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|publicidad|publicité|anzeige|werbung|pubblicità|publicidade)[\s)\]–—-]*$/iu,
  },
  {
    kind: 'share-bar',
    re: /^(?:share(?: this(?: article| story| post)?)?(?: on \w+| via \w+)?|tweet|copy link|print|email|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|compartir|partager|teilen|condividi|compartilhar)(?:\s*[|•·,/]\s*(?:share|tweet|copy link|print|email|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest))*:?$/iu,
  },
  {
    kind: 'share-bar',
    re: /^(?:follow us(?: on)?|síguenos(?: en)?|suivez-nous(?: sur)?|folgen sie uns(?: auf)?|seguici(?: su)?|siga-nos(?: no)?)\b.*$/iu,
  },
  {
    kind: 'cookie-notice',
    re: /^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using this site)[^.]*cookies|accept (?:all )?cookies|cookie (?:settings|preferences|policy)|utilizamos cookies|usamos cookies|este sitio (?:web )?utiliza cookies|nous utilisons des cookies|wir verwenden cookies)\b.*$/iu,
    maxWords: 60,
  },
  {
    kind: 'newsletter',
    re: /^(?:sign up (?:for|to)|subscribe to (?:our|the)|get (?:our|the)[\w\s]* newsletter|join our (?:newsletter|mailing list)|newsletter|suscríbete|suscribete|abonnez-vous|inscrivez-vous|abonnieren sie|iscriviti|assine)\b.*$/iu,
  },
  {
    kind: 'comments',
    re: /^(?:comments?|\d+ comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)|log in to comment|comentarios|commentaires|kommentare|commenti|comentários)\s*(?:\(\d+\))?:?$/iu,
  },
  // A "read also" label standing alone before its link (the link is its own block: see linkAfterLabel).
  {
    kind: 'related-link',
    re: RELATED_LABEL_RE,
  },
  {
    kind: 'navigation',
    re: /^(?:skip to (?:main )?content|back to top|next article|previous article|more stories|most read|trending(?: now)?|tags?:.*|topics?:.*)$/iu,
  },
  {
    kind: 'advertisement',
    re: /^(?:donate(?: now| today)?|support (?:our|independent) journalism|(?:please )?(?:consider )?(?:supporting|support) us|become a (?:member|supporter|patron)|jetzt spenden|unterstützen sie (?:uns|unsere arbeit|unseren journalismus)|faire un don|soutenez(?:-nous| notre journalisme)|dona(?: ahora)?|apoya (?:nuestro|el) periodismo|apoie (?:o|nosso) jornalismo|sostieni(?: il nostro giornalismo)?)\b.*$/iu,
    maxWords: 60,
  },
  // The editor in charge under a Chinese article ("责任编辑：焦鹏", "【纠错】 责任编辑： 焦鹏"), one bracketed label before it.
  {
    kind: 'boilerplate',
    re: /^(?:【[^】]{1,8}】\s*)?(?:责任编辑|責任編輯)\s*[:：]/u,
    maxWords: 6,
  },
  {
    kind: 'boilerplate',
    re: /^(?:editor['’]?s['’]? note|editors['’]? note|note to editors|eds?:|anmerkung der redaktion|note de la rédaction|nota del editor|nota da redação|nota della redazione)\b.*$/iu,
    maxWords: 60,
  },
  {
    kind: 'boilerplate',
    re: /^(?:(?:\(?(?:reporting|writing|editing|additional reporting) by [^)]*\);?\s*)*\(?(?:reporting|writing|editing|additional reporting) by [^)]*(?:\);?\s*)?|this story has been (?:corrected|updated)[^.]*\.?|(?:image|photo|photograph|file photo)(?: credit)?:.*)$/iu,
  },
];

/**
 * Strips chrome from a flattened text page: the header (banner, crumbs, date line, headline, byline), cross-links
 * ("Read more: …" → relatedLinks), share bars, cookie/newsletter prompts, ads, repeated paragraphs and the footer.
 * Everything taken out is recorded in `removed`, in page order.
 */
export function cleanTextPage(
  content: string,
  options: TextPageCleanOptions,
): CleanedBody & { layout: TextPageLayout } {
  const layout =
    (options.layoutHint
      ? decodeTextLayout(content, options.layoutHint, {
          title: options.title,
          byline: options.byline ?? null,
          siteName: options.siteName,
          publishedAt: options.publishedAt ?? null,
          updatedAt: null,
        })
      : null) ??
    analyzeTextPageLayout(content, {
      sourceName: options.siteName,
      url: options.url ?? null,
      // The enricher's name for the site stands; the page's own is read only without one (enrich-article.ts).
      readSiteName: !options.siteName,
    });
  // Lines only known to lie outside the article keep a generic kind unless a chrome rule names them better.
  const preclassified = new Map<number, RemovedKind>(
    layout.chrome.map(
      (line) => [line.index, line.outside ? (outsideLineKind(line.text) ?? line.kind) : line.kind] as const,
    ),
  );
  markPostTimeline(layout.blocks, preclassified);
  layout.blocks.forEach((block, i) => {
    // An enlarge button is often already chrome; the caption and credit under it are not yet.
    if (isEnlargeButton(block)) markEnlargedPicture(layout.blocks, i, preclassified);
    if (preclassified.has(i)) return;
    if (isLicenseNotice(block)) preclassified.set(i, 'footer');
    else if (isNewsletterPrompt(block)) preclassified.set(i, 'newsletter');
    else if (isDisclaimer(block) || isAffiliateDisclosure(block) || isNoWarrantyNotice(block))
      preclassified.set(i, 'boilerplate');
    else if (isEmbedConsent(block)) preclassified.set(i, 'cookie-notice');
    else if (isPromoLine(block) || isPaywallPrompt(block)) preclassified.set(i, 'advertisement');
    else if (isDownloadLink(block)) preclassified.set(i, 'related-link');
    else if (isPhotoCreditLabel(block)) markPhotoCredit(layout.blocks, i, preclassified);
  });
  const siteName = options.siteName ?? layout.siteName;
  const authors = bylineAuthors(options.byline ?? layout.byline);
  // An author's bio the article window left out (too short to count as prose, or under an "About the author"
  // label, which ends the window) is an author box, not the footer.
  for (const line of layout.chrome) {
    if (!line.outside || preclassified.get(line.index) !== 'footer') continue;
    const next = line.index + 1;
    if (
      isAuthorLabel(line.text) &&
      preclassified.get(next) === 'footer' &&
      isShortUnquoted(layout.blocks[next] ?? '')
    ) {
      preclassified.set(line.index, 'boilerplate');
      preclassified.set(next, 'boilerplate');
    } else if (isAuthorBioLine(line.text, authors)) preclassified.set(line.index, 'boilerplate');
  }
  const cleaned = cleanBlocks(
    layout.blocks,
    preclassified,
    { title: options.title ?? layout.title, siteName },
    [],
    'all',
    authors,
  );
  for (const line of layout.chrome) {
    const related = line.outside ? RELATED_LINK_RE.exec(line.text) : null;
    if (related?.[1]) cleaned.relatedLinks.push(relatedLink(related[1], null));
  }
  return { ...cleaned, layout };
}

function outsideLineKind(text: string): RemovedKind | null {
  if (RELATED_LINK_RE.test(text)) return 'related-link';
  const kind =
    chromeLineKind(text) ?? (isNewsletterPrompt(text) ? 'newsletter' : isDisclaimer(text) ? 'boilerplate' : null);
  return kind ?? (isPromoLine(text) || isPaywallPrompt(text) ? 'advertisement' : null);
}

/** "Title https://…" after a "Read more:" label → the link (its target when the text or the markup carries one). */
function relatedLink(text: string, href: string | null): RelatedLink {
  const url = URL_RE.exec(text)?.[0] ?? href;
  const title = normaliseSpaces(url ? text.replace(url, '') : text).replace(/(?<![\s:–—-])[\s:–—-]+$/u, '');
  return { title: title || (url ?? ''), url };
}

/**
 * HTML page → paragraphs: the DOM pipeline (pre-pass, Readability, fallback; see html-extract.ts), then the same
 * line-level chrome rules as text pages. "Read more:" blocks keep their link target (resolved against the page URL).
 * `options.document`: `html` already parsed, when the caller has it (see extractHtmlCandidates: it is changed here).
 */
export function cleanHtmlPage(
  html: string,
  options: CleanOptions & { url?: string | null; document?: DomDocument },
): CleanedBody {
  const extraction = extractHtmlMainText(html, options.document);
  const blocks = extraction.blocks.map((b) => b.text);
  const hrefs = extraction.blocks.map((b) => resolveHref(b.links[0]?.href ?? null, options.url ?? null));
  const cleaned = cleanBlocks(blocks, new Map(), options, hrefs, 'lead');
  trimSiteBlurb(cleaned, options.siteName);
  return { ...cleaned, removed: [...extraction.removed, ...cleaned.removed] };
}

/**
 * Closing paragraphs under 220 characters that name the site itself (its og:site_name / feed name) are the site's
 * blurb ("Das IWR bietet mit dem Presseportal …", "Jetzt die DHB-App …"), not the article's: trimmed as footer.
 */
function trimSiteBlurb(cleaned: CleanedBody, siteName: string | null): void {
  const name = siteName?.trim().toLowerCase();
  if (!name || name.length < 3) return;
  while (cleaned.paragraphs.length > 1) {
    const last = cleaned.paragraphs[cleaned.paragraphs.length - 1] as string;
    if (last.length >= 220 || !last.toLowerCase().includes(name)) break;
    cleaned.paragraphs.pop();
    cleaned.removed.push({ kind: 'footer', text: last });
  }
}

function resolveHref(href: string | null, base: string | null): string | null {
  if (!href || /^(?:javascript|mailto|tel):/iu.test(href) || href.startsWith('#')) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return null;
  }
}

/**
 * Which repeated blocks are dropped as duplicates: `all` (a text page: chrome the layout analysis missed repeats at
 * top and bottom), or only repeats of the first body paragraph, `lead` (an HTML page, whose article the extractor
 * already bounded: the lead shown twice, as teaser and as text, is the template's; any other repeat — a name in two
 * tables, a refrain, a lead the text itself repeats three times or more — is the article's own).
 */
type RepeatPolicy = 'all' | 'lead';
/**
 * A lead shown this many times or fewer is the template's teaser and text; a prose lead shown more often is the text's
 * own refrain (kept every time). A short repeated line is a label the template repeats ("4", "Aktuelles"), dropped.
 */
const MAX_TEMPLATE_LEAD_SHOWS = 2;
/** A refrain is prose: at least this many characters, ending a sentence. */
const MIN_REFRAIN_CHARS = 100;
const REFRAIN_END_RE = /[.!?…"”»)。！？」]$/u;

/** True when the lead `key` (a paragraphKey) occurs so often, as prose, that the text itself repeats it. */
function isRefrain(key: string, occurrences: Map<string, number>): boolean {
  return (
    (occurrences.get(key) ?? 0) > MAX_TEMPLATE_LEAD_SHOWS && key.length >= MIN_REFRAIN_CHARS && REFRAIN_END_RE.test(key)
  );
}

/**
 * A headline among the first blocks with only short labels above it ("Search", a section name the extractor kept
 * from a table layout's menu column): the labels are navigation. Prose above the headline (a teaser, a lead) is
 * left to the other rules.
 */
function markLabelsAboveHeadline(blocks: string[], kinds: Array<RemovedKind | null>, titleKey: string | null): void {
  if (!titleKey) return;
  let at = -1;
  for (let i = 0; i < blocks.length && i < LEAD_HEADLINE_REACH; i++)
    if (paragraphKey(blocks[i] ?? '') === titleKey) {
      at = i;
      break;
    }
  for (let i = 0; i < at; i++) {
    const block = blocks[i] ?? '';
    if (block.split(' ').length > MAX_LABEL_WORDS || /[.!?…:]$/u.test(block)) return;
  }
  for (let i = 0; i < at; i++) kinds[i] ??= 'navigation';
}
const LEAD_HEADLINE_REACH = 4;
const MAX_LABEL_WORDS = 3;
/** A date line is short: a longer block that opens with a date is a paragraph ("5 May 2026 — The council …"). */
const MAX_LEAD_DATE_LINE_CHARS = 100;

function cleanBlocks(
  blocks: string[],
  preclassified: Map<number, RemovedKind>,
  options: CleanOptions,
  hrefs: Array<string | null> = [],
  repeats: RepeatPolicy = 'all',
  bioAuthors: string[] | null = null,
): CleanedBody {
  const kinds: Array<RemovedKind | null> = blocks.map((_, i) => preclassified.get(i) ?? null);
  const relatedLinks: RelatedLink[] = [];
  const titleKey = options.title ? paragraphKey(options.title) : null;
  const siteKey = options.siteName ? paragraphKey(options.siteName) : null;
  const seen = new Set<string>();
  let firstBodyIndex = -1;
  let leadKey: string | null = null;
  // How often each paragraph occurs (HTML pages): a template shows its lead at most twice, as teaser and text.
  const keys = repeats === 'lead' ? blocks.map(paragraphKey) : [];
  const occurrences = new Map<string, number>();
  for (const key of keys) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);

  markLabelsAboveHeadline(blocks, kinds, titleKey);

  blocks.forEach((block, i) => {
    if (kinds[i]) return;
    const key = repeats === 'lead' ? (keys[i] as string) : paragraphKey(block);
    const related = RELATED_LINK_RE.exec(block);
    if (related?.[1]) {
      relatedLinks.push(relatedLink(related[1], hrefs[i] ?? null));
      kinds[i] = 'related-link';
      return;
    }
    const chromeKind = chromeLineKind(block);
    if (chromeKind) {
      kinds[i] = chromeKind;
      return;
    }
    if (titleKey && key === titleKey && firstBodyIndex < 0) {
      kinds[i] = 'headline';
      return;
    }
    if (siteKey && key === siteKey) {
      kinds[i] = firstBodyIndex < 0 ? 'banner' : 'footer';
      return;
    }
    // A staff credit in an author box: the site's name and a role ("Harbour Times Redakteurin").
    if (siteKey && key.startsWith(`${siteKey} `) && STAFF_ROLE_RE.test(key.slice(siteKey.length + 1))) {
      kinds[i] = 'boilerplate';
      return;
    }
    if (firstBodyIndex < 0 && parseBylineLine(block)) {
      kinds[i] = 'boilerplate'; // the byline itself is metadata, not body text
      return;
    }
    // "Published: Tuesday, March 14, 2006 10:42 PM EST" above the first paragraph: the date is metadata too.
    if (firstBodyIndex < 0 && block.length <= MAX_LEAD_DATE_LINE_CHARS && parseDateLine(block) !== null) {
      kinds[i] = 'dateline';
      return;
    }
    if (firstBodyIndex < 0 && block.length <= MAX_BANNER_CHARS && bannerName(block) !== undefined) {
      kinds[i] = 'banner';
      return;
    }
    if (repeats === 'all' ? seen.has(key) : key === leadKey && !isRefrain(key, occurrences)) {
      kinds[i] = 'duplicate-paragraph';
      return;
    }
    seen.add(key);
    if (firstBodyIndex < 0) {
      firstBodyIndex = i;
      leadKey = key;
    }
  });

  // The link a standalone "read also" label announces is the next line, when it is shaped like a title.
  blocks.forEach((block, i) => {
    const next = i + 1;
    if (kinds[i] !== 'related-link' || kinds[next] || !isRelatedLabel(block) || !isLinkTitle(blocks[next] ?? ''))
      return;
    kinds[next] = 'related-link';
    relatedLinks.push(relatedLink(blocks[next]!, hrefs[next] ?? null));
  });

  // A label of a few words and its colon, one linked title under it, between two paragraphs: a cross-link box in
  // any language ("Lue myös:", "Czytaj też:"), when the label is not one the patterns know.
  blocks.forEach((block, i) => {
    const title = blocks[i + 1] ?? '';
    if (kinds[i] || kinds[i + 1] || kinds[i + 2] || !isColonLabel(block) || !isLinkTitle(title)) return;
    if (wordCountOf(title) < MIN_BOX_TITLE_WORDS || !/^[\p{Lu}\p{N}]/u.test(title)) return;
    if (!isParagraph(blocks[i + 2] ?? '') || !isParagraph(blocks[i - 1] ?? '') || kinds[i - 1]) return;
    kinds[i] = 'related-link';
    kinds[i + 1] = 'related-link';
    relatedLinks.push(relatedLink(title, hrefs[i + 1] ?? null));
  });

  if (bioAuthors) {
    const bodyIndexes: number[] = [];
    kinds.forEach((kind, i) => {
      if (!kind) bodyIndexes.push(i);
    });
    markTailAboutBox(blocks, kinds, bodyIndexes);
    markTailTeaserRun(blocks, kinds, bodyIndexes);
    markTailListRun(blocks, kinds, bodyIndexes);
    markTailHeadlineRun(blocks, kinds, bodyIndexes);
    markTailAuthorBios(blocks, kinds, bodyIndexes, bioAuthors);
  }

  const paragraphs: string[] = [];
  const removed: RemovedSpan[] = [];
  blocks.forEach((block, i) => {
    const kind = kinds[i];
    if (kind) removed.push({ kind, text: block });
    else paragraphs.push(block);
  });
  return { paragraphs, removed, relatedLinks };
}

/**
 * Author bios closing a text page's article ("Jane Doe is the Northern Echo's political editor. She has covered …",
 * "Marie Dupont est journaliste au service Économie …", "Thomas Müller ist Wirtschaftsredakteur der …"), or any short
 * paragraph under an "About the author" label: the body's last paragraphs, short, opening with a byline author's name.
 * A paragraph opening with a name earlier in the body is the story's ("Jane Doe is expected to …"): only the tail is
 * read, and at least one body paragraph stays.
 */
function markTailAuthorBios(
  blocks: string[],
  kinds: Array<RemovedKind | null>,
  bodyIndexes: number[],
  authors: string[],
): void {
  for (let n = 0; n < MAX_TAIL_BIOS && bodyIndexes.length > 1; n++) {
    const block = blocks[bodyIndexes.at(-1)!] ?? '';
    if (bodyIndexes.length > 2 && isAuthorLabel(blocks[bodyIndexes.at(-2)!] ?? '')) {
      if (!isShortUnquoted(block)) break;
      kinds[bodyIndexes.pop()!] = 'boilerplate';
      kinds[bodyIndexes.pop()!] = 'boilerplate';
      break;
    }
    if (!isAuthorBioLine(block, authors)) break;
    kinds[bodyIndexes.pop()!] = 'boilerplate';
  }
}
/**
 * A box about the author, the blog or the publisher closing a text page ("Über Creeny" / "About Jane Doe" / "Über
 * uns" / "À propos de nous", then a bio, a "View all posts" link, a filing line): its heading, among the body's last
 * blocks, and everything after it. Only when what follows is box-sized: a closing section of the article under such a
 * heading is longer. `bodyIndexes` (the blocks still in the body) loses what is marked.
 */
function markTailAboutBox(blocks: string[], kinds: Array<RemovedKind | null>, bodyIndexes: number[]): void {
  const first = Math.max(MIN_BODY_BEFORE_ABOUT, bodyIndexes.length - MAX_ABOUT_BOX_BLOCKS - 1);
  for (let n = first; n < bodyIndexes.length - 1; n++) {
    if (!isAboutHeading(blocks[bodyIndexes[n]!] ?? '')) continue;
    const box = bodyIndexes.slice(n);
    if (box.reduce((sum, i) => sum + (blocks[i]?.length ?? 0), 0) > MAX_ABOUT_BOX_CHARS) return;
    for (const i of box) kinds[i] = 'boilerplate';
    bodyIndexes.length = n;
    return;
  }
}
/** The heading, the bio, a link to the author's posts, a filing line. */
const MAX_ABOUT_BOX_BLOCKS = 4;
const MAX_ABOUT_BOX_CHARS = 1000;
/** The article keeps this many body blocks before any box. */
const MIN_BODY_BEFORE_ABOUT = 2;
const MAX_ABOUT_HEADING_CHARS = 50;
const ABOUT_HEADING_RE = /^(?:about|über|à propos de|sobre|acerca de|informazioni su|chi è) (\S.*)$/iu;
const ABOUT_SELF_RE = /^(?:us|me|uns|mich|nous|moi|nosotros|mí|nós|mim|noi|me stesso)$/iu;
const ABOUT_NAME_TOKEN_RE = /^\p{Lu}[\p{L}'’-]*$/u;

/** "About us", "Über mich", "Über Creeny", "À propos de Marie Dupont": a short heading naming a person or the site. */
function isAboutHeading(block: string): boolean {
  if (block.length > MAX_ABOUT_HEADING_CHARS) return false;
  const named = ABOUT_HEADING_RE.exec(block.trim())?.[1];
  if (!named) return false;
  if (ABOUT_SELF_RE.test(named)) return true;
  const tokens = named.split(' ');
  return tokens.length <= 3 && tokens.every((t) => ABOUT_NAME_TOKEN_RE.test(t));
}

/**
 * Teasers of other stories closing a text page: each a title line, then an excerpt the template cut off mid-sentence
 * ("… schwören die Bevölkerung auf Gedeih un...", "… the council's plan for the …"). A run of them at the body's
 * end is a list of links, however long its excerpts; a paragraph of the article trailing off ends a sentence or stands
 * alone. `bodyIndexes` loses what is marked.
 */
function markTailTeaserRun(blocks: string[], kinds: Array<RemovedKind | null>, bodyIndexes: number[]): void {
  let start = bodyIndexes.length;
  let excerpts = 0;
  while (start > MIN_BODY_BEFORE_TEASERS) {
    const block = blocks[bodyIndexes[start - 1]!] ?? '';
    if (isCutExcerpt(block)) excerpts++;
    // A title stands right above an excerpt.
    else if (block.length > MAX_TEASER_TITLE_CHARS || !isCutExcerpt(blocks[bodyIndexes[start]!] ?? '')) break;
    start--;
  }
  if (excerpts < MIN_TEASERS) return;
  for (const i of bodyIndexes.slice(start)) kinds[i] = 'related-link';
  bodyIndexes.length = start;
}
const MIN_TEASERS = 3;
const MIN_BODY_BEFORE_TEASERS = 2;
const MAX_TEASER_TITLE_CHARS = 150;
const MIN_EXCERPT_CHARS = 60;
const MAX_EXCERPT_CHARS = 400;
/** Ends in an ellipsis that cuts a sentence: no stop, colon, semicolon or list comma ("a, b, …") right before it. */
const CUT_EXCERPT_RE = /[^.!?:;,…\s]\s?(?:\.{3}|…|\[(?:\.{3}|…)\])$/u;

function isCutExcerpt(block: string): boolean {
  return block.length >= MIN_EXCERPT_CHARS && block.length <= MAX_EXCERPT_CHARS && CUT_EXCERPT_RE.test(block);
}

/**
 * A list of other stories closing a text page: three or more items in a row, each opening with its date
 * ("19.11.2021 - Formel 1, Gasly …", "2026-05-04 Harbour …") or signed by its own byline with the teaser under it
 * ("Written by Jane Doe" / "These are the 14 best …") or dated by a date alone on the line under its title ("Neue
 * Fähre bestellt" / "03/11/2025"), a few link lines ("zurück", "Bilder", "Prev") after it. Its label
 * above it ("Weitere Inhalte:", "READ THIS NEXT") goes with it. `bodyIndexes` loses what is marked.
 */
function markTailListRun(blocks: string[], kinds: Array<RemovedKind | null>, bodyIndexes: number[]): void {
  const item = (at: number): boolean => isListItem(blocks[bodyIndexes[at]!] ?? '');
  // The list's last item, past a few link lines or a gallery under it.
  let last = bodyIndexes.length - 1;
  while (last >= bodyIndexes.length - TAIL_SLACK && last >= 0 && !item(last)) last--;
  if (last < 0 || !item(last)) return;
  // Back over the items and the teasers between them; two lines in a row that are neither end the list.
  let start = last;
  let items = 0;
  let gap = 0;
  for (let at = last; at >= MIN_BODY_BEFORE_TEASERS; at--) {
    if (item(at)) {
      items++;
      gap = 0;
      start = at;
    } else if ((blocks[bodyIndexes[at]!] ?? '').length > MAX_LIST_TEASER_CHARS || ++gap > MAX_LIST_GAP) break;
  }
  if (items < MIN_TEASERS) return;
  // A date alone on its line is printed under its item's title: the title above the first one goes with the list.
  const above = blocks[bodyIndexes[start - 1]!] ?? '';
  if (
    start > MIN_BODY_BEFORE_TEASERS &&
    BARE_DATE_ITEM_RE.test(blocks[bodyIndexes[start]!] ?? '') &&
    above.length <= MAX_LIST_TEASER_CHARS &&
    !/[.!?]$/u.test(above)
  )
    start--;
  const label = blocks[bodyIndexes[start - 1]!] ?? '';
  if (start > MIN_BODY_BEFORE_TEASERS && wordCount(label) <= MAX_LIST_LABEL_WORDS && !/[.!?]$/u.test(label)) start--;
  for (const i of bodyIndexes.slice(start)) kinds[i] = 'related-link';
  bodyIndexes.length = start;
}
/** "19.11.2021 - …", "04/05/2026 | …", "2026-05-04 …": a list item opening with its date and a separator. */
const LEAD_DATE_ITEM_RE = /^(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\s?[-–—|:]?\s/u;
const MAX_TAIL_BYLINE_CHARS = 80;
/** Lines after the list's last item (link lines, a comments prompt, a gallery), and teasers between two items. */
const TAIL_SLACK = 6;
const MAX_LIST_GAP = 3;
/** A teaser between two items is a sentence or two; a longer paragraph is the article's. */
const MAX_LIST_TEASER_CHARS = 200;
const MAX_LIST_LABEL_WORDS = 4;
/**
 * Other stories' headlines closing a text page under a short heading of their own ("Themenrelevante Nachrichten",
 * "Seguí leyendo", "More stories"): three or more headline-shaped lines in a row (five words or more, no sentence or
 * list punctuation at the end), the heading of a few words without a stop or colon right above them, and at most a
 * couple of one- or two-word link lines ("Temas", "Galerie") under them. A body with such a run of its own (feature
 * bullets) keeps it. `bodyIndexes` loses what is marked.
 */
function markTailHeadlineRun(blocks: string[], kinds: Array<RemovedKind | null>, bodyIndexes: number[]): void {
  const text = (at: number): string => blocks[bodyIndexes[at]!] ?? '';
  let last = bodyIndexes.length - 1;
  for (let n = 0; n < HEADLINE_RUN_SLACK && last >= 0 && wordCount(text(last)) <= 2; n++) last--;
  let start = last + 1;
  while (start - 1 > MIN_BODY_BEFORE_TEASERS && isRunHeadline(text(start - 1))) start--;
  if (last + 1 - start < MIN_TEASERS) return;
  const heading = text(start - 1);
  if (heading.length > MAX_RUN_HEADING_CHARS || wordCount(heading) > MAX_LIST_LABEL_WORDS || /[.!?:]$/u.test(heading))
    return;
  // A body that already prints such a run (a product's feature bullets) writes its own lists that way.
  let run = 0;
  for (let at = 0; at < start - 1; at++) {
    run = isRunHeadline(text(at)) ? run + 1 : 0;
    if (run >= MIN_TEASERS) return;
  }
  for (const i of bodyIndexes.slice(start - 1)) kinds[i] = 'related-link';
  bodyIndexes.length = start - 1;
}
const HEADLINE_RUN_SLACK = 2;
const MIN_RUN_HEADLINE_WORDS = 5;
const MAX_RUN_HEADLINE_CHARS = 150;
const MAX_RUN_HEADING_CHARS = 50;
function isRunHeadline(block: string): boolean {
  return (
    block.length <= MAX_RUN_HEADLINE_CHARS && wordCount(block) >= MIN_RUN_HEADLINE_WORDS && !/[.,;:]$/u.test(block)
  );
}

/** "03/11/2023", "2026-05-04": an item's date alone on its line, under the item's title. */
const BARE_DATE_ITEM_RE = /^(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})$/u;
function isListItem(block: string): boolean {
  return (
    LEAD_DATE_ITEM_RE.test(block) ||
    BARE_DATE_ITEM_RE.test(block) ||
    (block.length <= MAX_TAIL_BYLINE_CHARS && TAIL_BYLINE_RE.test(block))
  );
}
/** A teaser's byline: its marker, then a capitalised name ("Written by Jane Doe, MS, RD", "Von Jana Beispiel"). */
const TAIL_BYLINE_RE =
  /^(?:(?:written|words|reviewed|medically reviewed|posted) by|by|von|par|por|geschrieben von|verfasst von|escrito por|publicado por|publié par|scritto da)\s?:?\s\p{Lu}/iu;
function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/** Two authors, each with a bio. */
const MAX_TAIL_BIOS = 2;
/** A bio is a sentence or three. */
const MAX_BIO_CHARS = 300;
/** A paragraph quoting someone is the story's. */
const QUOTE_MARK_RE = /["“”„«»]/u;

function isShortUnquoted(line: string): boolean {
  return line.length <= MAX_BIO_CHARS && !QUOTE_MARK_RE.test(line);
}

/** The byline's authors ("Jane Doe and John Roe", "Thomas Müller und Anna Schmidt"), names of two words or more. */
function bylineAuthors(byline: string | null | undefined): string[] {
  if (!byline) return [];
  return byline
    .split(/,|;| (?:and|und|et|y|e|i|&) /u)
    .map((name) => name.trim())
    .filter((name) => name.includes(' ') && name.length <= MAX_AUTHOR_NAME_CHARS);
}
const MAX_AUTHOR_NAME_CHARS = 60;

/** A short unquoted line opening with a byline author's full name ("Jane Doe is …", "Jane Doe, GIGA-Experte für …"). */
function isAuthorBioLine(line: string, authors: string[]): boolean {
  return (
    isShortUnquoted(line) &&
    authors.some((name) => line.startsWith(name) && BIO_NAME_END_RE.test(line.slice(name.length)))
  );
}
/** After the name: a space, a comma or a possessive ("Jane Doe's"), not more of a longer name. */
const BIO_NAME_END_RE = /^(?:[ ,]|['’]s )/u;

/** The label of an author box: "About the author", "Sur l'auteur", "Über den Autor", "Sobre o autor". */
function isAuthorLabel(block: string): boolean {
  return block.length <= MAX_AUTHOR_LABEL_CHARS && AUTHOR_BOX_LABEL_RE.test(block);
}
const MAX_AUTHOR_LABEL_CHARS = 40;
const AUTHOR_BOX_LABEL_RE =
  /^(?:about the (?:author|writer)|(?:sur|à propos de) l['’]auteur(?:e|rice)?|l['’]auteur(?:e|rice)?|über (?:den autor|die autorin)|zum autor|zur autorin|sobre (?:o autor|a autora|el autor|la autora)|(?:sull['’]|l['’])autore|(?:sull['’]|l['’])autrice)\s*:?$/iu;

function isRelatedLabel(block: string): boolean {
  return block.length <= MAX_RELATED_LABEL_CHARS && RELATED_LABEL_RE.test(block);
}
const MAX_RELATED_LABEL_CHARS = 60;

function isColonLabel(block: string): boolean {
  return block.endsWith(':') && block.length <= MAX_RELATED_LABEL_CHARS && wordCountOf(block) <= MAX_BOX_LABEL_WORDS;
}
function isParagraph(block: string): boolean {
  return wordCountOf(block) >= MIN_BOX_PARAGRAPH_WORDS && /[.!?…"”»]$/u.test(block);
}
function wordCountOf(text: string): number {
  return text.split(' ').filter(Boolean).length;
}
const MAX_BOX_LABEL_WORDS = 3;
const MIN_BOX_TITLE_WORDS = 5;
const MIN_BOX_PARAGRAPH_WORDS = 10;

/** A linked title: one short line that does not end like a sentence or a label (a question or an exclamation may). */
function isLinkTitle(block: string): boolean {
  if (!block || block.length > MAX_LINK_TITLE_CHARS) return false;
  return !LINK_TITLE_NOT_END.includes(block.at(-1)!) && block.split(' ').length <= MAX_CHROME_WORDS;
}
const MAX_LINK_TITLE_CHARS = 200;
const LINK_TITLE_NOT_END = '.:;,';

/** WordPress feed footers: "The post <title> appeared first on <site>." and its translations. */
const FEED_FOOTERS: ReadonlyArray<readonly [string, string]> = [
  ['the post ', ' appeared first on '],
  ['der beitrag ', ' erschien zuerst auf '],
  ["l'article ", ' est apparu en premier sur '],
  ['l’article ', ' est apparu en premier sur '],
  ['la entrada ', ' se publicó primero en '],
  ['o post ', ' apareceu primeiro em '],
  ["l'articolo ", ' sembra essere il primo su '],
];

function isFeedFooter(block: string): boolean {
  const lower = block.toLowerCase();
  return FEED_FOOTERS.some(([head, middle]) => lower.startsWith(head) && lower.includes(middle, head.length));
}

function chromeLineKind(block: string): RemovedKind | null {
  if (block.length > MAX_CHROME_LINE_CHARS) return null;
  if (isFeedFooter(block)) return 'footer';
  const wordCount = block.split(/\s+/u).length;
  for (const { kind, re, maxWords } of CHROME_PATTERNS) {
    if (wordCount <= (maxWords ?? MAX_CHROME_WORDS) && re.test(block)) return kind;
  }
  if (wordCount <= MAX_CHROME_WORDS && copyrightHolder(block) !== undefined) return 'footer';
  return null;
}

/**
 * The site's licence notice ("Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",
 * "Content is available under CC BY-SA 4.0"): a short line naming a Creative Commons licence and using the word
 * licence. Prose about Creative Commons rarely does both in so few words. Text pages only: an HTML page's extractor
 * already left the site's footer out, and a licence line inside its article is the article's (a photo's licence).
 */
function isLicenseNotice(block: string): boolean {
  // The licence's name first: it rules out almost every line before the word count's split.
  if (block.length > MAX_CHROME_LINE_CHARS || !LICENSE_NAME_RE.test(block)) return false;
  return block.split(' ').length <= MAX_LICENSE_NOTICE_WORDS && LICENSE_WORD_RE.test(block);
}
const MAX_LICENSE_NOTICE_WORDS = 45;

/**
 * A newsletter box's line on a text page ("Aktuelle Stories … direkt in dein Postfach!", "Möchten Sie unseren
 * Newsletter erhalten?", "Get Tone Deaf to your inbox daily"): a short line naming a newsletter or an inbox that does
 * not end like a statement — a box invites (!, ?, :) or labels, an article's sentence about a newsletter ends with a
 * full stop.
 */
function isNewsletterPrompt(block: string): boolean {
  if (block.length > MAX_NEWSLETTER_PROMPT_CHARS || STATEMENT_END_RE.test(block)) return false;
  if (!NEWSLETTER_WORD_RE.test(block)) return false;
  const words = block.split(' ').length;
  return words >= MIN_NEWSLETTER_PROMPT_WORDS && words <= MAX_NEWSLETTER_PROMPT_WORDS;
}
/**
 * A site's disclaimer or disclosure on a text page ("Editorial Disclaimer: Opinions expressed here are …",
 * "Advertising Disclosure", "Haftungsausschluss: …"): the label opens the line, alone or before its text.
 */
function isDisclaimer(block: string): boolean {
  return block.length <= MAX_CHROME_LINE_CHARS && DISCLAIMER_RE.test(block);
}
const DISCLAIMER_RE =
  /^(?:(?:editorial|advertising|advertiser|affiliate|legal) )?(?:disclaimer|disclosure)s?(?: \([^)]{0,80}\))?(?::|$)|^(?:haftungsausschluss|avertissement|clause de non-responsabilité|descargo de responsabilidad|aviso de responsabilidad|isenção de responsabilidade|esclusione di responsabilità)(?::|$)/iu;

/**
 * A social-media timeline widget printed as text: a short head line per post, the account and a short date ("@harbourtimes
 * 18 Aug", "@stadt_beispiel 3. Mai", "@harbour Aug 18"), then the post. Two heads or more make a timeline: their lines
 * and the posts under them are the site's follow box, not the article (an embedded post in the text is signed with the
 * author's name and a full date instead).
 */
function markPostTimeline(blocks: string[], kinds: Map<number, RemovedKind>): void {
  const heads = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.length <= MAX_POST_HEAD_CHARS && block.startsWith('@') && POST_HEAD_RE.test(block)) heads.add(i);
  });
  if (heads.size < MIN_TIMELINE_POSTS) return;
  for (const head of heads) {
    if (!kinds.has(head)) kinds.set(head, 'share-bar');
    const post = blocks[head + 1] ?? '';
    if (post && post.length <= MAX_TIMELINE_POST_CHARS && !kinds.has(head + 1) && !heads.has(head + 1))
      kinds.set(head + 1, 'share-bar');
  }
}
const MAX_POST_HEAD_CHARS = 60;
const MAX_TIMELINE_POST_CHARS = 400;
const MIN_TIMELINE_POSTS = 2;
/** "@account 18 Aug", "@account 3. Mai", "@account Aug 18", "@account 5h", "@account 18.08.": an account, then a short date. */
const POST_HEAD_RE =
  /^@\w{1,30}\s(?:\d{1,2}\.?\s\p{L}{3,10}\.?(?:\s\d{4})?|\p{L}{3,10}\.?\s\d{1,2}(?:,\s\d{4})?|\d{1,2}\s?(?:h|m|min|std)|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)$/u;

/**
 * The site's no-warranty notice under a list of rules, prices or dates ("(Alle Angaben ohne Gewähr)", "All information
 * without guarantee", "Informations données sans garantie", "Información sin garantía", "Informações sem garantia",
 * "Informazioni senza garanzia"): a short line that is only the notice.
 */
export function isNoWarrantyNotice(block: string): boolean {
  return block.length <= MAX_NO_WARRANTY_CHARS && NO_WARRANTY_RE.test(block);
}
const MAX_NO_WARRANTY_CHARS = 80;
const NO_WARRANTY_RE =
  /^[(*\s]*(?:(?:alle |sämtliche )?angaben ohne gewähr|(?:all )?(?:information|details|data) (?:is |are )?(?:provided )?without (?:guarantee|warranty)|(?:toutes les )?informations? (?:données |fournies )?sans garantie|(?:toda la )?información sin garantía|(?:todas as )?informações sem garantia|(?:tutte le )?informazioni senza garanzia)[).!\s]*$/iu;

/**
 * A commercial disclosure over or under the text ("This post contains references to products from one or more of our
 * advertisers …", "Dieser Artikel enthält Affiliate-Links …", "Cet article contient des liens affiliés", "* Affiliate-Link"):
 * the site's, not the article's. Only short lines that open with it are tested.
 */
export function isAffiliateDisclosure(block: string): boolean {
  return block.length <= MAX_DISCLOSURE_CHARS && AFFILIATE_DISCLOSURE_RE.test(block);
}
const MAX_DISCLOSURE_CHARS = 400;
const AFFILIATE_DISCLOSURE_RE =
  /^(?:\*\s?)?(?:this (?:post|article|page|story|review|guide) (?:contains|may contain|includes) (?:affiliate|references to products|sponsored links)|we (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation) (?:when|if|from)|(?:dieser|der) (?:artikel|beitrag|text) enthält (?:affiliate|werbe|provisions)|(?:affiliate|werbe|provisions)-?links?(?:\s?[:*]|$)|cet article contient des liens (?:affiliés|d['’]affiliation|sponsorisés)|(?:este|el) (?:artículo|post) contiene enlaces (?:de afiliados|afiliados|patrocinados)|este (?:artigo|post) contém links (?:de afiliados|afiliados|patrocinados)|questo articolo contiene link (?:di affiliazione|affiliati|sponsorizzati))/iu;

/**
 * The consent box a site prints where an embedded post, video or chart would be ("Externer Inhalt", "Empfohlener
 * redaktioneller Inhalt", "Contenido externo", "An dieser Stelle findet Ihr einen externen Inhalt von Instagram …",
 * "I agree to external content being displayed", "Um diesen Inhalt zu sehen …"): the site's, not the article's. A label
 * line is looked up whole; a notice line is tested only when short, and only at its opening words.
 */
export function isEmbedConsent(block: string): boolean {
  if (block.length <= MAX_EMBED_LABEL_CHARS && EMBED_CONSENT_LABELS.has(embedLabelKey(block))) return true;
  return block.length <= MAX_DISCLOSURE_CHARS && EMBED_CONSENT_NOTICE_RE.test(block);
}
const MAX_EMBED_LABEL_CHARS = 60;
/** The label lower-cased, without the spaces and the colon, full stop or exclamation mark that may close it. */
function embedLabelKey(block: string): string {
  let end = block.length;
  while (end > 0 && LABEL_TRAILER.has(block.charAt(end - 1))) end -= 1;
  return block.slice(0, end).trim().toLowerCase();
}
const LABEL_TRAILER = new Set([' ', '\t', '\u00a0', ':', '.', '!']);
const EMBED_CONSENT_LABELS = new Set([
  'externer inhalt',
  'externe inhalte',
  'empfohlener externer inhalt',
  'empfohlener redaktioneller inhalt',
  'empfohlene redaktionelle inhalte',
  'inhalte von drittanbietern',
  'externe inhalte anzeigen',
  'externen inhalt anzeigen',
  'externen inhalt laden',
  'inhalt laden',
  'external content',
  'third-party content',
  'third party content',
  'recommended editorial content',
  'load external content',
  'show external content',
  'contenido externo',
  'contenido de terceros',
  'cargar contenido externo',
  'mostrar contenido externo',
  'contenu externe',
  'contenu tiers',
  'afficher le contenu externe',
  'charger le contenu externe',
  'conteúdo externo',
  'conteúdo de terceiros',
  'carregar conteúdo externo',
  'mostrar conteúdo externo',
  'contenuto esterno',
  'contenuti esterni',
  'contenuto di terze parti',
  'carica contenuto esterno',
  'mostra contenuto esterno',
]);
const EMBED_CONSENT_NOTICE_RE =
  /^(?:an dieser stelle (?:findet ihr|finden sie|findest du) (?:einen|einige|ein) (?:externe[nr]?|ergänzende[nr]?) (?:inhalt|inhalte|beitrag|video)|(?:ich bin|ich erkläre mich) damit einverstanden, dass mir externe inhalte|um (?:diesen|den) (?:externen )?inhalt (?:zu sehen|zu laden|anzuzeigen|anzeigen zu lassen)|(?:mit|durch) (?:einem )?klick auf [„"»]?(?:inhalt|externe inhalte|video|beitrag) (?:laden|anzeigen|abspielen)|i (?:agree|consent) to (?:external|third[- ]party) content being (?:displayed|shown|loaded)|(?:to (?:view|see|display|load) this (?:content|embed|post|video)|this (?:external |embedded )?content is (?:provided|hosted) by)|(?:para ver este contenido|este contenido (?:externo )?(?:está alojado|es proporcionado|se aloja)|acepto que se (?:muestre|muestren) (?:el )?contenido)|(?:pour (?:afficher|voir) ce contenu|ce contenu (?:externe )?est (?:hébergé|fourni) par|j['’]accepte que (?:le|des) contenus? (?:externes?|tiers))|(?:para ver este conteúdo|este conteúdo (?:externo )?(?:está hospedado|é fornecido)|concordo (?:que|com a exibição de) (?:o )?conteúdos? externos?)|(?:per visualizzare questo contenuto|questo contenuto (?:esterno )?(?:è ospitato|è fornito)|acconsento (?:alla visualizzazione|che vengano mostrati) (?:di )?contenuti esterni))/iu;

/**
 * A site's call to action on a text page ("Jetzt neu! Besuchen Sie unseren Shop!", "Einfach hier klicken und
 * registrieren!", "Don't miss a thing — sign up now!", "Inscrivez-vous dès maintenant !", "¡Suscríbete ya!"): a short
 * line that exclaims and names a call-to-action phrase (click here, sign up, order, visit our …, don't miss) in
 * en/de/fr/es/pt/it. A quote that exclaims is the article's: lines with quotation marks are left alone.
 */
export function isPromoLine(block: string): boolean {
  if (block.length > MAX_PROMO_CHARS || !PROMO_END_RE.test(block) || PROMO_QUOTE_RE.test(block)) return false;
  return PROMO_CTA_RE.test(block);
}
const MAX_PROMO_CHARS = 160;
const PROMO_END_RE = /!\s?$/u;
const PROMO_QUOTE_RE = /["“”„«»]/u;
const PROMO_CTA_RE =
  /(?:^|[\s¡!.,:–—-])(?:click here|click (?:the|this) (?:link|button)|sign up|register (?:now|today|here)|subscribe (?:now|today|here)|order (?:now|today|here)|buy (?:now|today)|shop now|book now|download (?:now|the app|our app)|try (?:it )?(?:now|for free)|don['’]t miss|never miss|visit (?:our|us)|hier klicken|klicken sie|einfach klicken|jetzt (?:registrieren|anmelden|bestellen|abonnieren|kaufen|testen|sichern|herunterladen|entdecken|mitmachen|neu)|besuchen sie|sichern sie sich|testen sie|bestellen sie|registrieren sie sich|melden sie sich|nichts (?:mehr )?(?:verpassen|versäumen)|teilen sie (?:es|uns) (?:uns )?mit|cliquez ici|inscrivez-vous|abonnez-vous|commandez|ne (?:manquez|ratez) (?:pas|rien)|haz clic|pincha aquí|regístrate|suscríbete|no te pierdas|compra (?:ya|ahora)|clique aqui|cadastre-se|inscreva-se|assine já|não perca|clicca qui|iscriviti|abbonati|non perdere)(?=$|[\s!.,:–—-])/iu;

/**
 * A paywall's prompt where the text stops ("Exklusiv für Abonnenten", "Wählen Sie Ihren Zugang und lesen Sie weiter:",
 * "Subscribe to continue reading", "Article réservé aux abonnés", "Contenido exclusivo para suscriptores"): the
 * site's offer, not the article. Short lines, tested at their opening words.
 */
export function isPaywallPrompt(block: string): boolean {
  return block.length <= MAX_PAYWALL_CHARS && PAYWALL_RE.test(block);
}
const MAX_PAYWALL_CHARS = 120;
const PAYWALL_RE =
  /^(?:(?:this (?:article|story|content) is )?(?:only )?(?:available )?exclusively for (?:subscribers|members)|(?:only )?(?:available )?for subscribers only|subscribe (?:now )?to (?:continue|keep) reading|(?:to )?continue reading,? (?:subscribe|log in|sign in)|already a subscriber\?|exklusiv für (?:abonnent(?:en|innen)|abonnierende)|nur für abonnent(?:en|innen)\s?[.!]?$|wählen sie ihren zugang|(?:jetzt )?weiterlesen mit (?:\S+ )?(?:abo|abonnement)|(?:article|contenu) réservé aux abonnés|la suite (?:de cet article )?est réservée aux abonnés|(?:contenido|artículo) (?:exclusivo )?para suscriptores|(?:para )?(?:seguir|continuar) leyendo,? (?:suscríbete|hazte suscriptor|inicia sesión)|(?:conteúdo|matéria) exclusiv[oa] para assinantes|(?:para )?continuar lendo,? (?:assine|faça login)|(?:contenuto|articolo) riservato agli abbonati|per continuare a leggere,? (?:abbonati|accedi))/iu;

/**
 * A link to a file, labelled with its type and size ("Jahresbericht 2021PDF | 38 KB | Datei ist nicht barrierefrei",
 * "Download: mp3 (30 MB)", "Rapport annuel (PDF, 1,2 Mo)"): a line of a download list, not a sentence of the text.
 */
function isDownloadLink(block: string): boolean {
  return block.length <= MAX_DOWNLOAD_LINK_CHARS && !SENTENCE_STOP_RE.test(block) && FILE_SIZE_RE.test(block);
}
const MAX_DOWNLOAD_LINK_CHARS = 250;
const SENTENCE_STOP_RE = /[.!?]["”’»)]?$/u;
const FILE_SIZE_RE =
  /(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|epub|mp3|m4a|mp4)\s?[|,(:–-]?\s?\d{1,4}(?:[.,]\d{1,2})?\s?(?:[kmg]i?b|ko|mo|go|kilobytes?|megabytes?)\b/iu;

/**
 * A picture's caption, its credit label alone on a line and the photographer or agency ("Jansen (l.) und Trochowski
 * haben einen guten Draht." / "Foto:" / "WITTERS"): the label and a short credit after it, and a one-sentence
 * caption before it, are the picture's, not the text's.
 */
function markPhotoCredit(blocks: string[], label: number, kinds: Map<number, RemovedKind>): void {
  const credit = blocks[label + 1] ?? '';
  if (!credit || credit.length > MAX_PHOTO_CREDIT_CHARS || SENTENCE_STOP_RE.test(credit)) return;
  kinds.set(label, 'boilerplate');
  kinds.set(label + 1, 'boilerplate');
  const caption = blocks[label - 1] ?? '';
  if (label > 0 && !kinds.has(label - 1) && isCaption(caption)) kinds.set(label - 1, 'boilerplate');
}
const MAX_PHOTO_CREDIT_CHARS = 80;
/** A caption is one sentence or a phrase; a paragraph of the text over an uncaptioned picture is longer. */
const MAX_CAPTION_CHARS = 120;
const SENTENCE_BREAK_RE = /\p{Ll}[.!?]\s+\p{Lu}/u;
const isCaption = (line: string): boolean => line.length <= MAX_CAPTION_CHARS && !SENTENCE_BREAK_RE.test(line);
const MAX_PHOTO_LABEL_CHARS = 20;
const PHOTO_CREDIT_LABEL_RE =
  /^(?:fotos?|photos?|bild(?:er)?|image|imagen|fotografía|crédits? photo|crédits?|credits?|foto ?credit)\s?:$/iu;

/**
 * A picture's enlarge button ("Vergrößern", "Enlarge", "Ampliar", "Agrandir", "Ingrandisci"), then its caption and a
 * credit line under it ("Quelle: Jane Doe", "Foto: dpa"): the three lines are the picture's, not the text's. Without
 * the credit line the caption may be a paragraph of the text, and nothing is marked.
 */
function markEnlargedPicture(blocks: string[], button: number, kinds: Map<number, RemovedKind>): void {
  const caption = blocks[button + 1] ?? '';
  const credit = blocks[button + 2] ?? '';
  if (!isCaption(caption) || kinds.has(button + 1) || !isCreditLine(credit)) return;
  kinds.set(button, 'boilerplate');
  kinds.set(button + 1, 'boilerplate');
  kinds.set(button + 2, 'boilerplate');
}
const MAX_ENLARGE_BUTTON_CHARS = 30;
const ENLARGE_BUTTONS = new Set([
  'vergrößern',
  'bild vergrößern',
  'zum vergrößern klicken',
  'enlarge',
  'enlarge image',
  'click to enlarge',
  'ampliar',
  'ampliar imagen',
  'ampliar foto',
  'ampliar imagem',
  'agrandir',
  "agrandir l'image",
  'agrandir la photo',
  'ingrandisci',
  "ingrandisci l'immagine",
]);
const isEnlargeButton = (block: string): boolean =>
  block.length <= MAX_ENLARGE_BUTTON_CHARS && ENLARGE_BUTTONS.has(block.trim().toLowerCase().replace('’', "'"));
const MAX_CREDIT_LINE_CHARS = 80;
const CREDIT_LINE_RE =
  /^(?:quelle|fotos?|bild(?:er)?|photos?|image|credits?|crédits?(?: photo)?|crédito|fuente|fonte|foto ?credit)\s?:\s?\S/iu;
const isCreditLine = (block: string): boolean =>
  block.length <= MAX_CREDIT_LINE_CHARS && !SENTENCE_STOP_RE.test(block) && CREDIT_LINE_RE.test(block);

function isPhotoCreditLabel(block: string): boolean {
  return block.length <= MAX_PHOTO_LABEL_CHARS && PHOTO_CREDIT_LABEL_RE.test(block);
}

const MAX_NEWSLETTER_PROMPT_CHARS = 200;
/** A full stop, also inside closing brackets or quotes ("[… in your inbox.]"). */
const STATEMENT_END_RE = /\.[\])"”’»]?$/u;
const MIN_NEWSLETTER_PROMPT_WORDS = 3;
const MAX_NEWSLETTER_PROMPT_WORDS = 20;
const NEWSLETTER_WORD_RE =
  /\b(?:newsletters?|inbox|posteingang|(?:dein|ihr)(?:en|em)? postfach|boîte (?:mail|de réception)|bandeja de entrada|caixa de entrada|casella (?:di posta|email))\b/iu;
const LICENSE_NAME_RE = /\b(?:creative[ -]commons|cc[ -]by|cc0)\b/iu;
const LICENSE_WORD_RE = /\b(?:licen[cs]e[ds]?|lizenz(?:iert)?|licencia|licenza|licença|licenciad[oa]|licenciée?)\b/iu;

/** Two paragraphs are "the same" regardless of spacing, case and quote style. */
/** Newsroom roles, in the languages the service reads, as the whole rest of a staff-credit line. */
const STAFF_ROLE_RE =
  /^(?:editor|reporter|correspondent|staff|staff writer|writer|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|rédacteur|rédactrice|journaliste|redactor(?:a)?|periodista|corresponsal|jornalista|giornalista|redattore|redattrice)$/u;

export function paragraphKey(text: string): string {
  return normaliseSpaces(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[‘’‚‛]/gu, "'")
    .replace(/[“”„‟]/gu, '"');
}
