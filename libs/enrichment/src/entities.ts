import { FIELD_LIMITS, type EntityCount, type EntityType } from '@wirestream/contracts';
import {
  FIRST_NAMES,
  NOT_NAMES,
  ORG_KEYWORDS,
  ORG_NAMES,
  PLACE_ACRONYMS,
  PLACE_KEYWORDS,
  PLACE_NAMES,
  TITLES,
} from './gazetteer';
import {
  definedAsOrganisation,
  definesAcronym,
  INSTITUTION_LEADS,
  institutionTail,
  opensInstitution,
  ORG_HEADS,
} from './org-rules';
import { isNavigationLine, isShareLine, postcodeTail } from './page-noise';
import { STOPWORDS, SUPPORTED_LANGUAGES } from './stopwords';

/**
 * Rule-based named-entity tagger: capitalised token sequences (with "of"/"de"/"van"… inside), typed by
 * hand-written gazetteers (countries, cities, organisations, given names), organisation/place keywords, titles,
 * context ("in X" → place, "X said" → person) and document-level consistency (a surname alone is the person
 * named in full elsewhere; a string keeps the type it was given with evidence).
 */

export interface EntityMention {
  type: EntityType;
  /** Canonical name: the full person name for surname-only mentions; the surface text otherwise. */
  name: string;
  /** The span as written (titles excluded). */
  text: string;
  paragraph: number;
  /** Character offsets of the span within its paragraph. */
  start: number;
  end: number;
}

export interface PersonMention {
  name: string;
  paragraph: number;
  offset: number;
  /** Offset just past the mention: lets quote attribution map a name it read to the tagger's person. */
  end: number;
}

export interface EntityResult {
  people: EntityCount[];
  places: EntityCount[];
  organizations: EntityCount[];
  /** Every person mention in reading order — lets quote attribution find "he said" → last person. */
  personMentions: PersonMention[];
  /** Maps a name as written ("Petro", "President Gustavo Petro") to its canonical person name, if known. */
  resolvePerson: (written: string) => string | null;
  /** The people the headline names, in order (a quote with no one named before it in the body may be theirs). */
  titlePeople?: string[];
}

export interface EntityOptions {
  /** The headline: its mentions count (paragraph index -1) but do not precede body quotes. */
  title?: string | null;
  /** ISO 639-1; German capitalises every noun, so there a bare capitalised sequence is not evidence enough. */
  language?: string | null;
}

interface Token {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  word: boolean;
  possessive: boolean;
  sentenceStart: boolean;
}

interface Span {
  tokens: Token[];
  paragraph: number;
  hadTitle: boolean;
  sentenceStart: boolean;
  before: string;
  after: string;
  type: EntityType | null;
  /** Typed from strong evidence (gazetteer, keyword, title), not from a default. */
  strong: boolean;
}

// A token never starts right after a letter, mark or digit (the previous token took the whole run); saying so keeps
// the "AT&T" alternative from rescanning a long run of capitals or digits from each of its positions.
// Sticky: tokenize tries it at each position that is not a space (it matches at every such position: `\S` is last).
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|(?<![\p{L}\p{M}\p{N}])\d*\p{Lu}[\p{Lu}\d]*&\p{Lu}[\p{Lu}\d&]*|[\p{L}\p{M}\p{N}]+(?:[’'&-][\p{L}\p{M}\p{N}]+)*|\S/uy;
const SPACE_CHAR_RE = /\s/u;
const ABBREVIATED = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Jr',
  'Sr',
  'Mt',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Gen',
  'Gov',
  'Sen',
  'Rep',
  'Lt',
  'Col',
  'Capt',
  'Sgt',
  'Prof',
  'Rev',
  'Maj',
  'Adm',
  'Bros',
  'Mme',
  'Sra',
]);
const CONNECTORS = new Set([
  'of',
  'es',
  'de',
  'del',
  'della',
  'da',
  'do',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'du',
  'des',
  'la',
  'le',
  'di',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  '&',
  'und',
  'and',
  'for',
  'on',
  'upon',
]);
/**
 * Organisation keywords that end an institution's name ("… Agency", "… Council"). Modifiers that also open names
 * ("National Air and Space Museum", "Oil and Gas Commission") are left out, so a coordinated pair never splits there.
 */
const COORDINATION_HEADS = new Set(
  'Agency|Council|Authority|Committee|Commission|Department|Ministry|Office|Bureau|Board|Court|Police|Service|Trust|Foundation|Association|Society|Union|Federation|League|Club|FC|University|College|School|Institute|Hospital|Museum|Group|Company|Corporation|Inc.|Ltd|Ltd.|PLC|plc|LLC|GmbH|AG|Party|Church|Network|Airlines|Airways|Railways|Water'.split(
    '|',
  ),
);
/** Longest capitalised run (in characters) still read as a candidate name: a few times FIELD_LIMITS.entityName. */
const MAX_RUN_CHARS = 4 * FIELD_LIMITS.entityName;
const WEAK_CONNECTORS = new Set(['and', 'for', 'on', 'upon', 'und']);
const PLACE_LEADS = new Set([
  'Mount',
  'Lake',
  'Cape',
  'Port',
  'Fort',
  'Saint',
  'St',
  'San',
  'Santa',
  'Los',
  'Las',
  'New',
  'North',
  'South',
  'East',
  'West',
  'Upper',
  'Lower',
  'Greater',
  'Isle',
  'Gulf',
  'Sierra',
  'Costa',
  'Puerto',
  'Rio',
  'Bad',
  'Ciudad',
  // Geographic heads that open a name ("River Tees", "Península Ibérica", "Lac Léman", "Serra da Estrela").
  'River',
  'Bay',
  'Loch',
  'Lough',
  'Río',
  'Lago',
  'Lac',
  'Mont',
  'Monte',
  'Montes',
  'Serra',
  'Península',
  'Peninsula',
  'Péninsule',
  'Penisola',
  'Isla',
  'Ilha',
  'Île',
  'Isola',
  'Golfe',
  'Golfo',
  'Baie',
  'Bahía',
  'Baía',
  'Cabo',
  'Mer',
  'Mar',
  'Fleuve',
  'Cerro',
  'Pico',
]);
const PLACE_CONTEXT_RE =
  /(?:^|\s)(?:in|at|from|near|into|across|outside|inside|toward|towards|via|throughout|around|to|born in|based in|en|desde|hacia|à|au|aux|dans|nach|aus|im|em|na|no)\s+(?:the\s+)?$/iu;
