/**
 * End to end, web mode on temporary libraries in Chromium: "Back up now" and "Restore from
 * backup…" bring an older library back, keeping the current one aside, and "Undo restore" puts
 * it back after the reload; an article whose stored text was changed behind the app's back shows
 * as damaged with a way to a backup; an emptied library file is moved aside at open, the newest
 * backup opened, and the window says where the damaged file went.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { openSample, SAMPLE_TITLE } from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const session = useE2eSession('backups');

function libraryDir(name: string): string {
  const dir = path.join(session.dataDir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const backupsDialog = (page: Page) => page.getByRole('dialog', { name: 'Restore from backup' });

async function openBackups(page: Page) {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'Restore from backup…' })
    .click();
  const dialog = backupsDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** Makes a backup from the dialog and waits until it is listed. */
async function backUpNow(page: Page) {
  const dialog = await openBackups(page);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect
    .poll(() => dialog.getByRole('status').textContent(), { timeout: 20_000 })
    .toMatch(/^Backed up: 1 article, \d+ annotations? \(.+\)\.$/);
  await expect.poll(() => dialog.getByRole('radio', { name: /Made by you/ }).count()).toBe(1);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

const sampleButton = (page: Page) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: SAMPLE_TITLE });

describe('backups', () => {
  it('R25 restores a backup (the current library kept aside first) and undoes the restore', async () => {
    const server = await startWebMode(libraryDir('restore'));
    const page = await session.browser.newPage();
    try {
      await openSample(page, server);
      await backUpNow(page);

      // A change after the backup: the article goes to the trash.
      await page.getByRole('button', { name: 'Delete article' }).click();
      await page.getByText('The library is empty.').waitFor();

      const dialog = await openBackups(page);
      await dialog.getByRole('radio', { name: /Made by you/ }).check();
      await dialog.getByRole('button', { name: 'Restore…' }).click();
      const confirm = dialog.getByRole('button', { name: 'Restore this backup' });
      await confirm.waitFor();
      expect(await dialog.textContent()).toContain('Your current library is kept aside first');
      // By keyboard: the question's button has the focus.
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');

      // The window reloads and says what was restored.
      const notice = page.getByRole('status', { name: 'Library restored' });
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.textContent()).toMatch(/^Restored your backup of .*: 1 article, /);
      await sampleButton(page).waitFor();

      await notice.getByRole('button', { name: 'Undo restore' }).click();
      await page.getByText('Restore undone: your library is back as it was').waitFor({
        timeout: 20_000,
      });
      await page.getByText('The library is empty.').waitFor();
      expect(await sampleButton(page).count()).toBe(0);

      // Each restore kept the library it replaced, as a backup "Before a restore".
      const after = await openBackups(page);
      await expect
        .poll(() => after.getByRole('radio', { name: /Before a restore/ }).count())
        .toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
      expect(await server.stop()).toBe(0);
    }
  });

  it('R22 an article whose stored text was changed shows as damaged, with Restore from backup…', async () => {
    const dir = libraryDir('damaged');
    const first = await startWebMode(dir);
    const page = await session.browser.newPage();
    try {
      await openSample(page, first);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // Changed behind the app's back: the text no longer matches the hash stored with it.
    const db = new Database(path.join(dir, 'marginalia.db'));
    try {
      expect(db.prepare(`UPDATE articles SET text = text || ' (altered)'`).run().changes).toBe(1);
    } finally {
      db.close();
    }
    const second = await startWebMode(dir);
    try {
      await page.goto(second.url);
      await sampleButton(page).click();
      const banner = page.getByRole('alert', { name: 'Damaged article' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain(
        'This article’s stored text doesn’t match its checksum: it may be damaged.',
      );
      await banner.getByRole('button', { name: 'Restore from backup…' }).click();
      await backupsDialog(page).waitFor();
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
  });

  it('R22 an emptied library file is moved aside, the newest backup opened, and the window says where', async () => {
    const dir = libraryDir('emptied');
    const first = await startWebMode(dir);
    const page = await session.browser.newPage();
    try {
      await openSample(page, first);
      await backUpNow(page);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    fs.writeFileSync(path.join(dir, 'marginalia.db'), '');
    const second = await startWebMode(dir);
    try {
      await page.goto(second.url);
      const alert = page.getByRole('alert', { name: 'The library was damaged' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Opened instead: .*backup of .*, with 1 article, /);
      const movedTo = (await alert.locator('code').textContent()) ?? '';
      expect(fs.existsSync(movedTo)).toBe(true);
      // Never deleted: the empty file is there, where the window says.
      const kept = fs.statSync(movedTo).isDirectory()
        ? fs.readdirSync(movedTo).some((name) => name.startsWith('marginalia.db'))
        : true;
      expect(kept).toBe(true);
      await sampleButton(page).waitFor();
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      expect(await alert.count()).toBe(0);
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
  });
});
