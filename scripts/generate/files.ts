import { buildOpenApiDocument } from '../../src/http/openapi-document.ts';
import { renderClientSchema } from './client-schema.ts';
import { renderEnvExample } from './env-example.ts';

/** A file kept in the repository that `npm run generate` writes; `path` is from the repository's root. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
  /** What it is generated from, for the message that says it is out of date. */
  readonly source: string;
}

/**
 * Every generated file with the content the code implies now. The same function writes them (scripts/
 * generate.ts) and checks the committed ones (test/generated/up-to-date.test.ts), so the two cannot differ.
 */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const document = await buildOpenApiDocument();
  return [
    { path: '.env.example', content: renderEnvExample(), source: 'src/config/schema.ts' },
    {
      path: 'client/schema.d.ts',
      content: await renderClientSchema(document),
      source: "the routes' schemas (the OpenAPI document)",
    },
  ];
}
