#!/usr/bin/env node
// Screenshots of the reader for the docs: starts web mode on a temporary library, highlights a
// few passages of the sample, and saves docs/reader-light.png and docs/reader-dark.png.
// Run after `npm run build`: `node scripts/screenshot.js`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-shots-'));
const server = spawn(
  process.execPath,
  ['bin/marginalia.js', '--data-dir', dataDir, 'web', '--no-open'],
  { cwd: root },
);
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /Marginalia web: (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`web mode exited ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({
      viewport: { width: 1360, height: 1040 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
    });
    await page.goto(url);
    await page.getByRole('button', { name: /Negotiations continue/ }).click();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    if (scheme === 'light') {
      for (const phrase of [
        'false-flag operations',
        'which Russia denies',
        'the warning time for a possible attack is going down',
      ]) {
        await page.evaluate((wanted) => {
          const walker = document.createTreeWalker(
            document.querySelector('.article-body'),
            NodeFilter.SHOW_TEXT,
          );
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf(wanted);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
          }
        }, phrase);
        const before = await page.locator('.annotation-card').count();
        await page.getByRole('button', { name: 'Highlight' }).click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('.annotation-card').length === n,
          before + 1,
        );
      }
    }
    await page.screenshot({ path: path.join(root, 'docs', `reader-${scheme}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
