/**
 * End to end, in web mode: hostile content never runs and never reaches out. The hostile fixture
 * page (every vector of RELIABILITY.md lines 1–11) imported from a folder and opened; a hostile
 * snippet pasted on the library (which makes an article whose title is changed at once); the
 * hostile page pasted again (the same result as importing it: already in the library); a Markdown
 * file with raw HTML and a hostile code-fence language imported and opened. Through
 * all of it a canary that any script or handler would set stays unset, and every request the page
 * made went to web mode's own origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { ROOT } from '../support/web-mode';

const HOSTILE = path.join(ROOT, 'tests/fixtures/pages/hostile.html');
const HOSTILE_TITLE = 'Harbour tunnel reopens after a week of repairs';
const PASTED = `<meta charset="utf-8"><h2>Ferry timetable changes from Monday</h2>
<p>The ferry company said the first sailing will leave at six, half an hour earlier than now.<img src="http://127.0.0.1:9/pixel.png" onerror="window.__marginaliaCanary='img onerror'"></p>
<p>Evening sailings are unchanged. <a href="javascript:window.__marginaliaCanary='link'">Timetable</a></p>
<script>window.__marginaliaCanary = 'script'</script>`;

const HOSTILE_MARKDOWN = `# Ferry notice from the harbour office

The harbour office posted a notice about the ferry. <img src=x onerror="window.__marginaliaCanary='md img'">

<script>window.__marginaliaCanary = 'md script'</script>

<svg onload="window.__marginaliaCanary='md svg'"></svg>

<iframe srcdoc="<script>parent.__marginaliaCanary='md iframe'</script>"></iframe>

[Timetable](javascript:window.__marginaliaCanary='md link') and [map](&#106;avascript:x)

\`\`\`"><img src=x onerror="window.__marginaliaCanary='fence'">
code line
\`\`\`
`;

const session = useE2eSession('import-hostile', { startServer: true });

let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url);
});

afterAll(async () => {
  await page?.close();
});

const canary = () =>
  page.evaluate(() => (window as unknown as { __marginaliaCanary?: unknown }).__marginaliaCanary);

/** What of the open article could run or load something. */
function residue(): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.article-body');
    if (!body) return ['no article is open'];
    const found: string[] = [];
    for (const el of body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (
        ['script', 'iframe', 'object', 'embed', 'form', 'style', 'base', 'meta', 'link'].includes(
          tag,
        )
      )
        found.push(`<${tag}>`);
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      }
      const url = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(url)) found.push(`${tag} ${url}`);
      if (tag === 'img' && /^https?:/i.test(el.getAttribute('src') ?? '')) found.push(`remote img`);
    }
    return found;
  });
}

async function paste(html: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', content.replace(/<[^>]*>/g, ''));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);
}

describe('hostile pages', () => {
  it('R05 R06 R07 R10 R11 imports the hostile page as clean text from a folder, and opens it: nothing runs', async () => {
    const folder = path.join(session.dataDir, 'hostile');
    fs.mkdirSync(folder);
    fs.copyFileSync(HOSTILE, path.join(folder, 'hostile.html'));
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import folder' });
    await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // One file: no report, the article opens.
    await page.getByRole('heading', { name: HOSTILE_TITLE, level: 2 }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.article-body').innerText()).toContain(
      'The Harbour Street tunnel reopened to traffic on Thursday evening',
    );
    expect(await residue()).toEqual([]);
    await page.waitForTimeout(1000);
    expect(await canary()).toBeUndefined();
  });

  it('R05 R09 makes an article of a pasted hostile snippet, and keeps the title typed over it', async () => {
    await paste(PASTED);
    const dialog = page.getByRole('dialog', { name: 'Pasted as a new article' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toBe('Ferry timetable changes from Monday');
    await title.press('Control+A');
    await page.keyboard.type('Ferry times, from Monday');
    await page.keyboard.press('Enter');
    const library = page.getByRole('navigation', { name: 'Library' });
    await expect.poll(() => library.innerText()).toContain('Ferry times, from Monday');
    expect(await library.innerText()).not.toContain('Ferry timetable changes from Monday');
    expect(await dialog.count()).toBe(0);
    expect(await page.locator('.article-body').innerText()).toContain(
      'the first sailing will leave at six',
    );
    expect(await residue()).toEqual([]);
  });

  it('R08 imports hostile Markdown: raw HTML shown as text, a hostile fence language inert, nothing runs', async () => {
    const folder = path.join(session.dataDir, 'hostile-md');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'ferry-notice.md'), HOSTILE_MARKDOWN);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import folder' });
    await dialog.getByLabel('Folder', { exact: true }).fill(folder);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('heading', { name: 'Ferry notice from the harbour office', level: 2 })
      .waitFor();
    const body = await page.locator('.article-body').innerText();
    expect(body).toContain('<script>window.__marginaliaCanary');
    expect(body).toContain('<img src=x onerror=');
    expect(body).toContain('code line');
    expect(await residue()).toEqual([]);
    // The fence's "language" is kept in the document, never written into the page.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.article-body pre, .article-body pre *')].flatMap((el) =>
          el.getAttributeNames(),
        ),
      ),
    ).toEqual([]);
    expect(await page.locator('.article-body a').count()).toBe(0);
    await page.waitForTimeout(1000);
    expect(await canary()).toBeUndefined();
  });

  it('R09 R11 finds the hostile page pasted as already in the library: the same as importing it; no request left this origin', async () => {
    await paste(fs.readFileSync(HOSTILE, 'utf8'));
    await expect
      .poll(() => page.locator('.imports-notice').innerText())
      .toContain(`Already in your library: ${HOSTILE_TITLE}`);
    await page.waitForTimeout(1000);
    expect(await canary()).toBeUndefined();
    const elsewhere = requests.filter((url) => new URL(url).origin !== session.server.origin);
    expect(elsewhere).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
