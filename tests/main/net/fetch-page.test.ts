import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/operations';
import {
  fetchPage,
  PAGE_ACCEPT,
  pageUserAgent,
  type FetchPageOptions,
} from '../../../src/main/net/fetch-page';

/** Every request the test server saw, in order. */
const requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
/** How the streamed over-the-cap body ended on the server's side. */
const bigStream = { written: 0, finished: false, closed: false };

const PAGE =
  '<!doctype html><html><head><title>A page</title></head><body><p>Hello</p></body></html>';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
/** “Café” — with curly quotes, in windows-1252 bytes (0x93 and 0x94 are the quotes). */
const CP1252_BODY = Buffer.from([
  0x3c, 0x70, 0x3e, 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x3c, 0x2f, 0x70, 0x3e,
]);
/** 日本 in Shift_JIS. */
const SJIS_BODY = Buffer.from([0x93, 0xfa, 0x96, 0x7b]);

function send(
  res: http.ServerResponse,
  status: number,
  type: string | null,
  body: string | Buffer,
) {
  res.writeHead(status, type === null ? {} : { 'Content-Type': type });
  res.end(body);
}

function redirect(res: http.ServerResponse, status: number, location: string) {
  res.writeHead(status, { Location: location });
  res.end();
}

/** Streams `total` bytes of text with no Content-Length, as fast as the client reads them. */
function streamBig(res: http.ServerResponse, total: number) {
  Object.assign(bigStream, { written: 0, finished: false, closed: false });
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  const chunk = Buffer.alloc(16 * 1024, 'a');
  res.on('close', () => (bigStream.closed = true));
  const pump = () => {
    while (bigStream.written < total && !res.destroyed) {
      bigStream.written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) {
      bigStream.finished = true;
      res.end();
    }
  };
  pump();
}

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      return left === 0
        ? send(res, 200, 'text/html', PAGE)
        : redirect(res, 302, `/hops/${left - 1}`);
    }
    switch (url.pathname) {
      case '/news/story.php':
        return send(res, 200, 'text/html; charset=utf-8', PAGE);
      case '/chain/start': // absolute Location
        return redirect(res, 301, `${base}/chain/two/x`);
      case '/chain/two/x': // relative to the folder
        return redirect(res, 302, '../three');
      case '/chain/three': // relative to the root, with a query and a fragment
        return redirect(res, 307, '/news/story.php?from=chain#top');
      case '/loop-a':
        return redirect(res, 302, '/loop-b');
      case '/loop-b':
        return redirect(res, 302, '/loop-a');
      case '/no-location':
        res.writeHead(302);
        return res.end();
      case '/to-ftp':
        return redirect(res, 302, 'ftp://127.0.0.1/article.txt');
      case '/to-file':
        return redirect(res, 301, 'file:///etc/passwd');
      case '/to-javascript':
        return redirect(res, 302, 'javascript:alert(1)');
      case '/to-credentials':
        return redirect(
          res,
          302,
          `http://user:secret@127.0.0.1:${(server.address() as AddressInfo).port}/news/story.php`,
        );
      case '/stall-headers':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.flushHeaders(); // and never a body
      case '/stall-body':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return void res.write('<html><body><p>The first half'); // and never the rest
      case '/big-stream':
        return streamBig(res, 50 * 1024 * 1024);
      case '/big-declared':
        res.writeHead(200, {
          'Content-Type': 'text/html',
          'Content-Length': String(30 * 1024 * 1024),
        });
        return void res.write('<html>');
      case '/just-under':
        return send(res, 200, 'text/plain', Buffer.alloc(4096, 'b'));
      case '/image':
        return send(res, 200, 'image/png', PNG);
      case '/report':
        return send(res, 200, 'application/pdf', Buffer.from('%PDF-1.7\n'));
      case '/octet-png':
        return send(res, 200, 'application/octet-stream', PNG);
      case '/untyped-html':
        return send(res, 200, null, `\n  ${PAGE}`);
      case '/untyped-text':
        return send(res, 200, null, 'Just words.\n\nMore words.');
      case '/text-but-png':
        return send(res, 200, 'text/plain', PNG);
      case '/xhtml':
        return send(res, 200, 'application/xhtml+xml; charset=UTF-8', PAGE);
      case '/notes.md':
        return send(res, 200, 'text/plain; charset=utf-8', '# Notes\n\nText.');
      case '/readme':
        return send(res, 200, 'text/markdown', '# Read me\n');
      case '/cp1252':
        return send(res, 200, 'text/html; charset=Windows-1252', CP1252_BODY);
      case '/sjis':
        return send(res, 200, 'text/plain;charset="Shift_JIS"', SJIS_BODY);
      case '/missing':
        return send(res, 404, 'text/html', '<h1>Not here</h1>');
      case '/broken':
        return send(res, 500, 'text/plain', 'oops');
      default:
        return send(res, 404, 'text/plain', 'unknown test route');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

/** The ServiceError `promise` rejects with (fails the test if it resolves or throws otherwise). */
async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const get = (path: string, options?: FetchPageOptions) => fetchPage(`${base}${path}`, options);

describe('fetchPage: a page that answers', () => {
  it('returns the bytes, type, charset, final address and an import name of a plain page', async () => {
    const page = await get('/news/story.php');
    expect(Buffer.from(page.bytes).toString('utf8')).toBe(PAGE);
    expect(page).toMatchObject({
      finalUrl: `${base}/news/story.php`,
      format: 'html',
      mimeType: 'text/html',
      charset: 'utf-8',
      fileName: 'story.html',
    });
  });

  it('sends a plain Marginalia user agent and the article Accept header, and no cookie or referrer', async () => {
    await get('/news/story.php');
    expect(requests).toHaveLength(1);
    const { headers } = requests[0]!;
    expect(headers['user-agent']).toMatch(/^Marginalia\/\d+\.\d+\.\d+$/);
    expect(headers['user-agent']).toBe(pageUserAgent());
    expect(headers['accept']).toBe(PAGE_ACCEPT);
    expect(headers['cookie']).toBeUndefined();
    expect(headers['referer']).toBeUndefined();
    expect(headers['authorization']).toBeUndefined();
  });

  it('reads application/xhtml+xml as HTML', async () => {
    expect(await get('/xhtml')).toMatchObject({
      format: 'html',
      charset: 'utf-8',
      fileName: 'xhtml.html',
    });
  });

  it('reads text/markdown, and text/plain at a .md address, as Markdown', async () => {
    expect(await get('/readme')).toMatchObject({ format: 'markdown', fileName: 'readme.md' });
    expect(await get('/notes.md')).toMatchObject({
      format: 'markdown',
      mimeType: 'text/plain',
      fileName: 'notes.md',
    });
  });

  it('returns a windows-1252 charset header lower-cased, with the bytes untouched', async () => {
    const page = await get('/cp1252');
    expect(page.charset).toBe('windows-1252');
    expect(Buffer.from(page.bytes).equals(CP1252_BODY)).toBe(true);
  });

  it('returns a quoted Shift_JIS charset header unquoted and lower-cased', async () => {
    const page = await get('/sjis');
    expect(page).toMatchObject({ charset: 'shift_jis', format: 'text', fileName: 'sjis.txt' });
    expect(Buffer.from(page.bytes).equals(SJIS_BODY)).toBe(true);
  });

  it('sniffs a page sent without a Content-Type: HTML markers make it HTML, else text', async () => {
    expect(await get('/untyped-html')).toMatchObject({
      format: 'html',
      mimeType: 'text/html',
      charset: null,
    });
    expect(await get('/untyped-text')).toMatchObject({
      format: 'text',
      mimeType: 'text/plain',
      fileName: 'untyped-text.txt',
    });
  });

  it('accepts a body exactly within a small cap', async () => {
    const page = await get('/just-under', { maxBytes: 4096 });
    expect(page.bytes.byteLength).toBe(4096);
  });
});

describe('fetchPage: redirects', () => {
  it('follows a chain of 3 redirects (absolute and relative Locations) and returns the final address', async () => {
    const page = await get('/chain/start');
    expect(page.finalUrl).toBe(`${base}/news/story.php?from=chain`);
    expect(page.fileName).toBe('story.html');
    expect(requests.map((r) => r.path)).toEqual([
      '/chain/start',
      '/chain/two/x',
      '/chain/three',
      '/news/story.php?from=chain',
    ]);
  });

  it('follows exactly 5 redirects', async () => {
    const page = await get('/hops/5');
    expect(page.finalUrl).toBe(`${base}/hops/0`);
    expect(requests).toHaveLength(6);
  });

  it('refuses a 6th redirect without following it', async () => {
    const error = await refusal(get('/hops/6'));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`The page at ${base}/hops/6 redirected more than 5 times`);
    expect(requests).toHaveLength(6);
    expect(requests.map((r) => r.path)).not.toContain('/hops/0');
  });

  it('stops a redirect loop and says it is one', async () => {
    const error = await refusal(get('/loop-a'));
    expect(error.code).toBe('network');
    expect(error.message).toBe(
      `The page at ${base}/loop-a redirected more than 5 times (in a loop)`,
    );
    expect(requests).toHaveLength(6);
  });

  it('honours a smaller maxRedirects', async () => {
    const error = await refusal(get('/chain/start', { maxRedirects: 2 }));
    expect(error.message).toMatch(/redirected more than 2 times$/);
  });

  it.each([
    ['/to-ftp', 'ftp://127.0.0.1/article.txt'],
    ['/to-file', 'file:///etc/passwd'],
    ['/to-javascript', 'javascript:alert(1)'],
  ])(
    'refuses a redirect from %s to a non-http(s) address without requesting it',
    async (path, target) => {
      const error = await refusal(get(path));
      expect(error.code).toBe('network');
      expect(error.message).toBe(
        `The page at ${base}${path} redirected to ${target}; Marginalia follows only http and https addresses`,
      );
      expect(requests.map((r) => r.path)).toEqual([path]);
    },
  );

  it('refuses a redirect to an address with credentials, without naming the password', async () => {
    const error = await refusal(get('/to-credentials'));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/user name or password/);
    expect(error.message).not.toContain('secret');
    expect(requests).toHaveLength(1);
  });

  it('reports a redirect with no Location', async () => {
    const error = await refusal(get('/no-location'));
    expect(error).toMatchObject({
      code: 'network',
      message: `The page at ${base}/no-location answered 302 but did not say where to go`,
    });
  });
});

