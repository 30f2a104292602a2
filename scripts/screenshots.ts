/**
 * Screenshots for the docs: web mode on a temporary library, the sample article annotated as in
 * the Reader issue (claims, a "denies" link, a note and a tag), saved as docs/reader-light.png,
 * docs/reader-dark.png and docs/claims-light.png; then a second article with Russia's denial, for
 * docs/export-dialog.png (Export → Markdown…), docs/claims-ledger.png and
 * docs/claims-ledger-dark.png; then a folder of saved pages imported, for docs/import-report.png,
 * and Add from URL… in the dark theme, for docs/add-from-url-dark.png; then a saved news page with
 * a table imported, for docs/imported-page.png; then a new version of the sample from a file, for
 * docs/versions-light.png (banner, word diff, Orphaned) and docs/version-diff-dark.png; and, in a
 * library of its own, "Suggest claims" on the sample for docs/suggestions-light.png and
 * docs/suggestions-dark.png. Run with `npm run screenshots` (it builds first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';
import {
  card,
  chooseExport,
  markClaim,
  openSample,
  selectPhrase,
  sidebar,
} from '../tests/support/reader-page';
import { ROOT, startWebMode } from '../tests/support/web-mode';

const SEED_FILE = 'negotiations-continue-2022-02-11.txt';
const STOLTENBERG =
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up, the warning time for a possible attack is going down.” ';

const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';

async function annotate(page: Page): Promise<void> {
  await markClaim(page, ACCUSATION, { type: 'accusation', speaker: 'Western intelligence' });
  const accusation = card(page, 'Western intelligence reports');
  await accusation
    .getByLabel('Note')
    .fill('Repeated by the US on February 3rd; no evidence published.');
  await accusation.getByLabel('New tag').fill('false flag');
  await accusation.getByLabel('New tag').press('Enter');
  await accusation.getByRole('button', { name: 'Done' }).click();
  await markClaim(page, 'which Russia denies', {
    type: 'denial',
    speaker: 'Russia',
    status: 'denied',
  });
  const denial = card(page, 'which Russia denies');
  const target = denial.getByLabel('Link to…');
  const option = target.locator('option', { hasText: 'Western intelligence reports' });
  await target.selectOption((await option.getAttribute('value'))!);
  await denial.getByRole('button', { name: 'Add link' }).click();
  await denial.getByRole('button', { name: 'Done' }).click();
  await markClaim(page, 'the White House announced an intelligence finding', {
    type: 'evidence',
    speaker: 'White House',
  });
  await markClaim(page, 'the UK Foreign Office reported that Russia also planned', {
    type: 'evidence',
    speaker: 'UK Foreign Office',
  });
  await markClaim(page, 'the warning time for a possible attack is going down', {
    type: 'prediction',
    speaker: 'Jens Stoltenberg',
  });
  await page.keyboard.press('Escape');
  await selectPhrase(page, 'more than 100,000 troops');
  await page.getByRole('button', { name: 'Highlight green' }).click();
}

const KREMLIN_TITLE = 'Kremlin rejects talk of a false-flag plot';
const KREMLIN_TEXT = `${KREMLIN_TITLE}
By A. Correspondent
February 14, 2022

Speaking in Moscow on Monday, a Kremlin spokesman said that Russia denies any plan to stage a provocation in eastern Ukraine, and called the Western reports “hysteria”.

He added that NATO was escalating tensions by sending weapons to Kyiv, and that troop movements inside Russia were nobody else’s business.
`;

/** Imports a second article and marks Russia's denial and an accusation against NATO in it. */
async function addSecondArticle(page: Page): Promise<void> {
  await page.getByLabel('Files to import').setInputFiles({
    name: 'kremlin-rejects.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(KREMLIN_TEXT),
  });
  await page.getByRole('heading', { name: KREMLIN_TITLE, level: 2 }).waitFor();
  await markClaim(page, 'Russia denies any plan to stage a provocation', {
    type: 'denial',
    speaker: 'Russia',
    status: 'disputed',
  });
  await page.keyboard.press('Escape');
  await markClaim(page, 'NATO was escalating tensions by sending weapons to Kyiv', {
    type: 'accusation',
    speaker: 'Russia',
  });
  await page.keyboard.press('Escape');
}

