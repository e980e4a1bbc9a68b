import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractEntityMentions } from '@wirestream/enrichment';
import {
  f1,
  fmt,
  ratio,
  type QualityContext,
  type QualityResult,
  type QualityRow,
  type QualitySet,
} from '../quality-set';

type EntityKind = 'PER' | 'LOC' | 'ORG';
const KIND_OF = { person: 'PER', place: 'LOC', organization: 'ORG' } as const;

interface ConllDoc {
  sentences: Array<Array<{ token: string; tag: string }>>;
}

function readWikigold(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sentence: Array<{ token: string; tag: string }> = [];
  const endSentence = (): void => {
    if (sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      endSentence();
      continue;
    }
    const [token = '', tag = 'O'] = trimmed.split(/\s+/u);
    if (token === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    sentence.push({ token, tag });
  }
  endSentence();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/** Tokens → text with ordinary spacing (no space before punctuation / after opening brackets), with each token's offset. */
function detokenize(tokens: string[]): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let noSpaceNext = true;
  tokens.forEach((token) => {
    const attach = noSpaceNext || /^(?:[.,;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/u.test(token);
    if (!attach) text += ' ';
    starts.push(text.length);
    text += token;
    ends.push(text.length);
    noSpaceNext = /^[([{$]$/u.test(token);
  });
  return { text, starts, ends };
}

function goldSpans(sentence: Array<{ tag: string }>): Array<{ kind: EntityKind; start: number; end: number }> {
  const spans: Array<{ kind: EntityKind; start: number; end: number }> = [];
  let current: { kind: string; start: number } | null = null;
  sentence.forEach(({ tag }, i) => {
    const kind = tag.replace(/^[IB]-/u, '');
    const begins = tag.startsWith('B-') || !current || current.kind !== kind;
    if (current && (tag === 'O' || begins)) {
      if (current.kind !== 'MISC') spans.push({ kind: current.kind as EntityKind, start: current.start, end: i });
      current = null;
    }
    if (tag !== 'O' && !current) current = { kind, start: i };
  });
  if (current) {
    const last = current as { kind: string; start: number };
    if (last.kind !== 'MISC') spans.push({ kind: last.kind as EntityKind, start: last.start, end: sentence.length });
  }
  return spans;
}

function scoreEntities(ctx: QualityContext): QualityResult {
  const docs = readWikigold(path.join(ctx.dir, 'wikigold', 'wikigold.conll.txt')).slice(0, ctx.limit);
  const notes: string[] = [];
  const stats: Record<EntityKind, { tp: number; fp: number; fn: number }> = {
    PER: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
  };
  const bar = ctx.progress('entities (wikigold)', docs.length);
  for (const doc of docs) {
    const detok = doc.sentences.map((s) => detokenize(s.map((t) => t.token)));
    const mentions = extractEntityMentions(detok.map((d) => d.text));
    const predicted = new Set<string>();
    for (const m of mentions) {
      const d = detok[m.paragraph];
      if (!d) continue;
      const first = d.starts.findIndex((s, i) => s <= m.start && m.start < (d.ends[i] ?? 0));
      let last = -1;
      d.ends.forEach((e, i) => {
        if ((d.starts[i] ?? 0) < m.end && e >= m.end - 0) last = last < 0 ? i : last;
      });
      if (first < 0 || last < 0) continue;
      predicted.add(`${m.paragraph}:${first}:${last + 1}:${KIND_OF[m.type]}`);
    }
    const goldSet = new Set<string>();
    doc.sentences.forEach((s, si) => {
      for (const g of goldSpans(s)) goldSet.add(`${si}:${g.start}:${g.end}:${g.kind}`);
    });
    for (const key of predicted) {
      const kind = key.split(':')[3] as EntityKind;
      if (goldSet.has(key)) stats[kind].tp += 1;
      else {
        stats[kind].fp += 1;
        if (ctx.verbose) {
          const [si, a, b] = key.split(':').map(Number);
          notes.push(
            `FP ${kind}: ${doc.sentences[si ?? 0]
              ?.slice(a, b)
              .map((t) => `${t.token}/${t.tag}`)
              .join(' ')}`,
          );
        }
      }
    }
    for (const key of goldSet) {
      if (predicted.has(key)) continue;
      const kind = key.split(':')[3] as EntityKind;
      stats[kind].fn += 1;
      if (ctx.verbose) {
        const [si, a, b] = key.split(':').map(Number);
        notes.push(
          `FN ${kind}: ${doc.sentences[si ?? 0]
            ?.slice(a, b)
            .map((t) => t.token)
            .join(' ')}`,
        );
      }
    }
    bar.tick();
  }
  bar.done();
  const all = (['PER', 'LOC', 'ORG'] as const).reduce(
    (acc, k) => ({ tp: acc.tp + stats[k].tp, fp: acc.fp + stats[k].fp, fn: acc.fn + stats[k].fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const published: Record<string, string> = {
    all: 'compromise-based: 0.43',
    PER: 'compromise-based: 0.53',
    LOC: 'compromise-based: 0.44',
    ORG: 'compromise-based: 0.27',
  };
  const line = (label: string, s: { tp: number; fp: number; fn: number }, key: string, first: boolean): QualityRow => ({
    part: first ? `all (${docs.length} docs)` : '',
    metric: `${label} F1 (P, R)`,
    ours: `${fmt(f1(s.tp, s.fp, s.fn))} (P ${fmt(ratio(s.tp, s.tp + s.fp))}, R ${fmt(ratio(s.tp, s.tp + s.fn))})`,
    readability: '—',
    published: published[key] ?? '',
  });
  return {
    rows: [
      line('overall', all, 'all', true),
      line('people', stats.PER, 'PER', false),
      line('places', stats.LOC, 'LOC', false),
      line('organisations', stats.ORG, 'ORG', false),
    ],
    notes,
  };
}

/** Entities, wikigold: exact span match per type (PER, LOC, ORG; MISC ignored). No Readability baseline. */
export const qualitySet: QualitySet = { name: 'wikigold', folder: 'wikigold', order: 40, score: scoreEntities };
