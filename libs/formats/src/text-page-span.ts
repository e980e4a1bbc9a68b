/**
 * Finds the article inside a flattened page (a scraper's `innerText`: banner, menus, cookie notice, headline,
 * body, share bar, "most read", comments, footer, all as lines) from the page's own structure, whatever the site:
 * prose lines (long, ending like sentences) carry the article; short lines, lines repeated across the page and
 * lines made of navigation vocabulary cost. The article is the densest run (a maximum-sum window, linear time),
 * closed early by section words that end articles (comments, share, related, tags) in en/es/fr/de/pt/it.
 */

export interface BlockShape {
  words: number;
  chars: number;
  /** Ends like a sentence and is long enough to be a paragraph. */
  prose: boolean;
  /** Made of navigation/chrome vocabulary only ("Home", "Kontakt | Impressum", "Partager"). */
  navigation: boolean;
  /** A heading that ends the article: comments, share, related, tags, author box, newsletter. */
  articleEnd: boolean;
  /** The same short line appears elsewhere on the page (menus, repeated teasers). */
  repeated: boolean;
  /** A heading of a list printed after articles (recent posts, further reading, post navigation). */
  listEnd: boolean;
  /** Where a comment section starts: its "3 Responses to …" heading, or a "<name> says:" line over a dated line. */
  commentStart: boolean;
  /** A bare comment label or counter ("Comments (3 posted)", "12 Kommentare"): it also tags items of a list. */
  commentCounter: boolean;
  /** The first line of a share bar: a run of short lines naming networks or share actions (see shareBarStarts). */
  shareBar: boolean;
  /** A short line naming a network or a share action ("Artikel per WhatsApp teilen", "Drucken"): a bar is made of them. */
  shareLine: boolean;
  /** The first line of a contact block: short lines over two or more phone, e-mail or web-address lines (see contactBlockStarts). */
  contactBlock: boolean;
  /** The first line of a teaser card: its title, label and date lines over a teaser and a "read more" link (see teaserCardStarts). */
  teaserCard: boolean;
}

