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
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'marginalia.mjs');
const inputsFile = path.join(root, 'out', 'cli', 'inputs.json');

/** Why the bundle cannot run (a short phrase), or null when it is current. */
function whyNotBundle() {
  let readFrom;
  let inputs;
  try {
    ({ readFrom, inputs } = JSON.parse(fs.readFileSync(inputsFile, 'utf8')));
  } catch {
    return 'the CLI is not built';
  }
  if (!Array.isArray(inputs) || inputs.length === 0 || typeof readFrom !== 'number') {
    return 'the CLI is not built';
  }
  for (const input of inputs) {
    let changedAt;
    try {
      changedAt = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return `${input} is gone since the CLI was built`;
    }
    if (changedAt >= readFrom) return `${input} changed since the CLI was built`;
  }
  return null;
}

async function loadCli() {
  if (process.env.MARGINALIA_CLI_FROM_SOURCE !== '1') {
    const why = whyNotBundle();
    if (why === null) return import(bundle);
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
