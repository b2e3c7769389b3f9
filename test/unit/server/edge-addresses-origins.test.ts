/** Who an address-based limit charges, and which origins may open a socket (issue 9, findings 2 and 6). */
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../../server/limits/client-address';
import { originAllowed, parseAllowedOrigins } from '../../../server/limits/origins';

describe('client address', () => {
  it('without a trusted proxy, X-Forwarded-For is ignored (a bot cannot pick its address)', () => {
    expect(clientAddress('192.0.2.5', { 'x-forwarded-for': '10.9.9.9' }, 0)).toBe('192.0.2.5');
  });

  it('behind one trusted proxy, the client is the last entry the proxy appended', () => {
    expect(clientAddress('10.0.0.1', { 'x-forwarded-for': 'forged, 198.51.100.7' }, 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', { 'x-forwarded-for': '198.51.100.7, 10.0.0.2' }, 2)).toBe('198.51.100.7');
  });

  it('IPv4-mapped addresses are IPv4, and an IPv6 host is charged per /64', () => {
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('origin allowlist', () => {
  const host = { host: '192.168.1.20:3000' };
  it('same origin (the Host the page came from) is allowed, whatever the scheme a TLS proxy adds', () => {
    expect(originAllowed({ ...host, origin: 'http://192.168.1.20:3000' }, 0, [])).toBe(true);
    expect(originAllowed({ ...host, origin: 'https://192.168.1.20:3000' }, 0, [])).toBe(true);
  });

  it('other sites, other ports, "null" and garbage are refused', () => {
    for (const origin of ['http://evil.example', 'http://192.168.1.20:3001', 'null', 'not a url']) {
      expect(originAllowed({ ...host, origin }, 0, [])).toBe(false);
    }
  });

  it('no Origin header (a bot, a Node client) is allowed', () => {
    expect(originAllowed(host, 0, [])).toBe(true);
  });

  it('ALLOWED_ORIGINS entries are compared as origins; X-Forwarded-Host counts only behind a trusted proxy', () => {
    const allowed = parseAllowedOrigins(' https://Class.Example.org/ ,http://localhost:3000');
    expect(allowed).toEqual(['https://class.example.org', 'http://localhost:3000']);
    expect(originAllowed({ ...host, origin: 'https://class.example.org' }, 0, allowed)).toBe(true);
    const proxied = { host: 'internal:3000', 'x-forwarded-host': 'class.example.net', origin: 'https://class.example.net' };
    expect(originAllowed(proxied, 1, [])).toBe(true);
    expect(originAllowed(proxied, 0, [])).toBe(false);
    expect(() => parseAllowedOrigins('class.example.org')).toThrow(/ALLOWED_ORIGINS/);
  });
});
