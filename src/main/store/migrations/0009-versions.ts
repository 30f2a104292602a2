/**
 * Migration 9: article versions. `article_versions` lists every text an article has had; the
 * current one's document and text stay in `articles` (its row's `document`/`text` are NULL) and
 * are copied into its version row only when a newer version replaces it. `annotation_anchors`
 * keeps where each annotation was in each version a newer one replaced (its selectors and anchor
 * there). `articles.version_notice_seen` is the version number whose reader banner was closed.
 *
 * Existing articles (deleted ones too) become version 1 of themselves, in one INSERT … SELECT:
 * their text is not copied, it is the current version's.
 */
import crypto from 'node:crypto';
import type { Migration } from './types';

export const migration0009: Migration = {
  version: 9,
  name: 'article versions',
  up(db) {
    db.exec(`
      CREATE TABLE article_versions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        number INTEGER NOT NULL CHECK (number >= 1),
        source TEXT NOT NULL CHECK (source IN ('import', 'file', 'address')),
        source_name TEXT,
        title TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        document_hash TEXT NOT NULL,
        text_length INTEGER NOT NULL CHECK (text_length >= 0),
        report_json TEXT,
        document TEXT,
        text TEXT,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX article_versions_by_number ON article_versions (article_id, number);

      CREATE TABLE annotation_anchors (
        annotation_id TEXT NOT NULL REFERENCES annotations (id),
        version_id TEXT NOT NULL REFERENCES article_versions (id),
        quote_exact TEXT NOT NULL,
        quote_prefix TEXT NOT NULL,
        quote_suffix TEXT NOT NULL,
        position_start INTEGER NOT NULL,
        position_end INTEGER NOT NULL,
        anchor_status TEXT NOT NULL
          CHECK (anchor_status IN ('anchored', 'moved', 'changed', 'orphan')),
        anchor_start INTEGER,
        anchor_end INTEGER,
        PRIMARY KEY (annotation_id, version_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_anchors_by_version ON annotation_anchors (version_id);

      ALTER TABLE articles ADD COLUMN version_notice_seen INTEGER;
    `);
    // SQLite's length() counts code points; the contract counts UTF-16 code units, as JS does.
    db.function('marginalia_utf16_length', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.length : 0,
    );
    db.function('marginalia_new_uuid', { deterministic: false }, () => crypto.randomUUID());
    db.exec(`
      INSERT INTO article_versions (id, article_id, number, source, source_name, title,
        content_hash, document_hash, text_length, report_json, document, text, added_at)
      SELECT marginalia_new_uuid(), id, 1, 'import', COALESCE(source_file_name, source_url),
        title, content_hash, document_hash, marginalia_utf16_length(text), NULL, NULL, NULL,
        added_at
      FROM articles;
    `);
  },
};
