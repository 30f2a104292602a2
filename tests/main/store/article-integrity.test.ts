/**
 * Each article's stored text and document are checked against the hashes stored with them when
 * it is opened: changed bytes are shown as damaged, never served as fine, and only that article.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { idSource, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-article-integrity-');
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function twoArticles(): { db: Database; service: Service; first: string; second: string } {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  opened.push(db);
  const service = createService({ db, newId: idSource(), now: tickingClock() });
  const add = (name: string, text: string) =>
    service.importBytes(name, new TextEncoder().encode(text)).article.id;
  return {
    db,
    service,
    first: add('first.txt', 'Rivers\n\nThe first article, about rivers.\n\nIt has two paragraphs.'),
    second: add('second.txt', 'Mountains\n\nThe second article, about mountains.'),
  };
}

describe('article integrity', () => {
  it('an article as it was stored is not damaged', () => {
    const { service, first, second } = twoArticles();
    expect(service.getArticle({ id: first }).article.damaged).toBe(false);
    expect(service.getArticle({ id: second }).article.damaged).toBe(false);
  });

  it('an article whose stored text changed is shown as damaged; the others are not', () => {
    const { db, service, first, second } = twoArticles();
    db.prepare("UPDATE articles SET text = replace(text, 'rivers', 'rovers') WHERE id = ?").run(
      first,
    );
    expect(service.getArticle({ id: first }).article.damaged).toBe(true);
    expect(service.getArticle({ id: second }).article.damaged).toBe(false);
  });

  it('an article whose stored document changed is shown as damaged; the others are not', () => {
    const { db, service, first, second } = twoArticles();
    db.prepare(
      "UPDATE articles SET document = replace(document, 'mountains', 'fountains') WHERE id = ?",
    ).run(second);
    const { article } = service.getArticle({ id: second });
    expect(article.damaged).toBe(true);
    expect(JSON.stringify(article.document)).toContain('fountains');
    expect(service.getArticle({ id: first }).article.damaged).toBe(false);
  });

  it('an article whose document can no longer be read is shown as damaged, with its text', () => {
    const { db, service, first } = twoArticles();
    // Bytes gone bad on disk skip the CHECK constraint; PRAGMA ignore_check_constraints stands in.
    db.pragma('ignore_check_constraints = ON');
    db.prepare('UPDATE articles SET document = \'{"type":"doc",\' WHERE id = ?').run(first);
    const { article } = service.getArticle({ id: first });
    expect(article.damaged).toBe(true);
    expect(JSON.stringify(article.document)).toContain('about rivers');
  });
});
