/**
 * End to end, in web mode: Add from URL… on a news page that a local server on 127.0.0.1 (started
 * here) serves behind a 302 redirect. The article comes in with its title, byline and date, and
 * the final address as its source; the same address again is "already in your library"; an
 * address that answers 404 is refused in the dialog, the address kept for another try.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/shared/contract/entities';
import { useE2eSession } from '../support/e2e-session';

const TITLE = 'Ceasefire talks resume in Geneva';
const BYLINE = 'Amira Haddad';
const PARAGRAPHS = [
  'Negotiators from both sides returned to Geneva on Tuesday for a third round of talks, the first since the ceasefire was agreed in January, officials said.',
  'The United Nations envoy told reporters that the talks would focus on the exchange of prisoners and on opening two more crossings for aid convoys before the spring.',
  'Neither delegation commented on the record. A diplomat familiar with the talks said the atmosphere was “businesslike”, and that no breakthrough was expected this week.',
  'Aid agencies have warned that supplies in the north will run out within weeks unless the crossings open, and that the number of people displaced has doubled since autumn.',
];
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${TITLE} | Lakeside Herald</title>
  <meta property="og:title" content="${TITLE}">
  <meta property="og:site_name" content="Lakeside Herald">
  <meta name="author" content="${BYLINE}">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head>
<body>
  <header><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>${TITLE}</h1>
      <p class="byline">By <a rel="author" href="/staff/amira">${BYLINE}</a></p>
      <time datetime="2024-03-05T09:30:00Z">March 5, 2024</time>
      ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n      ')}
    </article>
  </main>
  <footer><p>© Lakeside Herald. All rights reserved.</p></footer>
</body>
</html>`;

const session = useE2eSession('import-url', { startServer: true });

let news: http.Server;
let newsOrigin: string;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  news = http.createServer((req, res) => {
    if (req.url === '/old/talks') {
      res.writeHead(302, { Location: '/news/2024/talks.html' });
      res.end();
    } else if (req.url === '/news/2024/talks.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => news.listen(0, '127.0.0.1', resolve));
  newsOrigin = `http://127.0.0.1:${(news.address() as AddressInfo).port}`;
  page = await session.browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url);
});

afterAll(async () => {
  await page?.close();
  await new Promise((resolve) => news?.close(resolve));
});

/** The library as web mode's API answers it. */
async function listArticles(): Promise<ArticleSummary[]> {
  const response = await fetch(`${session.server.origin}/api/listArticles`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${session.server.token}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  });
  const result = (await response.json()) as { ok: true; value: { articles: ArticleSummary[] } };
  return result.value.articles;
}

const dialog = () => page.getByRole('dialog', { name: 'Add from URL' });

describe('Add from URL', () => {
  it('imports a page behind a redirect with its title, byline, date and final address', async () => {
    await page.getByRole('button', { name: 'Add from URL…' }).click();
    await dialog().getByLabel('Address').fill(`${newsOrigin}/old/talks`);
    await dialog().getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    expect(await dialog().count()).toBe(0);
    const meta = await page.locator('.reader .article-meta').first().innerText();
    expect(meta).toContain(`By ${BYLINE}`);
    expect(meta).toMatch(/March 5, 2024/);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Library' }).innerText())
      .toContain(TITLE);

    const stored = (await listArticles()).find((a) => a.title === TITLE);
    expect(stored).toMatchObject({
      byline: BYLINE,
      sourceUrl: `${newsOrigin}/news/2024/talks.html`,
      origin: 'address',
    });
    expect(stored?.publishedAt).toMatch(/^2024-03-05/);
  });

  it('says an address already in the library is there, with Open, storing nothing', async () => {
    const before = (await listArticles()).length;
    await page.keyboard.press('Control+Shift+O');
    await dialog().getByLabel('Address').fill(`${newsOrigin}/news/2024/talks.html`);
    await dialog().getByLabel('Address').press('Enter');
    const notice = page.locator('.imports-notice');
    await expect.poll(() => notice.innerText()).toContain(`Already in your library: ${TITLE}`);
    expect(await notice.getByRole('button', { name: 'Open' }).count()).toBe(1);
    expect(await page.locator('.error-banner').count()).toBe(0);
    expect((await listArticles()).length).toBe(before);
  });

  it('shows a 404 in the dialog and keeps the address', async () => {
    await page.getByRole('button', { name: 'Add from URL…' }).click();
    const address = `${newsOrigin}/gone`;
    await dialog().getByLabel('Address').fill(address);
    await dialog().getByRole('button', { name: 'Add' }).click();
    const alert = dialog().getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/404/);
    expect(await alert.innerText()).toContain(address);
    expect(await dialog().getByLabel('Address').inputValue()).toBe(address);
    await page.keyboard.press('Escape');
    expect(await dialog().count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
