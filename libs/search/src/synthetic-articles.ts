/**
 * A deterministic synthetic news corpus for benchmarks and search tests: varied titles and bodies from word
 * lists, several sources and languages, people/places/organisations, dates spread over a year, and story
 * clusters (the same wire story republished by other sources). Same seed → same corpus.
 */
import type { EnrichedArticle } from '@wirestream/contracts';

export interface SyntheticArticle {
  article: EnrichedArticle;
  /** The story cluster (the lead article's id), or null for a story nobody republished. */
  clusterId: string | null;
}

export interface SyntheticCorpusOptions {
  seed?: number;
  /** publishedAt falls in [start, start + spanDays). Default 2025-01-01, 365 days. */
  start?: string;
  spanDays?: number;
  /** Share of articles that are a republished copy of an earlier one (joins its cluster). Default 0.15. */
  republishedShare?: number;
  /** Share of articles without a publication date. Default 0.02. */
  undatedShare?: number;
}

export const SYNTHETIC_SOURCES = [
  { id: 'reuters', name: 'Reuters' },
  { id: 'ap', name: 'AP' },
  { id: 'afp', name: 'AFP' },
  { id: 'bbc', name: 'BBC News' },
  { id: 'guardian', name: 'The Guardian' },
  { id: 'lemonde', name: 'Le Monde' },
  { id: 'spiegel', name: 'Der Spiegel' },
  { id: 'elpais', name: 'El País' },
  { id: 'ansa', name: 'ANSA' },
  { id: 'local-herald', name: 'Local Herald' },
] as const;

/** Language by source, with English copies from the agencies. */
const SOURCE_LANGUAGES: Record<string, string[]> = {
  reuters: ['en'],
  ap: ['en'],
  afp: ['en', 'fr'],
  bbc: ['en'],
  guardian: ['en'],
  lemonde: ['fr'],
  spiegel: ['de'],
  elpais: ['es'],
  ansa: ['it', 'en'],
  'local-herald': ['en'],
};

export const SYNTHETIC_PEOPLE = [
  'Christine Lagarde',
  'Jerome Powell',
  'Ursula von der Leyen',
  'Emmanuel Macron',
  'Olaf Scholz',
  'Pedro Sánchez',
  'Giorgia Meloni',
  'Keir Starmer',
  'Gustavo Petro',
  'Luiz Inácio Lula da Silva',
  'Narendra Modi',
  'Xi Jinping',
  'Antonio Guterres',
  'Kristalina Georgieva',
  'Greta Thunberg',
  'Elon Musk',
  'Tim Cook',
  'Satya Nadella',
  'Serena Williams',
  'Lionel Messi',
  'Taylor Swift',
  'Ada Okafor',
  'Mateo Ruiz',
  'Ingrid Larsen',
];
export const SYNTHETIC_PLACES = [
  'Frankfurt',
  'Brussels',
  'Paris',
  'Berlin',
  'Madrid',
  'Rome',
  'London',
  'Washington',
  'Bogotá',
  'Brasília',
  'New Delhi',
  'Beijing',
  'Geneva',
  'Nairobi',
  'Lagos',
  'Tokyo',
  'Sydney',
  'Valencia',
  'Lisbon',
  'Oslo',
  'Mexico City',
  'Cairo',
  'Jakarta',
  'Toronto',
];
export const SYNTHETIC_ORGANIZATIONS = [
  'European Central Bank',
  'Federal Reserve',
  'European Commission',
  'United Nations',
  'International Monetary Fund',
  'World Health Organization',
  'NATO',
  'OPEC',
  'World Bank',
  'Tesla',
  'Apple',
  'Microsoft',
  'FIFA',
  'Red Cross',
  'Greenpeace',
  'Airbus',
];

interface Topic {
  name: string;
  nouns: string[];
  verbs: string[];
  titles: string[];
}