describe('fetchPage: HTTP errors and connection failures', () => {
  it.each([
    ['/missing', '404 Not Found'],
    ['/broken', '500 Internal Server Error'],
  ])('reports %s as the status it answered', async (path, status) => {
    const error = await refusal(get(path));
    expect(error).toMatchObject({
      code: 'network',
      message: `The page at ${base}${path} answered ${status}`,
    });
  });

  it('says a server refused the connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(fetchPage(`http://127.0.0.1:${port}/page`));
    expect(error).toMatchObject({
      code: 'network',
      message: `Could not fetch http://127.0.0.1:${port}/page: 127.0.0.1:${port} refused the connection`,
    });
  });

  it('says a host name was not found (DNS failure as undici reports it)', async () => {
    const fetchImpl = (() =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND news.invalid'), {
            code: 'ENOTFOUND',
          }),
        }),
      )) as typeof fetch;
    const error = await refusal(fetchPage('https://news.invalid/story', { fetchImpl }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(
      /^Could not fetch https:\/\/news\.invalid\/story: no server named news\.invalid was found/,
    );
  });
});

describe('fetchPage: time and size limits', () => {
  it('gives up on a server that sends headers and then stalls, at the timeout', async () => {
    const start = Date.now();
    const error = await refusal(get('/stall-headers', { timeoutMs: 200 }));
    expect(error).toMatchObject({
      code: 'network',
      message: `The page at ${base}/stall-headers did not arrive within 200 ms`,
    });
    expect(Date.now() - start).toBeLessThan(5_000);
  });

  it('counts the body in the timeout: a body that stops half way times out', async () => {
    const error = await refusal(get('/stall-body', { timeoutMs: 200 }));
    expect(error).toMatchObject({
      code: 'network',
      message: `The page at ${base}/stall-body did not arrive within 200 ms`,
    });
  });

  it('aborts a streamed body (no Content-Length) the moment it passes the cap', async () => {
    const error = await refusal(get('/big-stream', { maxBytes: 64 * 1024 }));
    expect(error).toMatchObject({
      code: 'too_large',
      message: `The page at ${base}/big-stream is larger than 64 KB; the largest page Marginalia imports is 64 KB`,
    });
    await expect.poll(() => bigStream.closed).toBe(true);
    // The server could not send its 50 MB: the client dropped the connection long before.
    expect(bigStream.finished).toBe(false);
    expect(bigStream.written).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a Content-Length over the 25 MB import cap before reading the body', async () => {
    const error = await refusal(get('/big-declared'));
    expect(MAX_IMPORT_BYTES).toBe(25 * 1024 * 1024);
    expect(error).toMatchObject({
      code: 'too_large',
      message: `The page at ${base}/big-declared is 30 MB; the largest page Marginalia imports is 25 MB`,
    });
  });
});

