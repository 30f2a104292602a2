/**
 * R18 in the window: a note whose save fails because the disk is full stays in its field as typed,
 * the failure is said plainly, and the next save sends it again whole (nothing typed is lost).
 * The service's half (the transaction rolled back, storage_full) is tests/main/service.test.ts.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { App } from '../../src/renderer/src/App';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type Article,
  type ArticleSummary,
} from '../../src/shared/contract/entities';
import { ServiceError } from '../../src/shared/contract/errors';
import type { Client } from '../../src/shared/contract/operations';
import { changesOf } from '../support/annotation-builder';
import { ANNOTATIONS, ARTICLE_ID } from './annotations/claim-fixtures';
import { cleanup, perform, render } from './react-harness';
import '../../src/renderer/src/styles.css';

const TEXT = 'Western intelligence reports have said that Russia planned to run operations.';
const SUMMARY: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Negotiations continue',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-01-01T00:00:00.000Z',
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
  ...SUMMARY,
  document: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }],
  },
  contentHash: 'hash',
  damaged: false,
  readingPosition: null,
};
const FIRST: Annotation = { ...ANNOTATIONS[0]!, note: '' };
const FULL = 'The disk is full; nothing was saved. Free some space and try again.';

function fakeClient() {
  let stored = FIRST;
  let fail = true;
  const updateAnnotation = vi.fn(async ({ note }: { id: string; note?: string }) => {
    if (fail) throw new ServiceError('storage_full', FULL);
    stored = { ...stored, note: note ?? stored.note };
    return { annotation: stored, changes: changesOf({ annotations: [stored] }) };
  });
  const client = {
    listArticles: async () => ({ articles: [SUMMARY] }),
    getSettings: async () => ({ settings: DEFAULT_SETTINGS }),
    getArticle: async () => ({ article: ARTICLE }),
    listAnnotations: async () => ({ annotations: [stored] }),
    listTags: async () => ({ tags: [] }),
    listSpeakers: async () => ({ speakers: [] }),
    listClaimTypes: async () => ({ types: [] }),
    setReadingPosition: async () => ({}),
    markArticleOpened: async () => ({ article: SUMMARY, changes: changesOf() }),
    updateAnnotation,
  } as unknown as Client;
  return { client, updateAnnotation, recover: () => (fail = false) };
}

afterEach(async () => {
  await cleanup();
});

const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));

describe('R18 a note saved while the disk is full', () => {
  it('R18 stays on screen as typed, says the disk is full, and is sent again whole', async () => {
    const { client, updateAnnotation, recover } = fakeClient();
    await render(<App client={client} />);
    await settle();
    await perform(() =>
      (page.getByRole('button', { name: SUMMARY.title }).element() as HTMLElement).click(),
    );
    await settle();
    const card = page.getByRole('article', { name: /^Annotation:/ });
    await act(() => userEvent.click(card.getByRole('button', { name: 'Edit' })));
    const note = page.getByLabelText('Note', { exact: true }).element() as HTMLTextAreaElement;
    await act(() => userEvent.type(note, 'Check the dates'));
    await settle();

    expect(updateAnnotation).toHaveBeenCalled();
    expect(note.value).toBe('Check the dates');
    expect(document.body.textContent).toContain(FULL);

    // Space freed: the next keystroke's save carries everything typed, the failed part too.
    recover();
    await act(() => userEvent.type(note, '.'));
    await expect.poll(() => updateAnnotation.mock.calls.at(-1)?.[0]?.note).toBe('Check the dates.');
    await settle();
    expect(note.value).toBe('Check the dates.');
  });
});
