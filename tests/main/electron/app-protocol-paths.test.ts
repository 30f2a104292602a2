/**
 * Which file an app:// URL names: the pure half of the app's custom protocol (app-files.ts). The
 * URLs here are what Chromium hands the handler; Electron itself is not needed to decide them.
 * Whatever the URL, the answer is a file inside the renderer folder or null (404).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN_URL,
  contentTypeFor,
  isAppOriginUrl,
  resolveAppPath,
} from '../../../src/main/electron/app-files';

const ROOT = '/opt/marginalia/out/renderer';
const WIN_ROOT = 'C:\\Program Files\\Marginalia\\resources\\app.asar\\out\\renderer';

function isInside(root: string, file: string, api: path.PlatformPath = path.posix): boolean {
  const relative = api.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !api.isAbsolute(relative);
}

describe('app:// URLs that name a file of the renderer build', () => {
  it('serves the page at app://marginalia/index.html, and at / too', () => {
    expect(APP_INDEX_URL).toBe('app://marginalia/index.html');
    expect(resolveAppPath(APP_INDEX_URL, ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(APP_ORIGIN_URL, ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath('app://marginalia', ROOT)).toBe(`${ROOT}/index.html`);
  });

  it('serves nested assets, ignoring the query and the fragment', () => {
    expect(resolveAppPath('app://marginalia/assets/index-Ch9m.js?v=2#top', ROOT)).toBe(
      `${ROOT}/assets/index-Ch9m.js`,
    );
  });

  it('decodes escaped names that stay plain names', () => {
    expect(resolveAppPath('app://marginalia/assets/a%20b%C3%A9.png', ROOT)).toBe(
      `${ROOT}/assets/a bé.png`,
    );
  });

  it('R10 keeps dot segments that the URL parser resolves inside the folder', () => {
    // The URL parser itself resolves `..` and `%2e%2e` segments, never above the origin's root.
    for (const url of [
      'app://marginalia/assets/../../../../etc/passwd',
      'app://marginalia/%2e%2e/%2E%2E/etc/passwd',
      'app://marginalia/.%2e/etc/passwd',
    ]) {
      const file = resolveAppPath(url, ROOT);
      expect(file, url).toBe(`${ROOT}/etc/passwd`);
    }
  });
});

describe('app:// URLs refused (404)', () => {
  it('R10 refuses path traversal in every spelling the parser leaves alone', () => {
    for (const url of [
      'app://marginalia/..%2f..%2fetc%2fpasswd', // an escaped slash makes `..` part of a name
      'app://marginalia/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://marginalia/assets/..%2F..%2F..%2Fetc/passwd',
      'app://marginalia/..%5c..%5cWindows%5cwin.ini', // escaped backslashes
      'app://marginalia/assets\\..\\..\\secret', // literal backslashes
      'app://marginalia/%2fetc/passwd', // an absolute path in one segment
      'app://marginalia//etc/passwd', // an empty segment
      'app://marginalia/C:%5cWindows%5cwin.ini', // a drive letter
      'app://marginalia/c:/Windows/win.ini',
      'app://marginalia/index.html%00.png', // NUL
      'app://marginalia/assets/%0Aindex.js', // control characters
      'app://marginalia/index.html.', // Windows drops trailing dots and spaces…
      'app://marginalia/.../secret', // …so `...` and `.. ` are refused as well
      'app://marginalia/..%20/secret',
      'app://marginalia/%E0%A4%A', // a malformed escape
    ]) {
      expect(resolveAppPath(url, ROOT), url).toBeNull();
    }
  });

  it('R10 refuses a folder (a path ending in /) and the folder itself', () => {
    expect(resolveAppPath('app://marginalia/assets/', ROOT)).toBeNull();
    expect(resolveAppPath('app://marginalia/.', ROOT)).toBe(`${ROOT}/index.html`); // parser: `/`
  });

  it('R10 refuses other hosts, ports, credentials and schemes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://marginalia.evil.example/index.html',
      'app://MARGINALIA/index.html', // Chromium lower-cases standard hosts; anything else is not it
      'app://marginalia:8080/index.html',
      'app://user:pass@marginalia/index.html',
      'file:///opt/marginalia/out/renderer/index.html',
      'http://marginalia/index.html',
      'marginalia://open/article',
      'not a url',
      '',
    ]) {
      expect(resolveAppPath(url, ROOT), url).toBeNull();
      expect(isAppOriginUrl(url), url).toBe(false);
    }
  });

  it('R10 follows Windows path rules on Windows: backslashes, drives and UNC stay out', () => {
    const win = path.win32;
    expect(resolveAppPath('app://marginalia/assets/index.js', WIN_ROOT, win)).toBe(
      `${WIN_ROOT}\\assets\\index.js`,
    );
    for (const url of [
      'app://marginalia/..%5C..%5C..%5CWindows%5Cwin.ini',
      'app://marginalia/C:%5CWindows%5Cwin.ini',
      'app://marginalia/%5C%5Cserver%5Cshare%5Cx',
      'app://marginalia/D:/x',
      'app://marginalia/index.html.',
      'app://marginalia/index.html%20',
      'app://marginalia/..%20/x',
    ]) {
      expect(resolveAppPath(url, WIN_ROOT, win), url).toBeNull();
    }
  });

  it('R10 never names a file outside the folder, whatever the URL (property test)', () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '/',
      '\\',
      '%2e',
      '%2E',
      '%2f',
      '%2F',
      '%5c',
      '%5C',
      '%00',
      '%',
      'C:',
      ':',
      ' ',
      'a',
      'index.html',
      'assets',
      '~',
      'é',
    );
    const tail = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 });
    for (const [api, root] of [
      [path.posix, ROOT],
      [path.win32, WIN_ROOT],
    ] as const) {
      fc.assert(
        fc.property(tail, (parts) => {
          const url = APP_ORIGIN_URL + parts.join('');
          const file = resolveAppPath(url, root, api);
          return file === null || isInside(root, file, api);
        }),
        { numRuns: 2000 },
      );
    }
  });
});

describe('content types', () => {
  it('names the type of each kind of file the build holds, opaque bytes otherwise', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-Ab.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-Ab.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/README')).toBe('application/octet-stream');
  });
});
