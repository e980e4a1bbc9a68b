import type { ScrapedPage } from './page';

/** What an extractor returns for one flattened page. */
export interface ScrapedExtraction {
  title: string | null;
  source: string | null;
  /** ISO date-time or YYYY-MM-DD. */
  date: string | null;
  byline: string | null;
  body: string;
}

export interface FieldScore {
  right: number;
  scored: number;
}

export interface SplitScore {
  pages: number;
  title: FieldScore;
  source: FieldScore;
  date: FieldScore;
  byline: FieldScore;
  /** Snippet counts over pages with trafilatura snippets. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Mean 4-shingle recall of Readability's text, and the pages under 0.8. */
  readabilityRecall: number;
  readabilityPages: number;
  lowRecall: string[];
}

export interface Miss {
  id: string;
  field: string;
  gold: string;
  got: string;
}

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();
/**
 * Exact match up to spacing and quote style. A space before a colon or other closing punctuation is spacing too: a
 * gold joined from a kicker's and a headline's element reads "Kicker : Headline", the page prints "Kicker: Headline".
 */
export const titleKey = (s: string): string =>
  squash(s)
    .replace(/ (?=[:;,.!?])/gu, '')
    .replace(/[‘’‚‛]/gu, "'")
    .replace(/[“”„‟«»]/gu, '"');
/** A publication name up to case, spacing, punctuation and a leading "the". */
export const nameKey = (s: string): string => articleKey(s.replace(/^the\s+/iu, ''));
/** The same without dropping "the": a host glues the article to the name ("thescarboroughnews.co.uk"). */
const articleKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The address's host without "www." ('' when there is none). */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./u, '') : '';
  } catch {
    return '';
  }
}

/** A name written as a web address, without its scheme and "www." ("https://www.fr.de" → "fr.de"). */
const withoutScheme = (s: string): string => s.trim().replace(/^(?:https?:\/\/)?(?:www\.)?/iu, '');

/**
 * A source is right when its name key equals the gold's or one starts the other ("WDR" / "wdr.de", "DATEV" /
 * "DATEV magazin"): og:site_name mixes brand, domain and tagline, the page prints one of them. A gold written as an
 * address counts from its host ("www.emotion.de" / "emotion").
 */
export function sameSource(gold: string, got: string): boolean {
  const a = withoutScheme(gold);
  const b = withoutScheme(got);
  // "The Scarborough News" / "thescarboroughnews.co.uk": the article is optional on both sides, not only on the one
  // that writes it as a separate word.
  if (sameKey(nameKey(a), nameKey(b)) || sameKey(articleKey(a), articleKey(b))) return true;
  // A host cannot spell "ä" or "é": "Harbour Straße" is "harbour-strasse.de" (or "harbour-strae.de"), "Café Quai"
  // is "cafequai.fr". Both sides are folded the same way, by German transliteration or by dropping the accent.
  return [transliterated, withoutAccents].some((fold) => {
    const x = fold(a);
    const y = fold(b);
    return (x !== a || y !== b) && (sameKey(nameKey(x), nameKey(y)) || sameKey(articleKey(x), articleKey(y)));
  });
}

const TRANSLITERATIONS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const transliterated = (s: string): string => s.replace(/[äöüÄÖÜß]/gu, (c) => TRANSLITERATIONS[c] ?? c);
const withoutAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

function sameKey(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return a === b;
  return a === b || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a)));
}

/**
 * A title gold read from the page's first h1 (datasets without a title of their own) that is the site's name — its
 * og:site_name or its host ("strafprozess.ch", "Zoll" on zoll.de) — is the logo heading of a blog or portal, not the
 * article's headline: no extractor should return it, so it is not scored. Titles a dataset gives are always scored.
 */
export function titleGoldNamesSite(page: Pick<ScrapedPage, 'dataset' | 'url' | 'gold'>): boolean {
  const { title, source } = page.gold;
  if (!title || page.dataset === 'trafilatura-eval') return false;
  const key = nameKey(title);
  if (source && key === nameKey(withoutScheme(source))) return true;
  const hostname = hostOf(page.url);
  return hostname !== '' && (key === nameKey(hostname) || key === nameKey(hostname.split('.')[0] ?? ''));
}

/** A byline is right when it names every gold author (by surname: the last word of each name). */
export function bylineMatches(goldNames: string | string[], got: string | null): boolean {
  if (!got) return false;
  const gold = Array.isArray(goldNames) ? goldNames.join(', ') : goldNames; // trafilatura-eval lists some authors
  const have = new Set(got.toLowerCase().split(/[^\p{L}]+/u));
  const authors = gold
    .split(/,|;| and | und | et | y | e |&/u)
    .map((a) => a.trim())
    .filter((a) => /\p{L}{2}/u.test(a));
  return (
    authors.length > 0 &&
    authors.every((a) =>
      have.has(
        a
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .filter(Boolean)
          .at(-1) ?? '',
      ),
    )
  );
}

