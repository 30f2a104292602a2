import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { HttpBindings } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { createApp, startWebServer, type WebServer } from '../../../src/main/web/server';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/web/security';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import { UNKNOWN_ID, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-web-');

const SAMPLE_TITLE = 'Negotiations continue between Western and Russian diplomats';
const INDEX_MARKER = 'MARGINALIA-INDEX-PAGE';
const SECRET_MARKER = 'SECRET-OUTSIDE-STATIC-DIR';

let lib: Library;
let server: WebServer;
let base: string;

beforeEach(async () => {
  // root/package.json and root/secret.txt sit beside the static folder: nothing may serve them.
  const root = tempDir();
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    `<!doctype html><html><head><title>${INDEX_MARKER}</title></head><body></body></html>`,
  );
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: SECRET_MARKER }));
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET_MARKER);

  lib = openLibrary({ dataDir: path.join(root, 'data') });
  server = await startWebServer({ handlers: lib.service, staticDir, port: 0, log: () => {} });
  base = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  await server.close();
  lib.close();
});

function api(
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${server.token}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A request with exactly these headers and this path, unnormalised (fetch cannot set Host). */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function liveArticleIds(): string[] {
  return lib.service.listArticles({}).articles.map((a) => a.id);
}

describe('web mode API', () => {
  it('answers POST /api/listArticles with the token: 200 and the sample', async () => {
    const response = await api('listArticles', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as {
      ok: boolean;
      value: { articles: { id: string; title: string }[] };
    };
    expect(body.ok).toBe(true);
    expect(body.value.articles).toHaveLength(1);
    expect(body.value.articles[0]).toMatchObject({ id: SAMPLE_ARTICLE_ID, title: SAMPLE_TITLE });
  });

  it('sends an answer whole, with its length in bytes, its text intact and every safety header', async () => {
    const title = 'Ünïcode “quotes” — 東京 ✓';
    const imported = lib.service.importBytes(
      'unicode.md',
      new TextEncoder().encode(`# ${title}\n\nSome text.\n`),
    );
    const response = await raw({
      method: 'POST',
      path: '/api/listArticles',
      headers: {
        host: `127.0.0.1:${server.port}`,
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(response.body) as {
      value: { articles: { id: string; title: string }[] };
    };
    expect(body.value.articles).toContainEqual(
      expect.objectContaining({ id: imported.article.id, title }),
    );
  });

  it('R28 reports its address with the token in the fragment, on loopback only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('R28 refuses a request without the token: 401 and nothing else', async () => {
    const response = await fetch(`${base}/api/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(SAMPLE_TITLE);
    expect(text).not.toContain(SAMPLE_ARTICLE_ID);
    expect(JSON.parse(text)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/token/) },
    });
  });

  it('R28 refuses a wrong or misplaced token with 401, and does not act on the request', async () => {
    const attempts: Record<string, string>[] = [
      { Authorization: `Bearer ${server.token}x` },
      { Authorization: `Bearer ${'A'.repeat(server.token.length)}` },
      { Authorization: `bearer ${server.token}` },
      { Authorization: server.token },
      { Authorization: `Basic ${server.token}` },
    ];
    for (const headers of attempts) {
      const response = await api('deleteArticle', { id: SAMPLE_ARTICLE_ID }, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(await response.text()).not.toContain(SAMPLE_TITLE);
    }
    // The token in the query string or a cookie is not the token either.
    const query = await fetch(`${base}/api/deleteArticle?token=${server.token}`, {
      method: 'POST',
      headers: { Cookie: `token=${server.token}` },
      body: JSON.stringify({ id: SAMPLE_ARTICLE_ID }),
    });
    expect(query.status).toBe(401);
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('R28 refuses a foreign Host header with 403 (DNS rebinding), even with the token', async () => {
    const good = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    for (const host of [
      `evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
      `0.0.0.0:${server.port}`,
    ]) {
      const response = await raw({
        method: 'POST',
        path: '/api/deleteArticle',
        headers: { ...good, Host: host },
        body: JSON.stringify({ id: SAMPLE_ARTICLE_ID }),
      });
      expect(response.status, host).toBe(403);
      expect(response.body).not.toContain(SAMPLE_TITLE);
    }
    const page = await raw({ path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(INDEX_MARKER);
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);

    // localhost:<port> is this server too.
    const local = await raw({
      method: 'POST',
      path: '/api/listArticles',
      headers: { ...good, Host: `localhost:${server.port}` },
      body: '{}',
    });
    expect(local.status).toBe(200);
  });

  it('R28 refuses a foreign Origin with 403, even with the token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${server.port + 1}`,
      'null',
      `https://127.0.0.1:${server.port}`,
    ]) {
      const response = await api('deleteArticle', { id: SAMPLE_ARTICLE_ID }, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);
    const same = await api('listArticles', {}, { Origin: base });
    expect(same.status).toBe(200);
  });

  it('R27 answers 405 to GET (and other methods) on an API route', async () => {
    const get = await fetch(`${base}/api/listArticles`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(get.status).toBe(405);
    expect(await get.text()).not.toContain(SAMPLE_TITLE);
    const put = await fetch(`${base}/api/listArticles`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(put.status).toBe(405);
  });

  it('R27 answers 400 to a body that is not JSON', async () => {
    for (const body of ['{not json', '', '{"id": "x"', 'undefined']) {
      const response = await api('getArticle', body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
  });

  it('R27 answers 400 to a JSON body that is not an object (null, a list, a string, a number)', async () => {
    for (const body of ['null', '[]', '"listArticles"', '42']) {
      const response = await api('listArticles', body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringMatching(/JSON object/) },
      });
    }
    expect((await api('listArticles', '{}')).status).toBe(200);
  });

  it('R28 sends its security headers on every error answer (403, 401, 400, 404, 405, 413, 415, 422)', async () => {
    const forbidden = await raw({ path: '/', headers: { Host: `evil.example:${server.port}` } });
    const answers: [string, number, Headers][] = [
      [
        'foreign Host',
        forbidden.status,
        new Headers(
          Object.entries(forbidden.headers).map(([k, v]) => [k, String(v)] as [string, string]),
        ),
      ],
    ];
    const record = async (what: string, response: Promise<Response>) => {
      const answer = await response;
      await answer.arrayBuffer();
      answers.push([what, answer.status, answer.headers]);
    };
    await record('foreign Origin', api('listArticles', {}, { Origin: 'http://evil.example' }));
    await record('no token', fetch(`${base}/api/listArticles`, { method: 'POST', body: '{}' }));
    await record('null body', api('listArticles', 'null'));
    await record('unknown operation', api('dropEverything', {}));
    await record('not found', api('getArticle', { id: UNKNOWN_ID }));
    await record(
      'GET',
      fetch(`${base}/api/listArticles`, { headers: { Authorization: `Bearer ${server.token}` } }),
    );
    await record(
      'too large',
      api('importArticle', JSON.stringify({ fileName: 'a.txt', contentBase64: 'A'.repeat(41e6) })),
    );
    await record(
      'binary',
      api('importArticle', {
        fileName: 'a.txt',
        contentBase64: Buffer.from([0, 1, 2]).toString('base64'),
      }),
    );
    await record(
      'bad anchor',
      api('createAnnotation', {
        articleId: SAMPLE_ARTICLE_ID,
        quote: { exact: 'not in the text', prefix: '', suffix: '' },
        position: { start: 0, end: 15 },
      }),
    );
    expect(answers.map(([what, status]) => `${what} ${status}`)).toEqual([
      'foreign Host 403',
      'foreign Origin 403',
      'no token 401',
      'null body 400',
      'unknown operation 404',
      'not found 404',
      'GET 405',
      'too large 413',
      'binary 415',
      'bad anchor 422',
    ]);
    for (const [what, , headers] of answers) {
      expect(headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
    }
  }, 30_000); // a 41 MB body: slow on a busy machine

  it('R28 refuses a request from another interface than loopback with 403, even with the token', async () => {
    // The server listens on 127.0.0.1 only; this is the check behind it, for a request that got
    // through anyway (a proxy, a port forward).
    const app = createApp(
      lib.service,
      tempDir(),
      server.token,
      () => server.port,
      () => {},
    );
    for (const remoteAddress of ['192.0.2.7', '10.0.0.1', '::ffff:192.168.1.2', 'fd00::2']) {
      const response = await app.fetch(
        new Request(`${base}/api/deleteArticle`, {
          method: 'POST',
          headers: {
            Host: `127.0.0.1:${server.port}`,
            Authorization: `Bearer ${server.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ id: SAMPLE_ARTICLE_ID }),
        }),
        { incoming: { socket: { remoteAddress } } } as unknown as HttpBindings,
      );
      expect(response.status, remoteAddress).toBe(403);
      expect(await response.text()).toMatch(/only this computer/);
    }
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it("R28 cannot be reached on this computer's other interfaces at all", async (context) => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (!external) {
      context.skip('this machine has no network interface besides loopback to connect from');
      return;
    }
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const socket = net.connect({ host: external.address, port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.once('error', (e) => resolve(e));
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });

  it('R27 answers 404 unknown_operation to an operation that does not exist', async () => {
    for (const operation of ['dropEverything', 'importBytes', 'constructor', '__proto__']) {
      const response = await api(operation, {});
      expect(response.status, operation).toBe(404);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'unknown_operation' },
      });
    }
  });

  it('R27 answers 400 invalid_request to a payload its schema refuses, storing nothing', async () => {
    const before = JSON.stringify(lib.db.prepare('SELECT * FROM articles').all());
    for (const [operation, payload] of [
      ['getArticle', { id: 'not-a-uuid' }],
      ['deleteArticle', { id: SAMPLE_ARTICLE_ID, extra: 1 }],
      ['listArticles', []],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID }],
      ['importArticle', { fileName: 'x.txt', contentBase64: 5 }],
    ] as const) {
      const response = await api(operation, payload);
      expect(response.status, operation).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(JSON.stringify(lib.db.prepare('SELECT * FROM articles').all())).toBe(before);
  });

  it('maps service errors to statuses: not_found 404, unsupported_file 415, invalid_anchor 422', async () => {
    const missing = await api('getArticle', { id: UNKNOWN_ID });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    const binary = await api('importArticle', { fileName: 'photo.txt', contentBase64: png });
    expect(binary.status).toBe(415);
    expect(await binary.json()).toMatchObject({ ok: false, error: { code: 'unsupported_file' } });

    const anchor = await api('createAnnotation', {
      articleId: SAMPLE_ARTICLE_ID,
      quote: { exact: 'not in the text', prefix: '', suffix: '' },
      position: { start: 0, end: 15 },
    });
    expect(anchor.status).toBe(422);
    expect(await anchor.json()).toMatchObject({ ok: false, error: { code: 'invalid_anchor' } });
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('does the work of a valid request: an annotation made over HTTP is stored', async () => {
    const text = lib.service.articleText(SAMPLE_ARTICLE_ID);
    const start = text.indexOf('Stoltenberg');
    const response = await api('createAnnotation', {
      articleId: SAMPLE_ARTICLE_ID,
      ...describeRange(text, start, start + 'Stoltenberg'.length),
      note: 'over HTTP',
      tags: ['NATO'],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: { annotation: { id: string } } };
    const stored = lib.service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(stored.map((a) => a.id)).toEqual([body.value.annotation.id]);
    expect(stored[0]).toMatchObject({ note: 'over HTTP', tags: ['NATO'] });
  });

  it('R27 refuses a body over the size limit with 413 and stores nothing', async () => {
    const huge = JSON.stringify({
      fileName: 'big.txt',
      contentBase64: 'A'.repeat(41 * 1024 * 1024),
    });
    const response = await api('importArticle', huge);
    expect(response.status).toBe(413);
    expect(liveArticleIds()).toEqual([SAMPLE_ARTICLE_ID]);
  }, 30_000); // a 41 MB body: slow on a busy machine
});

describe('web mode static files', () => {
  it('serves index.html at / with the Content-Security-Policy', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain(INDEX_MARKER);
  });

  it('serves assets, and index.html for unknown client routes, without a token', async () => {
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await asset.text()).toContain('console.log');

    const route = await fetch(`${base}/library/some-article`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain(INDEX_MARKER);
  });

  it('R10 never serves a file outside the static folder, however the path is spelt', async () => {
    for (const traversal of [
      '/../package.json',
      '/../secret.txt',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/....//secret.txt',
      `/${'..%2f'.repeat(8)}etc/passwd`,
    ]) {
      const response = await raw({
        path: traversal,
        headers: { Host: `127.0.0.1:${server.port}` },
      });
      expect(response.body, traversal).not.toContain(SECRET_MARKER);
      expect(response.body, traversal).not.toMatch(/root:.*:0:0:/);
    }
  });
});
