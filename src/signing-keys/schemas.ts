import { Type } from '@sinclair/typebox';

export const Jwks = Type.Object(
  {
    keys: Type.Array(
      Type.Object({
        kty: Type.Literal('EC'),
        crv: Type.Literal('P-256'),
        x: Type.String(),
        y: Type.String(),
        kid: Type.String({ description: "the RFC 7638 thumbprint of the key, as in the tokens' `kid` header" }),
        alg: Type.Literal('ES256'),
        use: Type.Literal('sig'),
      }),
    ),
  },
  {
    description:
      'The public keys access tokens are signed with (RFC 7517): the one signing now, one about to sign, and ' +
      'retired ones until the tokens they signed have expired. Sent with `Cache-Control: public, max-age=300`.',
  },
);

export const Discovery = Type.Object(
  {
    issuer: Type.String({ description: 'PUBLIC_URL: the `iss` of every access token' }),
    jwks_uri: Type.String(),
    introspection_endpoint: Type.String({
      description: 'RFC 7662; needs an admin API key with tokens:introspect as a Bearer token',
    }),
    subject_types_supported: Type.Array(Type.Literal('public')),
    id_token_signing_alg_values_supported: Type.Array(Type.Literal('ES256')),
    response_types_supported: Type.Array(Type.String()),
    grant_types_supported: Type.Array(Type.String()),
    claims_supported: Type.Array(Type.String()),
    service_documentation: Type.String(),
  },
  {
    description:
      'Where a verifier finds the issuer and its keys (OpenID Connect Discovery 1.0 / RFC 8414). The service ' +
      'issues access tokens only (no authorization endpoint, no ID tokens). Sent with `Cache-Control: public, ' +
      'max-age=300`.',
  },
);
