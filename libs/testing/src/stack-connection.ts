/** Where the test stack is: the same environment contract as the services, with local-stack defaults. */
export interface StackConnection {
  kafkaBrokers: string;
  /** A database URL on the test server; tests create their own databases next to it. */
  databaseUrl: string;
  searchUrl: string;
}

export function stackConnection(env: NodeJS.ProcessEnv = process.env): StackConnection {
  return {
    kafkaBrokers: env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    databaseUrl: env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test',
    searchUrl: env['SEARCH_URL'] ?? 'http://127.0.0.1:9200',
  };
}
