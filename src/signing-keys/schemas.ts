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
