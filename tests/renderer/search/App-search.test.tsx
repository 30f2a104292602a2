/**
 * Search everything in the window, with a fake client: Ctrl+K and the library's "Search…" button
 * open it; Enter on a note hit opens the article with that annotation's card open; a hit in the
 * article's text opens the article scrolled to it.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type Article,
  type ArticleSummary,
} from '../../../src/shared/contract/entities';
import type { OperationName } from '../../../src/shared/contract/operation-names';
import type { Client, RequestOf, ResponseOf } from '../../../src/shared/contract/operations';
import type { SearchHit, SearchResponse } from '../../../src/shared/contract/search';
import { buildAnnotation, testId } from '../../support/annotation-builder';
import { cleanup, perform, render } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const ARTICLE_ID = testId(0);
const PARAGRAPHS = Array.from(
  { length: 200 },
  (_, i) => `Paragraph ${i + 1} of the talks, long enough to take a line or two on any screen.`,
);
const TEXT = PARAGRAPHS.join('\n\n');
const summary: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Negotiations continue',
  byline: null,
  site: 'example.org',
  sourceUrl: null,
  publishedAt: null,
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
const ARTICLE: Article = {
  ...summary,
  document: {
    type: 'doc',
    content: PARAGRAPHS.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  },
  contentHash: 'sha256:0',
  damaged: false,
  readingPosition: null,
};
const NOTE: Annotation = buildAnnotation({
  articleId: ARTICLE_ID,
  text: TEXT,
  exact: 'Paragraph 3 of the talks',
  note: 'Ask the envoy about it.',
});

function answer(hit: SearchHit): SearchResponse {
  return {
    total: 1,
    groups: [
      {
        article: { id: ARTICLE_ID, title: summary.title, site: summary.site },
        titleMatch: false,
        hits: [hit],
        moreAnnotations: 0,
      },
    ],
  };
}
const snippet = {
  parts: [{ text: 'envoy', match: true }],
  truncatedStart: false,
  truncatedEnd: false,
};

type Handlers = {
  [K in OperationName]?: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

function fakeClient(search: SearchResponse) {
  const handlers: Handlers = {
    listArticles: () => ({ articles: [summary] }),
    getSettings: () => ({ settings: DEFAULT_SETTINGS }),
    getArticle: () => ({ article: ARTICLE }),
    listAnnotations: () => ({ annotations: [NOTE] }),
    listTags: () => ({ tags: [] }),
    listSpeakers: () => ({ speakers: [] }),
    listClaimTypes: () => ({ types: [] }),
    setReadingPosition: () => ({}),
    getLibraryStatus: () => ({
      status: { file: '/data/m.db', backupsFolder: '/data/b', readOnly: null, recovered: null },
    }),
    search: () => search,
  };
  return new Proxy({} as Client, {
    get: (_target, operation: OperationName) => async (request: unknown) => {
      const handler = handlers[operation] as ((request: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`the fake service does not answer ${operation}`);
      return handler(request);
    },
  });
}

const searchDialog = () => page.getByRole('dialog', { name: 'Search everything' });
const field = () =>
  searchDialog().getByRole('combobox', { name: 'Search' }).element() as HTMLInputElement;

/** Types `word` in the open search dialog and waits for `optionName` to be listed. */
async function searchFor(word: string, optionName: RegExp) {
  await until(() => expect(document.activeElement).toBe(field()));
  await act(() => userEvent.keyboard(word));
  await until(() => searchDialog().getByRole('option', { name: optionName }).element());
}

describe('App: search everything', () => {
  it('opens on Ctrl+K; Enter on a note hit opens the article with that annotation’s card open', async () => {
    const client = fakeClient(
      answer({ kind: 'note', annotationId: NOTE.id, offset: NOTE.position.start, snippet }),
    );
    await render(<App client={client} reload={() => {}} />);
    await until(() => page.getByRole('button', { name: 'Search…' }).element());
    expect(document.querySelector('.reader')).toBeNull();

    await act(() => userEvent.keyboard('{Control>}k{/Control}'));
    await searchFor('envoy', /^Note: envoy$/);
    await act(() => userEvent.keyboard('{ArrowDown}{Enter}'));

    await until(() => expect(searchDialog().elements()).toHaveLength(0));
    const card = await until(() =>
      page.getByRole('article', { name: /^Annotation: Paragraph 3/ }).element(),
    );
    await until(() =>
      expect(card.querySelector('button[aria-expanded]')?.getAttribute('aria-expanded')).toBe(
        'true',
      ),
    );
  });

  it('a hit in the text opens the article scrolled to it', async () => {
    const offset = TEXT.indexOf('Paragraph 180 ');
    const client = fakeClient(answer({ kind: 'text', annotationId: null, offset, snippet }));
    await render(<App client={client} reload={() => {}} />);
    const open = await until(
      () => page.getByRole('button', { name: 'Search…' }).element() as HTMLButtonElement,
    );
    await perform(() => open.click());
    await searchFor('envoy', /^Text: envoy$/);
    await act(() => userEvent.keyboard('{ArrowDown}{Enter}'));

    const scroller = await until(
      () => document.querySelector<HTMLElement>('.article-scroller') ?? expect.fail('no reader'),
    );
    await until(() => expect(scroller.scrollTop).toBeGreaterThan(1000));
    // The paragraph scrolled to is in view.
    const target = [...scroller.querySelectorAll('p')].find((p) =>
      p.textContent?.startsWith('Paragraph 180 '),
    )!;
    const box = scroller.getBoundingClientRect();
    const at = target.getBoundingClientRect();
    expect(at.top).toBeGreaterThanOrEqual(box.top - 1);
    expect(at.top).toBeLessThan(box.bottom);
  });

  it('a text hit with its match’s length opens with those words flashed in the middle, then not', async () => {
    const words = 'Paragraph 150 of the talks';
    const offset = TEXT.indexOf(words);
    const client = fakeClient(
      answer({ kind: 'text', annotationId: null, offset, length: words.length, snippet }),
    );
    await render(<App client={client} reload={() => {}} />);
    await until(() => page.getByRole('button', { name: 'Search…' }).element());
    await act(() => userEvent.keyboard('{Control>}k{/Control}'));
    await searchFor('envoy', /^Text: envoy$/);
    await act(() => userEvent.keyboard('{ArrowDown}{Enter}'));

    const flash = await until(
      () => document.querySelector<HTMLElement>('.search-flash') ?? expect.fail('no flash'),
    );
    expect(flash.textContent).toBe(words);
    const scroller = document.querySelector<HTMLElement>('.article-scroller')!;
    const box = scroller.getBoundingClientRect();
    const at = flash.getBoundingClientRect();
    // The match begins in the middle half of the reader (the test's pane may be narrow enough to
    // wrap it over many lines, so its start is what is centred).
    expect(at.top).toBeGreaterThan(box.top + box.height / 4);
    expect(at.top).toBeLessThan(box.bottom - box.height / 4);
    await until(() => expect(document.querySelector('.search-flash')).toBeNull(), 5000);
    expect(scroller.textContent).toContain(words);
  });
});
