/**
 * A typed client for otpgate, for TypeScript front ends and backends: copy this folder (index.ts and
 * schema.d.ts) into your project and `npm install openapi-fetch@^0.17`. Every call answers
 * `{ data, error, response }`: `data` on success, otherwise `error`, the service's error envelope with the
 * `code`s that route can answer (OTP_INVALID, RATE_LIMITED, ...). A network failure throws.
 *
 * Only this file is written by hand; schema.d.ts is generated from the service's OpenAPI document.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
// `.js` names schema.d.ts under every module resolution a project may use (NodeNext, bundler, node10).
import type { components, paths } from './schema.js';

export type { components, paths };

/** What every failed call answers with: `{ success: false, message, code }` and, for some codes, more. */
export type OtpgateError = components['schemas']['ErrorEnvelope'];

/** Every code the service answers with; a route answers only some of them, as its `error` type says. */
export type ErrorCode = OtpgateError['code'];

/** A bearer token, or how to get the current one (read before every call). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface OtpgateClientOptions {
  /** Where the service answers, such as `https://auth.example.com` (without `/api/v1`). */
  readonly baseUrl: string;
  /**
   * Sent as `Authorization: Bearer ...` on every call: the signed-in user's access token for `me`, or an
   * admin API key for the admin routes. A call's own `authorization` header wins.
   */
  readonly accessToken?: TokenSource;
  /** Sent as `Accept-Language` where none is given: the language of the SMS with the code. */
  readonly locale?: string;
  /** Another fetch (a test's, or one with its own agent); the global fetch by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * The client. `api` reaches every route of the API (`api.GET('/api/v1/admin/sms/logs', ...)`); the helpers
 * are the sign-in flow:
 *
 *     const otpgate = createOtpgateClient({ baseUrl: 'https://auth.example.com' });
 *     await otpgate.requestCode('0912 345 6789');
 *     const { data, error } = await otpgate.verify('0912 345 6789', '483920');
 *     if (error?.code === 'OTP_INVALID') console.log(`${error.attempts_left} tries left`);
 */
export function createOtpgateClient(options: OtpgateClientOptions) {
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  api.use(conventions(options));
  const bearer = (token: string | undefined) => (token ? { authorization: `Bearer ${token}` } : {});

  return {
    api,
    /** Sends a sign-in code by SMS to a number as the user typed it. */
    requestCode: (phoneNumber: string) =>
      api.POST('/api/v1/otp/phone/login/request', { body: { phone_number: phoneNumber } }),
    /** Signs in with the code: the access and refresh tokens, and the user. */
    verify: (phoneNumber: string, code: string) =>
      api.POST('/api/v1/otp/phone/login/verify', { body: { phone_number: phoneNumber, code } }),
    /** A new token pair for a refresh token; the old refresh token stops working. */
    refresh: (refreshToken: string) => api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } }),
    /** The signed-in user, with the given access token or the client's own. */
    me: (accessToken?: string) => api.GET('/api/v1/auth/me', { headers: bearer(accessToken) }),
    /** Ends the session the refresh token belongs to. */
    logout: (refreshToken: string) => api.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } }),
  };
}

export type OtpgateClient = ReturnType<typeof createOtpgateClient>;

/** The bearer token and language on every request that does not set its own. */
function conventions(options: OtpgateClientOptions): Middleware {
  return {
    async onRequest({ request }) {
      const token = typeof options.accessToken === 'function' ? await options.accessToken() : options.accessToken;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      if (options.locale && !request.headers.has('accept-language')) {
        request.headers.set('accept-language', options.locale);
      }
      return request;
    },
  };
}
