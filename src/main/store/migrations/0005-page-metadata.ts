/**
 * Migration 5: what an imported web page says about itself — its language and base direction,
 * its own address (`<link rel="canonical">`) — and how each article came in (a file, an
 * address, a paste), with indexes to find an article already in the library by address.
 */
import { SAMPLE_ARTICLE_ID } from '../../sample';
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'page metadata',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN language TEXT;
      ALTER TABLE articles ADD COLUMN direction TEXT CHECK (direction IN ('ltr', 'rtl'));
      ALTER TABLE articles ADD COLUMN canonical_url TEXT;
      ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT 'file'
        CHECK (origin IN ('file', 'address', 'paste', 'sample'));
      CREATE INDEX articles_by_source_url ON articles (source_url) WHERE source_url IS NOT NULL;
      CREATE INDEX articles_by_canonical_url ON articles (canonical_url)
        WHERE canonical_url IS NOT NULL;
      CREATE INDEX articles_by_content_hash ON articles (content_hash);
    `);
    // Every article so far came from a file, except the sample every library starts with.
    db.prepare(`UPDATE articles SET origin = 'sample' WHERE id = ?`).run(SAMPLE_ARTICLE_ID);
  },
};
