/**
 * From annotations to highlights: an annotation is drawn at its stored anchor (an orphan is not
 * drawn), and each store delta becomes one highlight transaction that removes what changed as it
 * was drawn and adds it as it is now.
 */
import type { Annotation } from '../../../shared/contract/entities';
import type { AnnotationDelta } from '../store/annotations';
import type { HighlightAction, HighlightSpec } from './highlight-plugin';

/** The highlight of an annotation, or null for an orphan (its passage is not in the text). */
export function highlightOf(annotation: Annotation): HighlightSpec | null {
  const { anchor } = annotation;
  return anchor.status === 'orphan'
    ? null
    : { id: annotation.id, start: anchor.start, end: anchor.end, color: annotation.color };
}

const sameDrawing = (a: HighlightSpec | null, b: HighlightSpec | null) =>
  a === b || (!!a && !!b && a.start === b.start && a.end === b.end && a.color === b.color);

/** The transaction metadata that draws `delta`; empty lists when nothing drawn changes. */
export function highlightActionFor(delta: AnnotationDelta): Required<HighlightAction> {
  const add: HighlightSpec[] = [];
  const remove: HighlightSpec[] = [];
  for (const { before, after } of delta.upserted) {
    const was = before ? highlightOf(before) : null;
    const now = highlightOf(after);
    if (sameDrawing(was, now)) continue;
    if (was) remove.push(was);
    if (now) add.push(now);
  }
  for (const annotation of delta.removed) {
    const was = highlightOf(annotation);
    if (was) remove.push(was);
  }
  return { add, remove };
}
