/**
 * The open article's annotations, held by id with their document order, and how a service reply
 * changes them: upserts and removals by id, each answered with the delta (what was there before
 * and what is there now) that the highlight layer draws from.
 */
import type { Annotation, Changes } from '../../../shared/contract/entities';

export interface AnnotationsState {
  /** The article whose annotations these are; null before one is opened. */
  readonly articleId: string | null;
  /** False until the article's annotations have been read. */
  readonly loaded: boolean;
  readonly byId: ReadonlyMap<string, Annotation>;
  /** Ids in document order: as the service lists them. */
  readonly order: readonly string[];
}

/** One change to the annotations, as the layers that draw them need it. */
export interface AnnotationDelta {
  /** Annotations added or changed: `before` is undefined for an added one. */
  readonly upserted: readonly { readonly before?: Annotation; readonly after: Annotation }[];
  /** Annotations removed, as they were. */
  readonly removed: readonly Annotation[];
}

export const EMPTY_ANNOTATIONS: AnnotationsState = {
  articleId: null,
  loaded: false,
  byId: new Map(),
  order: [],
};

/** Document order, the service's: position, then creation, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function loadedAnnotations(
  articleId: string,
  annotations: readonly Annotation[],
): AnnotationsState {
  const sorted = [...annotations].sort(compareAnnotations);
  return {
    articleId,
    loaded: true,
    byId: new Map(sorted.map((a) => [a.id, a])),
    order: sorted.map((a) => a.id),
  };
}

/** Where `annotation` goes in `order` (binary search by document order). */
function insertionIndex(
  order: readonly string[],
  byId: ReadonlyMap<string, Annotation>,
  annotation: Annotation,
): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareAnnotations(byId.get(order[mid]!)!, annotation) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Applies a reply's changes to the open article's annotations; changes to other articles'
 * annotations are not ours to hold. Answers the same state when nothing here changed.
 */
export function applyAnnotationChanges(
  state: AnnotationsState,
  changes: Pick<Changes, 'annotations' | 'removedAnnotations'>,
): { readonly state: AnnotationsState; readonly delta: AnnotationDelta } {
  const ours = changes.annotations.filter((a) => a.articleId === state.articleId);
  const gone = changes.removedAnnotations.filter((id) => state.byId.has(id));
  if (!state.loaded || (ours.length === 0 && gone.length === 0)) {
    return { state, delta: { upserted: [], removed: [] } };
  }
  const byId = new Map(state.byId);
  let order = state.order;
  const editOrder = () => (order === state.order ? (order = [...state.order]) : order) as string[];
  const removed: Annotation[] = [];
  const take = (id: string) => {
    const current = byId.get(id);
    if (!current) return undefined;
    const list = editOrder();
    list.splice(insertionIndex(list, byId, current), 1);
    byId.delete(id);
    return current;
  };
  for (const id of gone) {
    const before = take(id);
    if (before) removed.push(before);
  }
  const upserted: { before?: Annotation; after: Annotation }[] = [];
  for (const after of ours) {
    const before = byId.get(after.id);
    if (before && compareAnnotations(before, after) === 0) {
      byId.set(after.id, after); // same place in the order
    } else {
      if (before) take(after.id);
      const list = editOrder();
      list.splice(insertionIndex(list, byId, after), 0, after.id);
      byId.set(after.id, after);
    }
    upserted.push(before ? { before, after } : { after });
  }
  return { state: { ...state, byId, order }, delta: { upserted, removed } };
}