describe('fetchPage: types that are not articles', () => {
  it.each([
    ['/image', 'image/png'],
    ['/report', 'application/pdf'],
  ])('refuses %s, naming its type %s', async (path, type) => {
    const error = await refusal(get(path));
    expect(error).toMatchObject({
      code: 'unsupported_file',
      message: `The page at ${base}${path} is ${type}, not an article`,
    });
  });

  it('refuses a PNG sent as application/octet-stream, sniffed and named', async () => {
    const error = await refusal(get('/octet-png'));
    expect(error).toMatchObject({
      code: 'unsupported_file',
      message: `The page at ${base}/octet-png is a PNG image, not an article`,
    });
  });

  it('refuses a PNG sent as text/plain', async () => {
    const error = await refusal(get('/text-but-png'));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toMatch(/is a PNG image, not an article$/);
  });
});

describe('fetchPage: addresses that may not be fetched', () => {
  it.each([
    ['file:///etc/passwd', /not file: addresses \(file:\/\/\/etc\/passwd\)$/],
    ['javascript:alert(document.cookie)', /not javascript: addresses/],
    ['ftp://127.0.0.1/article.txt', /not ftp: addresses/],
    ['data:text/html,<p>hi</p>', /not data: addresses/],
    ['not a url', /^“not a url” is not a web address/],
    ['//127.0.0.1/news/story.php', /is not a web address/],
    ['http://', /is not a web address/],
  ])('refuses %s before any request', async (address, message) => {
    const error = await refusal(fetchPage(address));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('refuses an address with a user name and password, without repeating the password', async () => {
    const address = `http://reader:hunter2@127.0.0.1:${(server.address() as AddressInfo).port}/news/story.php`;
    const error = await refusal(fetchPage(address));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/carries a user name or password/);
    expect(error.message).not.toContain('hunter2');
    expect(requests).toHaveLength(0);
  });

  it('makes no request when the signal is already aborted', async () => {
    const error = await refusal(get('/news/story.php', { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({
      code: 'network',
      message: `Fetching ${base}/news/story.php was cancelled`,
    });
    expect(requests).toHaveLength(0);
  });
});

describe('fetchPage: cancel', () => {
  it('stops a fetch in progress when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = get('/stall-body', { signal: controller.signal, timeoutMs: 10_000 });
    await expect.poll(() => requests.length).toBe(1);
    controller.abort();
    const error = await refusal(pending);
    expect(error).toMatchObject({
      code: 'network',
      message: `Fetching ${base}/stall-body was cancelled`,
    });
  });
});
