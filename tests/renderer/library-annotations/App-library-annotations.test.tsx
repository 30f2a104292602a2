/**
 * All annotations in the whole window (Chromium, a stub client): opened by its button in the
 * library panel or by Mod+Shift+A, read afresh each time it is shown, and Enter on a row opens
 * the article at that annotation (the reader is asked to reveal it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import { DEFAULT_SETTINGS, type ArticleSummary } from '../../../src/shared/contract/entities';
import type { Client } from '../../../src/shared/contract/operations';
import { changesOf } from '../../support/annotation-builder';
import { cleanup, perform, press, render } from '../react-harness';
import { articleNamed } from '../library/fixtures';
import { APPLE, ENTRIES, KYIV, ZEBRA } from './fixtures';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

function stubClient() {
  // Every article the entries are in is in the library (the view drops those that are not).
  const articles: ArticleSummary[] = [KYIV, ZEBRA, APPLE].map((a, n) => ({
    ...articleNamed(a.title, n + 1),
    id: a.id,
    publishedAt: a.publishedAt,
  }));
  const fns = {
    listArticles: vi.fn(async () => ({ articles })),
    getSettings: vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    getLibraryStatus: vi.fn(async () => ({
      status: {
        file: '/data/marginalia.db',
        backupsFolder: '/data/backups',
        readOnly: null,
        recovered: null,
      },
    })),
    listTags: vi.fn(async () => ({ tags: [] })),
    listSpeakers: vi.fn(async () => ({ speakers: [] })),
    listClaimTypes: vi.fn(async () => ({ types: [] })),
    listLibraryAnnotations: vi.fn(async () => ({ annotations: [...ENTRIES] })),
    getClaimsLedger: vi.fn(async () => ({ claims: [] })),
    // The reader's reads stay on their way: these tests are about which article it opens.
    getArticle: vi.fn(() => new Promise<never>(() => {})),
    listAnnotations: vi.fn(() => new Promise<never>(() => {})),
    markArticleOpened: vi.fn(async ({ id }: { id: string }) => {
      const article = articles.find((a) => a.id === id)!;
      return { article, changes: changesOf({ articles: [article] }) };
    }),
  };
  return { fns, client: fns as unknown as Client };
}

const view = () => document.querySelector('[aria-label="All annotations"]');
const nav = () =>
  page.getByRole('button', { name: 'All annotations', exact: true }).element() as HTMLElement;

async function until<T>(read: () => T): Promise<NonNullable<T>> {
  await vi.waitFor(() => {
    if (!read()) throw new Error('not yet');
  });
  return read() as NonNullable<T>;
}

describe('All annotations in the window', () => {
  it('opens from the library panel, reading every annotation afresh each time it is shown', async () => {
    const { fns, client } = stubClient();
    await render(<App client={client} />);
    await until(() => document.querySelector('.article-item'));
    expect(nav().getAttribute('aria-keyshortcuts')).toBe('Control+Shift+A Meta+Shift+A');
    await perform(() => nav().click());
    await until(() => view()?.querySelectorAll('.aa-item').length === 4);
    expect(nav().getAttribute('aria-current')).toBe('page');
    expect(fns.listLibraryAnnotations).toHaveBeenCalledTimes(1);

    await perform(() =>
      (page.getByRole('button', { name: 'Claims ledger' }).element() as HTMLElement).click(),
    );
    expect(view()).toBeNull();
    expect(nav().getAttribute('aria-current')).toBeNull();
    await press('A', { ctrlKey: true, shiftKey: true }, document.body);
    await until(() => view());
    await until(() => fns.listLibraryAnnotations.mock.calls.length === 2);
  });

  it('Enter on a row opens its article at that annotation; Escape with none open goes back', async () => {
    const { fns, client } = stubClient();
    await render(<App client={client} />);
    await until(() => document.querySelector('.article-item'));
    await perform(() => nav().click());
    await until(() => view()?.querySelectorAll('.aa-item').length === 4);
    const row = view()!.querySelectorAll<HTMLElement>('.aa-item')[0]!;
    await perform(() => row.focus());
    await press('Escape');
    expect(view()).toBeNull();
    expect(document.activeElement).toBe(nav());

    await perform(() => nav().click());
    await until(() => view()?.querySelectorAll('.aa-item').length === 4);
    await perform(() => view()!.querySelectorAll<HTMLElement>('.aa-item')[1]!.focus());
    await press('Enter');
    expect(view()).toBeNull();
    // The reader opens the annotation's article (marked opened, current in the library).
    await until(() => fns.markArticleOpened.mock.calls.length > 0);
    expect(fns.markArticleOpened).toHaveBeenCalledWith({ id: KYIV.id });
    expect(fns.getArticle).toHaveBeenCalledWith({ id: KYIV.id });
    expect(
      page.getByRole('button', { name: KYIV.title }).element().getAttribute('aria-current'),
    ).toBe('true');
  });
});
