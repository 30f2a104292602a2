/**
 * End to end by keyboard alone: open the sample from the library with Tab and Enter, select words
 * with Shift+arrows, highlight with H, note with N, mark a claim with C, move with J/K, close with
 * Escape, open the shortcuts with ?, and undo and redo with Ctrl+Z and Ctrl+Shift+Z.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { card, highlightTexts, sidebar } from '../support/reader-page';

const session = useE2eSession('keys', { startServer: true });

/** Presses Tab until the focused element matches `description`; fails if it never does. */
async function tabTo(page: Page, matches: (el: Element) => boolean, description: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

const selectedText = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '');

describe('the reader by keyboard alone', () => {
  it('highlights, notes, marks claims, navigates, helps, undoes and redoes', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(session.server.url);
      await tabTo(
        page,
        (el) => el.tagName === 'BUTTON' && /Negotiations continue/.test(el.textContent ?? ''),
        'the sample',
      );
      await page.keyboard.press('Enter');
      await page.getByRole('document', { name: 'Article text' }).waitFor();
      await tabTo(page, (el) => el.getAttribute('aria-label') === 'Article text', 'the article');

      // Select three words with Shift+arrows, then H.
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
      expect((await selectedText(page)).trim()).toBe('In December of');
      await page.keyboard.press('h');
      await expect.poll(() => highlightTexts(page)).toEqual(['In December of']);

      // The next word with N: the card opens on its note.
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.press('n');
      const note = card(page, '2021').getByLabel('Note');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Typed without a mouse.');
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page, '2021').innerText()).toMatch(/Typed without a mouse\./);

      // A claim with C.
      await tabTo(page, (el) => el.getAttribute('aria-label') === 'Article text', 'the article');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('c');
      const type = sidebar(page).locator('[data-active]').getByLabel('Type', { exact: true });
      await expect.poll(() => type.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('opinion');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(3);
      await expect
        .poll(() => sidebar(page).getByRole('article').nth(2).innerText())
        .toMatch(/opinion/);

      // J and K move between annotations; Escape closes the open one.
      await page.locator('.article-body').focus();
      await page.keyboard.press('j');
      await expect.poll(() => sidebar(page).locator('[data-active]').count()).toBe(1);
      const first = await sidebar(page).locator('[data-active]').innerText();
      await page.keyboard.press('j');
      await expect.poll(() => sidebar(page).locator('[data-active]').innerText()).not.toBe(first);
      await page.keyboard.press('k');
      await expect.poll(() => sidebar(page).locator('[data-active]').innerText()).toBe(first);
      await page.keyboard.press('Escape');
      await expect.poll(() => sidebar(page).locator('[data-active]').count()).toBe(0);

      // ? lists the shortcuts; Escape closes the panel.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.innerText()).toMatch(/Highlight/);
      await page.keyboard.press('Escape');
      await expect.poll(() => help.count()).toBe(0);

      // Undo the change of type, then the claim itself; then redo the claim.
      await page.locator('.article-body').focus();
      const claim = sidebar(page).getByRole('article').nth(2);
      await page.keyboard.press('Control+z');
      await expect.poll(() => claim.innerText()).toMatch(/assertion/);
      await page.keyboard.press('Control+z');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(2);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(3);

      // Tab from a selection reaches the selection toolbar: any colour by keyboard.
      await page.locator('.article-body').focus();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Control+Shift+ArrowRight');
      // The toolbar follows the selection a moment later; Tab goes to it once it is there.
      await page.getByRole('toolbar', { name: 'Selection' }).waitFor();
      await page.keyboard.press('Tab');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await expect.poll(focused, { timeout: 5000 }).toBe('Highlight yellow');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(focused, { timeout: 5000 }).toBe('Highlight blue');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('mark.highlight-blue').count()).toBe(1);
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(4);

      // Two quick presses of Ctrl+Z undo two steps (the blue highlight, then the claim).
      await page.locator('.article-body').focus();
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(2);
      await page.keyboard.press('Control+Shift+z');
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(4);
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);
  });
});
