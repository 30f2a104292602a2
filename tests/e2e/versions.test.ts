/**
 * End to end, in web mode: the issue's "Done when". The sample article, annotated, gets a new
 * version from a file in which "which Russia denies" reads "which Russia has denied" and the
 * Stoltenberg sentence is gone: the banner, the card's word diff, the Orphaned list, the version
 * diff and the version picker all show it. Then an article added from a local server is checked
 * for changes after the server starts serving a revised page, and checked again: unchanged.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { ROOT } from '../support/web-mode';
import {
  announcement,
  card,
  markClaim,
  openSample,
  selectPhrase,
  sidebar,
} from '../support/reader-page';

const DENIAL = 'which Russia denies';
const WARNING = 'the warning time for a possible attack is going down';
const STOLTENBERG =
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up, the warning time for a possible attack is going down.” ';

const session = useE2eSession('versions', { startServer: true });

let page: Page;
let folder: string;
const errors: string[] = [];

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-versions-'));
  page = await session.browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await page?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const banner = () => page.getByRole('status', { name: 'New version' });
const versionActions = () => page.getByRole('group', { name: 'Versions' });

/** Highlights `phrase` with the H key, as a keyboard user would. */
async function highlight(phrase: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  await card(page, phrase.slice(0, 20)).waitFor();
}

describe('a new version of the sample article', () => {
  it('shows the changed claim and the removed passage in the banner, the card and the Orphaned list', async () => {
    await openSample(page, session.server);
    await markClaim(page, DENIAL, { type: 'denial', speaker: 'Russia' });
    await page.keyboard.press('Escape');
    await highlight(WARNING);

    const seed = fs.readFileSync(
      path.join(ROOT, 'resources/sample/negotiations-continue-2022-02-11.txt'),
      'utf8',
    );
    expect(seed).toContain(DENIAL);
    expect(seed).toContain(STOLTENBERG);
    const revised = path.join(folder, 'negotiations-revised.txt');
    fs.writeFileSync(
      revised,
      seed.replace(DENIAL, 'which Russia has denied').replace(STOLTENBERG, ''),
    );

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      versionActions().getByRole('button', { name: 'Update from file…' }).click(),
    ]);
    await chooser.setFiles(revised);

    await banner().waitFor();
    expect(await banner().textContent()).toMatch(/Updated .+: 1 claim changed, 1 passage removed/);
    // The card shows the old and the new words; the removed passage is listed apart.
    const denial = card(page, 'which Russia has denied');
    await denial.waitFor();
    expect(await denial.locator('del').allTextContents()).toEqual([
      expect.stringContaining('denies'),
    ]);
    expect((await denial.locator('ins').allTextContents()).join(' ')).toContain('has denied');
    const orphans = sidebar(page).getByRole('list', { name: 'Orphaned annotations' });
    await orphans.waitFor();
    expect(await orphans.textContent()).toContain(WARNING);
    expect(await sidebar(page).textContent()).toContain('Orphaned (1)');
    // The new text is what the reader shows.
    const body = page.getByRole('document', { name: 'Article text' });
    expect(await body.textContent()).toContain('which Russia has denied');
    expect(await body.textContent()).not.toContain('Jens Stoltenberg said');
  });

  it('diffs the two versions, with the removed and inserted words marked', async () => {
    await banner().getByRole('button', { name: 'Show changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changes between versions' });
    const changes = dialog.getByRole('list', { name: 'Changed paragraphs' });
    await changes.waitFor();
    expect(await dialog.locator('.version-diff-count').textContent()).toMatch(
      /^2 paragraphs changed/,
    );
    const removed = (await changes.locator('del').allTextContents()).join(' | ');
    const inserted = (await changes.locator('ins').allTextContents()).join(' | ');
    expect(removed).toContain('denies');
    expect(removed).toContain('Jens Stoltenberg said');
    expect(inserted).toContain('has denied');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reads the older version from the picker, and goes back to the current one', async () => {
    const picker = page.getByRole('combobox', { name: 'Version' });
    const labels = await picker.locator('option').allTextContents();
    const first = labels.find((label) => label.startsWith('1 — '));
    expect(first).toBeDefined();
    await picker.selectOption({ label: first! });
    const notice = page.getByRole('region', { name: 'Older version' });
    // The notice says "Loading version 1…" until the older text has come.
    await notice.filter({ hasText: 'version 1 of 2' }).waitFor();
    expect(await notice.textContent()).toContain('version 1 of 2');
    const older = page.getByRole('article', { name: /version 1$/ });
    await older.waitFor();
    expect(await older.textContent()).toContain('which Russia denies');
    expect(await older.textContent()).toContain('Jens Stoltenberg said');
    await notice.getByRole('button', { name: 'Back to current version' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.getByRole('document', { name: 'Article text' }).textContent()).toContain(
      'which Russia has denied',
    );
  });

  it('re-attaches the orphan to words the user selects, and Ctrl+Z puts it back', async () => {
    await sidebar(page)
      .getByRole('button', { name: /^Re-attach “the warning time/ })
      .click();
    await selectPhrase(page, 'What is certain, however');
    await page
      .getByRole('toolbar', { name: 'Re-attach' })
      .getByRole('button', { name: 'Re-attach here' })
      .click();
    await card(page, 'What is certain, however').waitFor();
    expect(await sidebar(page).textContent()).not.toContain('Orphaned (1)');
    await page.keyboard.press('Control+z');
    await sidebar(page).getByText('Orphaned (1)').waitFor();
  });
});

const TITLE = 'Ceasefire talks resume in Geneva';
const FIRST = [
  'Negotiators returned to Geneva on Tuesday for a third round of talks, officials said.',
  'The envoy said the talks would focus on the exchange of prisoners before the spring.',
  'Neither delegation commented on the record, and no breakthrough was expected this week.',
];
const REVISED = [
  FIRST[0]!,
  'The envoy said the talks would focus on the exchange of prisoners before the summer.',
];

function pageOf(paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="og:title" content="${TITLE}"></head><body><main><article><h1>${TITLE}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main></body></html>`;
}

describe('Check for changes', () => {
  let news: http.Server;
  let origin = '';
  let serving = FIRST;

  beforeAll(async () => {
    news = http.createServer((req, res) => {
      if (req.url !== '/news/talks.html') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pageOf(serving));
    });
    await new Promise<void>((resolve) => news.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(news.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => news?.close(resolve)));

  it('fetches the revised page: a new version, the banner, and then "No changes"', async () => {
    await page.goto(session.server.url);
    await page.getByRole('button', { name: 'Add from URL…' }).click();
    const add = page.getByRole('dialog', { name: 'Add from URL' });
    await add.getByLabel('Address').fill(`${origin}/news/talks.html`);
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await markClaim(page, 'the exchange of prisoners before the spring', {
      type: 'assertion',
      speaker: 'The envoy',
    });
    await page.keyboard.press('Escape');
    await highlight('no breakthrough was expected this week');

    serving = REVISED;
    await versionActions().getByRole('button', { name: 'Check for changes' }).click();
    await banner().waitFor();
    expect(await banner().textContent()).toMatch(/1 claim changed, 1 passage removed/);
    expect(await card(page, 'the exchange of prisoners').locator('ins').allTextContents()).toEqual([
      expect.stringContaining('summer'),
    ]);

    await page.keyboard.press('Control+Shift+U');
    await announcement(page)
      .filter({ hasText: /No changes: the text is the same as version 2/ })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
