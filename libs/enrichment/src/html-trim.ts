import type { HtmlBlock, PrepassKind } from './html-blocks';

/**
 * Trims what extractors typically let through at the edges of an article: date/time stamps and bylines before the
 * text, image captions and credits, and after it the "You might also like" / "Kommentare" / "Auch interessant"
 * sections (everything from such a heading on), link lists, short signatures and share prompts. Pure.
 */
export interface TrimResult {
  blocks: HtmlBlock[];
  removed: Array<{ kind: PrepassKind; text: string }>;
}

/** A heading or short line that opens a section which is not the article (related links, comments…). */
const RELATED_PATTERNS = [
  String.raw`(?:you (?:might|may) (?:also )?(?:like|enjoy|be interested)|related(?: articles| posts| stories| content| news)?|more (?:from|on|stories|articles|news)\b.{0,80}|read (?:more|next|also)|recommended(?: for you| articles| stories)?|(?:most )?popular(?: now| posts| articles)?|trending(?: now)?|see also|further reading|latest (?:news|posts|articles|stories)\b.{0,80}|more like this)`,
  String.raw`(?:auch interessant|das könnte (?:dich|sie) (?:auch )?interessieren|(?:das )?(?:könnte|dürfte) (?:dich|sie) auch interessieren|weitere (?:artikel|beiträge|informationen|themen|nachrichten|meldungen|links)\b.{0,80}|mehr zum thema\b.{0,80}|mehr (?:aus|zu|von|zum) [^.!?]{1,40}|lesen sie auch|ebenfalls interessant|empfohlene (?:beiträge|artikel)|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|neueste (?:artikel|beiträge)|beliebte (?:artikel|beiträge)|meistgelesen(?:e)?(?: artikel)?|weiterführende links?|passend dazu|zum weiterlesen|das (?:könnte|dürfte) sie auch interessieren)`,
  String.raw`(?:à lire aussi|lire aussi|sur le même sujet|articles? (?:similaires|liés|recommandés)|vous aimerez aussi|dans la même rubrique|lea también|lee también|te puede interesar|noticias relacionadas|artículos relacionados|más noticias|leggi anche|articoli correlati|potrebbe interessarti|leia também|veja também|notícias relacionadas|czytaj (?:też|także|również)|zobacz (?:też|także|również))`,
];
const TAIL_SECTION_RE = new RegExp(
  String.raw`^(?:` +
    [
      ...RELATED_PATTERNS,
      // comments
      String.raw`(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?)(?:\s*\(\d+\))?|(?:leave|post|write|add) a (?:comment|reply)|kommentar (?:schreiben|verfassen|hinzufügen)|kommentieren|kommentare (?:schreiben|anzeigen|lesen)|schreibe(?:n sie)? einen kommentar|diskutieren sie mit|join the (?:conversation|discussion)|laisser un commentaire|deja (?:un|tu) comentario|dejar un comentario|lascia un commento|comments are closed|kommentare sind geschlossen`,
      // sharing / newsletter prompts
      String.raw`(?:share (?:this|on)\b.{0,80}|teilen(?: sie)?(?: diesen)? ?(?:artikel|beitrag)?|diesen (?:artikel|beitrag) teilen|(?:möchten|willst) (?:sie|du) (?:den|diesen) (?:artikel|beitrag) teilen\??|partager(?: cet article)?|compartir(?: esta noticia)?|follow us\b.{0,80}|folgen sie uns\b.{0,80}|sign up for\b.{0,80}|newsletter\b.{0,80}|abonnieren sie\b.{0,80})`,
      // end-of-post chrome
      String.raw`(?:tags?|schlagwörter|schlagworte|stichwörter|themen|kategorien?|categories|topics|filed under|abgelegt unter)\s*:.{0,80}|(?:about the author|über den autor|über die autorin|zum autor|zur autorin|à propos de l'auteur|sobre el autor)`,
    ].join('|') +
    String.raw`)\s*[:.…]*$`,
  'iu',
);

