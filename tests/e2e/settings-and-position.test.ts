/**
 * End to end: reading settings and the colour legend persist across a restart of web mode; the
 * reading position is remembered per article; a note typed just before the page closes is saved.
 */
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { card, openSample, selectPhrase } from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const session = useE2eSession('settings');

describe('settings, reading position and notes', () => {
  it('keeps theme, font size and legend, the reading position, and a note typed at the last moment', async () => {
    const first = await startWebMode(session.dataDir);
    // A short window, so the article scrolls.
    let page = await session.browser.newPage({ viewport: { width: 1200, height: 500 } });
    let scrolledTo = 0;
    try {
      await openSample(page, first);
      await page.keyboard.press('Control+,');
      const dialog = page.getByRole('dialog', { name: 'Reading settings' });
      await dialog.getByRole('radio', { name: 'Sepia' }).check();
      await dialog.getByRole('button', { name: 'Larger' }).click();
      const meaning = dialog.getByLabel('Meaning of yellow');
      await meaning.fill('evidence');
      await meaning.press('Enter');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('sepia');

      // Scroll down and let the position be saved.
      await page.locator('.article-scroller').evaluate((el) => (el.scrollTop = 600));
      await page.waitForTimeout(1200);

      // A note typed 50 ms before the page closes.
      await selectPhrase(page, 'Jens Stoltenberg');
      await page.keyboard.press('n');
      const note = card(page, 'Jens Stoltenberg').getByLabel('Note');
      await note.waitFor();
      await page.keyboard.type('Saved even when the tab closes at once.');
      scrolledTo = await page.locator('.article-scroller').evaluate((el) => el.scrollTop);
      expect(scrolledTo).toBeGreaterThan(200);
      await page.waitForTimeout(50);
      await page.close({ runBeforeUnload: true });
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startWebMode(session.dataDir);
    page = await session.browser.newPage({ viewport: { width: 1200, height: 500 } });
    try {
      await openSample(page, second);
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('sepia');
      const size = await page.evaluate(() =>
        document.documentElement.style.getPropertyValue('--reading-size'),
      );
      expect(size).toBe('20px');
      const scrollTop = await page.locator('.article-scroller').evaluate((el) => el.scrollTop);
      // Back at the same text (a line's height of slack: the position is kept as a text offset).
      expect(Math.abs(scrollTop - scrolledTo)).toBeLessThan(40);
      await expect
        .poll(() => card(page, 'Jens Stoltenberg').innerText())
        .toMatch(/Saved even when the tab closes at once\./);
      expect(await card(page, 'Jens Stoltenberg').innerText()).toMatch(/evidence/);
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
  });
});
