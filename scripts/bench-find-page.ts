/**
 * Find in article in web mode, on the sample article (a screenshot, /tmp/find-sample.png) and on
 * the reader benchmark's 3 MB book: the time from typing a common word to the count shown (with
 * the pause before a long article's search), the longest main-thread task meanwhile, and the time
 * to move to the next match. Run after a build: `npx tsx scripts/bench-find-page.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';
import { openSample } from '../tests/support/reader-page';
import { startWebMode } from '../tests/support/web-mode';
import { generateBook } from './bench/reader-text';

interface Measured {
  readonly shown: number;
  readonly longest: number;
  readonly step: number;
  readonly count: string;
}

/** Types `q` into the find field and times the search and one step, in the page. */
const MEASURE = `async (q) => {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const input = document.querySelector('.find-bar input[type="search"]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const count = () => document.querySelector('.find-count')?.textContent ?? '';
  setter.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  while (count() !== '') await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 300));
  const started = performance.now();
  setter.call(input, q);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  while (!count().includes(' of ') && count() !== 'No matches') {
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const shown = performance.now() - started;
  await new Promise((r) => setTimeout(r, 300));
  const steps = [];
  for (let i = 0; i < 7; i++) {
    const before = count();
    const stepStart = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    while (count() === before) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    steps.push(performance.now() - stepStart);
  }
  const step = steps.sort((a, b) => a - b)[3];
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { shown, longest, step, count: count() };
}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-find-'));
const server = await startWebMode(dataDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openSample(page, server);
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Find in article' });
  await field.fill('russia');
  await page.locator('.find-count').filter({ hasText: ' of ' }).waitFor();
  await field.press('Enter');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/find-sample.png' });
  console.log(`sample: "russia" → ${await page.locator('.find-count').textContent()}`);

  await page.getByLabel('Files to import').setInputFiles({
    name: 'war-and-peace.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(generateBook().markdown),
  });
  await page
    .getByRole('heading', { name: /War and Peace/, level: 2 })
    .waitFor({ timeout: 120_000 });
  await page.getByRole('document', { name: 'Article text' }).waitFor();
  await page.waitForTimeout(1000);
  for (const query of ['the', 'prince', 'natasha']) {
    await page.keyboard.press('Escape');
    await page.getByRole('document', { name: 'Article text' }).focus();
    await page.keyboard.press('Control+f');
    const result = (await page.evaluate(`(${MEASURE})(${JSON.stringify(query)})`)) as Measured;
    console.log(
      `book: "${query}" → ${result.count}; count shown after ${result.shown.toFixed(0)} ms ` +
        `(150 ms of it the typing pause), longest task ${result.longest.toFixed(0)} ms, ` +
        `next match (median of 7) ${result.step.toFixed(0)} ms`,
    );
  }
  await page.screenshot({ path: '/tmp/find-book.png' });
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
