import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
}

/** Creates, documents and starts one HTTP service. `port: 0` picks a free port (tests). */
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
  await app.listen(options.port, options.host ?? '0.0.0.0');
  options.logger.info({ url: await app.getUrl() }, `${options.service} listening`);
  return app;
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
