/**
 * Focus for a dialog's first field. The shared Dialog focuses its Close button when it opens, and
 * a parent's effects run after its children's, so the field takes the focus just after that.
 */
import { useEffect, type RefObject } from 'react';

export function useInitialFocus(
  field: RefObject<HTMLInputElement | null>,
  options: { readonly select?: boolean } = {},
): void {
  const select = options.select ?? false;
  useEffect(() => {
    let live = true;
    queueMicrotask(() => {
      const input = field.current;
      if (!live || !input) return;
      input.focus();
      if (select) input.select();
    });
    return () => {
      live = false;
    };
  }, [field, select]);
}
