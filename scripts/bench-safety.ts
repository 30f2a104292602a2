/**
 * What the library's safety costs at book scale (figures, never pass/fail): a library with the
 * 3 MB generated book and 10,000 annotations, then opening it (quick_check every time), the full
 * integrity_check (after an unclean shutdown), opening the article (its stored hashes checked),
 * taking, listing and restoring verified backups. `npm run bench:safety`; figures go to
 * bench/results.json under "safety".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../src/main/library';
import { listBackups, restoreFromBackup, takeBackup } from '../src/main/store/backups/index';
import { sha256Hex } from '../src/main/store/content-hash';
import { recordResults } from './bench-results';
import { annotationCollection, generateBook, planAnnotations } from './bench/reader-text';

const RUNS = 7;
const ANNOTATIONS = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeRuns(runs: number, work: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return times;
}

function report(
  label: string,
  times: number[],
): { medianMs: number; minMs: number; maxMs: number } {
  const figure = {
    medianMs: Math.round(median(times) * 10) / 10,
    minMs: Math.round(Math.min(...times) * 10) / 10,
    maxMs: Math.round(Math.max(...times) * 10) / 10,
  };
  console.log(
    `${label.padEnd(52)} ${figure.medianMs.toFixed(1).padStart(8)} ms median` +
      `  (${figure.minMs.toFixed(1)}–${figure.maxMs.toFixed(1)}, ${times.length} runs)`,
  );
  return figure;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-safety-'));
try {
  const book = generateBook();
  let library = openLibrary({ dataDir });
  const { article } = library.service.importBytes('war-and-peace.md', Buffer.from(book.markdown));
  const text = library.service.articleText(article.id);
  const content = annotationCollection(article.id, text, planAnnotations(text, ANNOTATIONS));
  const imported = library.service.importAnnotations({ fileName: 'bench.jsonld', content });
  library.close();
  const libraryBytes = fs.statSync(library.file).size;
  console.log(
    `library: ${(Buffer.byteLength(book.markdown) / 1024 / 1024).toFixed(1)} MB of Markdown, ` +
      `${imported.report.anchored + imported.report.orphaned} annotations, ` +
      `${(libraryBytes / 1024 / 1024).toFixed(1)} MB file`,
  );

  const open = report(
    'open the library (quick_check included)',
    await timeRuns(RUNS, () => openLibrary({ dataDir }).close()),
  );
  library = openLibrary({ dataDir });
  const quickCheck = report(
    'PRAGMA quick_check alone',
    await timeRuns(RUNS, () => library.db.pragma('quick_check')),
  );
  const integrityCheck = report(
    'PRAGMA integrity_check (after an unclean shutdown)',
    await timeRuns(RUNS, () => library.db.pragma('integrity_check')),
  );
  const getArticle = report(
    'open the 3 MB article (hashes of text and document checked)',
    await timeRuns(RUNS, () => library.service.getArticle({ id: article.id })),
  );
  const stored = library.db
    .prepare('SELECT text, document FROM articles WHERE id = ?')
    .get(article.id) as { text: string; document: string };
  const hashes = report(
    'the two hashes alone (text and document JSON)',
    await timeRuns(RUNS, () => [sha256Hex(stored.text), sha256Hex(stored.document)]),
  );
  const backup = report(
    'take a verified backup (online API + integrity_check)',
    await timeRuns(RUNS, (i) =>
      takeBackup(library.db, library.file, 'manual', new Date(Date.now() + i)),
    ),
  );
  const list = report(
    `list ${RUNS} backups (each verified once per process)`,
    await timeRuns(1, () => listBackups(library.file)),
  );
  const restore = report(
    'restore the newest backup (kept aside first)',
    await timeRuns(3, () =>
      restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: listBackups(library.file).find((b) => b.kind === 'manual')!.file,
        now: new Date(),
      }),
    ),
  );
  library.close();

  const ratios = {
    quickCheckShareOfOpen: Math.round((quickCheck.medianMs / open.medianMs) * 100) / 100,
    hashShareOfArticleOpen: Math.round((hashes.medianMs / getArticle.medianMs) * 100) / 100,
    integrityOverQuickCheck: Math.round((integrityCheck.medianMs / quickCheck.medianMs) * 10) / 10,
    backupMBPerSecond: Math.round(libraryBytes / 1024 / 1024 / (backup.medianMs / 1000)),
  };
  console.log(
    `quick_check is ${(ratios.quickCheckShareOfOpen * 100).toFixed(0)}% of an open; ` +
      `integrity_check takes ${ratios.integrityOverQuickCheck}× quick_check; ` +
      `the hash check is ${(ratios.hashShareOfArticleOpen * 100).toFixed(0)}% of opening the article; ` +
      `backups run at ${ratios.backupMBPerSecond} MB/s`,
  );
  recordResults('safety', {
    annotations: ANNOTATIONS,
    libraryBytes,
    open,
    quickCheck,
    integrityCheck,
    getArticle,
    hashes,
    backup,
    list,
    restore,
    ratios,
  });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
