import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Used only when SOURCE_SECRETS_KEY is unset outside production (config refuses to start without it there). */
const DEVELOPMENT_SECRET = 'wirestream-development-source-secrets';

/**
 * Seals a source's auth headers with AES-256-GCM so the database, a dump or a log line never holds them in clear.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class AuthHeaderSeal {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    this.key = Buffer.from(
      hkdfSync('sha256', secret ?? DEVELOPMENT_SECRET, 'wirestream', 'feed-source-auth-headers', 32),
    );
  }

  seal(headers: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(headers), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws when the secret changed or the value was tampered with (GCM authenticates it). */
  open(sealed: string): Record<string, string> {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined)
      throw new Error('sealed auth headers have an unknown format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as Record<string, string>;
  }
}
