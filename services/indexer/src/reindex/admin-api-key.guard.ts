import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { PermanentError, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';

/** Accepted when no admin key is configured outside production (the key `make demo` prints); never in production (config refuses to start). */
export const DEVELOPMENT_ADMIN_KEY = 'wirestream-dev-key';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Admin endpoints need `x-api-key` matching `ADMIN_API_KEYS`; keys are held as SHA-256 digests and compared in constant time. */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(@Inject(INDEXER_CONFIG) config: IndexerConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    const keys = (config.ADMIN_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    if (!keys.length) {
      logger.warn('no ADMIN_API_KEYS configured: admin endpoints accept the development key');
      keys.push(DEVELOPMENT_ADMIN_KEY);
    }
    this.digests = keys.map(sha256);
  }

  canActivate(context: ExecutionContext): boolean {
    const key = context.switchToHttp().getRequest<Request>().header('x-api-key');
    if (!key) throw new PermanentError('api-key-missing', 'This endpoint needs an admin API key in the x-api-key header', 401);
    const digest = sha256(key);
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) throw new PermanentError('api-key-invalid', 'The API key is not an admin key of this service', 403);
    return true;
  }
}
