#!/usr/bin/env node
/**
 * Builds the command line into plain JavaScript, so that `marginalia` starts without compiling
 * TypeScript through tsx at every start:
 * - out/cli/marginalia.cjs: the sources and the pure-JavaScript dependencies in one file (one file
 *   loads faster than the hundreds of small modules zod, linkedom and yaml alone are made of);
 *   better-sqlite3 stays external (native);
 * - out/cli/marginalia.mjs: what the bin imports, a loader that runs marginalia.cjs with V8's code
 *   cache (marginalia.cjs.cache, taken at build time);
 * - out/cli/inputs.json: the source files it was built from and when the build read them.
 *   bin/marginalia.js runs the built CLI only when none of them changed since, and otherwise runs
 *   the sources through tsx, so an edited tree never runs a stale build.
 *
 * Run by `npm ci` / `npm install` (the `prepare` script), by the build, and before the tests (the
 * default export is vitest's global setup). Usage: node scripts/build-cli.mjs [--quiet]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'out', 'cli');
/** What the bin imports: a small loader for CODE (written from LOADER below). */
export const BUNDLE = path.join(OUT_DIR, 'marginalia.mjs');
/** The CLI itself: sources and dependencies in one CommonJS file. */
export const CODE = path.join(OUT_DIR, 'marginalia.cjs');
/** V8's compiled code for CODE, taken after one load: the next loads skip most compiling. */
export const CODE_CACHE = path.join(OUT_DIR, 'marginalia.cjs.cache');
export const INPUTS = path.join(OUT_DIR, 'inputs.json');
const ENTRY = 'src/main/cli/index.ts';
/** Native or otherwise unbundleable: loaded from node_modules at run time. */
/**
 * Left to node_modules (all of them dependencies, so any install has them): the native SQLite
 * binding, and the packages only the lazily loaded import pipeline and web mode use — keeping
 * them out halves the bundle every start reads and compiles. prosemirror-model goes with
 * prosemirror-markdown, so both use the one copy (its node types are checked by identity).
 */
const EXTERNAL = [
  'better-sqlite3',
  'electron',
  '@mozilla/readability',
  'linkedom',
  'markdown-it',
  'prosemirror-markdown',
  'prosemirror-model',
  'yaml',
  'iconv-lite',
  'html-encoding-sniffer',
  'libqp',
  'hono',
  '@hono/node-server',
  // The claim finder's NLP library and its English model (megabytes of JavaScript): only
  // `claims suggest` loads them, through a dynamic import.
  'wink-nlp',
  'wink-eng-lite-web-model',
];
/**
 * src/main/lazy-import-pipeline.ts imports the import pipeline (parsers, fetcher, exporters: most
 * of the bundle) eagerly when run from the sources; in the CLI its body becomes this `require`,
 * which esbuild turns into a lazily run module: the pipeline's modules are evaluated the first
 * time an operation calls importPipeline(), never for `list`, `show` or `search`.
 */
const LAZY_PIPELINE = path.join(ROOT, 'src', 'main', 'lazy-import-pipeline.ts');
const LAZY_PIPELINE_BODY =
  "export function importPipeline() { return require('./import-pipeline'); }\n";
const lazyPipeline = {
  name: 'lazy-import-pipeline',
  setup(build) {
    build.onLoad({ filter: /[\\/]lazy-import-pipeline\.ts$/ }, (args) => {
      if (path.resolve(args.path) !== LAZY_PIPELINE) return undefined;
      return {
        contents: LAZY_PIPELINE_BODY,
        loader: 'ts',
        resolveDir: path.dirname(LAZY_PIPELINE),
      };
    });
  },
};
/** CommonJS has no import.meta; paths.ts finds the project folder from the module's address. */
const MODULE_URL_BANNER =
  "const __marginaliaModuleUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * Loads CODE through vm.Script with V8's code cache, the way v8-compile-cache does (Node 20 has
 * no module.enableCompileCache): compiling ~2.7 MB is most of the start otherwise. A cache from
 * another Node version is rejected by V8 and the code compiles as usual.
 */