const TOPICS: Topic[] = [
  {
    name: 'economy',
    nouns: [
      'interest rates',
      'inflation',
      'bond yields',
      'the budget',
      'growth',
      'unemployment',
      'the currency',
      'wages',
      'exports',
      'tariffs',
    ],
    verbs: ['raises', 'cuts', 'holds', 'warns on', 'reviews', 'defends'],
    titles: [
      '{org} {verb} {noun} as {place} braces for slowdown',
      '{person} {verb} {noun} in {place}',
      'Markets react as {org} {verb} {noun}',
    ],
  },
  {
    name: 'climate',
    nouns: [
      'emissions',
      'floods',
      'heatwave',
      'drought',
      'wildfires',
      'renewable energy',
      'sea levels',
      'carbon tax',
      'rainfall',
      'glaciers',
    ],
    verbs: ['tackles', 'faces', 'pledges action on', 'reports record', 'warns of', 'studies'],
    titles: [
      '{place} {verb} {noun} after record week',
      '{person} {verb} {noun} at {org} summit',
      'Scientists in {place} track {noun}',
    ],
  },
  {
    name: 'politics',
    nouns: [
      'elections',
      'the coalition',
      'reforms',
      'a referendum',
      'the parliament',
      'sanctions',
      'a ceasefire',
      'border controls',
      'the constitution',
      'a scandal',
    ],
    verbs: ['announces', 'rejects', 'backs', 'calls for', 'negotiates', 'survives'],
    titles: [
      '{person} {verb} {noun} in {place}',
      '{org} {verb} {noun}',
      'Tension in {place} as {person} {verb} {noun}',
    ],
  },
  {
    name: 'technology',
    nouns: [
      'artificial intelligence',
      'chips',
      'data privacy',
      'electric cars',
      'satellites',
      'cybersecurity',
      'smartphones',
      'cloud computing',
      'batteries',
      'quantum computers',
    ],
    verbs: ['unveils', 'invests in', 'bets on', 'faces probe over', 'delays', 'expands'],
    titles: ['{org} {verb} {noun}', '{person} {verb} {noun} in {place}', 'Regulators in {place} look at {noun}'],
  },
  {
    name: 'sport',
    nouns: [
      'the final',
      'the championship',
      'a transfer',
      'the world cup',
      'the marathon',
      'a record',
      'the derby',
      'the tournament',
      'doping rules',
      'the season',
    ],
    verbs: ['wins', 'loses', 'dominates', 'prepares for', 'misses', 'celebrates'],
    titles: ['{person} {verb} {noun} in {place}', '{org} {verb} {noun}', 'Crowds in {place} as {person} {verb} {noun}'],
  },
  {
    name: 'health',
    nouns: [
      'vaccines',
      'hospitals',
      'a new virus',
      'drug prices',
      'mental health',
      'nurses',
      'cancer research',
      'clinical trials',
      'obesity',
      'air quality',
    ],
    verbs: ['approves', 'funds', 'investigates', 'reports progress on', 'expands', 'warns about'],
    titles: ['{org} {verb} {noun}', 'Doctors in {place} {verb} {noun}', '{person} {verb} {noun}'],
  },
];

