import { isIP } from 'node:net';
import { invalid } from './explain.ts';

/** What Fastify's `trustProxy` option takes: a flag, a hop count, or a list of addresses and CIDR ranges. */
export type TrustProxy = boolean | number | readonly string[];

/**
 * `true` trusts every hop, so any client can name its own address in X-Forwarded-For and get a fresh budget
 * from every per-address limit with each request; production must say which proxies to believe.
 */
export function parseTrustProxy(value: string, isProduction: boolean): TrustProxy {
  const lowered = value.toLowerCase();
  if (lowered === 'false') return false;
  if (lowered === 'true' && isProduction) {
    throw invalid('TRUST_PROXY', value, {
      expected: "the number of proxy hops (e.g. 1) or the proxies' addresses/CIDRs",
      note: 'true lets any client choose its own address, and is refused in production',
    });
  }
  if (lowered === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !bitsOk) {
      throw invalid('TRUST_PROXY', value, {
        expected: 'true, false, a hop count, or addresses and CIDR ranges separated by commas',
        note: entry === value ? undefined : `${JSON.stringify(entry)} is none of these`,
      });
    }
  }
  return entries;
}
