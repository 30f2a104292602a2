/**
 * app:// registered with Electron (app-protocol.ts), against a fake `protocol`: a privileged
 * standard, secure scheme that does not bypass the page's CSP, and a handler that serves the
 * renderer folder with the CSP header. What needs the binary: Chromium applying the privileges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Promise<Response>;
const fake = vi.hoisted(() => ({
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, Handler>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: typeof fake.schemes) => fake.schemes.push(...schemes),
    handle: (scheme: string, handler: Handler) => fake.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveAppFiles } =
  await import('../../../src/main/electron/app-protocol');
const { HEADER_CONTENT_SECURITY_POLICY } =
  await import('../../../src/main/electron/content-security-policy');

describe('registering app://', () => {
  it('registers one standard, secure scheme that keeps the CSP and has no service workers', () => {
    registerAppScheme();
    expect(fake.schemes).toHaveLength(1);
    const [{ scheme, privileges }] = fake.schemes as [(typeof fake.schemes)[number]];
    expect(scheme).toBe('app');
    expect(privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(privileges.bypassCSP).toBe(false);
    expect(privileges.allowServiceWorkers).toBe(false);
  });

  it('R10 serves the renderer folder with the CSP header, and 404 outside it', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-app-scheme-'));
    try {
      const folder = path.join(base, 'renderer');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'index.html'), '<!doctype html>');
      fs.writeFileSync(path.join(base, 'main.js'), 'the main process bundle');
      serveAppFiles(folder);
      const handler = fake.handlers.get('app')!;
      const page = await handler(new Request('app://marginalia/index.html'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
      const outside = await handler(new Request('app://marginalia/..%2fmain.js'));
      expect(outside.status).toBe(404);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
