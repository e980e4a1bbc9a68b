import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs. Header and body fields that can carry credentials are never written. */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        '*.apiKey',
        '*.password',
        '*.authorization',
        'headers["x-api-key"]',
        'headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.authorization',
        'config.API_KEYS',
        'authHeaders',
        // Driver errors logged under another name than `err` still never carry the statement's values.
        '*.parameters',
        '*.driverError',
      ],
      censor: '[redacted]',
    },
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

export interface SerializedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SerializedError;
}

/**
 * Errors as logged: class, code, message and stack, and their cause the same way — nothing else. TypeORM's
 * QueryFailedError and pg's errors carry the SQL, its `parameters` (a whole article) and row `detail`; none of
 * that belongs in a log line.
 */
export function serializeError(error: unknown, depth = 0): SerializedError | unknown {
  if (!(error instanceof Error)) return error;
  const { code } = error as { code?: unknown };
  const serialized: SerializedError = { type: error.constructor?.name ?? error.name, message: error.message };
  if (typeof code === 'string' || typeof code === 'number') serialized.code = String(code);
  if (error.stack) serialized.stack = error.stack;
  if (error.cause !== undefined && depth < 3)
    serialized.cause = serializeError(error.cause, depth + 1) as SerializedError;
  return serialized;
}

/** Lets Nest's own messages (bootstrap, routes) go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
