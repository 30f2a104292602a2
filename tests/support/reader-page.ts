/** Driving the reader in a Playwright page, as a user would, for end-to-end tests and screenshots. */
import { readFile } from 'node:fs/promises';
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
  // The new card, not the one open before it: its fields are the ones to fill.
  await sidebar(page)
    .locator('[data-active]')
    .filter({ has: page.locator('blockquote', { hasText: phrase }) })
    .getByLabel('Type', { exact: true })
    .waitFor();
  await fillClaim(page, fields);
}

/** Links the open card `from` to the annotation whose quote starts with `toStart`. */
export async function linkCards(
  page: Page,
  fromStart: string,
  relation: string,
  toStart: string,
): Promise<void> {
  const from = card(page, fromStart);
  await from.getByLabel('Relation').selectOption(relation);
  const target = from.getByLabel('Link to…');
  const option = target.locator('option', { hasText: toStart });
  await target.selectOption((await option.getAttribute('value'))!);
  await from.getByRole('button', { name: 'Add link' }).click();
}

/** Chooses `item` from the reader toolbar's Export menu. */
export async function chooseExport(page: Page, item: string): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Reader' })
    .getByRole('button', { name: 'Export' })
    .click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Runs `action`, which starts a download, and answers the file's name and text. */
export async function downloadOf(
  page: Page,
  action: () => Promise<void>,
): Promise<{ fileName: string; content: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), content: await readFile(path, 'utf8'), path };
}

/** The app's polite live region (what was announced last). */
export function announcement(page: Page) {
  return page.locator('.visually-hidden[role="status"][aria-live="polite"]');
}

/** Waits until the card's colour-and-claim line shows every one of `texts` (saved and reloaded). */
export async function cardShows(page: Page, quoteStart: string, ...texts: string[]) {
  const meta = card(page, quoteStart).locator('.sb-meta');
  for (const text of texts) {
    await meta.filter({ hasText: text }).waitFor();
  }
}
