/**
 * End to end: web mode on a new data dir, driven in Chromium as a user would, finding controls
 * by role and name. The sample is in the library; a highlight made in the page survives a restart
 * of web mode; the API refuses a request without the token.
 */
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { highlightTexts, openSample, SAMPLE_TITLE, selectPhrase } from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const session = useE2eSession('e2e');

describe('web mode in Chromium', () => {
  it('shows the sample, keeps highlights across a restart, and refuses calls without the token', async () => {
    const first = await startWebMode(session.dataDir);
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, first);
      await expect
        .poll(() => page.getByRole('heading', { level: 2, name: SAMPLE_TITLE }).textContent())
        .toMatch(SAMPLE_TITLE);

      // By mouse: select, then the Highlight button.
      await selectPhrase(page, 'false-flag operations');
      await page.getByRole('button', { name: 'Highlight yellow' }).click();
      await expect.poll(() => highlightTexts(page)).toEqual(['false-flag operations']);

      // By keyboard: select, then H.
      await selectPhrase(page, 'which Russia denies');
      await page.keyboard.press('h');
      await expect
        .poll(() => highlightTexts(page))
        .toEqual(['false-flag operations', 'which Russia denies']);

      const sidebar = page.getByRole('complementary', { name: 'Annotations' });
      await expect
        .poll(() => sidebar.locator('blockquote').allTextContents())
        .toEqual(['false-flag operations', 'which Russia denies']);

      const refused = await fetch(`${first.origin}/api/listArticles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(refused.status).toBe(401);
      const wrongToken = await fetch(`${first.origin}/api/listArticles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-the-token' },
        body: '{}',
      });
      expect(wrongToken.status).toBe(401);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startWebMode(session.dataDir);
    try {
      expect(second.token).not.toBe(first.token);
      await openSample(page, second);
      await expect
        .poll(() => highlightTexts(page))
        .toEqual(['false-flag operations', 'which Russia denies']);
      const item = page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: SAMPLE_TITLE });
      await expect.poll(() => item.textContent()).toContain('2 annotations');
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});
