/**
 * The slice of oidc-provider (which ships no types) that otpgate uses. Names and shapes follow its
 * documentation; anything not declared here is not used.
 */
declare module 'oidc-provider' {
  /** A client as the provider holds it: its metadata in camelCase, and its own methods. */
  export interface ProviderClient {
    readonly clientId: string;
    readonly clientName?: string;
    readonly redirectUris: readonly string[];
    readonly postLogoutRedirectUris?: readonly string[];
    readonly tokenEndpointAuthMethod: string;
    readonly clientSecret?: string;
    compareClientSecret(actual: string): boolean | Promise<boolean>;
    readonly [metadata: string]: unknown;
  }

  export interface ClientModel {
    find(id: string): Promise<ProviderClient | undefined>;
    readonly prototype: ProviderClient;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Readonly<Record<string, unknown>>);
    readonly issuer: string;
    readonly Client: ClientModel;
  }
}
