/** The reader toolbar's "Suggest claims" toggle, and what the finder is doing while it is on. */
import type { SuggestionsController } from './controller';

export function statusText(controller: SuggestionsController): string {
  switch (controller.status) {
    case 'off':
      return '';
    case 'finding':
      return 'Finding claims…';
    case 'failed':
      return `Could not suggest claims: ${controller.error ?? 'unknown error'}`;
    case 'ready': {
      const count = controller.suggestions.length;
      return count === 1 ? '1 suggestion' : `${count} suggestions`;
    }
  }
}

export function SuggestToggle({ controller }: { controller: SuggestionsController }) {
  return (
    <>
      <button
        type="button"
        aria-pressed={controller.enabled}
        onClick={() => controller.setEnabled(!controller.enabled)}
        title="Suggest claims: who says what, found in the text (Tab moves, A accepts, X dismisses, E edits)"
      >
        Suggest claims
      </button>
      {/* Present while on, so screen readers hear each change of the status. */}
      {controller.enabled && (
        <span
          className={
            controller.status === 'failed' ? 'suggestions-status is-error' : 'suggestions-status'
          }
          aria-live="polite"
        >
          {statusText(controller)}
        </span>
      )}
    </>
  );
}
