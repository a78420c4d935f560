import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BotSession } from '../../src/telegram/bot/feature.ts';
import { createBotSessionStorage } from '../../src/telegram/bot/storage.ts';
import { createTelegramContacts } from '../../src/telegram/contact.ts';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import {
  contactUpdate,
  person,
  startFakeBotApi,
  textUpdate,
  type BotUser,
  type FakeBotApi,
  type UpdateBody,
} from '../helpers/fake-telegram-bot-api.ts';
import { mobile, post, REQUEST } from '../helpers/otp-flow.ts';
import { signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from '../users/helpers.ts';
import { deliver, sentTo, startBotApp } from './bot/helpers.ts';

interface Harness {
  readonly t: TestApp;
  readonly fake: FakeBotApi;
  /** What the chat with `who` is in the middle of (`telegram_bot_sessions`). */
  session(who: BotUser): Promise<BotSession | undefined>;
  /** Posts `update` to the webhook as Telegram would; resolves once the service answered 200. */
  send(update: UpdateBody): Promise<void>;
  /** The bot's last message to `who`. */
  lastTo(who: BotUser): { text: string; replyMarkup?: any };
}

/** The service with its bot on, taking updates by webhook, its Bot API a local fake. */
async function withPhoneBot(backend: DatabaseBackend, fn: (h: Harness) => Promise<void>): Promise<void> {
  const fake = await startFakeBotApi();
  const t = await startBotApp(backend, fake);
  try {
    const { db } = t.database;
    const sessions = createBotSessionStorage(db, t.clock.now);
    await fn({
      t,
      fake,
      session: async (who) => sessions.read(String(who.id)),
      async send(update) {
        const answer = await deliver(t, update);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
      },
      lastTo(who) {
        const message = sentTo(fake, who).at(-1);
        assert.ok(message, `the bot wrote nothing to ${who.id}`);
        return message;
      },
    });
  } finally {
    await t.close();
    await fake.close();
  }
}

/** Telegram writes the number in international form without its '+'. */
const digits = (phone: string) => phone.slice(1);

async function accountOf(t: TestApp, who: BotUser) {
  return t.database.db
    .selectFrom('telegram_users')
    .innerJoin('users', 'users.id', 'telegram_users.user_id')
    .select(['users.id', 'users.phone_number', 'users.phone_verified', 'telegram_users.chat_id'])
    .where('telegram_users.telegram_id', '=', String(who.id))
    .executeTakeFirst();
}

forEachDatabase('sharing a phone number with the bot', (backend) => {
  it('/phone asks with a one-time, resized keyboard whose button shares the contact, and waits for it', async () => {
    await withPhoneBot(backend, async ({ fake, session, send, lastTo }) => {
      const sara = person(5001);
      await send(textUpdate(sara, '/phone'));
      const asked = lastTo(sara);
      assert.equal(asked.text, 'To add your phone number, press the button below.');
      assert.deepEqual(asked.replyMarkup, {
        keyboard: [[{ text: 'Share my phone number', request_contact: true }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      });
      assert.equal((await session(sara))?.awaitingContact, true);
      assert.equal(fake.sent.length, 1);
    });
  });

  it('their own card, for a number no account has: a new account with it as its verified number', async () => {
    await withPhoneBot(backend, async ({ t, session, send, lastTo }) => {
      const sara = person(5002);
      await send(textUpdate(sara, '/phone'));
      await send(contactUpdate(sara, { phone_number: digits(mobile(5002)), user_id: sara.id }));
      assert.deepEqual(await accountOf(t, sara), {
        id: (await accountOf(t, sara))!.id,
        phone_number: mobile(5002),
        phone_verified: 1,
        chat_id: String(sara.id),
      });
      const reply = lastTo(sara);
      assert.equal(reply.text, `${mobile(5002)} is now the verified number of your account.`);
      assert.deepEqual(reply.replyMarkup, { remove_keyboard: true });
      assert.equal((await session(sara))?.awaitingContact, false);
    });
  });

  it('the number of an account without Telegram: the Telegram account joins it, as with OpenID Connect', async () => {
    await withPhoneBot(backend, async ({ t, send, lastTo }) => {
      const phone = mobile(5003);
      const existing = await signIn(t, phone);
      const sara = person(5003, { language_code: 'fa' });
      await send(contactUpdate(sara, { phone_number: `+${digits(phone)}`, user_id: sara.id }));
      const account = await accountOf(t, sara);
      assert.equal(account?.id, existing.userId);
      assert.equal(lastTo(sara).text, `تلگرام شما به حسابی که شماره‌ی ${phone} دارد وصل شد.`);
      // The number's holder hears of it by SMS, as when OpenID Connect joins by the number.
      while ((await t.app.smsQueue.worker.runOnce()) > 0);
      const notices = t.sink.messagesTo(phone).filter((m) => m.message?.template === 'telegram_linked');
      assert.equal(notices.length, 1);
    });
  });

  it('the number of an account with another Telegram: that account stays its own; this one gets no number', async () => {
    await withPhoneBot(backend, async ({ t, send, lastTo }) => {
      const phone = mobile(5004);
      const [first, second] = [person(5041), person(5042)];
      await send(contactUpdate(first, { phone_number: digits(phone), user_id: first.id }));
      await send(contactUpdate(second, { phone_number: digits(phone), user_id: second.id }));
      const [a, b] = [await accountOf(t, first), await accountOf(t, second)];
      assert.equal(a?.phone_number, phone);
      assert.notEqual(b?.id, a?.id);
      assert.equal(b?.phone_number, null);
      assert.equal(lastTo(second).text, `${phone} belongs to another account and was not added to yours.`);
    });
  });

  it('a known Telegram account: the number is added to an account without one, and never replaces another', async () => {
    await withPhoneBot(backend, async ({ t, send, lastTo }) => {
      const [withNone, withOther] = [person(5051), person(5052)];
      // An account without a number: the Telegram account's first contact was someone else's number.
      await send(contactUpdate(person(5050), { phone_number: digits(mobile(5050)), user_id: 5050 }));
      await send(contactUpdate(withNone, { phone_number: digits(mobile(5050)), user_id: withNone.id }));
      assert.equal((await accountOf(t, withNone))?.phone_number, null);
      await send(contactUpdate(withNone, { phone_number: digits(mobile(5051)), user_id: withNone.id }));
      assert.equal((await accountOf(t, withNone))?.phone_number, mobile(5051));
      assert.equal(lastTo(withNone).text, `${mobile(5051)} is now the verified number of your account.`);

      await send(contactUpdate(withOther, { phone_number: digits(mobile(5052)), user_id: withOther.id }));
      await send(contactUpdate(withOther, { phone_number: digits(mobile(5053)), user_id: withOther.id }));
      assert.equal((await accountOf(t, withOther))?.phone_number, mobile(5052));
      assert.match(lastTo(withOther).text, /^Your account has another number, which stays/);
    });
  });

  it('a number an admin added unproved becomes verified when its holder shares it', async () => {
    await withPhoneBot(backend, async ({ t, send }) => {
      const phone = mobile(5006);
      const created = await (await userAdmin(t)).create({ phone_number: phone, external_id: `shop-${phone}` });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const sara = person(5006);
      await send(contactUpdate(sara, { phone_number: digits(phone), user_id: sara.id }));
      assert.deepEqual(
        [(await accountOf(t, sara))?.id, (await accountOf(t, sara))?.phone_verified],
        [created.body.user.id, 1],
      );
    });
  });

  it("someone else's card, or one without a user id, is refused with the button again, and nothing is written", async () => {
    await withPhoneBot(backend, async ({ t, session, send, lastTo }) => {
      const sara = person(5007);
      await send(textUpdate(sara, '/phone'));
      for (const card of [
        { phone_number: digits(mobile(5008)), user_id: 5008 },
        { phone_number: digits(mobile(5008)) },
      ]) {
        await send(contactUpdate(sara, card));
        const reply = lastTo(sara);
        assert.match(reply.text, /^That is someone else's contact/);
        assert.equal(reply.replyMarkup.keyboard[0][0].request_contact, true);
      }
      assert.equal(await accountOf(t, sara), undefined);
      const users = await t.database.db.selectFrom('users').select('id').execute();
      assert.equal(users.length, 0);
      assert.equal((await session(sara))?.awaitingContact, true);
    });
  });

  it('a card in a group counts for nothing, even the sender’s own', async () => {
    await withPhoneBot(backend, async ({ t, fake, send }) => {
      const sara = person(5009);
      await send(contactUpdate(sara, { phone_number: digits(mobile(5009)), user_id: sara.id }, 'group'));
      assert.equal(fake.sent.length, 0, 'no answer in a group');
      const contacts = createTelegramContacts({
        db: t.database.db,
        events: t.app.events.recorder,
        allowedCountries: t.config.phone.allowedCountries,
        now: t.clock.now,
      });
      const profile = {
        telegramId: '5009',
        username: null,
        firstName: 'S',
        lastName: null,
        photoUrl: null,
        languageCode: null,
      };
      const shared = await contacts.share({
        profile,
        contact: { phone_number: digits(mobile(5009)), user_id: 5009 },
        chat: { id: -5009, type: 'group' },
      });
      assert.deepEqual(shared, { outcome: 'not_own' });
      assert.equal(await accountOf(t, sara), undefined);
    });
  });

  it('a number outside PHONE_ALLOWED_COUNTRIES is refused, and nothing is written', async () => {
    await withPhoneBot(backend, async ({ t, send, lastTo }) => {
      const sam = person(5010);
      await send(contactUpdate(sam, { phone_number: '14155550123', user_id: sam.id }));
      assert.equal(lastTo(sam).text, 'This phone number cannot be used here.');
      assert.equal(await accountOf(t, sam), undefined);
    });
  });

  it('the number of a blocked account changes nothing: no link, no new account', async () => {
    await withPhoneBot(backend, async ({ t, send, lastTo }) => {
      const phone = mobile(5011);
      const admin = await userAdmin(t);
      const created = await admin.create({ phone_number: phone, external_id: `shop-${phone}` });
      assert.equal((await admin.act(created.body.user.id, 'block')).status, 200);
      const sara = person(5011);
      await send(contactUpdate(sara, { phone_number: digits(phone), user_id: sara.id }));
      assert.equal(lastTo(sara).text, 'This account is blocked.');
      assert.equal(await accountOf(t, sara), undefined);
    });
  });

  it('after sharing, a sign-in code asked by Telegram comes from the bot', async () => {
    await withPhoneBot(backend, async ({ t, fake, send }) => {
      const phone = mobile(5012);
      const sara = person(5012);
      await send(contactUpdate(sara, { phone_number: digits(phone), user_id: sara.id }));
      const before = fake.sent.length;
      assert.equal((await post(t, REQUEST, { phone_number: phone, channel: 'telegram' })).status, 200);
      assert.equal(fake.sent.length, before + 1);
      assert.equal(fake.sent.at(-1)?.chatId, String(sara.id));
      assert.equal(t.sink.messagesTo(phone).length, 0);
    });
  });
});
