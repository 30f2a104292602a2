/** How the search dialog names where a match is. */
import type { SearchHitKind } from '../../../shared/contract/search';

export const HIT_KIND_LABELS: Readonly<Record<SearchHitKind, string>> = {
  text: 'Text',
  quote: 'Quote',
  note: 'Note',
  tag: 'Tag',
  speaker: 'Speaker',
  type: 'Claim type',
};
