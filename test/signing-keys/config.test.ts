import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { ConfigError, loadConfig } from '../../src/config/index.ts';
import { DATABASES, startTestApp } from '../helpers/app.ts';
import { runCli, tempDir } from '../helpers/infra-cli.ts';
import { signIn } from '../helpers/session-sign-in.ts';

const SECRET = 'a-production-secret-of-40-characters-xyz';
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  return assert.fail('the configuration was accepted');
};

describe('PUBLIC_URL and TOKEN_AUDIENCE', () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the issuer defaults to http://localhost:PORT and the audience to otpgate', () => {
    assert.equal(loadConfig({}).tokens.issuer, 'http://localhost:3000');
    assert.equal(loadConfig({ PORT: '8080' }).tokens.issuer, 'http://localhost:8080');
    assert.equal(loadConfig({}).tokens.audience, 'otpgate');
  });

  it('PUBLIC_URL is the issuer without a trailing slash; a path is kept', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://auth.example.com/' }).tokens.issuer, 'https://auth.example.com');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://shop.example/auth' }).tokens.issuer, 'https://shop.example/auth');
  });

  it('a PUBLIC_URL with a query or fragment, or not http(s), is refused in one line naming it', () => {
    for (const value of ['https://a.example/?x=1', 'https://a.example/#top', 'ftp://a.example', 'auth.example.com']) {
      assert.match(
        refusal({ PUBLIC_URL: value }),
        /^Invalid configuration: PUBLIC_URL: expected an http:\/\/ or https:\/\/ URL/,
      );
    }
  });

  it('in production PUBLIC_URL must be https', () => {
    const message = refusal({ NODE_ENV: 'production', AUTH_SECRET: SECRET, PUBLIC_URL: 'http://auth.example.com' });
    assert.match(
      message,
      /^Invalid configuration: PUBLIC_URL: expected an https:\/\/ URL \(required in production\); got "http:\/\/auth\.example\.com"/,
    );
    assert.equal(
      loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET, PUBLIC_URL: 'https://auth.example.com' }).tokens.issuer,
      'https://auth.example.com',
    );
  });

  it('serve in production without PUBLIC_URL stops with one line naming it', async () => {
    const result = await runCli(['serve'], {
      NODE_ENV: 'production',
      AUTH_SECRET: SECRET,
      DATABASE_URL: `sqlite:${join(dir, 'otpgate.db')}`,
    });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'otpgate: Invalid configuration: PUBLIC_URL: expected an https:// URL (required in production); got nothing\n',
    );
  });

  it('TOKEN_AUDIENCE takes printable text without spaces', () => {
    assert.equal(
      loadConfig({ TOKEN_AUDIENCE: 'https://api.shop.example' }).tokens.audience,
      'https://api.shop.example',
    );
    assert.match(
      refusal({ TOKEN_AUDIENCE: 'my shop' }),
      /^Invalid configuration: TOKEN_AUDIENCE: expected 1 to 200 printable/,
    );
  });

  it('tokens name PUBLIC_URL as iss and TOKEN_AUDIENCE as aud', async () => {
    const t = await startTestApp(DATABASES[0]!, {
      env: { PUBLIC_URL: 'https://auth.example.com', TOKEN_AUDIENCE: 'shop-backend' },
    });
    try {
      const claims = decodeJwt((await signIn(t)).accessToken);
      assert.equal(claims.iss, 'https://auth.example.com');
      assert.equal(claims.aud, 'shop-backend');
      const discovery = (await t.get('/.well-known/openid-configuration')).body;
      assert.equal(discovery.issuer, 'https://auth.example.com');
      assert.equal(discovery.jwks_uri, 'https://auth.example.com/.well-known/jwks.json');
    } finally {
      await t.close();
    }
  });
});
