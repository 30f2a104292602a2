/**
 * End to end, web mode in Chromium: the sample article's details are edited from the reader's
 * "Article details" button (a new byline and a tag), saved with Enter; the reader's header and
 * the library row show the new byline at once, the service has stored both; "Undo edit details"
 * puts the byline and tags back as they were.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/shared/contract/entities';
import { useE2eSession } from '../support/e2e-session';
import { openSample, SAMPLE_TITLE } from '../support/reader-page';
import type { RunningWebMode } from '../support/web-mode';

const session = useE2eSession('article-details', { startServer: true });

const NEW_BYLINE = 'Jane Roe';

/** The sample as the service lists it now. */
async function sample(server: RunningWebMode): Promise<ArticleSummary> {
  const response = await fetch(`${server.origin}/api/listArticles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: '{}',
  });
  const result = (await response.json()) as { ok: boolean; value: { articles: ArticleSummary[] } };
  if (!result.ok) throw new Error(`listArticles: ${JSON.stringify(result)}`);
  return result.value.articles.find((a) => SAMPLE_TITLE.test(a.title))!;
}

const details = (page: Page) => page.getByRole('dialog', { name: 'Article details' });
const headerMeta = (page: Page) => page.locator('.article-header .article-meta');
const libraryRow = (page: Page) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: SAMPLE_TITLE });

describe('Article details', () => {
  it('edits the byline and tags from the reader, shows them at once, and undo puts them back', async () => {
    const server = session.server;
    const page = await session.browser.newPage();
    try {
      const before = await sample(server);
      expect(before.byline).toBe('Simon C.');
      await openSample(page, server);

      await page.getByRole('button', { name: 'Article details' }).click();
      const byline = details(page).getByLabel('Byline', { exact: true });
      await expect
        .poll(() =>
          details(page)
            .getByLabel('Title', { exact: true })
            .evaluate((el) => el === document.activeElement),
        )
        .toBe(true);
      expect(await byline.inputValue()).toBe(before.byline ?? '');
      expect(await details(page).getByRole('region', { name: 'Origin' }).textContent()).toContain(
        'The sample article',
      );

      await byline.fill(NEW_BYLINE);
      const tags = details(page).getByLabel('Tags', { exact: true });
      await tags.fill([...before.tags, 'negotiations'].join(', '));
      await tags.press('Enter');
      await details(page).waitFor({ state: 'detached' });

      // Shown from the reply, in the reader's header and the library row.
      await expect.poll(() => headerMeta(page).textContent()).toContain(`By ${NEW_BYLINE}`);
      await expect.poll(() => libraryRow(page).textContent()).toContain(NEW_BYLINE);
      const saved = await sample(server);
      expect(saved.byline).toBe(NEW_BYLINE);
      expect(saved.tags).toContain('negotiations');

      // Undo: as it was, on screen and in the library.
      await page.getByRole('button', { name: 'Undo edit details' }).click();
      await page.getByRole('button', { name: 'Redo edit details' }).waitFor();
      await expect.poll(() => headerMeta(page).textContent()).not.toContain(NEW_BYLINE);
      expect(await headerMeta(page).textContent()).toContain('By Simon C.');
      const undone = await sample(server);
      expect(undone.byline).toBe(before.byline);
      expect(undone.tags).toEqual(before.tags);
    } finally {
      await page.close();
    }
  });
});