/** The related-links kind of tail marker ("Related", "Auch interessant", "Lire aussi"): only such a box can sit inside the article. */
const RELATED_MARKER_RE = new RegExp(String.raw`^(?:${RELATED_PATTERNS.join('|')})\s*[:.…]*$`, 'iu');

/** Phrases that mark a block as chrome wherever it stands near the edges (needs no heading). */
const EDGE_CHROME_RE =
  /^(?:anzeige|advertisement|werbung|publicidad|publicité|pubblicità|reklama|sponsored|-\s*anzeige\s*-|zurück|back|weiter|next|previous|vorheriger? (?:artikel|beitrag)|nächster (?:artikel|beitrag)|(?:lade|mehr) (?:weitere )?inhalte(?: laden)?(?:\s{0,80}\.{1,80})?|load more|mehr laden|bild (?:anzeigen|schließen).{0,80}|(?:noch )?keine bewertungen?\)?|\(?noch keine bewertungen\)?|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\??|hier können sie den artikel bewerten|(?:was this|did you find this) (?:article|page|post) (?:helpful|useful)\??|print|drucken|e-?mail|permalink|this entry was posted in\b.{0,80}|dieser (?:eintrag|beitrag) wurde (?:am|in|unter)\b.{0,80}|posted in\b.{0,80}|veröffentlicht (?:am|in|unter)\b.{0,80}|erstellt am\b.{0,80}|bookmark the permalink\.?)\s*[.:!]*$/iu;

/** Calls to action that close a post: subscribe, follow, support, write to us, get the app (only near the end). */
const TAIL_PROMPT_RE =
  /(?:\b(?:subscribe|sign up|newsletter|follow (?:us|me)|keep up with (?:us|me)|download (?:the|our)\b.{0,30}\bapps?|support (?:our|us)\b|if you (?:enjoyed|liked|found)|we want to hear|write to us|send us|submit (?:a|your) letter|letters? to the editor|abonnieren|folgen sie uns|folge uns|unterstützen sie|newsletter|jetzt (?:abonnieren|anmelden|bestellen)|registrieren sie sich|puede escribirnos|síguenos|suscríbete|abonnez-vous|suivez-nous|gefällt (?:dir|ihnen|euch) (?:unser|unsere|dieser|diese)|kennt ihr (?:schon )?unser|verraten sie (?:uns )?(?:gerne )?in den kommentaren|schreib(?:t|en sie)? (?:es )?(?:uns )?in die kommentare|nuestro canal de (?:youtube|telegram|whatsapp)|tenemos canal de|hazte (?:miembro|socio)|únete (?:a|desde))\b)/iu;

/** Image captions and credits ("Foto: dpa", "Photograph: Guy Smallman/Getty Images", "Bild via …"). */
const CREDIT_RE =
  /(?:^|[\s(|/–—-])(?:fotos?|photos?|photograph|photography|bild(?:er)?|beitragsbild|titelbild|headerbild|image|images|imagen|imágenes|credits?|crédits? photos?|quelle|source|fuente|źródło)\s*(?::|by|via|von|\/)\s*\S|(?:©|\(c\))\s*\S|\b(?:shutterstock|getty ?images|istockphoto|imago(?: images)?|picture[- ]alliance|dpa|afp|reuters|ap photo|keystone|unsplash|pixabay)\b(?:[/.]com)?\s*(?:\)\s*)?$/iu;

/** A line that is only a date and/or time, perhaps with a label or an author ("23.10.2018", "3:59 PM", "Aktualisiert: 11.04.2020, 10:27"). */
const DATE_LINE_RE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last (?:updated|modified)|veröffentlicht|aktualisiert|publiziert|erstellt|geändert|stand|datum|publié|mis à jour|publicado|actualizado|publikacja|aktualizacja|on|am|le|el)\s{0,60}(?:am|on|le|el)?\s{0,60}:?\s{0,60})?` +
    String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\w{0,60}\.?,?\s{0,60})?` +
    String.raw`[\d\s./:,-]{0,60}(?:[\p{L}]{3,12}\.?[\d\s./:,-]{0,60})?(?:\s{0,60}(?:uhr|am|pm|h|cet|cest|gmt|utc|[+-]\d{2}:?\d{2}))?\s{0,60}(?:[|·•–—-].{0,40})?$`,
  'iu',
);

