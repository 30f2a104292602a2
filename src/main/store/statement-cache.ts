/**
 * Prepared statements kept per connection. The store prepares its SQL where it runs it
 * (`db.prepare(sql).get(…)`), and preparing is most of the cost of a small query: a batch of
 * thousands of annotations prepared the same few statements thousands of times. A statement comes
 * back in its default mode (raw, pluck and expand off), since callers set those per use.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Distinct statements kept per connection, the least recently used dropped first. */
const MAX_STATEMENTS = 500;
/** Longer SQL (an `IN (?, ?, …)` list built for one call) is prepared each time, not kept. */
const MAX_SQL_LENGTH = 4_000;

const cached = new WeakSet<Database>();

export function cacheStatements(db: Database): Database {
  if (cached.has(db)) return db;
  cached.add(db);
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Statement>();
  const cachedPrepare = (sql: string): Statement => {
    if (sql.length > MAX_SQL_LENGTH) return prepare(sql);
    const found = statements.get(sql);
    if (found === undefined) {
      const made = prepare(sql);
      statements.set(sql, made);
      if (statements.size > MAX_STATEMENTS) {
        statements.delete(statements.keys().next().value as string);
      }
      return made;
    }
    // Most recently used last, so the first key is always the one to drop.
    statements.delete(sql);
    statements.set(sql, found);
    // A statement still stepping through rows (`iterate`) cannot run again: prepare another.
    if (found.busy) return prepare(sql);
    if (found.reader) found.raw(false).pluck(false).expand(false);
    return found;
  };
  db.prepare = cachedPrepare as Database['prepare'];
  return db;
}
