import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DEVELOPMENT_API_KEY } from '@wirestream/contracts';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PermanentError } from '../errors/wirestream-error';
import type { Logger } from '../logging/logger';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** An env variable of comma-separated SHA-256 hex digests of keys, for deployments that never hand over a plaintext key. */
export const apiKeyHashesSchema = z
  .string()
  .optional()
  .refine(
    (v) => !v || v.split(',').every((h) => /^[0-9a-f]{64}$/i.test(h.trim())),
    'each entry must be a 64-character SHA-256 hex digest',
  );

const commaList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export interface ApiKeyCheckerOptions {
  /** Comma-separated plaintext keys. */
  keys: string | undefined;
  /** Comma-separated SHA-256 hex digests of keys. */
  hashes: string | undefined;
  /** The variables that configure the keys, named in the warning when neither is set. */
  settings: string;
  /** Which key the endpoints want, in the 401/403 answers. */
  scope: 'api' | 'admin';
}

const REFUSALS = {
  api: {
    missing: 'This endpoint needs an API key in the x-api-key header',
    invalid: 'The API key is not valid for this service',
  },
  admin: {
    missing: 'This endpoint needs an admin API key in the x-api-key header',
    invalid: 'The API key is not an admin key of this service',
  },
} as const;

/**
 * The one `x-api-key` check of every service. Keys are held only as SHA-256 digests and compared in constant time;
 * with none configured it accepts DEVELOPMENT_API_KEY (the services' config refuses that in production).
 */
export class ApiKeyChecker {
  private readonly digests: Buffer[];
  private readonly refusals: (typeof REFUSALS)[keyof typeof REFUSALS];

  constructor(options: ApiKeyCheckerOptions, logger: Logger) {
    const plain = commaList(options.keys);
    const hashes = commaList(options.hashes).map((h) => h.toLowerCase());
    if (!plain.length && !hashes.length) {
      logger.warn(
        `no ${options.settings} configured: accepting the development key (set one for anything but local use)`,
      );
      plain.push(DEVELOPMENT_API_KEY);
    }
    this.digests = [...plain.map(sha256Hex), ...hashes].map((h) => Buffer.from(h, 'hex'));
    this.refusals = REFUSALS[options.scope];
  }

  /** Throws 401 (no key) or 403 (a key that is not configured). */
  check(key: string | undefined): void {
    if (!key) throw new PermanentError('api-key-missing', this.refusals.missing, 401);
    const digest = Buffer.from(sha256Hex(key), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest)))
      throw new PermanentError('api-key-invalid', this.refusals.invalid, 403);
  }
}

/** The checker a module's guarded endpoints use: each service provides it from its own config. */
export const API_KEY_CHECKER = Symbol('API_KEY_CHECKER');

/** `@UseGuards(ApiKeyGuard)`: the request's `x-api-key` must pass the module's API_KEY_CHECKER. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(API_KEY_CHECKER) private readonly checker: ApiKeyChecker) {}

  canActivate(context: ExecutionContext): boolean {
    this.checker.check(context.switchToHttp().getRequest<Request>().header('x-api-key'));
    return true;
  }
}
