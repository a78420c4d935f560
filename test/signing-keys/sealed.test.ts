import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { openPrivateKey } from '../../src/signing-keys/seal.ts';
import { DATABASES, startTestApp } from '../helpers/app.ts';
import { runCli, tempDir } from '../helpers/infra-cli.ts';
import { storedPrivateKey } from '../helpers/signing-keys.ts';

const SECRET = 'the-secret-the-keys-were-sealed-under-xyz';
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

it('the private key is stored sealed under AUTH_SECRET, and a service with another secret does not start', async () => {
  const url = `sqlite:${join(dir, 'otpgate.db')}`;
  const t = await startTestApp(DATABASES[0]!, { env: { DATABASE_URL: url, AUTH_SECRET: SECRET } });
  try {
    const [row] = await t.database.db.selectFrom('signing_keys').selectAll().execute();
    const { privateKey } = await storedPrivateKey(t);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const { d } = privateKey.export({ format: 'jwk' });
    const stored = JSON.stringify(row);
    for (const secretForm of [pkcs8.toString('base64'), pkcs8.toString('base64url'), pkcs8.toString('hex'), d!]) {
      assert.equal(stored.includes(secretForm), false, 'no form of the private key is stored in clear');
    }
    assert.match(row!.private_key, /^v1\.[A-Za-z0-9_-]+$/);
    const other = deriveKeys('another-secret-of-at-least-32-characters').signingKeySeal;
    assert.equal(openPrivateKey(other, row!.kid, row!.private_key), null, 'it does not open under another secret');
    const own = deriveKeys(SECRET).signingKeySeal;
    assert.equal(openPrivateKey(own, 'another-kid', row!.private_key), null, 'nor on another key row');
    assert.ok(
      createPrivateKey({ key: openPrivateKey(own, row!.kid, row!.private_key)!, format: 'der', type: 'pkcs8' }),
    );
  } finally {
    await t.close();
  }

  const result = await runCli(['serve'], {
    DATABASE_URL: url,
    AUTH_SECRET: 'another-secret-of-at-least-32-characters',
    PORT: '0',
  });
  assert.equal(result.code, 1);
  assert.match(
    result.stderr.trim().split('\n').at(-1)!,
    /^otpgate: AUTH_SECRET: the signing key \S{43} cannot sign on this instance: it is sealed under another AUTH_SECRET; set that one, or run otpgate signing-keys rotate --now$/,
  );
});
