import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const HEADER = `/**
 * The otpgate HTTP API as TypeScript types: \`paths\` for openapi-fetch, \`components\` for the shared
 * schemas (ErrorEnvelope holds every error code).
 *
 * Generated from the service's OpenAPI document by \`npm run generate\` (openapi-typescript); do not edit.
 */

`;

/** The types of client/schema.d.ts, from the OpenAPI document. */
export async function renderClientSchema(document: Record<string, unknown>): Promise<string> {
  // The document is passed as an object with only local references: nothing is fetched.
  const ast = await openapiTS(document as unknown as OpenAPI3);
  return HEADER + astToString(ast);
}