/**
 * German "Nachfrage nach Stahl", "Strom aus Kohle": after a (capitalised) noun, "nach"/"aus" and a bare noun are the
 * noun's complement, not a direction.
 */
const NOUN_COMPLEMENT_RE = /\p{Lu}\p{Ll}+\s+(?:nach|aus)\s+$/u;
/** "the town of Zandvoort", "the state of Goa", "la ciudad de Medellín": a settlement or region noun and "of". */
const PLACE_OF_RE =
  /(?:^|\s)(?:town|city|village|hamlet|state|province|region|county|district|island|municipality|capital|suburb|port|parish|borough|ciudad|pueblo|provincia|municipio|comarca|departamento|ville|région|département|commune|canton|cidade|estado|concelho|município|distrito|freguesia|província|comune|regione|Stadt|Gemeinde|Landkreis|Kreis|Bezirk)\s+(?:of|de|do|da|di|von)\s+$/iu;
const PERSON_AFTER_RE =
  /^(?:,\s*(?:who|whose|aged?|\d{1,3},)|\s+(?:said|says|told|added|wrote|announced|stated|insisted|warned|argued|explained|replied|tweeted|posted|believes|thinks|died|was born|married|dijo|afirmó|declaró|aseguró|a déclaré|a dit|sagte|erklärte|ha detto|disse)\b)/iu;
/**
 * "the carmaker X", "le groupe X", "la società X": company nouns that, right before a name, say it is a company's.
 * Nouns that also describe a person ("developer", "giant") are left out.
 */
const COMPANY_NOUNS = new Set(
  'company|firm|group|carmaker|automaker|chipmaker|drugmaker|retailer|manufacturer|lender|insurer|airline|broadcaster|conglomerate|startup|start-up|utility|consultancy|groupe|société|entreprise|firme|compagnie|constructeur|fabricant|distributeur|enseigne|banque|assureur|opérateur|laboratoire|empresa|compañía|companhia|grupo|firma|fabricante|constructora|construtora|aseguradora|seguradora|operadora|multinacional|petrolera|petrolífera|eléctrica|elétrica|energética|aerolínea|gruppo|società|azienda|compagnia|banca'.split(
    '|',
  ),
);
/** A nationality adjective after a Romance company noun: "a empresa espanhola X", "l'entreprise américaine X". */
const NATIONALITY_RE =
  /^\p{Ll}{3,}(?:ano|ana|ês|esa|ol|ola|ais|aise|ain|aine|ien|ienne|ois|oise|ense|ino|ina|ese|eño|eña|ico|ica|ique|al|ale|and|ande)$/u;

/** Whether the text right before a span ends in a company noun, or one and a nationality adjective. */
function afterCompanyNoun(before: string): boolean {
  const end = before.length - 1;
  if (before[end] !== ' ') return false;
  const start = wordStart(before, end);
  const last = before.slice(start, end);
  if (COMPANY_NOUNS.has(last)) return true;
  if (start < 2 || before[start - 1] !== ' ' || !NATIONALITY_RE.test(last)) return false;
  return COMPANY_NOUNS.has(before.slice(wordStart(before, start - 1), start - 1));
}

/** Space, tab, newline, no-break space, straight and curly apostrophes. */
const WORD_BREAKS = new Set([0x20, 0x09, 0x0a, 0xa0, 0x27, 0x2019]);
/** Where the word that ends at `end` (exclusive) starts: after the previous space or apostrophe. */
function wordStart(text: string, end: number): number {
  let k = end;
  while (k > 0 && !WORD_BREAKS.has(text.charCodeAt(k - 1))) k--;
  return k;
}
const ORG_CONTEXT_RE =
  /(?:^|\s)(?:signed (?:with|to)|joined|member of|members of|played for|plays for|released (?:by|on)|label|band|group|company|firm|club|team)\s+(?:the\s+)?$/iu;

/** Last (or inner) words that make a name an event, prize or competition rather than a person, place or organisation. */
const EVENT_HEADS = new Set([
  'War',
  'Wars',
  'Revolution',
  'Cup',
  'Championship',
  'Championships',
  'Olympics',
  'Games',
  'Prize',
  'Award',
  'Awards',
  'Trophy',
  'Medal',
  'Festival',
  'Tournament',
  'Bowl',
  'Grand Prix',
  'Derby',
  'Classic',
  'Marathon',
  'Rally',
  'Expo',
  'Summit',
]);

/** First words that make a name an event: battles, sieges, treaties, campaigns. */
const EVENT_LEADS = new Set([
  'Battle',
  'Siege',
  'Treaty',
  'Campaign',
  'Invasion',
  'Massacre',
  'Bombing',
  'Schlacht',
  'Batalla',
  'Bataille',
  'Tratado',
  'Traité',
]);

/** All-caps words that are not names. */
const COMMON_ACRONYMS = new Set(
  'CD CDs DVD TV PC AM FM PM OK KO GDP CEO CFO CTO MP MPs AIDS HIV DNA RNA USB GPS AI IT ID PhD MBA BA BSc MA MD RPM ERA RBI UFO VIP NB PS FAQ HQ ATM SUV CCTV LCD LED PDF HTML XML URL ISBN VAT GMT UTC BC AD BCE CE OK II III IV VI VII VIII IX XI XII LP EP DJ DJs MC VJ MVP MPP MLA MEP MEPs CAD CGI SMS GPU CPU RAM SUVs PR QA'.split(
    ' ',
  ),
);

const STOP = new Set<string>();
for (const lang of SUPPORTED_LANGUAGES) for (const w of STOPWORDS[lang]) STOP.add(w);
for (const w of 'i me my he him his she her they them we our you your it its this that these those there here but and or yet so then however meanwhile still even while when after before although though if as a an the in on at for with from by to of not no yes also both each every many most some such what which who whom whose where why how all any other another one two three after during since until unless because once thus hence later earlier today yesterday tomorrow now again perhaps maybe according despite following under over between among'.split(
  ' ',
))
  STOP.add(w);
