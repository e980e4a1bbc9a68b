import { Inject, Injectable, NestMiddleware, type Provider } from '@nestjs/common';
import { API_KEY_CHECKER, ApiKeyChecker, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import type { Request, Response } from 'express';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';

/** Write endpoints need `x-api-key` from API_KEYS or API_KEY_HASHES; modules with guarded routes provide this. */
export const apiKeyCheckerProvider: Provider = {
  provide: API_KEY_CHECKER,
  inject: [INGESTOR_CONFIG, ROOT_LOGGER],
  useFactory: (config: IngestorConfig, logger: Logger) =>
    new ApiKeyChecker(
      { keys: config.API_KEYS, hashes: config.API_KEY_HASHES, settings: 'API_KEYS or API_KEY_HASHES', scope: 'api' },
      logger,
    ),
};

/**
 * The key check as middleware, for routes that read a body: it runs before the body parser, so a request without
 * a valid key is answered at once instead of after its upload. What is left of the upload is then read and dropped
 * (a lingering close, as web servers do: closing at once would reset the connection under a client still sending,
 * which then loses the answer), for at most DISCARD_MS or the body limit, after which the connection is closed.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(
    @Inject(API_KEY_CHECKER) private readonly checker: ApiKeyChecker,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
  ) {}

  use(req: Request, _res: Response, next: (error?: unknown) => void): void {
    try {
      this.checker.check(req.header('x-api-key'));
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
