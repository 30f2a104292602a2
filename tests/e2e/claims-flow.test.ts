/**
 * End to end, the Reader issue's flow on the sample article in web mode: mark the accusation, the
 * denial linked to it as "denies", the White House and UK Foreign Office findings and
 * Stoltenberg's warning; add a note and a tag; check the sidebar and the claims view; restart web
 * mode and find exactly the same; delete the linked accusation and undo it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import {
  card,
  highlightTexts,
  markClaim,
  openSample,
  selectPhrase,
  sidebar,
} from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';
const WHITE_HOUSE = 'the White House announced an intelligence finding';
const FOREIGN_OFFICE = 'the UK Foreign Office reported that Russia also planned';
const WARNING = 'the warning time for a possible attack is going down';

const session = useE2eSession('claims');

/** What the reader shows, in a comparable form: highlights, cards and claim rows. */
async function readerState(page: Page) {
  await page.getByRole('button', { name: /^Claims \(/ }).click();
  const table = page.getByRole('region', { name: 'Claims' }).getByRole('table');
  const rows = await table.getByRole('row').allInnerTexts();
  await page.getByRole('button', { name: 'Back to article' }).click();
  return {
    highlights: await highlightTexts(page),
    cards: await sidebar(page).getByRole('article').allInnerTexts(),
    rows,
  };
}

describe('the sample-article claims flow', () => {
  it('R26 marks, links and annotates claims; they survive a restart; undo restores a deleted linked claim', async () => {
    const first = await startWebMode(session.dataDir);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let before: Awaited<ReturnType<typeof readerState>>;
    try {
      await openSample(page, first);

      await markClaim(page, ACCUSATION, { type: 'accusation', speaker: 'Western intelligence' });
      const accusation = card(page, 'Western intelligence reports');
      const note = accusation.getByLabel('Note');
      await note.fill('Repeated on February 3rd by the US.\nNo evidence published.');
      await note.blur();
      const tag = accusation.getByLabel('New tag');
      await tag.fill('false flag');
      await tag.press('Enter');
      await accusation.getByRole('button', { name: 'Done' }).click();

      // The denial by keyboard: select, then C; then link it to the accusation as "denies".
      await selectPhrase(page, DENIAL);
      await page.keyboard.press('c');
      await markClaimFieldsOfOpenCard(page, 'denial', 'Russia', 'denied');
      const denial = card(page, DENIAL);
      await denial.getByLabel('Relation').selectOption('denies');
      const target = denial.getByLabel('Link to…');
      const option = target.locator('option', { hasText: 'Western intelligence reports' });
      await target.selectOption((await option.getAttribute('value'))!);
      await denial.getByRole('button', { name: 'Add link' }).click();
      await expect.poll(() => accusation.innerText()).toMatch(/denied by/i);
      await denial.getByRole('button', { name: 'Done' }).click();

      await markClaim(page, WHITE_HOUSE, { type: 'evidence', speaker: 'White House' });
      await markClaim(page, FOREIGN_OFFICE, { type: 'evidence', speaker: 'UK Foreign Office' });
      await markClaim(page, WARNING, {
        type: 'prediction',
        speaker: 'Jens Stoltenberg',
        status: 'unverified',
      });
      await page.keyboard.press('Escape');

      before = await readerState(page);
      expect(before.highlights).toEqual([ACCUSATION, DENIAL, WHITE_HOUSE, FOREIGN_OFFICE, WARNING]);
      expect(before.cards).toHaveLength(5);
      expect(before.cards[0]).toMatch(/accusation/);
      expect(before.cards[0]).toMatch(/Western intelligence/);
      expect(before.cards[0]).toMatch(/false flag/);
      expect(before.cards[0]).toMatch(/No evidence published\./);
      expect(before.cards[1]).toMatch(/denial/);
      expect(before.cards[1]).toMatch(/Russia/);
      expect(before.rows).toHaveLength(6); // a header row and five claims
      const accusationRow = before.rows.find((r) => r.includes('Western intelligence reports'));
      expect(accusationRow).toMatch(/denied by/i);
      expect(accusationRow).toMatch(/which Russia denies/);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startWebMode(session.dataDir);
    try {
      await openSample(page, second);
      await expect.poll(() => highlightTexts(page)).toHaveLength(5);
      expect(await readerState(page)).toEqual(before);

      // Delete the linked accusation: the denial loses its link but stays.
      const accusation = card(page, 'Western intelligence reports');
      await accusation.getByRole('button', { name: 'Edit' }).click();
      await accusation.getByRole('button', { name: 'Delete annotation' }).click();
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(4);
      const denialLinks = card(page, DENIAL).getByRole('list', { name: 'Links' });
      await expect.poll(() => denialLinks.count()).toBe(0);

      // Undo brings back the claim and its link.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await expect.poll(() => sidebar(page).getByRole('article').count()).toBe(5);
      await expect.poll(() => denialLinks.innerText()).toMatch(/denies.*Western intelligence/i);
      expect(await readerState(page)).toEqual(before);
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

/** Fills the claim fields of the card the C key opened. */
async function markClaimFieldsOfOpenCard(
  page: Page,
  type: string,
  speaker: string,
  status: string,
) {
  const open = sidebar(page).locator('[data-active]');
  const typeField = open.getByLabel('Type', { exact: true });
  await typeField.fill(type);
  await typeField.press('Enter');
  const speakerField = open.getByLabel('Attributed to');
  await speakerField.fill(speaker);
  await speakerField.press('Enter');
  await open.getByLabel('Status').selectOption(status);
}
