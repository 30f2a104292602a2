/**
 * Migration 3: an annotation remembers the passage as it read when it was made, when it was
 * re-anchored to words that differ (annotations imported onto a changed text), so exports can
 * show what changed.
 */
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'original quote',
  up(db) {
    db.exec(`ALTER TABLE annotations ADD COLUMN quote_original TEXT;`);
  },
};
