/**
 * The library view in the whole window (Chromium, a fake client): the saved order and density
 * are read from the settings at start, a new choice is saved through updateSettings, and Delete
 * on a row goes through the window's own delete, with its Undo notice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import {
  DEFAULT_SETTINGS,
  type ArticleSummary,
  type Settings,
} from '../../../src/shared/contract/entities';
import type { Client, RequestOf } from '../../../src/shared/contract/operations';
import { ServiceError } from '../../../src/shared/contract/errors';
import { changesOf } from '../../support/annotation-builder';
import { cleanup, perform, press, render } from '../react-harness';
import { articleNamed } from './fixtures';
import '../../../src/renderer/src/styles.css';

const ZEBRA = { ...articleNamed('Zebra crossings', 1), addedAt: '2024-05-01T00:00:00.000Z' };
const APPLE = { ...articleNamed('Apple harvest', 2), addedAt: '2024-04-01T00:00:00.000Z' };
const MANGO = { ...articleNamed('Mango season', 3), addedAt: '2024-03-01T00:00:00.000Z' };

function fakeClient(saved: Partial<Settings>) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...saved } as Settings;
  const articles: ArticleSummary[] = [ZEBRA, APPLE, MANGO];
  const fns = {
    listArticles: vi.fn(async () => ({ articles })),
    getSettings: vi.fn(async () => ({ settings })),
    updateSettings: vi.fn(async ({ patch }: RequestOf<'updateSettings'>) => {
      settings = { ...settings, ...patch } as Settings;
      return { settings };
    }),
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
    getArticle: vi.fn(async ({ id }: { id: string }) => ({
      article: {
        ...articles.find((a) => a.id === id)!,
        document: {
          type: 'doc' as const,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }],
        },
        contentHash: 'hash',
        damaged: false,
        readingPosition: null,
      },
    })),
    listAnnotations: vi.fn(async () => ({ annotations: [] })),
    setReadingPosition: vi.fn(async () => ({})),
    markArticleOpened: vi.fn(async ({ id }: { id: string }) => {
      const article = {
        ...articles.find((a) => a.id === id)!,
        lastOpenedAt: new Date().toISOString(),
      };
      return { article, changes: changesOf({ articles: [article] }) };
    }),
    deleteArticle: vi.fn(async ({ id }: { id: string }) => ({
      id,
      changes: changesOf({ removedArticles: [id] }),
    })),
  };
  return { fns, client: fns as unknown as Client };
}

const titles = () =>
  [...document.querySelectorAll('[role="grid"] .article-title')].map((el) => el.textContent);

/** Polls until `read` answers something truthy, and answers it. */
async function until<T>(read: () => T): Promise<NonNullable<T>> {
  await vi.waitFor(() => {
    const value = read();
    if (!value) throw new Error('not yet');
  });
  return read() as NonNullable<T>;
}

afterEach(cleanup);

describe('the library view in the window', () => {
  it('starts in the saved order and density, and saves a new order through the settings', async () => {
    const { fns, client } = fakeClient({
      librarySort: 'title',
      librarySortDirection: 'ascending',
      libraryDensity: 'compact',
    });
    await render(<App client={client} />);
    await until(() => titles()[0] === 'Apple harvest');
    expect(titles()).toEqual(['Apple harvest', 'Mango season', 'Zebra crossings']);
    expect((document.querySelector('.library-view') as HTMLElement).dataset['density']).toBe(
      'compact',
    );

    const sortBy = page.getByRole('combobox', { name: 'Sort by' }).element() as HTMLSelectElement;
    await perform(() => {
      sortBy.value = 'added';
      sortBy.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => fns.updateSettings.mock.calls.length > 0);
    expect(fns.updateSettings).toHaveBeenCalledExactlyOnceWith({
      patch: { librarySort: 'added' },
    });
    await until(() => titles()[0] === 'Mango season');
    expect(titles()).toEqual(['Mango season', 'Apple harvest', 'Zebra crossings']);
  });

  it('moves the focused article to the Trash on Delete, with the Undo notice', async () => {
    const { fns, client } = fakeClient({});
    await render(<App client={client} />);
    await until(() => titles().length === 3);
    const apple = page.getByRole('button', { name: 'Apple harvest' }).element() as HTMLElement;
    await perform(() => apple.focus());
    await press('Delete');
    await until(() => titles().length === 2);
    expect(fns.deleteArticle).toHaveBeenCalledExactlyOnceWith({ id: APPLE.id });
    expect(titles()).toEqual(['Zebra crossings', 'Mango season']);
    const notice = await until(() => document.querySelector('.notice'));
    expect(notice.textContent).toContain('“Apple harvest” was deleted.');
    expect(document.activeElement?.textContent).toContain('Mango season');
  });
  it('records "last opened" when an article is opened, and the row says so at once', async () => {
    const { fns, client } = fakeClient({});
    await render(<App client={client} />);
    await until(() => titles().length === 3);
    const apple = () => page.getByRole('button', { name: 'Apple harvest' }).element();
    expect(apple().textContent).not.toContain('Opened');
    await perform(() => (apple() as HTMLElement).click());
    await until(() => fns.markArticleOpened.mock.calls.length > 0);
    expect(fns.markArticleOpened).toHaveBeenCalledExactlyOnceWith({ id: APPLE.id });
    await until(() => apple().textContent?.includes('Opened today'));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('opens the article even when recording fails; read-only says nothing more, other failures show', async () => {
    const { fns, client } = fakeClient({});
    fns.markArticleOpened.mockRejectedValueOnce(
      new ServiceError('read_only', 'The library is open read-only.'),
    );
    await render(<App client={client} />);
    await until(() => titles().length === 3);
    await perform(() =>
      (page.getByRole('button', { name: 'Apple harvest' }).element() as HTMLElement).click(),
    );
    await until(() => fns.getArticle.mock.calls.length > 0);
    await until(() => fns.markArticleOpened.mock.calls.length > 0);
    await until(() => document.querySelector('.reader'));
    expect(document.querySelector('[role="alert"]')).toBeNull();

    fns.markArticleOpened.mockRejectedValueOnce(
      new ServiceError('internal', 'Could not record when “Mango season” was opened.'),
    );
    await perform(() =>
      (page.getByRole('button', { name: 'Mango season' }).element() as HTMLElement).click(),
    );
    const alert = await until(() => document.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Could not record when “Mango season” was opened.');
    expect(fns.getArticle).toHaveBeenLastCalledWith({ id: MANGO.id });
  });
});
