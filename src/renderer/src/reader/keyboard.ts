/** Which key events the reader's single-key shortcuts may take. */

/** True when the event comes from a field where typed letters belong to the user's text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.article-body')) return false; // the article has a caret but takes no text
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

/** True for Ctrl (or ⌘ on macOS) without Alt: the modifier of undo, redo and settings. */
export function hasCommandModifier(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** True for a bare key: no Ctrl, ⌘ or Alt (Shift allowed, for "?"). */
export function isBareKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number']);

/**
 * True when the event comes from a control with its own undo (text fields). Checkboxes, radios
 * and selects have none, so Ctrl+Z there is the reader's undo.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.article-body')) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target.isContentEditable;
}
