/*
 * `npm run bench:clusters` — pairwise recall and precision of "same story cluster" on a generated near-duplicate set
 * (near-duplicates-set.ts) built from dataset main texts: readability-pages (Readability's own text of each page)
 * and trafilatura-eval (bodies as the enricher extracts them). Every variant clusters the set as the indexer does —
 * in one seeded arrival order, each article joins the cluster of its nearest earlier article among the band-index
 * candidates that pass the threshold, else founds its own — so band misses and chaining count.
 * Options: --seed N (default 13), --limit N (pages per dataset), --only NAME (variants whose name contains NAME).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanHtmlPage, detectLanguage, simhash64 } from '@wirestream/enrichment';
import {
  CANDIDATE_POSTINGS_PER_KEY,
  CANDIDATES_PER_PROBE,
  fingerprintDistance,
  lshBandKeys,
  minhashSignature,
  shingleHashes,
  signatureSimilarity,
  simhashBands,
  STORY_CLUSTER_MAX_DISTANCE,
  STORY_SIGNATURE,
} from '@wirestream/persistence';
import { datasetsDir, progress, readHtmlGz, repoRoot } from './datasets';
import { buildNearDuplicateSet, seededRandom, type BaseArticle, type NearDuplicateDoc } from './near-duplicates-set';

interface Options {
  seed: number;
  limit: number;
  only: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { seed: 13, limit: Infinity, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--limit') options.limit = Number(argv[++i]);
    else if (arg === '--only') options.only = argv[++i] ?? null;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

const MIN_WORDS = 60;
const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const headline = (paragraphs: string[]): string => (paragraphs[0] ?? '').split(/\s+/u).slice(0, 12).join(' ');

function readabilityBases(dir: string, limit: number): BaseArticle[] {
  const expected = JSON.parse(
    readFileSync(path.join(dir, 'readability-pages', 'readability-expected.json'), 'utf8'),
  ) as Record<string, { readabilityText: string }>;
  return Object.entries(expected)
    .slice(0, limit)
    .map(([name, { readabilityText }]) => {
      const paragraphs = readabilityText
        .split(/\n\s*\n/u)
        .map((p) => p.replace(/\s+/gu, ' ').trim())
        .filter(Boolean);
      return {
        id: `readability/${name}`,
        site: name.replace(/-\d+$/u, ''),
        language: detectLanguage(paragraphs.join(' '), null),
        title: headline(paragraphs),
        paragraphs,
      };
    });
}

function trafilaturaBases(dir: string, limit: number): BaseArticle[] {
  const gold = JSON.parse(readFileSync(path.join(dir, 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string; title?: string }
  >;
  const entries = Object.entries(gold).slice(0, limit);
  const bar = progress('extracting trafilatura-eval bodies', entries.length);
  const out: BaseArticle[] = [];
  for (const [url, entry] of entries) {
    bar.tick();
    try {
      const { paragraphs } = cleanHtmlPage(readHtmlGz(path.join(dir, 'trafilatura-eval', 'html', `${entry.file}.gz`)), {
        title: entry.title ?? null,
        siteName: null,
        url,
      });
      let site = 'unknown';
      try {
        site = new URL(url).hostname.replace(/^www\./u, '');
      } catch {
        // a few gold keys are not URLs
      }
      out.push({
        id: `trafilatura/${entry.file}`,
        site,
        language: detectLanguage(paragraphs.join(' '), null),
        title: entry.title ?? headline(paragraphs),
        paragraphs,
      });
    } catch {
      // a page the extractor refuses is no story
    }
  }
  bar.done();
  return out;
}

/** Drops articles sharing ≥ 30 % of their 5-word shingles with an earlier one (the datasets hold a few copies of one page). */
function dedupe(bases: BaseArticle[]): BaseArticle[] {
  const owner = new Map<number, number>();
  const kept: BaseArticle[] = [];
  for (const base of bases) {
    const shingles = shingleHashes(base.paragraphs.join(' '), 5);
    const shared = new Map<number, number>();
    for (const s of shingles) {
      const o = owner.get(s);
      if (o !== undefined) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    if ([...shared.values()].some((n) => n >= 0.3 * shingles.size)) continue;
    for (const s of shingles) if (!owner.has(s)) owner.set(s, kept.length);
    kept.push(base);
  }
  return kept;
}

/** A clustering method: signature, band keys, and whether two signatures are the same story (with a rank: lower is nearer). */
interface Variant<S = unknown> {
  name: string;
  keysPerArticle: number;
  signature(doc: NearDuplicateDoc): S;
  keys(signature: S): (number | string)[];
  /** Distance to rank candidates by, or null beyond the threshold. */
  match(a: S, b: S): number | null;
  /** Estimated similarity, for the margin report of MinHash variants. */
  similarity?(a: S, b: S): number;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** SimHash over distinct word shingles, `bits` wide, as 32-bit words. */
function simhashWords(text: string, bits: number, shingle: number): Uint32Array {
  const words = bits / 32;
  const weights = new Int32Array(bits);
  for (const h of shingleHashes(text, shingle)) {
    for (let w = 0; w < words; w++) {
      const v = mix32(h ^ Math.imul(w + 1, 0x9e3779b9));
      for (let bit = 0; bit < 32; bit++) weights[w * 32 + bit]! += (v >>> bit) & 1 ? 1 : -1;
    }
  }
  const out = new Uint32Array(words);
  for (let bit = 0; bit < bits; bit++) if (weights[bit]! > 0) out[bit >> 5]! |= 1 << (bit & 31);
  return out;
}

/** `bands` bands of `rows` bit positions drawn without replacement per band (seeded). */
function randomBitBands(bits: number, bands: number, rows: number, seed: number): number[][] {
  const rng = seededRandom(seed);
  return Array.from({ length: bands }, () => {
    const positions = Array.from({ length: bits }, (_, i) => i);
    for (let i = positions.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [positions[i], positions[j]] = [positions[j]!, positions[i]!];
    }
    return positions.slice(0, rows);
  });
}

function simhashVariant(
  bits: number,
  shingle: number,
  threshold: number,
  bands: number,
  rows: number,
  withTitle = false,
): Variant<Uint32Array> {
  const layout = randomBitBands(bits, bands, rows, 1000 + bits + bands * 7 + rows);
  return {
    name: `SimHash ${bits} bit, ${shingle}-shingles${withTitle ? ' + title' : ''}, ≤ ${threshold} bits, ${bands}×${rows} random-bit bands`,
    keysPerArticle: bands,
    signature: (doc) => simhashWords(withTitle ? `${doc.title}\n\n${doc.body}` : doc.body, bits, shingle),
    keys: (sig) =>
      layout.map((positions, band) => {
        let value = 0;
        positions.forEach((p, i) => {
          if ((sig[p >> 5]! >>> (p & 31)) & 1) value += 2 ** i;
        });
        return `${band}:${value}`;
      }),
    match: (a, b) => {
      let d = 0;
      for (let i = 0; i < a.length; i++) d += popcount32(a[i]! ^ b[i]!);
      return d <= threshold ? d : null;
    },
  };
}

/** Today's clustering exactly: the enricher's simhash64 of the body, 12 bands of 16 bits, ≤ 6 bits (or `threshold`). */
function currentSimhash(threshold = STORY_CLUSTER_MAX_DISTANCE): Variant<string> {
  return {
    name: `SimHash 64 bit, 3-shingles, ≤ ${threshold} bits, 12×16 bands (today${threshold === STORY_CLUSTER_MAX_DISTANCE ? '' : ', other threshold'})`,
    keysPerArticle: 12,
    signature: (doc) => simhash64(doc.body),
    keys: (fp) => simhashBands(fp).map((b) => b.band * 65536 + b.value),
    match: (a, b) => {
      const d = fingerprintDistance(a, b);
      return d <= threshold ? d : null;
    },
  };
}

function minhashVariant(
  hashes: number,
  shingle: number,
  bands: number,
  rows: number,
  minSimilarity: number,
  withTitle = false,
): Variant<number[]> {
  return {
    name: `MinHash ${hashes}, ${shingle}-shingles${withTitle ? ' + title' : ''}, J ≥ ${minSimilarity}, ${bands}×${rows} LSH bands`,
    keysPerArticle: bands,
    signature: (doc) => minhashSignature(withTitle ? `${doc.title}\n\n${doc.body}` : doc.body, { hashes, shingle }),
    keys: (sig) => lshBandKeys(sig, { bands, rows }),
    match: (a, b) => {
      const s = signatureSimilarity(a, b);
      return s >= minSimilarity ? 1 - s : null;
    },
    similarity: signatureSimilarity,
  };
}

/** MinHash plus the shingle count: the share of the smaller text found in the other (containment), estimated from J and both sizes. */
function containmentVariant(
  hashes: number,
  shingle: number,
  bands: number,
  rows: number,
  minContainment: number,
  minSimilarity: number,
): Variant<{ sig: number[]; size: number }> {
  return {
    name: `MinHash ${hashes} + size, ${shingle}-shingles, containment ≥ ${minContainment} ∧ J ≥ ${minSimilarity}, ${bands}×${rows} LSH bands`,
    keysPerArticle: bands,
    signature: (doc) => ({
      sig: minhashSignature(doc.body, { hashes, shingle }),
      size: shingleHashes(doc.body, shingle).size,
    }),
    keys: (s) => lshBandKeys(s.sig, { bands, rows }),
    match: (a, b) => {
      const j = signatureSimilarity(a.sig, b.sig);
      const containment = ((j / (1 + j)) * (a.size + b.size)) / Math.max(1, Math.min(a.size, b.size));
      return j >= minSimilarity && containment >= minContainment ? 1 - containment : null;
    },
  };
}

/** The indexer's bounded lookup (`findStoredCandidates`): newest postings per key, then those found through most keys. */
interface LookupBounds {
  perKey: number;
  perProbe: number;
}

function boundedCandidates(index: Map<number | string, number[]>, keys: (number | string)[], bounds: LookupBounds) {
  const shared = new Map<number, number>();
  for (const k of keys)
    for (const j of (index.get(k) ?? []).slice(-bounds.perKey)) shared.set(j, (shared.get(j) ?? 0) + 1);
  const ranked = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, bounds.perProbe);
  return new Set(ranked.map(([j]) => j));
}

interface Result {
  recall: number;
  precision: number;
  bySeverity: number[];
  candidatesPerLookup: number;
  falsePairs: number;
  /** Lowest similarity of a copy to its original; highest of a candidate pair of different stories (similarity variants only). */
  margin: { lowestCopy: number; highestNegative: number } | null;
  ms: number;
}

/** Clusters `docs` in the given order as the indexer does, then scores pairs. */
function evaluate<S>(variant: Variant<S>, docs: readonly NearDuplicateDoc[], bounds?: LookupBounds): Result {
  const started = performance.now();
  const index = new Map<number | string, number[]>();
  const signatures: S[] = [];
  const cluster: number[] = [];
  let candidateCount = 0;
  let highestNegative = 0;
  docs.forEach((doc, i) => {
    const sig = variant.signature(doc);
    signatures.push(sig);
    const keys = variant.keys(sig);
    const candidates = bounds ? boundedCandidates(index, keys, bounds) : new Set<number>();
    if (!bounds) for (const k of keys) for (const j of index.get(k) ?? []) candidates.add(j);
    candidateCount += candidates.size;
    if (variant.similarity)
      for (const j of candidates)
        if (docs[j]!.story !== doc.story)
          highestNegative = Math.max(highestNegative, variant.similarity(signatures[j]!, sig));
    let best: { distance: number; j: number } | null = null;
    for (const j of candidates) {
      const distance = variant.match(signatures[j]!, sig);
      if (distance !== null && (!best || distance < best.distance || (distance === best.distance && j < best.j)))
        best = { distance, j };
    }
    cluster.push(best ? cluster[best.j]! : i);
    for (const k of keys) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  const ms = performance.now() - started;

  // Pairs by (story, cluster) cell counts: same story ∧ same cluster = true positives.
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = (key: (i: number) => string) => {
    const m = new Map<string, number>();
    docs.forEach((_, i) => m.set(key(i), (m.get(key(i)) ?? 0) + 1));
    return [...m.values()].reduce((sum, n) => sum + pairs(n), 0);
  };
  const truePairs = count((i) => docs[i]!.story);
  const predictedPairs = count((i) => String(cluster[i]));
  const tp = count((i) => `${docs[i]!.story}\u0000${cluster[i]}`);
  const originals = new Map(docs.map((d, i) => [d.story, i] as const).filter(([, i]) => docs[i]!.kind === 'original'));
  const bySeverity = [1, 2, 3].map((severity) => {
    const copies = docs.map((d, i) => [d, i] as const).filter(([d]) => d.kind === 'copy' && d.severity === severity);
    return (
      copies.filter(([d, i]) => cluster[i] === cluster[originals.get(d.story)!]).length / Math.max(1, copies.length)
    );
  });
  let margin: Result['margin'] = null;
  if (variant.similarity) {
    let lowestCopy = 1;
    docs.forEach((d, i) => {
      if (d.kind === 'copy')
        lowestCopy = Math.min(lowestCopy, variant.similarity!(signatures[i]!, signatures[originals.get(d.story)!]!));
    });
    margin = { lowestCopy, highestNegative };
  }
  return {
    margin,
    recall: tp / Math.max(1, truePairs),
    precision: tp / Math.max(1, predictedPairs),
    bySeverity,
    candidatesPerLookup: candidateCount / docs.length,
    falsePairs: predictedPairs - tp,
    ms,
  };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const dir = datasetsDir('trafilatura-eval');
  const bases = dedupe(
    [...readabilityBases(dir, options.limit), ...trafilaturaBases(dir, options.limit)].filter(
      (b) => wordCount(b.paragraphs.join(' ')) >= MIN_WORDS,
    ),
  );
  const docs = buildNearDuplicateSet(bases, { seed: options.seed, reservedShare: 0.35 });
  const rng = seededRandom(options.seed + 1);
  const order = docs.map((d) => d);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const kinds = new Map<string, number>();
  for (const d of docs) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
  const stories = new Set(docs.filter((d) => d.kind === 'original').map((d) => d.story)).size;
  process.stdout.write(
    `near-duplicate set (seed ${options.seed}): ${bases.length} dataset articles ≥ ${MIN_WORDS} words → ${docs.length} docs, ${stories} stories × 4 (original + 3 copies); ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}\n`,
  );

  const variants: Variant<never>[] = [
    currentSimhash(),
    currentSimhash(10),
    currentSimhash(14),
    simhashVariant(64, 3, 12, 24, 8),
    simhashVariant(64, 2, 12, 24, 8),
    simhashVariant(64, 1, 10, 24, 8),
    simhashVariant(128, 3, 28, 32, 10),
    simhashVariant(128, 2, 24, 32, 10),
    simhashVariant(128, 2, 24, 32, 10, true),
    minhashVariant(64, 3, 32, 2, 0.3),
    minhashVariant(64, 2, 32, 2, 0.3),
    minhashVariant(128, 3, 64, 2, 0.25),
    containmentVariant(64, 2, 32, 2, 0.5, 0.2),
    containmentVariant(128, 2, 64, 2, 0.5, 0.2),
    containmentVariant(128, 3, 64, 2, 0.4, 0.15),
    minhashVariant(64, 2, 32, 2, 0.4),
    minhashVariant(64, 2, 16, 4, 0.4),
    minhashVariant(64, 1, 32, 2, 0.5),
    minhashVariant(128, 2, 32, 4, 0.4),
    minhashVariant(128, 3, 64, 2, 0.3),
    minhashVariant(
      STORY_SIGNATURE.hashes,
      STORY_SIGNATURE.shingle,
      STORY_SIGNATURE.bands,
      STORY_SIGNATURE.rows,
      STORY_SIGNATURE.minSimilarity,
    ),
    minhashVariant(
      STORY_SIGNATURE.hashes,
      STORY_SIGNATURE.shingle,
      STORY_SIGNATURE.bands,
      STORY_SIGNATURE.rows,
      STORY_SIGNATURE.minSimilarity,
      true,
    ),
  ] as Variant<never>[];
  const chosen = `MinHash ${STORY_SIGNATURE.hashes}, ${STORY_SIGNATURE.shingle}-shingles, J ≥ ${STORY_SIGNATURE.minSimilarity}, ${STORY_SIGNATURE.bands}×${STORY_SIGNATURE.rows} LSH bands`;

  const fmt = (n: number) => n.toFixed(3);
  let margins: Result['margin'] = null;
  process.stdout.write(
    '\n| variant | keys | recall | precision | false pairs | copy found, light / medium / heavy | candidates per lookup | ms |\n|---|---|---|---|---|---|---|---|\n',
  );
  const row = (name: string, keys: number, r: Result) =>
    process.stdout.write(
      `| ${name} | ${keys} | ${fmt(r.recall)} | ${fmt(r.precision)} | ${r.falsePairs} | ${r.bySeverity.map(fmt).join(' / ')} | ${r.candidatesPerLookup.toFixed(1)} of ≤ ${docs.length} | ${Math.round(r.ms)} |\n`,
    );
  for (const variant of variants) {
    if (options.only && !variant.name.includes(options.only)) continue;
    const r = evaluate(variant, order);
    const name = variant.name === chosen ? `**${variant.name}** (chosen)` : variant.name;
    if (variant.name === chosen && r.margin) margins = r.margin;
    row(name, variant.keysPerArticle, r);
    if (variant.name !== chosen) continue;
    // The indexer reads a bounded number of postings (findStoredCandidates); the same clustering through that lookup.
    for (const bounds of [
      { perKey: CANDIDATE_POSTINGS_PER_KEY, perProbe: CANDIDATES_PER_PROBE },
      { perKey: 8, perProbe: 16 },
      { perKey: 2, perProbe: 4 },
    ]) {
      const used = bounds.perKey === CANDIDATE_POSTINGS_PER_KEY && bounds.perProbe === CANDIDATES_PER_PROBE;
      row(
        `${variant.name}, lookup: newest ${bounds.perKey} postings per key, ${bounds.perProbe} per probe${used ? ' (the indexer’s)' : ''}`,
        variant.keysPerArticle,
        evaluate(variant, order, bounds),
      );
    }
  }

  if (margins)
    process.stdout.write(
      `\nchosen: lowest similarity of a copy to its original ${fmt(margins.lowestCopy)}; highest of two different stories sharing a band key ${fmt(margins.highestNegative)} (threshold ${STORY_SIGNATURE.minSimilarity})\n`,
    );

  // The seed and its republished copy in examples/ (the indexer's int spec clusters them through the search API).
  const seedText = readFileSync(path.join(repoRoot, 'examples', 'global-village-space-trump-petro.txt'), 'utf8');
  const copyText = readFileSync(path.join(repoRoot, 'examples', 'metro-wire-trump-petro-republished.txt'), 'utf8');
  const a = minhashSignature(seedText);
  const b = minhashSignature(copyText);
  const shared = new Set(lshBandKeys(a).filter((k) => lshBandKeys(b).includes(k))).size;
  process.stdout.write(
    `\nexamples (whole pages, chrome included): seed vs republished copy — SimHash ${fingerprintDistance(simhash64(seedText), simhash64(copyText))} bits, MinHash similarity ${fmt(signatureSimilarity(a, b))} (${shared} of ${STORY_SIGNATURE.bands} band keys shared)\n`,
  );
}

main();