// Sentence adverbs of es/de/fr/pt that open a sentence before a name ("Ahora Bustos asegura", "Doch Elder blieb").
for (const w of 'ahora entonces luego además también así hoy ayer aquí allí después denn doch nun dann jetzt heute zudem dabei damit deshalb trotzdem allerdings alors ainsi ensuite puis donc pourtant depuis agora então depois também hoje ontem'.split(
  ' ',
))
  STOP.add(w);

export function extractEntities(paragraphs: string[], options: EntityOptions = {}): EntityResult {
  const title = options.title?.trim();
  const texts = title ? [title, ...paragraphs] : paragraphs;
  const shift = title ? 1 : 0;
  const mentions = extractEntityMentions(texts, options).map((m) => ({ ...m, paragraph: m.paragraph - shift }));

  const people = new Map<string, number>();
  const places = new Map<string, number>();
  const organizations = new Map<string, number>();
  const bump = (map: Map<string, number>, name: string): void => {
    map.set(name, (map.get(name) ?? 0) + 1);
  };
  for (const m of mentions) bump(m.type === 'person' ? people : m.type === 'place' ? places : organizations, m.name);

  const surnames = surnameIndex([...people.keys()]);
  const personMentions = mentions
    .filter((m) => m.type === 'person' && m.paragraph >= 0)
    .map((m) => ({ name: m.name, paragraph: m.paragraph, offset: m.start, end: m.end }));
  return {
    people: sortCounts(people),
    places: sortCounts(places),
    organizations: sortCounts(organizations),
    personMentions,
    titlePeople: mentions.filter((m) => m.type === 'person' && m.paragraph < 0).map((m) => m.name),
    resolvePerson: (written) => {
      const tokens = written
        .replace(/['’]s$/u, '')
        .split(/\s+/u)
        .filter(Boolean);
      const lastTitle = findLastIndex(tokens, (t) => TITLES.has(t));
      const name = tokens.slice(lastTitle + 1).join(' ');
      if (!name) return null;
      if (people.has(name)) return name;
      const bySurname = surnames.get(name);
      if (bySurname) return bySurname;
      return name.includes(' ') && /^\p{Lu}/u.test(name) ? name : null;
    },
  };
}

/** Every entity mention with its type and character span, paragraph by paragraph. */
export function extractEntityMentions(paragraphs: string[], options: EntityOptions = {}): EntityMention[] {
  const strict = options.language === 'de';
  // Romance surnames often end in -s (Contreras, Torres, Martins): not read as plurals after a person's role.
  const romance = ['es', 'pt', 'fr', 'it'].includes(options.language ?? '');
  const spans: Span[] = [];
  const lowercaseWords = new Set<string>();
  paragraphs.forEach((paragraph, index) => {
    // Share and follow lines, navigation rows: platform and section names there are not the article's entities.
    if (isShareLine(paragraph) || isNavigationLine(paragraph)) return;
    const tokens = tokenize(paragraph);
    for (const t of tokens) if (t.word && !t.cap) lowercaseWords.add(t.text.toLowerCase());
    spans.push(...findSpans(paragraph, tokens, index));
  });

  // Pass 1: type each span from its own evidence.
  for (const span of spans) classify(span, lowercaseWords, strict, romance);

  // Pass 2: document consistency. Strongly typed strings lend their type to bare repeats; a lone word that is
  // the surname (or given name) of a person named in full is that person.
  const strongTypes = new Map<string, EntityType>();
  const personParts = new Map<string, string>();
  // Keywords of the organisations named in full: "the League" after "the Australian League of Rights".
  const orgHeads = new Set<string>();
  for (const span of spans) {
    if (!span.type) continue;
    const text = spanText(span);
    if (span.strong && !strongTypes.has(text)) strongTypes.set(text, span.type);
    if (span.type === 'organization' && span.tokens.length >= 2)
      for (const t of span.tokens) if (ORG_KEYWORDS.has(t.text)) orgHeads.add(t.text);
    if (span.type === 'person' && span.tokens.length >= 2) {
      const last = span.tokens[span.tokens.length - 1]?.text ?? '';
      if (!personParts.has(last)) personParts.set(last, text);
      const given = span.tokens[0]?.text ?? '';
      if (!personParts.has(given) && !TITLES.has(given)) personParts.set(given, text);
    }
  }
  for (const span of spans) {
    const text = spanText(span);
    if (span.tokens.length === 1 && !span.strong && personParts.has(text)) span.type = 'person';
    else if (span.tokens.length === 1 && !span.type && orgHeads.has(text) && /(?:^|\s)the\s$/iu.test(span.before))
      span.type = 'organization';
    else if (!span.strong && strongTypes.has(text)) span.type = strongTypes.get(text) ?? span.type;
  }

  const mentions: EntityMention[] = [];
  for (const span of spans) {
    if (!span.type) continue;
    const first = span.tokens[0];
    const last = span.tokens[span.tokens.length - 1];
    if (!first || !last) continue;
    const text = spanText(span);
    const name = span.type === 'person' && span.tokens.length === 1 ? (personParts.get(text) ?? text) : text;
    // A "name" longer than the indexed field is not a name: dropped, never truncated.
    if (name.length > FIELD_LIMITS.entityName) continue;
    mentions.push({ type: span.type, name, text, paragraph: span.paragraph, start: first.start, end: last.end });
  }
  return mentions;
}

/** Punctuation after which the next word starts a sentence (or a quote, parenthesis or dash clause). */
const SENTENCE_OPENERS = new Set([...'.!?:;"“”«»‘([—–…']);

/** Whether the character code is an ASCII letter or digit (most tokens start with one: their tests need no regex). */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** Whether a word token is capitalised: an upper-case initial or "3MW"-like digits and capitals, not "Anglo-saxon". */
function isCapitalised(value: string): boolean {
  const first = value.charCodeAt(0);
  // ASCII fast path: a lower-case initial is never capitalised.
  if (first >= 0x61 && first <= 0x7a) return false;
  const capitalised = first >= 0x41 && first <= 0x5a ? true : /^\p{Lu}/u.test(value) || /^\d+\p{Lu}{2,}$/u.test(value);
  return capitalised && !(value.includes('-') && /-\p{Ll}+$/u.test(value));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let absorbedUntil = -1;
  // The tokens `text.matchAll(TOKEN_RE)` would give, without a match array per token (a quarter of the bytes an
  // article's enrichment allocated): skip the spaces, match at the position, slice.
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || ((code < 0x21 || code > 0x7e) && SPACE_CHAR_RE.test(text[at] as string))) {
      at++;
      continue;
    }
    TOKEN_RE.lastIndex = at;
    if (!TOKEN_RE.test(text)) break; // unreachable: `\S` matches any character that is not a space
    const start = at;
    at = TOKEN_RE.lastIndex;
    let value = text.slice(start, at);
    if (start < absorbedUntil) continue; // the dot of an abbreviation already kept with its word
    const word = isAsciiAlphanumeric(value.charCodeAt(0)) || /[\p{L}\p{N}]/u.test(value);
    if (!word) {
      tokens.push({
        text: value,
        start,
        end: start + value.length,
        cap: false,
        word: false,
        possessive: false,
        sentenceStart: false,
      });
      if (SENTENCE_OPENERS.has(value)) sentenceStart = true;
      continue;
    }
    let possessive = false;
    if (value.length > 2 && hasPossessiveEnding(value)) {
      value = value.slice(0, -2);
      possessive = true;
    }
    let end = start + value.length;
    // Keep the dot of abbreviations and initials ("Mr.", "Inc.", "J.") with the word.
    if (text[end] === '.' && (ABBREVIATED.has(value) || /^\p{Lu}$/u.test(value))) {
      value += '.';
      end += 1;
      absorbedUntil = end;
    }
    const cap = isCapitalised(value);
    tokens.push({ text: value, start, end, cap, word: true, possessive, sentenceStart });
    sentenceStart = false;
  }
  return tokens;
}

