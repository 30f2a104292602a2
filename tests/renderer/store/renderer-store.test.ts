/**
 * The renderer's one store: a reply's changes reach the library, the open article's annotations
 * and the names at once; delta listeners hear only real changes to the open article; selectors
 * answer the same list until it changes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationDelta } from '../../../src/renderer/src/store/annotations';
import {
  createRendererStore,
  selectAnnotationList,
} from '../../../src/renderer/src/store/renderer-store';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';

const ARTICLE = testId(1000);
const SUMMARY: ArticleSummary = {
  id: ARTICLE,
  title: 'Negotiations continue',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: null,
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
const A = buildAnnotation({ id: testId(1), articleId: ARTICLE, start: 0 });
const B = buildAnnotation({ id: testId(2), articleId: ARTICLE, start: 50, tags: ['kyiv'] });

describe('createRendererStore', () => {
  it('applies one reply to the library, the annotations and the names together', () => {
    const store = createRendererStore();
    store.setArticles([SUMMARY]);
    store.openAnnotations(ARTICLE, [A]);
    const listener = vi.fn();
    store.subscribe(listener);
    store.apply(changesOf({ annotations: [B], articles: [{ ...SUMMARY, annotationCount: 2 }] }));
    const state = store.getState();
    expect(state.library![0]!.annotationCount).toBe(2);
    expect(state.annotations.order).toEqual([A.id, B.id]);
    expect(state.names.tags).toEqual(['kyiv']);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('tells delta listeners of changes to the open article only, after the state has them', () => {
    const store = createRendererStore();
    store.openAnnotations(ARTICLE, [A]);
    const deltas: AnnotationDelta[] = [];
    const seen: number[] = [];
    const stop = store.onAnnotationDelta((delta) => {
      deltas.push(delta);
      seen.push(store.getState().annotations.order.length);
    });
    store.apply(changesOf({ articles: [SUMMARY] }));
    store.apply(changesOf({ annotations: [buildAnnotation({ articleId: testId(2000) })] }));
    expect(deltas).toEqual([]);
    store.apply(changesOf({ annotations: [B] }));
    expect(deltas).toEqual([{ upserted: [{ after: B }], removed: [] }]);
    expect(seen).toEqual([2]);
    stop();
    store.apply(changesOf({ removedAnnotations: [B.id] }));
    expect(deltas).toHaveLength(1);
  });

  it('opens an article afresh: its annotations, their names, and no undo history', () => {
    const store = createRendererStore();
    store.setHistory({ undoLabel: 'delete', redoLabel: null });
    store.openAnnotations(ARTICLE, [B, A]);
    expect(selectAnnotationList(store.getState())).toEqual([A, B]);
    expect(store.getState().names.tags).toEqual(['kyiv']);
    expect(store.getState().history).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('closes only the article it is asked to', () => {
    const store = createRendererStore();
    store.openAnnotations(ARTICLE, [A]);
    store.closeAnnotations(testId(2000));
    expect(store.getState().annotations.articleId).toBe(ARTICLE);
    store.closeAnnotations(ARTICLE);
    expect(store.getState().annotations.articleId).toBeNull();
    expect(store.getState().annotations.loaded).toBe(false);
    expect(selectAnnotationList(store.getState())).toEqual([]);
  });

  it('renames a tag in the names offered', () => {
    const store = createRendererStore();
    store.setNames({ tags: ['nato', 'kyiv'], speakers: [], claimTypes: [] });
    store.renameTag('nato', 'NATO');
    expect(store.getState().names.tags).toEqual(['kyiv', 'NATO']);
  });
});

describe('selectAnnotationList', () => {
  it('answers the same array until the annotations change', () => {
    const store = createRendererStore();
    store.openAnnotations(ARTICLE, [A, B]);
    const first = selectAnnotationList(store.getState());
    store.setHistory({ undoLabel: 'edit', redoLabel: null });
    store.apply(changesOf({ articles: [SUMMARY] }));
    expect(selectAnnotationList(store.getState())).toBe(first);
    store.apply(changesOf({ annotations: [{ ...A, note: 'n' }] }));
    const second = selectAnnotationList(store.getState());
    expect(second).not.toBe(first);
    expect(second.map((a) => a.note)).toEqual(['n', '']);
  });
});
