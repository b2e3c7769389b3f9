/**
 * Which client an address-based limit charges. The socket's remote address, unless the
 * operator says a reverse proxy sits in front (TRUST_PROXY=N: N proxies append to
 * X-Forwarded-For; the client is the entry N places from the right). Trusting the header
 * without a proxy would let any bot pick a fresh address per request.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(remoteAddress: string | undefined, headers: IncomingHttpHeaders, trustProxy: number): string {
  let address = remoteAddress ?? 'unknown';
  if (trustProxy > 0) {
    const forwarded = String(headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const hop = forwarded[forwarded.length - trustProxy];
    if (hop) address = hop;
  }
  return addressKey(address);
}

/** IPv4-mapped IPv6 is the IPv4 address; an IPv6 host owns a whole /64, so that is one client. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

function expandIpv6(address: string): string[] | null {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined) return left.length === 8 ? left : null;
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}
