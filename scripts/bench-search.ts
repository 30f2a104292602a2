/**
 * Search benchmark (figures, never pass/fail): 1,000 generated articles averaging 30 KB (a few
 * in Chinese and Japanese) with 20,000 annotations (notes, tags, claims with speakers). Measures
 * building the index for an existing library (migration 7 over a version-6 database), the index
 * sizes (word indexes and trigram index apart), the cost the triggers add to writes, and search
 * p50/p95 through the service for single words, phrases, prefixes, filtered and CJK queries.
 * Then the time to open the library view over 5,000 articles (scripts/bench-library-open.ts:
 * `listArticles` and web mode's first rows in Chromium; `--no-build` measures the renderer
 * already built, `--no-library` skips it).
 * `npm run bench:search`; figures go to bench/results.json under "search".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { createService } from '../src/main/service';
import { openDatabase } from '../src/main/store/connection';
import { MIGRATIONS } from '../src/main/store/migrations/index';
import { migration0007 } from '../src/main/store/migrations/0007-search';
import { spawnSync } from 'node:child_process';
import { recordResults } from './bench-results';
import { seededRandom } from './bench/reader-text';

const ARTICLES = 1_000;
const ANNOTATIONS = 20_000;
const CJK_ARTICLES = 30;
const QUERIES_PER_KIND = 60;
const random = seededRandom(2011);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// A vocabulary with a long tail, as real prose has: a few hundred common words and thousands of
// rarer made-up ones (some accented), drawn with a Zipf-like skew.
const COMMON = (
  'the of and to a in that he was it his with had as for at on her by not she which but from ' +
  'they all were this be an what one so him would there their them said been who if when no ' +
  'more out into up could will then now man only time before very about like other than ' +
  'government minister report policy energy climate market price war peace border envoy'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru sa to vi ber stol ten gra mon dé é ri ca fel ung ost ard'.split(
  ' ',
);
const RARE = Array.from({ length: 6000 }, () => {
  const n = 2 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => pick(SYLLABLES)).join('');
});
const word = () => (random() < 0.7 ? pick(COMMON) : RARE[Math.floor(RARE.length * random() ** 2)]!);
const sentence = () => {
  const n = 6 + Math.floor(random() * 18);
  const s = Array.from({ length: n }, word).join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
};
const HAN =
  '北京大学的学生今天举行了会议政府经济市场价格能源气候战争和平边境报告部长东京都天気晴れです';
const cjkSentence = () =>
  Array.from({ length: 15 + Math.floor(random() * 25) }, () => pick([...HAN])).join('') + '。';

/** An article's text: sizes from 5 to 70 KB, averaging about 30 KB. */
function articleText(cjk: boolean): string {
  const target = Math.round(5_000 + 65_000 * random() ** 1.5);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < target) {
    const p = Array.from(
      { length: 3 + Math.floor(random() * 5) },
      cjk ? cjkSentence : sentence,
    ).join(' ');
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

const uuid = (kind: number, i: number) =>
  `01970000-0000-7000-800${kind}-${i.toString(16).padStart(12, '0')}`;
const AT = '2025-01-01T00:00:00.000Z';
const SPEAKERS = Array.from({ length: 200 }, (_, i) => `Speaker ${pick(RARE)} ${i}`);
const TAGS = Array.from({ length: 100 }, (_, i) => `${pick(RARE)}-${i}`);
const TYPES = ['accusation', 'denial', 'assertion', 'evidence', 'prediction'];

/** Fills a version-6 database; answers the texts, for drawing queries from. */
function fill(db: Database): string[] {
  const texts: string[] = [];
  const article = db.prepare(
    `INSERT INTO articles (id, title, site, source_format, document, text, content_hash,
       added_at, updated_at) VALUES (?, ?, ?, 'text', '{}', ?, 'h', ?, ?)`,
  );
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker_id, created_at,
       updated_at, anchor_start, anchor_end)
     VALUES (?, ?, ?, '', '', ?, ?, 'yellow', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagLink = db.prepare('INSERT OR IGNORE INTO annotation_tags VALUES (?, ?, ?)');
  db.transaction(() => {
    SPEAKERS.forEach((name, i) =>
      db
        .prepare('INSERT INTO speakers (id, name, name_key, created_at) VALUES (?, ?, ?, ?)')
        .run(uuid(3, i), name, name.toLowerCase(), AT),
    );
    TAGS.forEach((name, i) =>
      db
        .prepare('INSERT INTO tags (id, name, name_key, created_at) VALUES (?, ?, ?, ?)')
        .run(uuid(4, i), name, name.toLowerCase(), AT),
    );
    for (let i = 0; i < ARTICLES; i++) {
      const cjk = i % Math.floor(ARTICLES / CJK_ARTICLES) === 0;
      const text = articleText(cjk);
      texts.push(text);
      const title = cjk ? cjkSentence().slice(0, 12) : sentence().slice(0, 60);
      article.run(uuid(1, i), title, `site${i % 40}.example`, text, AT, AT);
    }
    for (let n = 0; n < ANNOTATIONS; n++) {
      const a = Math.floor(random() * ARTICLES);
      const text = texts[a]!;
      const start = Math.floor(random() * (text.length - 200));
      const end = start + 20 + Math.floor(random() * 150);
      const claim = random() < 0.3;
      const note = random() < 0.5 ? sentence() : '';
      annotation.run(
        uuid(2, n),
        uuid(1, a),
        text.slice(start, end),
        start,
        end,
        note,
        claim ? pick(TYPES) : null,
        claim ? uuid(3, Math.floor(random() * SPEAKERS.length)) : null,
        AT,
        AT,
        start,
        end,
      );
      if (random() < 0.4) tagLink.run(uuid(2, n), uuid(4, Math.floor(random() * TAGS.length)), AT);
    }
  })();
  return texts;
}

/** Bytes each table (with its indexes) takes, from dbstat. */
function tableBytes(db: Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT coalesce(m.tbl_name, s.name) AS name, sum(s.pgsize) AS bytes
       FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1`,
    )
    .all() as { name: string; bytes: number }[];
  return new Map(rows.map((r) => [r.name, r.bytes]));
}
const sumOf = (sizes: Map<string, number>, prefix: string) =>
  [...sizes]
    .filter(([n]) => n === prefix || n.startsWith(`${prefix}_`))
    .reduce((s, [, b]) => s + b, 0);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The library-open figures: scripts/bench-library-open.ts in its own process (it drives web mode
 * and Chromium, and its library is not this one), answering them in a file.
 */
function measureLibraryOpen(): unknown {
  const out = path.join(dir, 'library-open.json');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./bench-library-open.ts', import.meta.url)),
      `--out=${out}`,
      ...process.argv.filter((a) => a === '--no-build'),
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    console.log(`The library-open benchmark failed (exit ${run.status}); no figures for it.`);
    return null;
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as unknown;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-search-'));
const file = path.join(dir, 'marginalia.db');
try {
  // 1. A version-6 library with everything in it.
  const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 6) }).db;
  let start = performance.now();
  const texts = fill(old);
  const fillMs = performance.now() - start;
  const textBytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  console.log(
    `Generated ${ARTICLES} articles (${mb(textBytes)} MB of text, ${(textBytes / ARTICLES / 1024).toFixed(1)} KB on average, ${CJK_ARTICLES} in CJK) and ${ANNOTATIONS} annotations in ${fillMs.toFixed(0)} ms.`,
  );

  // 2. Migration 7 builds the index for all of it, in one transaction.
  start = performance.now();
  old.transaction(() => {
    migration0007.up(old);
    old.pragma('user_version = 7');
  })();
  const buildMs = performance.now() - start;
  old.pragma('wal_checkpoint(TRUNCATE)');
  const sizes = tableBytes(old);
  const size = {
    articlesMB: mb(sizes.get('articles') ?? 0),
    wordIndexArticlesMB: mb(sumOf(sizes, 'articles_fts')),
    wordIndexAnnotationsMB: mb(sumOf(sizes, 'annotations_fts')),
    trigramIndexMB: mb(sumOf(sizes, 'search_cjk')),
    cjkTextMB: mb(
      texts
        .filter((_, i) => i % Math.floor(ARTICLES / CJK_ARTICLES) === 0)
        .reduce((s, t) => s + Buffer.byteLength(t), 0),
    ),
    fileMB: mb(fs.statSync(file).size),
  };
  console.log(`Index build (migration 7 over the existing rows): ${buildMs.toFixed(0)} ms`);
  console.log('Sizes (MB):', size);

  // What a trigram index over every article would cost, for comparison (not kept).
  start = performance.now();
  old.exec(`CREATE VIRTUAL TABLE trigram_everything USING fts5 (title, text,
    content = 'articles', content_rowid = 'seq', tokenize = "trigram remove_diacritics 1");
    INSERT INTO trigram_everything (trigram_everything) VALUES ('rebuild');`);
  const fullTrigramMs = performance.now() - start;
  const fullTrigramMB = mb(sumOf(tableBytes(old), 'trigram_everything'));
  old.exec('DROP TABLE trigram_everything');
  console.log(
    `A trigram index over all text instead would take ${fullTrigramMB} MB (${fullTrigramMs.toFixed(0)} ms).`,
  );
  old.close();

  // 3. Searches, through the service as every client calls it.
  const { db } = openDatabase(file);
  let nextId = 0;
  const service = createService({ db, newId: () => uuid(5, nextId++) });
  const latin = texts.filter((_, i) => i % Math.floor(ARTICLES / CJK_ARTICLES) !== 0);
  const cjk = texts.filter((_, i) => i % Math.floor(ARTICLES / CJK_ARTICLES) === 0);
  const wordsOf = (t: string) => t.split(/[^\p{L}]+/u).filter((w) => w.length > 3);
  const queries: Record<string, string[]> = {
    singleWord: [],
    phrase: [],
    prefix: [],
    filtered: [],
    cjk: [],
    cjkShort: [],
  };
  for (let q = 0; q < QUERIES_PER_KIND; q++) {
    const words = wordsOf(pick(latin).slice(0, 3000));
    const at = Math.floor(random() * (words.length - 2));
    queries.singleWord!.push(q % 2 === 0 ? pick(RARE) : pick(COMMON));
    queries.phrase!.push(`"${words[at]} ${words[at + 1]}"`);
    queries.prefix!.push(`${pick(RARE).slice(0, 3 + (q % 4))}*`);
    queries.filtered!.push(
      [
        `${pick(RARE)} tag:${pick(TAGS)}`,
        `speaker:"${pick(SPEAKERS)}"`,
        `${pick(COMMON)} type:${pick(TYPES)}`,
      ][q % 3]!,
    );
    const c = pick(cjk);
    const ci = Math.floor(random() * (c.length - 5));
    queries.cjk!.push(c.slice(ci, ci + 3 + (q % 3)).replace(/[。\s]/gu, '') || '北京大');
    queries.cjkShort!.push(pick(['政府', '市场', '天気', '会议', '边境']));
  }
  const latency: Record<string, { p50: number; p95: number; max: number; avgGroups: number }> = {};
  for (const [kind, list] of Object.entries(queries)) {
    for (const q of list.slice(0, 5)) service.search({ query: q, limit: 20 }); // warm up
    const times: number[] = [];
    let groups = 0;
    for (const q of list) {
      const t = performance.now();
      groups += service.search({ query: q, limit: 20 }).groups.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    latency[kind] = {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(times[times.length - 1]!),
      avgGroups: Math.round((groups / list.length) * 10) / 10,
    };
    console.log(
      `search ${kind.padEnd(11)} p50 ${latency[kind].p50.toFixed(1).padStart(6)} ms  p95 ${latency[kind].p95.toFixed(1).padStart(6)} ms  max ${latency[kind].max.toFixed(1).padStart(6)} ms  (${latency[kind].avgGroups} groups)`,
    );
  }

  // 4. What the triggers add to a write: a note edited, a tag renamed across its annotations.
  const noteEdit: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    db.prepare('UPDATE annotations SET note = ? WHERE id = ?').run(sentence(), uuid(2, i));
    noteEdit.push(performance.now() - t);
  }
  noteEdit.sort((a, b) => a - b);
  start = performance.now();
  db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('renamed-tag', uuid(4, 0));
  const tagRenameMs = performance.now() - start;
  const tagged = (
    db.prepare('SELECT count(*) AS n FROM annotation_tags WHERE tag_id = ?').get(uuid(4, 0)) as {
      n: number;
    }
  ).n;
  console.log(
    `Note edit with re-index: p50 ${percentile(noteEdit, 50).toFixed(2)} ms; tag rename re-indexing ${tagged} annotations: ${tagRenameMs.toFixed(1)} ms`,
  );
  db.close();

  // 5. The library view: 5,000 articles, listed by the service and shown in web mode.
  const libraryOpen = process.argv.includes('--no-library') ? null : measureLibraryOpen();

  recordResults('search', {
    articles: ARTICLES,
    annotations: ANNOTATIONS,
    cjkArticles: CJK_ARTICLES,
    textMB: mb(textBytes),
    averageArticleKB: Math.round(textBytes / ARTICLES / 102.4) / 10,
    indexBuildMs: Math.round(buildMs),
    sizeMB: size,
    fullTrigramIndexMB: fullTrigramMB,
    searchMs: latency,
    noteEditP50Ms: Math.round(percentile(noteEdit, 50) * 100) / 100,
    tagRename: { annotations: tagged, ms: Math.round(tagRenameMs * 10) / 10 },
    libraryOpen,
  });
} finally {
  if (process.env['BENCH_KEEP']) console.log(`Kept ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
