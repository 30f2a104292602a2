/** The keys that move a one-column grid's focus, and the keys that are not moves. */
import { describe, expect, it } from 'vitest';
import { gridMoveTarget } from '../../../src/renderer/src/components/grid-keys';

describe('gridMoveTarget', () => {
  it('moves by one, by a page, and to either end', () => {
    expect(gridMoveTarget('ArrowDown', 4, 10, 3)).toBe(5);
    expect(gridMoveTarget('ArrowUp', 4, 10, 3)).toBe(3);
    expect(gridMoveTarget('PageDown', 4, 10, 3)).toBe(7);
    expect(gridMoveTarget('PageUp', 4, 10, 3)).toBe(1);
    expect(gridMoveTarget('Home', 4, 10, 3)).toBe(0);
    expect(gridMoveTarget('End', 4, 10, 3)).toBe(9);
  });

  it('answers null for a key that is not a move (Enter, Delete, letters)', () => {
    for (const key of ['Enter', 'Delete', 'a', 'Tab'])
      expect(gridMoveTarget(key, 4, 10, 3)).toBeNull();
  });
});
