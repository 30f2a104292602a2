/**
 * Where a key moves a one-column grid's focus (the library list, All annotations): the row it
 * goes to, or null when the key is not a move. `page` is how many rows a page holds.
 */
export function gridMoveTarget(
  key: string,
  index: number,
  count: number,
  page: number,
): number | null {
  switch (key) {
    case 'ArrowDown':
      return index + 1;
    case 'ArrowUp':
      return index - 1;
    case 'PageDown':
      return index + page;
    case 'PageUp':
      return index - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