const LOADER = `// Written by scripts/build-cli.mjs: loads marginalia.cjs with V8's code cache.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('./marginalia.cjs', import.meta.url));
const cacheFile = \`\${file}.cache\`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const options = { filename: file, cachedData };
const defaultLoader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
if (defaultLoader) options.importModuleDynamically = defaultLoader;
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), options);
const cjs = { exports: {} };
script.runInThisContext()(cjs.exports, Module.createRequire(file), cjs, file, path.dirname(file));

export const { runCli } = cjs.exports;

/** Writes the code cache (the build calls it once, after a load). */
export function writeCodeCache() {
  const temporary = \`\${cacheFile}.\${process.pid}.tmp\`;
  fs.writeFileSync(temporary, script.createCachedData());
  fs.renameSync(temporary, cacheFile);
}
`;

/**
 * Builds the CLI, its loader, code cache and list of inputs; answers the milliseconds it took,
 * or null when esbuild is not installed (an install without dev dependencies: the bin runs the
 * sources through tsx).
 */
export async function buildCli() {
  const started = performance.now();
  // Before esbuild reads a source: a file saved during the build counts as changed after it.
  const readFrom = Date.now();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, ENTRY)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Whitespace and syntax only: stack traces keep the functions' own names (renaming them too
    // saved about 5% of the load time).
    minifyWhitespace: true,
    minifySyntax: true,
    // A separate map (node reads it only under --enable-source-maps), so loading stays cheap.
    sourcemap: 'linked',
    banner: { js: MODULE_URL_BANNER },
    define: { 'import.meta.url': '__marginaliaModuleUrl' },
    external: EXTERNAL,
    plugins: [lazyPipeline],
    write: false,
    metafile: true,
    logLevel: 'warning',
    outfile: CODE,
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes('node_modules/'))
    .sort();
  const startupPackages = packagesRunAtStart(result.metafile);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Written under temporary names and renamed, so that two builds at once (the unit and e2e
  // projects' setups) or a CLI starting meanwhile never read half a file. The list of inputs
  // goes first and comes back last: without it the bin runs the sources, never a half-built CLI.
  fs.rmSync(INPUTS, { force: true });
  fs.rmSync(CODE_CACHE, { force: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(BUNDLE, LOADER);
  writeCodeCacheInChild();
  writeAtomically(
    INPUTS,
    `${JSON.stringify({ entry: ENTRY, readFrom, inputs, startupPackages }, null, 2)}\n`,
  );
  return performance.now() - started;
}

/**
 * The packages whose code runs whenever the CLI starts: those the entry reaches by static imports
 * (and by the `require`s of the CommonJS packages it reaches), not through the lazy pipeline's
 * `require` (nor dynamic `import()`s). Written to inputs.json; a test checks the parsers stay out.
 */
function packagesRunAtStart(metafile) {
  const lazy = path.relative(ROOT, LAZY_PIPELINE).split(path.sep).join('/');
  const reached = new Set();
  const pending = [ENTRY];
  while (pending.length > 0) {
    const input = pending.pop();
    if (reached.has(input)) continue;
    reached.add(input);
    if (input === lazy) continue;
    for (const { path: imported, kind, external } of metafile.inputs[input]?.imports ?? []) {
      if (!external && (kind === 'import-statement' || kind === 'require-call')) {
        pending.push(imported);
      }
    }
  }
  const packages = [...reached].flatMap(
    (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? [],
  );
  return [...new Set(packages)].sort();
}

/**
 * Loads the CLI once in a separate Node (its modules' first run stays out of this process) and
 * saves V8's code cache. Without a cache the CLI still runs, only slower to start. (A cache taken
 * after running `list` and `search` as well was measured: no faster to start, and twice the size.)
 */
function writeCodeCacheInChild() {
  const load = `import(${JSON.stringify(pathToFileURL(BUNDLE).href)}).then((m) => m.writeCodeCache())`;
  const child = spawnSync(process.execPath, ['-e', load], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.warn(`The CLI's code cache was not written (it starts slower): ${child.stderr.trim()}`);
  }
}

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * vitest's global setup: the tests that spawn bin/marginalia.js run the current sources. In
 * watch mode it builds again before each rerun, or an edit would make the bin run the sources
 * and add its note to stderr.
 */
export default async function setup(project) {
  await buildCli();
  project?.onTestsRerun?.(async () => {
    await buildCli();
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ms = await buildCli();
  if (ms === null) {
    console.log('CLI not built (esbuild is not installed): `marginalia` runs the sources via tsx.');
  } else if (!process.argv.includes('--quiet')) {
    console.log(`CLI built: ${path.relative(process.cwd(), BUNDLE)} in ${Math.round(ms)} ms`);
  }
}
