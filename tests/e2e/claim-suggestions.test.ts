/**
 * End to end, the Suggested-claims issue's "Done when" on the sample article in web mode: turn on
 * "Suggest claims"; the sidebar's list and the margin labels show the false-flag statement by
 * Western intelligence, Russia's denial, the White House and UK Foreign Office findings and
 * Stoltenberg's warning; accept each by keyboard (Tab to it in the article, A); the claims view
 * lists them with their speakers; Ctrl+Z undoes the last accept; X dismisses one, and after a
 * reload the toggle is still on and the dismissed one is still gone; the help lists the keys.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { openSample, sidebar } from '../support/reader-page';

const session = useE2eSession('suggestions', { startServer: true });

/** What the issue expects, as each row's checkbox names it: "<type> by <speaker>: <quote>". */
const EXPECTED = [
  {
    speaker: 'Western intelligence',
    name: /^(assertion|accusation) by Western intelligence: Russia planned to run/,
    quote: 'Russia planned to run “false-flag operations”',
  },
  {
    speaker: 'Russia',
    name: /^denial by Russia: Russia planned to run/,
    quote: 'Russia planned to run “false-flag operations”',
  },
  {
    speaker: 'White House',
    name: /^evidence by White House: Russia had been stirring/,
    quote: 'Russia had been stirring',
  },
  {
    speaker: 'UK Foreign Office',
    name: /^evidence by UK Foreign Office: Russia also planned/,
    quote: 'Russia also planned',
  },
  {
    speaker: 'Jens Stoltenberg',
    name: /^(assertion|prediction) by Jens Stoltenberg: “the number of Russian forces/,
    quote: 'the number of Russian forces is going up',
  },
] as const;

const toggle = (page: Page) =>
  page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Suggest claims' });
const panel = (page: Page) => sidebar(page).getByRole('region', { name: 'Suggested claims' });

/** The checkbox names of the listed suggestions that are drawn (the list is virtual). */
const listedNames = (page: Page) =>
  panel(page)
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));

/** Every suggestion's name, scrolling the list through so each row is drawn once. */
async function allListedNames(page: Page): Promise<string[]> {
  const names = new Set<string>();
  const scroller = panel(page).locator('.sg-scroll');
  const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  for (let top = 0; ; top += Math.max(50, clientHeight / 2)) {
    await scroller.evaluate((el, y) => (el.scrollTop = y), top);
    await page.waitForTimeout(50); // the virtualizer draws on the next frame
    for (const name of await listedNames(page)) names.add(name);
    if (top >= scrollHeight) break;
  }
  return [...names];
}

/** Waits until the finder has answered: the list says how many. */
async function waitForSuggestions(page: Page): Promise<void> {
  await panel(page)
    .getByText(/^\d+ suggestions?$/)
    .waitFor({ timeout: 30_000 });
}

/** The name of the list's current suggestion (the one Tab moved to), or null. */
const currentName = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('[data-suggestion-row][data-current] input[type="checkbox"]')
        ?.getAttribute('aria-label') ?? null,
  );

const claimsButton = (page: Page) => page.getByRole('button', { name: /^Claims \(\d+\)$/ });

/**
 * Presses Tab in the article until the current suggestion matches `name`, then `key`. Past the
 * last suggestion Tab leaves the article (by design): then it comes back and goes the other way
 * with Shift+Tab.
 */
async function tabToAndPress(page: Page, name: RegExp, key: string): Promise<string> {
  const article = page.getByRole('document', { name: 'Article text' });
  const inArticle = () => article.evaluate((el) => el.contains(document.activeElement));
  let step = 'Tab';
  for (let i = 0; i < 80; i++) {
    if (!(await inArticle())) await article.focus();
    await page.keyboard.press(step);
    if (!(await inArticle())) {
      step = step === 'Tab' ? 'Shift+Tab' : 'Tab';
      continue;
    }
    const current = await currentName(page);
    if (current !== null && name.test(current)) {
      await page.keyboard.press(key);
      return current;
    }
  }
  throw new Error(`Tab never reached a suggestion named ${name}`);
}

async function claimRows(page: Page): Promise<string[]> {
  await claimsButton(page).click();
  const table = page.getByRole('region', { name: 'Claims' }).getByRole('table');
  const rows = await table.getByRole('row').allInnerTexts();
  await page.getByRole('button', { name: 'Back to article' }).click();
  await page.getByRole('document', { name: 'Article text' }).waitFor();
  return rows.slice(1); // the header row
}

describe('suggested claims on the sample article', () => {
  it('R13 suggests the attributed claims, accepts them by keyboard, undoes, dismisses and remembers', async () => {
    let page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
      expect(await panel(page).count()).toBe(0);
      await expect.poll(() => claimsButton(page).innerText()).toBe('Claims (0)');

      await toggle(page).click();
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
      await waitForSuggestions(page);

      // The list and the margin labels name each expected claim with its speaker.
      const names = await allListedNames(page);
      for (const { name } of EXPECTED) {
        expect(
          names.some((n) => name.test(n)),
          `${name} in ${JSON.stringify(names)}`,
        ).toBe(true);
      }
      const labels = await page.locator('.claim-suggestion-speaker').allTextContents();
      for (const { speaker } of EXPECTED) {
        expect(
          labels.some((l) => l.includes(speaker)),
          `${speaker} in the margin`,
        ).toBe(true);
      }
      // Suggestions only: nothing was created by turning them on.
      expect(await claimsButton(page).innerText()).toBe('Claims (0)');

      // Accept each by keyboard: Tab to it in the article, A.
      for (const { name } of EXPECTED) {
        await tabToAndPress(page, name, 'a');
        await expect
          .poll(async () => (await listedNames(page)).some((n) => name.test(n)))
          .toBe(false);
      }
      await expect.poll(() => claimsButton(page).innerText()).toBe('Claims (5)');
      const rows = await claimRows(page);
      expect(rows).toHaveLength(5);
      for (const { speaker, quote } of EXPECTED) {
        expect(
          rows.some((row) => row.includes(speaker) && row.includes(quote)),
          `a claim by ${speaker}: ${quote}`,
        ).toBe(true);
      }

      // Ctrl+Z undoes the last accept (Stoltenberg's): the claim goes, the suggestion returns.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await expect.poll(() => claimsButton(page).innerText()).toBe('Claims (4)');
      const stoltenberg = EXPECTED[4].name;
      await expect
        .poll(async () => (await allListedNames(page)).some((n) => stoltenberg.test(n)))
        .toBe(true);

      // X dismisses it.
      const dismissed = await tabToAndPress(page, stoltenberg, 'x');
      await expect.poll(async () => (await allListedNames(page)).includes(dismissed)).toBe(false);
      expect(await claimsButton(page).innerText()).toBe('Claims (4)');
    } finally {
      await page.close();
    }

    // After a reload: the toggle is still on, the dismissed one and the accepted ones are not
    // offered, and the four claims are there.
    page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await openSample(page, session.server);
      await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('true');
      await waitForSuggestions(page);
      const names = await allListedNames(page);
      for (const { name } of EXPECTED) {
        expect(
          names.some((n) => name.test(n)),
          `${name} is not offered again`,
        ).toBe(false);
      }
      await expect.poll(() => claimsButton(page).innerText()).toBe('Claims (4)');

      // The help lists the keys.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByRole('heading', { name: 'Suggested claims' }).waitFor();
      const helpText = await help.innerText();
      for (const label of [
        'Next suggested claim',
        'Accept the suggestion',
        'Dismiss the suggestion',
      ]) {
        expect(helpText).toContain(label);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