export interface ArticleSpan {
  /** First and last block of the article's body (inclusive); start > end when the page has no prose. */
  start: number;
  end: number;
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const SENTENCE_END_RE = /[.!?…。！？:]["”’»)\]]?$/u;

/** Words and phrases that make up menus, footers and share bars, in the languages the service reads. */
const NAVIGATION_WORDS = new Set(
  [
    // en
    'home|menu|main menu|search|news|latest|latest news|sport|sports|business|politics|world|local|opinion|entertainment|lifestyle|technology|tech|science|health|travel|video|videos|photos|podcasts|weather|contact|contact us|about|about us|imprint|privacy|privacy policy|terms|terms of use|terms of service|cookies|cookie policy|cookie settings|login|log in|log out|sign in|sign up|register|subscribe|newsletter|archive|archives|categories|category|tags|share|tweet|print|email|e-mail|more|next|previous|back|top|back to top|skip to content|skip to main content|read more|continue reading|comments|reply|related|related posts|related articles|most read|most popular|trending|follow us|advertise|careers|jobs|shop|help|faq|sitemap|rss|blog|events|recent posts|recent comments|meta|toggle navigation|skip navigation|zur navigation springen|zum inhalt springen|springe zum inhalt|zum hauptinhalt springen|aller au contenu|ir al contenido|saltar al contenido|vai al contenuto|close|open|accept|settings|facebook|twitter|instagram|youtube|linkedin|whatsapp|pinterest|telegram|reddit|x|copy link|feed|entries feed|comments feed|log in|edit|permalink|newer posts|older posts|previous post|next post|leave a reply|cancel reply',
    // de
    'startseite|suche|suchen|menü|navigation|kontakt|impressum|datenschutz|datenschutzerklärung|agb|anmelden|registrieren|abmelden|archiv|kategorien|kategorie|schlagwörter|schlagworte|teilen|drucken|kommentare|kommentar|antworten|weiterlesen|mehr|zurück|weiter|nach oben|ähnliche beiträge|verwandte artikel|meistgelesen|neueste beiträge|letzte kommentare|folgen sie uns|über uns|nachrichten|politik|wirtschaft|kultur|panorama|wissen|reise|lokales|regionales|service|hilfe|jobs|termine|veranstaltungen|mediathek|abonnieren|abo|vorheriger beitrag|nächster beitrag|autor|schließen|einstellungen|akzeptieren|barrierefreiheit|nutzungsbedingungen|cookie-einstellungen|feed der einträge|kommentare-feed|gefällt mir',
    // fr
    "accueil|rechercher|recherche|connexion|se connecter|s’inscrire|s'inscrire|inscription|mentions légales|partager|imprimer|commentaires|répondre|lire la suite|articles similaires|à lire aussi|les plus lus|actualités|actualité|politique|économie|société|culture|suivez-nous|international|monde|sports|abonnez-vous|fermer|précédent|suivant|plan du site|nous contacter|qui sommes-nous",
    // es
    'inicio|portada|buscar|menú|contacto|aviso legal|privacidad|política de privacidad|iniciar sesión|registrarse|compartir|imprimir|comentarios|responder|leer más|noticias relacionadas|lo más leído|lo último|síguenos|política|economía|deportes|cultura|sociedad|internacional|opinión|nacional|suscríbete|cerrar|anterior|siguiente|mapa del sitio|quiénes somos',
    // pt
    'início|página inicial|pesquisar|contato|entrar|sair|compartilhar|partilhar|comentários|leia mais|mais lidas|notícias relacionadas|economia|esportes|desporto|assine|fechar|próximo|quem somos',
    // it
    'cerca|contatti|accedi|registrati|condividi|stampa|commenti|rispondi|leggi anche|più letti|ultime notizie|cronaca|chi siamo|precedente|successivo|chiudi',
  ]
    .join('|')
    .split('|'),
);

/** Headings that close an article: what follows is comments, sharing, related stories, tags or the author box. */
const ARTICLE_END_RE =
  /^(?:\d+\s+)?(?:comments?|leave a (?:reply|comment)|add a comment|join the (?:conversation|discussion)|share this(?: article| story| post)?|share on|related(?: posts| articles| stories| content)?|you (?:may|might) also like|more from|more stories|read next|recommended(?: for you)?|most (?:read|popular|viewed)|tags?|topics|filed under|about the author|newsletter|kommentare?|kommentar verfassen|schreibe einen kommentar|kommentieren|diesen beitrag teilen|teilen sie dies mit|teile diesen beitrag|ähnliche (?:beiträge|artikel)|das könnte sie auch interessieren|weitere (?:artikel|beiträge|nachrichten|themen)|mehr zum thema|mehr themen|(?:zum )?weiterlesen|mehr lesen über|pour approfondir|lire aussi|schlagw(?:ö|o)rter|schlagworte|über den autor|zum autor|commentaires?|laisser un commentaire|laisser une réponse|partager(?: cet article)?|articles? similaires|à lire aussi|sur le même sujet|les plus lus|étiquettes|mots-clés|comentarios?|deja (?:un|tu) comentario|deja una respuesta|noticias relacionadas|te puede interesar|lo más leído|etiquetas|sobre el autor|comentários?|deixe (?:um comentário|uma resposta)|leia também|notícias relacionadas|mais lidas|commenti|lascia un commento|articoli correlati|potrebbe interessarti|più letti)\b/iu;

/**
 * Headings of the lists a page prints after its article, in en/de/fr/es/pt/it: further reading, the post navigation,
 * recent and related posts, a press release's press contact, the most-viewed and other-news teaser lists ("Lo más
 * visto", "Meistkommentiert", "Les plus partagés", "You might like"). Labels that also head a box inside the text ("Lesen Sie auch:", "Relacionados:", "Keep
 * reading", "Últimas noticias") are not among them: after the lead paragraph they would cut it off the article.
 */
const LIST_END_RE =
  /^(?:posts? navigation|recent posts|latest posts|further reading|beitragsnavigation|verwandte (?:artikel|beiträge|themen|themenbereiche)|neueste beiträge|weiterführende (?:links|artikel|informationen|themen|inhalte)|meistgelesene? artikel|mehr zu (?:dem|diesem) thema|über den author|articles liés|la rédaction vous conseille|navigation des articles|articles récents|derniers articles|temas relacionados|artículos relacionados|navegación de entradas|entradas recientes|artigos relacionados|posts relacionados|navegação de posts|posts recentes|articoli recenti|navigazione articoli|pressekontakte?|press contacts?|media contacts?|contacts? presse|contacto de prensa|contato para imprensa|contatti stampa|most (?:viewed|shared|commented|watched|emailed)|you (?:may|might) like|more great|lo más (?:visto|leído|compartido|comentado)|más (?:leíd[oa]s|vist[oa]s|compartid[oa]s|comentad[oa]s)|otras noticias|les plus (?:vus|partagés|commentés|consultés)|meistgesehen|meistkommentiert|meistgeteilt|am meisten gelesen|mais (?:lid[oa]s|vist[oa]s|comentad[oa]s|compartilhad[oa]s)|outras notícias|più (?:visti|condivisi|commentati)|altre notizie)\b/iu;

const MAX_END_HEADING_WORDS = 8;
/** A prose block: at least this many words (CJK: characters / 2) and a sentence end. */
const PROSE_MIN_WORDS = 10;
/** A block this long counts as prose even without a final stop (a paragraph cut by the scraper). */
const PROSE_LONG_WORDS = 30;

export function blockWords(text: string): number {
  let spaced = 0;
  let inWord = false;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x2e7f) ascii = false;
    const space = code === 32;
    if (!space && !inWord) spaced += 1;
    inWord = !space;
  }
  // CJK scripts write no spaces: count two characters as a word (only scanned when such characters can occur).
  const cjk = ascii ? 0 : (text.match(CJK_RE)?.length ?? 0);
  return Math.max(spaced, Math.ceil(cjk / 2));
}

