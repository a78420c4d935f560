import { generateKeyPairSync, randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { jwtVerify, SignJWT, type CryptoKey, type KeyObject } from 'jose';

/** Operations measured per algorithm and step, after as many to warm up. */
const OPERATIONS = 2000;

interface Algorithm {
  readonly alg: 'ES256' | 'EdDSA' | 'HS256';
  readonly note: string;
  readonly signKey: KeyObject | CryptoKey;
  readonly verifyKey: KeyObject | CryptoKey;
}

/**
 * What one access-token signature costs, in microseconds of this process's time per operation: ES256 (what
 * the service signs with), EdDSA (Ed25519) and HS256 (what it signed with before) for comparison, each
 * signing and verifying a token shaped like ours through jose, as the service does. Sequential, on one core.
 */
export async function signatureCosts(operations = OPERATIONS): Promise<string> {
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed25519 = generateKeyPairSync('ed25519');
  const hmac = await webcrypto.subtle.importKey('raw', randomBytes(32), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const algorithms: Algorithm[] = [
    { alg: 'ES256', note: 'signs now', signKey: p256.privateKey, verifyKey: p256.publicKey },
    { alg: 'EdDSA', note: 'for comparison', signKey: ed25519.privateKey, verifyKey: ed25519.publicKey },
    { alg: 'HS256', note: 'before; verify only now', signKey: hmac as CryptoKey, verifyKey: hmac as CryptoKey },
  ];
  const lines = [`one access token's signature (jose, ${operations} operations each, µs per operation):`];
  for (const { alg, note, signKey, verifyKey } of algorithms) {
    const sign = () =>
      new SignJWT({ sid: randomUUID(), auth_time: 1, phone_number: '+989123456789', phone_number_verified: true })
        .setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k'.repeat(43) })
        .setIssuer('https://auth.example.com')
        .setAudience('otpgate')
        .setSubject(randomUUID())
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime('15m')
        .sign(signKey);
    const token = await sign();
    const verify = () => jwtVerify(token, verifyKey, { algorithms: [alg], typ: 'at+jwt' });
    const signUs = await perOperation(sign, operations);
    const verifyUs = await perOperation(verify, operations);
    lines.push(
      `  ${alg.padEnd(6)} sign ${signUs.toFixed(1).padStart(7)}  verify ${verifyUs.toFixed(1).padStart(7)}  (${note})`,
    );
  }
  return lines.join('\n');
}

async function perOperation(run: () => Promise<unknown>, operations: number): Promise<number> {
  for (let i = 0; i < operations; i++) await run();
  const start = performance.now();
  for (let i = 0; i < operations; i++) await run();
  return ((performance.now() - start) * 1000) / operations;
}
