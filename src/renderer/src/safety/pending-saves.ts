/**
 * Saves the window has queued but maybe not sent yet (a note as it is typed), gathered so a
 * restore can deal with them first. A restore replaces the whole library under the window:
 * a draft typed before it must be stored BEFORE the restore starts (so it lands in the library
 * that is kept aside, and the undo brings it back), and nothing queued may be sent once the
 * restore is under way (it would write old text over the restored library).
 *
 * Each place that queues saves (the open article's annotation actions) registers itself through
 * `PendingSavesContext`; the restore calls `hold`, `flush`, then `discard` on success or
 * `resume` on failure.
 */
import { createContext } from 'react';

/** One place that queues saves. */
export interface SaveQueue {
  /** Stops sending queued saves on its own; only `flush` sends them until `resume`. */
  hold(): void;
  /** Sends every queued save; resolves once each is stored (or failed, and was reported). */
  flush(): Promise<void>;
  /** Sends nothing from now on, ever, and forgets what is queued (the window is reloading). */
  discard(): void;
  /** Sends queued saves on its own again, and whatever was queued while held. */
  resume(): void;
}

export interface PendingSaves {
  /** Adds a queue; answers a function that removes it. */
  register(queue: SaveQueue): () => void;
  /**
   * Holds every queue, then sends what each had queued: resolves once all of it is stored. From
   * then on nothing is sent until `resume` (the restore failed) or ever (`discard`).
   */
  holdAndFlush(): Promise<void>;
  /** The restore is done: nothing queued is ever sent, the window reloads. */
  discard(): void;
  /** The restore failed: the queues send again, starting with what was typed meanwhile. */
  resume(): void;
}

export function createPendingSaves(): PendingSaves {
  // Entries, not the queues themselves: a queue registered twice (React's strict mode runs an
  // effect twice) is removed once per registration.
  const entries = new Set<{ readonly queue: SaveQueue }>();
  const each = (run: (queue: SaveQueue) => void) => {
    for (const { queue } of entries) run(queue);
  };
  return {
    register(queue) {
      const entry = { queue };
      entries.add(entry);
      return () => {
        entries.delete(entry);
      };
    },
    async holdAndFlush() {
      each((queue) => queue.hold());
      await Promise.all([...entries].map(({ queue }) => queue.flush()));
    },
    discard: () => each((queue) => queue.discard()),
    resume: () => each((queue) => queue.resume()),
  };
}

/** The window's pending saves; null outside the app (a component tested on its own). */
export const PendingSavesContext = createContext<PendingSaves | null>(null);