/** Ends in 's after a straight or curly apostrophe. */
function hasPossessiveEnding(value: string): boolean {
  const apostrophe = value.charCodeAt(value.length - 2);
  return value.charCodeAt(value.length - 1) === 0x73 /* s */ && (apostrophe === 0x27 || apostrophe === 0x2019);
}

function findSpans(paragraph: string, tokens: Token[], index: number): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token?.cap) {
      i++;
      continue;
    }
    const run: Token[] = [token];
    // Whether the run holds an organisation keyword, kept as it grows (re-checking the whole run per connector was quadratic).
    let runHasOrgKeyword = ORG_KEYWORDS.has(token.text);
    let j = i + 1;
    while (j < tokens.length && !run[run.length - 1]?.possessive) {
      const next = tokens[j];
      if (next?.cap) {
        run.push(next);
        runHasOrgKeyword ||= ORG_KEYWORDS.has(next.text);
        j++;
        continue;
      }
      // "Bank of America", "Gabriel García de la Torre": a connector (or two) followed by a capitalised word;
      // "of the" inside an institution's name ("World Organization of the Scout Movement").
      let k = j;
      while (
        k < tokens.length &&
        k - j < 2 &&
        (CONNECTORS.has(tokens[k]?.text ?? '') ||
          (runHasOrgKeyword && k > j && tokens[k]?.text === 'the' && tokens[k - 1]?.text === 'of'))
      )
        k++;
      const after = tokens[k];
      if (
        k > j &&
        after?.cap &&
        !(WEAK_CONNECTORS.has(tokens[j]?.text ?? '') && !runHasOrgKeyword && !ORG_KEYWORDS.has(after.text))
      ) {
        const joined = tokens.slice(j, k + 1);
        run.push(...joined);
        runHasOrgKeyword ||= joined.some((t) => ORG_KEYWORDS.has(t.text));
        j = k + 1;
        continue;
      }
      break;
    }
    // "la Fédération départementale des syndicats d'exploitants agricoles": languages that capitalise only an
    // institution's first word go on in lower case.
    if (tokens[j]?.word && !tokens[j]?.cap && INSTITUTION_LEADS.has(run[run.length - 1]?.text ?? '')) {
      const words: string[] = [];
      for (let k = j; k < tokens.length && words.length < 12 && tokens[k]?.word; k++) words.push(tokens[k]?.text ?? '');
      const taken = institutionTail(words);
      run.push(...tokens.slice(j, j + taken));
      j += taken;
    }
    i = j;
    // A capitalised run this long is a headline in title case or junk, not a name: skipped whole, which also bounds
    // the work trimSpan and classify do per run.
    if ((run[run.length - 1]?.end ?? 0) - token.start > MAX_RUN_CHARS) continue;
    // Shorter runs hold no pair to split (the common case, kept free of the extra arrays).
    const parts = run.length >= 3 ? splitCoordinatedOrganisations(run) : null;
    if (!parts) {
      const span = trimSpan(run, paragraph, index);
      if (span) spans.push(span);
      continue;
    }
    for (const part of parts) {
      const span = trimSpan(part, paragraph, index);
      if (span) spans.push(span);
    }
  }
  return spans;
}

/** An acronym (the organisation) and a connector right before a span: see splitCoordinatedOrganisations. */
const BRANCH_OF_RE = /(?:^|\s)\p{Lu}{2,8}\s(?:of|de|du|des|da|do|di|del|von)\s$/u;
const OF_WORDS = new Set(['of', 'de', 'du', 'des', 'da', 'do', 'di', 'del', 'von']);
/** "and" between two names; "&" is left inside names ("Procter & Gamble"). */
const COORDINATORS = new Set(['and', 'und', 'y']);

/**
 * "the Environment Agency and Stockton Borough Council", "Northumbrian Water and Network Rail": two organisations,
 * not one. Split only where each side is an organisation on its own — the left one ending in an institution head
 * (so "Department of Health and Human Services", "Marks and Spencer" stay whole).
 */
