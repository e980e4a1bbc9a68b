import { AuthHeaderSeal } from './auth-header-seal';

describe('AuthHeaderSeal', () => {
  const headers = { authorization: 'Bearer s3cret-token', 'x-partner-key': 'abc123' };

  it('round-trips headers and never contains them in clear', () => {
    const seal = new AuthHeaderSeal('a-long-enough-secret');
    const sealed = seal.seal(headers);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('s3cret');
    expect(sealed).not.toContain('abc123');
    expect(seal.open(sealed)).toEqual(headers);
  });

  it('uses a fresh IV each time', () => {
    const seal = new AuthHeaderSeal('a-long-enough-secret');
    expect(seal.seal(headers)).not.toBe(seal.seal(headers));
  });

  it('refuses to open with another secret or after tampering', () => {
    const sealed = new AuthHeaderSeal('a-long-enough-secret').seal(headers);
    expect(() => new AuthHeaderSeal('another-secret-entirely').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => new AuthHeaderSeal('a-long-enough-secret').open(parts.join('.'))).toThrow();
  });
});
