/**
 * Import benchmark (figures, never pass/fail): 100 generated news pages of 50–300 KB of HTML,
 * imported through the service (`importBytes`) and through the CLI path (`runCli … import
 * <file>`, in-process, one call per page so each page has its own time). Prints pages per second,
 * median and p95 per page, peak memory, and the heap after a full GC every 10 pages to show it
 * stays flat. `npm run bench:import` (the script passes --expose-gc for those GCs); figures go to
 * bench/results.json under "import".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../src/main/cli/index';
import { openLibrary } from '../src/main/library';
import { recordResults } from './bench-results';
import { generatePages, type GeneratedPage } from './bench/import-pages';

const PAGES = 100;
/** The targets, printed beside the figures. */
const TARGET_PAGES_PER_SECOND = 10;
const TARGET_P95_MS = 300;
/** "Flat": the heap after a full GC grows by less than this from page 10 to page 100. */
const FLAT_HEAP_GROWTH_MB = 5;
const HEAP_CHECKPOINT_EVERY = 10;

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

interface PhaseFigures {
  pages: number;
  pagesPerSecond: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  firstPageMs: number;
  peakRssMb: number;
  peakHeapUsedMb: number;
  /** Heap used after a full GC at pages 10, 20, … 100 (null without --expose-gc). */
  heapAfterGcMb: { page: number; mb: number }[] | null;
  heapGrowthMb: number | null;
  titlesAsExpected: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/**
 * Imports every page with `importOne` (which answers the stored title), timing each call alone:
 * memory sampling and the checkpoints' GCs fall outside the times.
 */
async function runPhase(
  label: string,
  pages: readonly { file: string; page: GeneratedPage }[],
  importOne: (file: string) => Promise<string> | string,
): Promise<PhaseFigures> {
  gc?.();
  const times: number[] = [];
  const checkpoints: { page: number; mb: number }[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  let titlesAsExpected = 0;
  for (const [i, { file, page }] of pages.entries()) {
    const start = performance.now();
    const title = await importOne(file);
    times.push(performance.now() - start);
    if (title === page.title) titlesAsExpected++;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    if (gc && (i + 1) % HEAP_CHECKPOINT_EVERY === 0) {
      gc();
      checkpoints.push({ page: i + 1, mb: mb(process.memoryUsage().heapUsed) });
    }
  }
  const totalMs = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const figures: PhaseFigures = {
    pages: pages.length,
    pagesPerSecond: Math.round((pages.length / (totalMs / 1000)) * 10) / 10,
    totalMs: Math.round(totalMs),
    medianMs: Math.round(percentile(sorted, 50) * 10) / 10,
    p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    maxMs: Math.round(sorted[sorted.length - 1]! * 10) / 10,
    firstPageMs: Math.round(times[0]! * 10) / 10,
    peakRssMb: mb(peakRss),
    peakHeapUsedMb: mb(peakHeap),
    heapAfterGcMb: gc ? checkpoints : null,
    heapGrowthMb:
      gc && checkpoints.length > 1
        ? Math.round((checkpoints[checkpoints.length - 1]!.mb - checkpoints[0]!.mb) * 10) / 10
        : null,
    titlesAsExpected,
  };
  print(label, figures);
  return figures;
}

function print(label: string, f: PhaseFigures): void {
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`\n${label}`);
  console.log(
    `  pages per second      ${String(f.pagesPerSecond).padStart(8)}     target ≥ ${TARGET_PAGES_PER_SECOND}: ${mark(f.pagesPerSecond >= TARGET_PAGES_PER_SECOND)}`,
  );
  console.log(`  median per page       ${f.medianMs.toFixed(1).padStart(8)} ms`);
  console.log(
    `  p95 per page          ${f.p95Ms.toFixed(1).padStart(8)} ms  target < ${TARGET_P95_MS} ms: ${mark(f.p95Ms < TARGET_P95_MS)}`,
  );
  console.log(
    `  slowest / first page  ${f.maxMs.toFixed(1).padStart(8)} ms / ${f.firstPageMs.toFixed(1)} ms`,
  );
  console.log(
    `  peak RSS, heap used   ${f.peakRssMb.toFixed(1).padStart(8)} MB / ${f.peakHeapUsedMb.toFixed(1)} MB`,
  );
  if (f.heapAfterGcMb && f.heapGrowthMb !== null) {
    const first = f.heapAfterGcMb[0]!;
    const last = f.heapAfterGcMb[f.heapAfterGcMb.length - 1]!;
    console.log(
      `  heap after GC, page ${first.page} → ${last.page}: ${first.mb.toFixed(1)} → ${last.mb.toFixed(1)} MB (${f.heapGrowthMb >= 0 ? '+' : ''}${f.heapGrowthMb.toFixed(1)} MB)` +
        `  target flat (< ${FLAT_HEAP_GROWTH_MB} MB growth): ${mark(f.heapGrowthMb < FLAT_HEAP_GROWTH_MB)}`,
    );
    console.log(
      `  heap after GC every ${HEAP_CHECKPOINT_EVERY} pages: ${f.heapAfterGcMb.map((c) => c.mb.toFixed(1)).join(' ')} MB`,
    );
  } else {
    console.log(
      '  heap after GC: not measured (run with --expose-gc, as `npm run bench:import` does)',
    );
  }
  console.log(`  titles as generated   ${String(f.titlesAsExpected).padStart(8)} / ${f.pages}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-import-'));
try {
  const generated = generatePages(PAGES);
  const pagesDir = path.join(dir, 'pages');
  fs.mkdirSync(pagesDir);
  const pages = generated.map((page) => {
    const file = path.join(pagesDir, page.fileName);
    fs.writeFileSync(file, page.html);
    return { file, page };
  });
  const sizes = generated.map((p) => Buffer.byteLength(p.html));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  console.log(
    `pages: ${PAGES} generated news pages, ${Math.round(Math.min(...sizes) / 1024)}–${Math.round(Math.max(...sizes) / 1024)} KB of HTML each, ${mb(totalBytes)} MB in all`,
  );
  if (!gc)
    console.log('global.gc is not exposed: heap-after-GC figures are skipped (use --expose-gc).');

  const library = openLibrary({ dataDir: path.join(dir, 'service-library') });
  let service: PhaseFigures;
  let folder: PhaseFigures;
  try {
    service = await runPhase('(a) service.importBytes', pages, (file) => {
      const outcome = library.service.importBytes(path.basename(file), fs.readFileSync(file));
      if (outcome.alreadyInLibrary) throw new Error(`${file} was taken for a duplicate`);
      return outcome.article.title;
    });
  } finally {
    library.close();
  }

  // How a user imports many pages: one command over the folder. Each page's time is the step
  // between two moves of the command's own progress bar.
  const folderTimes: number[] = [];
  let folderPeakRss = 0;
  let folderTitles = 0;
  const folderCheckpoints: { page: number; mb: number }[] = [];
  {
    let last = 0;
    const folderIo = {
      stdout: (text: string) => {
        const expected = new Set(generated.map((p) => p.title));
        for (const line of text.split('\n')) {
          if (expected.has(line.split('\t').slice(1).join('\t'))) folderTitles++;
        }
      },
      stderr: () => {},
      env: { ...process.env },
      progressBar: () => ({
        start: () => void (last = performance.now()),
        update: (value: number) => {
          const now = performance.now();
          if (value > 0) folderTimes.push(now - last);
          folderPeakRss = Math.max(folderPeakRss, process.memoryUsage().rss);
          if (gc && value > 0 && value % HEAP_CHECKPOINT_EVERY === 0) {
            gc();
            folderCheckpoints.push({ page: value, mb: mb(process.memoryUsage().heapUsed) });
          }
          // The checkpoint's GC is not the next page's time.
          last = performance.now();
        },
        stop: () => {},
      }),
    };
    gc?.();
    const start = performance.now();
    const code = await runCli(
      ['--data-dir', path.join(dir, 'folder-library'), 'import', pagesDir],
      folderIo,
    );
    const total = performance.now() - start;
    if (code !== 0) throw new Error(`marginalia import <folder> exited ${code}`);
    const sorted = [...folderTimes].sort((a, b) => a - b);
    folder = {
      pages: PAGES,
      pagesPerSecond: Math.round((PAGES / (total / 1000)) * 10) / 10,
      totalMs: Math.round(total),
      medianMs: Math.round(percentile(sorted, 50) * 10) / 10,
      p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
      maxMs: Math.round(sorted[sorted.length - 1]! * 10) / 10,
      firstPageMs: Math.round((folderTimes[0] ?? 0) * 10) / 10,
      peakRssMb: mb(folderPeakRss),
      peakHeapUsedMb: mb(process.memoryUsage().heapUsed),
      heapAfterGcMb: gc ? folderCheckpoints : null,
      heapGrowthMb:
        gc && folderCheckpoints.length > 1
          ? Math.round((folderCheckpoints.at(-1)!.mb - folderCheckpoints[0]!.mb) * 10) / 10
          : null,
      titlesAsExpected: folderTitles,
    };
    print("(b) CLI: one 'marginalia import <folder>' of all the pages", folder);
  }

  const cliDir = path.join(dir, 'cli-library');
  let lastStdout = '';
  let lastStderr = '';
  const io = {
    stdout: (text: string) => void (lastStdout += text),
    stderr: (text: string) => void (lastStderr += text),
    env: { ...process.env },
  };
  const cli = await runPhase(
    "(c) CLI: one 'marginalia import FILE' per page (the command's start and the library's open and close included)",
    pages,
    async (file) => {
      lastStdout = '';
      lastStderr = '';
      const code = await runCli(['--data-dir', cliDir, 'import', file], io);
      if (code !== 0)
        throw new Error(
          `marginalia import ${path.basename(file)} exited ${code}: ${lastStderr.trim()}`,
        );
      // "<id>\t<title>"
      return lastStdout.trim().split('\t').slice(1).join('\t');
    },
  );

  const maxRssMb = mb(process.resourceUsage().maxRSS * 1024);
  console.log(`\nprocess peak RSS (whole run, generation included): ${maxRssMb.toFixed(1)} MB`);
  recordResults('import', {
    pages: { count: PAGES, minBytes: Math.min(...sizes), maxBytes: Math.max(...sizes), totalBytes },
    targets: {
      pagesPerSecond: TARGET_PAGES_PER_SECOND,
      p95Ms: TARGET_P95_MS,
      flatHeapGrowthMb: FLAT_HEAP_GROWTH_MB,
    },
    service,
    cliFolder: folder,
    cliPerFile: cli,
    processPeakRssMb: maxRssMb,
    gcExposed: Boolean(gc),
  });
} catch (error) {
  console.error(
    `\nbench:import could not finish: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
