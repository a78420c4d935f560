import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../version.ts';
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
            description: 'An admin API key (`otpg_...`) from `npx otpgate keys create`; a user token is not accepted',
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
