/**
 * The engine's own bulk rate for a set of documents: the client's bulk helper straight into a fresh index (no
 * Kafka, no Postgres, no service) — the baseline the indexer and the whole pipeline are compared with.
 */
import type { ArticleDocument } from '@wirestream/search';
import type { BenchEnv } from './bench-env';
import { log } from './bench-env';
import { cpuSnapshot, cpuUsed, type CpuSnapshot } from './process-cpu';

export async function directBulkRun(
  bench: BenchEnv,
  docs: ArticleDocument[],
  label: string,
): Promise<{ rate: number; cpu: CpuSnapshot }> {
  const engine = await bench.engine(`${bench.indexPrefix}${label}_`);
  await engine.ensureIndex();
  const cpuBefore = cpuSnapshot();
  const started = Date.now();
  const stats = await engine.bulkLoadDirect(docs);
  const seconds = (Date.now() - started) / 1000;
  const cpu = cpuUsed(cpuBefore, cpuSnapshot());
  if (stats.failed) throw new Error(`direct bulk failed ${stats.failed} documents: ${JSON.stringify(stats.failures)}`);
  await engine.dropAll();
  const rate = docs.length / seconds;
  log(`${label}: ${docs.length} docs in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} docs/s`);
  return { rate, cpu };
}
