import type { EntityCount } from '@wirestream/contracts';
import { STOPWORDS, SUPPORTED_LANGUAGES } from './stopwords';
import { sentences } from './text-units';

/**
 * Heuristic named-entity pass (a proper model comes later): capitalised word sequences, classified by titles,
 * organisation suffixes, place prepositions and speech verbs; surname-only mentions merged into the full name.
 */

/** Job titles and honorifics: they mark the next words as a person and are not part of the name. */
const TITLES = new Set(
  ('president vice prime minister secretary senator sen. rep. representative congressman congresswoman governor gov. mayor king queen prince princess pope '
    + 'general gen. chancellor judge justice dr. mr. mrs. ms. chief ambassador commander lt. col. colonel captain capt. sheikh emir premier speaker '
    + 'leader director chairman chairwoman spokesman spokeswoman spokesperson ceo envoy attorney officer sergeant sgt. lord lady sir dame archbishop bishop cardinal '
    + 'presidente presidenta président präsident ministro ministra ministre minister kanzler kanzlerin canciller primer primera premier alcalde alcaldesa')
    .split(' '),
);

const ORG_WORDS = new Set(
  ('party ministry office council bank group inc inc. corp corp. company co. ltd ltd. plc university agency association union court department committee commission army navy '
    + 'police force forces times post news service institute foundation federation league organization organisation parliament congress senate assembly reserve fund '
    + 'network authority airlines airways motors club church council fc board bureau guard cartel corporation media press tribunal')
    .split(' '),
);