function splitCoordinatedOrganisations(run: Token[]): Token[][] {
  if (run.length < 3) return [run];
  // "la FDSEA de Vendée", "the NUM of Durham": an acronym's local branch; the acronym is the organisation's name.
  const head = run[0]?.text ?? '';
  if (
    OF_WORDS.has(run[1]?.text ?? '') &&
    /^\p{Lu}{2,8}$/u.test(head) &&
    !COMMON_ACRONYMS.has(head) &&
    !PLACE_ACRONYMS.has(head)
  )
    return [run.slice(0, 1), run.slice(2)];
  for (let c = 1; c < run.length - 1; c++) {
    if (!COORDINATORS.has(run[c]?.text ?? '')) continue;
    const left = run.slice(0, c);
    // "… y la Confederación Hidrográfica …": an article after the coordinator is not part of the second name.
    let r = c + 1;
    while (r < run.length - 1 && !run[r]?.cap) r++;
    const right = run.slice(r);
    if (endsInOrganisationHead(left, right) && isOrganisationByItself(right))
      return [left, ...splitCoordinatedOrganisations(right)];
    return [run];
  }
  return [run];
}

function endsInOrganisationHead(tokens: Token[], right: Token[] = []): boolean {
  const last = tokens[tokens.length - 1]?.text ?? '';
  return (
    tokens.length >= 2 &&
    (COORDINATION_HEADS.has(last) ||
      ORG_HEADS.has(last) ||
      ORG_NAMES.has(spanOf(tokens)) ||
      opensInstitution(tokens[0]?.text ?? '') ||
      // "Summit Energy and Atlas Steel": two companies, each a name and its industry; not "Bank and Trust Company".
      (INDUSTRY_WORDS.has(last) && right.length >= 2 && !ORG_KEYWORDS.has(right[0]?.text ?? '')))
  );
}

/** The industry a company's name ends with: two such names joined by "and" are two companies. */
const INDUSTRY_WORDS = new Set(
  'Energy|Steel|Mining|Foods|Petroleum|Pharmaceuticals|Telecom|Motors|Airlines|Airways|Industries|Holdings|Technologies|Software|Entertainment|Studios|Records|Railways'.split(
    '|',
  ),
);

function isOrganisationByItself(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1]?.text ?? '';
  return (
    hasOrgKeyword(tokens) ||
    ORG_HEADS.has(last) ||
    (tokens.length >= 2 && opensInstitution(tokens[0]?.text ?? '')) ||
    ORG_NAMES.has(spanOf(tokens)) ||
    (tokens.length === 1 && /^\p{Lu}[\p{Lu}\d&]{1,7}$/u.test(last) && !COMMON_ACRONYMS.has(last))
  );
}

/** "Spanish Air Force", "Prussian Army": a demonym opening an institution's name is part of it. */
function keepsDemonym(tokens: Token[]): boolean {
  const next = tokens[1];
  return (
    !!next &&
    !next.sentenceStart &&
    /^\p{Lu}\p{Ll}+(?:an|ish|ese|ic|i|ern)$/u.test(tokens[0]?.text ?? '') &&
    hasOrgKeyword(tokens.slice(1))
  );
}

function hasOrgKeyword(tokens: Token[]): boolean {
  return tokens.some((t) => ORG_KEYWORDS.has(t.text));
}

/** Drops sentence-initial function words, leading demonyms/months, trailing connectors. */
function trimSpan(run: Token[], paragraph: string, index: number): Span | null {
  let tokens = run;
  const sentenceStart = tokens[0]?.sentenceStart ?? false;
  while (
    tokens.length &&
    tokens[0] &&
    ((tokens[0].sentenceStart &&
      STOP.has(tokens[0].text.toLowerCase()) &&
      !PLACE_NAMES.has(spanOf(tokens)) &&
      !ORG_NAMES.has(spanOf(tokens))) ||
      (NOT_NAMES.has(tokens[0].text) && !keepsDemonym(tokens)) ||
      STOP.has(tokens[0].text) ||
      (/^(?:[IVXLC]+|\p{Lu})$/u.test(tokens[0].text) && tokens.length > 1 && tokens[0].text === 'I'))
  ) {
    tokens = tokens.slice(1);
  }
  // "Residents of Oakridge", "Supporters of Petro": a sentence-initial plural noun and "of" are not part of a name.
  if (
    tokens.length >= 3 &&
    tokens[0]?.sentenceStart &&
    tokens[1]?.text === 'of' &&
    /^\p{Lu}\p{Ll}+[^s]s$/u.test(tokens[0].text) &&
    !hasOrgKeyword(tokens) &&
    !ORG_NAMES.has(spanOf(tokens)) &&
    !PLACE_NAMES.has(spanOf(tokens))
  ) {
    tokens = tokens.slice(2);
  }
  // Postcodes are not names: "London SW1A 1AA" is London, "NY 10118" nothing.
  const lastEnd = tokens[tokens.length - 1]?.end ?? 0;
  const postcode = postcodeTail(
    tokens.slice(-3).map((t) => t.text),
    paragraph.slice(lastEnd, lastEnd + 12),
  );
  if (postcode > 0) tokens = tokens.slice(0, tokens.length - postcode);
  while (
    tokens.length &&
    (CONNECTORS.has(tokens[tokens.length - 1]?.text ?? '') || NOT_NAMES.has(tokens[tokens.length - 1]?.text ?? ''))
  )
    tokens = tokens.slice(0, -1);
  if (!tokens.length) return null;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  if (
    tokens.length === 1 &&
    (first.text.length < 2 ||
      /^\d+$/u.test(first.text) ||
      COMMON_ACRONYMS.has(first.text) ||
      CALENDAR_WORDS.has(first.text))
  )
    return null;
  return {
    tokens,
    paragraph: index,
    hadTitle: false,
    sentenceStart: sentenceStart && first === run[0],
    before: paragraph.slice(Math.max(0, first.start - 40), first.start),
    after: paragraph.slice(last.end + (last.possessive ? 2 : 0), last.end + 90),
    type: null,
    strong: false,
  };
}

/**
 * Months and weekdays of the languages the service reads, capitalised (German nouns, sentence starts, older
 * Portuguese): alone they are dates ("im Juni", "Le Mardi"), never a name; in a longer name they stay ("Plácido
 * Domingo"). The English ones are in NOT_NAMES, trimmed from every span's edges.
 */
