import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

const PROVIDERS = '/api/v1/admin/sms/providers';
const ORDER = ['melipayamak', 'webhook'];
const quiet = { sent: 0, failed: 0, success_rate: null };

async function providers(t: TestApp) {
  const { secret } = await newKey(t, ['providers:read']);
  const answer = await t.get(PROVIDERS, bearer(secret));
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.success, true);
  return answer.body.providers as Array<Record<string, unknown>>;
}

forEachDatabase('the SMS providers over the admin API', (backend) => {
  it('lists each provider in order, with its circuit, and credit where the provider reports it', async () => {
    await withProviders(backend, ORDER, {}, async (t, fakes) => {
      fakes.melipayamak.setCredit(2500);
      assert.deepEqual(await providers(t), [
        {
          name: 'melipayamak',
          live: true,
          circuit: 'closed',
          queue_circuit: 'closed',
          recent: quiet,
          credit: { amount: 2500, unit: 'sms' },
        },
        { name: 'webhook', live: true, circuit: 'closed', queue_circuit: 'closed', recent: quiet, credit: null },
      ]);
      assert.equal(fakes.melipayamak.requests.at(-1)?.path, '/api/SendSMS/GetCredit');
    });
  });

  it('a credit call that hangs or fails is reported on its provider, within the provider timeout', async () => {
    await withProviders(backend, ORDER, {}, async (t, fakes) => {
      fakes.melipayamak.answerNext('hang');
      const started = performance.now();
      const hung = await providers(t);
      const took = performance.now() - started;
      assert.ok(took >= 900 && took < 2000, `took ${took} ms with SMS_TIMEOUT_MS=1000`);
      assert.deepEqual(hung[0], {
        name: 'melipayamak',
        live: true,
        circuit: 'closed',
        queue_circuit: 'closed',
        recent: quiet,
        credit: null,
        credit_error: 'timeout',
      });
      assert.deepEqual(hung[1], {
        name: 'webhook',
        live: true,
        circuit: 'closed',
        queue_circuit: 'closed',
        recent: quiet,
        credit: null,
      });

      fakes.melipayamak.answerNext('http-500');
      assert.deepEqual((await providers(t))[0], {
        name: 'melipayamak',
        live: true,
        circuit: 'closed',
        queue_circuit: 'closed',
        recent: quiet,
        credit: null,
        credit_error: 'HTTP_500',
      });
      // The provider's own code: Melipayamak's 0 is a refused username or password.
      fakes.melipayamak.answerNext('wrong-credentials');
      assert.equal((await providers(t))[0]!.credit_error, '0');
      // A failed credit call is not a failed send: the breaker does not count it.
      assert.equal((await providers(t))[0]!.circuit, 'closed');
    });
  });

  it("counts the last hour's sent and failed messages per provider, and shows the breaker opening", async () => {
    await withProviders(
      backend,
      ORDER,
      { SMS_BREAKER_FAILURES: '1', SMS_BREAKER_COOLDOWN_SECONDS: '60' },
      async (t, fakes) => {
        assert.equal((await requestCode(t, mobile(1), { ip: '10.0.1.1' })).status, 200);
        fakes.melipayamak.answerNext('blacklist');
        assert.notEqual((await requestCode(t, mobile(2), { ip: '10.0.1.2' })).status, 200);
        let [meli, hook] = await providers(t);
        assert.deepEqual(meli!.recent, { sent: 1, failed: 1, success_rate: 0.5 });
        assert.equal(meli!.circuit, 'closed', "a refused recipient is the provider's sensible answer");
        assert.deepEqual(hook!.recent, quiet);

        // Melipayamak fails at the transport; the webhook carries the message and Melipayamak's circuit opens.
        fakes.melipayamak.answerNext('http-500');
        assert.equal((await requestCode(t, mobile(3), { ip: '10.0.1.3' })).status, 200);
        [meli, hook] = await providers(t);
        assert.deepEqual(meli!.recent, { sent: 1, failed: 1, success_rate: 0.5 });
        assert.equal(meli!.circuit, 'open');
        assert.deepEqual(hook!.recent, { sent: 1, failed: 0, success_rate: 1 });
        assert.equal(hook!.circuit, 'closed');

        t.clock.advance(60_000);
        assert.equal((await providers(t))[0]!.circuit, 'half_open');
        t.clock.advance(60 * 60_000);
        [meli, hook] = await providers(t);
        assert.deepEqual([meli!.recent, hook!.recent], [quiet, quiet], 'older than an hour');
      },
    );
  });

  it('needs a key (401) holding providers:read (403)', async () => {
    await withProviders(backend, ORDER, {}, async (t) => {
      assertError(await t.get(PROVIDERS), 'UNAUTHORIZED');
      const { secret } = await newKey(t, ['sms:read', 'sms:send', 'keys:read']);
      const refused = await t.get(PROVIDERS, bearer(secret));
      assertError(refused, 'FORBIDDEN');
      assert.equal(refused.body.message, 'This API key does not have the providers:read scope');
    });
  });
});
