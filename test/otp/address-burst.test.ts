import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import { mobile, requestCode, tally, withApp } from '../helpers/otp-flow.ts';

const IP_HOURLY_DEFAULT = 30;

forEachDatabase('a burst from one address, with the default limits', (backend) => {
  // Many users behind one carrier NAT: the failed-send budget is taken up front, so it must not refuse what
  // the address's hourly limit still allows.
  it(`gets the whole of OTP_IP_HOURLY_LIMIT (${IP_HOURLY_DEFAULT}) when 50 ask at once, and no more`, async () => {
    await withApp(backend, {}, async (t) => {
      assert.equal(t.config.otp.ipHourlyLimit, IP_HOURLY_DEFAULT);
      const from = { ip: '198.51.100.40' };
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => requestCode(t, mobile(8200 + i), from)));
      assert.deepEqual(tally(answers), { '200': IP_HOURLY_DEFAULT, '429 RATE_LIMITED': 50 - IP_HOURLY_DEFAULT });
      assert.equal(t.sink.requests.length, IP_HOURLY_DEFAULT);
    });
  });
});
