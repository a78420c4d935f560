import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, requestCode, sleep, withApp } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';
import { detailedHealth } from '../helpers/health.ts';

/** What the fake provider takes in any one second; beyond it, 429 with `Retry-After: 1`. */
const PROVIDER_RATE = 20;
const CAMPAIGN = 200;

/** Sign-in code requests, each from its own number and address so that no limit of ours refuses one. */
const signIn = (t: TestApp, n: number) => requestCode(t, mobile(500_000 + n), { ip: `10.1.${n >> 8}.${n & 255}` });

async function queueCampaign(t: TestApp, size: number): Promise<string[]> {
  const { secret } = await newKey(t, ['sms:send']);
  const ids: string[] = [];
  for (let n = 0; n < size; n += 1) {
    const answer = await sendSms(t, secret, { to: mobile(n), text: `Sale ends tonight (${n})` });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    ids.push(answer.body.id);
  }
  return ids;
}

/** Runs `fn` with the app's worker running, as `serve` runs it, and stops it before the app closes. */
async function withWorker<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  t.app.smsQueue.start();
  try {
    return await fn();
  } finally {
    await t.app.smsQueue.stop(0);
  }
}

const campaignRows = (t: TestApp) =>
  t.database.db
    .selectFrom('sms_logs')
    .select(['status', 'tries', 'error_code'])
    .where('template', 'is', null)
    .execute();

async function codesCircuit(t: TestApp): Promise<string[]> {
  const health = await detailedHealth(t);
  return health.body.sms.providers.map((provider: { state: string }) => provider.state);
}

/** Log lines saying the codes' circuit opened, at any moment (health only shows the state now). */
const codesCircuitOpenings = (t: TestApp) =>
  t.logs.lines.filter((line) => line.includes('circuit opened') && line.includes('"lane":"codes"'));

forEachDatabase('codes come first', (backend) => {
  it('a campaign against a provider that takes 20 calls a second locks no sign-in out, and all of it goes out', async () => {
    // The queue's ceiling is above what the provider takes, so it must learn the provider's rate from its 429s.
    const env = { SMS_QUEUE_RATE_PER_SECOND: '40', SMS_QUEUE_CONCURRENCY: '16', SMS_BREAKER_FAILURES: '3' };
    await withApp(backend, env, async (t) => {
      t.sink.limitRate(PROVIDER_RATE, 1);
      await queueCampaign(t, CAMPAIGN);
      const answers: Array<{ status: number; code: string | undefined }> = [];
      const states = new Set<string>();
      await withWorker(t, async () => {
        for (let n = 0; ; n += 1) {
          const answer = await signIn(t, n);
          answers.push({ status: answer.status, code: t.sink.lastCode(mobile(500_000 + n)) });
          for (const state of await codesCircuit(t)) states.add(state);
          const rows = await campaignRows(t);
          if (rows.every((row) => row.status === 'sent')) break;
          assert.ok(n < 400, 'the campaign finishes while sign-ins go on');
          await sleep(150);
        }
      });

      assert.ok(answers.length >= 10, `sign-ins went on during the campaign (${answers.length})`);
      assert.deepEqual(
        answers.filter(({ status, code }) => status !== 200 || code === undefined),
        [],
        `every one of ${answers.length} sign-ins got its code`,
      );
      assert.deepEqual([...states], ['closed'], "the codes' circuit stayed closed");
      assert.deepEqual(codesCircuitOpenings(t), []);
      assert.ok(
        t.sink.requests.some((request) => request.limited),
        'the provider did answer 429: the queue was above its rate',
      );
      const rows = await campaignRows(t);
      assert.equal(rows.length, CAMPAIGN);
      assert.deepEqual(
        rows.filter((row) => row.status !== 'sent' || row.tries !== 1),
        [],
        'every queued message went out, and no 429 used one of its tries',
      );
    });
  });

  it('queued calls that hang cannot take the connections a sign-in code needs', async () => {
    // 64 queued calls in flight: as many connections as one pool for everything used to have.
    const env = { SMS_QUEUE_CONCURRENCY: '64', SMS_TIMEOUT_MS: '5000' };
    await withApp(backend, env, async (t) => {
      t.sink.answerAllOf('text', 'hang');
      await queueCampaign(t, 64);
      await withWorker(t, async () => {
        for (let waited = 0; t.sink.requests.length < 64; waited += 1) {
          assert.ok(waited < 200, `the queue's 64 calls reach the provider (${t.sink.requests.length})`);
          await sleep(50);
        }
        const answer = await signIn(t, 1);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.ok(t.sink.lastCode(mobile(500_001)));
        const stillHanging = await campaignRows(t);
        assert.deepEqual(
          stillHanging.filter((row) => row.status !== 'sending'),
          [],
          'the code went out while every queued call still held its connection',
        );
      });
    });
  });

  it("queued calls that time out open the queue's circuit, never the one codes use", async () => {
    await withApp(backend, { SMS_TIMEOUT_MS: '300', SMS_BREAKER_FAILURES: '2' }, async (t) => {
      t.sink.answerAllOf('text', 'hang');
      await queueCampaign(t, 3);
      await t.app.smsQueue.worker.runOnce();
      const [webhook] = (await detailedHealth(t)).body.sms.providers;
      assert.deepEqual([webhook.queue_state, webhook.state], ['open', 'closed']);
      const answer = await signIn(t, 1);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual(codesCircuitOpenings(t), []);
    });
  });

  it("a 429 to a queued message puts it back at the provider's Retry-After without a try, and opens no circuit", async () => {
    await withApp(backend, { SMS_BREAKER_FAILURES: '1' }, async (t) => {
      t.sink.limitRate(0, 30);
      const ids = await queueCampaign(t, 3);
      const started = t.clock.now();
      await t.app.smsQueue.worker.runOnce();
      const rows = await campaignRows(t);
      // The first call met the 429; the others were held back by the pause it started, or met it too.
      assert.deepEqual(
        rows.map((row) => [row.status, row.tries, row.error_code === 'HTTP_429' || row.error_code === 'PACED']),
        ids.map(() => ['queued', 0, true]),
      );
      const due = await t.database.db.selectFrom('sms_logs').select('next_attempt_at').where('id', 'in', ids).execute();
      for (const { next_attempt_at } of due) {
        const wait = Number(next_attempt_at) - started;
        assert.ok(wait >= 28_000 && wait <= 32_000, `due after the 30 s the provider asked for (${wait} ms)`);
      }
      const health = await detailedHealth(t);
      const [webhook] = health.body.sms.providers;
      assert.deepEqual([webhook.state, webhook.queue_state], ['closed', 'closed']);
      assert.ok(webhook.queue_rate_per_second < 50, 'the queue slowed down for the provider');
    });
  });

  it('a code that meets a 429 asks the same provider once more after its Retry-After, and opens no circuit', async () => {
    await withApp(backend, { SMS_BREAKER_FAILURES: '1' }, async (t) => {
      t.sink.limitRate(1, 1);
      assert.equal((await signIn(t, 1)).status, 200);
      const second = await signIn(t, 2);
      assert.equal(second.status, 200, JSON.stringify(second.body));
      const toSecond = t.sink.messagesTo(mobile(500_002));
      assert.deepEqual(
        toSecond.map((request) => request.limited),
        [true, false],
      );
      assert.deepEqual(await codesCircuit(t), ['closed']);
    });
  });
});
