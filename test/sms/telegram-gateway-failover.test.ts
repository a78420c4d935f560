import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import type { GatewayScenario } from '../helpers/fake-telegram-gateway.ts';
import { errorBody, mobile, requestCode, verifyCode } from '../helpers/otp-flow.ts';
import { newKey } from '../helpers/api-keys.ts';
import { logRow, sendSms } from '../helpers/queue.ts';
import { codeIn, providerStates, smsLogsOf } from '../helpers/sms-fakes.ts';
import { GATEWAY_TOKEN, withGateway } from '../helpers/telegram-gateway-app.ts';

const GATEWAY_FIRST = ['telegram_gateway', 'kavenegar'];

forEachDatabase('Telegram Gateway among the SMS providers', (backend) => {
  it('first in SMS_PROVIDERS, it carries the code: our code, its lifetime as ttl, the log row id as payload', async () => {
    await withGateway(backend, GATEWAY_FIRST, { OTP_TTL_SECONDS: '240' }, async (t, gateway, sms) => {
      const phone = mobile(8001);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(sms.kavenegar.requests.length, 0, 'no SMS');
      const [sent] = gateway.sent;
      assert.equal(gateway.requests[0]?.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);
      assert.deepEqual([sent?.phone_number, sent?.ttl], ['989120008001', 240]);
      const [row] = await t.database.db.selectFrom('sms_logs').selectAll().where('phone_number', '=', phone).execute();
      assert.deepEqual(
        [row?.provider, row?.status, row?.attempts, row?.provider_message_id, row?.id],
        ['telegram_gateway', 'sent', 1, sent?.request_id, sent?.payload],
      );
      assert.equal((await verifyCode(t, phone, sent!.code!)).status, 200);
    });
  });

  const refusals: ReadonlyArray<readonly [string, GatewayScenario | 'not on Telegram']> = [
    ['the number has no Telegram account', 'not on Telegram'],
    ['Telegram refuses the number', { error: 'PHONE_NUMBER_INVALID' }],
    ['the balance is spent', { error: 'BALANCE_NOT_ENOUGH' }],
    ['it asks to slow down (FLOOD_WAIT)', { error: 'FLOOD_WAIT_30', http: 429 }],
    ['it answers HTTP 500', 'http-500'],
    ['it hangs past SMS_TIMEOUT_MS', 'hang'],
  ];
  for (const [what, scenario] of refusals) {
    it(`when ${what}, Kavenegar carries the code by SMS: one message, one log row, two attempts`, async () => {
      await withGateway(backend, GATEWAY_FIRST, { SMS_TIMEOUT_MS: '300' }, async (t, gateway, sms) => {
        const phone = mobile(8002);
        if (scenario === 'not on Telegram') gateway.unreachable(phone);
        else gateway.answerNext(scenario);
        assert.equal((await requestCode(t, phone)).status, 200);
        assert.equal(gateway.requests.length, 1);
        assert.equal(gateway.sent.length, 0, 'Telegram sent nothing');
        assert.equal(sms.kavenegar.issued.length, 1, 'exactly one SMS went out');
        const [row] = await smsLogsOf(t, phone);
        assert.deepEqual([row?.provider, row?.status, row?.attempts], ['kavenegar', 'sent', 2]);
        const text = sms.kavenegar.requests[0]?.fields.message;
        assert.equal((await verifyCode(t, phone, codeIn(text))).status, 200);
      });
    });
  }

  it('numbers not on Telegram never open its circuit: anyone can ask for a code to any number', async () => {
    await withGateway(backend, GATEWAY_FIRST, { SMS_BREAKER_FAILURES: '1' }, async (t, gateway, sms) => {
      for (const n of [8011, 8012, 8013]) {
        gateway.unreachable(mobile(n));
        assert.equal((await requestCode(t, mobile(n))).status, 200);
      }
      assert.equal(sms.kavenegar.issued.length, 3);
      assert.equal((await providerStates(t))[0]?.state, 'closed');
      assert.equal((await requestCode(t, mobile(8014))).status, 200);
      assert.equal(gateway.sent.at(-1)?.phone_number, '989120008014', 'the next code still goes through Telegram');
    });
  });

  it('a refused account opens its circuit like any provider: the next code goes straight to SMS', async () => {
    await withGateway(backend, GATEWAY_FIRST, { SMS_BREAKER_FAILURES: '1' }, async (t, gateway, sms) => {
      gateway.answerNext({ error: 'ACCESS_TOKEN_INVALID', http: 401 });
      assert.equal((await requestCode(t, mobile(8021))).status, 200);
      assert.equal((await providerStates(t))[0]?.state, 'open');
      assert.equal((await requestCode(t, mobile(8022))).status, 200);
      assert.equal(gateway.requests.length, 1, 'skipped while its circuit is open');
      assert.equal(sms.kavenegar.issued.length, 2);
    });
  });

  it('a queued text passes it by for the next provider, and never opens its circuit', async () => {
    await withGateway(backend, GATEWAY_FIRST, {}, async (t, gateway, sms) => {
      const { secret } = await newKey(t, ['sms:send']);
      const answer = await sendSms(t, secret, { to: mobile(8031), text: 'Your order has shipped' });
      assert.equal(answer.status, 202);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      const row = await logRow(t, answer.body.id);
      assert.deepEqual([row.provider, row.status, row.attempts], ['kavenegar', 'sent', 1]);
      assert.equal(gateway.requests.length, 0, 'Telegram never saw the text');
      assert.equal(sms.kavenegar.requests[0]?.fields.message, 'Your order has shipped');
    });
  });

  it('with Telegram Gateway alone, a queued text fails at once as one no provider listed carries', async () => {
    await withGateway(backend, ['telegram_gateway'], {}, async (t, gateway) => {
      const { secret } = await newKey(t, ['sms:send']);
      const answer = await sendSms(t, secret, { to: mobile(8041), text: 'Your order has shipped' });
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      const row = await logRow(t, answer.body.id);
      assert.deepEqual([row.status, row.error_code, row.attempts], ['failed', 'CODES_ONLY', 0]);
      assert.equal(gateway.requests.length, 0);
      // Codes still go out through it.
      assert.equal((await requestCode(t, mobile(8042))).status, 200);
      assert.equal(gateway.sent.length, 1);
    });
  });

  it('when Telegram and every SMS provider fail, the answer is SMS_FAILED', async () => {
    await withGateway(backend, GATEWAY_FIRST, {}, async (t, gateway, sms) => {
      gateway.answerNext({ error: 'BALANCE_NOT_ENOUGH' });
      sms.kavenegar.answerNext('http-502');
      const answer = await requestCode(t, mobile(8051));
      assert.deepEqual([answer.status, answer.body], [503, errorBody('SMS_FAILED')]);
    });
  });
});
