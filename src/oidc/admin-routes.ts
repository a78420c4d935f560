import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestActor, type RequireScope } from '../admin/auth.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { readNewClient, type OidcClients } from './clients.ts';
import { ClientCreated, ClientList, ClientParams, CreateClientBody, OneClient, clientView } from './schemas.ts';

const notFound = () => new AppError('OIDC_CLIENT_NOT_FOUND');

/** The registry of OpenID Connect clients over the admin API; mounted under /api/v1/admin, behind its key check. */
export const oidcClientAdminRoutes: FastifyPluginAsyncTypebox<{
  clients: OidcClients;
  requireScope: RequireScope;
}> = async (app, { clients, requireScope }) => {
  const read = { preHandler: requireScope('clients:read') };
  const write = { preHandler: requireScope('clients:write') };
  const common = { tags: ['admin'], security: AdminKeyAuth };

  app.post(
    '/oidc/clients',
    {
      ...write,
      schema: {
        ...common,
        summary: 'Registers an OpenID Connect client; its secret is in this answer only; scope clients:write',
        body: CreateClientBody,
        response: {
          ...responses(201, ClientCreated, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'INVALID_REDIRECT_URI']),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const input = readNewClient({
        name: body.name,
        redirectUris: body.redirect_uris,
        postLogoutRedirectUris: body.post_logout_redirect_uris,
        firstParty: body.first_party,
        isPublic: body.public,
      });
      if (!input.ok)
        throw new AppError(input.field === 'name' ? 'VALIDATION_ERROR' : 'INVALID_REDIRECT_URI', input.problem);
      const { client, secret } = await clients.create(input.client, requestActor(request));
      return reply.status(201).send({ success: true as const, client: clientView(client), client_secret: secret });
    },
  );

  app.get(
    '/oidc/clients',
    {
      ...read,
      schema: {
        ...common,
        summary: 'Every OpenID Connect client, disabled ones included (never a secret); scope clients:read',
        response: responses(200, ClientList, ADMIN_SCOPE_ERRORS),
      },
    },
    async () => ({ success: true as const, clients: (await clients.list()).map(clientView) }),
  );

  app.get(
    '/oidc/clients/:id',
    {
      ...read,
      schema: {
        ...common,
        summary: 'One OpenID Connect client (never its secret); scope clients:read',
        params: ClientParams,
        response: responses(200, OneClient, [...ADMIN_SCOPE_ERRORS, 'OIDC_CLIENT_NOT_FOUND']),
      },
    },
    async (request) => {
      const client = await clients.get(request.params.id);
      if (!client) throw notFound();
      return { success: true as const, client: clientView(client) };
    },
  );

  app.delete(
    '/oidc/clients/:id',
    {
      ...write,
      schema: {
        ...common,
        summary: 'Disables an OpenID Connect client at once; scope clients:write',
        description:
          'The provider no longer finds it: it can start no sign-in and redeem no code or refresh token. The client ' +
          'stays listed with disabled_at. Disabling a disabled client answers 200 as it is.',
        params: ClientParams,
        response: responses(200, OneClient, [...ADMIN_SCOPE_ERRORS, 'OIDC_CLIENT_NOT_FOUND']),
      },
    },
    async (request) => {
      const result = await clients.disable(request.params.id, requestActor(request));
      if (result.outcome === 'not_found') throw notFound();
      return { success: true as const, client: clientView(result.client) };
    },
  );
};
