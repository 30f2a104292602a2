/** What a group of the service's handlers (versions, suggested claims) needs of the service. */
import type { Database } from 'better-sqlite3';
import type { Changes } from '../shared/contract/entities';

export interface ServiceContext {
  readonly db: Database;
  readonly newId: () => string;
  /** The service's clock, as an ISO timestamp. */
  readonly now: () => string;
  /** Runs `work` in one immediate write transaction (refusing on a read-only library). */
  readonly write: <T>(work: () => T) => T;
  readonly refuseIfReadOnly: () => void;
  readonly changesOf: (what: {
    readonly annotationIds?: readonly string[];
    readonly removedAnnotations?: readonly string[];
    readonly articleIds?: readonly string[];
  }) => Changes;
}
