/**
 * The library the library-open benchmark opens: 5,000 articles with 10,000 annotations (tags,
 * claims with speakers) written into a fresh library in DATA_DIR, and `listArticles` timed on
 * it (the service call and the JSON encoding web mode sends, p50/p95 of 20). Run in its own
 * process by scripts/bench-library-open.ts, which drives the page; prints its figures as JSON
 * on the last line of stdout.
 *
 *   npx tsx scripts/bench/library-data.ts DATA_DIR
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/paths';
import { createService } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { seededRandom } from './reader-text';

export const ARTICLES = 5_000;
export const ANNOTATIONS = 10_000;
const LIST_RUNS = 20;

export interface LibraryData {
  readonly summaryFields: readonly string[];
  readonly responseBytes: number;
  /** Each timed `listArticles` call, ms. */
  readonly listTimes: readonly number[];
  readonly articles: number;
  readonly annotations: number;
}

const uuid = (kind: number, i: number) =>
  `01970000-0000-7000-810${kind}-${i.toString(16).padStart(12, '0')}`;

/** Fills a fresh library (every migration run) with the articles and annotations. */
function fill(db: Database, random: () => number): void {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
  const article = db.prepare(
    `INSERT INTO articles (id, title, byline, site, source_url, source_format, document, text,
       content_hash, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'text', ?, ?, 'h', ?, ?)`,
  );
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker_id, created_at,
       updated_at, anchor_start, anchor_end)
     VALUES (?, ?, ?, '', '', ?, ?, 'yellow', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagLink = db.prepare('INSERT OR IGNORE INTO annotation_tags VALUES (?, ?, ?)');
  const text = (i: number) =>
    `Article ${i} on the border talks. The envoy met the minister about energy prices.`;
  db.transaction(() => {
    for (let i = 0; i < 50; i++) {
      db.prepare('INSERT INTO speakers (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
        uuid(3, i),
        `Speaker ${i}`,
        `speaker ${i}`,
        at(0),
      );
      db.prepare('INSERT INTO tags (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
        uuid(4, i),
        `tag-${i}`,
        `tag-${i}`,
        at(0),
      );
    }
    for (let i = 0; i < ARTICLES; i++) {
      const body = text(i);
      const document = JSON.stringify({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }],
      });
      article.run(
        uuid(1, i),
        `Talks resume at the border, day ${i}`,
        i % 3 === 0 ? `Reporter ${i % 97}` : null,
        `site${i % 40}.example`,
        `https://site${i % 40}.example/${i}`,
        document,
        body,
        at(i),
        at(i),
      );
    }
    for (let n = 0; n < ANNOTATIONS; n++) {
      const a = Math.floor(random() * ARTICLES);
      const claim = random() < 0.3;
      annotation.run(
        uuid(2, n),
        uuid(1, a),
        'the envoy met the minister',
        20,
        46,
        random() < 0.5 ? 'Ask about this.' : '',
        claim ? 'assertion' : null,
        claim ? uuid(3, Math.floor(random() * 50)) : null,
        at(n),
        at(n),
        20,
        46,
      );
      if (random() < 0.4) tagLink.run(uuid(2, n), uuid(4, Math.floor(random() * 50)), at(n));
    }
  })();
}

/** Builds the library in `dataDir` and times `listArticles` on it. */
export function buildLibrary(dataDir: string, random: () => number): LibraryData {
  const { db } = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    let start = performance.now();
    fill(db, random);
    console.log(
      `Generated a library of ${ARTICLES} articles and ${ANNOTATIONS} annotations in ${(performance.now() - start).toFixed(0)} ms.`,
    );
    let nextId = 0;
    const service = createService({ db, newId: () => uuid(5, nextId++) });
    const listTimes: number[] = [];
    let responseBytes = 0;
    let summaryFields: string[] = [];
    for (let i = 0; i < LIST_RUNS + 2; i++) {
      start = performance.now();
      const response = service.listArticles({});
      const json = JSON.stringify(response);
      const ms = performance.now() - start;
      if (i >= 2) listTimes.push(ms); // two warm-up calls
      responseBytes = Buffer.byteLength(json);
      summaryFields = Object.keys(response.articles[0] ?? {});
    }
    return {
      summaryFields,
      responseBytes,
      listTimes,
      articles: ARTICLES,
      annotations: ANNOTATIONS,
    };
  } finally {
    db.close();
  }
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx scripts/bench/library-data.ts DATA_DIR');
console.log(JSON.stringify(buildLibrary(dataDir, seededRandom(2011))));
