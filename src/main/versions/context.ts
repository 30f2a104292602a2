/** What the version handlers need of the service they are part of. */
import type { Database } from 'better-sqlite3';
import type { Changes } from '../../shared/contract/entities';

export interface VersionContext {
  readonly db: Database;
  readonly newId: () => string;
  /** The service's clock, as an ISO timestamp. */
  readonly now: () => string;
  /** Runs `work` in one immediate write transaction (refusing on a read-only library). */
  readonly write: <T>(work: () => T) => T;
  readonly refuseIfReadOnly: () => void;
  readonly changesOf: (what: {
    readonly annotationIds?: readonly string[];
    readonly articleIds?: readonly string[];
  }) => Changes;
}
