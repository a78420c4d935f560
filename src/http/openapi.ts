import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../version.ts';
import { REQUIRED_HEADER, errorResponses } from './error-responses.ts';
import { ErrorEnvelope } from './schemas.ts';

/**
 * The OpenAPI document is generated from the route schemas, so the reference cannot drift from what the
 * routes validate. Registered before the routes so that it sees them all.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorEnvelope);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'otpgate',
        version: VERSION,
        description:
          'Phone-OTP sign-in and SMS for online shops. Every error is `{"success": false, "message", "code"}`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          adminKey: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'API key',
            description: 'An admin API key (`otpg_...`) from `npx otpgate keys create`',
          },
          staffToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              "A staff member's own access token (the admin console's): the scopes of their role (`npx otpgate admins`); " +
              "another user's token is 403 STAFF_ONLY",
          },
          clientBasic: {
            type: 'http',
            scheme: 'basic',
            description: "an OpenID Connect client's client_id and client_secret (client_secret_basic)",
          },
          metricsToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'METRICS_TOKEN, when it is set: then a scrape without it is refused with 401',
          },
        },
      },
    },
    transformObject: (document) =>
      'openapiObject' in document ? requireMarkedHeaders(document.openapiObject) : document.swaggerObject,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get(
    '/api/v1/openapi.json',
    {
      schema: {
        tags: ['reference'],
        summary: 'This document (OpenAPI 3.1); /docs shows it as a page',
        response: {
          200: Type.Object({ openapi: Type.Literal('3.1.0') }, { additionalProperties: true }),
          ...errorResponses([]),
        },
      },
    },
    async () => app.swagger(),
  );
}

interface ResponseHeader {
  schema?: Record<string, unknown>;
  required?: boolean;
}

/** OpenAPI says a header is always sent on the header object; errorResponses marks it in the schema. */
function requireMarkedHeaders<T extends { paths?: object }>(document: T): T {
  for (const operations of Object.values(document.paths ?? {}) as Array<object | undefined>) {
    for (const operation of Object.values(operations ?? {}) as Array<{ responses?: object }>) {
      for (const response of Object.values(operation?.responses ?? {}) as Array<{ headers?: object }>) {
        for (const header of Object.values(response.headers ?? {}) as ResponseHeader[]) {
          if (!header.schema?.[REQUIRED_HEADER]) continue;
          delete header.schema[REQUIRED_HEADER];
          header.required = true;
        }
      }
    }
  }
  return document;
}
