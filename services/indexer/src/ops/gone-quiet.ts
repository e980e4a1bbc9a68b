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
