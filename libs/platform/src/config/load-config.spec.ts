import { commonEnvSchema, ConfigValidationError, loadConfig, redactConfig, searchEnvSchema } from './load-config';

describe('loadConfig', () => {
  const schema = commonEnvSchema.extend(searchEnvSchema.shape);

  it('applies the local-stack defaults', () => {
    const config = loadConfig('svc', schema, {});
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/wirestream');
    expect(config.SEARCH_ENGINE).toBe('auto');
    expect(config.KAFKA_TOPIC_PREFIX).toBe('');
  });

  it('fails listing every bad variable at once, naming each', () => {
    let error: ConfigValidationError | undefined;
    try {
      loadConfig('svc', schema, {
        KAFKA_BROKERS: 'nohostport',
        DATABASE_URL: 'mysql://x',
        SEARCH_ENGINE: 'solr',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const names = error!.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['KAFKA_BROKERS.0', 'DATABASE_URL', 'SEARCH_ENGINE', 'LOG_LEVEL']));
    expect(error!.message).toContain('svc: invalid configuration');
  });

  it('never echoes a secret-looking value in the error', () => {
    const schemaWithKey = commonEnvSchema.extend({ API_KEYS: commonEnvSchema.shape.LOG_LEVEL });
    expect(() => loadConfig('svc', schemaWithKey, { API_KEYS: 'super-secret' })).toThrow(
      /API_KEYS: .*\(value redacted\)/,
    );
  });
});

describe('redactConfig', () => {
  it('hides secrets and URL passwords', () => {
    expect(redactConfig({ API_KEYS: 'k1,k2', DATABASE_URL: 'postgres://u:pw@db:5432/x', PORT: 3001 })).toEqual({
      API_KEYS: '[redacted]',
      DATABASE_URL: 'postgres://u:***@db:5432/x',
      PORT: 3001,
    });
  });
});
