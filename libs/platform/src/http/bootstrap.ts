import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { PinoNestLogger } from '../logging/logger';

export interface HttpServiceOptions {
  service: string;
  description: string;
  /** The root module, already configured (e.g. `AppModule.register(config)`). */
  rootModule: unknown;
  logger: Logger;
  port: number;
  host?: string;
  /** Body parsing is per route (ingest wants raw bytes), so Nest's global JSON parser is off. */
  bodyParser?: boolean;
  /** Last touches to the OpenAPI document that decorators cannot express (e.g. schemas per media type). */
  customizeOpenApi?: (document: OpenAPIObject) => void;
  /**
   * Makes a hybrid app: the transport whose `@EventPattern` handlers this service runs (e.g.
   * `(app) => app.get(KafkaBatchServer)`). It starts after the bootstrap hooks, before HTTP listens, and Nest closes
   * it between the `beforeApplicationShutdown` and `onApplicationShutdown` hooks.
   */
  transport?: (app: INestApplication) => CustomTransportStrategy;
}

/** Creates, documents and starts one HTTP service (and its message transport, if any). `port: 0` picks a free port (tests). */
export async function startHttpService(options: HttpServiceOptions): Promise<INestApplication> {
  const app = await NestFactory.create(options.rootModule as never, {
    logger: new PinoNestLogger(options.logger),
    bodyParser: options.bodyParser ?? true,
    abortOnError: false,
  });
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Wirestream ${options.service}`)
      .setDescription(options.description)
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
      .build(),
  );
  options.customizeOpenApi?.(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
  if (options.transport) {
    app.connectMicroservice({ strategy: options.transport(app) });
    await app.init();
    await app.startAllMicroservices();
  }
  await app.listen(options.port, options.host ?? '0.0.0.0');
  options.logger.info({ url: await app.getUrl() }, `${options.service} listening`);
  return app;
}

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers over the 16 KB limit, e.g. a very long
 * query string; malformed request lines) are answered as problem+json too, instead of an empty 431/400.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (
      !socket.writable ||
      (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    ) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const code = tooLarge ? 'headers-too-large' : 'malformed-request';
    const detail = tooLarge
      ? 'The request line and headers exceed 16 KB (a query parameter that long is never valid)'
      : 'The request is not valid HTTP/1.1';
    const body = JSON.stringify({
      type: `https://wirestream.dev/problems/${code}`,
      title: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
      status,
      detail,
      code,
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/** For `main.ts`: a start-up failure is logged once, clearly, and the process exits non-zero. */
export function runMain(service: string, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service, msg: 'start-up failed', error: message })}\n`);
    if (error instanceof Error && error.name === 'ConfigValidationError') process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
