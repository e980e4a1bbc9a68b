/**
 * Each scenario's outcome, one JSON line in test-output/faults/results.jsonl (git-ignored) and one line on stdout,
 * for the report: counts on both sides and how long each phase took.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExactlyOnceReport } from './exactly-once';

const OUTPUT = path.resolve(__dirname, '../../../test-output/faults');

export interface ScenarioResult {
  scenario: string;
  articles: number;
  report: ExactlyOnceReport;
  /** Named durations in ms (backfill, drain after the fault, exits after SIGTERM…). */
  timings: Record<string, number | null>;
  notes?: string[];
}

export function recordScenario(result: ScenarioResult): void {
  mkdirSync(OUTPUT, { recursive: true });
  appendFileSync(
    path.join(OUTPUT, 'results.jsonl'),
    `${JSON.stringify({ at: new Date().toISOString(), ...result })}\n`,
  );
  const { report } = result;
  const sides = (['postgres', 'index'] as const).map(
    (k) =>
      `${k} ${report[k].ids} (dup ${report[k].duplicates}, missing ${report[k].missing}, wrong version ${report[k].wrongVersion}, unexpected ${report[k].unexpected})`,
  );
  const timings = Object.entries(result.timings).map(
    ([k, v]) => `${k} ${v === null ? '—' : `${(v / 1000).toFixed(1)} s`}`,
  );
  process.stdout.write(
    `[fault] ${result.scenario}: accepted ${report.accepted}; ${sides.join('; ')}; ${timings.join(', ')}${result.notes?.length ? `; ${result.notes.join('; ')}` : ''}\n`,
  );
}
