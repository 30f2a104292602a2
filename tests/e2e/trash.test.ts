/**
 * End to end, web mode in Chromium: an article with a claim linked to one in the sample is
 * deleted (the sample's claim loses the link), restored from the Trash by keyboard (the link is
 * back on both ends), deleted again, and erased for good with Empty Trash… after its question.
 */
import type { Page } from 'playwright-core';
import { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation, Article, ArticleSummary } from '../../src/shared/contract/entities';
import type { TrashedArticle } from '../../src/shared/contract/trash';
import { canonicalText } from '../../src/shared/document/canonical-text';
import { articleSchema } from '../../src/shared/document/schema';
import { useE2eSession } from '../support/e2e-session';
import { card, openSample, SAMPLE_TITLE } from '../support/reader-page';
import { startWebMode, type RunningWebMode } from '../support/web-mode';

const session = useE2eSession('trash');

const ACCUSATION = 'Western intelligence reports have said';
const DENIAL = 'Russia denies planning';
const OTHER_TITLE = 'Moscow answers';

/** One operation through web mode's API, as the page calls it. */
async function call<T>(server: RunningWebMode, operation: string, payload: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(payload),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A second article whose denial is linked to the sample's accusation. */
async function seedLibrary(server: RunningWebMode): Promise<void> {
  const markdown = `# ${OTHER_TITLE}\n\n${DENIAL} any invasion of Ukraine.\n`;
  const { article: other } = await call<{ article: ArticleSummary }>(server, 'importArticle', {
    fileName: 'moscow.md',
    contentBase64: Buffer.from(markdown).toString('base64'),
  });
  const { articles } = await call<{ articles: ArticleSummary[] }>(server, 'listArticles', {});
  const sample = articles.find((a) => SAMPLE_TITLE.test(a.title))!;
  const annotate = async (articleId: string, quote: string) => {
    const { article } = await call<{ article: Article }>(server, 'getArticle', { id: articleId });
    const text = canonicalText(Node.fromJSON(articleSchema, article.document));
    const start = text.indexOf(quote);
    const range = describeRange(text, start, start + quote.length);
    return (
      await call<{ annotation: Annotation }>(server, 'createAnnotation', { articleId, ...range })
    ).annotation;
  };
  const accusation = await annotate(sample.id, ACCUSATION);
  const denial = await annotate(other.id, DENIAL);
  await call(server, 'createLink', { fromId: denial.id, toId: accusation.id, relation: 'denies' });
}

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const articleButton = (page: Page, title: string | RegExp) =>
  library(page).getByRole('button', { name: title });
const trash = (page: Page) => page.getByRole('dialog', { name: 'Trash' });
const linksOf = (page: Page, quote: string) =>
  card(page, quote).getByRole('list', { name: 'Links' });

async function openArticle(page: Page, title: string | RegExp) {
  await articleButton(page, title).click();
  await page.getByRole('document', { name: 'Article text' }).waitFor();
}

async function deleteOther(page: Page) {
  await openArticle(page, OTHER_TITLE);
  await page.getByRole('button', { name: 'Delete article' }).click();
  await expect.poll(() => articleButton(page, OTHER_TITLE).count()).toBe(0);
}

describe('the Trash', () => {
  it('R26 restores a deleted article with its link on both ends, then Empty Trash erases it after asking', async () => {
    const server = await startWebMode(session.dataDir);
    const page = await session.browser.newPage();
    try {
      await seedLibrary(server);
      await openSample(page, server);
      await expect.poll(() => linksOf(page, ACCUSATION).innerText()).toMatch(/Russia denies/);

      await deleteOther(page);
      await openArticle(page, SAMPLE_TITLE);
      await card(page, ACCUSATION).waitFor();
      await expect.poll(() => linksOf(page, ACCUSATION).count()).toBe(0);

      // Restore from the Trash, by keyboard: its Restore has the focus once the list is in.
      await library(page).getByRole('button', { name: 'Trash', exact: true }).click();
      const restore = trash(page).getByRole('button', { name: `Restore “${OTHER_TITLE}”` });
      await restore.waitFor();
      expect(await trash(page).textContent()).toMatch(/Deleted .*1 annotation/);
      await expect.poll(() => restore.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await trash(page).getByText('The Trash is empty.').waitFor();
      await page.keyboard.press('Escape');
      await trash(page).waitFor({ state: 'detached' });

      // Back in the library, with the link seen from both ends.
      await expect.poll(() => articleButton(page, OTHER_TITLE).count()).toBe(1);
      await openArticle(page, SAMPLE_TITLE);
      await expect.poll(() => linksOf(page, ACCUSATION).innerText()).toMatch(/Russia denies/);
      await openArticle(page, OTHER_TITLE);
      await expect.poll(() => linksOf(page, DENIAL).innerText()).toMatch(/Western intelligence/);

      // Deleted again and erased for good: the one action that asks.
      await deleteOther(page);
      await library(page).getByRole('button', { name: 'Trash', exact: true }).click();
      await trash(page).getByRole('button', { name: 'Empty Trash…' }).click();
      const erase = trash(page).getByRole('button', { name: 'Erase for good' });
      await erase.waitFor();
      expect(await trash(page).textContent()).toContain(
        'Erase 1 article and its 1 annotation for good?',
      );
      await erase.click();
      await expect
        .poll(() => trash(page).getByRole('status').textContent())
        .toBe('Erased 1 article for good.');
      await trash(page).getByText('The Trash is empty.').waitFor();
      // Gone from the library itself; the sample stays.
      expect(await call<{ articles: TrashedArticle[] }>(server, 'listTrash', {})).toEqual({
        articles: [],
      });
      const { articles } = await call<{ articles: ArticleSummary[] }>(server, 'listArticles', {});
      expect(articles.map((a) => a.title)).toEqual([expect.stringMatching(SAMPLE_TITLE)]);
    } finally {
      await page.close();
      expect(await server.stop()).toBe(0);
    }
  });
});
