/**
 * Migration 7: search over everything. Replaces migration 1's FTS tables with ones that fold
 * accents (`unicode61 remove_diacritics 2`) and cover what a reader searches for:
 *
 * - `articles_fts` (title, text): external content over `articles`, so the text is not stored
 *   twice; kept in step by triggers on `articles`.
 * - `annotations_fts` (quote, note, tags, speaker, claim_type): a table holding its own content,
 *   because tags and speakers live in other tables — a rename changes the indexed text, and an
 *   external-content index could not be told the old value to remove. Its rows are rebuilt by
 *   triggers on `annotations`, `annotation_tags`, `tags` and `speakers`.
 * - `search_cjk` (title, body, extra): a `trigram` index for substring search in Chinese,
 *   Japanese and Korean, which have no spaces between words. Only rows holding such characters
 *   are in it (rowid = article seq × 2, or annotation seq × 2 + 1): a CJK query can only match
 *   them, and the index stays small for libraries in other scripts.
 *
 * Soft-deleted rows stay indexed (a restore needs no rebuild); every search joins on
 * `deleted_at IS NULL`. The whole index is built here for existing rows, inside the runner's
 * transaction, after the backup the store takes before any migration.
 */
import type { Migration } from './types';

/** GLOB pattern: the text holds a Hiragana, Katakana, Han or Hangul character. */
export const CJK_GLOB =
  "'*[\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]*'";

/** The text an annotation is indexed with, for the annotations chosen by `where` (over `n`). */
function annotationRows(where: string): string {
  return `
    SELECT n.seq AS seq, n.quote_exact AS quote, n.note AS note,
      coalesce((SELECT group_concat(t.name, ', ') FROM annotation_tags at
                  JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL
                 WHERE at.annotation_id = n.id), '') AS tags,
      coalesce((SELECT s.name FROM speakers s WHERE s.id = n.claim_speaker_id), '') AS speaker,
      coalesce(n.claim_type, '') AS claim_type
    FROM annotations n WHERE ${where}`;
}

/** Statements that re-index the annotations chosen by `where` (over `n`) in both indexes. */
function reindexAnnotations(where: string): string {
  const seqs = `SELECT n.seq FROM annotations n WHERE ${where}`;
  return `
    DELETE FROM annotations_fts WHERE rowid IN (${seqs});
    DELETE FROM search_cjk WHERE rowid IN (SELECT seq * 2 + 1 FROM (${seqs}));
    INSERT INTO annotations_fts (rowid, quote, note, tags, speaker, claim_type)
      SELECT seq, quote, note, tags, speaker, claim_type FROM (${annotationRows(where)});
    INSERT INTO search_cjk (rowid, title, body, extra)
      SELECT seq * 2 + 1, quote, note, tags || ' ' || speaker || ' ' || claim_type
      FROM (${annotationRows(where)})
      WHERE quote || note || tags || speaker || claim_type GLOB ${CJK_GLOB};`;
}

const ARTICLE_CJK_INSERT = `
  INSERT INTO search_cjk (rowid, title, body, extra)
    SELECT new.seq * 2, new.title, new.text, ''
    WHERE new.title || new.text GLOB ${CJK_GLOB};`;

export const migration0007: Migration = {
  version: 7,
  name: 'search',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS articles_fts_insert;
      DROP TRIGGER IF EXISTS articles_fts_delete;
      DROP TRIGGER IF EXISTS articles_fts_update;
      DROP TRIGGER IF EXISTS annotations_fts_insert;
      DROP TRIGGER IF EXISTS annotations_fts_delete;
      DROP TRIGGER IF EXISTS annotations_fts_update;
      DROP TABLE IF EXISTS articles_fts;
      DROP TABLE IF EXISTS annotations_fts;

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = 'articles', content_rowid = 'seq',
        tokenize = "unicode61 remove_diacritics 2", prefix = '3 4'
      );
      CREATE VIRTUAL TABLE annotations_fts USING fts5 (
        quote, note, tags, speaker, claim_type,
        tokenize = "unicode61 remove_diacritics 2", prefix = '3 4'
      );
      CREATE VIRTUAL TABLE search_cjk USING fts5 (
        title, body, extra,
        tokenize = "trigram remove_diacritics 1"
      );

      CREATE TRIGGER search_articles_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
        ${ARTICLE_CJK_INSERT}
      END;
      CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        DELETE FROM search_cjk WHERE rowid = old.seq * 2;
      END;
      CREATE TRIGGER search_articles_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
        DELETE FROM search_cjk WHERE rowid = old.seq * 2;
        ${ARTICLE_CJK_INSERT}
      END;

      CREATE TRIGGER search_annotations_insert AFTER INSERT ON annotations BEGIN
        ${reindexAnnotations('n.seq = new.seq')}
      END;
      CREATE TRIGGER search_annotations_update
        AFTER UPDATE OF quote_exact, note, claim_type, claim_speaker_id ON annotations BEGIN
        ${reindexAnnotations('n.seq = new.seq')}
      END;
      CREATE TRIGGER search_annotations_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM annotations_fts WHERE rowid = old.seq;
        DELETE FROM search_cjk WHERE rowid = old.seq * 2 + 1;
      END;
      CREATE TRIGGER search_annotation_tags_insert AFTER INSERT ON annotation_tags BEGIN
        ${reindexAnnotations('n.id = new.annotation_id')}
      END;
      CREATE TRIGGER search_annotation_tags_delete AFTER DELETE ON annotation_tags BEGIN
        ${reindexAnnotations('n.id = old.annotation_id')}
      END;
      CREATE TRIGGER search_tags_update AFTER UPDATE OF name, deleted_at ON tags BEGIN
        ${reindexAnnotations('n.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = new.id)')}
      END;
      CREATE TRIGGER search_speakers_update AFTER UPDATE OF name, deleted_at ON speakers BEGIN
        ${reindexAnnotations('n.claim_speaker_id = new.id')}
      END;

      INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles;
      INSERT INTO search_cjk (rowid, title, body, extra)
        SELECT seq * 2, title, text, '' FROM articles WHERE title || text GLOB ${CJK_GLOB};
      INSERT INTO annotations_fts (rowid, quote, note, tags, speaker, claim_type)
        SELECT seq, quote, note, tags, speaker, claim_type FROM (${annotationRows('1')});
      INSERT INTO search_cjk (rowid, title, body, extra)
        SELECT seq * 2 + 1, quote, note, tags || ' ' || speaker || ' ' || claim_type
        FROM (${annotationRows('1')})
        WHERE quote || note || tags || speaker || claim_type GLOB ${CJK_GLOB};
    `);
  },
};
