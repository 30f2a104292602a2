/**
 * bin/marginalia.js, what `npx marginalia` runs: the built CLI (out/cli) when no source changed
 * since the build read it, else the TypeScript sources through tsx with a one-line note; the exit
 * code passes through either way. The choice is tested on a small stand-in project (a copy of the
 * bin, a stand-in build and stand-in sources that say which one ran); the real build is tested
 * by loading it without tsx.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/main/paths';

const ROOT = projectRoot();
const SOURCE = 'src/main/cli/index.ts';
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for runCli that prints who it is and exits with the number it was given. */
function standIn(who: string): string {
  return (
    `export async function runCli(argv) {\n` +
    `  process.stdout.write('${who} ' + argv.join(' ') + '\\n');\n` +
    `  return Number(argv[0] ?? 0);\n}\n`
  );
}

/** A project with the real bin, stand-in sources and a build that read them at `readFrom`. */
function project(): { dir: string; readFrom: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bin-'));
  temporary.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "stand-in", "type": "module" }\n');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(ROOT, 'bin/marginalia.js'), path.join(dir, 'bin/marginalia.js'));
  fs.mkdirSync(path.join(dir, path.dirname(SOURCE)), { recursive: true });
  fs.writeFileSync(path.join(dir, SOURCE), standIn('sources'));
  fs.mkdirSync(path.join(dir, 'out/cli'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'out/cli/marginalia.mjs'), standIn('build'));
  // Times set by hand: the sources were saved a minute before the build read them.
  const readFrom = Date.now();
  const saved = new Date(readFrom - 60_000);
  fs.utimesSync(path.join(dir, SOURCE), saved, saved);
  fs.writeFileSync(
    path.join(dir, 'out/cli/inputs.json'),
    JSON.stringify({ entry: SOURCE, readFrom, inputs: [SOURCE] }),
  );
  return { dir, readFrom };
}

function bin(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [path.join(dir, 'bin/marginalia.js'), ...args], {
    cwd: dir,
    env: { ...process.env, MARGINALIA_CLI_FROM_SOURCE: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the marginalia bin chooses the build or the sources', () => {
  it('runs the build when no source changed since the build read it, with nothing on stderr', () => {
    const { dir } = project();
    expect(bin(dir, ['0', 'list'])).toEqual({ code: 0, stdout: 'build 0 list\n', stderr: '' });
  });

  it('passes the exit code through from the build and from the sources', () => {
    const { dir } = project();
    expect(bin(dir, ['3']).code).toBe(3);
    fs.rmSync(path.join(dir, 'out'), { recursive: true });
    expect(bin(dir, ['2']).code).toBe(2);
  });

  it('runs the sources through tsx with a one-line note when the CLI is not built', () => {
    const { dir } = project();
    fs.rmSync(path.join(dir, 'out'), { recursive: true });
    const run = bin(dir, ['0', 'list']);
    expect(run.stdout).toBe('sources 0 list\n');
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/the CLI is not built; running the TypeScript sources/);
  });

  it('runs the sources, naming the file, when a source changed after the build read it', () => {
    const { dir, readFrom } = project();
    const later = new Date(readFrom + 60_000);
    fs.utimesSync(path.join(dir, SOURCE), later, later);
    const run = bin(dir, ['0']);
    expect(run.stdout).toBe('sources 0\n');
    expect(run.stderr).toContain(`${SOURCE} changed since the CLI was built`);
  });

  it('runs the sources when a file the build came from is gone', () => {
    const { dir, readFrom } = project();
    fs.writeFileSync(
      path.join(dir, 'out/cli/inputs.json'),
      JSON.stringify({ entry: SOURCE, readFrom, inputs: [SOURCE, 'src/main/gone.ts'] }),
    );
    const run = bin(dir, ['0']);
    expect(run.stdout).toBe('sources 0\n');
    expect(run.stderr).toContain('src/main/gone.ts is gone since the CLI was built');
  });

  it('runs the sources when the build has no list of inputs (a build cut short)', () => {
    const { dir } = project();
    fs.rmSync(path.join(dir, 'out/cli/inputs.json'));
    expect(bin(dir, ['0']).stdout).toBe('sources 0\n');
  });

  it('MARGINALIA_CLI_FROM_SOURCE=1 runs the sources without a note', () => {
    const { dir } = project();
    expect(bin(dir, ['0'], { MARGINALIA_CLI_FROM_SOURCE: '1' })).toEqual({
      code: 0,
      stdout: 'sources 0\n',
      stderr: '',
    });
  });
});

