import { DEVELOPMENT_API_KEY } from '@wirestream/contracts';
import { PermanentError } from '../errors/wirestream-error';
import { ApiKeyChecker, apiKeyHashesSchema, sha256Hex, type ApiKeyCheckerOptions } from './api-key-checker';

const warnings: string[] = [];
const logger = { warn: (message: string) => warnings.push(message) } as unknown as ConstructorParameters<
  typeof ApiKeyChecker
>[1];
const checker = (options: Partial<ApiKeyCheckerOptions>) =>
  new ApiKeyChecker({ keys: undefined, hashes: undefined, settings: 'API_KEYS', scope: 'api', ...options }, logger);

function refusal(check: () => void): { code: string; status: number; message: string } {
  try {
    check();
  } catch (error) {
    if (error instanceof PermanentError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('the key was accepted');
}

describe('ApiKeyChecker', () => {
  beforeEach(() => (warnings.length = 0));

  it('accepts a configured plaintext key and a key whose SHA-256 digest is configured (any hex case)', () => {
    const keys = checker({ keys: ' alpha , beta', hashes: sha256Hex('gamma').toUpperCase() });
    for (const key of ['alpha', 'beta', 'gamma']) expect(() => keys.check(key)).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('answers 401 without a key and 403 with a wrong one, in the words of its scope', () => {
    const keys = checker({ keys: 'alpha' });
    expect(refusal(() => keys.check(undefined))).toMatchObject({ code: 'api-key-missing', status: 401 });
    expect(refusal(() => keys.check('alphaX'))).toMatchObject({
      code: 'api-key-invalid',
      status: 403,
      message: 'The API key is not valid for this service',
    });
    expect(refusal(() => checker({ keys: 'alpha', scope: 'admin' }).check('beta')).message).toBe(
      'The API key is not an admin key of this service',
    );
  });

  it('falls back to the development key, with a warning naming the settings, only when nothing is configured', () => {
    expect(() => checker({ settings: 'ADMIN_API_KEYS' }).check(DEVELOPMENT_API_KEY)).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('no ADMIN_API_KEYS configured')]);
    expect(refusal(() => checker({ hashes: sha256Hex('alpha') }).check(DEVELOPMENT_API_KEY)).status).toBe(403);
  });

  it('takes only 64-character hex digests as hashes', () => {
    expect(apiKeyHashesSchema.safeParse(`${sha256Hex('a')}, ${sha256Hex('b')}`).success).toBe(true);
    expect(apiKeyHashesSchema.safeParse('abc123').success).toBe(false);
  });
});
