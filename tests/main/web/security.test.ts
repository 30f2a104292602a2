import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  allowedHosts,
  hasToken,
  isAllowedOrigin,
  isLoopbackAddress,
  newToken,
} from '../../../src/main/web/security';

describe('newToken', () => {
  it('is 32 random bytes as base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });
});

describe('allowedHosts', () => {
  it('names this server on loopback, with its port, and nothing else', () => {
    const hosts = allowedHosts(4321);
    expect([...hosts].sort()).toEqual(['127.0.0.1:4321', 'localhost:4321']);
    for (const host of [
      '127.0.0.1',
      'localhost',
      '127.0.0.1:80',
      'evil.example:4321',
      '0.0.0.0:4321',
      '',
    ]) {
      expect(hosts.has(host)).toBe(false);
    }
  });
});

describe('isLoopbackAddress', () => {
  it('accepts IPv4 loopback, IPv6 loopback and IPv4-mapped loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });
  it('R28 refuses everything else', () => {
    for (const address of [
      undefined,
      '',
      '0.0.0.0',
      '10.0.0.1',
      '192.168.1.20',
      '128.0.0.1',
      '1127.0.0.1',
      '127.0.0.1.evil.example',
      '::ffff:10.0.0.1',
      '::',
      'fe80::1',
      'localhost',
    ]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });
});

describe('isAllowedOrigin', () => {
  const port = 5173;
  it('accepts no Origin (same-origin GETs and non-browser clients) and this server as origin', () => {
    expect(isAllowedOrigin(undefined, port)).toBe(true);
    expect(isAllowedOrigin(`http://127.0.0.1:${port}`, port)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${port}`, port)).toBe(true);
  });
  it('R28 refuses foreign, opaque and look-alike origins', () => {
    for (const origin of [
      '',
      'null',
      'http://evil.example',
      `http://evil.example:${port}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `http://127.0.0.1`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1:${port}/`,
      `http://localhost.evil.example:${port}`,
      'file://',
    ]) {
      expect(isAllowedOrigin(origin, port), origin).toBe(false);
    }
  });
  it('accepts exactly two origins among arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 65535 }), (origin, p) => {
        const expected = origin === `http://127.0.0.1:${p}` || origin === `http://localhost:${p}`;
        expect(isAllowedOrigin(origin, p)).toBe(expected);
      }),
    );
  });
});

describe('hasToken', () => {
  const token = newToken();
  it('accepts exactly "Bearer <token>"', () => {
    expect(hasToken(`Bearer ${token}`, token)).toBe(true);
  });
  it('R28 refuses a missing, malformed or wrong token', () => {
    for (const header of [
      undefined,
      '',
      token,
      'Bearer',
      'Bearer ',
      `bearer ${token}`,
      `Basic ${token}`,
      `Bearer  ${token}`,
      `Bearer ${token} `,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `Bearer ${token}\nX`,
      `Bearer ${token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()}`,
    ]) {
      expect(hasToken(header, token), JSON.stringify(header)).toBe(false);
    }
  });
  it('R28 never accepts any other presented string, of any length or alphabet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (presented) => {
        fc.pre(presented !== token);
        expect(hasToken(`Bearer ${presented}`, token)).toBe(false);
      }),
    );
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  it('denies by default and allows only our own scripts, without eval or inline script', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
  it('R11 reaches no network beyond this server', () => {
    for (const name of ['connect-src', 'img-src', 'font-src', 'style-src']) {
      for (const value of directives.get(name) ?? []) {
        expect(["'self'", 'data:', "'unsafe-inline'"], `${name} ${value}`).toContain(value);
      }
    }
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).not.toContain('http:');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:/);
  });
});
