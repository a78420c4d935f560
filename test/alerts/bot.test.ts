import assert from 'node:assert/strict';
import { it } from 'node:test';
import { newLinkKey } from '../../src/alerts/link-token.ts';
import { newId } from '../../src/db/ids.ts';
import type { TestApp } from '../helpers/app.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { callbackUpdate, person, textUpdate, type BotUser } from '../helpers/fake-telegram-bot-api.ts';
import { botSuite, deliver, linkAccount, sentTo } from '../telegram/bot/helpers.ts';
import { reportStock } from './helpers.ts';

let at = Date.now();

/** An alert row as subscribing writes it (or as a restock left it, with `status`). */
async function insertAlert(
  t: TestApp,
  userId: string,
  productId: string,
  options: { variantId?: string; channel?: string; status?: string } = {},
): Promise<string> {
  at += 10;
  const id = newId(at);
  await t.database.db
    .insertInto('stock_alerts')
    .values({
      id,
      user_id: userId,
      product_id: productId,
      variant_id: options.variantId ?? '',
      channel: options.channel ?? 'telegram',
      locale: 'en',
      status: options.status ?? 'active',
      link_key: newLinkKey(),
      created_at: at,
      notified_at: options.status === 'notified' ? at : null,
      restock_id: null,
      message_id: null,
      clicked_at: null,
      cancelled_at: null,
      cancel_reason: null,
    })
    .execute();
  return id;
}