describe('the real build (made by the tests’ global setup)', () => {
  it('lists the CLI’s own sources among its inputs', () => {
    const inputs = JSON.parse(fs.readFileSync(path.join(ROOT, 'out/cli/inputs.json'), 'utf8')) as {
      inputs: string[];
    };
    expect(inputs.inputs).toContain(SOURCE);
    expect(inputs.inputs).toContain('src/main/library.ts');
    expect(inputs.inputs.every((input) => !input.includes('node_modules'))).toBe(true);
  });

  it('runs `list` on a new library in plain Node, without tsx', () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bin-data-'));
    temporary.push(data);
    const build = pathToFileURL(path.join(ROOT, 'out/cli/marginalia.mjs')).href;
    const script =
      `const { runCli } = await import(${JSON.stringify(build)});\n` +
      `process.exitCode = await runCli(['--data-dir', ${JSON.stringify(data)}, 'list']);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^\S+\tNegotiations continue between Western and Russian diplomats\n$/,
    );
  });

  it('keeps the import pipeline out of start-up: `list` on a library loads no parser or exporter', () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bin-data-'));
    temporary.push(data);
    const build = pathToFileURL(path.join(ROOT, 'out/cli/marginalia.mjs')).href;
    const list = () => {
      const run = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { createRequire } from 'node:module';\n` +
            `const { runCli } = await import(${JSON.stringify(build)});\n` +
            `process.exitCode = await runCli(['--data-dir', ${JSON.stringify(data)}, 'list']);\n` +
            `console.error(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
        ],
        { cwd: os.tmpdir(), encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status).toBe(0);
      return JSON.parse(run.stderr) as string[];
    };
    const heavy = [
      'linkedom',
      '@mozilla/readability',
      'markdown-it',
      'prosemirror-markdown',
      'prosemirror-model',
      'yaml',
      'iconv-lite',
      'htmlparser2',
      'hono',
      // The claim finder's NLP library: only `claims suggest` loads it.
      'wink-nlp',
      'wink-eng-lite-web-model',
    ];
    const heavyIn = (loaded: string[]) => [
      ...new Set(heavy.filter((name) => loaded.some((f) => f.includes(`node_modules/${name}/`)))),
    ];
    // The first run makes the library and imports the sample: the record shows the pipeline.
    expect(heavyIn(list())).toEqual(expect.arrayContaining(['linkedom', '@mozilla/readability']));
    // Listing it again loads the SQLite binding and nothing only imports and exports need.
    const loaded = list();
    expect(loaded.some((file) => file.includes('node_modules/better-sqlite3/'))).toBe(true);
    expect(heavyIn(loaded)).toEqual([]);
  });

  it('imports a file, shows it and exports it in plain Node (the pipeline loaded on demand)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bin-data-'));
    temporary.push(dir);
    const data = path.join(dir, 'library');
    const note = path.join(dir, 'field-notes.md');
    fs.writeFileSync(note, '# Field notes\n\nThe *ferry* leaves at dawn.\n');
    const build = pathToFileURL(path.join(ROOT, 'out/cli/marginalia.mjs')).href;
    const cli = (args: readonly string[]) => {
      const script =
        `const { runCli } = await import(${JSON.stringify(build)});\n` +
        `process.exitCode = await runCli(${JSON.stringify(['--data-dir', data, ...args])});`;
      return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: os.tmpdir(),
        encoding: 'utf8',
        timeout: 60_000,
      });
    };
    const imported = cli(['import', note]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const [id, title] = imported.stdout.trimEnd().split('\t');
    expect(title).toBe('Field notes');
    const shown = cli(['show', id!]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('The ferry leaves at dawn.');
    const exported = cli(['export', id!, '--format', 'md']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('title: Field notes');
  });

  it('exits 2 on a usage error and 0 on --help through the real bin', () => {
    const help = spawnSync(process.execPath, ['bin/marginalia.js', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: marginalia');
    const wrong = spawnSync(process.execPath, ['bin/marginalia.js', '--no-such-option'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(wrong.status).toBe(2);
  });
});