/** A folder of pages to import: news pages, a note, a copy of one of them and a PNG named .html. */
function pagesFolder(root: string): string {
  const folder = path.join(root, 'Saved pages');
  const page = (title: string, lede: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta name="author" content="Staff reporter"></head><body><article><h1>${title}</h1>` +
    `<p>${lede}</p><p>${lede} Officials gave no further details on Monday evening.</p>` +
    `<p>More is expected later this week, when the full report is published.</p></article></body></html>`;
  const files: Record<string, string | Buffer> = {
    'geneva-talks.html': page(
      'Talks resume in Geneva',
      'Negotiators returned to Geneva on Tuesday for a third round of talks.',
    ),
    'markets.htm': page('Markets steady after the vote', 'Shares closed flat on Friday.'),
    'floods/valley.html': page(
      'Floods recede in the valley',
      'The river fell by a metre overnight, and the first roads reopened.',
    ),
    'council.md':
      '# Council agrees the budget\n\nThe council met on Monday and agreed the budget.\n',
    'markets (copy).htm': page('Markets steady after the vote', 'Shares closed flat on Friday.'),
    'photo.html': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-shots-'));
const server = await startWebMode(dataDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const shot = async (page: Page, name: string) => {
  const file = path.join(ROOT, 'docs', name);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
};
try {
  const light = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'light',
  });
  await openSample(light, server);
  await annotate(light);
  await sidebar(light).getByRole('article').first().waitFor();
  await card(light, 'which Russia denies').getByRole('button', { name: 'Edit' }).click();
  await light.locator('.article-scroller').evaluate((el) => (el.scrollTop = 330));
  await light.waitForTimeout(300);
  await shot(light, 'reader-light.png');
  await light.keyboard.press('Escape');
  await light.getByRole('button', { name: /^Claims \(/ }).click();
  await light.waitForTimeout(200);
  await shot(light, 'claims-light.png');
  await light.close();

  const dark = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'dark',
  });
  await openSample(dark, server);
  await card(dark, 'Western intelligence reports').getByRole('button', { name: 'Edit' }).click();
  await dark.locator('.article-scroller').evaluate((el) => (el.scrollTop = 330));
  await dark.waitForTimeout(300);
  await shot(dark, 'reader-dark.png');
  await dark.close();

  const more = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'light',
  });
  await openSample(more, server);
  await chooseExport(more, 'Markdown…');
  const dialog = more.getByRole('dialog', { name: 'Export as Markdown' });
  await dialog.getByLabel('Group by').selectOption('speaker');
  await dialog.locator('pre:not([data-stale])').getByText('Annotations by speaker').waitFor();
  // The preview scrolled past the front matter, to the annotations grouped by speaker.
  await dialog.locator('pre').evaluate((pre) => {
    const text = pre.firstChild;
    const at = text?.textContent?.indexOf('## Annotations by') ?? -1;
    if (!text || at < 0) return;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    pre.scrollTop += range.getBoundingClientRect().top - pre.getBoundingClientRect().top - 10;
  });
  await more.waitForTimeout(200);
  await shot(more, 'export-dialog.png');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await addSecondArticle(more);
  await more.getByRole('button', { name: 'Claims ledger' }).click();
  await more
    .getByRole('region', { name: 'Claims ledger' })
    .getByRole('heading', { level: 3 })
    .first()
    .waitFor();
  await more.waitForTimeout(200);
  await shot(more, 'claims-ledger.png');
  await more.close();

  const darkLedger = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'dark',
  });
  await darkLedger.goto(server.url);
  await darkLedger.getByRole('button', { name: 'Claims ledger' }).click();
  await darkLedger
    .getByRole('region', { name: 'Claims ledger' })
    .getByRole('heading', { level: 3 })
    .first()
    .waitFor();
  await darkLedger.waitForTimeout(200);
  await shot(darkLedger, 'claims-ledger-dark.png');
  await darkLedger.close();

  // Import folder… (web mode asks for the path): the report, with one already in the library.
  const imports = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'light',
  });
  await imports.goto(server.url);
  await imports.getByRole('button', { name: 'Import folder…' }).click();
  const folderDialog = imports.getByRole('dialog', { name: 'Import folder' });
  await folderDialog.getByLabel('Folder', { exact: true }).fill(pagesFolder(dataDir));
  await folderDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await imports.getByRole('dialog', { name: 'Import finished' }).waitFor();
  await imports.waitForTimeout(200);
  await shot(imports, 'import-report.png');
  await imports.close();

  const addUrl = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'dark',
  });
  await openSample(addUrl, server);
  await addUrl.getByRole('button', { name: 'Add from URL…' }).click();
  const urlDialog = addUrl.getByRole('dialog', { name: 'Add from URL' });
  await urlDialog.getByLabel('Address').fill('http://127.0.0.1:2/news/2022/02/talks.html');
  await urlDialog.getByRole('button', { name: 'Add' }).click();
  await urlDialog.getByRole('alert').waitFor();
  await addUrl.waitForTimeout(200);
  await shot(addUrl, 'add-from-url-dark.png');
  await addUrl.close();

  // A news page imported from a saved file: its table, pull quote and metadata in the reader.
  const news = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'light',
  });
  const newsFolder = path.join(dataDir, 'news-pages');
  fs.mkdirSync(newsFolder);
  fs.copyFileSync(
    path.join(ROOT, 'tests', 'fixtures', 'pages', 'jsonld-author-table.html'),
    path.join(newsFolder, 'jsonld-author-table.html'),
  );
  await news.goto(server.url);
  await news.getByRole('button', { name: 'Import folder…' }).click();
  const newsDialog = news.getByRole('dialog', { name: 'Import folder' });
  await newsDialog.getByLabel('Folder', { exact: true }).fill(newsFolder);
  await newsDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await news.locator('.article-mount table').waitFor();
  await news.locator('.article-mount table').scrollIntoViewIfNeeded();
  await news.waitForTimeout(200);
  await shot(news, 'imported-page.png');
  await news.close();

  // A new version of the sample (the denial reworded, Stoltenberg's sentence gone): the banner,
  // the card's word diff and the Orphaned list, then the diff between the versions, in the dark.
  const seed = fs.readFileSync(path.join(ROOT, 'resources/sample', SEED_FILE), 'utf8');
  const revised = path.join(dataDir, 'negotiations-revised.txt');
  fs.writeFileSync(
    revised,
    seed.replace('which Russia denies', 'which Russia has denied').replace(STOLTENBERG, ''),
  );
  const updated = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'light',
  });
  await openSample(updated, server);
  const [chooser] = await Promise.all([
    updated.waitForEvent('filechooser'),
    updated.getByRole('button', { name: 'Update from file…' }).click(),
  ]);
  await chooser.setFiles(revised);
  await updated.getByRole('status', { name: 'New version' }).waitFor();
  await card(updated, 'which Russia has denied').scrollIntoViewIfNeeded();
  await updated.waitForTimeout(300);
  await shot(updated, 'versions-light.png');
  await updated.close();

  const diff = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    colorScheme: 'dark',
  });
  await openSample(diff, server);
  await diff.getByRole('button', { name: 'Show changes' }).click();
  await diff.getByRole('list', { name: 'Changed paragraphs' }).waitFor();
  await diff.waitForTimeout(300);
  await shot(diff, 'version-diff-dark.png');
  await diff.close();

  await suggestionShots();
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * "Suggest claims" on the sample, in a library of its own (the sample above has its claims
 * marked already, and the toggle is remembered per library): the dotted suggestions, the
 * speakers in the margin and the sidebar's list, with the first suggestion current (Tab).
 */
async function suggestionShots(): Promise<void> {
  const ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-shots-suggest-'));
  const own = await startWebMode(ownDir);
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, colorScheme });
      await openSample(page, own);
      const toggle = page
        .getByRole('toolbar', { name: 'Reader' })
        .getByRole('button', { name: 'Suggest claims' });
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      const list = sidebar(page).getByRole('region', { name: 'Suggested claims' });
      await list.getByText(/^\d+ suggestions?$/).waitFor({ timeout: 30_000 });
      await page.getByRole('document', { name: 'Article text' }).focus();
      await page.keyboard.press('Tab');
      await page.locator('.article-scroller').evaluate((el) => (el.scrollTop = 330));
      await page.waitForTimeout(300);
      await shot(page, `suggestions-${colorScheme}.png`);
      await page.close();
    }
  } finally {
    await own.stop();
    fs.rmSync(ownDir, { recursive: true, force: true });
  }
}
