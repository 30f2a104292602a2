/** A library for search tests: a service over a temp database, and articles made from text. */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import type { SearchHit, SearchResponse } from '../../../src/shared/contract/search';
import { idSource, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-search-');
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

export interface SearchHarness {
  readonly db: Database;
  readonly service: Service;
  readonly file: string;
  /** Imports `# title` and the paragraphs as a Markdown file; answers the article id. */
  article(title: string, ...paragraphs: string[]): string;
  search(query: string): SearchResponse;
}

export function searchHarness(): SearchHarness {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = openDatabase(file);
  opened.push(db);
  const service = createService({ db, newId: idSource(), now: tickingClock() });
  let n = 0;
  return {
    db,
    service,
    file,
    article(title, ...paragraphs) {
      const source = `# ${title}\n\n${paragraphs.join('\n\n')}\n`;
      return service.importBytes(`article-${n++}.md`, Buffer.from(source)).article.id;
    },
    search: (query) => service.search({ query, limit: 20 }),
  };
}

/** A hit's snippet as text, the matches in «». */
export function marked(hit: SearchHit): string {
  return hit.snippet.parts.map((p) => (p.match ? `«${p.text}»` : p.text)).join('');
}

/** The titles of the groups, in order. */
export const titles = (r: SearchResponse) => r.groups.map((g) => g.article.title);
