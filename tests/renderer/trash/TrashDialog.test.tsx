/**
 * The Trash in Chromium, with a fake client: the deleted articles with the date each was deleted;
 * Restore puts the article back in the library through the store's changes; Empty Trash… asks
 * first and erases only what was shown; the keyboard alone does all of it.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ArticleSummary, Changes } from '../../../src/shared/contract/entities';
import { ServiceError } from '../../../src/shared/contract/errors';
import type { Client } from '../../../src/shared/contract/operations';
import type { TrashedArticle } from '../../../src/shared/contract/trash';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import { createRendererStore } from '../../../src/renderer/src/store/renderer-store';
import { TrashButton } from '../../../src/renderer/src/trash/TrashButton';
import { TrashDialog } from '../../../src/renderer/src/trash/TrashDialog';
import { formatDeletedAt } from '../../../src/renderer/src/trash/trash-format';
import { cleanup, perform, render } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const keys = (text: string) => act(() => userEvent.keyboard(text));
const dialog = () => page.getByRole('dialog', { name: 'Trash' });
const button = (name: string) =>
  dialog().getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const restoreButtons = () =>
  dialog()
    .getByRole('button', { name: /^Restore “/ })
    .elements() as HTMLButtonElement[];
const status = () => dialog().getByRole('status').element().textContent;

const summary: ArticleSummary = {
  id: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f',
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-05-01T10:00:00.000Z',
  annotationCount: 1,
  canonicalUrl: null,
  language: null,
  direction: null,
  origin: 'file',
  sourceFileName: null,
  lastOpenedAt: null,
  claimCount: 0,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
};
const trashedArticle: TrashedArticle = {
  id: summary.id,
  title: summary.title,
  byline: summary.byline,
  site: null,
  publishedAt: summary.publishedAt,
  addedAt: summary.addedAt,
  deletedAt: '2024-05-03T08:00:00.000Z',
  annotationCount: 1,
};
const OTHER: TrashedArticle = {
  ...trashedArticle,
  id: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e70',
  title: 'Moscow answers',
  deletedAt: '2024-05-04T09:30:00.000Z',
  annotationCount: 0,
};
const LIVE: ArticleSummary = { ...summary, id: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e71' };
const NO_CHANGES: Changes = {
  annotations: [],
  removedAnnotations: [],
  articles: [],
  removedArticles: [],
};

function fakeClient(trash: TrashedArticle[] = [OTHER, trashedArticle]) {
  const fns = {
    listTrash: vi.fn(async () => ({ articles: trash })),
    restoreArticle: vi.fn(async ({ id }: { id: string }) => {
      const article: ArticleSummary = {
        ...summary,
        id,
        title: trash.find((a) => a.id === id)?.title ?? summary.title,
      };
      return { article, changes: { ...NO_CHANGES, articles: [article] } };
    }),
    emptyTrash: vi.fn(async ({ ids }: { ids?: string[] }) => ({
      erased: ids?.length ?? trash.length,
      changes: { ...NO_CHANGES, removedArticles: ids ?? [] },
    })),
  };
  return { fns, client: fns as unknown as Client };
}

async function open(client: Client) {
  const store = createRendererStore();
  store.setArticles([LIVE]);
  const onClose = vi.fn();
  const announce = vi.fn();
  const onError = vi.fn();
  await render(
    <StoreContext.Provider value={store}>
      <TrashDialog client={client} onClose={onClose} announce={announce} onError={onError} />
    </StoreContext.Provider>,
  );
  await until(() => expect(dialog().element().textContent).not.toContain('Loading the Trash…'));
  return { store, onClose, announce, onError };
}

describe('TrashDialog', () => {
  it('lists deleted articles with the date deleted and annotations, first Restore focused', async () => {
    const { client } = fakeClient();
    await open(client);
    const rows = [...dialog().element().querySelectorAll('.trash-row')].map((r) => r.textContent);
    expect(rows[0]).toBe(`Moscow answersDeleted ${formatDeletedAt(OTHER.deletedAt)}Restore`);
    expect(rows[1]).toContain(trashedArticle.title);
    expect(rows[1]).toContain(
      `Deleted ${formatDeletedAt(trashedArticle.deletedAt)} · 1 annotation`,
    );
    // Each Restore is named by its article, for a screen reader.
    expect(restoreButtons().map((b) => b.getAttribute('aria-label'))).toEqual([
      'Restore “Moscow answers”',
      `Restore “${trashedArticle.title}”`,
    ]);
    expect(page.getByRole('list', { name: 'Deleted articles' }).elements()).toHaveLength(1);
    expect(document.activeElement).toBe(restoreButtons()[0]);
  });

  it('R26 by keyboard: arrows to a row, Enter restores it into the library through the store', async () => {
    const { fns, client } = fakeClient();
    const { store } = await open(client);
    await keys('{ArrowDown}');
    expect(document.activeElement).toBe(restoreButtons()[1]);
    await keys('{ArrowUp}{End}');
    expect(document.activeElement).toBe(restoreButtons()[1]);
    await keys('{Enter}');
    await until(() => expect(restoreButtons()).toHaveLength(1));
    expect(fns.restoreArticle).toHaveBeenCalledExactlyOnceWith({ id: trashedArticle.id });
    expect(status()).toBe(`Restored “${trashedArticle.title}”.`);
    // Back in the library list, by the reply's changes.
    expect(store.getState().library?.map((a) => a.id)).toContain(trashedArticle.id);
    // The focus stays in the list, on the row that is left.
    expect(document.activeElement).toBe(restoreButtons()[0]);
  });

  it('Empty Trash… asks first; Escape and Cancel step back; Erase for good erases what was shown', async () => {
    const { fns, client } = fakeClient();
    const { store, onClose } = await open(client);
    await keys('{Tab}{Tab}');
    expect(document.activeElement).toBe(button('Empty Trash…'));
    await keys('{Enter}');
    // The question, with Cancel focused: Enter alone does not erase.
    await until(() => expect(document.activeElement).toBe(button('Cancel')));
    const question = dialog().element().querySelector('.trash-confirm')?.textContent ?? '';
    expect(question).toContain('Erase 2 articles and their 1 annotation for good?');
    expect(question).toContain('cannot be restored afterwards');
    await keys('{Escape}');
    await until(() => expect(document.activeElement).toBe(button('Empty Trash…')));
    expect(onClose).not.toHaveBeenCalled();
    await keys('{Enter}');
    await until(() => expect(document.activeElement).toBe(button('Cancel')));
    await keys('{Enter}');
    await until(() => expect(document.activeElement).toBe(button('Empty Trash…')));
    expect(fns.emptyTrash).not.toHaveBeenCalled();

    await keys('{Enter}');
    await until(() => expect(document.activeElement).toBe(button('Cancel')));
    await keys('{Tab}');
    expect(document.activeElement).toBe(button('Erase for good'));
    await keys('{Enter}');
    await until(() => expect(status()).toBe('Erased 2 articles for good.'));
    expect(fns.emptyTrash).toHaveBeenCalledExactlyOnceWith({
      ids: [OTHER.id, trashedArticle.id],
    });
    expect(dialog().element().textContent).toContain('The Trash is empty.');
    expect(button('Empty Trash…').disabled).toBe(true);
    // Nothing left to act on: the focus is on Close, not lost.
    expect(document.activeElement).toBe(button('Close'));
    expect(store.getState().library?.map((a) => a.id)).toEqual([LIVE.id]);
  });

  it('shows a failed restore in the dialog and keeps the row', async () => {
    const { fns, client } = fakeClient();
    fns.restoreArticle.mockRejectedValue(
      new ServiceError('read_only', 'This library is open read-only (the file is read-only).'),
    );
    await open(client);
    await perform(() => restoreButtons()[0]!.click());
    await until(() =>
      expect(dialog().getByRole('alert').element().textContent).toBe(
        'Restoring “Moscow answers” failed: This library is open read-only (the file is read-only).',
      ),
    );
    expect(restoreButtons()).toHaveLength(2);
  });

  it('says the Trash is empty, with Empty Trash… unavailable', async () => {
    const { client } = fakeClient([]);
    await open(client);
    expect(dialog().element().textContent).toContain('The Trash is empty.');
    expect(button('Empty Trash…').disabled).toBe(true);
  });
});

describe('TrashButton', () => {
  it('opens the Trash from the library panel and gives the focus back when it closes', async () => {
    const { client } = fakeClient();
    await render(
      <StoreContext.Provider value={createRendererStore()}>
        <TrashButton client={client} announce={() => {}} onError={() => {}} />
      </StoreContext.Provider>,
    );
    const trash = page.getByRole('button', { name: 'Trash', exact: true }).element() as HTMLElement;
    await perform(() => trash.focus());
    await keys('{Enter}');
    await until(() => expect(document.activeElement).toBe(restoreButtons()[0]));
    await keys('{Escape}');
    await until(() => expect(page.getByRole('dialog').elements()).toHaveLength(0));
    expect(document.activeElement).toBe(trash);
  });
});
