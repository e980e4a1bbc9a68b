import { EVENT_MAX_BYTES } from '@wirestream/contracts';
import { renderKafkaServerProperties } from './private-kafka';

const values = {
  listenHost: '127.0.0.1',
  advertisedHost: 'kafka.local',
  port: 19092,
  controllerPort: 19093,
  logDirs: '/tmp/k',
};

function property(text: string, key: string): string | undefined {
  return text
    .split('\n')
    .find((line) => line.startsWith(`${key}=`))
    ?.slice(key.length + 1);
}

describe('kafka-server.properties (the stack and private test brokers)', () => {
  it('fills every placeholder', () => {
    const text = renderKafkaServerProperties(values);
    expect(text).not.toContain('{{');
    expect(property(text, 'listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(property(text, 'advertised.listeners')).toBe('PLAINTEXT://kafka.local:19092');
    expect(property(text, 'log.dirs')).toBe('/tmp/k');
  });

  it('lets the broker take events up to EVENT_MAX_BYTES', () => {
    const text = renderKafkaServerProperties(values);
    expect(Number(property(text, 'message.max.bytes'))).toBe(EVENT_MAX_BYTES);
    expect(Number(property(text, 'replica.fetch.max.bytes'))).toBe(EVENT_MAX_BYTES);
  });

  it('refuses to leave a placeholder unfilled', () => {
    const { logDirs: _omitted, ...partial } = values;
    expect(() => renderKafkaServerProperties(partial)).toThrow(/no value for \{\{logDirs\}\}/);
  });
});
