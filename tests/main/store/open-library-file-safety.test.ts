/**
 * Moving a damaged library aside only when it is safe (RELIABILITY lines 20 and 22): never while
 * another process has it open, never on the word of a lock-free read alone, never a newer
 * library, never half (a -wal separated from its file), and a recovery cut short is finished at
 * the next open instead of silently making a new library.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { listBackups, verifyBackupFile } from '../../../src/main/store/backups/read';
import { takeBackup } from '../../../src/main/store/backups/take';
import { NewerDatabaseError } from '../../../src/main/store/connection';
import { LATEST_VERSION } from '../../../src/main/store/migrations/index';
import { moveFile } from '../../../src/main/store/move-aside';
import {
  DamagedLibraryError,
  LibraryInUseError,
  openLibraryFile,
  type LibraryFileOptions,
} from '../../../src/main/store/open-library-file';
import { immutableUri } from '../../../src/main/store/sqlite-uri';
import { create, idSource, sha256File, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-open-safely-');
const libraries: Library[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function open(dataDir: string): Library {
  const lib = openLibrary({ dataDir, newId: idSource(), now: tickingClock() });
  libraries.push(lib);
  return lib;
}

const BACKUPS: LibraryFileOptions['backups'] = { list: listBackups, verify: verifyBackupFile };

/** openLibraryFile with this library's backups; the test's afterEach closes what it opened. */
function openFile(file: string, io: LibraryFileOptions['io']) {
  const opened = openLibraryFile(file, { backups: BACKUPS, now: tickingClock(), io });
  libraries.push({
    close: () => {
      opened.db.close();
      opened.session?.end();
    },
  } as Library);
  return opened;
}

function quotes(lib: Library): string[] {
  return lib.service
    .listAnnotations({ articleId: SAMPLE_ARTICLE_ID })
    .annotations.map((a) => a.quote.exact);
}

/** A closed library holding one annotation in its backup and a second one made after it. */
async function libraryWithBackup(dataDir: string): Promise<{ file: string; backup: string }> {
  const lib = open(dataDir);
  create(lib.service, SAMPLE_ARTICLE_ID, 'NATO');
  const backup = await takeBackup(lib.db, lib.file, 'manual', new Date(Date.UTC(2024, 2, 1)));
  create(lib.service, SAMPLE_ARTICLE_ID, 'Moscow');
  lib.close();
  libraries.splice(libraries.indexOf(lib), 1);
  return { file: lib.file, backup: backup.file };
}

/** Flips bytes in the page that holds the articles table: SQLite's check finds it. */
function flipBytes(file: string): void {
  // Immutable: a plain read-only connection would leave a -wal and -shm behind.
  const db = new BetterSqlite3(immutableUri(file), { readonly: true, fileMustExist: true });
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'articles'")
    .get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = fs.readFileSync(file);
  for (let i = 0; i < 12; i++) bytes[(rootpage - 1) * pageSize + i]! ^= 0xff;
  fs.writeFileSync(file, bytes);
}

/** A process that keeps running until killed, standing in for another Marginalia. */
function liveProcess(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  children.push(child);
  expect(child.pid).toBeTypeOf('number');
  return child as ChildProcess & { pid: number };
}

/** Writes the session entry another Marginalia in process `pid` would have written. */
function sessionEntryOf(dataDir: string, pid: number, content?: string): string {
  const entry = path.join(dataDir, '.sessions', `${pid}-0123456789ab`);
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(
    entry,
    content ??
      JSON.stringify({ pid, hostname: os.hostname(), startedAt: new Date().toISOString() }),
  );
  return entry;
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a damaged library another process has open', () => {
  it('R22 a library in use by another live process is never moved aside, even when it looks damaged', async () => {
    const dataDir = tempDir();
    const { file } = await libraryWithBackup(dataDir);
    flipBytes(file);
    const hash = sha256File(file);
    const other = liveProcess();
    const entry = sessionEntryOf(dataDir, other.pid);

    const error = errorOf(() => open(dataDir));

    expect(error).toBeInstanceOf(LibraryInUseError);
    expect(error.message).toMatch(
      new RegExp(
        `^${escape(file)} looks damaged \\(SQLite.+\\), but another Marginalia \\(process ` +
          `${other.pid}\\) has it open: close it, then open the library again\\. Nothing was moved\\.$`,
      ),
    );
    expect(sha256File(file)).toBe(hash);
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
    // Our own entry went with the failed open; the other process's stays.
    expect(fs.readdirSync(path.join(dataDir, '.sessions'))).toEqual([path.basename(entry)]);

    // Once that process is gone its entry is stale, and the recovery goes ahead.
    const exited = new Promise((resolve) => other.once('exit', resolve));
    other.kill('SIGKILL');
    await exited;
    const lib = open(dataDir);
    expect(lib.status.recovered?.openedFrom).toBe('backup');
    expect(quotes(lib)).toEqual(['NATO']);
    expect(fs.existsSync(entry)).toBe(false);
  });

  it('R22 a 0-byte file another process has just created is not moved aside as empty', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'marginalia.db');
    const other = liveProcess();
    // Its entry may itself be half-written: the pid in the name is enough.
    sessionEntryOf(dataDir, other.pid, '');
    fs.writeFileSync(file, '');

    const error = errorOf(() => open(dataDir));

    expect(error).toBeInstanceOf(LibraryInUseError);
    expect(error.message).toBe(
      `${file} looks damaged (the file is empty), but another Marginalia (process ${other.pid}) ` +
        'has it open: close it, then open the library again. Nothing was moved.',
    );
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });

  it('R22 when this process cannot note that it has the library open, nothing is moved aside', () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    first.close();
    flipBytes(first.file);
    const hash = sha256File(first.file);
    fs.writeFileSync(path.join(dataDir, '.sessions'), 'in the way');

    const error = errorOf(() => open(dataDir));

    expect(error).toBeInstanceOf(DamagedLibraryError);
    expect(error.message).toContain(
      `because no note that this Marginalia has it open could be written in ${dataDir}`,
    );
    expect(sha256File(first.file)).toBe(hash);
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });
});

