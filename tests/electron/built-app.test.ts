/**
 * The built desktop app (out/, built by this project's global setup), checked without Electron:
 * - the preload bundle, run in a VM the way a sandboxed preload runs (a `require` that knows only
 *   'electron' and the few modules Electron's sandbox provides), exposes only functions;
 * - the renderer's index.html keeps the strict CSP, has no inline script or event handler, and
 *   references no other origin;
 * - every file the page loads is served by the app:// handler with its content type.
 * What needs the binary: Electron itself loading them (tests/electron/smoke.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppFileHandler } from '../../src/main/electron/app-files';
import {
  HEADER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../src/main/electron/content-security-policy';
import { OPERATION_NAMES } from '../../src/shared/contract/operation-names';
import { ROOT } from '../support/web-mode';

const OUT = path.join(ROOT, 'out');
/** What `require` answers in a sandboxed preload (Electron's "Preload scripts" sandbox notes). */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

describe('the built preload', () => {
  it('requires only what a sandboxed preload can, and exposes only functions', () => {
    const code = fs.readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke: async () => null, send: () => {}, on: () => {} },
      webUtils: { getPathForFile: () => '' },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (!SANDBOX_MODULES.has(name)) throw new Error(`a sandboxed preload cannot require ${name}`);
      return name === 'electron' ? electron : {};
    };
    const module = { exports: {} };
    vm.runInNewContext(
      code,
      { require: sandboxRequire, module, exports: module.exports, console, setTimeout },
      { filename: 'index.cjs' },
    );
    expect(required.every((name) => SANDBOX_MODULES.has(name))).toBe(true);
    expect([...exposed.keys()]).toEqual(['marginalia']);
    const bridge = exposed.get('marginalia') as Record<string, unknown>;
    for (const name of OPERATION_NAMES) expect(typeof bridge[name], name).toBe('function');
    const values = Object.values(bridge).flatMap((value) =>
      typeof value === 'object' && value !== null ? Object.values(value) : [value],
    );
    for (const value of values) expect(typeof value).toBe('function');
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
  });
});

describe('the built renderer', () => {
  const folder = path.join(OUT, 'renderer');
  const html = () => fs.readFileSync(path.join(folder, 'index.html'), 'utf8');

  it('keeps the strict CSP and has no inline script, handler or foreign reference', () => {
    const page = html();
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1];
    expect(meta?.replace(/\s+/g, ' ').trim()).toBe(META_CONTENT_SECURITY_POLICY);
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });

  it('R10 every file index.html references is served over app:// with its type', async () => {
    const serve = createAppFileHandler({
      root: folder,
      contentSecurityPolicy: HEADER_CONTENT_SECURITY_POLICY,
    });
    const references = [...html().matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      const url = new URL(reference, 'app://marginalia/index.html').href;
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(200);
      const type = response.headers.get('content-type');
      if (reference.endsWith('.js')) expect(type, url).toBe('text/javascript; charset=utf-8');
      if (reference.endsWith('.css')) expect(type, url).toBe('text/css; charset=utf-8');
    }
    const index = await serve(new Request('app://marginalia/index.html'));
    expect(index.headers.get('content-security-policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
  });
});
