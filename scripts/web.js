#!/usr/bin/env node
// `npm run web`: builds the reader, then runs web mode in this same process, so a SIGTERM sent to
// npm's child (or Ctrl+C) reaches the server itself and it exits cleanly.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

register();
const { runCli } = await import('../src/main/cli/index.ts');
process.exitCode = await runCli(['web', ...process.argv.slice(2)]);
