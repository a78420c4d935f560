import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Interaction, InteractionResults } from 'oidc-provider';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/error-responses.ts';
import { loadPageAssets } from '../pages/assets.ts';
import { chooseLocale, langCookie } from '../pages/locale.ts';
import type { PageSession, PageVisitor } from '../pages/page-session.ts';
import type { OidcAccounts } from './accounts.ts';
import { oidcPageCsp, renderConsentPage } from './consent-page.ts';
import { INTERACTION_PATH } from './provider-config.ts';
import type { OidcProvider } from './provider.ts';

const Params = Type.Object({ uid: Type.String({ minLength: 1, maxLength: 64, description: 'the step' }) });
const SetCookie = Type.String({ description: 'otpgate_lang (with ?lang=), or otpgate_session emptied (see below)' });
const Redirect = (description: string) =>
  Type.Null({ description, headers: { Location: Type.String(), 'Set-Cookie': SetCookie } });

const stepGone = () => new AppError('OIDC_INTERACTION_NOT_FOUND');

/**
 * The step the browser is at, read with the provider's own cookie for it (bound to this browser, path
 * /oidc/interaction/<uid>): a step that is unknown, over, or for another browser is OIDC_INTERACTION_NOT_FOUND.
 */
async function stepOf(provider: Provider, request: FastifyRequest, uid: string): Promise<Interaction> {
  const details = await provider.interactionDetails(request.raw, request.raw as never).catch((error: unknown) => {
    if ((error as { name?: string }).name === 'SessionNotFound') throw stepGone();
    throw error;
  });
  if (details.uid !== uid) throw stepGone();
  return details;
}

/** Ends the step and sends the browser back to the provider, which goes on to the client. */
async function finish(provider: Provider, request: FastifyRequest, reply: FastifyReply, result: InteractionResults) {
  reply.hijack();
  await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: !result.error });
}

/**
 * Whether the pages' sign-in will do for this step. `prompt=login` asks for a sign-in made for this step:
 * at the first visit any sign-in there is predates it, so it is ended (and its session id kept on the step,
 * `reauth`); after /login the sign-in is a new session. `max_age` asks for one at most that many seconds old
 * (OpenID Connect Core 3.1.2.1), by the session's auth_time.
 */
export function freshEnough(step: Interaction, visitor: PageVisitor, now: number): boolean {
  const { sessionId, authTime } = visitor.session;
  if (step.prompt.reasons.includes('login_prompt')) {
    const ended = (step.result?.reauth as { ended?: string } | undefined)?.ended;
    if (ended === undefined || ended === sessionId) return false;
  }
  const maxAge = Number(step.params.max_age);
  if (step.params.max_age !== undefined && Number.isFinite(maxAge) && now - authTime > maxAge * 1000) return false;
  return true;
}

/**
 * The provider's steps, on the hosted pages. Sign-in: a visitor signed in to the pages is signed in to the
 * provider as that user (sub = user id, amr/acr = how they signed in, auth_time = when); anyone else is sent
 * to /login, which comes back here. A sign-in too old for `prompt=login` or `max_age` ends the pages'
 * session and asks for a new one. Consent: the shop's own clients never ask (provider-config.ts); others
 * show what they ask for, and the user allows or denies it with a form, checked for this origin and for the
 * provider's cookie of the step.
 */
