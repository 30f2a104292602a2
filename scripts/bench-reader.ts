/**
 * Reader benchmark (figures, never pass/fail): web mode in Chromium on a generated book of 3 MB
 * (War and Peace's size) with 0, 1,000 and 10,000 annotations. For each, every figure of the
 * app is printed beside the same figure for a static HTML copy of the same page (same DOM,
 * highlights and stylesheet, no scripts), measured in the same run, with the ratio; then how
 * each figure grows from 1,000 to 10,000 annotations (the exponent k in f ∝ N^k). Figures go to
 * bench/results.json under "reader".
 *
 *   npm run bench:reader                         builds, then measures
 *   npm run bench:reader -- --counts=0,1000      fewer sizes
 *   npm run bench:reader -- --css-variant=none   the article with another stylesheet override
 *   npm run bench:reader -- --css-variants=all   open and scroll at 10,000 annotations for
 *                                                every CSS variant ("reader-css-variants");
 *                                                --annotations=N to compare at another size
 *
 * Figures:
 * - open: navigation to the first frame painted with the article text and all its highlights
 *   (performance.now() in the page, from navigation start); median of 3 fresh pages.
 * - press H → painted: a few words visible on screen selected, `h` pressed; from the key's
 *   timestamp to the first frame painted with the new highlight. Also the API requests (and
 *   response bytes) the highlight caused, counted until the network is quiet.
 * - keystroke in a note → painted: `n` on a selection, then characters typed into the focused
 *   note one at a time (at most 10 a second); from each key's timestamp to the frame painted
 *   after the field changed.
 * - scroll step: `.article-scroller` scrolled by 600 px, 20 times on each of the 3 pages; each
 *   step until painted.
 * - renderer heap: JS heap in use after garbage collection, once the article is open.
 * "Painted" is the first animation frame after the change, then a posted message (in-page.ts).
 * App and static pages are measured in turns, each after a wait for the machine to be idle
 * (other work, such as a test run, would slow down one side only).
 * The static page gets the same keys from a ten-line script (wrap the selection in a mark; a
 * plain text area for the note), so its figures are what the browser alone needs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { passageLink } from '../src/shared/export/deep-link';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';
import { ROOT, startWebMode, type RunningWebMode } from '../tests/support/web-mode';
import { recordResults } from './bench-results';
import {
  NAME_SHIM,
  STYLE_ID,
  installProbes,
  staticSnapshot,
  type Latency,
  type ProbeConfig,
} from './bench/in-page';
import type { ReaderData } from './bench/reader-text';

// ---------------------------------------------------------------------------------------------
// Settings

const VIEWPORT = { width: 1440, height: 900 };
const OPENS = 3;
/** Scroll steps on every open page (so 3 × this many samples per side). */
const SCROLL_STEPS = 20;
const SCROLL_PX = 600;
const HIGHLIGHTS = { max: 20, min: 5, budgetMs: 25_000 };
const KEYS = { max: 30, min: 5, budgetMs: 25_000, gapMs: 100 };
/** Longest wait for an idle machine before one measurement, and in all. */
const IDLE_WAIT = { eachMs: 15_000, totalMs: 120_000 };
const NOTE_TEXT = 'a note typed one key at a time, as a reader would';
const QUIET_MS = 300;

