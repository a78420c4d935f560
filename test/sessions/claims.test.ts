import assert from 'node:assert/strict';
import { it } from 'node:test';
import { accessClaims } from '../../src/sessions/tokens.ts';

const subject = {
  userId: 'u1',
  phoneNumber: '+989123456789',
  sessionId: 's1',
  authTime: 1_700_000_000_500,
  amr: 'sms' as const,
};

it('an access token names the number as verified, and the external id only when the user has one', () => {
  assert.deepEqual(accessClaims({ ...subject, externalId: 'shop-42' }), {
    sid: 's1',
    auth_time: 1_700_000_000,
    amr: ['sms'],
    phone_number: '+989123456789',
    phone_number_verified: true,
    external_id: 'shop-42',
  });
  for (const externalId of [null, undefined, '']) {
    assert.equal('external_id' in accessClaims({ ...subject, externalId }), false, String(externalId));
  }
});

it('a token of a user without a number says how they signed in and claims no number', () => {
  const claims = accessClaims({ ...subject, phoneNumber: null, amr: 'telegram' });
  assert.deepEqual(claims.amr, ['telegram']);
  assert.equal('phone_number' in claims, false);
  assert.equal('phone_number_verified' in claims, false);
});
