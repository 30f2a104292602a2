#!/usr/bin/env node
// `npm start` / `npm run dev`: makes sure the Electron binary and an Electron build of
// better-sqlite3 exist, then runs electron-vite. The Node build in node_modules/better-sqlite3 is
// left alone (tests, web mode and the CLI use it); the Electron build goes to
// node_modules/.marginalia-electron/ and the app loads it through better-sqlite3's nativeBinding.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const electronDir = path.join(root, 'node_modules', 'electron');
const nativeDir = path.join(root, 'node_modules', '.marginalia-electron');

function fail(message) {
  console.error(`Marginalia: ${message}`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function ensureElectron() {
  if (electronBinary()) return;
  // On a terminal the progress line is erased if the download fails, so a failure stays one line.
  if (process.stdout.isTTY) process.stdout.write('Downloading Electron (first start only)…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  if (result.status !== 0 || !electronBinary()) {
    fail(
      'the Electron binary is not installed and could not be downloaded on this machine; ' +
        'run "npm run web" to use Marginalia in your browser instead.',
    );
  }
}

function ensureNativeModule() {
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const stampFile = path.join(nativeDir, 'stamp.json');
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion };
  const binding = path.join(nativeDir, 'better_sqlite3.node');
  if (fs.existsSync(binding) && fs.existsSync(stampFile)) {
    const stamp = readJson(stampFile);
    if (stamp.electron === wanted.electron && stamp.betterSqlite3 === wanted.betterSqlite3) return;
  }
  console.log(`Preparing SQLite for Electron ${electronVersion} (once per Electron version)…`);
  const work = path.join(nativeDir, 'build', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  fs.cpSync(sqliteDir, work, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')),
  });
  // better-sqlite3 publishes builds for Electron: fetch the matching one first (prebuild-install,
  // as its own install does); compile with node-gyp and Electron's headers only if that fails.
  const prebuildInstall = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
  let result = spawnSync(
    process.execPath,
    [
      prebuildInstall,
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
    ],
    { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (result.status !== 0) {
    const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    result = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) {
    const reason =
      String(result.stderr ?? '')
        .trim()
        .split('\n')
        .pop() ?? '';
    fail(
      `could not build SQLite for Electron (${reason || 'node-gyp failed'}); see the README's "Native modules" section.`,
    );
  }
  fs.copyFileSync(built, binding);
  fs.writeFileSync(stampFile, JSON.stringify(wanted, null, 2));
  fs.rmSync(path.join(nativeDir, 'build'), { recursive: true, force: true });
}

ensureElectron();
ensureNativeModule();
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const run = spawnSync(process.execPath, [electronVite, mode], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
