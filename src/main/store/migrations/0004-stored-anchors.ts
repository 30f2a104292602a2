/**
 * Migration 4: each annotation stores where its passage is in the article's current text (its
 * anchor: status and offsets), so no client re-anchors on render. Existing annotations are
 * anchored once here, against the text they belong to.
 */
import { anchor } from '../../../shared/anchoring/anchor';
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'stored anchors',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN anchor_status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (anchor_status IN ('anchored', 'moved', 'changed', 'orphan'));
      ALTER TABLE annotations ADD COLUMN anchor_start INTEGER;
      ALTER TABLE annotations ADD COLUMN anchor_end INTEGER;
    `);
    const articles = db.prepare('SELECT id, text FROM articles').iterate() as Iterable<{
      id: string;
      text: string;
    }>;
    const rowsOf = db.prepare(
      `SELECT id, quote_exact, quote_prefix, quote_suffix, position_start, position_end
       FROM annotations WHERE article_id = ?`,
    );
    const store = db.prepare(
      'UPDATE annotations SET anchor_status = ?, anchor_start = ?, anchor_end = ? WHERE id = ?',
    );
    // Read every article first: better-sqlite3 refuses writes while an iterator is open.
    for (const { id, text } of [...articles]) {
      const rows = rowsOf.all(id) as {
        id: string;
        quote_exact: string;
        quote_prefix: string;
        quote_suffix: string;
        position_start: number;
        position_end: number;
      }[];
      for (const row of rows) {
        const found = anchor(text, {
          quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
          position: { start: row.position_start, end: row.position_end },
        });
        if (found.status === 'orphan') store.run('orphan', null, null, row.id);
        else store.run(found.status, found.start, found.end, row.id);
      }
    }
  },
};