const FILLER = [
  'officials said on',
  'according to people familiar with the matter',
  'the decision followed weeks of debate',
  'analysts expect further changes',
  'the figures surprised many observers',
  'a spokesperson declined to comment',
  'critics say the plan goes too far',
  'supporters welcomed the move',
  'the announcement came late in the day',
  'details remain unclear',
  'the talks are expected to continue',
  'local residents voiced concern',
  'the report was published in the morning',
  'investors reacted cautiously',
  'the measure takes effect next month',
  'several groups have already responded',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** mulberry32: small, fast, seeded — good enough for test data and benchmark request mixes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id from the generator (v4 layout), so the article API accepts it. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function* syntheticArticles(count: number, options: SyntheticCorpusOptions = {}): Generator<SyntheticArticle> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const start = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  const spanMs = (options.spanDays ?? 365) * 86_400_000;
  const republishedShare = options.republishedShare ?? 0.15;
  const undatedShare = options.undatedShare ?? 0.02;
  const leads: SyntheticArticle[] = [];

  for (let n = 0; n < count; n++) {
    const id = uuid(random);
    const lead = leads.length > 0 && random() < republishedShare ? pick(leads) : null;
    if (lead) {
      // The same wire story, republished by another source an hour or so later, lightly edited.
      const source = pick(SYNTHETIC_SOURCES.filter((s) => s.id !== lead.article.source.id));
      const publishedAt = lead.article.publishedAt
        ? new Date(Date.parse(lead.article.publishedAt) + Math.floor(random() * 7_200_000)).toISOString()
        : null;
      const article: EnrichedArticle = {
        ...lead.article,
        id,
        source: { ...source },
        url: `https://${source.id}.example/news/${id}`,
        publishedAt,
        ingestedAt: publishedAt ?? lead.article.ingestedAt,
        enrichedAt: publishedAt ?? lead.article.enrichedAt,
        body: `${lead.article.body}\n\n(${source.name})`,
        paragraphs: [...lead.article.paragraphs, `(${source.name})`],
      };
      const clusterId = lead.clusterId ?? lead.article.id;
      lead.clusterId = clusterId;
      yield { article, clusterId };
      continue;
    }

    const topic = pick(TOPICS);
    const source = pick(SYNTHETIC_SOURCES);
    const language = pick(SOURCE_LANGUAGES[source.id]!);
    const people = distinct([pick(SYNTHETIC_PEOPLE), ...(random() < 0.5 ? [pick(SYNTHETIC_PEOPLE)] : [])]);
    const places = distinct([pick(SYNTHETIC_PLACES), ...(random() < 0.4 ? [pick(SYNTHETIC_PLACES)] : [])]);
    const organizations = distinct([pick(SYNTHETIC_ORGANIZATIONS)]);
    const noun = pick(topic.nouns);
    const verb = pick(topic.verbs);
    const title = capitalise(
      pick(topic.titles)
        .replace('{person}', people[0]!)
        .replace('{place}', places[0]!)
        .replace('{org}', organizations[0]!)
        .replace('{verb}', verb)
        .replace('{noun}', noun),
    );
    const undated = random() < undatedShare;
    const publishedAt = undated ? null : new Date(start + Math.floor(random() * spanMs)).toISOString();
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(random() * 5);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const sentenceCount = 2 + Math.floor(random() * 3);
      for (let s = 0; s < sentenceCount; s++) {
        const subject = random() < 0.5 ? pick(people) : pick([...organizations, ...places]);
        sentences.push(
          `${subject} ${pick(topic.verbs)} ${pick(topic.nouns)} in ${pick(places)}, ${pick(FILLER)} ${pick(WEEKDAYS)}, while ${pick(topic.nouns)} and ${pick(topic.nouns)} ${pick(['remain in focus', 'dominate the agenda', 'worry investors', 'divide opinion', 'draw attention'])}.`,
        );
      }
      paragraphs.push(sentences.join(' '));
    }
    const body = paragraphs.join('\n\n');
    const when = publishedAt ?? new Date(start).toISOString();
    const article: EnrichedArticle = {
      id,
      version: 1 + Math.floor(random() * 3),
      pubStatus: 'usable',
      source: { ...source },
      url: `https://${source.id}.example/news/${id}`,
      canonicalUrl: null,
      title,
      subtitle: null,
      byline: `By ${pick(['Ana Silva', 'John Baker', 'Marie Dubois', 'Hans Weber', 'Lucía Gómez', 'Paolo Rossi'])}`,
      dateline: { place: places[0]!.toUpperCase(), date: null },
      publishedAt,
      updatedAt: null,
      language,
      body,
      paragraphs,
      summary: paragraphs[0]!,
      keywords: [topic.name, noun],
      entities: {
        people: people.map((name) => ({ name, count: 1 + Math.floor(random() * 3) })),
        places: places.map((name) => ({ name, count: 1 + Math.floor(random() * 3) })),
        organizations: organizations.map((name) => ({ name, count: 1 })),
      },
      quotes: [],
      relatedLinks: [],
      removed: [],
      wordCount: body.split(/\s+/).length,
      readingTimeMinutes: Math.max(1, Math.round(body.split(/\s+/).length / 230)),
      fingerprint: Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join(''),
      contentHash: `sha256:${id.replace(/-/g, '')}`,
      edNote: null,
      ingestedAt: when,
      enrichedAt: when,
    };
    const generated: SyntheticArticle = { article, clusterId: null };
    leads.push(generated);
    if (leads.length > 500) leads.shift();
    yield generated;
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