describe('damage seen without locks', () => {
  it('R22 damage seen through the immutable read is confirmed with locks before anything moves', async () => {
    const dataDir = tempDir();
    const { file } = await libraryWithBackup(dataDir);
    const sound = fs.readFileSync(file);
    flipBytes(file);
    let looks = 0;

    // Between the two looks the file becomes whole again, as when another process's checkpoint
    // the lock-free read saw half of has finished.
    const opened = openFile(file, {
      beforeConfirmingDamage: () => {
        looks++;
        fs.writeFileSync(file, sound);
      },
    });

    expect(looks).toBe(1);
    expect(opened.recovered).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
    const count = opened.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number };
    expect(count.n).toBe(2);
  });
});

describe('a library from a newer version', () => {
  it('R20 a newer library with a -wal and a schema this version cannot read is refused, not moved', () => {
    // What a newer Marginalia (and SQLite) leaves after a crash: its schema, which this SQLite
    // cannot parse, and its version, both only in the -wal.
    const source = path.join(tempDir(), 'marginalia.db');
    const future = new BetterSqlite3(source);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY)');
    future.pragma('wal_checkpoint(TRUNCATE)');
    future.pragma('wal_autocheckpoint = 0');
    future.unsafeMode(true);
    future.pragma('writable_schema = ON');
    future
      .prepare(
        "UPDATE sqlite_schema SET sql = 'CREATE TABLE future_things (id TEXT PRIMARY KEY) WITH FUTURE SYNTAX' WHERE name = 'future_things'",
      )
      .run();
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const dataDir = tempDir();
    const file = path.join(dataDir, 'marginalia.db');
    for (const suffix of ['', '-wal', '-shm'])
      fs.copyFileSync(`${source}${suffix}`, `${file}${suffix}`);
    future.close();
    const hashes = ['', '-wal'].map((suffix) => sha256File(`${file}${suffix}`));

    expect(() => open(dataDir)).toThrow(NewerDatabaseError);

    expect(['', '-wal'].map((suffix) => sha256File(`${file}${suffix}`))).toEqual(hashes);
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });
});

describe('a recovery that does not finish', () => {
  it('R22 a recovery cut short by a failed copy of the backup is finished at the next open, and reported', async () => {
    const dataDir = tempDir();
    const { file, backup } = await libraryWithBackup(dataDir);
    flipBytes(file);
    const damagedHash = sha256File(file);
    const diskFull = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), {
        code: 'ENOSPC',
      });
    };

    expect(() => openFile(file, { copyIntoPlace: diskFull })).toThrow(/ENOSPC/);
    expect(fs.existsSync(file)).toBe(false);
    const marker = path.join(dataDir, 'damaged', 'PENDING');
    const pending = JSON.parse(fs.readFileSync(marker, 'utf8')) as { movedTo: string };

    const lib = open(dataDir);

    expect(lib.status.recovered).toMatchObject({
      problem: expect.stringMatching(/^SQLite/),
      movedTo: pending.movedTo,
      openedFrom: 'backup',
      backup: { file: backup },
    });
    expect(quotes(lib)).toEqual(['NATO']);
    expect(sha256File(path.join(pending.movedTo, 'marginalia.db'))).toBe(damagedHash);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(`${file}.restoring`)).toBe(false);
  });

  it('R22 a move aside that fails part way moves back what it moved: the library keeps its -wal', () => {
    // A library left with its -wal by a session that never closed, then found damaged.
    const source = tempDir();
    const live = open(source);
    create(live.service, SAMPLE_ARTICLE_ID, 'NATO');
    const dataDir = tempDir();
    const file = path.join(dataDir, 'marginalia.db');
    for (const suffix of ['', '-wal', '-shm'])
      fs.copyFileSync(`${live.file}${suffix}`, `${file}${suffix}`);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    fs.closeSync(fd);
    const names = ['marginalia.db', 'marginalia.db-shm', 'marginalia.db-wal'];
    const hashes = names.map((name) => sha256File(path.join(dataDir, name)));
    const moves: string[] = [];

    expect(() =>
      openFile(file, {
        moveFile: (from, to) => {
          moves.push(path.basename(from));
          if (from === file)
            throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
          moveFile(from, to);
        },
      }),
    ).toThrow(/EIO/);

    expect(moves).toEqual(['marginalia.db-wal', 'marginalia.db-shm', 'marginalia.db']);
    expect(names.map((name) => sha256File(path.join(dataDir, name)))).toEqual(hashes);
    expect(fs.readdirSync(path.join(dataDir, 'damaged'))).toEqual([]);

    // Nothing is lost by the failure: the next open moves all three aside together.
    const lib = open(dataDir);
    expect(lib.status.recovered?.problem).toBe('the file is not a SQLite database');
    const movedTo = lib.status.recovered!.movedTo;
    expect(names.map((name) => sha256File(path.join(movedTo, name)))).toEqual(hashes);
  });
});