const statusOf = async (t: TestApp, id: string) =>
  t.database.db
    .selectFrom('stock_alerts')
    .select(['status', 'cancel_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

forEachDatabase("the bot's /alerts and the alert buttons", (backend) => {
  const suite = botSuite(backend);

  const last = (who: BotUser) => sentTo(suite.fake, who).at(-1)!;
  const buttons = (message: { replyMarkup?: any }) =>
    (message.replyMarkup?.inline_keyboard ?? [])
      .flat()
      .map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]);
  /** Presses a button; returns what the bot answered the press with (text or none). */
  async function press(who: BotUser, data: string, messageId?: number): Promise<string | undefined> {
    const update = callbackUpdate(who, data, messageId === undefined ? undefined : { message_id: messageId });
    const answer = await deliver(suite.t, update);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const call = suite.fake.calls.find(
      (c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === update.callback_query.id,
    );
    assert.ok(call, `the press of ${data} was answered`);
    return call.params.text;
  }

  it('/alerts lists the linked account’s active alerts, newest first, a cancel button each', async () => {
    const sara = person(6101);
    const userId = await linkAccount(suite.t, sara);
    await reportStock(suite.t, 'pot-1', '', 'Copper pot');
    const tea = await insertAlert(suite.t, userId, 'tea-1', { channel: 'sms' });
    const pot = await insertAlert(suite.t, userId, 'pot-1');
    await insertAlert(suite.t, userId, 'gone-1', { status: 'cancelled' });
    await insertAlert(suite.t, userId, 'sent-1', { status: 'notified' });
    await deliver(suite.t, textUpdate(sara, '/alerts'));
    const message = last(sara);
    assert.match(message.text, /^Your back-in-stock alerts at .+\. Tap one to cancel it\.$/);
    assert.deepEqual(buttons(message), [
      ['Cancel: Copper pot', `alert:cancel:${pot}`],
      ['Cancel: tea-1', `alert:cancel:${tea}`],
    ]);
  });

  it('/alerts with none says so, in the chat’s language; an unlinked user is told how to link', async () => {
    const sara = person(6102);
    await linkAccount(suite.t, sara);
    await deliver(suite.t, textUpdate(sara, '/alerts'));
    assert.match(last(sara).text, /^You have no back-in-stock alerts at .+\.$/);
    assert.equal(last(sara).replyMarkup, undefined);
    const maryam = person(6103, { language_code: 'fa' });
    await linkAccount(suite.t, maryam);
    await deliver(suite.t, textUpdate(maryam, '/alerts'));
    assert.match(last(maryam).text, /^اطلاع‌رسانی موجودی فعالی در .+ ندارید\.$/);
    const stranger = person(6104);
    await deliver(suite.t, textUpdate(stranger, '/alerts'));
    assert.match(last(stranger).text, /^To link this Telegram account to your account at /);
  });

  it('a cancel button cancels that alert (telegram_button) and leaves the list with the others', async () => {
    const sara = person(6105);
    const userId = await linkAccount(suite.t, sara);
    const first = await insertAlert(suite.t, userId, 'cup-1');
    const second = await insertAlert(suite.t, userId, 'cup-2');
    await deliver(suite.t, textUpdate(sara, '/alerts'));
    const list = last(sara);

    assert.equal(await press(sara, `alert:cancel:${second}`, list.messageId), 'No more alerts for cup-2.');
    assert.deepEqual(await statusOf(suite.t, second), { status: 'cancelled', cancel_reason: 'telegram_button' });
    assert.equal((await statusOf(suite.t, first)).status, 'active');
    const edited = last(sara);
    assert.equal(edited.edited, true);
    assert.equal(edited.messageId, list.messageId);
    assert.deepEqual(buttons(edited), [['Cancel: cup-1', `alert:cancel:${first}`]]);

    // Pressing the gone button again (an old copy of the list) changes nothing and still answers.
    assert.equal(await press(sara, `alert:cancel:${second}`, list.messageId), 'No more alerts for cup-2.');
    assert.equal(await press(sara, `alert:cancel:${first}`, list.messageId), 'No more alerts for cup-1.');
    assert.equal((await statusOf(suite.t, first)).status, 'cancelled');
    assert.match(last(sara).text, /^You have no back-in-stock alerts at /);
  });

  it("the stop button under an alert stops that product's active alerts on every channel, only that variant", async () => {
    const sara = person(6106);
    const userId = await linkAccount(suite.t, sara);
    await reportStock(suite.t, 'shoe-1', '42', 'Trail shoe 42');
    const notified = await insertAlert(suite.t, userId, 'shoe-1', { variantId: '42', status: 'notified' });
    const sms = await insertAlert(suite.t, userId, 'shoe-1', { variantId: '42', channel: 'sms' });
    const telegram = await insertAlert(suite.t, userId, 'shoe-1', { variantId: '42' });
    const otherSize = await insertAlert(suite.t, userId, 'shoe-1', { variantId: '41' });

    assert.equal(await press(sara, `alert:stop:${notified}`, 777), 'No more alerts for Trail shoe 42.');
    assert.equal((await statusOf(suite.t, notified)).status, 'notified', 'the alert that was sent stays sent');
    for (const id of [sms, telegram]) {
      assert.deepEqual(await statusOf(suite.t, id), { status: 'cancelled', cancel_reason: 'telegram_button' });
    }
    assert.equal((await statusOf(suite.t, otherSize)).status, 'active');
    const edit = suite.fake.calls.filter((c) => c.method === 'editMessageReplyMarkup').at(-1);
    assert.equal(Number(edit?.params.message_id), 777, 'the button is taken off the alert message');
  });

  it("a forged press on someone else's alert is answered and changes nothing", async () => {
    const sara = person(6107);
    const omid = person(6108);
    const saraId = await linkAccount(suite.t, sara);
    await linkAccount(suite.t, omid);
    const saras = await insertAlert(suite.t, saraId, 'vase-1');
    const sarasSms = await insertAlert(suite.t, saraId, 'vase-1', { channel: 'sms' });
    const stranger = person(6109);
    const edits = () => suite.fake.calls.filter((c) => c.method.startsWith('editMessage')).length;
    const editsBefore = edits();
    for (const [who, data] of [
      [omid, `alert:cancel:${saras}`],
      [omid, `alert:stop:${saras}`],
      [stranger, `alert:cancel:${saras}`],
      [stranger, `alert:stop:${saras}`],
      [omid, 'alert:cancel:no-such-alert'],
      [omid, 'alert:stop:'],
      [omid, `alert:delete:${saras}`],
    ] as const) {
      assert.equal(await press(who, data, 5), undefined, `${who.id} ${data}`);
    }
    assert.equal((await statusOf(suite.t, saras)).status, 'active');
    assert.equal((await statusOf(suite.t, sarasSms)).status, 'active');
    assert.equal(edits(), editsBefore, 'no message was touched');
  });
});
