import { DEVELOPMENT_API_KEY } from '@wirestream/contracts';

/** Where the CLI finds the running services; defaults match the services' default ports. */
export function serviceUrls(env: NodeJS.ProcessEnv) {
  return {
    ingestor: (env['INGESTOR_URL'] ?? 'http://127.0.0.1:3001').replace(/\/$/, ''),
    enricher: (env['ENRICHER_URL'] ?? 'http://127.0.0.1:3002').replace(/\/$/, ''),
    indexer: (env['INDEXER_URL'] ?? 'http://127.0.0.1:3003').replace(/\/$/, ''),
    /** The key `make demo` configures; set WIRESTREAM_API_KEY for any other deployment. */
    apiKey: env['WIRESTREAM_API_KEY'] ?? DEVELOPMENT_API_KEY,
  };
}
