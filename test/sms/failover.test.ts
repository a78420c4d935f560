import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import type { MelipayamakScenario } from '../helpers/fake-melipayamak.ts';
import { errorBody, mobile, requestCode, verifyCode } from '../helpers/otp-flow.ts';
import { codeIn, smsLogsOf, withProviders } from '../helpers/sms-fakes.ts';

const MELIPAYAMAK_FIRST = ['melipayamak', 'kavenegar'];

forEachDatabase('failover between SMS providers', (backend) => {
  const failures: ReadonlyArray<readonly [MelipayamakScenario, string]> = [
    ['http-500', 'answers HTTP 500'],
    ['hang', 'hangs past SMS_TIMEOUT_MS'],
    ['no-credit', 'refuses the account (code 2, no credit)'],
    ['wrong-credentials', 'refuses the account (code 0, wrong credentials)'],
  ];
  for (const [scenario, what] of failures) {
    it(`when Melipayamak ${what}, Kavenegar carries the code: one message, one log row, two attempts`, async () => {
      await withProviders(
        backend,
        MELIPAYAMAK_FIRST,
        { SMS_TIMEOUT_MS: '300' },
        async (t, { melipayamak, kavenegar }) => {
          const phone = mobile(7001);
          melipayamak.answerNext(scenario);
          const answer = await requestCode(t, phone);
          assert.equal(answer.status, 200, answer.raw);

          assert.equal(melipayamak.requests.length, 1);
          assert.equal(melipayamak.recIds.length, 0, 'Melipayamak sent nothing');
          assert.equal(kavenegar.issued.length, 1, 'exactly one message went out');
          const [sent] = kavenegar.requests;
          assert.equal(sent?.call, 'sms/send');
          assert.equal(sent?.fields.receptor, '09120007001');
          assert.deepEqual(await smsLogsOf(t, phone), [
            {
              provider: 'kavenegar',
              status: 'sent',
              attempts: 2,
              error_code: null,
              provider_message_id: String(kavenegar.issued[0]!.messageid),
            },
          ]);
          assert.equal((await verifyCode(t, phone, codeIn(sent?.fields.message))).status, 200);
        },
      );
    });
  }

  it('a recipient refusal (Melipayamak 35, blacklist) stops there: Kavenegar is not asked', async () => {
    await withProviders(backend, MELIPAYAMAK_FIRST, {}, async (t, { melipayamak, kavenegar }) => {
      const phone = mobile(7002);
      melipayamak.answerNext('blacklist');
      const answer = await requestCode(t, phone);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, errorBody('SMS_FAILED'));
      assert.equal(melipayamak.requests.length, 1);
      assert.equal(kavenegar.requests.length, 0);
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'melipayamak', status: 'failed', attempts: 1, error_code: '35', provider_message_id: null },
      ]);
      // A definite refusal: the code is gone, as if never issued.
      assert.equal((await t.database.db.selectFrom('otp_codes').select('id').execute()).length, 0);
    });
  });

  it('a recipient refusal (Kavenegar 411) stops there: SMS.ir is not asked', async () => {
    await withProviders(backend, ['kavenegar', 'smsir'], {}, async (t, { kavenegar, smsir }) => {
      const phone = mobile(7003);
      kavenegar.answerNext({ code: 411, style: 'body' });
      const answer = await requestCode(t, phone);
      assert.equal(answer.status, 503);
      assert.equal(kavenegar.requests.length, 1);
      assert.equal(smsir.requests.length, 0);
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'kavenegar', status: 'failed', attempts: 1, error_code: '411', provider_message_id: null },
      ]);
    });
  });

  it('goes down the whole list: Melipayamak 500, Kavenegar 418 (no credit), SMS.ir sends', async () => {
    await withProviders(backend, ['melipayamak', 'kavenegar', 'smsir'], {}, async (t, fakes) => {
      const phone = mobile(7004);
      fakes.melipayamak.answerNext('http-500');
      fakes.kavenegar.answerNext({ code: 418 });
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.deepEqual(
        [fakes.melipayamak.requests.length, fakes.kavenegar.requests.length, fakes.smsir.requests.length],
        [1, 1, 1],
      );
      assert.equal(fakes.smsir.issued.length, 1);
      assert.deepEqual(await smsLogsOf(t, phone), [
        {
          provider: 'smsir',
          status: 'sent',
          attempts: 3,
          error_code: null,
          provider_message_id: String(fakes.smsir.issued[0]!.messageId),
        },
      ]);
      const text = fakes.smsir.requests[0]!.json?.messageText as string;
      assert.equal((await verifyCode(t, phone, codeIn(text))).status, 200);
    });
  });

  it('when every provider fails, answers 503 with one log row: the last failure and the number of attempts', async () => {
    await withProviders(backend, MELIPAYAMAK_FIRST, {}, async (t, { melipayamak, kavenegar }) => {
      const phone = mobile(7005);
      melipayamak.answerNext('http-500');
      kavenegar.answerNext('http-502');
      const answer = await requestCode(t, phone);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, errorBody('SMS_FAILED'));
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'kavenegar', status: 'failed', attempts: 2, error_code: 'HTTP_502', provider_message_id: null },
      ]);
      // Changed deliberately: a 5xx used to mean nothing was sent. Either provider may have sent it before
      // failing, so the code is kept, sealed, for the retry.
      const codes = await t.database.db.selectFrom('otp_codes').select('pending_code').execute();
      assert.equal(codes.length, 1);
      assert.match(codes[0]?.pending_code ?? '', /^v1\./);
    });
  });

  it('keeps within SMS_OTP_DEADLINE_MS: two hanging providers, SMS_TIMEOUT_MS 5000, deadline 800', async () => {
    const env = { SMS_TIMEOUT_MS: '5000', SMS_OTP_DEADLINE_MS: '800' };
    await withProviders(backend, MELIPAYAMAK_FIRST, env, async (t, { melipayamak, kavenegar }) => {
      melipayamak.answerAll('hang');
      kavenegar.answerNext('hang');
      const phone = mobile(7006);
      const started = performance.now();
      const answer = await requestCode(t, phone);
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, errorBody('SMS_FAILED'));
      assert.ok(elapsed >= 780 && elapsed < 1300, `answered after ${Math.round(elapsed)} ms`);
      // The first provider's call got what was left of the deadline, all of it: none remained for the second.
      assert.equal(melipayamak.requests.length, 1);
      assert.equal(kavenegar.requests.length, 0);
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'melipayamak', status: 'failed', attempts: 1, error_code: 'timeout', provider_message_id: null },
      ]);
    });
  });

  it('gives the next provider what is left of the deadline: SMS_TIMEOUT_MS 500, deadline 800', async () => {
    const env = { SMS_TIMEOUT_MS: '500', SMS_OTP_DEADLINE_MS: '800' };
    await withProviders(backend, MELIPAYAMAK_FIRST, env, async (t, { melipayamak, kavenegar }) => {
      melipayamak.answerNext('hang');
      kavenegar.answerNext('hang');
      const phone = mobile(7007);
      const started = performance.now();
      const answer = await requestCode(t, phone);
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 503);
      assert.ok(elapsed >= 780 && elapsed < 1300, `answered after ${Math.round(elapsed)} ms`);
      assert.equal(melipayamak.requests.length, 1);
      assert.equal(kavenegar.requests.length, 1);
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'kavenegar', status: 'failed', attempts: 2, error_code: 'timeout', provider_message_id: null },
      ]);
    });
  });
});
