/**
 * Migration 6: each article keeps a SHA-256 of its stored document beside the one it already
 * keeps of its text, so an article whose bytes changed on disk (a bad sector, a stray tool) is
 * shown as damaged instead of being served as fine. Existing rows get the hash of what they hold
 * now: damage from before this version cannot be told apart.
 */
import { sha256Hex } from '../content-hash';
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'document hash',
  up(db) {
    db.exec(`ALTER TABLE articles ADD COLUMN document_hash TEXT NOT NULL DEFAULT ''`);
    // In batches by row: a library's documents together may not fit in memory at once.
    const next = db.prepare(
      'SELECT seq, document FROM articles WHERE seq > ? ORDER BY seq LIMIT 200',
    );
    const update = db.prepare('UPDATE articles SET document_hash = ? WHERE seq = ?');
    for (let after = 0; ;) {
      const rows = next.all(after) as { seq: number; document: string }[];
      if (rows.length === 0) break;
      for (const row of rows) update.run(sha256Hex(row.document), row.seq);
      after = rows[rows.length - 1]!.seq;
    }
  },
};
