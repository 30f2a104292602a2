/**
 * Migration 1: articles, annotations (with their selectors, colour, note and claim fields), tags,
 * annotation tags, links between annotations, a small key/value table, and FTS5 indexes over
 * article text and annotation quotes and notes, kept in sync by triggers.
 *
 * Ids are UUID text; deletes are soft (`deleted_at`), so a future sync engine can merge libraries.
 * `seq` is a local row number only (an alias of SQLite's rowid, stable across VACUUM) that links
 * the FTS indexes to their rows; it never leaves the database.
 */
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        byline TEXT,
        site TEXT,
        source_url TEXT,
        published_at TEXT,
        source_format TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX articles_live ON articles (deleted_at, added_at);

      CREATE TABLE annotations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles (id),
        quote_exact TEXT NOT NULL,
        quote_prefix TEXT NOT NULL,
        quote_suffix TEXT NOT NULL,
        position_start INTEGER NOT NULL,
        position_end INTEGER NOT NULL CHECK (position_end > position_start),
        color TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        claim_type TEXT,
        claim_speaker TEXT,
        claim_status TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX annotations_by_article ON annotations (article_id, position_start);

      -- name_key is the name folded for comparison (NFC, lower case in every script), computed
      -- in code: SQLite's NOCASE folds only ASCII, so "Ärger" and "ärger" would be two tags.
      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX tags_live_name ON tags (name_key) WHERE deleted_at IS NULL;

      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations (id),
        tag_id TEXT NOT NULL REFERENCES tags (id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (annotation_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

      CREATE TABLE links (
        id TEXT PRIMARY KEY,
        from_annotation_id TEXT NOT NULL REFERENCES annotations (id),
        to_annotation_id TEXT NOT NULL REFERENCES annotations (id),
        relation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK (from_annotation_id <> to_annotation_id)
      ) STRICT;
      CREATE INDEX links_from ON links (from_annotation_id);
      CREATE INDEX links_to ON links (to_annotation_id);

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = 'articles', content_rowid = 'seq'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;

      CREATE VIRTUAL TABLE annotations_fts USING fts5 (
        quote_exact, note, content = 'annotations', content_rowid = 'seq'
      );
      CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts (rowid, quote_exact, note)
          VALUES (new.seq, new.quote_exact, new.note);
      END;
      CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, quote_exact, note)
          VALUES ('delete', old.seq, old.quote_exact, old.note);
      END;
      CREATE TRIGGER annotations_fts_update AFTER UPDATE OF quote_exact, note ON annotations BEGIN
        INSERT INTO annotations_fts (annotations_fts, rowid, quote_exact, note)
          VALUES ('delete', old.seq, old.quote_exact, old.note);
        INSERT INTO annotations_fts (rowid, quote_exact, note)
          VALUES (new.seq, new.quote_exact, new.note);
      END;
    `);
  },
};
