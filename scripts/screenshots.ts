/**
 * Screenshots of the reader for the docs: web mode on a temporary library, a few passages of the
 * sample highlighted, saved as docs/reader-light.png and docs/reader-dark.png.
 * Run with `npm run screenshots` (it builds first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';
import { openSample, selectPhrase } from '../tests/support/reader-page';
import { ROOT, startWebMode } from '../tests/support/web-mode';

const PHRASES = [
  'false-flag operations',
  'which Russia denies',
  'the warning time for a possible attack is going down',
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-shots-'));
const server = await startWebMode(dataDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1040 }, colorScheme });
    await openSample(page, server);
    if (colorScheme === 'light') {
      for (const phrase of PHRASES) {
        const cards = page
          .getByRole('complementary', { name: 'Annotations' })
          .getByRole('listitem');
        const before = await cards.count();
        await selectPhrase(page, phrase);
        await page.getByRole('button', { name: 'Highlight' }).click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('.annotation-card').length === n,
          before + 1,
        );
      }
    }
    const file = path.join(ROOT, 'docs', `reader-${colorScheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
