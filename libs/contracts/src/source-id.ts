import { FIELD_LIMITS } from './limits';

/**
 * A source's id is a stable slug of its name ("Global Village Space" → "global-village-space"): the ingestor names
 * sources by it, and ops status matches a polled feed (`feed_sources.name`) with the articles it delivered by it.
 */
export function sourceIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, FIELD_LIMITS.sourceName)
    // Runs are already one dash: at most one to drop at each end (and no quadratic `-+$` scan).
    .replace(/^-|-$/g, '');
  return slug || 'unknown';
}
