/** Driving the reader in a Playwright page, as a user would, for end-to-end tests and screenshots. */
import type { Page } from 'playwright-core';
import type { RunningWebMode } from './web-mode';

export const SAMPLE_TITLE = /Negotiations continue between Western and Russian diplomats/;

/** Selects `phrase` in the article text the way a drag of the mouse would. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.article-body');
    if (!body) throw new Error('no article is open');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, phrase);
}

/** Opens web mode's page and the sample article in it. */
export async function openSample(page: Page, server: RunningWebMode): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: SAMPLE_TITLE })
    .click();
  await page.getByRole('document', { name: 'Article text' }).waitFor();
}

export function highlightTexts(page: Page): Promise<string[]> {
  return page.locator('mark.highlight').allTextContents();
}
