/** The claim finder's entry point: `findClaimSuggestions(text)`. Pure; no network, no model download. */
import type { ClaimSuggestion, FindClaimsOptions } from './types';

export type { ClaimSuggestion, FindClaimsOptions, SuggestedClaimType, TextSpan } from './types';

/** Every attributed statement in `text`, in text order (by content start, then end). */
export function findClaimSuggestions(
  text: string,
  options: FindClaimsOptions = {},
): ClaimSuggestion[] {
  void text;
  void options;
  return [];
}
