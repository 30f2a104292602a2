/**
 * Hostile pages (RELIABILITY 1, 5, 6, 7, 10, 11): every vector, inline, imports as clean text.
 * Nothing of a script, handler, frame, stylesheet or remote address reaches the stored document,
 * links keep only http(s)/mailto, images only local raster data: URLs, and import opens no
 * connection (a local server that counts requests, and a spy on every socket connect).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addressesOf, FILLER, importPage, page } from './helpers';

const SAFE_LINK = /^(https?:\/\/|mailto:)/;
const LOCAL_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$/i;

function expectClean(json: string, residue: readonly string[]): void {
  const lower = json.toLowerCase();
  for (const r of [
    '<script',
    'onerror',
    'onload',
    'onclick',
    'javascript:',
    'vbscript:',
    'data:text/html',
    'srcdoc',
    'canary',
    ...residue,
  ]) {
    expect(lower, `residue ${r}`).not.toContain(r.toLowerCase());
  }
}

function expectSafeAddresses(result: ReturnType<typeof importPage>): void {
  const { links, images } = addressesOf(result.article.document);
  for (const href of links) expect(href).toMatch(SAFE_LINK);
  for (const src of images) if (src !== '') expect(src).toMatch(LOCAL_IMAGE);
}

describe('R05 active content is gone', () => {
  const vectors: [string, string][] = [
    ['script', '<script>window.canary = 1</script>'],
    ['external script', '<script src="http://evil.example/x.js"></script>'],
    ['iframe with srcdoc', '<iframe srcdoc="<script>window.canary=1</script>">frame text</iframe>'],
    ['iframe with src', '<iframe src="http://evil.example/">canary frame</iframe>'],
    ['object', '<object data="http://evil.example/x.swf">canary object fallback</object>'],
    ['embed', '<embed src="http://evil.example/x.swf">'],
    ['base', '<base href="http://evil.example/">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0; url=http://evil.example/">'],
    [
      'form',
      '<form action="http://evil.example/"><input value="canary input"><button>canary button</button></form>',
    ],
    ['svg onload', '<svg onload="window.canary=1"><text>canary svg</text></svg>'],
    ['img onerror', '<img src="x" onerror="window.canary=1" alt="pic">'],
    [
      'style with url()',
      '<style>body{background:url(http://evil.example/bg.png)} .canary{}</style>',
    ],
    ['inline style url()', '<p style="background:url(http://evil.example/bg.png)">styled</p>'],
    [
      'event handler on a block',
      '<div onclick="window.canary=1" onmouseover="x()"><p>handled</p></div>',
    ],
    ['template', '<template><p>canary template</p></template>'],
    ['link stylesheet', '<link rel="stylesheet" href="http://evil.example/x.css">'],
    [
      'canvas, video, audio',
      '<canvas>canary c</canvas><video src="http://evil.example/v.mp4">canary v</video><audio src="http://evil.example/a.mp3">canary a</audio>',
    ],
  ];

  it.each(vectors)('R05 %s', (_name, vector) => {
    const result = importPage(page(vector));
    expectClean(result.json, ['evil.example']);
    expectSafeAddresses(result);
    expect(result.text).toContain(FILLER);
  });

  it('R05 keeps the text around event-handler elements, without the handlers', () => {
    const result = importPage(
      page('<div onclick="window.canary=1"><p>Tolls return on Monday.</p></div>'),
    );
    expect(result.text).toContain('Tolls return on Monday.');
    expectClean(result.json, []);
  });
});

describe('R06 R10 links are neutralised', () => {
  const hrefs: [string, string][] = [
    ['javascript:', 'javascript:window.canary=1'],
    ['entity-encoded javascript:', '&#106;avascript:window.canary=1'],
    ['hex-entity javascript:', '&#x6A;avascript&#x3A;window.canary=1'],
    ['tab inside the scheme', 'java\tscript:window.canary=1'],
    ['newline inside the scheme', 'java\nscript:window.canary=1'],
    ['leading control characters', '\u0001\u0002 javascript:window.canary=1'],
    ['upper-case scheme', 'JAVASCRIPT:window.canary=1'],
    ['data:text/html', 'data:text/html,<script>window.canary=1</script>'],
    ['data:text/html base64', 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuY2FuYXJ5PTE8L3NjcmlwdD4='],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['custom scheme', 'marginalia-internal://open?article=1'],
    ['ms-settings:', 'ms-settings:privacy'],
    ['relative path traversal without a source', '../../../../etc/passwd'],
    ['protocol-relative without a source', '//evil.example/x'],
  ];

  it.each(hrefs)('R06 R10 %s keeps only its text', (_name, href) => {
    const escaped = href.replace(/"/g, '&quot;');
    const result = importPage(page(`<p>Read <a href="${escaped}">the linked report</a> now.</p>`));
    expect(result.text).toContain('Read the linked report now.');
    expect(addressesOf(result.article.document).links).toEqual([]);
    expectClean(result.json, ['file:', 'etc/passwd', 'marginalia-internal', 'ms-settings']);
  });

  it('R06 <area href> is dropped with its map', () => {
    const result = importPage(
      page(
        '<map name="m"><area href="javascript:window.canary=1" alt="North"><area href="http://evil.example/" alt="South"></map>',
      ),
    );
    expectClean(result.json, ['evil.example', 'North portal']);
    expect(addressesOf(result.article.document).links).toEqual([]);
  });

  it('R10 resolves relative links against the source address only, never against <base>', () => {
    const result = importPage(
      page(
        '<p>See <a href="../more/story.html">the story</a> and <a href="#notes">notes</a>.</p>',
        '<base href="http://evil.example/base/">',
      ),
      { sourceUrl: 'https://news.example/world/2026/item.html' },
    );
    expect(addressesOf(result.article.document).links).toEqual([
      'https://news.example/world/more/story.html',
      'https://news.example/world/2026/item.html#notes',
    ]);
    expectClean(result.json, ['evil.example']);
  });

  it('R10 drops relative links when the page has no source address, <base> or not', () => {
    const result = importPage(
      page('<p>See <a href="story.html">the story</a>.</p>', '<base href="https://news.example/">'),
    );
    expect(addressesOf(result.article.document).links).toEqual([]);
    expect(result.text).toContain('See the story.');
  });

  it('keeps absolute http(s) and mailto links', () => {
    const result = importPage(
      page(
        '<p><a href="https://a.example/x?y=1">a</a> <a href="HTTP://B.example">b</a> <a href="mailto:desk@news.example">c</a></p>',
      ),
    );
    expect(addressesOf(result.article.document).links).toEqual([
      'https://a.example/x?y=1',
      'http://b.example/',
      'mailto:desk@news.example',
    ]);
  });
});

describe('R07 mutation-XSS shapes', () => {
  const shapes: [string, string][] = [
    [
      'math/mtext/table/mglyph/style',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.canary=1">',
    ],
    ['svg/p breakout', '<svg><p><style><img src=x onerror="window.canary=1"></style></p></svg>'],
    [
      'noscript with a closing tag in an attribute',
      '<noscript><p title="</noscript><img src=x onerror=window.canary=1>"></p></noscript>',
    ],
    ['style in svg', '<svg><style><img src=x onerror="window.canary=1"></style></svg>'],
    ['comment breakout', '<!--<img src="--><img src=x onerror=window.canary=1//">'],
    ['xmp-like raw text', '<noembed><img src=x onerror=window.canary=1></noembed>'],
    [
      'template in table',
      '<table><template><img src=x onerror=window.canary=1></template></table>',
    ],
    [
      'nested forms and selects',
      '<form><select><option><img src=x onerror=window.canary=1></select></form>',
    ],
  ];

  it.each(shapes)('R07 %s leaves nothing executable', (_name, shape) => {
    const result = importPage(page(shape));
    expectClean(result.json, []);
    expectSafeAddresses(result);
    expect(result.text).toContain(FILLER);
  });
});

describe('R11 no image is remote', () => {
  it('R11 remote <img>, srcset and <picture> sources become placeholders with their alt text', () => {
    const result = importPage(
      page(
        '<p><img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a-2x.jpg 2x" alt="A harbour"></p>' +
          '<picture><source srcset="https://cdn.example/b.webp"><img src="https://cdn.example/b.jpg" alt="A tunnel"></picture>',
      ),
    );
    const { images } = addressesOf(result.article.document);
    expect(images).toEqual(['', '']);
    expect(result.json).toContain('A harbour');
    expect(result.json).toContain('A tunnel');
    expectClean(result.json, ['cdn.example']);
  });

  it('R11 data: URLs that are not raster images are refused', () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.canary=1"/>',
    ).toString('base64');
    const result = importPage(
      page(
        `<p><img src="data:image/svg+xml;base64,${svg}" alt="svg"> <img src="data:image/png;base64,${Buffer.from('<html>').toString('base64')}" alt="fake png"> <img src="data:text/html,<script>x</script>" alt="html"></p>`,
      ),
    );
    expect(addressesOf(result.article.document).images).toEqual(['', '', '']);
    expectClean(result.json, []);
  });
});

describe('R11 import makes no request', () => {
  let server: http.Server;
  let requests: string[];
  let origin: string;
  let connect: ReturnType<typeof vi.spyOn>;

  beforeAll(async () => {
    requests = [];
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    connect = vi.spyOn(net.Socket.prototype, 'connect');
  });
  afterEach(() => connect.mockRestore());

  it('R05 R11 a page full of references to a live local server imports without touching it', () => {
    const head =
      `<base href="${origin}/base/"><meta http-equiv="refresh" content="0; url=${origin}/refresh">` +
      `<link rel="stylesheet" href="${origin}/s.css"><link rel="preload" as="font" href="${origin}/f.woff2">` +
      `<link rel="icon" href="${origin}/favicon.ico"><script src="${origin}/head.js"></script>` +
      `<style>@import url("${origin}/i.css"); @font-face { src: url(${origin}/font.woff2) } body { background: url(${origin}/bg.png) }</style>`;
    const body =
      `<img src="${origin}/img.png" srcset="${origin}/img2.png 2x" alt="remote">` +
      `<iframe src="${origin}/frame"></iframe><object data="${origin}/obj"></object><embed src="${origin}/embed">` +
      `<video src="${origin}/v.mp4" poster="${origin}/poster.png"></video><audio src="${origin}/a.mp3"></audio>` +
      `<input type="image" src="${origin}/input.png"><svg><image href="${origin}/svg.png"/></svg>` +
      `<div style="background:url(${origin}/inline.png)"><p>Styled paragraph.</p></div>` +
      `<script>fetch("${origin}/fetch"); document.write('<img src="${origin}/written.png">')</script>`;
    const result = importPage(page(body, head), { sourceUrl: 'https://news.example/a.html' });
    expect(result.text).toContain('Styled paragraph.');
    expect(addressesOf(result.article.document).images).toEqual(['']);
    expect(result.json).not.toContain(origin);
    expect(connect).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });
});