/** The post's own filing line at its end ("Der Beitrag wurde am Mittwoch … veröffentlicht", "This entry was posted in …"). */
const POST_META_RE =
  /^(?:der beitrag wurde|dieser (?:beitrag|eintrag|artikel) wurde|this (?:entry|post|article) was (?:posted|published|written|filed)|posted (?:on|in|by)\b|erstellt am|veröffentlicht am|geschrieben (?:am|von)|published on)\b/iu;
/** An author box closing the article: a name followed by what the person is or does, or a first-person one. */
const AUTHOR_NAME_RE =
  /^[\p{Lu}][\p{L}.'’-]+(?:\s+(?:[\p{Lu}][\p{L}.'’-]+|van|von|de|der|da|del|di|le|la)){0,3}\s+(?:ist|is|war|was|arbeitet|works|schreibt|writes|lebt|lives)\s(.{0,80})/u;
const AUTHOR_ROLE_RE =
  /\b(?:head of|founder|gründer(?:in)?|co-founder|redakteur(?:in)?|editor|journalist(?:in)?|autor(?:in)?|author|writer|professor(?:in)?|reporter(?:in)?|correspondent|korrespondent(?:in)?|consultant|berater(?:in)?|manager(?:in)?|contributor|freelance|freie[rn]? |columnist|kolumnist(?:in)?|blogger(?:in)?|ceo|geschäftsführer(?:in)?|director|direktor(?:in)?|lecturer|researcher|wissenschaftler(?:in)?)/iu;
const FIRST_PERSON_BIO_RE = /^(?:als|as) .{3,60}? (?:betreue|schreibe|verantworte|bin) ich\b/iu;

/** True for a short author box: "Inga Buller ist Head of Social …", "Jane Doe is a professor of …", "Als Managerin betreue ich …". */
export function isAuthorBio(text: string): boolean {
  if (text.length >= 400) return false;
  const named = AUTHOR_NAME_RE.exec(text);
  return (named !== null && AUTHOR_ROLE_RE.test(named[1] ?? '')) || FIRST_PERSON_BIO_RE.test(text);
}

const HEADING_RE = /^h[1-6]$/u;
/** Affiliate and advertising notices put above the text ("This post contains affiliate links…", "*Werbung", "Für Links auf dieser Seite erhält … eine Provision"). */
const DISCLOSURE_RE =
  /^(?:\*?\s*(?:werbung|anzeige|advertorial|sponsored|gesponsert)\s*(?:[:.*|–—-]|$)|(?:dieser|der) (?:beitrag|artikel|post|text) enthält (?:werbung|affiliate)|(?:disclosure|affiliate disclosure|offenlegung|transparenzhinweis)\s*:|(?:this|the) (?:post|article|page) (?:contains|may contain|includes) (?:affiliate|references to products|sponsored)|.{0,80}\b(?:we|i) (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|.{0,80}\b(?:erhält|erhalten|bekommt|bekommen) .{0,60}\b(?:provision|vergütung)\b)/iu;
/** "By Jane Doe", "Von Sina Giebel | 14. Juni 2019", "Text: Max Muster" (short lines only). */
const BYLINE_RE =
  /^(?:(?:by|von|par|por|di|door|text|texto|autor|author|auteur)(?:\s*:)?\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:(?:\s*[,&]|\s+(?:and|und|et|y))\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})?)(?:\s*[|,·•–—-].{0,60})?$/iu;
