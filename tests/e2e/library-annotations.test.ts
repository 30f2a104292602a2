/**
 * End to end, in web mode: All annotations lists the annotations of the library; its filters
 * (words, article) narrow them, and Enter on one opens the article with that annotation's card
 * shown.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { SAMPLE_TITLE, card, openSample, selectPhrase } from '../support/reader-page';

const NOTED = 'Jens Stoltenberg';
const HIGHLIGHTED = 'which Russia denies';
/** A word that is nowhere in the sample: only the note holds it. */
const WORD = 'quokkaberry';

const session = useE2eSession('library-annotations', { startServer: true });

describe('all annotations', () => {
  it('filters every annotation in the library and opens the article at the one chosen', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      await selectPhrase(page, HIGHLIGHTED);
      await page.keyboard.press('h');
      await card(page, HIGHLIGHTED).waitFor();
      await page.keyboard.press('Escape');
      await selectPhrase(page, NOTED);
      await page.keyboard.press('n');
      const note = card(page, NOTED).getByLabel('Note');
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(`Ask about the ${WORD} memo.`);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page, NOTED).innerText()).toContain(WORD);

      // The library panel's button shows every annotation in place of the article.
      await page.getByRole('button', { name: 'All annotations', exact: true }).click();
      const view = page.getByRole('region', { name: 'All annotations' });
      await view.waitFor();
      await expect.poll(() => page.getByRole('document', { name: 'Article text' }).count()).toBe(0);
      const status = view.getByRole('status');
      await expect.poll(() => status.innerText()).toBe('2 annotations · 1 article');
      const rows = view.getByRole('grid', { name: 'Annotations' }).getByRole('button');
      // Newest first: the noted passage was annotated last.
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().innerText()).toContain(NOTED);

      await view.getByLabel('Article').selectOption({ label: (await titleOf(page)) ?? '' });
      await view.getByRole('searchbox', { name: 'Filter annotations' }).fill(WORD);
      await expect.poll(() => status.innerText()).toBe('1 of 2 annotations');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(`Ask about the ${WORD} memo.`);

      await rows.first().focus();
      await page.keyboard.press('Enter');

      await expect.poll(() => view.count()).toBe(0);
      await page.getByRole('document', { name: 'Article text' }).waitFor();
      const shown = card(page, NOTED);
      await expect
        .poll(() => shown.getByRole('button', { name: 'Edit' }).getAttribute('aria-expanded'))
        .toBe('true');
      expect(await shown.getByLabel('Note').inputValue()).toContain(WORD);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** The sample's title as the library lists it. */
async function titleOf(page: Page): Promise<string | null> {
  const titles = await page.locator('.article-title').allTextContents();
  return titles.find((t) => SAMPLE_TITLE.test(t)) ?? null;
}
