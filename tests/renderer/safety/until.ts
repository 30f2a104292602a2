/**
 * Waiting in view tests without a fixed delay: `until(check)` tries `check` again and again,
 * each time after React has applied whatever came in meanwhile (inside act), until it passes;
 * after `timeout` ms it fails with `check`'s own error. It answers what `check` answered.
 */
import { act } from 'react';
import { vi } from 'vitest';

export function until<T>(check: () => T, timeout = 3000): Promise<T> {
  return vi.waitFor(
    async () => {
      await act(async () => {});
      return check();
    },
    { timeout, interval: 10 },
  );
}