const CALENDAR_WORDS = new Set(
  'Januar|Jänner|Februar|Feber|März|Mai|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Janvier|Février|Mars|Avril|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|Noviembre|Diciembre|Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo|Janeiro|Fevereiro|Março|Maio|Junho|Julho|Setembro|Outubro|Novembro|Dezembro|Segunda-feira|Terça-feira|Quarta-feira|Quinta-feira|Sexta-feira|Gennaio|Febbraio|Aprile|Maggio|Giugno|Luglio|Settembre|Ottobre|Dicembre|Lunedì|Martedì|Mercoledì|Giovedì|Venerdì|Sabato|Domenica'.split(
    '|',
  ),
);

function spanOf(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ');
}

function spanText(span: Span): string {
  return spanOf(span.tokens);
}

function classify(span: Span, lowercaseWords: Set<string>, strict: boolean, romance = false): void {
  const set = (type: EntityType | null, strong: boolean): void => {
    span.type = type;
    span.strong = strong;
  };
  let text = spanText(span);
  if (ORG_NAMES.has(text)) return set('organization', true);
  if (PLACE_NAMES.has(text)) return set('place', true);

  const words = span.tokens.map((t) => t.text);
  // "Câmara Municipal de Moura", "Chambre d'agriculture des Pays de la Loire", "Verband der Automobilindustrie".
  if (words.length >= 2 && opensInstitution(words[0] ?? '', strict)) return set('organization', true);
  // German "Angaben des Konzerns", "Zeche der Beschäftigten": nouns joined by a bare genitive article are a phrase;
  // names keep "von der", "an der" ("Ursula von der Leyen", "Frankfurt an der Oder") or an organisation word.
  if (strict && joinsByGermanArticle(words) && !hasOrgKeyword(span.tokens)) return set(null, false);
  // "the World Health Organization (WHO)": a name the text abbreviates by its initials is an institution.
  if (words.length >= 2 && definesAcronym(words, span.after) && !TITLES.has(words[0] ?? ''))
    return set('organization', true);
  // Events, wars, prizes and competitions ("World War II", "Stanley Cup", "Nobel Prize") are none of our types.
  if (
    words.length >= 2 &&
    words.some((w, k) => k > 0 && EVENT_HEADS.has(w)) &&
    !words.some((w) => ORG_KEYWORDS.has(w) && !EVENT_HEADS.has(w))
  )
    return set(null, true);
  // "Battle of Fredericksburg", "MTV Video Music Awards": an event lead or an award/event as the last word.
  if (words.length >= 2 && (EVENT_LEADS.has(words[0] ?? '') || EVENT_HEADS.has(words[words.length - 1] ?? '')))
    return set(null, true);
  if (words.length >= 2 && words.some((w) => ORG_KEYWORDS.has(w)) && !TITLES.has(words[0] ?? ''))
    return set('organization', true);
  if (words.length >= 2 && words.slice(1).some((w) => ORG_KEYWORDS.has(w))) return set('organization', true);
  // "Caloi is a Brazilian bicycle manufacturer": the text says what the name is.
  if (definedAsOrganisation(span.after) && !TITLES.has(words[0] ?? '') && !PLACE_NAMES.has(text))
    return set('organization', true);
  // "Cesaroni Design", "Mark Hopkins Hotel": a business or institution head as the last word.
  if (words.length >= 2 && ORG_HEADS.has(words[words.length - 1] ?? '') && !TITLES.has(words[0] ?? ''))
    return set('organization', true);

  // "Wirtschaftsministerin Mona Neubaur", "der Stahlkonzern Thyssenkrupp": a German role or company noun (often a
  // compound, after more capitalised words) says what the name right after it is.
  const described = strict ? describedName(span.tokens) : null;
  if (described) {
    span.tokens = described.name;
    span.hadTitle = described.type === 'person';
    text = spanText(span);
    if (ORG_NAMES.has(text)) return set('organization', true);
    if (PLACE_NAMES.has(text)) return set('place', true);
    return set(described.type, true);
  }

  // "Der haushaltspolitische Sprecher der Union, Kasimir Wojtczak, nannte …": a full name set off by commas right
  // after a German role noun and its complement.
  if (strict && apposedAfterRole(span, words)) return set('person', true);

  // Titles: "Colombian President Gustavo Petro" → person "Gustavo Petro".
  const lastTitle = findLastIndex(span.tokens, (t) => TITLES.has(t.text));
  if (lastTitle >= 0) {
    // "Stephen King", "Lee Elder": a title word right after a known given name is a surname.
    const surnameTitle =
      lastTitle === span.tokens.length - 1 && lastTitle > 0 && FIRST_NAMES.has(span.tokens[lastTitle - 1]?.text ?? '');
    if (surnameTitle) {
      const before = findLastIndex(span.tokens.slice(0, lastTitle - 1), (t) => TITLES.has(t.text));
      span.tokens = span.tokens.slice(Math.max(0, before + 1));
      span.hadTitle = before >= 0;
      return set('person', true);
    }
    if (lastTitle === span.tokens.length - 1) return set(null, false); // "the President": a title, no name
    span.tokens = span.tokens.slice(lastTitle + 1);
    span.hadTitle = true;
    text = spanText(span);
    if (ORG_NAMES.has(text)) return set('organization', true);
    if (PLACE_NAMES.has(text)) return set('place', true);
    return set('person', true);
  }

  // "Owner Margaret Hill said…": a sentence-initial word before a known given name is not part of the name. German
  // writes role nouns capitalised anywhere ("der Hamburger Datenschutzbeauftragte Johannes Caspar"), so there the
  // words before a given name are dropped mid-sentence too.
  const given = span.tokens.findIndex((t, k) => k > 0 && FIRST_NAMES.has(t.text));
  if (
    given > 0 &&
    (span.sentenceStart || strict) &&
    !FIRST_NAMES.has(words[0] ?? '') &&
    !words.slice(0, given).some((w) => ORG_KEYWORDS.has(w) || PLACE_NAMES.has(w))
  ) {
    span.tokens = span.tokens.slice(given);
    return classify(span, lowercaseWords, strict, romance);
  }

  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  if (
    words.length >= 2 &&
    words.length <= 3 &&
    FIRST_NAMES.has(first) &&
    PLACE_KEYWORDS.has(last) &&
    !PLACE_CONTEXT_RE.test(span.before)
  )
    return set('person', true);
  if (words.length >= 2 && PLACE_KEYWORDS.has(last.replace(/\.$/u, ''))) return set('place', true);
  // "Chicago Bulls", "Perth Glory": a known place followed by a name is a team or company.
  // Not when a given name follows or leads ("Chad Edward Gaudin", "Jordan Henderson").
  if (
    words.length >= 2 &&
    (PLACE_NAMES.has(words.slice(0, -1).join(' ')) || PLACE_NAMES.has(first)) &&
    !PLACE_NAMES.has(last) &&
    !FIRST_NAMES.has(first) &&
    !FIRST_NAMES.has(words[1] ?? '')
  )
    return set('organization', true);
  // Mid-sentence "The Beatles", plural names ("the Giants", "Arctic Monkeys"): bands, teams, companies.
  if (words.length >= 2 && first === 'The' && !span.sentenceStart) return set('organization', false);
  // Not in German, where a final -s is mostly the genitive ("Angaben des Konzerns").
  // Nor in es/pt/fr/it after an article and a person's role ("el vocero Ulises Contreras", "o porta-voz Rui Martins"),
  // where the -s ends a surname.
  if (
    !strict &&
    words.length >= 2 &&
    /^\p{Lu}\p{Ll}{2,}[^su]s$/u.test(last) &&
    !FIRST_NAMES.has(first) &&
    !(romance && PERSON_ROLE_BEFORE_RE.test(span.before))
  )
    return set('organization', false);
  if (words.length >= 2 && PLACE_LEADS.has(first.replace(/\.$/u, ''))) return set('place', true);
  // "IG Metall", "EDP Renováveis", "BBC Scotland": an acronym opening a two-word name is the organisation's.
  if (
    words.length === 2 &&
    /^\p{Lu}{2,5}$/u.test(first) &&
    !COMMON_ACRONYMS.has(first) &&
    !PLACE_ACRONYMS.has(first) &&
    /^\p{Lu}\p{Ll}+$/u.test(last)
  )
    return set('organization', true);
  if (words.length === 1 && /^[\p{Lu}\d&.]{2,8}$/u.test(first) && (first.match(/\p{Lu}/gu)?.length ?? 0) >= 2) {
    return set(PLACE_ACRONYMS.has(first) ? 'place' : 'organization', true);
  }
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    FIRST_NAMES.has(first) &&
    !words.slice(1).some((w) => PLACE_NAMES.has(w))
  )
    return set('person', true);

  // "Medellín, Colombia": a gazetteer place right after makes this one a place too.
  if (/^,\s*(?:\p{Lu}[\p{L}.]+\s?){1,3}/u.test(span.after)) {
    const next = /^,\s*((?:\p{Lu}[\p{L}.]+\s?){1,3})/u.exec(span.after)?.[1]?.trim() ?? '';
    if (PLACE_NAMES.has(next) && !PLACE_NAMES.has(text)) return set('place', false);
  }
  const context = span.before;
  // "the carmaker X", "le groupe X", "a empresa espanhola X" (titles and given names were read above).
  if (words.length <= 3 && !span.sentenceStart && afterCompanyNoun(context)) return set('organization', true);
  // "Exporters said", "Officials told": a lone sentence-initial word before a speech verb is as often a group noun as
  // a surname; a surname is still found when the person is named in full elsewhere (pass 2).
  // German "am Abend sagte", "im Mai erklärte": a lone word after a preposition is a time or place, not a speaker.
  const germanObject = strict && words.length === 1 && GERMAN_PREPOSITION_BEFORE_RE.test(span.before);
  if (
    !germanObject &&
    PERSON_AFTER_RE.test(span.after) &&
    words.length <= 3 &&
    !(words.length === 1 && span.sentenceStart && !FIRST_NAMES.has(first))
  )
    return set('person', false);
  // Both "of" patterns need "of"/"de"… as the last word before the span: a set lookup spares the regexes otherwise.
  const afterOf = context.endsWith(' ') && OF_WORDS.has(context.slice(wordStart(context, context.length - 1), -1));
  if (afterOf && PLACE_OF_RE.test(context) && words.length <= 3) return set('place', true);
  // "la FDSEA de Vendée", "the NUM of Durham": the branch of an organisation named by its acronym is its territory.
  if (afterOf && BRANCH_OF_RE.test(context) && words.length <= 3 && !FIRST_NAMES.has(words[0] ?? ''))
    return set('place', false);
  if (
    PLACE_CONTEXT_RE.test(context) &&
    words.length <= 3 &&
    !span.sentenceStart &&
    !(strict && NOUN_COMPLEMENT_RE.test(context))
  )
    return set('place', false);
  if (ORG_CONTEXT_RE.test(context)) return set('organization', false);

  if (strict) return set(null, false);
  // "the Bruins", "the Longhorns": a lone plural name after a lowercase "the" is a team, band or company.
  if (
    words.length === 1 &&
    !span.sentenceStart &&
    /(?:^|\s)the\s$/u.test(span.before) &&
    /^\p{Lu}\p{Ll}{2,}[^su]s$/u.test(first) &&
    !lowercaseWords.has(first.toLowerCase())
  )
    return set('organization', false);
  if (words.length === 1) {
    // A lone capitalised word at the start of a sentence is usually just a word ("Despite", "Officials").
    if (span.sentenceStart || lowercaseWords.has(first.toLowerCase())) return set(null, false);
    if (FIRST_NAMES.has(first)) return set('person', false);
    return set(null, false);
  }
  if (span.sentenceStart && lowercaseWords.has(first.toLowerCase())) return set(null, false);
  // "Fabrice NICOLINO", "Franciella PATUROT": a given name and a surname written in capitals (French, Italian and
  // others do), the surname too long for an acronym and neither word an ordinary word of this text.
  if (
    words.length === 2 &&
    /^\p{Lu}\p{Ll}+$/u.test(first) &&
    /^\p{Lu}{5,}$/u.test(last) &&
    !lowercaseWords.has(first.toLowerCase()) &&
    !STOP.has(first.toLowerCase()) &&
    !lowercaseWords.has(last.toLowerCase())
  )
    return set('person', false);
  // Unknown two/three-word names: a person, unless a word is an ordinary word of this text ("Stanley Cup").
  if (
    words.length <= 3 &&
    span.tokens.every(
      (t) => /^\p{Lu}[\p{Ll}’'-]+\.?$/u.test(t.text) || /^\p{Lu}\.$/u.test(t.text) || CONNECTORS.has(t.text),
    ) &&
    !words.some(
      (w, k) =>
        (lowercaseWords.has(w.toLowerCase()) || STOP.has(w.toLowerCase())) &&
        !(k === 1 && words.length === 3 && SURNAME_PARTICLES.has(w)),
    )
  ) {
    return set('person', false);
  }
  // Three or more capitalised words with no organisation evidence are as often a title or an event as a name.
  return set(null, false);
}