/** Acronyms that name countries rather than organisations. */
const PLACE_ACRONYMS = new Set(['US', 'USA', 'U.S.', 'UK', 'U.K.', 'UAE', 'DRC', 'EEUU', 'EE.UU.']);
const PLACE_LEAD_WORDS = new Set(['new', 'north', 'south', 'east', 'west', 'san', 'santa', 'los', 'las', 'saint', 'st.', 'port', 'mount', 'lake', 'gulf', 'sierra', 'costa', 'buenos', 'hong', 'sri', 'el', 'la']);
const PLACE_WORDS = new Set(['house', 'street', 'square', 'sea', 'ocean', 'river', 'island', 'islands', 'city', 'province', 'state', 'county', 'valley', 'strait', 'bay', 'coast', 'airport', 'border', 'region', 'peninsula', 'mountains', 'desert', 'kingdom', 'republic']);
const PLACE_PREPOSITIONS = /(?:^|\s)(?:in|at|from|to|into|near|across|outside|inside|toward|towards|across|via|en|desde|hacia|à|au|aux|dans|nach|aus|im|a|da|di|em|no|na)\s+(?:the\s+|el\s+|la\s+|le\s+|der\s+|die\s+)?$/iu;
const SPEECH_VERB_AFTER = /^(?:'s\s+|’s\s+)?,?\s+(?:said|says|told|added|wrote|announced|stated|insisted|warned|argued|explained|replied|tweeted|posted|dijo|afirmó|declaró|aseguró|a déclaré|a dit|sagte|erklärte|ha detto|disse)\b/iu;
const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const CONNECTORS = new Set(['de', 'del', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'bin', 'al', 'di', 'du', 'le', 'la', 'y']);

const SEQUENCE_RE = /(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:(?:de|del|da|dos|das|van|von|der|den|bin|al|di|du|le|la|y)\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;

const CAPITALISED_STOPWORDS = new Set<string>();
for (const lang of SUPPORTED_LANGUAGES) for (const word of STOPWORDS[lang]) CAPITALISED_STOPWORDS.add(word);
for (const word of 'i me my mine he him his she her they them we our you your it its this that these those there here but and or yet so then however meanwhile still even while when after before although though if as a an'.split(' ')) CAPITALISED_STOPWORDS.add(word);

export type EntityType = 'person' | 'place' | 'organization';

export interface PersonMention {
  name: string;
  paragraph: number;
  offset: number;
}

export interface EntityResult {
  people: EntityCount[];
  places: EntityCount[];
  organizations: EntityCount[];
  /** Every resolved person mention in reading order — lets quote attribution find "he said" → last person. */
  personMentions: PersonMention[];
  /** Maps a name as written ("Petro", "President Gustavo Petro") to its canonical person name, if known. */
  resolvePerson: (written: string) => string | null;
}

interface Candidate {
  tokens: string[];
  paragraph: number;
  offset: number;
  sentenceInitial: boolean;
  hadTitle: boolean;
  before: string;
  after: string;
}

export function extractEntities(paragraphs: string[]): EntityResult {
  const candidates = collectCandidates(paragraphs);
  const people = new Map<string, number>();
  const places = new Map<string, number>();
  const organizations = new Map<string, number>();
  const bump = (map: Map<string, number>, name: string): void => {
    map.set(name, (map.get(name) ?? 0) + 1);
  };

  // Pass 1: multi-word names and acronyms. Single words wait until we know the surnames ("to Petro" is a
  // person once "Gustavo Petro" is known, not a place).
  const pending: Array<{ candidate: Candidate; type: EntityType | null }> = [];
  const classified = new Map<Candidate, string>();
  for (const candidate of candidates) {
    const name = candidate.tokens.join(' ');
    const type = classify(candidate);
    const isAcronym = candidate.tokens.length === 1 && type !== 'person' && type !== null && /^\p{Lu}(?:\.?\p{Lu})+\.?$/u.test(name);
    if (candidate.tokens.length === 1 && !isAcronym) pending.push({ candidate, type });
    else if (type === 'person') {
      bump(people, name);
      classified.set(candidate, name);
    } else if (type === 'place') bump(places, name);
    else if (type === 'organization') bump(organizations, name);
  }

  const surnameIndex = buildSurnameIndex(people);
  const resolveWritten = (tokens: string[]): string | null => {
    const name = tokens.join(' ');
    if (people.has(name)) return name;
    if (tokens.length === 1) return surnameIndex.get(tokens[0] ?? '') ?? null;
    return null;
  };

  // Pass 2: surname-only mentions count for the full name; a lone titled name or "Smith said" is a person
  // known by one name; other single words count only where their context says place/organisation.
  for (const { candidate, type } of pending) {
    const name = candidate.tokens.join(' ');
    const person = resolveWritten(candidate.tokens) ?? (people.has(name) ? name : null);
    if (person) {
      bump(people, person);
      classified.set(candidate, person);
    } else if (candidate.hadTitle || (!candidate.sentenceInitial && SPEECH_VERB_AFTER.test(candidate.after))) {
      bump(people, name);
      classified.set(candidate, name);
    } else if (type === 'place' || places.has(name)) bump(places, name);
    else if (type === 'organization' || organizations.has(name)) bump(organizations, name);
  }

  const personMentions = candidates
    .filter((c) => classified.has(c))
    .map((c) => ({ name: classified.get(c) ?? '', paragraph: c.paragraph, offset: c.offset }));

  return {
    people: sortCounts(people),
    places: sortCounts(places),
    organizations: sortCounts(organizations),
    personMentions,
    resolvePerson: (written) => {
      const tokens = cleanTokens(written.split(/\s+/u), false).tokens;
      return tokens.length ? resolveWritten(tokens) ?? (tokens.length >= 2 ? tokens.join(' ') : null) : null;
    },
  };
}

function collectCandidates(paragraphs: string[]): Candidate[] {
  const result: Candidate[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    let searchFrom = 0;
    for (const sentence of sentences(paragraph)) {
      const sentenceOffset = paragraph.indexOf(sentence, searchFrom);
      searchFrom = sentenceOffset + sentence.length;
      for (const match of sentence.matchAll(SEQUENCE_RE)) {
        const start = match.index ?? 0;
        const sentenceInitial = /^[\s"“‘'(¿¡—–-]*$/u.test(sentence.slice(0, start));
        const cleaned = cleanTokens(match[0].split(/\s+/u), sentenceInitial);
        if (!cleaned.tokens.length) continue;
        result.push({
          tokens: cleaned.tokens,
          paragraph: paragraphIndex,
          offset: sentenceOffset + start,
          sentenceInitial: sentenceInitial && !cleaned.droppedLeading,
          hadTitle: cleaned.hadTitle,
          before: sentence.slice(Math.max(0, start - 30), start),
          after: sentence.slice(start + match[0].length, start + match[0].length + 30),
        });
      }
    }
  });
  return result;
}

/** Drops sentence-initial function words, months/days, titles (and the modifiers before them), possessives. */
function cleanTokens(raw: string[], sentenceInitial: boolean): { tokens: string[]; hadTitle: boolean; droppedLeading: boolean } {
  let tokens = raw.map((t) => t.replace(/['’]s$/u, '').replace(/[.,;:]+$/u, (m) => (/^\p{Lu}(?:\.\p{Lu})+\.$/u.test(t) ? m : '')));
  let droppedLeading = false;
  while (tokens.length && isDroppableLead(tokens[0] ?? '')) {
    tokens = tokens.slice(1);
    droppedLeading = true;
  }
  if (sentenceInitial && droppedLeading === false && tokens.length === 1 && CAPITALISED_STOPWORDS.has(tokens[0]?.toLowerCase() ?? '')) tokens = [];
  tokens = tokens.filter((t) => !MONTHS_AND_DAYS.has(t.toLowerCase()));
  let hadTitle = false;
  const lastTitle = findLastIndex(tokens, (t) => TITLES.has(t.toLowerCase()));
  if (lastTitle >= 0 && lastTitle < tokens.length - 1) {
    tokens = tokens.slice(lastTitle + 1);
    hadTitle = true;
  } else if (lastTitle === tokens.length - 1) {
    tokens = []; // "the President", "Colombian President": a title with no name.
  }
  while (tokens.length && CONNECTORS.has(tokens[tokens.length - 1] ?? '')) tokens = tokens.slice(0, -1);
  if (tokens.length === 1 && (tokens[0]?.length ?? 0) < 2) tokens = [];
  return { tokens, hadTitle, droppedLeading };
}

/** A leading function word ("The", "But", "He"), except acronyms ("US") and place openers ("New York"). */
function isDroppableLead(token: string): boolean {
  if (/^\p{Lu}(?:\.?\p{Lu})+\.?$/u.test(token) || PLACE_LEAD_WORDS.has(token.toLowerCase())) return false;
  return CAPITALISED_STOPWORDS.has(token.toLowerCase()) || CONNECTORS.has(token);
}

function classify(candidate: Candidate): EntityType | null {
  const { tokens } = candidate;
  const first = tokens[0] ?? '';
  const last = tokens[tokens.length - 1] ?? '';
  if (candidate.hadTitle && tokens.length <= 4) return 'person';
  if (tokens.length === 1 && /^\p{Lu}(?:\.?\p{Lu}){1,5}\.?$/u.test(first)) return PLACE_ACRONYMS.has(first) ? 'place' : 'organization';
  if (tokens.some((t) => ORG_WORDS.has(t.toLowerCase())) && tokens.length >= 2) return 'organization';
  if (PLACE_WORDS.has(last.toLowerCase()) && tokens.length >= 2) return 'place';
  if (PLACE_LEAD_WORDS.has(first.toLowerCase()) && tokens.length >= 2) return 'place';
  if (PLACE_PREPOSITIONS.test(candidate.before) && tokens.length <= 3) return 'place';
  if (tokens.length >= 2 && tokens.length <= 4) return 'person';
  return null;
}

/** Last name → full name, for names that are unambiguous (the most frequent full name wins a tie). */
function buildSurnameIndex(people: Map<string, number>): Map<string, string> {
  const index = new Map<string, string>();
  const sorted = [...people.entries()].sort((a, b) => b[1] - a[1]);
  for (const [name] of sorted) {
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    const surname = parts[parts.length - 1] ?? '';
    if (!index.has(surname)) index.set(surname, name);
  }
  return index;
}

function sortCounts(map: Map<string, number>): EntityCount[] {
  return [...map.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i] as T)) return i;
  return -1;
}
