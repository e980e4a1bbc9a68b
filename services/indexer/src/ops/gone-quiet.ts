/** When a source that usually delivers counts as gone quiet (README, Operations). */
export interface QuietRule {
  /** Silent for more than this many times its usual (median) gap… */
  factor: number;
  /** …and for more than this many seconds… */
  minSilentSeconds: number;
  /** …having delivered at least this many items (among its last 50). */
  minItems: number;
}

export interface SourceRhythm {
  items: number;
  medianGapSeconds: number | null;
  silentSeconds: number;
}

export function isGoneQuiet(source: SourceRhythm, rule: QuietRule): boolean {
  if (source.items < rule.minItems || source.medianGapSeconds === null) return false;
  return source.silentSeconds > rule.factor * source.medianGapSeconds && source.silentSeconds > rule.minSilentSeconds;
}

export function describeQuietRule(rule: QuietRule): string {
  return `a source with at least ${rule.minItems} items is gone quiet when silent for more than ${rule.factor}× its median gap (over its last 50 items) and more than ${formatSeconds(rule.minSilentSeconds)}`;
}

function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * The slug the ingestor names a source by ("Global Village Space" → "global-village-space"): how a polled feed
 * (`feed_sources.name`) is matched with the articles it delivered. Same rule as the ingestor's `sourceIdFor`.
 */
export function sourceSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // runs are single dashes by now
  return slug || 'unknown';
}