const NAME_PARTICLES = new Set(['von', 'an', 'zu', 'van']);
/** Capitalised particles that open an Italian, Spanish, French or Portuguese surname ("Stefano Lo Russo", "Ana De Armas"). */
const SURNAME_PARTICLES = new Set([
  'Lo',
  'La',
  'Le',
  'Li',
  'Di',
  'De',
  'Da',
  'Do',
  'Dos',
  'Del',
  'Della',
  'Dello',
  'Du',
]);

function joinsByGermanArticle(words: string[]): boolean {
  return words.some((w, k) => (w === 'des' || w === 'der' || w === 'den') && !NAME_PARTICLES.has(words[k - 1] ?? ''));
}

/**
 * An article and one or two lowercase words, the last a singular role noun, right before a name: "el vocero ", "la
 * jueza ", "o porta-voz ", "the spokesman ". No preposition or plural among them, no team or band.
 */
const PERSON_ROLE_BEFORE_RE =
  /(?<![\p{L}])(?:[Tt]he|[Ee]l|[Ll][ae]|[Oo]|[Aa]|[Ii]l|[Ll]o)\s+(?:(?!(?:de|del|da|do|di|of|y|e|and|et)\s)\p{Ll}[\p{L}-]*\s+)?(?!(?:team|club|band|equipo|banda|grupo|group|équipe|groupe|clube|conjunto|squadra|franquicia|franchise|side)\s)\p{Ll}[\p{L}-]*[^s\s]\s+$/u;

