#!/usr/bin/env node
// The `marginalia` command.
//
// It runs the built CLI, out/cli/ (plain JavaScript: it starts several times faster than
// compiling the TypeScript does), when that build is current: out/cli/inputs.json lists the
// source files it was built from, and none of them changed after the build read them. Otherwise
// it runs the TypeScript sources through tsx and says why in one line on stderr, so an edited
// tree never runs a stale build silently. `npm ci` / `npm install` build the bundle (the
// `prepare` script), and so do `npm run build`, `npm run build:cli` and the tests' setup.
// MARGINALIA_CLI_FROM_SOURCE=1 runs the sources without a note (debugging the CLI itself).
//
// The check stats only the bundle's own inputs (about 140 files, never a walk of src/), and does
// so on libuv's threads while this thread reads and compiles the bundle: the bundle is only run
// once every stat has answered, and is dropped for the sources if one says a file changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'marginalia.mjs');
const inputsFile = path.join(root, 'out', 'cli', 'inputs.json');

/** The build's record of its inputs, or null when there is no (complete) build. */
function readInputs() {
  try {
    const { readFrom, inputs } = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0 || typeof readFrom !== 'number') return null;
    return { readFrom, inputs };
  } catch {
    return null;
  }
}

/** Why the bundle cannot run (a short phrase), or null when none of its inputs changed. */
async function whyStale({ readFrom, inputs }) {
  const changes = await Promise.all(
    inputs.map((input) =>
      fs.promises.stat(path.join(root, input)).then(
        (stat) => (stat.mtimeMs >= readFrom ? `${input} changed since the CLI was built` : null),
        () => `${input} is gone since the CLI was built`,
      ),
    ),
  );
  return changes.find((change) => change !== null) ?? null;
}

async function loadCli() {
  if (process.env.MARGINALIA_CLI_FROM_SOURCE !== '1') {
    const built = readInputs();
    let why = 'the CLI is not built';
    if (built) {
      const staleness = whyStale(built); // the stats run while the bundle loads
      const loading = import(bundle);
      why = await staleness;
      if (why === null) return loading;
      loading.catch(() => {}); // stale: what the old build does on loading no longer matters
    }
    process.stderr.write(
      `marginalia: ${why}; running the TypeScript sources (slower start). ` +
        'Build it with: npm run build:cli\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/main/cli/index.ts');
}

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2));
