import { buildOpenApiDocument } from '../http/openapi-document.ts';
import { parseCommand, usageError } from './args.ts';

export const OPENAPI_USAGE = `usage: otpgate openapi

  Prints the OpenAPI 3.1 document of this version of otpgate, the one a running service serves at
  /api/v1/openapi.json, to generate a client in any language. Reads no configuration and needs no database.
`;

export async function runOpenApi(argv: readonly string[]): Promise<number> {
  const line = parseCommand('openapi', argv, {}, OPENAPI_USAGE);
  if (typeof line === 'number') return line;
  if (line.positionals.length > 0) {
    return usageError('openapi', `unexpected argument "${line.positionals[0]}"`, OPENAPI_USAGE);
  }
  process.stdout.write(`${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
  return 0;
}
