import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key every per-address limit counts a client under. An IPv4 address is itself, and so is an
 * IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what a dual-stack socket reports for an IPv4 client): one
 * client must not get two budgets by switching notation. An IPv6 address counts as its `/ipv6PrefixBits`
 * network, because one subscriber is handed a whole /64 (or more) and can use a fresh address for every
 * request. Anything else (no address at all) is its own key. Log lines keep the full address.
 */
export function addressLimitKey(address: string, ipv6PrefixBits: number): string {
  // A zone index (`fe80::1%eth0`) names the interface, not the client.
  const bare = address.split('%')[0] ?? address;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const words = ipv6Words(bare);
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) {
    const [high, low] = [words[6]!, words[7]!];
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  const masked = words.map((word, i) => {
    const keep = Math.min(16, Math.max(0, ipv6PrefixBits - i * 16));
    return keep === 0 ? 0 : word & ~((1 << (16 - keep)) - 1) & 0xffff;
  });
  return `${masked.map((word) => word.toString(16)).join(':')}/${ipv6PrefixBits}`;
}

/** The eight 16-bit words of an address `isIPv6` accepted (so `::` appears at most once). */
function ipv6Words(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!isIPv4(group)) return [Number.parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [left = '', right] = address.split('::');
  const head = parse(left);
  if (right === undefined) return head;
  const tail = parse(right);
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
