import { PermanentError } from '@wirestream/platform';
import { createSourceSchema, parseSourceBody, updateSourceSchema } from './source-input';

function problem(fn: () => unknown): PermanentError {
  try {
    fn();
  } catch (error) {
    return error as PermanentError;
  }
  throw new Error('expected a PermanentError');
}

describe('source input', () => {
  it('fills defaults', () => {
    expect(parseSourceBody(createSourceSchema, { url: 'https://feeds.example.com/rss' })).toEqual({
      url: 'https://feeds.example.com/rss',
      format: 'auto',
      pollIntervalSeconds: 300,
      enabled: true,
    });
  });

  it('reports every bad field with its path', () => {
    const error = problem(() =>
      parseSourceBody(createSourceSchema, {
        url: 'ftp://x',
        format: 'pdf',
        pollIntervalSeconds: 1.5,
        enabled: 'yes',
        extra: 1,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-source');
    const paths = (error.extensions['errors'] as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['/', '/enabled', '/format', '/pollIntervalSeconds', '/url']);
  });

  it('refuses credentials in the URL and reserved or malformed auth headers', () => {
    const error = problem(() =>
      parseSourceBody(createSourceSchema, {
        url: 'https://user:pw@feeds.example.com/',
        authHeaders: { host: 'evil', 'bad name': 'x', authorization: 'a\r\nb' },
      }),
    );
    const paths = (error.extensions['errors'] as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['/authHeaders/authorization', '/authHeaders/bad name', '/authHeaders/host', '/url']);
  });

  it('refuses a non-object body', () => {
    expect(problem(() => parseSourceBody(createSourceSchema, [1])).code).toBe('invalid-source');
    expect(problem(() => parseSourceBody(createSourceSchema, undefined)).code).toBe('invalid-source');
  });

  it('lets PATCH clear auth headers and refuses an empty change', () => {
    expect(parseSourceBody(updateSourceSchema, { authHeaders: null })).toEqual({ authHeaders: null });
    expect(problem(() => parseSourceBody(updateSourceSchema, {})).code).toBe('invalid-source');
  });
});
