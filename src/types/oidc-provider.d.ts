/**
 * The slice of oidc-provider (which ships no types) that otpgate uses. Names and shapes follow its
 * documentation; anything not declared here is not used.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** A client as the provider holds it: its metadata in camelCase, and its own methods. */
  export interface ProviderClient {
    readonly clientId: string;
    readonly clientName?: string;
    readonly redirectUris: readonly string[];
    readonly postLogoutRedirectUris?: readonly string[];
    readonly tokenEndpointAuthMethod: string;
    readonly clientSecret?: string;
    compareClientSecret(actual: string): boolean | Promise<boolean>;
    grantTypeAllowed(type: string): boolean;
    readonly [metadata: string]: unknown;
  }

  export interface ClientModel {
    find(id: string): Promise<ProviderClient | undefined>;
    readonly prototype: ProviderClient;
  }

  export interface ProviderGrant {
    readonly jti: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    save(): Promise<string>;
  }

  export interface GrantModel {
    new (init: { clientId: string; accountId: string }): ProviderGrant;
    find(id: string): Promise<ProviderGrant | undefined>;
  }

  export interface ProviderSession {
    readonly accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  /** The `ctx.oidc` of a request the provider handles. */
  export interface OidcContext {
    readonly route?: string;
    readonly account?: { readonly accountId: string };
    readonly client?: ProviderClient;
    readonly session?: ProviderSession;
    readonly params?: Record<string, unknown>;
    readonly result?: { consent?: { grantId?: string } };
    readonly requestParamScopes: Set<string>;
    readonly requestParamClaims?: Set<string>;
    readonly provider: Provider;
  }

  /** Koa's context, as far as otpgate touches it. */
  export interface KoaContext {
    readonly req: IncomingMessage;
    readonly oidc: OidcContext;
    readonly method: string;
    readonly path: string;
    readonly host: string;
    status: number;
    body: unknown;
    type: string;
    set(name: string, value: string): void;
    get(name: string): string;
    append(name: string, value: string | string[]): void;
    response: { get(name: string): unknown };
  }

  export interface Interaction {
    readonly uid: string;
    readonly iat: number;
    readonly params: Record<string, unknown>;
    readonly prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    readonly session?: { accountId?: string };
    readonly grantId?: string;
    readonly lastSubmission?: Record<string, unknown>;
    readonly result?: Record<string, unknown>;
  }

  export interface InteractionResults {
    readonly login?: { accountId: string; amr?: string[]; acr?: string; ts?: number; remember?: boolean };
    readonly consent?: { grantId: string };
    readonly error?: string;
    readonly error_description?: string;
    /** Ours, kept on the step between visits (interactions.ts). */
    readonly reauth?: { readonly ended: string };
  }

  export class OIDCProviderError extends Error {
    readonly error: string;
    readonly statusCode: number;
    readonly expose: boolean;
  }

  export const errors: {
    readonly OIDCProviderError: typeof OIDCProviderError;
    readonly InvalidGrant: new (detail?: string) => OIDCProviderError;
  };

  export class Check {
    constructor(reason: string, description: string, check: (ctx: KoaContext) => boolean | Promise<boolean>);
  }

  export interface Prompt {
    readonly name: string;
    readonly checks: { add(check: Check, index?: number): void };
  }

  export interface Prompts extends Array<Prompt> {
    get(name: string): Prompt | undefined;
  }

  export const interactionPolicy: { base(): Prompts; Check: typeof Check };

  export default class Provider {
    constructor(issuer: string, configuration?: Readonly<Record<string, unknown>>);
    readonly issuer: string;
    readonly Client: ClientModel;
    readonly Grant: GrantModel;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): this;
    on(event: string, listener: (...args: any[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }
}
