import { CanActivate, ExecutionContext, Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { PermanentError, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';

/** The key local development uses when none is configured; `make demo` prints it. Never accepted in production. */
export const DEVELOPMENT_API_KEY = 'wirestream-dev-key';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Write endpoints need `x-api-key`. Keys are held only as SHA-256 digests and compared in constant time. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(@Inject(INGESTOR_CONFIG) config: IngestorConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    const plain = (config.API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    const hashes = (config.API_KEY_HASHES ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    if (!plain.length && !hashes.length) {
      logger.warn('no API key configured: accepting the development key (set API_KEYS for anything but local use)');
      plain.push(DEVELOPMENT_API_KEY);
    }
    this.digests = [...plain.map(sha256Hex), ...hashes].map((h) => Buffer.from(h, 'hex'));
  }

  canActivate(context: ExecutionContext): boolean {
    this.check(context.switchToHttp().getRequest<Request>().header('x-api-key'));
    return true;
  }

  /** The one key check, for this guard and for ApiKeyMiddleware: throws 401 (no key) or 403 (wrong key). */
  check(key: string | undefined): void {
    if (!key) throw new PermanentError('api-key-missing', 'This endpoint needs an API key in the x-api-key header', 401);
    const digest = Buffer.from(sha256Hex(key), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) {
      throw new PermanentError('api-key-invalid', 'The API key is not valid for this service', 403);
    }
  }
}

/**
 * The key check as middleware, for routes that read a body: it runs before the body parser, so a request without
 * a valid key is answered at once instead of after its upload. What is left of the upload is then read and dropped
 * (a lingering close, as web servers do: closing at once would reset the connection under a client still sending,
 * which then loses the answer), for at most DISCARD_MS or the body limit, after which the connection is closed.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(
    private readonly guard: ApiKeyGuard,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
  ) {}

  use(req: Request, _res: Response, next: (error?: unknown) => void): void {
    try {
      this.guard.check(req.header('x-api-key'));
    } catch (error) {
      if (req.header('content-length') !== '0' && !req.readableEnded) discardUpload(req, this.config.INGEST_MAX_BYTES);
      throw error;
    }
    next();
  }
}

const DISCARD_MS = 2000;

function discardUpload(req: Request, limit: number): void {
  let seen = 0;
  const cutOff = () => req.socket.destroy();
  const timer = setTimeout(cutOff, DISCARD_MS);
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) cutOff();
  });
  req.once('end', () => clearTimeout(timer));
  req.socket.once('close', () => clearTimeout(timer));
  req.resume();
}
