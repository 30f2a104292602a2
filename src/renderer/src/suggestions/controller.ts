/** What the reader and the sidebar's list share of the open article's suggested claims. */
import type { ClaimSuggestion } from '../../../shared/claim-finder/types';

export type SuggestionsStatus = 'off' | 'finding' | 'ready' | 'failed';

export interface SuggestionsController {
  /** "Suggest claims" is on (the library's setting). */
  readonly enabled: boolean;
  /** 'finding' while the finder works off the UI thread; 'failed' with `error` said. */
  readonly status: SuggestionsStatus;
  readonly error: string | null;
  /** The suggestions offered, in text order: not dismissed, not already a claim. */
  readonly suggestions: readonly ClaimSuggestion[];
  /** The suggestion Tab moved to (A, X and E act on it), if any. */
  readonly currentKey: string | null;
  setEnabled(on: boolean): void;
  /** Makes a suggestion current and scrolls the article to it. */
  show(key: string): void;
  /** The next (1) or previous (-1) suggestion in text order becomes current. */
  move(step: 1 | -1): void;
  /** No suggestion is current any more (Esc): A, X and E do nothing until one is again. */
  clear(): void;
  /**
   * Creates a claim of each (type and speaker as suggested) in one undo step. Answers whether it
   * did: false when it failed (the error was reported) or when those keys are already being
   * accepted or dismissed (a second press of A before the first reply makes nothing twice).
   */
  accept(keys: readonly string[]): Promise<boolean>;
  /** Stops offering it (remembered for the article); undoable. Answers whether it did. */
  dismiss(key: string): Promise<boolean>;
  /** Accepts it and opens its card on the claim's fields, to change them first. */
  edit(key: string): Promise<boolean>;
}
