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
      // A user selects what is on screen.
      node.parentElement!.scrollIntoView({ block: 'center' });
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

/** The sidebar landmark. */
export function sidebar(page: Page) {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/** The annotation card whose quote starts with `quoteStart`. */
export function card(page: Page, quoteStart: string) {
  return sidebar(page).getByRole('article', { name: `Annotation: ${quoteStart}`, exact: false });
}

export interface ClaimFields {
  readonly type: string;
  readonly speaker: string;
  readonly status?: string;
}

/** Fills the open card's claim fields, committing each with Enter as a keyboard user would. */
export async function fillClaim(page: Page, fields: ClaimFields): Promise<void> {
  const open = sidebar(page).locator('[data-active]');
  const type = open.getByLabel('Type', { exact: true });
  await type.fill(fields.type);
  await type.press('Enter');
  const speaker = open.getByLabel('Attributed to');
  await speaker.fill(fields.speaker);
  await speaker.press('Enter');
  if (fields.status) await open.getByLabel('Status').selectOption(fields.status);
}

/** Selects `phrase`, marks it as a claim with the toolbar, and fills the claim's fields. */
export async function markClaim(page: Page, phrase: string, fields: ClaimFields): Promise<void> {
  await selectPhrase(page, phrase);
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Claim', exact: true })
    .click();
  await sidebar(page).locator('[data-active]').getByLabel('Type', { exact: true }).waitFor();
  await fillClaim(page, fields);
}
