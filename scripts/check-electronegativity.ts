/**
 * Runs Electronegativity (Doyensec's Electron security scanner) over the built app and fails on
 * any finding the reviewed exclusion list does not explain.
 *
 *   npx electron-vite build && tsx scripts/check-electronegativity.ts [--input out]
 *     [--exclusions security/electronegativity-exclusions.json] [--report FILE.json]
 *
 * Scans out/ (what ships: the main bundle, the preload bundle, the renderer's HTML and bundle),
 * not src/: Electronegativity parses TypeScript with TypeScript 4.2, which cannot read this
 * project's sources (`satisfies`, for one), and the bundles are what Electron runs. Called through
 * its JavaScript API, because its command line breaks when another `commander` is hoisted beside
 * it (as this project's is).
 *
 * One check is left out: AvailableSecurityFixesGlobalCheck downloads Electron's release list from
 * GitHub, which these machines cannot reach, and its answer changes by the day; Electron's
 * version is kept current by the project's dependency updates instead (docs/security.md, item 16).
 * Electronegativity also tries to fetch translations (one request, one second at most) and says
 * "Could not retrieve updated translations" when it cannot: harmless.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatReview,
  parseExclusions,
  passed,
  reviewFindings,
  type Finding,
} from './electronegativity-review';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The part of Electronegativity's `run` this script uses (the package ships no types). */
interface ScanIssue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: { readonly name?: string };
  readonly confidence: { readonly name?: string };
  readonly description: string;
  /** The policy text, for CSP findings. */
  readonly sample?: string;
}
interface ScanResult {
  readonly issues: readonly ScanIssue[];
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
}
type Scan = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const BUILT_FILES = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'];

/**
 * A known-bad main process: the scanner must report these checks on it, or it is not working
 * (a scan that silently finds nothing would pass every app).
 */
const CANARY = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`;
const CANARY_CHECKS = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'];

function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at !== -1 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
}

function sourceLine(folder: string, file: string, line: number): string {
  try {
    const text = fs.readFileSync(path.join(folder, file), 'utf8').split('\n')[line - 1] ?? '';
    return text.trim().slice(0, 200);
  } catch {
    return '';
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const input = path.resolve(ROOT, option(argv, '--input', 'out'));
  const exclusionsFile = path.resolve(
    ROOT,
    option(argv, '--exclusions', 'security/electronegativity-exclusions.json'),
  );
  const missing = BUILT_FILES.filter((file) => !fs.existsSync(path.join(input, file)));
  if (missing.length > 0) {
    console.error(
      `electronegativity: ${input} has no ${missing.join(', ')}: run "npx electron-vite build" first`,
    );
    return 2;
  }
  const exclusions = parseExclusions(JSON.parse(fs.readFileSync(exclusionsFile, 'utf8')));
  const electronVersion = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  const scanner = require('@doyensec/electronegativity') as Scan;
  const scan = (folder: string) =>
    scanner(
      {
        input: folder,
        isRelative: true,
        isSarif: false,
        customScan: [],
        excludeFromScan: SKIPPED_CHECKS,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
        isVerbose: false,
      },
      false,
    );

  const canary = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electronegativity-'));
  try {
    fs.writeFileSync(path.join(canary, 'main.js'), CANARY);
    const found = new Set((await scan(canary)).issues.map((issue) => issue.id));
    const missed = CANARY_CHECKS.filter((check) => !found.has(check));
    if (missed.length > 0) {
      console.error(
        `electronegativity: the scanner missed ${missed.join(', ')} in a known-bad app`,
      );
      return 2;
    }
  } finally {
    fs.rmSync(canary, { recursive: true, force: true });
  }

  const result = await scan(input);

  const findings: Finding[] = result.issues.map((issue) => {
    const file = issue.file.split(path.sep).join('/');
    return {
      check: issue.id,
      file,
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name ?? '?',
      confidence: issue.confidence.name ?? '?',
      description: issue.description,
      // A CSP finding is about the policy, which its line does not hold (the tag spans several).
      source: issue.sample ?? sourceLine(input, file, issue.location.line),
    };
  });
  const unparsed = result.errors
    .filter((error) => !error.tolerable)
    .map(({ file, message }) => ({ file: path.relative(input, file) || file, message }));
  const review = reviewFindings(findings, exclusions, unparsed);

  console.log(
    `electronegativity over ${path.relative(ROOT, input) || '.'} (Electron ${electronVersion}):`,
  );
  console.log(formatReview(review));
  const report = option(argv, '--report', '');
  if (report) {
    fs.mkdirSync(path.dirname(path.resolve(ROOT, report)), { recursive: true });
    fs.writeFileSync(path.resolve(ROOT, report), JSON.stringify(review, null, 2) + '\n');
  }
  return passed(review) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