export const oidcInteractionRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  oidc: OidcProvider;
  pageSession: PageSession;
  accounts: OidcAccounts;
  now: () => number;
}> = async (app, { config, oidc, pageSession, accounts, now }) => {
  const assets = loadPageAssets();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get(
    `${INTERACTION_PATH}:uid`,
    {
      schema: {
        tags: ['oidc'],
        summary: 'A sign-in step of the OpenID Connect provider: sign in (via /login) or consent',
        description:
          'Reached from /oidc/auth. Signed in to the hosted pages: the sign-in is finished (303 on to the ' +
          'provider); not signed in, or signed in too long ago for prompt=login or max_age: 303 to ' +
          '/login?return_to=this step (the pages’ session is then ended). A client that is not first-party ' +
          'shows the consent page (HTML, fa or en; ?lang= switches).',
        params: Params,
        querystring: Type.Object({ lang: Type.Optional(Type.String({ description: '`fa` or `en`' })) }),
        response: {
          200: {
            description: 'the consent page',
            headers: { 'Set-Cookie': SetCookie },
            content: { 'text/html': { schema: Type.String() } },
          },
          303: Redirect('to /login, or on to the provider'),
          ...errorResponses(['OIDC_INTERACTION_NOT_FOUND', 'DATABASE_UNAVAILABLE']),
        },
      },
    },
    async (request, reply) => {
      const provider = await oidc.current();
      const { uid } = request.params;
      const step = await stepOf(provider, request, uid);
      if (step.prompt.name === 'login') {
        const visitor = await pageSession.visitor(request);
        const toLogin = `/login?return_to=${encodeURIComponent(`${INTERACTION_PATH}${uid}`)}`;
        if (!visitor) return reply.redirect(toLogin, 303);
        if (!freshEnough(step, visitor, now())) {
          await provider.interactionResult(request.raw, reply.raw, { reauth: { ended: visitor.session.sessionId } });
          const dropped = await pageSession.endSession(request);
          if (dropped) reply.header('set-cookie', dropped);
          return reply.redirect(toLogin, 303);
        }
        const { userId, amr, authTime } = visitor.session;
        if (!(await accounts.find(null, userId))) {
          return finish(provider, request, reply, { error: 'access_denied', error_description: 'account blocked' });
        }
        return finish(provider, request, reply, {
          login: { accountId: userId, amr: [amr], acr: amr, ts: Math.floor(authTime / 1000), remember: true },
        });
      }
      if (step.prompt.name !== 'consent') throw stepGone();
      const client = await provider.Client.find(String(step.params.client_id));
      if (!client) throw stepGone();
      // The shop's own client, asked with prompt=consent (as offline_access needs): its grant is already
      // complete (provider-config.ts loadExistingGrant), so there is nothing to ask.
      if (client.first_party && step.grantId) {
        return finish(provider, request, reply, { consent: { grantId: step.grantId } });
      }
      const accountId = step.session?.accountId;
      const account = accountId ? await accounts.find(null, accountId) : undefined;
      const { locale, remember } = chooseLocale(request, request.query.lang);
      if (remember) reply.header('set-cookie', langCookie(locale, config.isProduction || request.protocol === 'https'));
      const phone = ((await account?.claims())?.phone_number as string | undefined) ?? null;
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-language', locale)
        .header('content-security-policy', oidcPageCsp(client.redirectUris))
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'same-origin')
        .send(
          renderConsentPage(locale, assets, {
            uid,
            clientName: client.clientName ?? client.clientId,
            scopes: String(step.params.scope ?? '').split(' '),
            phone,
          }),
        );
    },
  );

  app.post(
    `${INTERACTION_PATH}:uid/consent`,
    {
      schema: {
        tags: ['oidc'],
        summary: "The consent page's form: allow or deny what the client asks for",
        description:
          'Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED, and only with the ' +
          "provider's cookie of this step. Deny sends the user back to the client with error=access_denied.",
        params: Params,
        consumes: ['application/x-www-form-urlencoded'],
        body: Type.Object(
          { decision: Type.Union([Type.Literal('allow'), Type.Literal('deny')]) },
          { additionalProperties: false },
        ),
        response: {
          303: Redirect('on to the provider, which goes on to the client'),
          ...errorResponses([
            'VALIDATION_ERROR',
            'UNSUPPORTED_MEDIA_TYPE',
            'PAYLOAD_TOO_LARGE',
            'ORIGIN_NOT_ALLOWED',
            'OIDC_INTERACTION_NOT_FOUND',
            'DATABASE_UNAVAILABLE',
          ]),
        },
      },
    },
    async (request, reply) => {
      pageSession.requireOwnOrigin(request);
      const provider = await oidc.current();
      const step = await stepOf(provider, request, request.params.uid);
      const accountId = step.session?.accountId;
      if (step.prompt.name !== 'consent' || !accountId) throw stepGone();
      if (request.body.decision === 'deny') {
        return finish(provider, request, reply, {
          error: 'access_denied',
          error_description: 'The user did not allow the request',
        });
      }
      const clientId = String(step.params.client_id);
      const grant =
        (step.grantId ? await provider.Grant.find(step.grantId) : undefined) ??
        new provider.Grant({ clientId, accountId });
      const details = step.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
      if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
      return finish(provider, request, reply, { consent: { grantId: await grant.save() } });
    },
  );
};