/** Overrides of the article's stylesheet to compare (`--css-variant`, `--css-variants`). */
const TAGS = ['p', 'li', 'blockquote', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre'];
const BLOCKS = TAGS.map((tag) => `.article-body ${tag}`).join(', ');
const CSS_VARIANTS: Record<string, { css: string; about: string }> = {
  current: { css: '', about: 'the app as it is' },
  none: {
    css: `${BLOCKS} { content-visibility: visible !important; contain-intrinsic-size: none !important; }`,
    about: 'no content-visibility anywhere',
  },
  'top-level': {
    css:
      `${BLOCKS} { content-visibility: visible !important; contain-intrinsic-size: none !important; }\n` +
      // :is() gives this rule the specificity of the one before, and it comes later, so it wins.
      `.article-body > :is(${TAGS.join(', ')}) { content-visibility: auto !important; contain-intrinsic-size: auto 6em !important; }`,
    about: 'content-visibility: auto on top-level blocks only (lists and quotes as one)',
  },
  'size-8lh': {
    css: `.article-body p { contain-intrinsic-size: auto 8lh !important; }`,
    about: 'as now, first size guess 8 lines (an average paragraph) instead of 6em',
  },
  contain: {
    css: `${BLOCKS} { content-visibility: visible !important; contain-intrinsic-size: none !important; }\n.article-body p { contain: layout style !important; }`,
    about: 'no content-visibility; paragraphs contain layout and style',
  },
};

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  readonly counts: number[];
  readonly cssVariant: string;
  /** Compare these CSS variants (open and scroll only) instead of the full run. */
  readonly cssVariants: string[] | null;
  readonly variantsAt: number;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"`);
    values.set(match[1]!, match[2] ?? '');
  }
  const known = new Set(['counts', 'css-variant', 'css-variants', 'annotations']);
  for (const key of values.keys()) {
    if (!known.has(key)) {
      throw new Error(`unknown option --${key} (known: ${[...known].map((k) => `--${k}`)})`);
    }
  }
  const variantName = (name: string) => {
    if (!(name in CSS_VARIANTS)) {
      throw new Error(`no CSS variant "${name}" (known: ${Object.keys(CSS_VARIANTS).join(', ')})`);
    }
    return name;
  };
  const counts = (values.get('counts') ?? '0,1000,10000').split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--counts: "${s}" is not a count`);
    return n;
  });
  const variants = values.get('css-variants');
  return {
    counts,
    cssVariant: variantName(values.get('css-variant') || 'current'),
    cssVariants:
      variants === undefined
        ? null
        : variants === 'all' || variants === ''
          ? Object.keys(CSS_VARIANTS)
          : variants.split(',').map(variantName),
    variantsAt: Number(values.get('annotations') ?? 10_000),
  };
}

// ---------------------------------------------------------------------------------------------
// Small tools

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `work`, or an error saying what did not happen in time. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Share of the machine's CPU time spent busy over `ms` (Linux /proc/stat), or null. */
async function cpuBusy(ms: number): Promise<number | null> {
  const sample = () => {
    try {
      const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
      const numbers = fields.slice(1).map(Number);
      const idle = numbers[3]! + (numbers[4] ?? 0);
      return { idle, total: numbers.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const first = sample();
  await sleep(ms);
  const second = sample();
  if (!first || !second || second.total === first.total) return null;
  return 1 - (second.idle - first.idle) / (second.total - first.total);
}

let waitedForIdleMs = 0;

/**
 * Other work on the machine (a test run, a build) slows the page down: before each measurement,
 * waits a while (IDLE_WAIT) for a moment when the machine is mostly idle.
 */
async function whenIdle(): Promise<number> {
  const started = Date.now();
  for (;;) {
    const busy = await cpuBusy(400);
    if (busy === null || busy < 0.3) break;
    if (Date.now() - started > IDLE_WAIT.eachMs) break;
    if (waitedForIdleMs + Date.now() - started > IDLE_WAIT.totalMs) break;
  }
  waitedForIdleMs += Date.now() - started;
  return Date.now() - started;
}

function log(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** The /api/ requests a page makes, and whether any is still on its way. */
interface ApiTraffic {
  requests: number;
  bytes: number;
  inFlight: number;
  lastActivity: number;
}

function trackApi(page: Page): ApiTraffic {
  const traffic: ApiTraffic = { requests: 0, bytes: 0, inFlight: 0, lastActivity: Date.now() };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    traffic.requests++;
    traffic.inFlight++;
    traffic.lastActivity = Date.now();
  });
  page.on('requestfinished', (request) => {
    if (!isApi(request.url())) return;
    traffic.lastActivity = Date.now();
    request.sizes().then(
      (sizes) => {
        traffic.bytes += sizes.responseBodySize;
        traffic.inFlight--;
        traffic.lastActivity = Date.now();
      },
      () => traffic.inFlight--,
    );
  });
  page.on('requestfailed', (request) => {
    if (!isApi(request.url())) return;
    traffic.inFlight--;
    traffic.lastActivity = Date.now();
  });
  return traffic;
}

/** Waits until no API request is on its way and none has started or ended for QUIET_MS. */
async function quiet(traffic: ApiTraffic | null, timeoutMs = 60_000): Promise<void> {
  if (!traffic) return; // the static page makes no requests
  const deadline = Date.now() + timeoutMs;
  while (traffic.inFlight > 0 || Date.now() - traffic.lastActivity < QUIET_MS) {
    if (Date.now() > deadline) {
      throw new Error(
        `the page's API requests did not settle in ${timeoutMs / 1000} s (${traffic.inFlight} on their way)`,
      );
    }
    await sleep(50);
  }
}

