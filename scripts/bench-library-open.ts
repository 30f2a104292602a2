/**
 * Library-open benchmark (figures, never pass/fail), run by `npm run bench:search`: a library of
 * 5,000 articles with 10,000 annotations (tags, claims with speakers), and
 * - `listArticles`: the service call and the JSON encoding web mode sends, p50/p95 of 20;
 * - time to first rows: web mode started on that library and driven by the Chromium the e2e
 *   tests use; from navigation start to the first animation frame in which a library row is in
 *   the page and on screen, p50/p95 over fresh pages.
 * The target is 5,000 articles open in under 300 ms to first rows: the ratio to it is printed.
 * The renderer is built first (electron-vite), so the page is the code in the tree; pass
 * `--no-build` to measure the build already in out/. `--out=FILE` writes the figures there as
 * JSON (bench-search.ts runs this file so, and records them with its own).
 *
 *   npx tsx scripts/bench-library-open.ts [--no-build] [--out=FILE]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import buildRenderer from '../tests/support/build-renderer';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium';
import { startWebMode } from '../tests/support/web-mode';

const PAGE_OPENS = 9;
const LIBRARY_OPEN_TARGET_MS = 300;

interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

interface LibraryOpenFigures {
  readonly articles: number;
  readonly annotations: number;
  /** The summary fields measured (the list grows as summaries gain fields). */
  readonly summaryFields: readonly string[];
  readonly responseKB: number;
  readonly listArticlesMs: Percentiles;
  /** Null when no Chromium was found (the reason is in `skipped`). */
  readonly firstRowsMs: (Percentiles & { readonly ratioToTarget: number }) | null;
  /** From navigation start until the page had the whole `listArticles` answer. */
  readonly listArticlesArrivedMs?: Percentiles;
  readonly skipped?: string;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentiles(times: readonly number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]!) };
}

/**
 * Checks every frame until a library row is in the page and on screen, and notes that frame's
 * time. A string, not a function: tsx would wrap a function's inner functions in a helper the
 * page does not have.
 */
const FIRST_ROW_PROBE = `(() => {
  const check = () => {
    const row = document.querySelector('.library-row');
    const box = row && row.getBoundingClientRect();
    if (box && box.height > 0 && box.top < window.innerHeight) {
      window.__firstRowMs = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Time to first rows in web mode, or why it could not be measured. */
async function firstRows(
  dataDir: string,
  build: boolean,
): Promise<{ times: number[]; listedAt: number[] } | string> {
  const executable = findChromium();
  if (!executable) return 'no Chromium on this machine (set CHROMIUM_PATH)';
  if (build) buildRenderer();
  const server = await startWebMode(dataDir, 60_000);
  const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    /** When the `listArticles` answer had arrived (resource timing), on the same pages. */
    const listedAt: number[] = [];
    for (let i = 0; i < PAGE_OPENS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_ROW_PROBE);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(server.url);
      try {
        await page.waitForFunction(() => '__firstRowMs' in window, null, { timeout: 60_000 });
      } catch (error) {
        const shown = await page.locator('body').innerText();
        throw new Error(
          `No library row in 60 s. The page shows: ${shown.slice(0, 500)}\n${problems.join('\n')}`,
          { cause: error },
        );
      }
      const [ms, listed] = await page.evaluate(() => [
        (window as unknown as { __firstRowMs: number }).__firstRowMs,
        (
          performance
            .getEntriesByType('resource')
            .find((e) => e.name.endsWith('/api/listArticles')) as
            PerformanceResourceTiming | undefined
        )?.responseEnd ?? NaN,
      ]);
      if (i > 0) {
        // the first open warms the server's caches
        times.push(ms!);
        listedAt.push(listed!);
      }
      await context.close();
    }
    return { times, listedAt };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The library built and `listArticles` timed in a process of its own (the service's code). */
function libraryData(dataDir: string): {
  summaryFields: string[];
  responseBytes: number;
  listTimes: number[];
  articles: number;
  annotations: number;
} {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bench', 'library-data.ts'), dataDir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  const lines = out.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  return JSON.parse(lines.at(-1)!) as ReturnType<typeof libraryData>;
}

async function measureLibraryOpen(
  options: { readonly build?: boolean } = {},
): Promise<LibraryOpenFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-library-'));
  try {
    const data = libraryData(dataDir);
    const bytes = data.responseBytes;
    const fields = data.summaryFields;
    const { articles: ARTICLES, annotations: ANNOTATIONS } = data;
    const listArticlesMs = percentiles(data.listTimes);
    console.log(
      `listArticles (${ARTICLES} articles, ${Math.round(bytes / 1024)} KB of JSON) p50 ${listArticlesMs.p50} ms  p95 ${listArticlesMs.p95} ms  (service call + JSON encoding)`,
    );
    console.log(`  summary fields measured: ${fields.join(', ')}`);

    const rows = await firstRows(dataDir, options.build ?? true);
    const base = {
      articles: ARTICLES,
      annotations: ANNOTATIONS,
      summaryFields: fields,
      responseKB: Math.round(bytes / 1024),
      listArticlesMs,
    };
    if (typeof rows === 'string') {
      console.log(`Time to first rows not measured: ${rows}.`);
      return { ...base, firstRowsMs: null, skipped: rows };
    }
    const shown = percentiles(rows.times);
    const listed = percentiles(rows.listedAt);
    const ratioToTarget = Math.round((shown.p95 / LIBRARY_OPEN_TARGET_MS) * 100) / 100;
    console.log(
      `Library open, navigation to first rows (web mode, Chromium, ${rows.times.length} fresh pages): p50 ${shown.p50} ms  p95 ${shown.p95} ms  = ${ratioToTarget} × the ${LIBRARY_OPEN_TARGET_MS} ms target`,
    );
    console.log(
      `  of which until the listArticles answer had arrived: p50 ${listed.p50} ms  p95 ${listed.p95} ms`,
    );
    return {
      ...base,
      firstRowsMs: { ...shown, ratioToTarget },
      listArticlesArrivedMs: listed,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const outArg = process.argv.find((a) => a.startsWith('--out='));
const figures = await measureLibraryOpen({
  build: !process.argv.includes('--no-build'),
});
if (outArg) fs.writeFileSync(outArg.slice('--out='.length), JSON.stringify(figures));
