import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase } from '../helpers/app.ts';
import { withApp } from '../helpers/otp-flow.ts';
import { freshPhone, refresh, signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from './helpers.ts';

forEachDatabase('the external_id claim', (backend) => {
  it("access tokens carry the user's external_id from sign-in and from every refresh; none without one", async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const phone = freshPhone();
      assert.equal((await admin.create({ phone_number: phone, external_id: 'shop-7' })).status, 201);
      const user = await signIn(t, phone);
      assert.equal(decodeJwt(user.accessToken).external_id, 'shop-7');
      const renewed = await refresh(t, user.refreshToken);
      assert.equal(renewed.status, 200);
      assert.equal(decodeJwt(renewed.body.access_token).external_id, 'shop-7');

      const plain = await signIn(t);
      assert.equal('external_id' in decodeJwt(plain.accessToken), false);
      const plainRenewed = await refresh(t, plain.refreshToken);
      assert.equal('external_id' in decodeJwt(plainRenewed.body.access_token), false);
    });
  });
});
