import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { PermanentError, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
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
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('x-api-key');
    if (!key) throw new PermanentError('api-key-missing', 'This endpoint needs an API key in the x-api-key header', 401);
    const digest = Buffer.from(sha256Hex(key), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) {
      throw new PermanentError('api-key-invalid', 'The API key is not valid for this service', 403);
    }
    return true;
  }
}
