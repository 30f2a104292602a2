/**
 * An older version's highlights: each annotation drawn where it was in that version (its anchor
 * there), in its colour now. Orphans there are not drawn, nor annotations no longer in the
 * article (deleted since: they are in the trash, not in the reader).
 */
import type { Annotation } from '../../../shared/contract/entities';
import type { VersionAnchor } from '../../../shared/contract/versions';
import type { HighlightSpec } from '../reader/highlight-plugin';

export function olderVersionHighlights(
  anchors: readonly VersionAnchor[],
  annotations: ReadonlyMap<string, Annotation>,
): HighlightSpec[] {
  const highlights: HighlightSpec[] = [];
  for (const { annotationId, anchor } of anchors) {
    const annotation = annotations.get(annotationId);
    if (!annotation || anchor.status === 'orphan') continue;
    highlights.push({
      id: annotationId,
      start: anchor.start,
      end: anchor.end,
      color: annotation.color,
    });
  }
  return highlights;
}
