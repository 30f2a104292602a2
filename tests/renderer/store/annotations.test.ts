/**
 * The open article's annotations as the store holds them: read into document order, and changed
 * by a reply's changes by id (inserted where they belong, updated in place, moved when their
 * position changes, removed), with the delta the highlight layer draws from.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ANNOTATIONS,
  applyAnnotationChanges,
  compareAnnotations,
  loadedAnnotations,
  type AnnotationsState,
} from '../../../src/renderer/src/store/annotations';
import type { Annotation } from '../../../src/shared/contract/entities';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';

const ARTICLE = testId(1000);
const OTHER_ARTICLE = testId(2000);

function at(n: number, start: number, fields: Partial<Annotation> = {}): Annotation {
  return buildAnnotation({
    id: testId(n),
    articleId: ARTICLE,
    position: { start, end: start + 10 },
    ...fields,
  });
}

const A = at(1, 0);
const B = at(2, 100);
const C = at(3, 200);

const ids = (state: AnnotationsState) => [...state.order];
const listed = (state: AnnotationsState) => state.order.map((id) => state.byId.get(id));

describe('loadedAnnotations', () => {
  it('holds the annotations by id in document order, whatever order they came in', () => {
    const state = loadedAnnotations(ARTICLE, [C, A, B]);
    expect(state.articleId).toBe(ARTICLE);
    expect(state.loaded).toBe(true);
    expect(ids(state)).toEqual([A.id, B.id, C.id]);
    expect(state.byId.get(B.id)).toBe(B);
  });

  it('orders passages at the same place by creation, then by id', () => {
    const later = at(10, 50, { createdAt: '2024-02-01T00:00:00.000Z' });
    const earlier = at(11, 50, { createdAt: '2024-01-01T00:00:00.000Z' });
    const twin = at(9, 50, { createdAt: '2024-01-01T00:00:00.000Z' });
    const state = loadedAnnotations(ARTICLE, [later, earlier, twin]);
    expect(ids(state)).toEqual([twin.id, earlier.id, later.id]);
    expect(compareAnnotations(twin, twin)).toBe(0);
  });
});

describe('applyAnnotationChanges', () => {
  const state = loadedAnnotations(ARTICLE, [A, C]);

  it('inserts a new annotation in document order, with no "before" in the delta', () => {
    const { state: next, delta } = applyAnnotationChanges(state, changesOf({ annotations: [B] }));
    expect(ids(next)).toEqual([A.id, B.id, C.id]);
    expect(next.byId.get(B.id)).toBe(B);
    expect(delta).toEqual({ upserted: [{ after: B }], removed: [] });
    expect(delta.upserted[0]).not.toHaveProperty('before');
    // The state it was applied to is left as it was.
    expect(ids(state)).toEqual([A.id, C.id]);
    expect(state.byId.has(B.id)).toBe(false);
  });

  it('inserts at either end', () => {
    const first = at(4, 0, { createdAt: '2023-01-01T00:00:00.000Z' });
    const last = at(5, 900);
    const { state: next } = applyAnnotationChanges(
      state,
      changesOf({ annotations: [last, first] }),
    );
    expect(ids(next)).toEqual([first.id, A.id, C.id, last.id]);
  });

  it('updates an annotation in place, and says what it was before', () => {
    const full = loadedAnnotations(ARTICLE, [A, B, C]);
    const noted = { ...B, note: 'checked', color: 'pink' as const };
    const { state: next, delta } = applyAnnotationChanges(
      full,
      changesOf({ annotations: [noted] }),
    );
    expect(ids(next)).toEqual([A.id, B.id, C.id]);
    expect(next.byId.get(B.id)).toBe(noted);
    // The others are the same objects: their cards have nothing to re-render.
    expect(next.byId.get(A.id)).toBe(A);
    expect(next.byId.get(C.id)).toBe(C);
    expect(delta).toEqual({ upserted: [{ before: B, after: noted }], removed: [] });
    expect(delta.upserted[0]!.before).toBe(B);
  });

  it('moves an annotation whose position changed', () => {
    const full = loadedAnnotations(ARTICLE, [A, B, C]);
    const moved = { ...A, position: { start: 300, end: 310 } };
    const { state: next, delta } = applyAnnotationChanges(
      full,
      changesOf({ annotations: [moved] }),
    );
    expect(ids(next)).toEqual([B.id, C.id, A.id]);
    expect(listed(next)).toEqual([B, C, moved]);
    expect(delta.upserted).toEqual([{ before: A, after: moved }]);

    const back = applyAnnotationChanges(next, changesOf({ annotations: [A] })).state;
    expect(ids(back)).toEqual([A.id, B.id, C.id]);
  });

  it('removes annotations, answering them as they were', () => {
    const full = loadedAnnotations(ARTICLE, [A, B, C]);
    const { state: next, delta } = applyAnnotationChanges(
      full,
      changesOf({ removedAnnotations: [B.id, C.id] }),
    );
    expect(ids(next)).toEqual([A.id]);
    expect(next.byId.has(B.id)).toBe(false);
    expect(next.byId.size).toBe(1);
    expect(delta).toEqual({ upserted: [], removed: [B, C] });
  });

  it('removes and upserts in one reply', () => {
    const full = loadedAnnotations(ARTICLE, [A, B, C]);
    const linked = { ...C, note: 'the other end' };
    const added = at(6, 150);
    const { state: next, delta } = applyAnnotationChanges(
      full,
      changesOf({ annotations: [linked, added], removedAnnotations: [A.id] }),
    );
    expect(listed(next)).toEqual([B, added, linked]);
    expect(delta.removed).toEqual([A]);
    expect(delta.upserted).toEqual([{ before: C, after: linked }, { after: added }]);
  });

  it('ignores other articles’ annotations and removals it does not hold', () => {
    const elsewhere = buildAnnotation({ id: testId(7), articleId: OTHER_ARTICLE });
    const result = applyAnnotationChanges(
      state,
      changesOf({ annotations: [elsewhere], removedAnnotations: [testId(8)] }),
    );
    expect(result.state).toBe(state);
    expect(result.delta).toEqual({ upserted: [], removed: [] });
  });

  it('answers the same state object when nothing changed', () => {
    expect(applyAnnotationChanges(state, changesOf()).state).toBe(state);
    const articlesOnly = changesOf({ removedArticles: [OTHER_ARTICLE] });
    expect(applyAnnotationChanges(state, articlesOnly).state).toBe(state);
  });

  it('holds nothing before an article is opened', () => {
    const result = applyAnnotationChanges(EMPTY_ANNOTATIONS, changesOf({ annotations: [A] }));
    expect(result.state).toBe(EMPTY_ANNOTATIONS);
    expect(result.delta).toEqual({ upserted: [], removed: [] });
  });

  it('keeps a thousand annotations in order through many changes', () => {
    const many = Array.from({ length: 1000 }, (_, i) => at(100 + i, (i * 7919) % 10_000));
    let current = loadedAnnotations(ARTICLE, many.slice(0, 500));
    for (let i = 500; i < 1000; i += 50) {
      current = applyAnnotationChanges(
        current,
        changesOf({
          annotations: many.slice(i, i + 50),
          removedAnnotations: many.slice(i - 500, i - 480).map((a) => a.id),
        }),
      ).state;
      // Every few rounds, move one annotation somewhere else.
      const mover = current.byId.get(current.order[0]!)!;
      current = applyAnnotationChanges(
        current,
        changesOf({ annotations: [{ ...mover, position: { start: 5000 + i, end: 5010 + i } }] }),
      ).state;
    }
    const expected = [...current.byId.values()].sort(compareAnnotations).map((a) => a.id);
    expect(current.order).toEqual(expected);
    expect(current.order).toHaveLength(current.byId.size);
  });
});
