/**
 * End to end, in web mode: a word written only in a note is found by Search everything
 * (Ctrl+K), and Enter on it opens the article with that annotation's card shown; a match in the
 * article's text opens with the matched word flashed on screen.
 */
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { card, openSample, selectPhrase } from '../support/reader-page';

const PHRASE = 'Jens Stoltenberg';
/** A word that is nowhere in the sample: only the note holds it. */
const WORD = 'quokkaberry';

const session = useE2eSession('search', { startServer: true });

describe('search everything', () => {
  it('finds a word that is only in a note and opens the article at its annotation', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      await selectPhrase(page, PHRASE);
      await page.keyboard.press('n');
      const note = card(page, PHRASE).getByLabel('Note');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(`Ask about the ${WORD} memo.`);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page, PHRASE).innerText()).toContain(WORD);

      // Leave the article: the search must open it again.
      await page.getByRole('button', { name: 'Claims ledger' }).click();
      await page.getByRole('region', { name: 'Claims ledger' }).waitFor();
      await expect.poll(() => page.getByRole('document', { name: 'Article text' }).count()).toBe(0);

      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Search everything' });
      const field = dialog.getByRole('combobox', { name: 'Search' });
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(WORD);
      const hit = dialog.getByRole('option', { name: new RegExp(`^Note: .*${WORD}`) });
      await hit.waitFor();
      expect(await hit.locator('mark').allTextContents()).toEqual([WORD]);
      // The article's heading comes first; the note is the next one down.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => hit.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');

      await expect.poll(() => dialog.count()).toBe(0);
      await page.getByRole('document', { name: 'Article text' }).waitFor();
      const shown = card(page, PHRASE);
      await expect
        .poll(() => shown.getByRole('button', { name: 'Edit' }).getAttribute('aria-expanded'))
        .toBe('true');
      // The open card's note field holds the note that was found.
      expect(await shown.getByLabel('Note').inputValue()).toContain(WORD);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens a match in the article’s text with the matched word flashed on screen', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Search everything' });
      await dialog.getByRole('combobox', { name: 'Search' }).waitFor();
      await page.keyboard.type('Stoltenberg');
      const hit = dialog.getByRole('option', { name: /^Text: .*Stoltenberg/ }).first();
      await hit.waitFor();
      await hit.click();

      await expect.poll(() => dialog.count()).toBe(0);
      const flash = page.locator('.article-body .search-flash');
      await flash.first().waitFor({ state: 'visible' });
      expect((await flash.allTextContents()).join('')).toBe('Stoltenberg');
      // It is on screen, not just in the page.
      const box = (await flash.first().boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(1000);
      // And it goes away by itself.
      await expect.poll(() => flash.count(), { timeout: 10_000 }).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
