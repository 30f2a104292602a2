/**
 * Opening a damaged library (RELIABILITY line 22): an empty file, a zeroed header, flipped bytes in
 * a page, a truncated file, and after an unclean shutdown damage only the full integrity check
 * sees. Each is found at open, moved aside with its -wal and -shm byte for byte (never deleted),
 * and the newest backup that passes its check is opened in its place, or a new library.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { readBackup, verifyBackupFile } from '../../../src/main/store/backups/read';
import { takeBackup } from '../../../src/main/store/backups/take';
import { NewerDatabaseError, openDatabase } from '../../../src/main/store/connection';
import { findDamage } from '../../../src/main/store/integrity';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/store/migrations/index';
import { openLibraryFile } from '../../../src/main/store/open-library-file';
import { create, idSource, sha256File, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-open-damaged-');
const libraries: Library[] = [];
afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

function open(dataDir: string): Library {
  const lib = openLibrary({ dataDir, newId: idSource(), now: tickingClock() });
  libraries.push(lib);
  return lib;
}

function quotes(lib: Library): string[] {
  return lib.service
    .listAnnotations({ articleId: SAMPLE_ARTICLE_ID })
    .annotations.map((a) => a.quote.exact);
}

function firstWords(lib: Library, from: number, count: number): string {
  return lib.service
    .articleText(SAMPLE_ARTICLE_ID)
    .split(' ')
    .slice(from, from + count)
    .join(' ');
}

/**
 * A closed library with one annotation in its backup and a second one made after the backup,
 * so the test can tell which state was opened.
 */
async function libraryWithBackup(dataDir: string): Promise<{ file: string; backup: string }> {
  const lib = open(dataDir);
  create(lib.service, SAMPLE_ARTICLE_ID, firstWords(lib, 0, 2));
  const backup = await takeBackup(lib.db, lib.file, 'manual', new Date(Date.UTC(2024, 2, 1)));
  create(lib.service, SAMPLE_ARTICLE_ID, firstWords(lib, 3, 2));
  lib.close();
  return { file: lib.file, backup: backup.file };
}

