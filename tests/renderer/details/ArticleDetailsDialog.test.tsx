/**
 * Article details in Chromium, with a stub client that keeps one article: editing sends only the
 * changed fields and the reply reaches the reader's header through the store; the schema's
 * errors show beside their fields before anything is sent; a refusal from the service is shown
 * with everything typed kept; Escape and Cancel save nothing; the notice's Undo sends back the
 * previous values and Redo the edit again; Ctrl+I opens the dialog; the origin reads in words.
 */
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import { ServiceError } from '../../../src/shared/contract/errors';
import type { RequestOf, ResponseOf } from '../../../src/shared/contract/operations';
import { createCommandRegistry, useKeymap } from '../../../src/renderer/src/commands/registry';
import { ArticleHeader } from '../../../src/renderer/src/details/ArticleHeader';
import {
  ArticleDetailsHost,
  DetailsNotice,
} from '../../../src/renderer/src/details/ArticleDetailsHost';
import { formatMoment } from '../../../src/renderer/src/details/origin-text';
import { useArticleDetails } from '../../../src/renderer/src/details/use-article-details';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import {
  createRendererStore,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import { summary } from './fixtures';
import { cleanup, perform, press, render, setValue } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const ARTICLE: ArticleSummary = {
  ...summary,
  site: 'Example News',
  tags: ['Russia'],
  origin: 'file',
  sourceFileName: 'report.html',
  addedAt: '2026-12-02T14:03:00.000Z',
  lastOpenedAt: '2026-12-03T09:12:00.000Z',
};
const NO_CHANGES = { annotations: [], removedAnnotations: [], articles: [], removedArticles: [] };

/** A client that holds one article and answers `updateArticle` as the service does. */
function stubClient(start: ArticleSummary = ARTICLE) {
  let current = start;
  const updateArticle = vi.fn(
    async (request: RequestOf<'updateArticle'>): Promise<ResponseOf<'updateArticle'>> => {
      const { id: _id, ...patch } = request;
      const previous = {
        title: current.title,
        byline: current.byline,
        site: current.site,
        publishedAt: current.publishedAt,
        sourceUrl: current.sourceUrl,
        tags: current.tags,
      };
      current = { ...current, ...patch };
      return {
        article: current,
        previous,
        changes: { ...NO_CHANGES, articles: [current] },
      };
    },
  );
  return { client: { updateArticle }, updateArticle, current: () => current };
}

interface HarnessProps {
  readonly client: ReturnType<typeof stubClient>['client'];
  readonly store: RendererStore;
  readonly readerArticleId: string | null;
  readonly onError?: (error: unknown) => void;
}

function Harness({ client, store, readerArticleId, onError = () => {} }: HarnessProps) {
  const [commands] = useState(createCommandRegistry);
  useKeymap(commands);
  const details = useArticleDetails({
    client,
    store,
    commands,
    readerArticleId,
    announce: () => {},
    onError,
  });
  return (
    <StoreContext.Provider value={store}>
      <DetailsNotice details={details} />
      <ArticleHeader articleId={ARTICLE.id} article={ARTICLE} onShowDetails={details.show} />
      <nav className="library">
        <button type="button" data-article-id={ARTICLE.id}>
          Library row
        </button>
      </nav>
      <ArticleDetailsHost details={details} />
    </StoreContext.Provider>
  );
}

async function mount(start: ArticleSummary = ARTICLE, readerArticleId: string | null = ARTICLE.id) {
  const stub = stubClient(start);
  const store = createRendererStore();
  store.setArticles([start]);
  const onError = vi.fn();
  await render(
    <Harness
      client={stub.client}
      store={store}
      readerArticleId={readerArticleId}
      onError={onError}
    />,
  );
  return { ...stub, store, onError };
}

const dialog = () => page.getByRole('dialog', { name: 'Article details' });
const field = (label: string) =>
  dialog().getByLabelText(label, { exact: true }).element() as HTMLInputElement;
const dialogOpen = () => document.querySelector('.details-dialog') !== null;

async function openDetails() {
  await perform(() =>
    (page.getByRole('button', { name: 'Article details' }).element() as HTMLElement).click(),
  );
  await until(() => expect(document.activeElement).toBe(field('Title')));
}

describe('Article details', () => {
  it('shows every detail and the origin, focused on the title', async () => {
    await mount();
    await openDetails();
    expect(field('Title').value).toBe(ARTICLE.title);
    expect(field('Byline').value).toBe('Simon C.');
    expect(field('Site').value).toBe('Example News');
    expect(field('Publication date').type).toBe('date');
    expect(field('Publication date').value).toBe('2022-02-11');
    expect(field('Source address').value).toBe('');
    expect(field('Tags').value).toBe('Russia');
    const origin = dialog().getByRole('region', { name: 'Origin' }).element().textContent;
    expect(origin).toContain('Imported from the file report.html');
    expect(origin).toContain(`Added ${formatMoment(ARTICLE.addedAt)}`);
    expect(origin).toContain(`Last opened ${formatMoment(ARTICLE.lastOpenedAt!)}`);
  });

  it.each([
    [
      { origin: 'address', sourceUrl: 'https://example.org/news/talks' },
      'Added from https://example.org/news/talks',
    ],
    [{ origin: 'paste' }, 'Pasted'],
    [{ origin: 'sample' }, 'The sample article'],
    [{ origin: 'file', sourceFileName: null }, 'Imported from a file'],
  ] as const)('says where it came from: %o', async (extra, words) => {
    await mount({ ...ARTICLE, ...extra });
    await openDetails();
    const origin = dialog().getByRole('region', { name: 'Origin' }).element().textContent;
    expect(origin).toContain(words);
  });

  it('saves only the changed fields on Enter, and the reader header shows them from the reply', async () => {
    const { updateArticle, store } = await mount();
    await openDetails();
    await setValue(field('Byline'), 'Jane Roe');
    await setValue(field('Tags'), 'Russia, NATO');
    await setValue(field('Site'), '   ');
    // A real Enter key: the browser's implicit submission of the form.
    await perform(() => field('Tags').focus());
    await act(() => userEvent.keyboard('{Enter}'));
    await until(() => expect(dialogOpen()).toBe(false));
    expect(updateArticle).toHaveBeenCalledTimes(1);
    expect(updateArticle).toHaveBeenCalledWith({
      id: ARTICLE.id,
      byline: 'Jane Roe',
      site: null,
      tags: ['Russia', 'NATO'],
    });
    expect(store.getState().library?.[0]?.byline).toBe('Jane Roe');
    const header = document.querySelector('.article-header')!;
    expect(header.textContent).toContain('By Jane Roe');
    expect(header.textContent).not.toContain('Example News');
    expect(page.getByRole('status').element().textContent).toContain('saved');
  });

  it('shows the schema’s errors beside their fields and sends nothing', async () => {
    const { updateArticle } = await mount();
    await openDetails();
    await setValue(field('Publication date'), '20222-02-11');
    await setValue(field('Source address'), 'ftp://example.org/report');
    await perform(() => field('Title').form!.requestSubmit());
    expect(updateArticle).not.toHaveBeenCalled();
    expect(dialogOpen()).toBe(true);
    const date = field('Publication date');
    const address = field('Source address');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input: HTMLInputElement) =>
      document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent;
    expect(describedBy(date)).toBe('A publication date is written YYYY-MM-DD');
    expect(describedBy(address)).toBe('A source address starts with http:// or https://');
    // The focus goes to the first field in error.
    expect(document.activeElement).toBe(date);

    // Corrected, it saves.
    await setValue(date, '2022-02-12');
    await setValue(address, 'https://example.org/report');
    // Enter in the date field saves too.
    await perform(() => date.focus());
    await act(() => userEvent.keyboard('{Enter}'));
    await until(() => expect(updateArticle).toHaveBeenCalledTimes(1));
    expect(updateArticle).toHaveBeenCalledWith({
      id: ARTICLE.id,
      publishedAt: '2022-02-12',
      sourceUrl: 'https://example.org/report',
    });
  });

  it('refuses an empty title before sending', async () => {
    const { updateArticle } = await mount();
    await openDetails();
    await setValue(field('Title'), '');
    await perform(() => field('Title').form!.requestSubmit());
    expect(updateArticle).not.toHaveBeenCalled();
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(dialog().element().textContent).toContain('A title cannot be empty');
  });

  it('shows the service’s refusal, stays open and keeps what was typed', async () => {
    const { updateArticle } = await mount();
    updateArticle.mockRejectedValueOnce(
      new ServiceError('read_only', 'The library is open read-only: nothing can be changed.'),
    );
    await openDetails();
    await setValue(field('Byline'), 'Jane Roe');
    await perform(() => field('Byline').form!.requestSubmit());
    const alert = await until(() => dialog().getByRole('alert').element());
    expect(alert.textContent).toBe(
      'The details were not saved: The library is open read-only: nothing can be changed.',
    );
    expect(dialogOpen()).toBe(true);
    expect(field('Byline').value).toBe('Jane Roe');
    // Another try sends it.
    await perform(() => field('Byline').form!.requestSubmit());
    await until(() => expect(dialogOpen()).toBe(false));
    expect(updateArticle).toHaveBeenCalledTimes(2);
  });

  it('closes without saving on Escape and on Cancel, and sends nothing when nothing changed', async () => {
    const { updateArticle } = await mount();
    await openDetails();
    await setValue(field('Byline'), 'Jane Roe');
    await press('Escape', {}, field('Byline'));
    expect(dialogOpen()).toBe(false);
    await openDetails();
    expect(field('Byline').value).toBe('Simon C.');
    await setValue(field('Byline'), 'Jane Roe');
    await perform(() =>
      (dialog().getByRole('button', { name: 'Cancel' }).element() as HTMLElement).click(),
    );
    expect(dialogOpen()).toBe(false);
    await openDetails();
    await perform(() => field('Title').form!.requestSubmit());
    await until(() => expect(dialogOpen()).toBe(false));
    expect(updateArticle).not.toHaveBeenCalled();
  });

  it('undo sends back the previous values of the changed fields, and redo the edit again', async () => {
    const { updateArticle, store } = await mount();
    await openDetails();
    await setValue(field('Byline'), 'Jane Roe');
    await setValue(field('Tags'), 'Russia, NATO');
    await perform(() => field('Byline').form!.requestSubmit());
    const undo = await until(() =>
      page.getByRole('button', { name: 'Undo edit details' }).element(),
    );
    await perform(() => (undo as HTMLElement).click());
    await until(() => expect(updateArticle).toHaveBeenCalledTimes(2));
    expect(updateArticle).toHaveBeenLastCalledWith({
      id: ARTICLE.id,
      byline: 'Simon C.',
      tags: ['Russia'],
    });
    await until(() => expect(store.getState().library?.[0]?.byline).toBe('Simon C.'));
    expect(document.querySelector('.article-header')!.textContent).toContain('By Simon C.');

    const redo = await until(() =>
      page.getByRole('button', { name: 'Redo edit details' }).element(),
    );
    await perform(() => (redo as HTMLElement).click());
    await until(() => expect(updateArticle).toHaveBeenCalledTimes(3));
    expect(updateArticle).toHaveBeenLastCalledWith({
      id: ARTICLE.id,
      byline: 'Jane Roe',
      tags: ['Russia', 'NATO'],
    });
    await until(() => expect(store.getState().library?.[0]?.tags).toEqual(['Russia', 'NATO']));
  });

  it('reports a failed undo and keeps offering it', async () => {
    const { updateArticle, onError } = await mount();
    await openDetails();
    await setValue(field('Byline'), 'Jane Roe');
    await perform(() => field('Byline').form!.requestSubmit());
    const undo = await until(() =>
      page.getByRole('button', { name: 'Undo edit details' }).element(),
    );
    updateArticle.mockRejectedValueOnce(new ServiceError('storage_full', 'The disk is full.'));
    await perform(() => (undo as HTMLElement).click());
    await until(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(page.getByRole('button', { name: 'Undo edit details' }).elements()).toHaveLength(1);
  });

  it('opens with Ctrl+I for the focused library row, else the article in the reader', async () => {
    await mount();
    await press('i', { ctrlKey: true }, document.body);
    await until(() => expect(dialogOpen()).toBe(true));
    await press('Escape', {}, field('Title'));
    await cleanup();

    await mount(ARTICLE, null);
    // Nothing open and no row focused: the key does nothing.
    expect(await press('i', { ctrlKey: true }, document.body)).toBe(true);
    expect(dialogOpen()).toBe(false);
    const row = document.querySelector<HTMLElement>('[data-article-id]')!;
    await perform(() => row.focus());
    await press('i', { ctrlKey: true }, row);
    await until(() => expect(dialogOpen()).toBe(true));
    expect(field('Title').value).toBe(ARTICLE.title);
  });
});
