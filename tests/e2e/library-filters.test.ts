/**
 * End to end, in web mode: the library's filters follow what is written in the reader. With the
 * sample and a second article, a tag added to a passage of the sample is offered at once in the
 * library's Tag filter; choosing it narrows the list to the sample ("1 of 2 articles"), a claim
 * marked with a speaker does the same through the Speaker filter, the sample's row says it was
 * opened today, and Clear filters brings every article back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/shared/contract/entities';
import { useE2eSession } from '../support/e2e-session';
import type { RunningWebMode } from '../support/web-mode';
import { card, markClaim, openSample, SAMPLE_TITLE, selectPhrase } from '../support/reader-page';

const session = useE2eSession('library-filters', { startServer: true });
const OTHER_TITLE = 'Moscow answers';
const TAG = 'quokka watch';
const SPEAKER = 'Ann Quokka';

/** One operation through web mode's API, as the page calls it. */
async function call<T>(server: RunningWebMode, operation: string, payload: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(payload),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const count = (page: Page) => library(page).locator('.library-count').innerText();
const rowTitles = (page: Page) =>
  library(page).getByRole('grid', { name: 'Articles' }).locator('.article-title').allInnerTexts();

async function tagPhrase(page: Page, phrase: string, tag: string) {
  await selectPhrase(page, phrase);
  await page.keyboard.press('t');
  const input = card(page, phrase).getByLabel('New tag');
  await input.fill(tag);
  await input.press('Enter');
  await expect.poll(() => card(page, phrase).innerText()).toContain(`#${tag}`);
  await page.keyboard.press('Escape');
}

describe('library filters', () => {
  it('offer a tag and a speaker as soon as they are written, and narrow the list to their article', async () => {
    await call<{ article: ArticleSummary }>(session.server, 'importArticle', {
      fileName: 'moscow.md',
      contentBase64: Buffer.from(`# ${OTHER_TITLE}\n\nRussia denies any plan.\n`).toString(
        'base64',
      ),
    });
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      await expect.poll(() => count(page)).toBe('2 articles');
      const sampleRow = library(page).getByRole('button', { name: SAMPLE_TITLE });
      await expect.poll(() => sampleRow.innerText()).toContain('Opened today');

      const tagFilter = library(page).getByRole('combobox', { name: 'Tag', exact: true });
      expect(await tagFilter.locator('option').allInnerTexts()).not.toContain(TAG);
      await tagPhrase(page, 'Jens Stoltenberg', TAG);
      // Offered from the reply's article summary, without reading the library again.
      await expect.poll(() => tagFilter.locator('option').allInnerTexts()).toContain(TAG);
      await tagFilter.selectOption(TAG);
      await expect.poll(() => count(page)).toBe('1 of 2 articles');
      expect(await rowTitles(page)).toEqual([expect.stringMatching(SAMPLE_TITLE)]);

      await library(page).getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => count(page)).toBe('2 articles');
      expect(await rowTitles(page)).toHaveLength(2);

      await markClaim(page, 'more than 100,000 troops', { type: 'statistic', speaker: SPEAKER });
      const speakerFilter = library(page).getByRole('combobox', { name: 'Speaker', exact: true });
      await expect.poll(() => speakerFilter.locator('option').allInnerTexts()).toContain(SPEAKER);
      await speakerFilter.selectOption(SPEAKER);
      await expect.poll(() => count(page)).toBe('1 of 2 articles');
      await expect.poll(() => sampleRow.innerText()).toContain('1 claim');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
