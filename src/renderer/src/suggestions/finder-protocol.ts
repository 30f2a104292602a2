/** The messages between the reader and the claim finder's worker. */
import type { ClaimSuggestion, FindClaimsOptions } from '../../../shared/claim-finder/types';

export interface FindRequest {
  readonly text: string;
  readonly options: FindClaimsOptions;
}

export type FindReply =
  | { readonly ok: true; readonly suggestions: ClaimSuggestion[] }
  | { readonly ok: false; readonly error: string };
