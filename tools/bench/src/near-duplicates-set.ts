/**
 * The near-duplicate evaluation set of `bench:clusters`: seeded, deterministic edits of dataset articles.
 *
 * Each story article yields its original and three republished copies of growing severity — another site's chrome
 * leaking into the body at both ends (and a "Read more:" line inside), a rewritten headline, word substitutions
 * (≈ 3 / 6 / 10 %), sentence drops (0 / ≈ 5 / ≈ 10 %), straight ↔ curly quotes, merged and split paragraphs,
 * doubled spaces. All four are one story (positives).
 * Negatives are the other pairs, with hard ones made on purpose from articles kept out of the story pool:
 * - shared background: another article of the same language with a paragraph of a story article spliced in
 *   (≤ 25 % of the words of either) and the same site chrome one of the story's copies carries — a follow-up, not a copy;
 * - shared chrome: two reserved articles under the same heavy site chrome;
 * - same site: the dataset's own articles of one site (nytimes-1…5, yahoo-1…4, medium-1…3, …).
 */

export interface BaseArticle {
  id: string;
  /** Site the article comes from (same-site articles are different stories that share chrome and topics). */
  site: string;
  language: string | null;
  title: string;
  paragraphs: string[];
}

export type DocKind = 'original' | 'copy' | 'shared-background' | 'shared-chrome' | 'reserved';

export interface NearDuplicateDoc {
  id: string;
  /** Docs with the same story are the same story cluster; every other pair is a negative. */
  story: string;
  kind: DocKind;
  /** 0 for originals and negatives; 1–3 for copies, by severity. */
  severity: number;
  language: string | null;
  title: string;
  body: string;
}

/** mulberry32: small, seeded, good enough for sampling. */
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

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function shuffle<T>(rng: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Chrome of made-up republishing sites: what an extractor lets through at the edges of a body. */
const SITES = [
  'Daily Courier',
  'Metro Wire',
  'Global Times Online',
  'The Morning Ledger',
  'News Hub 24',
  'Pacific Herald',
  'Rundschau Online',
  'El Diario Digital',
];

function chrome(
  site: string,
  rng: () => number,
  headlines: readonly string[],
): { head: string[]; tail: string[]; inline: string } {
  const sections = shuffle(rng, [
    'Home',
    'World',
    'Politics',
    'Business',
    'Tech',
    'Opinion',
    'Sport',
    'Culture',
    'Video',
  ]).slice(0, 6);
  const head = [`${site} | ${sections.join(' | ')}`, `Share this article: Facebook Twitter WhatsApp Email`].slice(
    0,
    1 + Math.floor(rng() * 2),
  );
  const tail = [
    `Subscribe to the ${site} newsletter for the day's top stories.`,
    `Related: ${pick(rng, headlines)} · ${pick(rng, headlines)}`,
    `© 2026 ${site}. All rights reserved.`,
  ].slice(0, 1 + Math.floor(rng() * 3));
  return { head, tail, inline: `Read more: ${pick(rng, headlines)}` };
}

const SENTENCE_END = /(?<=[.!?…]["”’»)]?)\s+(?=["“‘«(]?\p{Lu})/u;

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).filter((s) => s.trim());
}

/** Word substitutions at `rate` of the words, replacements drawn from the vocabulary of the whole set. */
function substitute(text: string, rate: number, rng: () => number, vocabulary: readonly string[]): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (rng() >= rate) return word;
    const replacement = pick(rng, vocabulary);
    return /^\p{Lu}/u.test(word) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
  });
}

