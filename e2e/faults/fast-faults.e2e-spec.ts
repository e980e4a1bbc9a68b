/**
 * Fast subset of the fault suite for `make test`: SIGKILL the enricher, then the indexer, once each in the middle of
 * a backfill of 500 articles (the full suite, `npm run test:faults`, kills each service at three points of 5,000).
 */
import { isExactlyOnce, summarize } from './support/exactly-once';
import { killService } from './support/scenarios';

const ARTICLES = 500;

describe('faults (fast subset, 500 articles)', () => {
  it.each(['enricher', 'indexer'] as const)(
    'SIGKILL the %s mid-backfill and restart it: every accepted article exactly once',
    async (service) => {
      const { report, notes } = await killService(service, ARTICLES, [0.5]);
      expect({ exactlyOnce: isExactlyOnce(report), summary: summarize(report), notes }).toMatchObject({
        exactlyOnce: true,
      });
    },
  );
});
