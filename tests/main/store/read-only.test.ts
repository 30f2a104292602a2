/**
 * A library that cannot be written (RELIABILITY line 19): a read-only file, a read-only folder.
 * It opens read-only without creating anything beside it, lists its articles, refuses every change
 * with a message that says why, and its bytes and its folder stay exactly as they were. Permission
 * bits do not stop root, so the CLI runs as nobody in a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { createService } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/store/migrations/index';
import { immutableUri } from '../../../src/main/store/sqlite-uri';
import { idSource, serviceErrorOf, sha256File, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-read-only-');
const root = process.cwd();
const CHILD = path.join(root, 'tests/main/store/read-only-cli.child.ts');
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
/** A child process loads the CLI through tsx, as another user with its own (cold) cache. */
const CHILD_TIMEOUT_MS = 120_000;
const libraries: Library[] = [];
afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Why the test cannot run here, or null. */
function cannotRunAsAnotherUser(): string | null {
  if (process.platform === 'win32') return 'no permission bits on Windows';
  if (isRoot && spawnSync('setpriv', ['--version']).status !== 0)
    return 'running as root without setpriv: no user that permission bits stop';
  return null;
}

/** Runs the CLI command lines, in order, in one child process that permission bits stop. */
function cliAsNobody(commands: readonly (readonly string[])[]): CliResult[] {
  const node = [process.execPath, '--import', 'tsx', CHILD, JSON.stringify(commands)];
  const [command, ...args] = isRoot
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...node]
    : node;
  const run = spawnSync(command!, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`the child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CliResult[];
}

/** A folder nobody can reach (mkdtemp makes it 0700), with a library in `lib/` inside it. */
function makeLibrary(): { dataDir: string; file: string } {
  const outer = tempDir();
  fs.chmodSync(outer, 0o755);
  const dataDir = path.join(outer, 'lib');
  const lib = openLibrary({ dataDir, newId: idSource(), now: tickingClock() });
  lib.close();
  return { dataDir, file: lib.file };
}

/** Everything in the folder with its bytes' hash, to compare before and after. */
function snapshot(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dataDir)
      .sort()
      .map((name) => [name, sha256File(path.join(dataDir, name))]),
  );
}

function skipUnlessPossible(context: TestContext): void {
  const reason = cannotRunAsAnotherUser();
  if (reason) context.skip(reason);
}

describe('a library that cannot be written', () => {
  for (const setup of [
    {
      name: 'a read-only file',
      // The folder can be written (so nothing but the file's own bits stops a change).
      lock: (dataDir: string, file: string) => {
        fs.chmodSync(dataDir, 0o777);
        fs.chmodSync(file, 0o444);
      },
      reason: (dataDir: string, file: string) => `the file ${file} is read-only`,
    },
    {
      name: 'a read-only folder',
      lock: (dataDir: string, file: string) => {
        fs.chmodSync(file, 0o644);
        fs.chmodSync(dataDir, 0o555);
      },
      reason: (dataDir: string) => `the folder ${dataDir} cannot be written`,
    },
  ]) {
    it(
      `R19 ${setup.name} opens read-only: articles listed, a change refused with the reason, nothing written`,
      (context) => {
        skipUnlessPossible(context);
        const { dataDir, file } = makeLibrary();
        setup.lock(dataDir, file);
        const before = snapshot(dataDir);

        const d = ['--data-dir', dataDir];
        const [list, del, listAgain] = cliAsNobody([
          [...d, 'list'],
          [...d, 'delete', SAMPLE_ARTICLE_ID],
          [...d, 'list'],
        ]);

        const notice = `Opened read-only (${setup.reason(dataDir, file)}): changes cannot be saved.\n`;
        expect(list).toMatchObject({ code: 0, stderr: notice });
        expect(list!.stdout).toContain(SAMPLE_ARTICLE_ID);
        expect(del!.code).toBe(1);
        expect(del!.stderr).toBe(
          notice +
            `marginalia: This library is open read-only (${setup.reason(dataDir, file)}): ` +
            'nothing was saved.\n',
        );
        expect(listAgain!.stdout).toBe(list!.stdout);
        expect(snapshot(dataDir)).toEqual(before);
      },
      CHILD_TIMEOUT_MS,
    );
  }

  it(
    'R19 a read-only library from an older version is refused, naming the file, and left as it was',
    (context) => {
      skipUnlessPossible(context);
      const outer = tempDir();
      fs.chmodSync(outer, 0o755);
      const dataDir = path.join(outer, 'lib');
      const file = path.join(dataDir, 'marginalia.db');
      openDatabase(file, { migrations: MIGRATIONS.slice(0, LATEST_VERSION - 1) }).db.close();
      fs.chmodSync(dataDir, 0o555);
      const before = snapshot(dataDir);

      const [list] = cliAsNobody([['--data-dir', dataDir, 'list']]);

      expect(list!.code).toBe(1);
      expect(list!.stderr).toContain(`${file} was made by an older version of Marginalia`);
      expect(list!.stderr).toContain(`the folder ${dataDir} cannot be written`);
      expect(snapshot(dataDir)).toEqual(before);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'R22 a damaged file in a folder that cannot be written is reported, naming the file, and left as it is',
    (context) => {
      skipUnlessPossible(context);
      const { dataDir, file } = makeLibrary();
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      fs.chmodSync(dataDir, 0o555);
      const before = snapshot(dataDir);

      const [list] = cliAsNobody([['--data-dir', dataDir, 'list']]);

      expect(list!.code).toBe(1);
      expect(list!.stderr.startsWith(`marginalia: ${file} is damaged (SQLite`)).toBe(true);
      expect(list!.stderr).toContain(`because the folder ${dataDir} cannot be written`);
      expect(snapshot(dataDir)).toEqual(before);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'R22 a damaged read-only file that another Marginalia has open is not moved aside, even by another user',
    async (context) => {
      skipUnlessPossible(context);
      const { dataDir, file } = makeLibrary();
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      fs.chmodSync(dataDir, 0o777);
      fs.chmodSync(file, 0o444);
      const hash = sha256File(file);
      // Another Marginalia, run by root: nobody cannot signal it (EPERM), and that counts as alive.
      const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => other.once('exit', resolve));
      try {
        fs.mkdirSync(path.join(dataDir, '.sessions'), { mode: 0o777 });
        fs.chmodSync(path.join(dataDir, '.sessions'), 0o777);
        fs.writeFileSync(
          path.join(dataDir, '.sessions', `${other.pid}-0123456789ab`),
          JSON.stringify({ pid: other.pid, hostname: os.hostname() }),
        );

        const [refused] = cliAsNobody([['--data-dir', dataDir, 'list']]);

        expect(refused!.code).toBe(1);
        expect(refused!.stderr).toMatch(
          new RegExp(
            `looks damaged \\(SQLite.*\\), but another Marginalia \\(process ${other.pid}\\) ` +
              'has it open: close it, then open the library again. Nothing was moved.',
          ),
        );
        expect(sha256File(file)).toBe(hash);
        expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
      } finally {
        other.kill('SIGKILL');
        await exited;
      }

      // Once it is gone, the damage is confirmed and the file moved aside.
      const [recovered] = cliAsNobody([['--data-dir', dataDir, 'list']]);
      expect(recovered!.code).toBe(0);
      expect(recovered!.stderr).toContain(`The library ${file} was damaged (SQLite`);
      expect(fs.readdirSync(path.join(dataDir, 'damaged')).length).toBe(1);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'R19 a read-only folder holding a -wal from a session that never closed: its changes are read, nothing written',
    (context) => {
      skipUnlessPossible(context);
      const source = tempDir();
      const lib = openLibrary({ dataDir: source, newId: idSource(), now: tickingClock() });
      libraries.push(lib);
      const added = lib.service.importBytes(
        'later.txt',
        new TextEncoder().encode('Later\n\nAn article that is only in the WAL.'),
      ).article.id;
      // A copy taken while the library is open is what a crash leaves: the file, its -wal, its -shm.
      const outer = tempDir();
      fs.chmodSync(outer, 0o755);
      const dataDir = path.join(outer, 'lib');
      fs.mkdirSync(dataDir);
      for (const suffix of ['', '-wal', '-shm'])
        fs.copyFileSync(`${lib.file}${suffix}`, path.join(dataDir, `marginalia.db${suffix}`));
      expect(fs.statSync(path.join(dataDir, 'marginalia.db-wal')).size).toBeGreaterThan(0);
      fs.chmodSync(dataDir, 0o555);
      const before = snapshot(dataDir);

      const [list, del] = cliAsNobody([
        ['--data-dir', dataDir, 'list'],
        ['--data-dir', dataDir, 'delete', added],
      ]);

      expect(list).toMatchObject({ code: 0 });
      expect(list!.stderr).toMatch(/^Opened read-only \(the folder .* cannot be written\)/);
      expect(list!.stdout).toContain(added);
      expect(del!.code).toBe(1);
      expect(del!.stderr).toContain('This library is open read-only');
      expect(snapshot(dataDir)).toEqual(before);
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('opening a file immutable', () => {
  it('R19 a path with ?, #, % and spaces opens by its URI, read-only, with nothing created beside it', () => {
    const folder = path.join(tempDir(), 'odd ?name# 100%25 here');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'marginalia.db');
    const { db: writer } = openDatabase(file);
    writer.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'found')").run();
    writer.close();
    const before = fs.readdirSync(folder);

    const db = new BetterSqlite3(immutableUri(file), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({
        value: 'found',
      });
      expect(() => db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run()).toThrow(
        /readonly/,
      );
    } finally {
      db.close();
    }
    expect(fs.readdirSync(folder)).toEqual(before);
  });
});

describe('the service over a read-only library', () => {
  it('R19 refuses every change before trying it, saying why, and seeds no sample', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    openDatabase(file).db.close();
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const changesBefore = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const service = createService({
        db,
        newId: idSource(),
        readOnly: { reason: `the folder ${os.tmpdir()} cannot be written` },
        sample: { id: SAMPLE_ARTICLE_ID, fileName: 'sample.txt', bytes: new Uint8Array([65]) },
      });
      expect(service.listArticles({}).articles).toEqual([]);
      const refused = serviceErrorOf(() =>
        service.importArticle({ fileName: 'a.txt', contentBase64: 'QQ==' }),
      );
      expect(refused.code).toBe('read_only');
      expect(refused.message).toBe(
        `This library is open read-only (the folder ${os.tmpdir()} cannot be written): ` +
          'nothing was saved.',
      );
      expect(serviceErrorOf(() => service.updateSettings({ patch: {} })).code).toBe('read_only');
      expect(
        serviceErrorOf(() => service.setReadingPosition({ articleId: 'x', offset: 0 })).code,
      ).toBe('not_found');
      expect((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(
        changesBefore,
      );
    } finally {
      db.close();
    }
  });

  it('R19 an import from an address is refused before anything is fetched', async () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db } = openDatabase(file);
    try {
      const service = createService({ db, newId: idSource(), readOnly: { reason: 'testing' } });
      await expect(service.importUrl({ url: 'http://192.0.2.1/never-fetched' })).rejects.toThrow(
        'This library is open read-only (testing): nothing was saved.',
      );
    } finally {
      db.close();
    }
  });
});
