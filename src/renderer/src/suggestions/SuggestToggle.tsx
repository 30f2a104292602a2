/** The reader toolbar's "Suggest claims" toggle, and what the finder is doing while it is on. */
import type { SuggestionsController } from './controller';
import { suggestionsStatusText } from './wording';

export function SuggestToggle({ controller }: { controller: SuggestionsController }) {
  return (
    <>
      <button
        type="button"
        aria-pressed={controller.enabled}
        onClick={() => controller.setEnabled(!controller.enabled)}
        title="Suggest claims: who says what, found in the text (Tab moves, A accepts, X dismisses, E edits, Esc stops Tab moving)"
      >
        Suggest claims
      </button>
      {/* Always there (empty while off): a live region created together with its first words
          may not be heard, and "Finding claims…" is the first thing it says. */}
      <span
        className={
          controller.status === 'failed' ? 'suggestions-status is-error' : 'suggestions-status'
        }
        aria-live="polite"
      >
        {suggestionsStatusText(controller)}
      </span>
    </>
  );
}