function rootPageOf(file: string, table: string): { page: number; pageSize: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const { rootpage } = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .get(table) as { rootpage: number };
    return { page: rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

const DAMAGES: {
  readonly name: string;
  readonly damage: (file: string) => void;
  readonly problem: RegExp;
}[] = [
  {
    name: 'an empty file',
    damage: (file) => fs.writeFileSync(file, ''),
    problem: /^the file is empty$/,
  },
  {
    name: 'a zeroed header',
    damage: (file) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0);
      fs.closeSync(fd);
    },
    problem: /^the file is not a SQLite database$/,
  },
  {
    name: 'flipped bytes in the page that holds the articles',
    damage: (file) => {
      const { page, pageSize } = rootPageOf(file, 'articles');
      const bytes = fs.readFileSync(file);
      for (let i = 0; i < 12; i++) bytes[(page - 1) * pageSize + i]! ^= 0xff;
      fs.writeFileSync(file, bytes);
    },
    problem: /^SQLite('s check found: | cannot read it \().+/,
  },
  {
    name: 'a file truncated to half its length',
    damage: (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
    problem: /^SQLite('s check found: | cannot read it \().+/,
  },
];

describe('opening a damaged library', () => {
  for (const { name, damage, problem } of DAMAGES) {
    it(`R22 ${name} is found at open, moved aside byte for byte, and the newest verified backup opened`, async () => {
      const dataDir = tempDir();
      const { file, backup } = await libraryWithBackup(dataDir);
      damage(file);
      const damagedHash = sha256File(file);

      const lib = open(dataDir);

      const recovered = lib.status.recovered;
      expect(recovered?.problem).toMatch(problem);
      expect(recovered?.openedFrom).toBe('backup');
      expect(recovered?.backup?.file).toBe(backup);
      expect(path.dirname(recovered!.movedTo)).toBe(path.join(dataDir, 'damaged'));
      expect(sha256File(path.join(recovered!.movedTo, 'marginalia.db'))).toBe(damagedHash);
      // The backup's state: its one annotation, not the one made after it.
      expect(quotes(lib)).toEqual([firstWords(lib, 0, 2)]);
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(lib.service.getLibraryStatus({}).status.recovered).toEqual(recovered);
      // The backup itself is left as it was, to restore again.
      expect(verifyBackupFile(backup)).toBe(true);
    });
  }

  it('R22 with no backup, a damaged file is moved aside and a new library with the sample opened', () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    const file = first.file;
    first.close();
    DAMAGES[2]!.damage(file);
    const damagedHash = sha256File(file);

    const lib = open(dataDir);

    expect(lib.status.recovered).toMatchObject({ openedFrom: 'new', backup: null });
    expect(sha256File(path.join(lib.status.recovered!.movedTo, 'marginalia.db'))).toBe(damagedHash);
    expect(lib.service.listArticles({}).articles.map((a) => a.id)).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('R22 an empty file is not silently taken for a new library: it is reported and moved aside', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'marginalia.db'), '');

    const lib = open(dataDir);

    expect(lib.status.recovered).toMatchObject({
      problem: 'the file is empty',
      openedFrom: 'new',
    });
    expect(fs.readdirSync(lib.status.recovered!.movedTo)).toEqual(['marginalia.db']);
    expect(fs.statSync(path.join(lib.status.recovered!.movedTo, 'marginalia.db')).size).toBe(0);
  });

  it('R22 after an unclean shutdown (a -wal left) the full integrity check runs and finds what quick_check does not', () => {
    // An index that no longer matches its table: quick_check does not compare them.
    const source = tempDir();
    open(source).close();
    const file = path.join(source, 'marginalia.db');
    const raw = new BetterSqlite3(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw
      .prepare(
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX articles_live ON articles (deleted_at, title)' WHERE name = 'articles_live'",
      )
      .run();
    raw.close();
    expect(findDamage(file, { thorough: false })).toBeNull();
    expect(findDamage(file, { thorough: true })).toMatch(/^SQLite's check found: .*articles_live/);

    // Cleanly closed: quick_check only, and the library opens as it is.
    const clean = tempDir();
    fs.copyFileSync(file, path.join(clean, 'marginalia.db'));
    expect(open(clean).status.recovered).toBeNull();

    // The same file with a -wal left behind by a session that never closed.
    const crashed = tempDir();
    const live = new BetterSqlite3(file);
    live.pragma('journal_mode = WAL');
    live.prepare("INSERT INTO meta (key, value) VALUES ('last-session', 'not closed')").run();
    for (const suffix of ['', '-wal', '-shm'])
      fs.copyFileSync(`${file}${suffix}`, path.join(crashed, `marginalia.db${suffix}`));
    live.close();
    const walHash = sha256File(path.join(crashed, 'marginalia.db-wal'));
    const dbHash = sha256File(path.join(crashed, 'marginalia.db'));

    const lib = open(crashed);

    expect(lib.status.recovered?.problem).toMatch(/articles_live/);
    const movedTo = lib.status.recovered!.movedTo;
    expect(fs.readdirSync(movedTo).sort()).toEqual([
      'marginalia.db',
      'marginalia.db-shm',
      'marginalia.db-wal',
    ]);
    expect(sha256File(path.join(movedTo, 'marginalia.db'))).toBe(dbHash);
    expect(sha256File(path.join(movedTo, 'marginalia.db-wal'))).toBe(walHash);
  });

  it('R22 an older backup opened in place of a damaged file is migrated to the latest schema', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'marginalia.db');
    const older = path.join(tempDir(), 'older.db');
    const { db } = openDatabase(older, { migrations: MIGRATIONS.slice(0, LATEST_VERSION - 1) });
    const backupFile = path.join(
      dataDir,
      'backups',
      'marginalia.db.manual.2024-01-01T00-00-00-000Z.bak',
    );
    fs.mkdirSync(path.dirname(backupFile));
    db.prepare('VACUUM INTO ?').run(backupFile);
    db.close();
    fs.writeFileSync(file, 'not a database, just words');

    const opened = openLibraryFile(file, {
      backups: { list: () => [readBackup(backupFile)!], verify: verifyBackupFile },
    });
    try {
      expect(opened.recovered).toMatchObject({
        problem: 'the file is not a SQLite database',
        openedFrom: 'backup',
        backup: { schemaVersion: LATEST_VERSION - 1 },
      });
      expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      opened.db.close();
      opened.session?.end();
    }
  });

  it('R20 a library from a newer version is not taken for damaged: refused, untouched, nothing moved', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'marginalia.db');
    const future = new BetterSqlite3(file);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY) STRICT');
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    future.close();
    const hash = sha256File(file);

    expect(() => open(dataDir)).toThrow(NewerDatabaseError);

    expect(sha256File(file)).toBe(hash);
    expect(fs.readdirSync(dataDir)).toEqual(['marginalia.db']);
  });
});
