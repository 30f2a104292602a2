/**
 * The app's own page, served from the built renderer folder at app://marginalia/ instead of
 * file:// (Electron's security checklist, item 18): a file: page may read any file: URL, and
 * every file: page shares one origin. This module is the pure half, with no 'electron' import:
 * which file a URL names (or none), and a handler from a fetch `Request` to a `Response`;
 * app-protocol.ts registers it with Electron.
 *
 * Anything that is not a plain file inside the folder answers 404: another host, `..` in any
 * spelling (`%2e%2e`, `%2f`, backslashes, Windows' trailing dots), absolute paths, NUL bytes, and
 * symbolic links that lead out of the folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
/** The page's origin, with the trailing slash: app://marginalia/ */
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;
/** What the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN_URL}index.html`;

/** True for a URL on the app's own origin (app://marginalia/…), parsed, never prefix-matched. */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * One path segment as a file or folder name: not empty, not `.` or `..`, no separator of any
 * platform, no drive colon, no control characters, and no trailing dot or space (Windows drops
 * those, so `.. ` and `...` would mean something else there than they seem to here).
 */
function isPlainName(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !/[/\\:]/.test(segment) &&
    ![...segment].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f) &&
    !/[. ]$/.test(segment)
  );
}

/**
 * The file inside `root` that an app:// URL names, or null when the URL is not the app's, is
 * malformed, or points anywhere but at a name inside `root`. `/` means `/index.html`; a query or a
 * fragment is ignored. Pure: looks at strings only (symbolic links are checked when the file is
 * opened). `pathApi` is the platform's path module, swappable to test Windows' rules anywhere.
 */
export function resolveAppPath(
  url: string,
  root: string,
  pathApi: path.PlatformPath = path,
): string | null {
  if (!isAppOriginUrl(url)) return null;
  const { pathname } = new URL(url);
  const raw = pathname === '/' || pathname === '' ? ['index.html'] : pathname.split('/').slice(1);
  const names: string[] = [];
  for (const encoded of raw) {
    let name: string;
    try {
      name = decodeURIComponent(encoded);
    } catch {
      return null; // a malformed escape such as %E0%A4
    }
    if (!isPlainName(name)) return null;
    names.push(name);
  }
  const base = pathApi.resolve(root);
  const resolved = pathApi.resolve(base, ...names);
  const relative = pathApi.relative(base, resolved);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return resolved;
}

/** Content types of what the renderer build holds; anything else is served as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file system calls the handler makes, replaceable in tests. */
export interface AppFileSystem {
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<{ isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

const nodeFileSystem: AppFileSystem = {
  realpath: (file) => fs.realpath(file),
  stat: (file) => fs.stat(file),
  readFile: (file) => fs.readFile(file),
};

export interface AppFileHandlerOptions {
  /** The built renderer folder (out/renderer, inside app.asar when packaged). */
  readonly root: string;
  /** Sent as `Content-Security-Policy` with every answer, the page's and the 404s. */
  readonly contentSecurityPolicy: string;
  /** Defaults to node:fs (which Electron extends to read inside app.asar). */
  readonly fileSystem?: AppFileSystem;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * A `protocol.handle` handler for app://: GET and HEAD of files inside `root`, with their content
 * type, `nosniff` and the CSP; 404 for everything else (405 for other methods). Never throws.
 */
export function createAppFileHandler(
  options: AppFileHandlerOptions,
): (request: Request) => Promise<Response> {
  const files = options.fileSystem ?? nodeFileSystem;
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  const answer = (status: number, text: string, extra: Record<string, string> = {}) =>
    new Response(text, {
      status,
      headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    });
  // The root's real path, once: a root that is itself a link (a dev checkout) stays usable.
  let realRoot: Promise<string> | null = null;

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const file = resolveAppPath(request.url, options.root);
    if (file === null) return answer(404, 'Not found');
    try {
      realRoot ??= files.realpath(options.root);
      const [rootPath, filePath] = await Promise.all([realRoot, files.realpath(file)]);
      // A link inside the folder may lead anywhere: follow it, then check where it landed.
      if (!isInside(rootPath, filePath)) return answer(404, 'Not found');
      if (!(await files.stat(filePath)).isFile()) return answer(404, 'Not found');
      // A file read never lands in shared memory: the bytes are a plain ArrayBuffer's.
      const body =
        request.method === 'HEAD'
          ? null
          : ((await files.readFile(filePath)) as Uint8Array<ArrayBuffer>);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': contentTypeFor(filePath) },
      });
    } catch {
      realRoot = null; // a missing root (not built yet) is retried on the next request
      return answer(404, 'Not found');
    }
  };
}
