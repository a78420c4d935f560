import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/errors/app-error.ts';
import { createTemplateCache } from '../../src/templates/cache.ts';
import { acceptedLanguages } from '../../src/templates/locale.ts';
import { placeholdersOf } from '../../src/templates/placeholders.ts';
import { createTemplateRenderer } from '../../src/templates/renderer.ts';
import { createTemplateRepository } from '../../src/templates/repository.ts';
import type { TemplateRenderer } from '../../src/templates/types.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { filled, LOGIN_EN, LOGIN_FA } from './helpers.ts';

/** The AppError `render` rejects with, for assertions on its code and details. */
async function refusal(render: Promise<unknown>): Promise<AppError> {
  const error = await render.then(
    () => assert.fail('render resolved'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  return error;
}

forEachDatabase('rendering the seeded templates', (backend) => {
  let t: TestApp;
  let templates: TemplateRenderer;
  before(async () => {
    t = await startTestApp(backend);
    const repository = createTemplateRepository(t.database.db);
    templates = createTemplateRenderer(createTemplateCache({ load: repository.all, now: t.clock.now }));
  });
  after(() => t?.close());

  it('renders the Persian and the English sign-in code message', async () => {
    const params = { code: '482913', minutes: '5' };
    const fa = await templates.render('otp_login', 'fa', params);
    const en = await templates.render('otp_login', 'en', params);
    assert.deepEqual([fa.locale, fa.text], ['fa', filled(LOGIN_FA, '482913')]);
    assert.deepEqual([en.locale, en.text], ['en', filled(LOGIN_EN, '482913')]);
    assert.deepEqual(en.approvedBy, {}, 'no provider has approved a seeded template');
  });

  it('renders the back-in-stock alert with its product and link', async () => {
    const params = { product: 'کفش کوه', url: 'https://shop.example/p/12' };
    const fa = await templates.render('back_in_stock', 'fa', params);
    const en = await templates.render('back_in_stock', 'en', { ...params, product: 'Hiking boots' });
    assert.equal(fa.text, '«کفش کوه» دوباره موجود شد.\nخرید: https://shop.example/p/12');
    assert.equal(en.text, 'Hiking boots is back in stock.\nBuy it here: https://shop.example/p/12');
    assert.deepEqual([fa.template, fa.locale, fa.params], ['back_in_stock', 'fa', params]);
  });

  it('refuses a render with placeholders left without a value, naming each of them', async () => {
    const none = await refusal(templates.render('back_in_stock', 'en', {}));
    assert.equal(none.code, 'TEMPLATE_PARAMS_MISSING');
    assert.equal(none.status, 400);
    assert.deepEqual(none.details.missing, ['product', 'url']);
    const empty = await refusal(templates.render('otp_login', 'fa', { code: '123456', minutes: ' ' }));
    assert.deepEqual([empty.code, empty.details.missing], ['TEMPLATE_PARAMS_MISSING', ['minutes']]);
  });

  it('falls back to Persian for a locale the key has no template in, and takes the first preference it has', async () => {
    const params = { code: '000111', minutes: '2' };
    assert.equal((await templates.render('otp_login', 'de', params)).locale, 'fa');
    assert.equal((await templates.render('otp_login', undefined, params)).locale, 'fa');
    assert.equal((await templates.render('otp_login', ['de', 'en', 'fa'], params)).locale, 'en');
    assert.equal((await templates.render('otp_login', [], params)).locale, 'fa');
  });

  it('answers TEMPLATE_NOT_FOUND for a key with no template in any locale', async () => {
    const error = await refusal(templates.render('order_shipped', 'fa', {}));
    assert.deepEqual([error.code, error.status], ['TEMPLATE_NOT_FOUND', 404]);
  });

  it('puts values in as they are, never expanding a placeholder inside a value', async () => {
    const rendered = await templates.render('back_in_stock', 'en', { product: '{url}', url: 'https://x.example' });
    assert.equal(rendered.text, '{url} is back in stock.\nBuy it here: https://x.example');
  });
});

describe('placeholders and Accept-Language', () => {
  it('lists placeholders once each, in order, and refuses braces that are not a placeholder', () => {
    assert.deepEqual(placeholdersOf('{code} and {minutes}, again {code}'), { ok: true, names: ['code', 'minutes'] });
    for (const body of ['{Code}', '{code', 'code}', '{}', '{ code }', '{2x}']) {
      assert.equal(placeholdersOf(body).ok, false, body);
    }
  });

  it('orders languages by q-value, reduces regions to the language, and drops q=0, * and junk', () => {
    assert.deepEqual(acceptedLanguages('fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7'), ['fa', 'en']);
    assert.deepEqual(acceptedLanguages('de;q=0.5, en;q=0.9, fr'), ['fr', 'en', 'de']);
    assert.deepEqual(acceptedLanguages('en;q=0, fa;q=0.1, *;q=0.5'), ['fa']);
    assert.deepEqual(acceptedLanguages('EN-gb;Q=1.0, x-klingon, ;;, fa;q=2'), ['en']);
    assert.deepEqual(acceptedLanguages(undefined), []);
  });
});
