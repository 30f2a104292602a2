/**
 * The words for suggested claims that the toolbar, the sidebar's list and the announcements
 * share, so they say a suggestion and the finder's state the same way everywhere.
 */
import { excerpt } from '../../../shared/annotations/wording';
import type { ClaimSuggestion } from '../../../shared/claim-finder/types';
import { plural } from '../../../shared/text/plural';
import type { SuggestionsController } from './controller';

/** Characters of the quote in a suggestion's accessible name. */
const NAME_QUOTE_CHARS = 50;

/** "denial by Russia", as announced and listed. */
export function describeSuggestion(s: Pick<ClaimSuggestion, 'type' | 'speaker'>): string {
  return `${s.type} by ${s.speaker ?? 'unknown speaker'}`;
}

/** "evidence by White House: Russia had been stirring…": names a suggestion for its controls. */
export function nameSuggestion(s: Pick<ClaimSuggestion, 'type' | 'speaker' | 'quote'>): string {
  return `${describeSuggestion(s)}: ${excerpt(s.quote, NAME_QUOTE_CHARS)}`;
}

/** What the finder is doing, in words ('' while suggestions are off). */
export function suggestionsStatusText(
  controller: Pick<SuggestionsController, 'status' | 'error' | 'suggestions'>,
): string {
  switch (controller.status) {
    case 'off':
      return '';
    case 'finding':
      return 'Finding claims…';
    case 'failed':
      return `Could not suggest claims: ${controller.error ?? 'unknown error'}`;
    case 'ready':
      return controller.suggestions.length === 0
        ? 'No suggested claims in this article'
        : plural(controller.suggestions.length, 'suggestion', 'suggestions');
  }
}
