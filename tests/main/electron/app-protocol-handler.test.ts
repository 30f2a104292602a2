/**
 * The app:// handler over a real folder: fetch `Request` in, `Response` out, exactly what
 * Electron's `protocol.handle` passes and expects (Node has the same classes). Only the
 * registration with Electron (app-protocol.ts, tested with a fake in app-protocol-register) needs
 * the binary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFileHandler } from '../../../src/main/electron/app-files';
import { HEADER_CONTENT_SECURITY_POLICY } from '../../../src/main/electron/content-security-policy';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-Ab1.js'), 'console.log(1);');
  fs.writeFileSync(path.join(root, 'assets', 'index-Ab1.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), Buffer.from([0, 1, 2, 255]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  fs.mkdirSync(path.join(base, 'renderer-other'));
  fs.writeFileSync(path.join(base, 'renderer-other', 'x.js'), 'sibling folder');
  // Links: one out of the folder (refused), one inside it (served).
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  fs.symlinkSync(base, path.join(root, 'up'));
  fs.symlinkSync(path.join(root, 'assets', 'index-Ab1.js'), path.join(root, 'alias.js'));
  serve = createAppFileHandler({ root, contentSecurityPolicy: HEADER_CONTENT_SECURITY_POLICY });
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function expectNotFound(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe('Not found');
  // Refusals carry the same security headers as the page.
  expect(response.headers.get('content-security-policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the app:// handler', () => {
  it('serves index.html with its type, nosniff and the CSP as a header', async () => {
    const response = await get('app://marginalia/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Marginalia</title>');
  });

  it('serves each asset with its content type and exact bytes', async () => {
    const script = await get('app://marginalia/assets/index-Ab1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    const style = await get('app://marginalia/assets/index-Ab1.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const bytes = await get('app://marginalia/assets/blob.bin');
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('answers HEAD without a body, and other methods with 405', async () => {
    const head = await get('app://marginalia/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://marginalia/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('R10 answers 404 for traversal, foreign hosts, folders and missing files', async () => {
    for (const url of [
      'app://marginalia/..%2fsecret.txt',
      'app://marginalia/..%2f..%2f..%2fetc%2fpasswd',
      'app://marginalia/..%5csecret.txt',
      'app://marginalia/%2e%2e%2fsecret.txt',
      'app://marginalia/..%2frenderer-other%2fx.js', // a sibling whose name shares the prefix
      'app://evil/index.html',
      'app://marginalia.evil/index.html',
      'app://marginalia/assets',
      'app://marginalia/assets/',
      'app://marginalia/missing.js',
      `app://marginalia/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ]) {
      await expectNotFound(await get(url));
    }
  });

  it('R10 answers 404 for a link that leads out of the folder, and serves one inside it', async () => {
    await expectNotFound(await get('app://marginalia/assets/leak.txt'));
    await expectNotFound(await get('app://marginalia/up/secret.txt'));
    const alias = await get('app://marginalia/alias.js');
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('console.log(1);');
  });

  it('answers 404 while the folder is missing, and serves it once it exists', async () => {
    const later = path.join(base, 'later');
    const handler = createAppFileHandler({
      root: later,
      contentSecurityPolicy: "default-src 'none'",
    });
    const before = await handler(new Request('app://marginalia/index.html'));
    expect(before.status).toBe(404);
    fs.mkdirSync(later);
    fs.writeFileSync(path.join(later, 'index.html'), 'built');
    const after = await handler(new Request('app://marginalia/index.html'));
    expect(after.status).toBe(200);
    expect(await after.text()).toBe('built');
  });

  it('never throws: a failing file system becomes a 404', async () => {
    const handler = createAppFileHandler({
      root,
      contentSecurityPolicy: HEADER_CONTENT_SECURITY_POLICY,
      fileSystem: {
        realpath: async (file) => file,
        stat: async () => ({ isFile: () => true }),
        readFile: async () => {
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        },
      },
    });
    await expectNotFound(await handler(new Request('app://marginalia/index.html')));
  });
});