/** A German preposition (or one fused with its article) right before a word. */
const GERMAN_PREPOSITION_BEFORE_RE = /(?:^|\s)(?:am|im|vom|zum|zur|beim|seit|bis|nach|vor|an|in|um|ab|gegen)\s$/u;

/** Words before an apposition's comma read for the role noun it follows ("Sprecher der Union, "). */
const APPOSITION_LEAD_WORDS = 4;

/** Two or three plain capitalised words between a comma after a German role noun and a comma or stop. */
function apposedAfterRole(span: Span, words: string[]): boolean {
  if (words.length < 2 || words.length > 3 || !/,\s*$/u.test(span.before) || !/^\s*[,.;)]/u.test(span.after))
    return false;
  if (!words.every((w) => /^\p{Lu}\p{Ll}[\p{L}’'-]*$/u.test(w) && !ORG_KEYWORDS.has(w))) return false;
  const lead = span.before.replace(/,\s*$/u, '').split(/\s+/u).slice(-APPOSITION_LEAD_WORDS);
  if (lead.some((w) => /[.!?:;,]$/u.test(w))) return false;
  return lead.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && ROLE_NOUN_RE.test(w.toLowerCase()));
}

/**
 * German role nouns, also as compounds ("Wirtschaftsministerin", "Bezirksleiter", "Grünen-Politikerin"), matched on
 * the lower-cased word's ending.
 */
const ROLE_NOUN_RE =
  /(?:minister|leiter|chef|sprecher|präsident|vorsitzende|direktor|politiker|beauftragte|kanzler|senator|trainer|gründer|führer|manager|anwalt|anwältin|sekretär|abgeordnete|kandidat|experte|expertin|ökonom|berater|funktionär|aktivist|vorstand|redakteur|korrespondent|botschafter|kommissar|landrat|landrätin|ologe|ologin|forscher|wissenschaftler|arzt|ärztin|richter|ermittler|professor|vertreter)(?:in|r)?$/u;
/** German company and union nouns, also as compounds ("Stahlkonzern", "Energieversorger", "Autobauer"). */
const COMPANY_NOUN_RE =
  /(?:konzern|unternehmen|hersteller|firma|versorger|versicherer|gewerkschaft|händler|anbieter|zulieferer|discounter|autobauer|betreiber|dienstleister|autovermieter|reederei|fluggesellschaft|kette)$/u;

/**
 * The name right after a German role or company noun, with what it is: two or three capitalised words for a person,
 * one to three for an organisation, and nothing known after it.
 */
function describedName(tokens: Token[]): { name: Token[]; type: EntityType } | null {
  for (let k = tokens.length - 2; k >= 0; k--) {
    const word = tokens[k]?.text ?? '';
    // "Wirtschaftsministerin", also after an acronym ("VDA-Präsidentin", "CDU-Politiker").
    if (!/^\p{Lu}(?:\p{Ll}|[\p{Lu}\d]{1,5}-\p{Lu}\p{Ll})/u.test(word)) continue;
    const lower = word.toLowerCase();
    const role = ROLE_NOUN_RE.test(lower);
    if (!role && !COMPANY_NOUN_RE.test(lower)) continue;
    const name = tokens.slice(k + 1);
    const plain = name.every((t) => /^\p{Lu}[\p{L}’'-]*$/u.test(t.text) && !ORG_KEYWORDS.has(t.text));
    if (!plain) return null;
    if (role && name.length >= 2 && name.length <= 3) return { name, type: 'person' };
    if (!role && name.length <= 3) return { name, type: 'organization' };
    return null;
  }
  return null;
}

function surnameIndex(names: string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of names) {
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    const surname = parts[parts.length - 1] ?? '';
    if (!index.has(surname)) index.set(surname, name);
  }
  return index;
}

function sortCounts(map: Map<string, number>): EntityCount[] {
  return [...map.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i] as T)) return i;
  return -1;
}
