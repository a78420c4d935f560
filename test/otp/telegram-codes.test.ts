import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { errorBody, mobile, post, REQUEST, sleep, verifyCode, wrongCode, type Answer } from '../helpers/otp-flow.ts';
import { codeIn, smsLogsOf } from '../helpers/sms-fakes.ts';

/** The bot's try gives up after this (TELEGRAM_CODE_TIMEOUT_MS); the SMS goes out then. */
const BOT_TIMEOUT_MS = 400;

async function withBot(
  backend: DatabaseBackend,
  env: Record<string, string>,
  fn: (t: TestApp, fake: FakeBotApi) => Promise<void>,
): Promise<void> {
  const fake = await startFakeBotApi();
  const t = await startTestApp(backend, {
    env: {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_CODE_TIMEOUT_MS: String(BOT_TIMEOUT_MS),
      ...env,
    },
  });
  try {
    await fn(t, fake);
  } finally {
    await t.close();
    await fake.close();
  }
}

interface Linked {
  readonly chatId?: string | null;
  readonly blocked?: boolean;
  /** The person sent /stop. */
  readonly stopped?: boolean;
}

/** An account with `phone` and a linked Telegram account whose chat with the bot is `chatId`. */
async function linkedAccount(t: TestApp, phone: string, n: number, linked: Linked = {}): Promise<string> {
  const at = t.clock.now();
  const userId = `u-${n}`;
  const chatId = linked.chatId === undefined ? String(700_000 + n) : linked.chatId;
  await t.database.db
    .insertInto('users')
    .values({
      id: userId,
      phone_number: phone,
      phone_verified: 1,
      locale: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      external_id: null,
      blocked_at: null,
    })
    .execute();
  await t.database.db
    .insertInto('telegram_users')
    .values({
      telegram_id: String(700_000 + n),
      user_id: userId,
      username: null,
      first_name: 'Sara',
      last_name: null,
      photo_url: null,
      language_code: 'fa',
      chat_id: chatId,
      first_sign_in_at: at,
      last_sign_in_at: at,
      created_at: at,
      updated_at: at,
      bot_blocked_at: linked.blocked ? at : null,
      bot_stopped_at: linked.stopped ? at : null,
    })
    .execute();
  return chatId ?? '';
}

const ask = (t: TestApp, phone: string, channel?: string): Promise<Answer> =>
  post(t, REQUEST, channel === undefined ? { phone_number: phone } : { phone_number: phone, channel });

/** The code the bot sent to `chatId`, read from its message. */
function botCode(fake: FakeBotApi, chatId: string): string {
  const message = fake.sent.filter((m) => m.chatId === chatId).at(-1);
  assert.ok(message, `no bot message to ${chatId}`);
  return codeIn(message.text);
}

async function blockedAt(t: TestApp, chatId: string): Promise<number | null> {
  const row = await t.database.db
    .selectFrom('telegram_users')
    .select('bot_blocked_at')
    .where('chat_id', '=', chatId)
    .executeTakeFirstOrThrow();
  return row.bot_blocked_at === null ? null : Number(row.bot_blocked_at);
}

/** The SMS the number got and the log rows it has, for "the code went by SMS". */
async function wentBySms(t: TestApp, phone: string): Promise<string> {
  const code = t.sink.lastCode(phone);
  assert.ok(code, 'an SMS carried the code');
  const [row] = await smsLogsOf(t, phone);
  assert.deepEqual([row?.provider, row?.status], ['webhook', 'sent']);
  return code;
}

