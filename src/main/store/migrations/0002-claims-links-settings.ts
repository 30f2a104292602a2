/**
 * Migration 2: speakers become entities (the same speaker across articles is one row), user claim
 * types, one live link per (from, to, relation), per-article reading positions, and settings.
 * Existing claim speakers (text on each annotation) move to `speakers` and are referenced by id.
 */
import { v7 as uuidv7 } from 'uuid';
import { cleanName, nameKey } from '../name-key';
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'claims, links and settings',
  up(db) {
    db.exec(`
      CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX speakers_live_name ON speakers (name_key) WHERE deleted_at IS NULL;

      ALTER TABLE annotations ADD COLUMN claim_speaker_id TEXT REFERENCES speakers (id);
      CREATE INDEX annotations_by_speaker ON annotations (claim_speaker_id);

      CREATE TABLE claim_types (
        name_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE UNIQUE INDEX links_live_unique
        ON links (from_annotation_id, to_annotation_id, relation) WHERE deleted_at IS NULL;

      CREATE TABLE reading_positions (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        offset INTEGER NOT NULL CHECK (offset >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);

    const now = new Date().toISOString();
    const rows = db
      .prepare(
        'SELECT DISTINCT claim_speaker AS name FROM annotations WHERE claim_speaker IS NOT NULL',
      )
      .all() as { name: string }[];
    const idsByKey = new Map<string, string>();
    const insertSpeaker = db.prepare(
      'INSERT INTO speakers (id, name, name_key, created_at) VALUES (?, ?, ?, ?)',
    );
    const link = db.prepare('UPDATE annotations SET claim_speaker_id = ? WHERE claim_speaker = ?');
    for (const { name } of rows) {
      const key = nameKey(name);
      let id = idsByKey.get(key);
      if (!id) {
        id = uuidv7();
        idsByKey.set(key, id);
        insertSpeaker.run(id, cleanName(name), key, now);
      }
      link.run(id, name);
    }
    db.exec('ALTER TABLE annotations DROP COLUMN claim_speaker');
  },
};
