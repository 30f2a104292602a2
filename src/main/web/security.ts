/**
 * Web mode's gatekeeping, as pure checks: the request must come from loopback, name this server in
 * its Host header (no DNS rebinding), carry no foreign Origin, and present the run's token.
 */
import crypto from 'node:crypto';
import { HEADER_CONTENT_SECURITY_POLICY } from '../electron/content-security-policy';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Constant-time comparison of a presented `Authorization: Bearer` header with the token. */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The CSP of every page web mode serves: the desktop app's own header policy (nothing but our own
 * scripts, no network beyond this server, no framing).
 */
export const CONTENT_SECURITY_POLICY = HEADER_CONTENT_SECURITY_POLICY;
