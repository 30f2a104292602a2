/**
 * The library list over a large library: 5,000 articles and 10,000 annotations (claims, orphans,
 * tags, speakers), read by `listArticles` in a few grouped queries. Prints how long it takes (a
 * measure, not an assertion: timings depend on the machine) and checks the facts it read.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listArticles } from '../../../src/main/store/articles';
import { openDatabase } from '../../../src/main/store/connection';
import { useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-article-facts-');
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const ARTICLES = 5000;
const ANNOTATIONS = 10_000;
const AT = '2024-01-01T00:00:00.000Z';
const id = (kind: number, n: number) =>
  `01950000-0000-7000-${kind.toString(16).padStart(4, '0')}-${n.toString(16).padStart(12, '0')}`;

/** Annotation n: on article n mod 5,000; every 3rd a claim, every 7th an orphan, every 5th tagged. */
function fill(db: Database): void {
  db.transaction(() => {
    const article = db.prepare(
      `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at,
         updated_at) VALUES (?, ?, 'text', '{}', 'Some words to annotate here.', ?, ?, ?)`,
    );
    for (let n = 0; n < ARTICLES; n++) article.run(id(1, n), `Article ${n}`, `h${n}`, AT, AT);
    for (let s = 0; s < 20; s++) {
      db.prepare('INSERT INTO speakers (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
        id(3, s),
        `Speaker ${s}`,
        `speaker ${s}`,
        AT,
      );
      db.prepare('INSERT INTO tags (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
        id(4, s),
        `Tag ${s}`,
        `tag ${s}`,
        AT,
      );
    }
    const annotation = db.prepare(
      `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, note, claim_type, claim_speaker_id, anchor_status,
         anchor_start, anchor_end, created_at, updated_at)
       VALUES (?, ?, 'words', '', '', 5, 10, 'yellow', '', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tag = db.prepare('INSERT INTO annotation_tags VALUES (?, ?, ?)');
    for (let n = 0; n < ANNOTATIONS; n++) {
      const claim = n % 3 === 0;
      const orphan = n % 7 === 0;
      annotation.run(
        id(2, n),
        id(1, n % ARTICLES),
        claim ? 'denial' : null,
        claim ? id(3, n % 20) : null,
        orphan ? 'orphan' : 'anchored',
        orphan ? null : 5,
        orphan ? null : 10,
        AT,
        AT,
      );
      if (n % 5 === 0) tag.run(id(2, n), id(4, n % 20), AT);
    }
    const articleTag = db.prepare('INSERT INTO article_tags VALUES (?, ?, ?)');
    for (let n = 0; n < ARTICLES; n += 10) articleTag.run(id(1, n), id(4, n % 20), AT);
  })();
}

describe('listArticles over 5,000 articles and 10,000 annotations', () => {
  it('reads every count and facet (and prints how long it took)', () => {
    const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
    opened.push(db);
    fill(db);
    listArticles(db); // warm the page cache, as a library opened a moment ago
    const runs = Array.from({ length: 5 }, () => {
      const started = performance.now();
      const list = listArticles(db);
      return { ms: performance.now() - started, list };
    });
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `listArticles, ${ARTICLES} articles / ${ANNOTATIONS} annotations: ` +
        `median ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)})`,
    );
    const list = runs[0]!.list;
    expect(list).toHaveLength(ARTICLES);
    const sum = (key: 'annotationCount' | 'claimCount' | 'orphanCount') =>
      list.reduce((total, a) => total + a[key], 0);
    expect(sum('annotationCount')).toBe(ANNOTATIONS);
    expect(sum('claimCount')).toBe(Math.ceil(ANNOTATIONS / 3));
    expect(sum('orphanCount')).toBe(Math.ceil(ANNOTATIONS / 7));
    expect(list.filter((a) => a.tags.length > 0)).toHaveLength(ARTICLES / 10);
    // Article 0 has annotations 0 (claim, orphan, tagged "Tag 0") and 5,000 (tagged "Tag 0").
    const first = list.find((a) => a.id === id(1, 0))!;
    expect(first).toMatchObject({
      annotationCount: 2,
      claimCount: 1,
      orphanCount: 1,
      tags: ['Tag 0'],
      facets: { annotationTags: ['Tag 0'], speakers: ['Speaker 0'], claimTypes: ['denial'] },
    });
  });
});