/** Navigation key: lower-case, without edge punctuation and counters ("Kommentare (3)" → "kommentare"). */
function navigationKey(segment: string): string {
  const lower = segment.toLowerCase();
  // Most menu words need none of the replacements: one test instead of three passes (text-page layout hot path).
  if (!NAVIGATION_KEY_WORK_RE.test(lower)) return lower;
  return lower
    .replace(/\(\d+\)/gu, '')
    .replace(/[:.…»›>|•·]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
/** Something navigationKey must replace: a counter's parenthesis, edge punctuation, a run of or an edge space. */
const NAVIGATION_KEY_WORK_RE = /[(:.…»›>|•·]|\s\s|[^\S ]|^ | $/u;

const NAVIGATION_SEPARATOR_RE = /[|•·/]/u;

/** Menu lines are short: longer blocks are never checked word by word. */
const MAX_NAVIGATION_CHARS = 120;

export function isNavigationVocabulary(block: string): boolean {
  if (block.length > MAX_NAVIGATION_CHARS) return false;
  const separated = NAVIGATION_SEPARATOR_RE.test(block);
  const key = navigationKey(block);
  const segments = separated ? block.split(NAVIGATION_SEPARATOR_RE).map(navigationKey).filter(Boolean) : [key];
  if (segments.length > 0 && segments.every((s) => s && NAVIGATION_WORDS.has(s))) return true;
  // "Menü Menü", "Login Register": a few menu words run together (two to four: one to three spaces, counted before
  // any split, as most short lines are not).
  const spaces = spaceCount(key, 4);
  if (spaces < 1 || spaces > 3) return false;
  return key.split(' ').every((w) => NAVIGATION_WORDS.has(w));
}

/** Spaces in `text`, counted up to `limit`. */
function spaceCount(text: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(' '); at >= 0 && count < limit; at = text.indexOf(' ', at + 1)) count += 1;
  return count;
}

/** A heading alone on its line; "Related: <title>" is a cross-link inside the article, not its end. */
export function isArticleEndHeading(block: string): boolean {
  if (block.length > 120 || blockWords(block) > MAX_END_HEADING_WORDS || !ARTICLE_END_RE.test(block.trim()))
    return false;
  const colon = block.indexOf(':');
  return colon < 0 || colon >= block.length - 2;
}

/**
 * A heading of a list printed after the article (see LIST_END_RE). It closes a window that ran through it but costs
 * nothing inside one: a page that prints it above the article too must not lose its lead to it.
 */
export function isListEndHeading(block: string): boolean {
  if (isPostNavigationLine(block)) return true;
  if (block.length > 120 || blockWords(block) > MAX_END_HEADING_WORDS || !LIST_END_RE.test(block.trim())) return false;
  const colon = block.indexOf(':');
  return colon < 0 || colon >= block.length - 2;
}

/**
 * The links to the previous and next post, with or without their titles ("Next: <title>", "Vorheriger Beitrag",
 * "Article suivant <title>", "ARTÍCULO ANTERIOR").
 */
const POST_NAVIGATION_RE =
  /^(?:(?:next|previous|prev|older|newer)(?: (?:article|post|story|entry))?\s?[:»›>]|(?:vorheriger|voriger|nächster) (?:beitrag|artikel)\b|article (?:précédent|precedent|suivant)\b|(?:artículo|entrada|post) (?:anterior|siguiente)\b|(?:próximo|anterior) (?:post|artigo)\b|articolo (?:precedente|successivo)\b)/iu;
const MAX_POST_NAVIGATION_CHARS = 200;

export function isPostNavigationLine(block: string): boolean {
  return block.length <= MAX_POST_NAVIGATION_CHARS && POST_NAVIGATION_RE.test(block);
}

/** "3 Responses to <title>", "Ein Gedanke zu „<title>“", "142 Antworten zu <title>": a blog's comment section. */
const COMMENT_SECTION_RE =
  /^(?:\d+|one|two|three|eine?|zwei|drei|une?|deux|trois|una?|dos|tres|um|uma|duas)\s(?:thoughts?|responses?|replies|comments?|gedanken?|antworten|kommentare?|ergänzungen|réactions?|réponses?|commentaires?|respuestas?|comentarios?|comentários?|respostas?|commenti|risposte)\s(?:on|to|zu|à|a|sur|en|para|em|su)\s/iu;
/** A commenter's line: a short name, then "says:" in the languages the service reads. */
const COMMENTER_RE = /\s(?:says|sagt|schreibt|meint|dit|dice|diz|scrive)\s?:$/iu;
/** The line under a commenter: a date with a year and a time ("29. Juni 2016 um 17:21 Uhr", "May 3, 2026 at 9:14 am"). */
const COMMENT_DATE_YEAR_RE = /(?:19|20)\d\d/u;
const COMMENT_DATE_TIME_RE = /\d[:.]\d\d/u;
const MAX_COMMENTER_CHARS = 80;

/** A heading, not a sentence that happens to start with a count ("Three replies to the council came in."). */
export function isCommentSectionHeading(block: string): boolean {
  return block.length <= MAX_COMMENTER_CHARS * 3 && !block.endsWith('.') && COMMENT_SECTION_RE.test(block);
}

export function isCommenterLine(block: string, next: string): boolean {
  return (
    block.length <= MAX_COMMENTER_CHARS &&
    COMMENTER_RE.test(block) &&
    next.length <= MAX_COMMENTER_CHARS &&
    COMMENT_DATE_YEAR_RE.test(next) &&
    COMMENT_DATE_TIME_RE.test(next)
  );
}

/**
 * The heading of a comment form ("Leave a reply", "Écrire un commentaire", "Schreibe einen Kommentar", "Deja un
 * comentario", "Deixe um comentário", "Lascia un commento"): the comments start there, whatever their length.
 */
export function isCommentFormHeading(block: string): boolean {
  return block.length <= MAX_COMMENT_FORM_CHARS && COMMENT_FORM_RE.test(block);
}
const MAX_COMMENT_FORM_CHARS = 60;
const COMMENT_FORM_RE =
  /^(?:leave a (?:reply|comment)|add a comment|write a comment|post a comment|écrire un commentaire|laisser un commentaire|ajouter un commentaire|laisser une réponse|schreibe einen kommentar|kommentar (?:schreiben|verfassen|hinterlassen)|hinterlasse einen kommentar|deja (?:un|tu) comentario|deja una respuesta|escribe (?:un|tu) comentario|deixe (?:um|seu) comentário|deixe uma resposta|escreva (?:um|seu) comentário|lascia un commento|scrivi un commento)\s?[:.!]?$/iu;

/** A labelled tag list after the article: "Themen: Formel 1, Saison 2026", "Tags: harbour, strike". */
const TAG_LINE_RE =
  /^(?:tags?|topics|filed under|themen|schlagw(?:ö|o)rter|schlagworte|stichw(?:ö|o)rter|étiquettes|mots-clés|sujets|etiquetas|temas|assuntos|tópicos|argomenti)\s?:\s?\S/iu;
const MAX_TAG_LINE_CHARS = 300;

/** A tag list: its label, then short comma- or pipe-separated items. */
export function isTagLine(block: string): boolean {
  if (block.length > MAX_TAG_LINE_CHARS || !TAG_LINE_RE.test(block)) return false;
  const rest = block.slice(block.indexOf(':') + 1);
  const items = rest.split(/[,|•·]/u);
  if (items.every((item) => blockWords(item) <= 6)) return true;
  // Links joined by spaces ("Etiquetas: COLONIA RÍO VERDE FISCAL JOSÉ GODOY"): every word capitalised, no punctuation.
  const words = rest.trim().split(' ');
  return words.length <= MAX_JOINED_TAG_WORDS && words.every((word) => JOINED_TAG_WORD_RE.test(word));
}
const MAX_JOINED_TAG_WORDS = 30;
const JOINED_TAG_WORD_RE = /^[\p{Lu}\d][\p{L}\d'’-]*$/u;

/**
 * "Comment", "3 Kommentare", "Comments (5 posted)": a counter, not an invitation to comment. Editions and teaser lists
 * print one under each item, and tables use the word as a column label, so it does not close a window on its own.
 */
const COMMENT_COUNTER_RE =
  /^(?:\d+ )?(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento)(?: ?\(\d+(?: [\p{L}]+)?\))?$/iu;
const MAX_COMMENT_COUNTER_CHARS = 40;

export function shapeBlocks(blocks: string[]): BlockShape[] {
  // Short blocks lower-cased once: for the repetition count and the share-bar words.
  const lowers = blocks.map((block) => (block.length > 120 ? '' : block.toLowerCase()));
  const counts = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (block.length > 120) return;
    const key = lowers[i] ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const shareLines = blocks.map((block, i) => isShareLine(block, lowers[i] ?? ''));
  const shareBars = shareBarStarts(shareLines);
  const contactBlocks = contactBlockStarts(blocks);
  const teaserCards = teaserCardStarts(blocks);
  return blocks.map((block, i) => {
    const words = blockWords(block);
    const sentence = SENTENCE_END_RE.test(block);
    return {
      words,
      chars: block.length,
      prose: (words >= PROSE_MIN_WORDS && sentence) || words >= PROSE_LONG_WORDS,
      navigation: isNavigationVocabulary(block),
      articleEnd: (isArticleEndHeading(block) && !opensCrossLinkBox(blocks, i)) || isTagLine(block),
      repeated: block.length <= 120 && (counts.get(lowers[i] ?? '') ?? 0) > 1,
      listEnd: isListEndHeading(block),
      commentStart:
        isCommentSectionHeading(block) || isCommenterLine(block, blocks[i + 1] ?? '') || isCommentFormHeading(block),
      commentCounter: block.length <= MAX_COMMENT_COUNTER_CHARS && COMMENT_COUNTER_RE.test(block),
      shareBar: shareBars.has(i),
      shareLine: shareLines[i]!,
      contactBlock: contactBlocks.has(i),
      teaserCard: teaserCards.has(i),
    };
  });
}

/**
 * A line of a contact block: a phone or fax number, an e-mail address or a web address alone on its line, with or
 * without its label ("Tel.: +49 30 1234-56", "E-Mail: presse@example.org", "www.example.org"). Short lines only.
 */
export function isContactLine(block: string): boolean {
  return contactLineKind(block) !== null;
}

function contactLineKind(block: string): 'email' | 'phone' | 'web' | null {
  if (block.length > MAX_CONTACT_LINE_CHARS || block.length < 6) return null;
  const trimmed = block.trim();
  const line = trimmed.replace(CONTACT_LABEL_RE, '');
  if (EMAIL_LINE_RE.test(line)) return 'email';
  if (WEB_ADDRESS_LINE_RE.test(line)) return 'web';
  // A number without a label is a phone number when written like one (a date or a count is not: "15.10.2021").
  if (!PHONE_LINE_RE.test(line) || (line === trimmed && !PHONE_START_RE.test(line))) return null;
  let digits = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits >= MIN_PHONE_DIGITS ? 'phone' : null;
}
const MAX_CONTACT_LINE_CHARS = 80;
const MIN_PHONE_DIGITS = 6;
const CONTACT_LABEL_RE =
  /^(?:t[eé]l(?:[eé]fono?|efone|[eé]phone)?|phone|fon|fax|mobil(?:e|telefon)?|handy|cel(?:ular)?|t|f|m|e-?mail|mail|courriel|correo(?: electrónico)?|web(?:site)?|internet|site|sitio web)\.?\s?:?\s?/iu;
const EMAIL_LINE_RE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const WEB_ADDRESS_LINE_RE = /^(?:https?:\/\/)?www\.[\w-]+(?:\.[\w-]+)+(?:\/[^\s]*)?$/iu;
/** Digits and the marks numbers are written with; at least MIN_PHONE_DIGITS digits (counted apart). */
const PHONE_LINE_RE = /^\+?[\d\s()/.–-]+$/u;
const PHONE_START_RE = /^(?:\+|\(|0\d*[\s/(–-])/u;
/** A contact block: this many contact lines, each within CONTACT_BLOCK_REACH lines of the one before. */
const MIN_CONTACT_LINES = 2;
const CONTACT_BLOCK_REACH = 4;
/** The name, role and office lines over a block's first contact line: at most this many, each short. */
const CONTACT_HEAD_LINES = 4;
const MAX_CONTACT_HEAD_WORDS = 8;

/**
 * The first lines of the contact blocks of a page (a press office's or the site's: a name, a role, an office, then
 * phone numbers, e-mail and web addresses): at least MIN_CONTACT_LINES contact lines, each within CONTACT_BLOCK_REACH
 * lines of the last, one of them an e-mail address (a venue's or a shop's address box inside an article lists a phone
 * and a web address, an office's or the site's contact an e-mail address too), and the short lines right over the
 * first one. Like a list heading, a block closes a window that ran through it once most of the article is before it.
 * Linear: each line is tested once, the head walk is bounded.
 */
function contactBlockStarts(blocks: string[]): Set<number> {
  const starts = new Set<number>();
  const kinds = blocks.map(contactLineKind);
  let first = -1;
  let last = -Infinity;
  let lines = 0;
  let email = false;
  const close = (): void => {
    if (first < 0 || lines < MIN_CONTACT_LINES || !email) return;
    let head = first;
    while (
      head > 0 &&
      first - head < CONTACT_HEAD_LINES &&
      kinds[head - 1] === null &&
      blockWords(blocks[head - 1] ?? '') <= MAX_CONTACT_HEAD_WORDS &&
      !SENTENCE_END_RE.test(blocks[head - 1] ?? '')
    )
      head -= 1;
    starts.add(head);
  };
  for (let i = 0; i < blocks.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    if (i - last > CONTACT_BLOCK_REACH) {
      close();
      first = i;
      lines = 0;
      email = false;
    }
    lines += 1;
    email ||= kind === 'email';
    last = i;
  }
  close();
  return starts;
}

/**
 * A "read more" link alone on its line ("Mehr erfahren", "Weiterlesen →", "Read more »", "Lire la suite", "Leer más",
 * "Leia mais", "Leggi tutto"), lower-cased without the arrows and dots around it.
 */
export function isReadMoreLink(block: string): boolean {
  if (block.length > MAX_READ_MORE_CHARS) return false;
  let from = 0;
  let to = block.length;
  while (from < to && READ_MORE_MARKS.has(block.charAt(from))) from += 1;
  while (to > from && READ_MORE_MARKS.has(block.charAt(to - 1))) to -= 1;
  return READ_MORE_LINKS.has(block.slice(from, to).toLowerCase());
}
const MAX_READ_MORE_CHARS = 30;
/** The arrows, brackets, dots and spaces around a "read more" link. */
const READ_MORE_MARKS = new Set([' ', '\t', '\u00a0', '[', ']', '(', ')', '»', '›', '>', '→', '.', '…']);
const READ_MORE_LINKS = new Set(
  'read more|continue reading|learn more|read the full story|weiterlesen|mehr erfahren|mehr lesen|zum artikel|lire la suite|en savoir plus|lire plus|leer más|seguir leyendo|leer mas|ver más|leia mais|continue lendo|saiba mais|leggi tutto|continua a leggere|leggi di più|scopri di più'.split(
    '|',
  ),
);
/** A teaser card: at most this many title, label and date lines over its teaser. */
const TEASER_HEAD_LINES = 3;

/**
 * The first lines of a page's teaser cards: a "read more" link, the teaser right over it (one block) and one to
 * TEASER_HEAD_LINES short lines over that (the linked title, a label, a date). A link to the rest of a text under its
 * lead starts no list; the window closes at a card only once most of its prose is before it (see closeAtEndHeading).
 * Linear: each line is tested once, the walk back is bounded.
 */
function teaserCardStarts(blocks: string[]): Set<number> {
  const starts = new Set<number>();
  for (let i = 1; i < blocks.length; i++) {
    if (!isReadMoreLink(blocks[i] ?? '')) continue;
    // A title, a label or a date over the teaser: a "read more" under the text's own paragraphs heads a cross-link.
    if (i < 2 || blockWords(blocks[i - 2] ?? '') >= PROSE_MIN_WORDS) continue;
    let head = i - 1;
    for (let k = 0; k < TEASER_HEAD_LINES && head > 0; k++) {
      const above = blocks[head - 1] ?? '';
      if (blockWords(above) >= PROSE_MIN_WORDS || isReadMoreLink(above)) break;
      head -= 1;
    }
    starts.add(head);
  }
  return starts;
}

/**
 * Words of a share bar's lines, in the languages the service reads: the networks and the share, print and mail
 * actions ("Seite teilen", "Die EKD bei Facebook", "Artikel per WhatsApp teilen", "Compartir en Twitter").
 */
const SHARE_WORDS = new Set(
  'facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|tumblr|xing|pocket|flipboard|skype|messenger|threads|bluesky|mastodon|share|tweet|teilen|twittern|partager|compartir|compartilhar|partilhar|condividi|twittear|tuitear|print|drucken|imprimer|imprimir|stampa|email|e-mail|mail|link'.split(
    '|',
  ),
);
/** A share bar's line is short; this many consecutive ones make a bar (a lone "Facebook" line is a credit or a link). */
const MAX_SHARE_LINE_CHARS = 80;
const MIN_SHARE_BAR_LINES = 3;
/** A word of a share bar's line: a run of letters and hyphens. */
const SHARE_WORD_RE = /[\p{L}-]+/gu;

/** `lower` is the block lower-cased. */
function isShareLine(block: string, lower: string): boolean {
  if (block.length > MAX_SHARE_LINE_CHARS) return false;
  // Walked word by word, not split into an array: every short line of a page is tested.
  SHARE_WORD_RE.lastIndex = 0;
  for (let word = SHARE_WORD_RE.exec(lower); word; word = SHARE_WORD_RE.exec(lower))
    if (SHARE_WORDS.has(word[0])) return true;
  return false;
}

/**
 * The first lines of the share bars of a page: at least MIN_SHARE_BAR_LINES consecutive short lines that each name a
 * network or a share action. Like a list heading, a bar closes a window that ran through it once most of the article
 * is before it (a bar under the lead does not: the rest of the article follows it).
 */
function shareBarStarts(shareLines: boolean[]): Set<number> {
  const starts = new Set<number>();
  let run = 0;
  for (let i = 0; i <= shareLines.length; i++) {
    if (shareLines[i]) {
      run += 1;
      continue;
    }
    if (run >= MIN_SHARE_BAR_LINES) starts.add(i - run);
    run = 0;
  }
  return starts;
}

/**
 * A cross-link label alone on its line ("Related:", "À lire aussi :", "Mehr zum Thema:", "Leia também:"), one linked
 * title under it, then a paragraph: a box inside the article, not the heading of the lists after it.
 */
function opensCrossLinkBox(blocks: string[], i: number): boolean {
  const label = blocks[i] ?? '';
  const link = blocks[i + 1] ?? '';
  const next = blocks[i + 2] ?? '';
  // A linked title may ask or exclaim; it does not end like a statement or a label.
  if (!CROSS_LINK_LABEL_RE.test(label) || link.length > MAX_CROSS_LINK_CHARS || /[.:;,]$/u.test(link)) return false;
  return blockWords(next) >= PROSE_MIN_WORDS && SENTENCE_END_RE.test(next);
}
const CROSS_LINK_LABEL_RE =
  /^(?:related|read more|read also|also read|see also|more on this|lire aussi|à lire aussi|voir aussi|mehr zum thema|lesen sie auch|leia também|leia mais|veja também|lea también|lee también|leggi anche|vedi anche)\s*:?$/iu;
const MAX_CROSS_LINK_CHARS = 200;

/** What a block adds to (prose) or costs (chrome) the article window. */
function blockValue(shape: BlockShape): number {
  if (shape.articleEnd) return -400;
  if (shape.prose) return shape.chars;
  if (shape.navigation || shape.repeated) return -60;
  if (shape.words >= 8) return shape.chars * 0.2;
  return -25;
}

/**
 * The article's body: windows of positive block-value sum (Kadane's runs, linear), the best of them unless an
 * earlier one is nearly as strong (articles come before their comments, sidebars and footers).
 */
export function findArticleSpan(shapes: BlockShape[]): ArticleSpan {
  const runs: Array<{ start: number; end: number; sum: number }> = [];
  let sum = 0;
  let start = 0;
  let runBest = 0;
  let runEnd = -1;
  const close = (): void => {
    if (runEnd >= start && runBest > 0) runs.push({ start, end: runEnd, sum: runBest });
  };
  shapes.forEach((shape, i) => {
    if (sum <= 0) {
      close();
      sum = 0;
      start = i;
      runBest = 0;
      runEnd = -1;
    }
    sum += blockValue(shape);
    if (sum > runBest) {
      runBest = sum;
      runEnd = i;
    }
  });
  close();
  const best = runs.reduce((top, run) => Math.max(top, run.sum), 0);
  const chosen = runs.find((run) => run.sum >= EARLIER_RUN_SHARE * best);
  return chosen ? closeAtEndHeading(shapes, { start: chosen.start, end: chosen.end }) : { start: 0, end: -1 };
}

/**
 * A window can run through an end heading ("Related articles", "About the author") when the teasers or the bio after
 * it are long enough to pay for it. The article ends at the first such heading that follows most of the window's
 * prose: what comes after it is at most half as much text as the article before it (a box of links in the middle of
 * an article is followed by more of the article).
 */
function closeAtEndHeading(shapes: BlockShape[], span: ArticleSpan): ArticleSpan {
  // Prose characters before each block of the window (prefix sums: one pass).
  const proseBefore: number[] = [0];
  for (let i = span.start; i <= span.end; i++) {
    const shape = shapes[i]!;
    proseBefore.push(proseBefore.at(-1)! + (shape.prose ? shape.chars : 0));
  }
  const total = proseBefore.at(-1)!;
  for (let i = span.start + 1; i <= span.end; i++) {
    const shape = shapes[i]!;
    const before = proseBefore[i - span.start]!;
    if (before < MIN_PROSE_BEFORE_END) continue;
    // Comments may be longer than the article: their start closes it whatever follows.
    if (!shape.commentStart) {
      if (
        !(shape.articleEnd || shape.listEnd || shape.shareBar || shape.contactBlock || shape.teaserCard) ||
        shape.commentCounter
      )
        continue;
      if (before < MIN_ARTICLE_TO_TAIL_RATIO * (total - before)) continue;
    }
    return { start: span.start, end: bestEnd(shapes, span.start, i - 1) };
  }
  return span;
}

/** The block where the value sum from `start` is highest, up to `last` (the window's own end rule). */
function bestEnd(shapes: BlockShape[], start: number, last: number): number {
  let sum = 0;
  let best = -Infinity;
  let end = start;
  for (let i = start; i <= last; i++) {
    sum += blockValue(shapes[i]!);
    if (sum > best) {
      best = sum;
      end = i;
    }
  }
  return end;
}

/**
 * A short article under its headline that ends at its own share bar or end heading ("Teilen Sie dies mit:",
 * "Artikel teilen"), with the prose window found far below it in text about something else (a cookie dialog, a
 * licence notice, a sidebar's teasers): the article is the text between the headline and that heading. Null when
 * the window stands: no end heading between, little text above it, the window close under the heading (a share bar
 * printed over the article), or the window naming a word of the headline (the article's own text under a box).
 * Linear: one walk from the headline to the window, the window's words read only when the rest holds.
 */
export function spanUnderHeadline(
  blocks: string[],
  shapes: BlockShape[],
  headline: number,
  span: ArticleSpan,
): ArticleSpan | null {
  if (headline < 0 || headline + 1 >= span.start) return null;
  let words = 0;
  let longest = 0;
  for (let i = headline + 1; i < span.start; i++) {
    const shape = shapes[i]!;
    if (shape.articleEnd || shape.commentStart || shape.shareBar) {
      if (i === headline + 1 || span.start - i < MIN_GAP_TO_WINDOW) return null;
      if (words < MIN_WORDS_UNDER_HEADLINE || longest < PROSE_MIN_WORDS) return null;
      return windowNamesHeadline(blocks, headline, span) ? null : { start: headline + 1, end: i - 1 };
    }
    if (shape.listEnd) return null;
    if (!shape.navigation && !shape.repeated) {
      words += shape.words;
      longest = Math.max(longest, shape.words);
    }
  }
  return null;
}
/** The window lies this many blocks or more below the end heading (chrome between: sidebars, forms, dialogs). */
const MIN_GAP_TO_WINDOW = 12;
/** The text between the headline and its end heading: at least this many words. */
const MIN_WORDS_UNDER_HEADLINE = 15;
/** Headline words this long are the ones an article's text repeats (names, topics), not function words. */
const MIN_HEADLINE_WORD_CHARS = 5;
const WORD_SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** Some word of MIN_HEADLINE_WORD_CHARS letters or more of the headline is a word of the window's text. */
function windowNamesHeadline(blocks: string[], headline: number, span: ArticleSpan): boolean {
  const named = (blocks[headline] ?? '')
    .toLowerCase()
    .split(WORD_SPLIT_RE)
    .filter((word) => word.length >= MIN_HEADLINE_WORD_CHARS);
  if (named.length === 0) return false;
  const words = new Set<string>();
  for (let i = span.start; i <= span.end; i++)
    for (const word of (blocks[i] ?? '').toLowerCase().split(WORD_SPLIT_RE)) words.add(word);
  return named.some((word) => words.has(word));
}

/** An end heading closes the window only after this much prose (a share bar under the lead does not). */
const MIN_PROSE_BEFORE_END = 400;
/** The article before an end heading is at least this many times the prose after it. */
const MIN_ARTICLE_TO_TAIL_RATIO = 2;

/** An earlier window this strong relative to the best one is the article. */
const EARLIER_RUN_SHARE = 0.6;