/** Ends a sentence; with the full-width marks of Chinese and Japanese text ("。", "！", "」"). */
const SENTENCE_END_RE = /[.!?:;…"”“»)。！？；：」』）]$/u;
const CJK_CHAR_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/**
 * A line's length for the short-label rules, in Latin characters: a Chinese, Japanese or Korean character counts
 * twice (one carries about as much as a short word), so a 30-character Chinese sentence is not taken for a label.
 */
const lineWidth = (text: string): number => text.length + (text.match(CJK_CHAR_RE)?.length ?? 0);
/** A line opening with a bullet ("+ Added …", "- Removed …", "• …"): a list item typed as text, not a label. */
const BULLET_LINE_RE = /^[-+*•·–—►▪◦]\s/u;
/** A short unpunctuated line that is not a heading or a bullet item: a kicker label, a name, a credit. */
const isShortLabel = (b: HtmlBlock, maxWidth: number): boolean =>
  b.text.length < maxWidth && // the width is never less than the length: long blocks are not scanned
  lineWidth(b.text) < maxWidth &&
  !HEADING_RE.test(b.tag) &&
  !BULLET_LINE_RE.test(b.text) &&
  !SENTENCE_END_RE.test(b.text);
/** A heading whose links all point into the page itself (a permalink "¶", a table-of-contents back-link): a section heading. */
const linksOnlyInPage = (b: HtmlBlock): boolean => b.links.length > 0 && b.links.every((l) => l.href.startsWith('#'));

/** True when a short block is nothing but a date/time stamp (optionally labelled, optionally "| author"). */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || !/\d/u.test(text)) return false;
  if (!/(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b)/u.test(text))
    return false;
  return DATE_LINE_RE.test(text);
}

/** True for an image caption/credit line. */
export function isCreditLine(block: Pick<HtmlBlock, 'text' | 'tag'>): boolean {
  if (block.tag === 'figcaption') return true;
  return block.text.length <= 120 && CREDIT_RE.test(block.text);
}

/** True for a heading or short line that opens a related-links, comments, share or tags section. */
export function isTailSectionMarker(text: string): boolean {
  return text.length <= 80 && TAIL_SECTION_RE.test(text.trim());
}

/** "Read more: <a>Title</a>": one labelled link, left for the cross-link pass (it becomes a relatedLink). */
const isLabelledCrossLink = (b: HtmlBlock): boolean => b.links.length <= 1 && /^[^:]{1,40}:\s/u.test(b.text);

const CELL_TAGS = new Set(['td', 'th']);
/** Prose paragraphs after a related-links box that make it a box inside the article rather than its tail. */
const MIN_PROSE_AFTER_BOX = 2;
/** …and their share of the text before the box (teaser descriptions after a "Related" heading are a few lines). */
const MIN_PROSE_SHARE_AFTER_BOX = 0.25;
/** A box inside the article lists a few links; a longer list is the page's link section. */
const MAX_BOX_LINKS = 3;
const isProse = (b: HtmlBlock): boolean =>
  b.text.length >= 150 && b.linkDensity < 0.2 && SENTENCE_END_RE.test(b.text) && !HEADING_RE.test(b.tag);

/**
 * Where a related-links box opened by the marker at `marker` ends, when the article goes on after it: a related
 * marker ("Related", not comments, tags or a newsletter prompt), at most MAX_BOX_LINKS link lines (link density ≥ 0.5)
 * after it, then at least MIN_PROSE_AFTER_BOX prose paragraphs holding MIN_PROSE_SHARE_AFTER_BOX of the text before.
 * -1 when the marker opens the page's tail.
 */
export function inlineBoxEnd(blocks: HtmlBlock[], marker: number): number {
  if (!RELATED_MARKER_RE.test((blocks[marker] as HtmlBlock).text.trim())) return -1;
  let end = marker + 1;
  while (end < blocks.length && (blocks[end] as HtmlBlock).linkDensity >= 0.5) end++;
  if (end - marker - 1 > MAX_BOX_LINKS) return -1;
  const before = blocks.slice(0, marker).reduce((n, b) => n + b.text.length, 0);
  let prose = 0;
  let proseChars = 0;
  for (const b of blocks.slice(end)) {
    if (!isProse(b)) continue;
    prose++;
    proseChars += b.text.length;
  }
  return prose >= MIN_PROSE_AFTER_BOX && proseChars >= before * MIN_PROSE_SHARE_AFTER_BOX ? end : -1;
}

