import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATABASES } from '../helpers/backends.ts';
import type { ProviderFakes } from '../helpers/sms-fakes.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

const PHONE = '+989121234567';

interface Case {
  readonly provider: 'melipayamak' | 'kavenegar' | 'smsir';
  readonly arrange: (fakes: ProviderFakes) => void;
  readonly code: string;
  readonly meaning: string;
}

/** One refusal or failure per provider, with the code it answers and what its documentation says it means. */
const CASES: Readonly<Record<string, Case>> = {
  'Melipayamak 0': {
    provider: 'melipayamak',
    arrange: (fakes) => fakes.melipayamak.answerNext('wrong-credentials'),
    code: '0',
    meaning: 'wrong username or password',
  },
  'Melipayamak 35': {
    provider: 'melipayamak',
    arrange: (fakes) => fakes.melipayamak.answerNext('blacklist'),
    code: '35',
    meaning: 'recipient is on the advertising blacklist',
  },
  'Kavenegar return.status 418': {
    provider: 'kavenegar',
    arrange: (fakes) => fakes.kavenegar.answerNext({ code: 418, style: 'body' }),
    code: '418',
    meaning: 'insufficient credit',
  },
  'SMS.ir status 102': {
    provider: 'smsir',
    arrange: (fakes) => fakes.smsir.answerNext({ code: 102 }),
    code: '102',
    meaning: 'insufficient credit',
  },
  'an HTTP error page': {
    provider: 'kavenegar',
    arrange: (fakes) => fakes.kavenegar.answerNext('http-502'),
    code: 'HTTP_502',
    meaning: 'HTTP status 502',
  },
};

describe("a provider failure is logged with the provider's code and what it means", () => {
  for (const [title, { provider, arrange, code, meaning }] of Object.entries(CASES)) {
    it(title, async () => {
      await withProviders(DATABASES[0]!, [provider], {}, async (t, fakes) => {
        arrange(fakes);
        const answer = await t.post('/api/v1/otp/phone/login/request', { phone_number: PHONE });
        assert.equal(answer.status, 503, JSON.stringify(answer.body));
        const lines = t.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        for (const msg of ['SMS provider failed', 'SMS send failed']) {
          const line = lines.find((entry) => entry.msg === msg);
          assert.ok(line, `no "${msg}" line in ${t.logs.text()}`);
          assert.equal(line.provider, provider);
          assert.equal(line.provider_code, code, msg);
          assert.equal(line.provider_meaning, meaning, msg);
        }
      });
    });
  }
});