/**
 * A gold date no extraction can equal is not scored: one that is not a calendar date ("2022-25-10", a day and month
 * swapped in the dataset).
 */
export function scorableDate(gold: string | null): gold is string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(gold ?? '');
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === gold;
}

/** A gold byline with no name in it (an IP address, "—") can never be matched by `bylineMatches`: not scored. */
export function scorableByline(gold: string | null): gold is string {
  return gold !== null && /\p{L}{2}/u.test(gold);
}

function shingles(text: string): Map<string, number> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function shingleRecall(gold: string, got: string): number {
  const g = shingles(gold);
  const h = shingles(got);
  let shared = 0;
  let total = 0;
  for (const [key, count] of g) {
    total += count;
    shared += Math.min(count, h.get(key) ?? 0);
  }
  return total ? shared / total : 1;
}

const emptyScore = (): SplitScore => ({
  pages: 0,
  title: { right: 0, scored: 0 },
  source: { right: 0, scored: 0 },
  date: { right: 0, scored: 0 },
  byline: { right: 0, scored: 0 },
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  readabilityRecall: 0,
  readabilityPages: 0,
  lowRecall: [],
});

/** Scores `extract` over the pages, per split. Misses are reported for the dev split only (the confirm split stays unseen). */
export function score(
  pages: ScrapedPage[],
  extract: (page: ScrapedPage) => ScrapedExtraction,
): { dev: SplitScore; confirm: SplitScore; seen: SplitScore; misses: Miss[] } {
  const result = { dev: emptyScore(), confirm: emptyScore(), seen: emptyScore() };
  const misses: Miss[] = [];
  for (const page of pages) {
    const s = result[page.split];
    const miss = (field: string, gold: string, got: string | null): void => {
      if (page.split === 'dev') misses.push({ id: page.id, field, gold, got: got ?? '∅' });
    };
    const got = extract(page);
    s.pages += 1;
    const body = squash(got.body);
    const { gold } = page;
    if (gold.title && !titleGoldNamesSite(page)) {
      s.title.scored += 1;
      if (got.title && titleKey(got.title) === titleKey(gold.title)) s.title.right += 1;
      else miss('title', gold.title, got.title);
    }
    if (gold.source) {
      s.source.scored += 1;
      if (got.source && sameSource(gold.source, got.source)) s.source.right += 1;
      else miss('source', gold.source, got.source);
    }
    if (scorableDate(gold.date)) {
      s.date.scored += 1;
      if (got.date?.slice(0, 10) === gold.date) s.date.right += 1;
      else miss('date', gold.date, got.date);
    }
    if (scorableByline(gold.byline)) {
      s.byline.scored += 1;
      if (bylineMatches(gold.byline, got.byline)) s.byline.right += 1;
      else miss('byline', String(gold.byline), got.byline);
    }
    for (const snippet of gold.with ?? []) {
      if (body.includes(squash(snippet))) s.tp += 1;
      else {
        s.fn += 1;
        miss('body-miss', squash(snippet).slice(0, 120), null);
      }
    }
    for (const snippet of gold.without ?? []) {
      if (body.includes(squash(snippet))) {
        s.fp += 1;
        miss('body-leak', squash(snippet).slice(0, 120), null);
      } else s.tn += 1;
    }
    if (gold.readabilityText) {
      const recall = shingleRecall(gold.readabilityText, got.body);
      s.readabilityRecall += recall;
      s.readabilityPages += 1;
      if (recall < 0.8) s.lowRecall.push(`${page.id} ${recall.toFixed(2)}`);
    }
  }
  for (const s of [result.dev, result.confirm, result.seen]) s.readabilityRecall /= Math.max(1, s.readabilityPages);
  return { ...result, misses };
}

const pct = (f: FieldScore): string =>
  `${((100 * f.right) / Math.max(1, f.scored)).toFixed(1)}% (${f.right}/${f.scored})`;
export const bodyF1 = (s: SplitScore): number => (2 * s.tp) / Math.max(1, 2 * s.tp + s.fp + s.fn);

/** The figures of one split as printable rows. */
export function summaryRows(s: SplitScore): Array<[string, string]> {
  return [
    ['pages', String(s.pages)],
    ['title exact', pct(s.title)],
    ['source', pct(s.source)],
    ['date', pct(s.date)],
    ['byline', pct(s.byline)],
    [
      'body F1 (snippets)',
      `${bodyF1(s).toFixed(3)} (P ${(s.tp / Math.max(1, s.tp + s.fp)).toFixed(3)} R ${(s.tp / Math.max(1, s.tp + s.fn)).toFixed(3)})`,
    ],
    [
      'chrome leakage',
      `${(s.fp / Math.max(1, s.fp + s.tn)).toFixed(3)} (${s.fp}/${s.fp + s.tn} without-snippets kept)`,
    ],
    [
      'readability recall',
      s.readabilityPages
        ? `${s.readabilityRecall.toFixed(3)} (${s.lowRecall.length}/${s.readabilityPages} pages < 0.8)`
        : 'no pages',
    ],
  ];
}
