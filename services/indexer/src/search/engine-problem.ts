import { PermanentError, RetriableError, type Logger } from '@wirestream/platform';
import { SearchEngineFailedError } from '@wirestream/search';

/**
 * What the caller hears when the engine did not answer a search: our own words only. The engine's text (index
 * names, parser internals, its idea of which value was wrong) goes to the log. Anything else is rethrown as is.
 */
export function engineProblem(error: unknown, log: Logger, request: string): unknown {
  if (!(error instanceof SearchEngineFailedError)) return error;
  log.warn(
    { request, engineStatus: error.engineStatus, engineError: error.engineDetail.slice(0, 2000) },
    'search engine failed a search',
  );
  if (error.kind === 'refused') {
    return new PermanentError(
      'search-refused',
      'The search engine could not run this search as asked; try a shorter query or fewer wildcards.',
      400,
    );
  }
  return new RetriableError('search-unavailable', 'Search is unavailable right now; try again shortly.', 503);
}
