import assert from 'node:assert/strict';
import { it } from 'node:test';
import { storableProfile } from '../../src/telegram/profile-text.ts';

const profile = {
  telegramId: '42',
  username: 'sara_a',
  firstName: 'Sara',
  lastName: null,
  photoUrl: 'https://t.me/i/userpic/320/sara.jpg',
  languageCode: 'fa',
};

it('keeps a plain profile as it is, Persian with its joiners included', () => {
  assert.deepEqual(storableProfile(profile), profile);
  const persian = { ...profile, firstName: 'سارا\u200cجان', lastName: 'احمدی' };
  assert.deepEqual(storableProfile(persian), persian);
});

it('drops characters that reorder text or are not text, cuts long names, and leaves out an oversized photo', () => {
  const stored = storableProfile({
    ...profile,
    firstName: 'admin\u202Egnp.exe',
    lastName: 'x\ud800y',
    username: 'u'.repeat(500),
    photoUrl: `https://t.me/${'p'.repeat(600)}`,
  });
  assert.equal(stored.firstName, 'admingnp.exe');
  assert.equal(stored.lastName, 'xy');
  assert.equal(stored.username!.length, 64);
  assert.equal(stored.photoUrl, null);
  assert.equal(storableProfile({ ...profile, firstName: '\u202E\u2066' }).firstName, null, 'nothing left is no name');
});