async function paintedTwice(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        window.__bench.afterPaint(() => window.__bench.afterPaint(resolve)),
      ),
  );
}

/** A tiny HTTP server on 127.0.0.1: the static copy at /static.html, the app's built assets. */
interface StaticServer {
  readonly url: string;
  html: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function startStaticServer(assetsDir: string): Promise<StaticServer> {
  const state = { html: '' };
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/static.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(state.html);
      return;
    }
    const file = path.join(assetsDir, path.basename(pathname));
    if (pathname.startsWith('/assets/') && fs.existsSync(file)) {
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      response.end(fs.readFileSync(file));
      return;
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/static.html`,
        get html() {
          return state.html;
        },
        set html(value: string) {
          state.html = value;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// One library, in web mode

interface Target {
  readonly data: ReaderData;
  readonly web: RunningWebMode;
  readonly appUrl: string;
}

function setUpLibrary(dataDir: string, annotations: number): ReaderData {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'scripts/bench/reader-data.ts'),
      dataDir,
      String(annotations),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  if (run.status !== 0) {
    throw new Error(
      `setting up the library with ${annotations} annotations failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`,
    );
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ReaderData;
}

/** Sets the article's reading position back to the top, so every open starts there. */
async function resetReadingPosition(target: Target): Promise<void> {
  const response = await fetch(`${target.web.origin}/api/setReadingPosition`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${target.web.token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ articleId: target.data.articleId, offset: 0 }),
  });
  if (!response.ok) {
    throw new Error(`setReadingPosition answered ${response.status}: ${await response.text()}`);
  }
}

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly traffic: ApiTraffic;
  readonly openMs: number | null;
}

async function openPage(
  browser: Browser,
  url: string,
  config: ProbeConfig,
  what: string,
  timeoutMs: number,
): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(installProbes, config);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const traffic = trackApi(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    let openMs: number | null = null;
    if (config.expectMarks >= 0) {
      openMs = await within(
        timeoutMs,
        `${what}: the article with ${config.expectMarks} highlight marks was not painted` +
          (errors.length ? ` (page errors: ${errors.join('; ')})` : ''),
        page.evaluate(() => window.__bench.opened),
      );
    }
    return { context, page, traffic, openMs };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/**
 * The first open: waits until every anchored annotation is drawn, counts the marks (what later
 * opens wait for), and copies the page as static HTML.
 */
async function warmUp(
  browser: Browser,
  target: Target,
): Promise<{ marks: number; ids: number; html: string }> {
  await resetReadingPosition(target);
  const config: ProbeConfig = { expectMarks: -1, css: '', staticPage: false };
  const { context, page } = await openPage(browser, target.appUrl, config, 'first open', 300_000);
  try {
    await page
      .getByRole('document', { name: 'Article text' })
      .waitFor({ timeout: 300_000 })
      .catch((error: Error) => {
        throw new Error(`first open: the article text never appeared: ${error.message}`);
      });
    const wanted = target.data.anchored;
    const deadline = Date.now() + 300_000;
    let last = { ids: -1, marks: -1 };
    let stableSince = Date.now();
    for (;;) {
      const now = await page.evaluate(() => window.__bench.highlightCount());
      if (now.ids >= wanted) {
        last = now;
        break;
      }
      if (now.marks !== last.marks) stableSince = Date.now();
      last = now;
      if (now.marks > 0 && Date.now() - stableSince > 10_000) {
        log(`warning: only ${now.ids} of ${wanted} anchored annotations are drawn; using that`);
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`first open: ${now.ids} of ${wanted} highlights drawn after 300 s`);
      }
      await sleep(250);
    }
    await paintedTwice(page);
    const html = await page.evaluate(staticSnapshot, STYLE_ID);
    return { marks: last.marks, ids: last.ids, html };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements on one open page

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function scrollSteps(page: Page, traffic: ApiTraffic | null): Promise<number[]> {
  await quiet(traffic);
  await whenIdle();
  await paintedTwice(page);
  return within(
    120_000,
    `${SCROLL_STEPS} scroll steps`,
    page.evaluate(([steps, px]) => window.__bench.scrollSteps(steps, px), [
      SCROLL_STEPS,
      SCROLL_PX,
    ] as const),
  );
}

/** Selects a few visible words and lets the page take the new selection in. */
async function selectSomething(page: Page, seq: number): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const words = await page.evaluate((n) => window.__bench.selectVisible(n), seq * 10 + attempt);
    if (words) {
      await paintedTwice(page);
      await sleep(50);
      return words;
    }
  }
  throw new Error('found no visible words to select in the article');
}

interface HighlightFigures {
  readonly latencies: number[];
  readonly waited: number[];
  readonly requests: number[];
  readonly bytes: number[];
}

async function pressHighlights(page: Page, traffic: ApiTraffic | null): Promise<HighlightFigures> {
  const figures: HighlightFigures = { latencies: [], waited: [], requests: [], bytes: [] };
  let started = Date.now();
  await quiet(traffic);
  for (let i = 0; i < HIGHLIGHTS.max; i++) {
    if (i >= HIGHLIGHTS.min && Date.now() - started > HIGHLIGHTS.budgetMs) break;
    await selectSomething(page, i);
    await quiet(traffic);
    if (i % 5 === 0) started += await whenIdle(); // waiting is not part of the budget
    await page.evaluate(() => window.__bench.armMark('h'));
    const before = { requests: traffic?.requests ?? 0, bytes: traffic?.bytes ?? 0 };
    await page.keyboard.press('h');
    const latency: Latency = await within(
      120_000,
      `press H #${i + 1}: no new highlight was painted`,
      page.evaluate(() => window.__bench.markDone!),
    );
    await quiet(traffic);
    figures.latencies.push(latency.ms);
    figures.waited.push(latency.waited);
    figures.requests.push((traffic?.requests ?? 0) - before.requests);
    figures.bytes.push((traffic?.bytes ?? 0) - before.bytes);
  }
  return figures;
}

