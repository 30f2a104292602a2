/**
 * End to end, in web mode: the claims ledger across two articles. Russia's denials in the sample
 * and in an imported article are one speaker's section with two claims; Go to passage opens the
 * other article at the passage; the ledger downloads as Markdown; and a `marginalia://` link in
 * the address (`#open=`) opens a passage in a new tab, or says the article is not there.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { passageLink } from '../../src/shared/export/deep-link';
import { useE2eSession } from '../support/e2e-session';
import {
  SAMPLE_TITLE,
  card,
  cardShows,
  downloadOf,
  linkCards,
  markClaim,
  openSample,
  sidebar,
} from '../support/reader-page';

const SAMPLE_ID = '01950000-0000-7000-8000-000000000001';
const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';
const KREMLIN_TITLE = 'Kremlin rejects talk of a false-flag plot';
const KREMLIN_DENIAL = 'Russia denies any plan to stage a provocation';
const KREMLIN_MD = `# ${KREMLIN_TITLE}

Speaking in Moscow on Monday, a Kremlin spokesman said that ${KREMLIN_DENIAL} in eastern Ukraine, and called the Western reports “hysteria”.

He added that troop movements inside Russia were nobody else’s business.
`;

const session = useE2eSession('ledger', { startServer: true });

const ledger = (page: Page) => page.getByRole('region', { name: 'Claims ledger' });

/** The id of the annotation whose card's quote starts with `quoteStart`. */
async function annotationId(page: Page, quoteStart: string): Promise<string> {
  return (await card(page, quoteStart).getAttribute('data-annotation-card'))!;
}

/** True once the passage of `id` is flashed, or at least on screen, in the article. */
async function shownInArticle(page: Page, id: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const mark = document.querySelector(`mark[data-annotation-id="${CSS.escape(wanted)}"]`);
    const scroller = document.querySelector('.article-scroller');
    if (!mark || !scroller) return false;
    const box = mark.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  }, id);
}

describe('the claims ledger', () => {
  it('groups Russia’s denials from two articles and goes to each passage', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(session.server.url);
      // A second article, imported as a user would; the app opens it.
      await page.getByLabel('Files to import').setInputFiles({
        name: 'kremlin.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(KREMLIN_MD),
      });
      await page.getByRole('heading', { name: KREMLIN_TITLE, level: 2 }).waitFor();
      await markClaim(page, KREMLIN_DENIAL, {
        type: 'denial',
        speaker: 'Russia',
        status: 'denied',
      });
      await cardShows(page, 'Russia denies any plan', 'denial', 'Russia', 'denied');
      await page.keyboard.press('Escape');
      const kremlinId = await annotationId(page, 'Russia denies any plan');

      await openSample(page, session.server);
      await markClaim(page, ACCUSATION, { type: 'accusation', speaker: 'Western intelligence' });
      await cardShows(page, 'Western intelligence', 'accusation', 'Western intelligence');
      await page.keyboard.press('Escape');
      await markClaim(page, DENIAL, { type: 'denial', speaker: 'Russia', status: 'denied' });
      await cardShows(page, DENIAL, 'denial', 'Russia', 'denied');
      await linkCards(page, DENIAL, 'denies', 'Western intelligence reports');
      await expect.poll(() => card(page, DENIAL).innerText()).toMatch(/denies →/);
      await page.keyboard.press('Escape');

      // Ctrl+Shift+L opens the ledger in place of the reader.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Shift+L');
      await ledger(page).waitFor();
      expect(await page.getByRole('document', { name: 'Article text' }).count()).toBe(0);
      const speakers = ledger(page).getByRole('heading', { level: 3 });
      await expect
        .poll(() => speakers.allInnerTexts())
        .toEqual(['Russia — 2 claims', 'Western intelligence — 1 claim']);
      const types = await ledger(page).getByRole('heading', { level: 4 }).allTextContents();
      expect(types).toEqual(['denial — 2 claims', 'accusation — 1 claim']);
      await expect
        .poll(() => ledger(page).getByRole('status').innerText())
        .toBe('3 claims · 2 speakers · 2 articles');
      const accusationEntry = ledger(page)
        .getByRole('listitem')
        .filter({
          has: page.getByRole('button', { name: /^Go to passage: Western intelligence/ }),
        });
      expect(await accusationEntry.innerText()).toMatch(/denied by ‘which Russia denies’/);

      // The filter narrows to one speaker's claims.
      await ledger(page).getByRole('searchbox', { name: 'Filter claims' }).fill('russia denial');
      await expect.poll(() => speakers.allInnerTexts()).toEqual(['Russia — 2 claims']);
      await ledger(page).getByRole('searchbox', { name: 'Filter claims' }).fill('');

      // The ledger as Markdown.
      const file = await downloadOf(page, () =>
        ledger(page).getByRole('button', { name: 'Export ledger as Markdown' }).click(),
      );
      expect(file.fileName).toMatch(/^Claims ledger .*\.md$/);
      expect(file.content).toMatch(/^# Claims ledger\n/);
      expect(file.content).toContain('## Russia (2 claims)');
      expect(file.content).toContain('### denial (2)');
      expect(file.content).toContain(`> ${KREMLIN_DENIAL}`);

      // Go to passage: the other article opens with the passage shown and its card open.
      await ledger(page)
        .getByRole('button', { name: `Go to passage: ${KREMLIN_DENIAL}` })
        .click();
      await page.getByRole('heading', { name: KREMLIN_TITLE, level: 2 }).waitFor();
      await expect.poll(() => shownInArticle(page, kremlinId)).toBe(true);
      await expect
        .poll(() => card(page, 'Russia denies any plan').getAttribute('data-active'))
        .not.toBeNull();
      const current = page
        .getByRole('navigation', { name: 'Library' })
        .locator('[aria-current="true"]');
      expect(await current.innerText()).toContain(KREMLIN_TITLE);

      // The library's button opens the ledger too, and Escape goes back to the article.
      await page.getByRole('button', { name: 'Claims ledger' }).click();
      await ledger(page).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: KREMLIN_TITLE, level: 2 }).waitFor();
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  it('opens a passage from #open= in the address, and says when the article is not there', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      // Find the sample's denial's id through the app, as the ledger lists it.
      await openSample(page, session.server);
      const denialId = await annotationId(page, DENIAL);
      await page.close();

      const linked = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
      try {
        const link = passageLink(SAMPLE_ID, denialId);
        await linked.goto(`${session.server.url}&open=${encodeURIComponent(link)}`);
        await linked.getByRole('heading', { name: SAMPLE_TITLE, level: 2 }).waitFor();
        await expect.poll(() => shownInArticle(linked, denialId)).toBe(true);
        await expect.poll(() => card(linked, DENIAL).getAttribute('data-active')).not.toBeNull();
        // The link and the token are out of the address; the token is kept for the tab.
        expect(new URL(linked.url()).hash).toBe('');
        expect(await sidebar(linked).getByRole('article').count()).toBe(2);

        // Pasted into the address of the open tab: an article that is not in the library.
        const missing = passageLink('01950000-0000-7000-8000-0000000000ff');
        await linked.evaluate(
          (hash) => (location.hash = hash),
          `open=${encodeURIComponent(missing)}`,
        );
        await expect
          .poll(() => linked.getByRole('alert').innerText())
          .toMatch(/not in the library/);
      } finally {
        await linked.close();
      }
    } finally {
      if (!page.isClosed()) await page.close();
    }
  });
});
