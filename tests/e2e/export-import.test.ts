/**
 * End to end, in web mode: on the sample article, an accusation, a denial linked to it as
 * "denies" and a tagged note; then Export → Markdown… downloads an Obsidian file; "Copy as
 * Markdown" on a card fills the clipboard; the W3C JSON-LD download, imported into a fresh
 * library, brings back the three annotations with their claims, tags and link; and the library
 * exported to a folder writes its files, then finds them unchanged the second time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import {
  announcement,
  card,
  cardShows,
  chooseExport,
  downloadOf,
  linkCards,
  markClaim,
  openSample,
  selectPhrase,
  sidebar,
} from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';
const TROOPS = 'more than 100,000 troops';
const NOTE = 'The build-up, in numbers.';

const session = useE2eSession('export', { startServer: true });

let context: BrowserContext;
let page: Page;
let w3c: { fileName: string; content: string };
const errors: string[] = [];

beforeAll(async () => {
  context = await session.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: session.server.origin,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await context?.close();
});

describe('export and import', () => {
  it('marks an accusation, a denial that denies it, and a tagged note', async () => {
    await openSample(page, session.server);
    await markClaim(page, ACCUSATION, { type: 'accusation', speaker: 'Western intelligence' });
    await cardShows(page, 'Western intelligence', 'accusation', 'Western intelligence');
    const accusation = card(page, 'Western intelligence reports');
    await accusation.getByLabel('New tag').fill('false flag');
    await accusation.getByLabel('New tag').press('Enter');
    await accusation.getByRole('button', { name: 'Done' }).click();

    await markClaim(page, DENIAL, { type: 'denial', speaker: 'Russia', status: 'denied' });
    await cardShows(page, DENIAL, 'denial', 'Russia', 'denied');
    await linkCards(page, DENIAL, 'denies', 'Western intelligence reports');
    await expect.poll(() => accusation.innerText()).toMatch(/denied by/i);
    await card(page, DENIAL).getByRole('button', { name: 'Done' }).click();

    await selectPhrase(page, TROOPS);
    await page
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: 'Note', exact: true })
      .click();
    const troops = card(page, TROOPS);
    await troops.getByLabel('Note').fill(NOTE);
    await troops.getByLabel('New tag').fill('military');
    await troops.getByLabel('New tag').press('Enter');
    await troops.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(3);
  });

  it('downloads the article as Markdown from Export → Markdown…', async () => {
    await chooseExport(page, 'Markdown…');
    const dialog = page.getByRole('dialog', { name: 'Export as Markdown' });
    await expect.poll(() => dialog.locator('pre').innerText()).toMatch(/^---\ntitle:/);
    await dialog.getByLabel('Group by').selectOption('tag');
    await expect.poll(() => dialog.locator('pre').innerText()).toMatch(/## Annotations by tag/);

    const file = await downloadOf(page, () =>
      dialog.getByRole('button', { name: 'Download' }).click(),
    );
    expect(file.fileName).toMatch(/^Negotiations continue .*\.md$/);
    const md = file.content;
    expect(md).toMatch(
      /^---\ntitle: Negotiations continue between Western and Russian diplomats\n/,
    );
    const row = md.split('\n').find((line) => line.startsWith('| Western intelligence reports'));
    expect(row).toMatch(/\| accusation \| Western intelligence \| unverified \|/);
    expect(row).toMatch(/denied by/);
    expect(md).toContain('## Claims');
    expect(md).toMatch(/^> Western intelligence reports have said/m);
    expect(md).toContain('#false-flag');
    expect(md).toContain('#military');
    expect(md).toContain(NOTE);
    expect(md).toContain('marginalia://open?article=01950000-0000-7000-8000-000000000001');
    expect(md).toContain('### military (1)');
    // The dialog closed, gave the focus back to the menu button and said what happened.
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => announcement(page).innerText()).toBe(`Downloaded ${file.fileName}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe(
      'menu',
    );
  });

  it('copies a card, and a selection of cards, as Markdown', async () => {
    await card(page, DENIAL).getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => announcement(page).innerText()).toBe('Copied 1 annotation as Markdown');
    const one = await page.evaluate(() => navigator.clipboard.readText());
    expect(one).toMatch(/^From \[Negotiations continue/);
    expect(one).toContain('> which Russia denies');
    expect(one).toContain('Claim: denial · attributed to Russia · denied');
    expect(one).toMatch(/Denies: “Western intelligence reports/);

    await sidebar(page).getByRole('button', { name: 'Select', exact: true }).click();
    await sidebar(page)
      .getByRole('checkbox', { name: /^Select Western intelligence/ })
      .check();
    await sidebar(page)
      .getByRole('checkbox', { name: `Select ${TROOPS}` })
      .check();
    await sidebar(page).getByRole('button', { name: 'Copy 2 as Markdown' }).click();
    await expect
      .poll(() => announcement(page).innerText())
      .toBe('Copied 2 annotations as Markdown');
    const two = await page.evaluate(() => navigator.clipboard.readText());
    // In document order: the troops come first in the article.
    expect(two.indexOf(`> ${TROOPS}`)).toBeGreaterThan(0);
    expect(two.indexOf('> Western intelligence')).toBeGreaterThan(two.indexOf(`> ${TROOPS}`));
    expect(two).not.toContain('> which Russia denies');
  });

  it('downloads W3C JSON-LD and imports it into a fresh library, with a report', async () => {
    w3c = await downloadOf(page, () => chooseExport(page, 'W3C annotations (JSON-LD)'));
    expect(w3c.fileName).toMatch(/\.jsonld$/);
    expect(JSON.parse(w3c.content)).toMatchObject({ type: 'AnnotationCollection' });

    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-import-'));
    const fresh = await startWebMode(freshDir);
    const other = await context.newPage();
    try {
      await openSample(other, fresh);
      expect(await sidebar(other).getByRole('article').count()).toBe(0);
      await other.getByRole('button', { name: 'Import annotations…' }).click();
      const dialog = other.getByRole('dialog', { name: 'Import annotations' });
      await dialog.getByLabel('Annotation file').setInputFiles({
        name: w3c.fileName,
        mimeType: 'application/ld+json',
        buffer: Buffer.from(w3c.content),
      });
      await dialog.getByRole('radio', { name: 'The article each annotation names' }).waitFor();
      expect(
        await dialog.getByRole('radio', { name: /^The open article: Negotiations/ }).count(),
      ).toBe(1);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      const report = dialog.getByRole('status');
      await expect.poll(() => report.innerText()).toMatch(/3 anchored, 0 changed, 0 orphaned/);
      expect(await report.innerText()).toMatch(/1 link restored/);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The reader was refreshed: the three come back with their claims, tags, note and link.
      await expect.poll(() => sidebar(other).getByRole('article').count()).toBe(3);
      const accusation = await card(other, 'Western intelligence reports').innerText();
      expect(accusation).toMatch(/accusation/);
      expect(accusation).toMatch(/#false flag/);
      expect(accusation).toMatch(/denied by ‘which Russia denies’/);
      const denial = await card(other, DENIAL).innerText();
      expect(denial).toMatch(/denial/);
      expect(denial).toMatch(/Russia/);
      expect(denial).toMatch(/denied/);
      const troops = await card(other, TROOPS).innerText();
      expect(troops).toContain(NOTE);
      expect(troops).toContain('#military');
      expect(await other.locator('mark.highlight').count()).toBeGreaterThanOrEqual(3);

      // Importing the same file again adds nothing.
      await other.getByRole('button', { name: 'Import annotations…' }).click();
      await dialog.getByLabel('Annotation file').setInputFiles({
        name: w3c.fileName,
        mimeType: 'application/ld+json',
        buffer: Buffer.from(w3c.content),
      });
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => report.innerText()).toMatch(/3 annotations were already/);
      await other.keyboard.press('Escape');
      expect(await dialog.count()).toBe(0);
      await expect.poll(() => sidebar(other).getByRole('article').count()).toBe(3);
    } finally {
      await other.close();
      await fresh.stop();
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it('exports the library to a folder, and a second time finds it unchanged', async () => {
    // Web mode writes only inside a folder allowed when it started (--export-folder).
    const folder = fs.mkdtempSync(path.join(session.exportDir, 'vault-'));
    try {
      await page.getByRole('button', { name: 'Export library…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export library' });
      expect(await dialog.getByRole('button', { name: 'Choose…' }).count()).toBe(0); // web mode
      await dialog.getByLabel('Folder', { exact: true }).fill(folder);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      const result = dialog.getByRole('status');
      await expect.poll(() => result.innerText()).toMatch(/1 created, 0 updated, 0 unchanged/);
      const files = fs.readdirSync(folder);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^Negotiations continue .*\.md$/);
      expect(fs.readFileSync(path.join(folder, files[0]!), 'utf8')).toContain('## Claims');

      // Something not ours in the folder is left alone.
      fs.writeFileSync(path.join(folder, 'My notes.md'), '# Mine\n');
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect.poll(() => result.innerText()).toMatch(/0 created, 0 updated, 1 unchanged/);
      expect(fs.readFileSync(path.join(folder, 'My notes.md'), 'utf8')).toBe('# Mine\n');

      // A folder that is not there is an error shown in the dialog.
      await dialog.getByLabel('Folder', { exact: true }).fill(path.join(folder, 'missing'));
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await dialog.getByRole('alert').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });
});
