/**
 * The API key local development uses when none is configured (ingestor writes, indexer admin); `make demo` prints
 * it and the CLI sends it by default. The services' config refuses to start without real keys in production.
 */
export const DEVELOPMENT_API_KEY = 'wirestream-dev-key';
