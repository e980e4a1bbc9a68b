import { Injectable } from '@nestjs/common';
import type { EnrichedArticle } from '@wirestream/contracts';
import { OpsStore } from '@wirestream/persistence';
import { MetricsRegistry, type Logger } from '@wirestream/platform';

/** Distinct `source` label values kept; later sources are counted under `other` (a label per source must stay bounded). */
export const MAX_SOURCE_LABELS = 200;

/** Seconds: a second or two is the norm; minutes mean a backlog, hours a replay. */
const FRESHNESS_BUCKETS = [0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 30, 60, 120, 300, 900, 3600];

/**
 * Ingest → searchable latency per article. "Searchable" = the engine acknowledged the bulk write of that version:
 * from then on a `GET` finds it, and a search does once the shard refreshes — at most `refresh_interval` (1 s, the
 * default) later; a shard idle for searches refreshes before it answers the next one. So the recorded latency is
 * at most about a second short of what a searcher sees. The ingest time is `ingestedAt`, set by the ingestor when
 * it accepted the item and carried by the enriched article.
 */
@Injectable()
export class FreshnessRecorder {
  private readonly latency;
  private readonly sourceLabels = new Set<string>();

  constructor(
    private readonly store: OpsStore,
    metrics: MetricsRegistry,
  ) {
    this.latency = metrics.histogram(
      'wirestream_ingest_to_searchable_seconds',
      'Per article: from the ingestor accepting it to the engine acknowledging its bulk write (searchable within the next refresh, ≤ 1 s)',
      ['source'],
      FRESHNESS_BUCKETS,
    );
  }

  /**
   * Records the versions the engine has just taken. Telemetry: a failure is logged, never fails the batch (the
   * articles are indexed; only their latency sample is lost).
   */
  async record(articles: EnrichedArticle[], searchableAt: Date, log: Logger): Promise<void> {
    const rows = articles.flatMap((a) => {
      const ingestedAt = new Date(a.ingestedAt);
      return Number.isNaN(ingestedAt.getTime())
        ? []
        : [{ articleId: a.id, version: a.version, sourceId: a.source.id, ingestedAt, searchableAt }];
    });
    try {
      for (const row of await this.store.recordSearchable(rows)) {
        this.latency.observe(
          { source: this.sourceLabel(row.sourceId) },
          Math.max(0, (searchableAt.getTime() - row.ingestedAt.getTime()) / 1000),
        );
      }
    } catch (error) {
      log.warn({ err: error, articles: rows.length }, 'could not record freshness samples');
    }
  }

  private sourceLabel(sourceId: string): string {
    if (this.sourceLabels.has(sourceId)) return sourceId;
    if (this.sourceLabels.size >= MAX_SOURCE_LABELS) return 'other';
    this.sourceLabels.add(sourceId);
    return sourceId;
  }
}
