import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { startFakeHostileProvider, type HostileMode } from '../helpers/fake-hostile-provider.ts';
import { errorBody, mobile, requestCode } from '../helpers/otp-flow.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { smsLogsOf, withProviders } from '../helpers/sms-fakes.ts';

const MB = 1024 * 1024;

/** The delivery log as an operator lists it: it must answer, whatever the providers said. */
async function listedLogs(t: TestApp): Promise<Array<Record<string, unknown>>> {
  const { secret } = await newKey(t, ['sms:read']);
  const answer = await t.get('/api/v1/admin/sms/logs?full_numbers=true', bearer(secret));
  assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
  return answer.body.logs;
}

forEachDatabase('a provider hostile in the size, shape or speed of its answers', (backend) => {
  const modes: ReadonlyArray<readonly [HostileMode, string, string]> = [
    ['huge', 'answers 50 MB', 'ANSWER_TOO_LARGE'],
    ['endless', 'answers without end', 'ANSWER_TOO_LARGE'],
    ['nested', 'answers arrays nested ten thousand deep', 'BAD_RESPONSE'],
    ['slow', 'dribbles its answer a byte at a time', 'timeout'],
  ];
  for (const [mode, what, code] of modes) {
    it(`when Kavenegar ${what}, SMS.ir carries the code; the log says why`, async () => {
      const hostile = await startFakeHostileProvider({ mode });
      try {
        const env = { KAVENEGAR_BASE_URL: hostile.url, SMS_TIMEOUT_MS: '500' };
        await withProviders(backend, ['kavenegar', 'smsir'], env, async (t, { smsir }) => {
          const phone = mobile(8101);
          const answer = await requestCode(t, phone);
          assert.equal(answer.status, 200, answer.raw);
          assert.equal(smsir.requests.length, 1, 'the second provider was asked');
          const [row] = await smsLogsOf(t, phone);
          assert.deepEqual([row?.provider, row?.status, row?.attempts], ['smsir', 'sent', 2]);
          const failed = t.logs.lines
            .map((line) => JSON.parse(line))
            .find((line) => line.msg === 'SMS provider failed');
          assert.equal(failed?.provider_code ?? 'timeout', code, JSON.stringify(failed));
          assert.equal((await listedLogs(t)).length, 1);
        });
      } finally {
        await hostile.close();
      }
    });
  }

  it('with only a provider that answers without end, a code request is SMS_FAILED and the log still lists', async () => {
    const hostile = await startFakeHostileProvider({ mode: 'endless' });
    const t = await startTestApp(backend, { env: { SMS_WEBHOOK_URL: hostile.url } });
    try {
      const phone = mobile(8102);
      const answer = await requestCode(t, phone);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, errorBody('SMS_FAILED'));
      assert.deepEqual(await smsLogsOf(t, phone), [
        {
          provider: 'webhook',
          status: 'failed',
          attempts: 1,
          error_code: 'ANSWER_TOO_LARGE',
          provider_message_id: null,
        },
      ]);
      await hostile.answers[0]!.over;
      assert.ok(hostile.answers[0]!.bytesWritten < 16 * MB);
    } finally {
      await t.close();
      await hostile.close();
    }
  });

  it('a webhook answering a 5 MB id fails that call; nothing of it is stored and the log lists', async () => {
    const t = await startTestApp(backend);
    try {
      const phone = mobile(8103);
      t.sink.answerNext({ status: 200, body: JSON.stringify({ id: 'A'.repeat(5 * MB) }) });
      assert.equal((await requestCode(t, phone)).status, 503);
      const [row] = await listedLogs(t);
      assert.deepEqual([row?.provider_message_id, row?.error_code], [null, 'ANSWER_TOO_LARGE']);
    } finally {
      await t.close();
    }
  });

  for (const [size, length] of [
    ['2 MB', 2 * MB],
    ['60 KB', 60_000],
  ] as const) {
    it(`Kavenegar answering a ${size} message id fails over; the id is not stored and the log lists`, async () => {
      await withProviders(backend, ['kavenegar', 'smsir'], {}, async (t, { kavenegar }) => {
        const phone = mobile(8104);
        const entries = [{ messageid: '7'.repeat(length), status: 1, cost: 1450 }];
        const body = JSON.stringify({ return: { status: 200, message: 'ok' }, entries });
        kavenegar.answerNext({ status: 200, body });
        assert.equal((await requestCode(t, phone)).status, 200);
        const logs = await listedLogs(t);
        assert.equal(logs.length, 1);
        assert.equal(logs[0]!.provider, 'smsir');
        assert.match(String(logs[0]!.provider_message_id), /^\d{1,20}$/, "SMS.ir's id, not Kavenegar's");
      });
    });
  }
});