interface KeyFigures {
  readonly latencies: number[];
  readonly waited: number[];
  readonly requestsPerKey: number;
  readonly bytesPerKey: number;
}

async function typeNote(page: Page, traffic: ApiTraffic | null): Promise<KeyFigures> {
  await selectSomething(page, 99);
  await quiet(traffic);
  await page.keyboard.press('n');
  await within(
    120_000,
    'press N: no text area labelled "Note" took the focus',
    page.waitForFunction(() => window.__bench.noteFocused(), null, {
      timeout: 0,
      polling: 100,
    }),
  );
  await quiet(traffic);
  await whenIdle();
  const before = { requests: traffic?.requests ?? 0, bytes: traffic?.bytes ?? 0 };
  const latencies: number[] = [];
  const waited: number[] = [];
  const started = Date.now();
  let previous = 0;
  for (const key of NOTE_TEXT.slice(0, KEYS.max)) {
    if (latencies.length >= KEYS.min && Date.now() - started > KEYS.budgetMs) break;
    await sleep(Math.max(0, previous + KEYS.gapMs - Date.now()));
    await page.evaluate((k) => window.__bench.armKey(k), key);
    previous = Date.now();
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    const latency: Latency = await within(
      120_000,
      `typing "${key}" into the note: the field did not change`,
      page.evaluate(() => window.__bench.keyDone!),
    );
    latencies.push(latency.ms);
    waited.push(latency.waited);
  }
  await quiet(traffic);
  return {
    latencies,
    waited,
    requestsPerKey: ((traffic?.requests ?? 0) - before.requests) / latencies.length,
    bytesPerKey: ((traffic?.bytes ?? 0) - before.bytes) / latencies.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface SideFigures {
  opens: number[];
  heapMB: number | null;
  scroll: number[];
  highlight: HighlightFigures | null;
  keys: KeyFigures | null;
}

const FIGURES = [
  ['open', 'open → article with highlights (median)', 'ms'],
  ['highlightP50', 'press H → highlight painted, p50', 'ms'],
  ['highlightP95', 'press H → highlight painted, p95', 'ms'],
  ['keyP50', 'keystroke in a note → painted, p50', 'ms'],
  ['keyP95', 'keystroke in a note → painted, p95', 'ms'],
  ['requestsPerHighlight', 'API requests per highlight', ''],
  ['kbPerHighlight', 'API response KB per highlight', 'KB'],
  ['requestsPerKey', 'API requests per keystroke', ''],
  ['scrollP50', 'scroll step (600 px) → painted, p50', 'ms'],
  ['scrollP95', 'scroll step (600 px) → painted, p95', 'ms'],
  ['heapMB', 'renderer JS heap after open (after GC)', 'MB'],
] as const;
type FigureKey = (typeof FIGURES)[number][0];

interface Pair {
  readonly app: number | null;
  readonly static: number | null;
  readonly ratio: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function figuresOf(side: SideFigures, isStatic = false): Record<FigureKey, number | null> {
  const api = (value: number | null) => (isStatic ? null : value); // the static page has no API
  return {
    open: percentile(side.opens, 50),
    highlightP50: percentile(side.highlight?.latencies ?? [], 50),
    highlightP95: percentile(side.highlight?.latencies ?? [], 95),
    keyP50: percentile(side.keys?.latencies ?? [], 50),
    keyP95: percentile(side.keys?.latencies ?? [], 95),
    requestsPerHighlight: api(mean(side.highlight?.requests ?? [])),
    kbPerHighlight: api(((v) => (v === null ? null : v / 1024))(mean(side.highlight?.bytes ?? []))),
    requestsPerKey: api(side.keys?.requestsPerKey ?? null),
    scrollP50: percentile(side.scroll, 50),
    scrollP95: percentile(side.scroll, 95),
    heapMB: side.heapMB,
  };
}

function pair(app: number | null, stat: number | null): Pair {
  return { app, static: stat, ratio: app !== null && stat ? app / stat : null };
}

function format(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'ms') {
    return value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  }
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'KB')
    return value >= 1024 ? `${(value / 1024).toFixed(2)} MB` : `${value.toFixed(1)} KB`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n');
}

const ratio = (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}×`);

function exponent(at1k: number | null, at10k: number | null): number | null {
  if (at1k === null || at10k === null || at1k <= 0 || at10k <= 0) return null;
  return Math.log(at10k / at1k) / Math.log(10);
}

// ---------------------------------------------------------------------------------------------
// Runs

async function withTarget<T>(
  annotations: number,
  cleanups: (() => Promise<void>)[],
  work: (target: Target) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-reader-'));
  let web: RunningWebMode | null = null;
  const cleanup = async () => {
    if (web) await web.stop().catch(() => null);
    web = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(cleanup);
  try {
    log(`setting up a library with ${annotations.toLocaleString('en')} annotations`);
    const data = setUpLibrary(dataDir, annotations);
    log(
      `  ${(data.markdownBytes / 1024 / 1024).toFixed(2)} MB of Markdown, ${data.chapters} chapters, ` +
        `${data.blocks} blocks; ${data.anchored} anchored, ${data.links} links (${data.setupMs} ms)`,
    );
    web = await startWebMode(dataDir, 60_000);
    const appUrl = `${web.url}&open=${encodeURIComponent(passageLink(data.articleId))}`;
    return await work({ data, web, appUrl });
  } finally {
    await cleanup();
  }
}

interface Side {
  readonly url: string;
  readonly config: ProbeConfig;
  readonly what: string;
  readonly figures: SideFigures;
}

/** Opens one page of `side` and scrolls it; on the last one, also measures the heap and keys. */
async function openAndMeasure(
  browser: Browser,
  target: Target,
  side: Side,
  i: number,
  interact: boolean,
): Promise<void> {
  if (!side.config.staticPage) {
    await resetReadingPosition(target);
    await sleep(200);
  }
  await whenIdle();
  const opened = await openPage(
    browser,
    side.url,
    side.config,
    `${side.what}, open ${i + 1}`,
    300_000,
  );
  const figures = side.figures;
  figures.opens.push(opened.openMs!);
  log(`${side.what}: open ${i + 1} ${format(opened.openMs, 'ms')}`);
  try {
    const { page } = opened;
    const traffic = side.config.staticPage ? null : opened.traffic;
    const last = i === OPENS - 1;
    if (interact && last) {
      await quiet(traffic);
      await paintedTwice(page);
      figures.heapMB = await heapMB(page);
    }
    const steps = await scrollSteps(page, traffic);
    figures.scroll.push(...steps);
    log(`${side.what}: scroll p50 ${format(percentile(steps, 50), 'ms')}`);
    if (!interact || !last) return;
    if (traffic) await sleep(1000); // the app saves the reading position after scrolling
    figures.highlight = await pressHighlights(page, traffic);
    log(
      `${side.what}: ${figures.highlight.latencies.length} highlights, p50 ${format(percentile(figures.highlight.latencies, 50), 'ms')}`,
    );
    figures.keys = await typeNote(page, traffic);
    log(
      `${side.what}: ${figures.keys.latencies.length} keys, p50 ${format(percentile(figures.keys.latencies, 50), 'ms')}`,
    );
  } finally {
    await opened.context.close();
  }
}

/**
 * The app and its static copy, measured in turns (app, static, app, static, …) so that a change
 * in the machine's load during the run weighs on both alike.
 */
async function measureBoth(
  browser: Browser,
  target: Target,
  staticUrl: string,
  config: Omit<ProbeConfig, 'staticPage'>,
  label: string,
  interact: boolean,
): Promise<{ app: SideFigures; static: SideFigures }> {
  const empty = (): SideFigures => ({
    opens: [],
    heapMB: null,
    scroll: [],
    highlight: null,
    keys: null,
  });
  const app: Side = {
    url: target.appUrl,
    config: { ...config, staticPage: false },
    what: `${label} app`,
    figures: empty(),
  };
  const copy: Side = {
    url: staticUrl,
    config: { ...config, staticPage: true },
    what: `${label} static`,
    figures: empty(),
  };
  for (let i = 0; i < OPENS; i++) {
    await openAndMeasure(browser, target, app, i, interact);
    await openAndMeasure(browser, target, copy, i, interact);
  }
  return { app: app.figures, static: copy.figures };
}

interface CountResult {
  readonly annotations: number;
  readonly data: ReaderData;
  readonly marks: number;
  /** The machine's 1-minute load average when this size started and ended. */
  readonly load: { readonly start: number; readonly end: number };
  readonly figures: Record<FigureKey, Pair>;
  readonly samples: { app: SideFigures; static: SideFigures };
}

async function measureCount(
  browser: Browser,
  server: StaticServer,
  annotations: number,
  css: string,
  cleanups: (() => Promise<void>)[],
): Promise<CountResult> {
  return withTarget(annotations, cleanups, async (target) => {
    const load = os.loadavg()[0]!;
    const warm = await warmUp(browser, target);
    server.html = warm.html;
    log(
      `first open done: ${warm.ids} highlights in ${warm.marks} marks; static copy ${(warm.html.length / 1024 / 1024).toFixed(1)} MB`,
    );
    const { app, static: stat } = await measureBoth(
      browser,
      target,
      server.url,
      { expectMarks: warm.marks, css },
      `${annotations}:`,
      true,
    );
    const appFigures = figuresOf(app);
    const staticFigures = figuresOf(stat, true);
    const figures = Object.fromEntries(
      FIGURES.map(([key]) => [key, pair(appFigures[key], staticFigures[key])]),
    ) as Record<FigureKey, Pair>;
    return {
      annotations,
      data: target.data,
      marks: warm.marks,
      load: { start: load, end: os.loadavg()[0]! },
      figures,
      samples: { app, static: stat },
    };
  });
}

function printCount(result: CountResult): void {
  const { data } = result;
  console.log(
    `\n${result.annotations.toLocaleString('en')} annotations — ${(data.markdownBytes / 1024 / 1024).toFixed(2)} MB Markdown, ` +
      `${(data.textChars / 1024 / 1024).toFixed(2)} M chars of text, ${data.blocks} blocks; ` +
      `${data.anchored} highlights drawn as ${result.marks} marks`,
  );
  const rows = [['figure', 'app', 'static', 'app/static']];
  for (const [key, label, unit] of FIGURES) {
    const p = result.figures[key];
    rows.push([label, format(p.app, unit), format(p.static, unit), ratio(p.ratio)]);
  }
  console.log(table(rows));
  const cpus = os.cpus().length;
  const { start, end } = result.load;
  // The benchmark itself (browser, web mode) keeps about one CPU busy.
  if (Math.max(start, end) > cpus + 1) {
    console.log(
      `  (other work was running: load average ${start.toFixed(1)} → ${end.toFixed(1)} on ${cpus} CPUs; ratios are fairer than times)`,
    );
  }
  const { app } = result.samples;
  const waited = [...(app.highlight?.waited ?? []), ...(app.keys?.waited ?? [])];
  if (waited.length) {
    console.log(
      `  (samples: ${app.highlight?.latencies.length ?? 0} presses of H, ${app.keys?.latencies.length ?? 0} keys; ` +
        `keys waited for the app's main thread up to ${format(Math.max(...waited), 'ms')})`,
    );
  }
}

