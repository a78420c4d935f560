import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { forEachDatabase } from '../../helpers/app.ts';
import { callbackUpdate, person, textUpdate } from '../../helpers/fake-telegram-bot-api.ts';
import { adminHeaders, TEMPLATES } from '../../templates/helpers.ts';
import { botSuite, deliver, sentTo } from './helpers.ts';

// What an outsider found could stop the bot: a button on a message the bot cannot edit, a button no feature
// knows, and a template edit that leaves a bot message unrenderable.
forEachDatabase('the bot keeps going', (backend) => {
  const suite = botSuite(backend);

  const answeredCallbacks = () => suite.fake.calls.filter((c) => c.method === 'answerCallbackQuery').length;

  it('a sign-in button pressed on an inline message (no message to edit) is answered and handled', async () => {
    const before = answeredCallbacks();
    const press = callbackUpdate(person(9101), `lsi:ok:${randomUUID()}`);
    delete (press.callback_query as { message?: unknown }).message;
    const answer = await deliver(suite.t, press);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answeredCallbacks(), before + 1);
  });

  it('a button no feature knows is answered, so the client does not spin', async () => {
    for (const data of ['foo', 'x'.repeat(64)]) {
      const before = answeredCallbacks();
      const answer = await deliver(suite.t, callbackUpdate(person(9102), data, { message_id: 5 }));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answeredCallbacks(), before + 1, data);
    }
  });

  it('a bot message keeps exactly its placeholders: none it cannot fill, none it must show', async () => {
    const write = await adminHeaders(suite.t, ['templates:write']);
    const put = (key: string, body: string) =>
      suite.t.inject({ method: 'PUT', url: `${TEMPLATES}/${key}/en`, headers: write, payload: { body } });

    const unfillable = await put('telegram_bot_help', 'Commands: {code} {commands}');
    assert.equal(unfillable.statusCode, 400, unfillable.body);
    assert.match(JSON.parse(unfillable.body).message, /must use exactly \{commands\}/);
    const hidesDevice = await put('telegram_bot_login_confirm', 'Sign in please');
    assert.equal(hidesDevice.statusCode, 400, hidesDevice.body);
    assert.match(JSON.parse(hidesDevice.body).message, /\{device\}, \{ip\}, \{shop\}/);

    const same = await put('telegram_bot_help', 'What I can do:\n{commands}');
    assert.equal(same.statusCode, 200, same.body);
    const sara = person(9103);
    assert.equal((await deliver(suite.t, textUpdate(sara, '/help'))).status, 200);
    assert.match(sentTo(suite.fake, sara).at(-1)?.text ?? '', /^What I can do:\n\/start/);
  });
});
