/**
 * Benchmark (figures, never pass/fail): how long `marginalia` takes from the shell's point of
 * view, start to exit, for `--help`, `list` on a new library, and `list` and `search` on a
 * library of 1,000 articles; beside them a bare `node -e 0` (what any Node program pays to start
 * on this machine) and the same `list` run from the TypeScript sources through tsx (what the CLI
 * cost before it was built). Runs go round-robin (one of each case, then again), so a busy
 * machine slows every case alike. Targets (issue 11): `list` starts in under 300 ms, `search`
 * answers in under 0.5 s, end to end; each is printed beside its target as a ratio (under 1 is
 * met). `npm run bench:cli`; figures go to bench/results.json ("cli").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../src/main/library';
import { buildCli } from './build-cli.mjs';
import { recordResults } from './bench-results';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'marginalia.js');
const RUNS = 20;
/** tsx compiles at every start: a few runs say enough. */
const SOURCE_RUNS = 5;
const ARTICLES = 1_000;
/** The issue's targets, end to end: the case measured against each and its limit. */
const TARGETS = [
  { what: 'list', label: 'marginalia list (new library)', ms: 300 },
  { what: 'search', label: `marginalia search negotiations (${ARTICLES} articles)`, ms: 500 },
] as const;

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly runs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

let rebuilds = 0;

/**
 * Wall time of one run, in ms; throws when the command fails. When a source file changed during
 * the benchmark, or a build elsewhere is under way (the bin then runs the sources and says so),
 * rebuilds and runs again.
 */
async function timeOnce(c: Case): Promise<number> {
  for (;;) {
    const started = performance.now();
    const run = spawnSync(process.execPath, c.args, {
      cwd: ROOT,
      env: { ...process.env, ...c.env },
      encoding: 'utf8',
    });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`${c.label} exited ${run.status}: ${run.stderr}`);
    if (c.env || run.stderr === '') return ms;
    // Another process (a test run's setup) may be rebuilding the CLI meanwhile: build it too.
    if (!/since the CLI was built|the CLI is not built/.test(run.stderr) || rebuilds >= 20) {
      throw new Error(`${c.label} wrote to stderr: ${run.stderr}`);
    }
    rebuilds += 1;
    await buildCli();
  }
}

/** A library of `count` short text articles, each different (no duplicates refused). */
function libraryOf(dataDir: string, count: number): void {
  const library = openLibrary({ dataDir });
  try {
    for (let i = 0; i < count; i++) {
      const text = `Article ${i}\n\nParagraph about topic ${i} and negotiations round ${i % 37}.\n`;
      library.service.importBytes(`article-${i}.txt`, Buffer.from(text));
    }
  } finally {
    library.close();
  }
}

const builtMs = await buildCli();
if (builtMs === null) throw new Error('esbuild is not installed: the CLI cannot be built');
console.log(`CLI built in ${Math.round(builtMs)} ms`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-cli-'));
try {
  const newLibrary = path.join(dir, 'new');
  const bigLibrary = path.join(dir, 'big');
  openLibrary({ dataDir: newLibrary }).close();
  const generating = performance.now();
  libraryOf(bigLibrary, ARTICLES);
  console.log(
    `library of ${ARTICLES} articles made in ${Math.round(performance.now() - generating)} ms`,
  );

  const cases: Case[] = [
    { label: 'node -e 0 (bare Node start)', args: ['-e', '0'], runs: RUNS },
    { label: 'marginalia --help', args: [BIN, '--help'], runs: RUNS },
    {
      label: 'marginalia list (new library)',
      args: [BIN, '--data-dir', newLibrary, 'list'],
      runs: RUNS,
    },
    {
      label: `marginalia list (${ARTICLES} articles)`,
      args: [BIN, '--data-dir', bigLibrary, 'list'],
      runs: RUNS,
    },
    {
      label: `marginalia search negotiations (${ARTICLES} articles)`,
      args: [BIN, '--data-dir', bigLibrary, 'search', 'negotiations'],
      runs: RUNS,
    },
    {
      label: 'marginalia list (new library), from sources via tsx',
      args: [BIN, '--data-dir', newLibrary, 'list'],
      env: { MARGINALIA_CLI_FROM_SOURCE: '1' },
      runs: SOURCE_RUNS,
    },
  ];
  // One warm-up run each: the file cache, not the first start, is what a user meets.
  for (const c of cases) await timeOnce(c);
  const times = new Map<Case, number[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const c of cases) if (round < c.runs) times.get(c)!.push(await timeOnce(c));
  }

  const figures: Record<string, { runs: number; p50Ms: number; p95Ms: number }> = {};
  console.log(`\n${'case'.padEnd(54)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}`);
  for (const c of cases) {
    const sorted = [...times.get(c)!].sort((a, b) => a - b);
    const p50 = Math.round(percentile(sorted, 50));
    const p95 = Math.round(percentile(sorted, 95));
    figures[c.label] = { runs: sorted.length, p50Ms: p50, p95Ms: p95 };
    console.log(`${c.label.padEnd(54)} ${`${p50} ms`.padStart(8)} ${`${p95} ms`.padStart(8)}`);
  }
  const bare = figures['node -e 0 (bare Node start)']!.p50Ms;
  const targets: Record<string, unknown> = {};
  console.log('');
  for (const target of TARGETS) {
    const { p50Ms, p95Ms } = figures[target.label]!;
    const ratio = (ms: number) => Math.round((ms / target.ms) * 100) / 100;
    targets[target.what] = {
      case: target.label,
      targetMs: target.ms,
      p50Ms,
      p95Ms,
      p50Ratio: ratio(p50Ms),
      p95Ratio: ratio(p95Ms),
      met: p50Ms < target.ms,
    };
    console.log(
      `${target.what}: p50 ${p50Ms} ms (${ratio(p50Ms)}× the ${target.ms} ms target: ` +
        `${p50Ms < target.ms ? 'met' : 'NOT met'}), p95 ${p95Ms} ms (${ratio(p95Ms)}×); ` +
        `${p50Ms - bare} ms above a bare Node start`,
    );
  }
  recordResults('cli', {
    targets,
    articles: ARTICLES,
    rebuildsDuringRun: rebuilds,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    figures,
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
