import { isIPv4, isIPv6 } from 'node:net';

/** What every address that is not one (garbage, `010.1.2.3`, `0x0a010203`) counts under: one budget, not one each. */
export const INVALID_ADDRESS_KEY = 'invalid';

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_WITH_PORT = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * The address in what a socket or a proxy reports, or null when there is none. Some proxies append the
 * client's port to X-Forwarded-For (`10.0.0.1:40001`, `[2001:db8::1]:443`, or brackets alone): the port
 * changes with every connection, so an address kept with it would get a fresh budget per connection.
 */
export function clientAddress(reported: string): string | null {
  const text = reported.trim();
  // Brackets hold only IPv6; `[1.2.3.4]` is not an address anyone reports.
  const bracketed = BRACKETED_WITH_PORT.exec(text)?.[1];
  if (bracketed !== undefined) return isIPv6(bracketed) ? bracketed : null;
  const bare = IPV4_WITH_PORT.exec(text)?.[1] ?? text;
  return isIPv4(bare) || isIPv6(bare) ? bare : null;
}

/**
 * The key every per-address limit counts a client under, from the address as reported (see `clientAddress`).
 * An IPv4 address is itself, and so is an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what a dual-stack
 * socket reports for an IPv4 client): one client must not get two budgets by switching notation. An IPv6
 * address counts as its `/ipv6PrefixBits` network, because one subscriber is handed a whole /64 (or more)
 * and can use a fresh address for every request. Whatever is not an address counts under one shared key
 * (fails closed: a proxy that sends garbage cannot hand each client a budget). Log lines keep the full address.
 */
export function addressLimitKey(address: string, ipv6PrefixBits: number): string {
  const client = clientAddress(address);
  if (client === null) return INVALID_ADDRESS_KEY;
  if (isIPv4(client)) return client;
  // A zone index (`fe80::1%eth0`) names the interface, not the client.
  const words = ipv6Words(client.split('%')[0]!);
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
