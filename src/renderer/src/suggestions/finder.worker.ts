/**
 * The claim finder off the UI thread: one request, one reply. A 3 MB book takes seconds to read
 * through, so the reader never runs it on its own thread; it posts the text here and draws the
 * suggestions when they come back.
 */
import { findClaimSuggestions } from '../../../shared/claim-finder';
import type { FindReply, FindRequest } from './finder-protocol';

// The worker's global scope, as far as it is used (the renderer's types are the window's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FindRequest>) => void) | null;
  postMessage(reply: FindReply): void;
};

scope.onmessage = (event) => {
  const { text, options } = event.data;
  try {
    scope.postMessage({ ok: true, suggestions: findClaimSuggestions(text, options) });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
