/**
 * End to end: tags added in a card, with "Manage tags" renaming one everywhere and merging two.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { card, openSample, selectPhrase, sidebar } from '../support/reader-page';

const session = useE2eSession('tags', { startServer: true });

async function tagPhrase(page: Page, phrase: string, tag: string, shown = tag) {
  await selectPhrase(page, phrase);
  await page.keyboard.press('t');
  const input = card(page, phrase).getByLabel('New tag');
  await input.fill(tag);
  await input.press('Enter');
  await expect.poll(() => card(page, phrase).innerText()).toContain(`#${shown}`);
  await page.keyboard.press('Escape');
}

async function renameTag(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: 'Manage tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Manage tags' });
  const field = dialog.getByLabel(`Name of tag ${from}`, { exact: true });
  await field.fill(to);
  await field.press('Enter');
  await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(new RegExp(to));
  await dialog.getByRole('button', { name: 'Close' }).click();
}

describe('tags', () => {
  it('renames a tag everywhere and merges two tags', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await openSample(page, session.server);
      await tagPhrase(page, 'more than 100,000 troops', 'military');
      // Typed in another case, a tag is the existing one.
      await tagPhrase(page, 'Jens Stoltenberg', 'NATO people');
      await tagPhrase(page, 'North Atlantic Treaty Organization', 'Military', 'military');

      await renameTag(page, 'NATO people', 'military');
      const texts = () => sidebar(page).getByRole('article').allInnerTexts();
      await expect
        .poll(async () => (await texts()).filter((t) => t.includes('#military')).length)
        .toBe(3);

      await renameTag(page, 'military', 'armed forces');
      await expect
        .poll(async () => (await texts()).filter((t) => t.includes('#armed forces')).length)
        .toBe(3);
      expect((await texts()).some((t) => t.includes('#military'))).toBe(false);
    } finally {
      await page.close();
    }
  });
});
