/**
 * End to end: deleting an article needs no confirmation because Undo brings it back; once
 * deleted for good, the sample does not come back when web mode restarts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { openSample, SAMPLE_TITLE } from '../support/reader-page';
import { startWebMode } from '../support/web-mode';

let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-delete-'));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('deleting an article', () => {
  it('undoes a delete, and a deleted sample stays deleted after a restart', async () => {
    const first = await startWebMode(dataDir);
    const page = await browser.newPage();
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
    const second = await startWebMode(dataDir);
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
