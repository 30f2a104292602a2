/**
 * From re-anchoring to what is stored: each annotation's new place in the newer text (selectors,
 * the words as annotated when they now differ, the stored anchor status) and the report, which
 * counts live annotations relative to the older version.
 */
import { reanchorAll, type Reanchored } from '../../shared/anchoring/reanchor';
import type { AnnotationPlace, ReanchorReport } from '../../shared/contract/versions';
import type { PlacedAnnotation } from '../store/annotation-anchors';

export interface ReanchoredPlaces {
  readonly places: { readonly id: string; readonly place: AnnotationPlace }[];
  readonly report: ReanchorReport;
}

/**
 * The place one annotation gets from its re-anchoring. An orphan keeps its last selectors (a
 * later version may find them again). Otherwise the stored status is `changed` whenever the
 * words differ from the words as annotated, else the re-anchor's own (a return to the original
 * words is no change).
 */
export function placeFrom(previous: AnnotationPlace, found: Reanchored): AnnotationPlace {
  if (found.anchor.status === 'orphan' || found.selectors === null) {
    return { ...previous, anchor: { status: 'orphan' } };
  }
  const { start, end } = found.anchor;
  const exact = found.selectors.quote.exact;
  const asAnnotated = previous.originalQuote ?? previous.quote.exact;
  const originalQuote = asAnnotated === exact ? null : asAnnotated;
  const samePlace = start === previous.position.start;
  const status =
    originalQuote !== null
      ? 'changed'
      : found.anchor.status === 'changed'
        ? samePlace
          ? 'anchored'
          : 'moved'
        : found.anchor.status;
  return {
    quote: found.selectors.quote,
    position: found.selectors.position,
    originalQuote,
    anchor: { status, start, end },
  };
}

export function emptyReport(): ReanchorReport {
  return { unchanged: 0, moved: 0, changed: 0, orphaned: 0, claimsChanged: 0, claimsOrphaned: 0 };
}

/** Re-anchors every annotation (deleted ones too) from `oldText` into `newText`. */
export function reanchorPlaces(
  oldText: string,
  newText: string,
  annotations: readonly PlacedAnnotation[],
): ReanchoredPlaces {
  const found = reanchorAll(
    oldText,
    newText,
    annotations.map(({ id, place }) => ({
      id,
      selectors: { quote: place.quote, position: place.position },
    })),
  );
  const report = emptyReport();
  const places = annotations.map((annotation, i) => {
    const result = found[i];
    if (!result || result.id !== annotation.id) {
      throw new Error(`re-anchoring answered out of order at ${annotation.id}`);
    }
    if (annotation.live) {
      const status = result.anchor.status;
      if (status === 'anchored') report.unchanged++;
      else if (status === 'moved') report.moved++;
      else if (status === 'changed') {
        report.changed++;
        if (annotation.isClaim) report.claimsChanged++;
      } else {
        report.orphaned++;
        if (annotation.isClaim) report.claimsOrphaned++;
      }
    }
    return { id: annotation.id, place: placeFrom(annotation.place, result) };
  });
  return { places, report };
}
