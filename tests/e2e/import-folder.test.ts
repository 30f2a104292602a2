/**
 * End to end, in web mode: Import folder… with a typed path. A folder of pages and text files, a
 * PNG named .html and a copy of one file imports with a progress bar and ends in a report of what
 * was imported, what was already in the library and what was refused and why. A folder of 1,500
 * files, cancelled while it runs, stops with fewer imported, and the report says it was cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';

const session = useE2eSession('import-folder', { startServer: true });

let page: Page;
const errors: string[] = [];

function newsPage(title: string, body: string): string {
  const paragraphs = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>${body} This is paragraph ${i + 1} of the report, long enough to read as prose.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(session.server.url);
  // Every progress bar the page shows, with its maximum, however briefly it is on screen.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar)
        seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
});

afterAll(async () => {
  await page?.close();
});

function folderOf(name: string, files: Record<string, string | Buffer>): string {
  const folder = path.join(session.dataDir, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

async function importFolder(folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import folder' });
  await dialog.getByLabel('Folder', { exact: true }).fill(folder);
  expect(await dialog.getByRole('checkbox', { name: 'Include subfolders' }).isChecked()).toBe(true);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
}

describe('Import folder', () => {
  it('imports a folder with progress, then reports imported, already there and refused', async () => {
    const text =
      'Harbour tunnel reopens\n\nThe tunnel reopened on Thursday, a day ahead of schedule, the city said.\n';
    const folder = folderOf('pages', {
      'geneva.html': newsPage(
        'Talks resume in Geneva',
        'Negotiators returned to Geneva on Tuesday.',
      ),
      'markets.htm': newsPage('Markets steady after the vote', 'Shares closed flat on Friday.'),
      'tunnel.txt': text,
      'notes.md':
        '# Council notes\n\nThe council met on Monday and agreed the budget for the year.\n',
      'more/floods.html': newsPage(
        'Floods recede in the valley',
        'The river fell by a metre overnight.',
      ),
      'more/tunnel copy.txt': text,
      'photo.html': PNG,
    });
    await importFolder(folder);
    const report = page.getByRole('dialog', { name: 'Import finished' });
    await report.waitFor();
    expect(await report.locator('.imports-report-counts').innerText()).toBe(
      '5 imported · 1 already in your library · 1 refused',
    );
    const section = (name: RegExp) => report.getByRole('region', { name });
    const imported = await section(/^Imported \(5\)/).innerText();
    for (const title of [
      'Talks resume in Geneva',
      'Markets steady after the vote',
      'Floods recede in the valley',
      'Council notes',
      'Harbour tunnel reopens',
    ]) {
      expect(imported).toContain(title);
    }
    expect(await section(/^Already in your library \(1\)/).innerText()).toMatch(
      /tunnel( copy)?\.txt/,
    );
    const refused = await section(/^Refused \(1\)/).innerText();
    expect(refused).toContain('photo.html');
    expect(refused).toMatch(/binary|PNG|image/i);

    // A progress bar was shown, counting the seven files.
    const seen = await page.evaluate(
      () => (window as unknown as { __progressSeen: string[] }).__progressSeen,
    );
    expect(seen.some((s) => s.endsWith('/7'))).toBe(true);

    // Open goes to the article; the library lists what came in.
    await section(/^Imported/)
      .getByRole('button', { name: 'Open Floods recede in the valley' })
      .click();
    await page.getByRole('heading', { name: 'Floods recede in the valley', level: 2 }).waitFor();
    expect(await report.count()).toBe(0);
    const library = await page.getByRole('navigation', { name: 'Library' }).innerText();
    expect(library).toContain('Talks resume in Geneva');
  });

  it('stops a big folder on Cancel, keeping what was finished, and says it was cancelled', async () => {
    const files: Record<string, string> = {};
    // Big enough that no machine finishes it between the bar's first steps and the click.
    for (let i = 0; i < 1500; i++) {
      files[`note-${String(i).padStart(4, '0')}.txt`] =
        `Note number ${i}\n\nThis is note ${i}, with words of its own: ${i * 7919}.\n`;
    }
    const folder = folderOf('big', files);
    // The list draws only the rows on screen: it says how many it holds in aria-rowcount.
    const articles = page.getByRole('grid', { name: 'Articles' });
    const rowCount = async () => Number(await articles.getAttribute('aria-rowcount'));
    const before = await rowCount();
    await importFolder(folder);
    const bar = page.getByRole('progressbar', { name: 'Importing articles' });
    await bar.waitFor();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(3);
    expect(await bar.getAttribute('aria-valuemax')).toBe('1500');
    expect(await page.locator('.imports-progress-text').innerText()).toMatch(
      /^\d+ of 1,?500 · big\/note-\d{4}\.txt$/,
    );
    await page.getByRole('button', { name: 'Cancel import' }).click();
    const report = page.getByRole('dialog', { name: 'Import cancelled' });
    await report.waitFor();
    const counts = await report.locator('.imports-report-counts').innerText();
    const imported = Number(/^(\d+) imported/.exec(counts)?.[1]);
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(1500);
    expect(await report.innerText()).toMatch(/Cancelled after \d+ files/);
    await report.getByRole('button', { name: 'Done' }).click();
    expect(await bar.count()).toBe(0);
    // The library holds exactly what the report says came in.
    await expect.poll(rowCount).toBe(before + imported);
    expect(errors).toEqual([]);
  });
});
