/**
 * Migration 10: suggestions the user dismissed (suggested claims), remembered per article so a
 * dismissed suggestion is not offered again. A dismissal keeps the suggestion's words and place
 * (quote and position, as an annotation does) and its speaker; taking it back stamps `deleted_at`. Its rows
 * follow their article: hidden with it in the Trash, erased with it (the Trash finds them by
 * their foreign key).
 */
import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'suggestion dismissals',
  up(db) {
    db.exec(`
      CREATE TABLE suggestion_dismissals (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        quote_exact TEXT NOT NULL,
        quote_prefix TEXT NOT NULL,
        quote_suffix TEXT NOT NULL,
        position_start INTEGER NOT NULL CHECK (position_start >= 0),
        position_end INTEGER NOT NULL CHECK (position_end > position_start),
        speaker TEXT,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX suggestion_dismissals_by_article ON suggestion_dismissals (article_id);
    `);
  },
};