export function trimBoilerplateBlocks(input: HtmlBlock[]): TrimResult {
  const removed: TrimResult['removed'] = [];
  const drop = (b: HtmlBlock, kind: PrepassKind): void => {
    removed.push({ kind, text: b.text });
  };
  const totalChars = input.reduce((n, b) => n + b.text.length, 0);

  // Captions and credits anywhere; edge chrome lines anywhere they stand alone.
  let blocks = input.filter((b) => {
    if (isCreditLine(b)) {
      drop(b, 'boilerplate');
      return false;
    }
    if (b.text.length <= 80 && EDGE_CHROME_RE.test(b.text)) {
      drop(b, 'boilerplate');
      return false;
    }
    return true;
  });

  // A tail section ("Related", "Kommentare", "Tags: …") in the second half of the text: cut from there on. A table
  // cell is not a section heading ("Comment" heading a table column); a related-links box with the article's prose
  // after it is a box inside the article: only the box goes (see inlineBoxEnd).
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as HtmlBlock;
    if (i > 0 && seen >= totalChars * 0.5 && !CELL_TAGS.has(b.tag) && !b.inCell && isTailSectionMarker(b.text)) {
      const kind: PrepassKind =
        /comment|kommentar|comentario|commenti|komentar|diskutieren|conversation|discussion/iu.test(b.text)
          ? 'comments'
          : 'related-link';
      const boxEnd = kind === 'related-link' ? inlineBoxEnd(blocks, i) : -1;
      if (boxEnd > i) {
        for (const box of blocks.slice(i, boxEnd)) drop(box, kind);
        blocks = [...blocks.slice(0, i), ...blocks.slice(boxEnd)];
        i -= 1;
        continue;
      }
      for (const rest of blocks.slice(i)) drop(rest, kind);
      blocks = blocks.slice(0, i);
      break;
    }
    seen += b.text.length;
  }

  // Leading chrome, before the first real paragraph: the headline, date stamps, bylines, link-only lines, and short
  // unpunctuated lines that are not headings (a kicker label, an author's name, a photo credit).
  const lead: HtmlBlock[] = [];
  let start = 0;
  for (; start < Math.min(blocks.length - 1, 6); start++) {
    const b = blocks[start] as HtmlBlock;
    if (b.text.length < 400 && DISCLOSURE_RE.test(b.text)) {
      drop(b, 'advertisement');
      continue;
    }
    if (b.text.length >= 100 && b.linkDensity < 0.5) break;
    if (b.tag === 'h1') drop(b, 'headline');
    else if (isDateLine(b.text)) drop(b, 'boilerplate');
    else if (BYLINE_RE.test(b.text)) drop(b, 'boilerplate');
    else if (b.linkDensity >= 0.8) drop(b, 'navigation');
    else if (isShortLabel(b, 40))
      drop(b, 'boilerplate'); // a label, name or credit line
    else lead.push(b);
  }
  blocks = [...lead, ...blocks.slice(start)];

  // Trailing chrome: link-only lines, date stamps, short unpunctuated lines and headings with nothing after them.
  while (blocks.length > 1) {
    const b = blocks[blocks.length - 1] as HtmlBlock;
    if (isDateLine(b.text)) drop(b, 'boilerplate');
    else if (b.linkDensity >= 0.8 && b.text.length < 150) drop(b, 'related-link');
    else if (b.linkDensity > 0.5 && b.text.length < 300 && !isLabelledCrossLink(b))
      drop(b, 'related-link'); // mostly links: a teaser or link list
    else if (HEADING_RE.test(b.tag)) drop(b, 'boilerplate');
    else if (isShortLabel(b, 30)) drop(b, 'boilerplate');
    else if (b.text.length < 250 && TAIL_PROMPT_RE.test(b.text)) drop(b, 'newsletter');
    else if (b.text.length < 250 && POST_META_RE.test(b.text)) drop(b, 'boilerplate');
    else if (isAuthorBio(b.text)) drop(b, 'boilerplate');
    else break;
    blocks = blocks.slice(0, -1);
  }

  // Link-only headings inside the text are teasers for other articles, unless they link into the page itself.
  blocks = blocks.filter((b) => {
    if (HEADING_RE.test(b.tag) && b.linkDensity >= 0.9 && !linksOnlyInPage(b)) {
      drop(b, 'related-link');
      return false;
    }
    return true;
  });

  return { blocks, removed };
}
