import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { loadConfig } from '../../src/config/index.ts';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createSigningKeyRepository } from '../../src/signing-keys/repository.ts';
import { PUBLISH_AHEAD_MS } from '../../src/signing-keys/rules.ts';
import { createSigningKeyService } from '../../src/signing-keys/service.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { sharedDatabase } from '../helpers/infra-cli.ts';
import { meStatus, signIn } from '../helpers/session-sign-in.ts';
import { signingKeysOf } from '../helpers/signing-keys.ts';

const kidOf = (token: string) => decodeProtectedHeader(token).kid;

for (const backend of DATABASES) {
  describe(`instances agree on the signing key, on ${backend.name}`, { skip: backend.skip }, () => {
    const cleanups: Array<() => Promise<void>> = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('five instances starting at once on an empty database end with one signing key, the same for all', async () => {
      // Each its own connection (pool), as separate processes would have.
      const { url, drop } = await sharedDatabase(backend);
      cleanups.push(drop);
      const config = loadConfig({ DATABASE_URL: url });
      const handles = Array.from({ length: 5 }, () => createDatabase(config.database));
      cleanups.push(async () => {
        for (const handle of handles) await handle.close();
      });
      await migrateToLatest(handles[0]!);
      const sealKey = deriveKeys('a-secret-shared-by-every-instance-xyz').signingKeySeal;
      const services = handles.map((handle) =>
        createSigningKeyService({
          keys: createSigningKeyRepository(handle.db),
          sealKey,
          accessTtlSeconds: 900,
          now: Date.now,
        }),
      );
      const seen = await Promise.all(services.map((service) => service.ensure()));
      assert.equal((await services[0]!.all()).length, 1, 'one key was stored');
      assert.deepEqual(new Set(seen.map((keys) => keys.map((key) => key.kid).join())).size, 1, 'every one read it');
    });

    it('a token signed by one instance verifies on the other, before, during and after a rotation', async () => {
      const a: TestApp = await startTestApp(backend);
      cleanups.push(() => a.close());
      const b: TestApp = await startTestApp(backend, { shareWith: a });
      cleanups.push(() => b.close());

      const first = await signIn(a);
      assert.equal(await meStatus(b, first.accessToken), 200);
      assert.equal(kidOf((await signIn(b)).accessToken), kidOf(first.accessToken), 'both sign with one key');

      // Rotation: published at once, signing after PUBLISH_AHEAD_MS; each instance rereads within
      // RING_REFRESH_MS (here: now), which the publication delay is longer than.
      const next = (await signingKeysOf(a).rotate(false)).key.kid;
      await a.app.signingKeys.refresh();
      await b.app.signingKeys.refresh();
      const during = await signIn(a);
      assert.equal(kidOf(during.accessToken), kidOf(first.accessToken), 'the old key signs until the new one is due');
      a.clock.advance(PUBLISH_AHEAD_MS); // the clock both instances share
      const fromA = await signIn(a);
      const fromB = await signIn(b);
      assert.equal(kidOf(fromA.accessToken), next);
      assert.equal(kidOf(fromB.accessToken), next, 'both switched at the same moment');
      for (const token of [first, during, fromA].map((user) => user.accessToken)) {
        assert.equal(await meStatus(b, token), 200);
      }
      assert.equal(await meStatus(a, fromB.accessToken), 200);

      // --now: A signs with the new key at once; B, which has not reread, fetches the keys when it meets the kid.
      const urgent = (await signingKeysOf(a).rotate(true)).key.kid;
      await a.app.signingKeys.refresh();
      const signedByA = await signIn(a);
      assert.equal(kidOf(signedByA.accessToken), urgent);
      assert.equal(await meStatus(b, signedByA.accessToken), 200, 'B verifies a kid it had not read yet');
      assert.equal(kidOf((await signIn(b)).accessToken), urgent, 'and signs with it from then on');
    });
  });
}
