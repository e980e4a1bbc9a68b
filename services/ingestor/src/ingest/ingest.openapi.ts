import type { OpenAPIObject } from '@nestjs/swagger';
import { NATIVE_ARTICLE_BODY_OPENAPI_SCHEMA, NATIVE_ARTICLE_OPENAPI_SCHEMA } from '@wirestream/formats';

/**
 * `POST /v1/ingest` takes many media types; decorators give them all one schema. Here JSON gets the native
 * article schema (one article or a batch) and the others are documented as the raw text they are.
 */
export function describeIngestBody(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    NativeArticle: NATIVE_ARTICLE_OPENAPI_SCHEMA as never,
  };
  const content = document.paths['/v1/ingest']?.post?.requestBody as
    { content?: Record<string, { schema: unknown }> } | undefined;
  if (content?.content) {
    for (const mediaType of Object.keys(content.content))
      content.content[mediaType] = { schema: { type: 'string', description: 'The article(s) exactly as received' } };
    content.content['application/json'] = { schema: NATIVE_ARTICLE_BODY_OPENAPI_SCHEMA };
  }
}