function toggleQuotes(text: string, curly: boolean): string {
  if (!curly) return text.replace(/[“”]/gu, '"').replace(/[‘’]/gu, "'");
  return text
    .replace(/"(?=\S)/gu, '“')
    .replace(/"/gu, '”')
    .replace(/'/gu, '’');
}

/** A republished copy: severity 1–3 sets how much is changed. */
export function editedCopy(
  base: BaseArticle,
  severity: number,
  rng: () => number,
  vocabulary: readonly string[],
  headlines: readonly string[],
): { title: string; body: string } {
  const substitutionRate = [0, 0.03, 0.06, 0.1][severity]! * (0.8 + 0.4 * rng());
  const dropRate = [0, 0, 0.05, 0.1][severity]!;
  let paragraphs = base.paragraphs.map((p) => sentencesOf(p));
  const sentenceCount = paragraphs.reduce((n, p) => n + p.length, 0);
  let drops = Math.round(sentenceCount * dropRate);
  while (drops-- > 0 && sentenceCount > 3) {
    const candidates = paragraphs.map((p, i) => [p, i] as const).filter(([p]) => p.length > 0);
    const [p] = pick(rng, candidates);
    p.splice(Math.floor(rng() * p.length), 1);
  }
  paragraphs = paragraphs.filter((p) => p.length);
  let texts = paragraphs.map((p) => substitute(p.join(' '), substitutionRate, rng, vocabulary));
  // Paragraph layout: merge two, split one at a sentence.
  if (texts.length > 2 && rng() < 0.7) {
    const i = Math.floor(rng() * (texts.length - 1));
    texts.splice(i, 2, `${texts[i]} ${texts[i + 1]}`);
  }
  const longest = texts.reduce((best, t, i) => (t.length > (texts[best]?.length ?? 0) ? i : best), 0);
  const parts = sentencesOf(texts[longest] ?? '');
  if (parts.length > 2 && rng() < 0.7) {
    const cut = 1 + Math.floor(rng() * (parts.length - 1));
    texts.splice(longest, 1, parts.slice(0, cut).join(' '), parts.slice(cut).join(' '));
  }
  texts = texts.map((t) =>
    toggleQuotes(rng() < 0.5 ? t.replace(/ /gu, (s) => (rng() < 0.03 ? '  ' : s)) : t, severity % 2 === 1),
  );
  const site = pick(rng, SITES);
  const { head, tail, inline } = chrome(site, rng, headlines);
  const middle = Math.max(1, Math.floor(texts.length / 2));
  const body = [...head, ...texts.slice(0, middle), inline, ...texts.slice(middle), ...tail].join('\n\n');
  const title = substitute(shuffle(rng, base.title.split(' ')).join(' '), 0.3, rng, vocabulary);
  return { title, body };
}

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export interface NearDuplicateSetOptions {
  seed: number;
  /** Share of the articles kept out of the story pool, as material for hard negatives. */
  reservedShare: number;
}

/** The whole set, deterministic for a seed and the order of `bases`. */
export function buildNearDuplicateSet(
  bases: readonly BaseArticle[],
  options: NearDuplicateSetOptions,
): NearDuplicateDoc[] {
  const rng = seededRandom(options.seed);
  const vocabulary = [
    ...new Set(
      bases.flatMap(
        (b) =>
          b.paragraphs
            .join(' ')
            .toLowerCase()
            .match(/\p{L}{3,}/gu) ?? [],
      ),
    ),
  ].sort();
  const headlines = bases.map((b) => b.title);
  const order = shuffle(rng, [...bases]);
  const reservedCount = Math.round(order.length * options.reservedShare);
  const reserved = order.slice(0, reservedCount);
  const stories = order.slice(reservedCount);
  const docs: NearDuplicateDoc[] = [];

  for (const base of stories) {
    docs.push({
      id: base.id,
      story: base.id,
      kind: 'original',
      severity: 0,
      language: base.language,
      title: base.title,
      body: base.paragraphs.join('\n\n'),
    });
    for (const severity of [1, 2, 3]) {
      const copy = editedCopy(base, severity, rng, vocabulary, headlines);
      docs.push({
        id: `${base.id}~copy${severity}`,
        story: base.id,
        kind: 'copy',
        severity,
        language: base.language,
        ...copy,
      });
    }
  }

  // Hard negatives from the reserved articles: half shared background, a quarter shared chrome (in pairs), the rest as they are.
  const byLanguage = new Map<string | null, BaseArticle[]>();
  for (const s of stories) byLanguage.set(s.language, [...(byLanguage.get(s.language) ?? []), s]);
  reserved.forEach((article, i) => {
    const body = article.paragraphs.join('\n\n');
    if (i % 4 < 2) {
      const sameLanguage = byLanguage.get(article.language) ?? stories;
      const donor = pick(rng, sameLanguage.length ? sameLanguage : stories);
      if (donor) {
        const budget = Math.max(
          10,
          Math.floor(Math.min(wordCount(body), wordCount(donor.paragraphs.join(' '))) * 0.25),
        );
        const fitting = donor.paragraphs.filter((p) => wordCount(p) <= budget && wordCount(p) >= 10);
        const spliced = fitting.length
          ? pick(rng, fitting)
          : donor.paragraphs.join(' ').split(/\s+/u).slice(0, budget).join(' ');
        const { head, tail } = chrome(pick(rng, SITES), rng, headlines);
        const paragraphs = [...article.paragraphs];
        paragraphs.splice(rng() < 0.5 ? 0 : paragraphs.length, 0, spliced);
        docs.push({
          id: `${article.id}~background`,
          story: `${article.id}~background`,
          kind: 'shared-background',
          severity: 0,
          language: article.language,
          title: article.title,
          body: [...head, ...paragraphs, ...tail].join('\n\n'),
        });
        return;
      }
    }
    if (i % 4 === 2) {
      const partner = reserved[i + 1];
      const site = pick(rng, SITES);
      for (const a of partner ? [article, partner] : [article]) {
        const frame = chrome(site, seededRandom(options.seed + 7), headlines);
        docs.push({
          id: `${a.id}~chrome`,
          story: `${a.id}~chrome`,
          kind: 'shared-chrome',
          severity: 0,
          language: a.language,
          title: a.title,
          body: [...frame.head, ...a.paragraphs, ...frame.tail].join('\n\n'),
        });
      }
      return;
    }
    if (i % 4 === 3 && reserved[i - 1]) return; // the partner of a shared-chrome pair
    docs.push({
      id: article.id,
      story: article.id,
      kind: 'reserved',
      severity: 0,
      language: article.language,
      title: article.title,
      body,
    });
  });
  return docs;
}