function growth(
  results: readonly CountResult[],
): Record<string, { app: number | null; static: number | null }> | null {
  const at1k = results.find((r) => r.annotations === 1000);
  const at10k = results.find((r) => r.annotations === 10_000);
  if (!at1k || !at10k) return null;
  const out: Record<string, { app: number | null; static: number | null }> = {};
  const rows = [['growth 1,000 → 10,000 annotations (f ∝ N^k)', 'k app', 'k static']];
  for (const [key, label] of FIGURES) {
    const app = exponent(at1k.figures[key].app, at10k.figures[key].app);
    const stat = exponent(at1k.figures[key].static, at10k.figures[key].static);
    out[key] = { app, static: stat };
    rows.push([label, app === null ? '—' : app.toFixed(2), stat === null ? '—' : stat.toFixed(2)]);
  }
  console.log(`\n${table(rows)}`);
  return out;
}

async function compareVariants(
  browser: Browser,
  server: StaticServer,
  options: Options,
  cleanups: (() => Promise<void>)[],
): Promise<void> {
  const names = options.cssVariants!;
  const rows: Record<string, Record<string, Pair>> = {};
  await withTarget(options.variantsAt, cleanups, async (target) => {
    const warm = await warmUp(browser, target);
    server.html = warm.html;
    for (const name of names) {
      const { css } = CSS_VARIANTS[name]!;
      const { app, static: stat } = await measureBoth(
        browser,
        target,
        server.url,
        { expectMarks: warm.marks, css },
        `${name}:`,
        false,
      );
      const a = figuresOf(app);
      const s = figuresOf(stat, true);
      rows[name] = {
        open: pair(a.open, s.open),
        scrollP50: pair(a.scrollP50, s.scrollP50),
        scrollP95: pair(a.scrollP95, s.scrollP95),
      };
    }
  });
  console.log(
    `\nCSS variants at ${options.variantsAt.toLocaleString('en')} annotations (app / static / ratio)`,
  );
  const lines = [
    [
      'variant',
      'open app',
      'static',
      'ratio',
      'scroll p50 app',
      'static',
      'ratio',
      'scroll p95 app',
      'static',
      'ratio',
    ],
  ];
  for (const name of names) {
    const r = rows[name]!;
    lines.push([
      name,
      ...(['open', 'scrollP50', 'scrollP95'] as const).flatMap((k) => [
        format(r[k]!.app, 'ms'),
        format(r[k]!.static, 'ms'),
        ratio(r[k]!.ratio),
      ]),
    ]);
  }
  console.log(table(lines));
  for (const name of names) console.log(`  ${name}: ${CSS_VARIANTS[name]!.about}`);
  recordResults('reader-css-variants', {
    annotations: options.variantsAt,
    variants: Object.fromEntries(
      names.map((name) => [
        name,
        { about: CSS_VARIANTS[name]!.about, css: CSS_VARIANTS[name]!.css, ...rows[name] },
      ]),
    ),
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rendererDir = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(
      `${rendererDir} has no build: run "npx electron-vite build" first (npm run bench:reader does).`,
    );
  }
  const cleanups: (() => Promise<void>)[] = [];
  let browser: Browser | null = null;
  let server: StaticServer | null = null;
  const shutDown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping web mode and the browser`);
    void shutDown().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  try {
    server = await startStaticServer(path.join(rendererDir, 'assets'));
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        ...CHROMIUM_ARGS,
        '--disable-renderer-backgrounding',
        '--disable-background-timer-throttling',
      ],
    });
    console.log(
      `Reader benchmark: web mode in Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
        `${os.cpus().length} CPUs; CSS variant "${options.cssVariants ? options.cssVariants.join(', ') : options.cssVariant}"`,
    );
    if (options.cssVariants) {
      await compareVariants(browser, server, options, cleanups);
    } else {
      const css = CSS_VARIANTS[options.cssVariant]!.css;
      const results: CountResult[] = [];
      for (const count of options.counts) {
        const result = await measureCount(browser, server, count, css, cleanups);
        results.push(result);
        printCount(result);
      }
      const exponents = growth(results);
      recordResults('reader', {
        cssVariant: options.cssVariant,
        chromium: browser.version(),
        viewport: VIEWPORT,
        method: {
          opens: OPENS,
          scroll: { steps: SCROLL_STEPS, px: SCROLL_PX },
          highlights: HIGHLIGHTS,
          keys: KEYS,
          painted: 'first requestAnimationFrame after the change, then a posted message',
        },
        counts: Object.fromEntries(
          results.map((r) => [
            r.annotations,
            { data: r.data, marks: r.marks, figures: r.figures, samples: r.samples },
          ]),
        ),
        growth: exponents,
      });
    }
    console.log(
      `\n(${((Date.now() - started) / 1000).toFixed(0)} s in all, of which ${(waitedForIdleMs / 1000).toFixed(0)} s waiting for the machine to be idle)`,
    );
  } finally {
    await shutDown();
  }
}

main().catch((error: unknown) => {
  console.error(`\nbench:reader failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
