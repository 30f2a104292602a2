/**
 * End to end: deleting an article needs no confirmation because Undo brings it back; once
 * deleted for good, the sample does not come back when web mode restarts.
 */
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { openSample, SAMPLE_TITLE } from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

const session = useE2eSession('delete');

describe('deleting an article', () => {
  it('R26 undoes a delete, and a deleted sample stays deleted after a restart', async () => {
    const first = await startWebMode(session.dataDir);
    const page = await session.browser.newPage();
    const sample = page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: SAMPLE_TITLE });
    try {
      await openSample(page, first);
      await page.getByRole('button', { name: 'Delete article' }).click();
      await expect.poll(() => sample.count()).toBe(0);
      await page.getByRole('button', { name: 'Undo delete' }).click();
      await expect.poll(() => sample.count()).toBe(1);
      await page.getByRole('document', { name: 'Article text' }).waitFor();

      await page.getByRole('button', { name: 'Delete article' }).click();
      await expect.poll(() => sample.count()).toBe(0);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startWebMode(session.dataDir);
    try {
      await page.goto(second.url);
      await page.getByText('The library is empty.').waitFor();
      expect(await sample.count()).toBe(0);
    } finally {
      await page.close();
      expect(await second.stop()).toBe(0);
    }
  });
});
