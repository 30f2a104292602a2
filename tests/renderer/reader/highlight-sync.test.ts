/**
 * From store deltas to highlight transactions: what is drawn is removed as it was drawn and
 * added as it is now, only when the drawing changed; an orphan is never drawn.
 */
import { describe, expect, it } from 'vitest';
import { highlightActionFor, highlightOf } from '../../../src/renderer/src/reader/highlight-sync';
import type { Annotation } from '../../../src/shared/contract/entities';
import { buildAnnotation, testId } from '../../support/annotation-builder';

const A: Annotation = buildAnnotation({
  id: testId(1),
  position: { start: 10, end: 20 },
  color: 'yellow',
});
const drawn = (a: Annotation, start = 10, end = 20) => ({ id: a.id, start, end, color: a.color });
const orphan = (a: Annotation): Annotation => ({ ...a, anchor: { status: 'orphan' } });

describe('highlightOf', () => {
  it('draws an annotation at its anchor, in its colour', () => {
    expect(highlightOf(A)).toEqual(drawn(A));
    const moved = { ...A, anchor: { status: 'moved' as const, start: 30, end: 40 } };
    expect(highlightOf(moved)).toEqual(drawn(A, 30, 40));
  });

  it('R15 draws no orphan', () => {
    expect(highlightOf(orphan(A))).toBeNull();
  });
});

describe('highlightActionFor', () => {
  it('draws an added annotation', () => {
    expect(highlightActionFor({ upserted: [{ after: A }], removed: [] })).toEqual({
      add: [drawn(A)],
      remove: [],
    });
  });

  it('does nothing when what is drawn did not change (a note, tags, a claim)', () => {
    const noted = { ...A, note: 'n', tags: ['t'], updatedAt: '2024-05-01T00:00:00.000Z' };
    expect(highlightActionFor({ upserted: [{ before: A, after: noted }], removed: [] })).toEqual({
      add: [],
      remove: [],
    });
  });

  it('removes the old colour and adds the new one', () => {
    const pink = { ...A, color: 'pink' as const };
    expect(highlightActionFor({ upserted: [{ before: A, after: pink }], removed: [] })).toEqual({
      add: [drawn(pink)],
      remove: [drawn(A)],
    });
  });

  it('redraws a highlight whose anchor moved, removing it where it was drawn', () => {
    const moved = { ...A, anchor: { status: 'moved' as const, start: 12, end: 22 } };
    expect(highlightActionFor({ upserted: [{ before: A, after: moved }], removed: [] })).toEqual({
      add: [drawn(A, 12, 22)],
      remove: [drawn(A)],
    });
  });

  it('R15 never draws an orphan, and undraws an annotation that became one', () => {
    const lost = orphan(A);
    expect(highlightActionFor({ upserted: [{ after: lost }], removed: [] })).toEqual({
      add: [],
      remove: [],
    });
    expect(highlightActionFor({ upserted: [{ before: A, after: lost }], removed: [] })).toEqual({
      add: [],
      remove: [drawn(A)],
    });
    expect(highlightActionFor({ upserted: [{ before: lost, after: lost }], removed: [] })).toEqual({
      add: [],
      remove: [],
    });
    expect(highlightActionFor({ upserted: [], removed: [lost] })).toEqual({ add: [], remove: [] });
  });

  it('removes a deleted annotation at the range it was drawn at', () => {
    const moved = { ...A, anchor: { status: 'changed' as const, start: 40, end: 47 } };
    expect(highlightActionFor({ upserted: [], removed: [moved] })).toEqual({
      add: [],
      remove: [drawn(A, 40, 47)],
    });
  });

  it('handles several annotations in one delta', () => {
    const B = buildAnnotation({ id: testId(2), position: { start: 50, end: 60 } });
    const C = buildAnnotation({ id: testId(3), position: { start: 70, end: 80 } });
    const blue = { ...B, color: 'blue' as const };
    const action = highlightActionFor({
      upserted: [{ after: A }, { before: B, after: blue }],
      removed: [C],
    });
    expect(action.add).toEqual([drawn(A), drawn(blue, 50, 60)]);
    expect(action.remove).toEqual([drawn(B, 50, 60), drawn(C, 70, 80)]);
  });
});
