/**
 * The library as every entry point opens it: its status (what opening found), its automatic
 * backups, and a library another Marginalia is writing to at the same moment (RELIABILITY line
 * 24): the CLI waits its turn and corrupts nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { openLibrary, type Library } from '../../src/main/library';
import { createService } from '../../src/main/service';
import { SAMPLE_ARTICLE_ID } from '../../src/main/sample';
import { idSource, serviceErrorOf, tickingClock, useTempDirs } from './helpers';
import { holdWriteLock } from './write-lock-holder';

const tempDir = useTempDirs('marginalia-library-');
const driver = createRequire(import.meta.url).resolve('better-sqlite3');
const libraries: Library[] = [];
afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

function open(dataDir: string): Library {
  const lib = openLibrary({ dataDir, newId: idSource(), now: tickingClock() });
  libraries.push(lib);
  return lib;
}

function integrity(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

async function poll<T>(read: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the library status', () => {
  it('says where the library and its backups are, and that nothing was wrong at open', () => {
    const dataDir = tempDir();
    const lib = open(dataDir);
    const expected = {
      file: path.join(dataDir, 'marginalia.db'),
      backupsFolder: path.join(dataDir, 'backups'),
      readOnly: null,
      recovered: null,
    };
    expect(lib.status).toEqual(expected);
    expect(lib.service.getLibraryStatus({})).toEqual({ status: expected });
  });
});

describe('backups through the service', () => {
  it('backupNow is listed by listBackups, and restoreBackup brings its state back', async () => {
    const lib = open(tempDir());
    const { backup } = await lib.service.backupNow({});
    expect(lib.service.listBackups({}).backups.map((b) => b.file)).toContain(backup.file);
    lib.service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expect(lib.service.listArticles({}).articles).toEqual([]);

    const outcome = await lib.service.restoreBackup({ file: backup.file });

    expect(outcome.restored.file).toBe(backup.file);
    expect(lib.service.listArticles({}).articles.map((a) => a.id)).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('R25 a write while restoreBackup is under way is refused at once as busy, not left waiting on the restore', async () => {
    const lib = open(tempDir());
    const { backup } = await lib.service.backupNow({});

    const restoring = lib.service.restoreBackup({ file: backup.file });
    const error = serviceErrorOf(() =>
      lib.service.updateArticle({ id: SAMPLE_ARTICLE_ID, title: 'During the restore' }),
    );
    await restoring;

    expect([error.code, error.message]).toEqual([
      'busy',
      'A restore from backup is under way; try again in a moment.',
    ]);
    lib.service.updateArticle({ id: SAMPLE_ARTICLE_ID, title: 'After the restore' });
    expect(lib.service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.title).toBe(
      'After the restore',
    );
  });
});

describe('automatic backups', () => {
  it('startBackups takes the due daily backup of the open library', async () => {
    const dataDir = tempDir();
    const lib = open(dataDir);
    const errors: unknown[] = [];
    const schedule = lib.startBackups({ onError: (error) => errors.push(error) });
    const backups = await poll(() => {
      const names = fs.existsSync(lib.status.backupsFolder)
        ? fs.readdirSync(lib.status.backupsFolder).filter((n) => n.endsWith('.bak'))
        : [];
      return names.some((n) => n.includes('.daily.')) ? names : null;
    }, 'a daily backup');
    await schedule.idle();
    expect(backups.some((n) => n.includes('.daily.'))).toBe(true);
    expect(errors).toEqual([]);
    schedule.stop();
  });
});

/** Another process holding the library's write lock (an open write transaction) for `holdMs`. */
function lockInAnotherProcess(file: string, holdMs: number) {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `
      const Database = require(process.argv[1]);
      const db = new Database(process.argv[2]);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO meta (key, value) VALUES ('holder', 'was here')").run();
      process.stdout.write('locked\\n');
      setTimeout(() => {
        db.exec('COMMIT');
        process.stdout.write('committed\\n');
        db.close();
      }, Number(process.argv[3]));
      `,
      driver,
      file,
      String(holdMs),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  holder.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => holder.on('exit', resolve));
  return {
    locked: poll(() => (output.includes('locked') ? true : null), 'the lock'),
    output: () => output,
    exited,
  };
}

describe('a library another Marginalia is writing to', () => {
  it('R24 the CLI waits for a write lock another process holds, then stores its change; both writes are there', async () => {
    const dataDir = tempDir();
    open(dataDir).close();
    const file = path.join(dataDir, 'marginalia.db');
    const holder = lockInAnotherProcess(file, 1500);
    await holder.locked;

    let stdout = '';
    let stderr = '';
    const code = await runCli(['--data-dir', dataDir, 'delete', SAMPLE_ARTICLE_ID], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: {},
    });
    expect(await holder.exited).toBe(0);

    // The command began while the lock was held (the holder keeps it well past the command's
    // start; how the wait and the retries work is shown deterministically in the tests below).
    // Whatever the order, both changes are stored and the file is sound.
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^deleted\t/);
    expect(holder.output()).toContain('committed');
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(db.prepare("SELECT value FROM meta WHERE key = 'holder'").get()).toEqual({
        value: 'was here',
      });
      expect(
        db
          .prepare('SELECT deleted_at IS NOT NULL AS gone FROM articles WHERE id = ?')
          .get(SAMPLE_ARTICLE_ID),
      ).toEqual({ gone: 1 });
    } finally {
      db.close();
    }
    expect(integrity(file)).toBe('ok');
  }, 30_000);

  /** A second service over the library's own connection, pausing through `pause`. */
  function serviceOver(lib: Library, pause: (ms: number) => void) {
    return createService({ db: lib.db, newId: idSource(0x9000), pauseBeforeRetry: pause });
  }

  it('R24 a write that finds the lock still taken after the busy timeout is tried again, and stored', async () => {
    const lib = open(tempDir());
    lib.db.pragma('busy_timeout = 50'); // BUSY after 50 ms: the retries do the waiting
    const lock = await holdWriteLock(lib.file, {
      sql: "INSERT INTO meta (key, value) VALUES ('holder', 'was here')",
      params: [],
    });
    const service = serviceOver(lib, lock.letGo); // lets the lock go at the first pause

    service.updateArticle({ id: SAMPLE_ARTICLE_ID, title: 'Renamed while busy' });

    await lock.finish();
    expect(lock.pauses).toEqual([250]);
    expect(lib.service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.title).toBe(
      'Renamed while busy',
    );
    expect(lib.db.prepare("SELECT value FROM meta WHERE key = 'holder'").get()).toEqual({
      value: 'was here',
    });
  });

  it('R24 a write that never gets the lock is refused with a clear message, and nothing is stored', async () => {
    const lib = open(tempDir());
    lib.db.pragma('busy_timeout = 50');
    const before = lib.service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.title;
    const lock = await holdWriteLock(lib.file); // held until finish(), after the write gave up
    const service = serviceOver(lib, lock.keep);

    const error = serviceErrorOf(() =>
      service.updateArticle({ id: SAMPLE_ARTICLE_ID, title: 'Never stored' }),
    );

    expect(error.message).toBe(
      'The library is busy in another Marginalia (the app or a command); try again.',
    );
    expect(lock.pauses).toEqual([250, 750]);
    await lock.finish();
    expect(lib.service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.title).toBe(before);
    expect(integrity(lib.file)).toBe('ok');
  });
});