forEachDatabase('sign-in codes by Telegram', (backend) => {
  it('a linked account the bot can reach gets the code from the bot, not by SMS, and signs in with it', async () => {
    await withBot(backend, { WEBOTP_DOMAIN: 'shop.example.com' }, async (t, fake) => {
      const phone = mobile(9101);
      const chatId = await linkedAccount(t, phone, 1);
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      assert.equal(t.sink.messagesTo(phone).length, 0, 'no SMS');
      const code = botCode(fake, chatId);
      const text = fake.sent.at(-1)!.text;
      assert.doesNotMatch(text, /@shop\.example\.com/, 'no WebOTP line: no browser reads a bot message');
      const [row] = await smsLogsOf(t, phone);
      assert.deepEqual([row?.provider, row?.status, row?.attempts], ['telegram_bot', 'sent', 1]);
      assert.equal((await verifyCode(t, phone, code)).status, 200);
    });
  });

  it('channel auto goes by the bot too; channel sms and no channel go by SMS as before', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const [a, b, c] = [mobile(9111), mobile(9112), mobile(9113)];
      const chatA = await linkedAccount(t, a, 11);
      await linkedAccount(t, b, 12);
      await linkedAccount(t, c, 13);
      assert.equal((await ask(t, a, 'auto')).status, 200);
      assert.equal((await ask(t, b, 'sms')).status, 200);
      assert.equal((await ask(t, c)).status, 200);
      assert.deepEqual(
        fake.sent.map((m) => m.chatId),
        [chatA],
      );
      await wentBySms(t, b);
      await wentBySms(t, c);
    });
  });

  it('a user who blocked the bot gets the code by SMS, and Telegram is not asked', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const phone = mobile(9121);
      await linkedAccount(t, phone, 21, { blocked: true });
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      assert.equal(fake.calls.filter((c) => c.method === 'sendMessage').length, 0);
      assert.equal((await verifyCode(t, phone, await wentBySms(t, phone))).status, 200);
    });
  });

  it('a user who sent /stop gets the code by SMS, and Telegram is not asked', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const phone = mobile(9122);
      await linkedAccount(t, phone, 22, { stopped: true });
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      assert.equal(fake.calls.filter((c) => c.method === 'sendMessage').length, 0);
      assert.equal((await verifyCode(t, phone, await wentBySms(t, phone))).status, 200);
    });
  });

  it('a 403 from Telegram sends the code by SMS and marks the chat blocked: the next code skips the bot', async () => {
    await withBot(backend, { OTP_RESEND_SECONDS: '1' }, async (t, fake) => {
      const phone = mobile(9131);
      const chatId = await linkedAccount(t, phone, 31);
      fake.block(chatId);
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      const code = await wentBySms(t, phone);
      assert.notEqual(await blockedAt(t, chatId), null);
      assert.equal((await verifyCode(t, phone, code)).status, 200);

      await sleep(1100); // the resend window keeps real time
      const before = fake.calls.length;
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      assert.equal(fake.calls.length, before, 'no call to a chat that blocked the bot');
      assert.equal(t.sink.messagesTo(phone).length, 2);
    });
  });

  it('a Telegram that hangs gives the code to SMS after TELEGRAM_CODE_TIMEOUT_MS, the same code', async () => {
    // SMS_TIMEOUT_MS well above the bot's wait: the bot's own deadline, not the SMS one, must end its try.
    await withBot(backend, { SMS_TIMEOUT_MS: '3000' }, async (t, fake) => {
      const phone = mobile(9141);
      await linkedAccount(t, phone, 41);
      fake.failNext('sendMessage', { kind: 'hang' });
      const started = performance.now();
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      const took = performance.now() - started;
      assert.ok(took >= BOT_TIMEOUT_MS && took < 2500, `answered after ${Math.round(took)} ms`);
      const code = await wentBySms(t, phone);
      const [row] = await smsLogsOf(t, phone);
      assert.equal(row?.attempts, 2);
      assert.equal((await verifyCode(t, phone, code)).status, 200);
    });
  });

  const refusals = [
    ['asks to slow down (429)', { kind: 'rate', retryAfter: 5 }],
    ['answers 502', { kind: 'server', status: 502 }],
    ['answers 500', { kind: 'server', status: 500 }],
    ['says the chat is not found (400)', { kind: 'bad-request', description: 'chat not found' }],
  ] as const;
  for (const [what, failure] of refusals) {
    it(`when Telegram ${what}, SMS carries the code at once and the chat is not marked blocked`, async () => {
      // A long wait for the bot, so that waiting out retry_after or a backoff shows.
      await withBot(backend, { TELEGRAM_CODE_TIMEOUT_MS: '2000' }, async (t, fake) => {
        const phone = mobile(9151);
        const chatId = await linkedAccount(t, phone, 51);
        fake.failNext('sendMessage', failure);
        const started = performance.now();
        assert.equal((await ask(t, phone, 'telegram')).status, 200);
        const took = performance.now() - started;
        assert.ok(took < 1500, `no wait for retry_after or a backoff: ${Math.round(took)} ms`);
        assert.equal(fake.calls.filter((c) => c.method === 'sendMessage').length, 1, 'asked once');
        assert.equal((await verifyCode(t, phone, await wentBySms(t, phone))).status, 200);
        assert.equal(await blockedAt(t, chatId), null);
      });
    });
  }

  it('a number without a linked Telegram, or whose Telegram never wrote to the bot, gets an SMS', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const [stranger, noChat] = [mobile(9161), mobile(9162)];
      await linkedAccount(t, noChat, 62, { chatId: null });
      assert.equal((await ask(t, stranger, 'telegram')).status, 200);
      assert.equal((await ask(t, noChat, 'telegram')).status, 200);
      assert.equal(fake.calls.length, 0);
      await wentBySms(t, stranger);
      await wentBySms(t, noChat);
    });
  });

  it('the answer is the same whichever way the code went, so it tells a stranger nothing', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const cases: Array<() => Promise<string>> = [
        async () => (await linkedAccount(t, mobile(9171), 71), mobile(9171)),
        async () => (await linkedAccount(t, mobile(9172), 72, { blocked: true }), mobile(9172)),
        async () => {
          fake.block(await linkedAccount(t, mobile(9173), 73));
          return mobile(9173);
        },
        async () => {
          await linkedAccount(t, mobile(9174), 74);
          fake.failNext('sendMessage', { kind: 'hang' });
          return mobile(9174);
        },
        async () => {
          await linkedAccount(t, mobile(9175), 75);
          fake.failNext('sendMessage', { kind: 'rate', retryAfter: 3 });
          return mobile(9175);
        },
        async () => mobile(9176),
      ];
      const answers: Array<[number, string, string]> = [];
      for (const setUp of cases) {
        const answer = await ask(t, await setUp(), 'telegram');
        answers.push([answer.status, answer.raw, String(answer.headers['content-length'])]);
      }
      assert.equal(fake.sent.length, 1, 'one of them went by Telegram');
      for (const answer of answers) assert.deepEqual(answer, answers[0]);
      assert.equal(answers[0]![0], 200);
      assert.equal('channel' in JSON.parse(answers[0]![1]), false);
    });
  });

  it('with TELEGRAM_CODE_CHANNEL_DISCLOSE=true the answer says which way the code went', async () => {
    await withBot(backend, { TELEGRAM_CODE_CHANNEL_DISCLOSE: 'true' }, async (t, fake) => {
      const [linked, blocked, stranger] = [mobile(9181), mobile(9182), mobile(9183)];
      fake.block(await linkedAccount(t, blocked, 82));
      await linkedAccount(t, linked, 81);
      assert.equal((await ask(t, linked, 'telegram')).body.channel, 'telegram');
      assert.equal((await ask(t, blocked, 'telegram')).body.channel, 'sms');
      assert.equal((await ask(t, stranger, 'auto')).body.channel, 'sms');
      assert.equal((await ask(t, mobile(9184))).body.channel, 'sms');
    });
  });

  it('a code by Telegram counts against the same limits as one by SMS', async () => {
    await withBot(backend, { OTP_PHONE_HOURLY_LIMIT: '2', OTP_RESEND_SECONDS: '1' }, async (t, fake) => {
      const phone = mobile(9191);
      const chatId = await linkedAccount(t, phone, 91);
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      const early = await ask(t, phone, 'telegram');
      assert.deepEqual(early.body, errorBody('RATE_LIMITED', { retry_after: early.body.retry_after }));
      await sleep(1100);
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      await sleep(1100);
      assert.equal((await ask(t, phone, 'sms')).status, 429, 'the hour holds two codes, whichever way they went');
      assert.equal(fake.sent.filter((m) => m.chatId === chatId).length, 2);
      assert.equal(t.sink.messagesTo(phone).length, 0);
    });
  });

  it('a code by Telegram has the same attempts: wrong guesses count, the fifth burns it', async () => {
    await withBot(backend, {}, async (t, fake) => {
      const phone = mobile(9192);
      const chatId = await linkedAccount(t, phone, 92);
      assert.equal((await ask(t, phone, 'telegram')).status, 200);
      const code = botCode(fake, chatId);
      const first = await verifyCode(t, phone, wrongCode(code));
      assert.deepEqual(first.body, errorBody('OTP_INVALID', { attempts_left: 4 }));
      for (let i = 0; i < 4; i += 1) await verifyCode(t, phone, wrongCode(code));
      assert.equal((await verifyCode(t, phone, code)).body.code, 'OTP_ATTEMPTS_EXCEEDED');
    });
  });
});

forEachDatabase('sign-in codes by Telegram without the bot', (backend) => {
  it('channel telegram without TELEGRAM_BOT_TOKEN sends an SMS, with the same answer', async () => {
    const t = await startTestApp(backend);
    try {
      const phone = mobile(9201);
      const asked = await ask(t, phone, 'telegram');
      const plain = await ask(t, mobile(9202));
      assert.deepEqual([asked.status, asked.raw], [plain.status, plain.raw]);
      assert.ok(t.sink.lastCode(phone));
    } finally {
      await t.close();
    }
  });
});
