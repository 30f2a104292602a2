/** The shape of one schema migration. */
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The `user_version` the database has once this migration is applied; 1, 2, 3… in order. */
  readonly version: number;
  /** A few words saying what it changes, for logs and backups. */
  readonly name: string;
  /** Applies the change. Runs inside a transaction the runner owns; it must not commit. */
  up(db: Database): void;
}
