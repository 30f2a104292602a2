import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  backupsFolderOf,
  listBackups,
  readBackup,
  restoreFromBackup,
  takeBackup,
  verifyBackupFile,
} from '../../../src/main/store/backups/index';
import { LATEST_VERSION, openDatabase } from '../../../src/main/store/connection';
import { MIGRATIONS } from '../../../src/main/store/migrations/index';
import { ServiceError } from '../../../src/shared/contract/errors';
import { BackupSchema } from '../../../src/shared/contract/library-safety';
import { sha256File, useTempDirs } from '../helpers';
import { countsOfFile, databaseAtVersion, liveCounts, makeLibrary } from './backups-fixtures';

const tempDir = useTempDirs('marginalia-backups-');
const T0 = new Date('2024-03-04T05:06:07.089Z');

function integrity(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

/** Overwrites the cell pointers of the articles table's first page: integrity_check sees it. */
function flipBytesInPage(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'")
    .get() as { rootpage: number };
  db.close();
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const start = (rootpage - 1) * pageSize;
  for (let i = 8; i < 40; i++) bytes[start + i] = 0xff - (bytes[start + i] ?? 0);
  fs.writeFileSync(file, bytes);
}

describe('takeBackup', () => {
  it('writes a verified single-file copy named by kind and time into <library folder>/backups', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 3);
    try {
      const backup = await takeBackup(library.db, library.file, 'manual', T0);
      expect(BackupSchema.parse(backup)).toEqual(backup);
      expect(backup.file).toBe(
        path.join(dir, 'backups', 'marginalia.db.manual.2024-03-04T05-06-07-089Z.bak'),
      );
      expect(backupsFolderOf(library.file)).toBe(path.join(dir, 'backups'));
      expect(backup).toMatchObject({
        kind: 'manual',
        createdAt: T0.toISOString(),
        schemaVersion: LATEST_VERSION,
        ...liveCounts(library.db),
        bytes: fs.statSync(backup.file).size,
      });
      expect(backup.annotations).toBe(3);
      expect(integrity(backup.file)).toBe('ok');
      // Reading and listing it leave nothing beside it: no -wal, no -shm, no partial copy.
      expect(readBackup(backup.file)).toEqual(backup);
      expect(listBackups(library.file)).toEqual([backup]);
      expect(verifyBackupFile(backup.file)).toBe(true);
      expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(backup.file)]);
    } finally {
      library.close();
    }
  });

  it('keeps two backups of the same millisecond apart with a counter, and lists them newest first', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 1);
    try {
      const first = await takeBackup(library.db, library.file, 'manual', T0);
      const second = await takeBackup(library.db, library.file, 'manual', T0);
      const third = await takeBackup(library.db, library.file, 'daily', new Date(T0.getTime() + 1));
      expect(path.basename(second.file)).toBe(
        'marginalia.db.manual.2024-03-04T05-06-07-089Z-1.bak',
      );
      expect(listBackups(library.file).map((b) => b.file)).toEqual([
        third.file,
        second.file,
        first.file,
      ]);
    } finally {
      library.close();
    }
  });

  it('R23 a backup taken while another thread keeps writing passes integrity_check and holds only whole, committed transactions', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 0);
    library.db.exec('CREATE TABLE stress (id INTEGER PRIMARY KEY, batch INTEGER, body TEXT)');
    const require = createRequire(import.meta.url);
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(workerData.file);
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = FULL');
      const insert = db.prepare('INSERT INTO stress (batch, body) VALUES (?, ?)');
      const batch = db.transaction((n) => { for (let i = 0; i < 50; i++) insert.run(n, 'x'.repeat(500)); });
      let stop = false;
      parentPort.on('message', () => { stop = true; });
      let n = 0;
      const loop = () => {
        if (stop) { db.close(); parentPort.postMessage({ batches: n }); return; }
        batch(n++);
        if (n === 3) parentPort.postMessage('writing');
        setImmediate(loop);
      };
      loop();
      `,
      { eval: true, workerData: { file: library.file, driver: require.resolve('better-sqlite3') } },
    );
    const finished = new Promise<{ batches: number }>((resolve, reject) => {
      worker.on('message', (m) => {
        if (typeof m === 'object') resolve(m as { batches: number });
      });
      worker.on('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });

    const backups = [];
    try {
      for (let i = 0; i < 5; i++) {
        backups.push(
          await takeBackup(library.db, library.file, 'manual', new Date(T0.getTime() + i)),
        );
      }
    } finally {
      worker.postMessage('stop');
    }
    const { batches } = await finished;
    await worker.terminate();

    expect(batches).toBeGreaterThanOrEqual(3);
    let previous = 0;
    for (const backup of backups) {
      expect(integrity(backup.file)).toBe('ok');
      const copy = new BetterSqlite3(backup.file, { readonly: true });
      try {
        const rows = copy
          .prepare('SELECT batch, count(*) AS n FROM stress GROUP BY batch')
          .all() as { batch: number; n: number }[];
        // Whole transactions only, and never fewer than an earlier copy.
        for (const { n } of rows) expect(n).toBe(50);
        expect(rows.length).toBeGreaterThanOrEqual(previous);
        previous = rows.length;
      } finally {
        copy.close();
      }
    }
    library.close();
    expect(integrity(library.file)).toBe('ok');
  });
});

describe('readBackup and listBackups', () => {
  it('read the schema version and live counts of a backup at every schema version', () => {
    const dir = tempDir();
    for (let version = 1; version <= LATEST_VERSION; version++) {
      const file = path.join(dir, `v${version}.db`);
      databaseAtVersion(file, version);
      // Rollback-journal mode, as our backups are (a WAL file would be refused as not one).
      const db = new BetterSqlite3(file);
      db.pragma('journal_mode = DELETE');
      db.close();
      expect(readBackup(file), `schema ${version}`).toMatchObject({
        schemaVersion: version,
        articles: 2,
        annotations: 2,
        kind: 'manual',
      });
    }
  });

  it('answer null for what is not a readable SQLite file, and list only our sound backups', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 1);
    try {
      const good = await takeBackup(library.db, library.file, 'daily', T0);
      const folder = path.dirname(good.file);
      const empty = path.join(folder, 'marginalia.db.daily.2024-03-05T00-00-00-000Z.bak');
      const text = path.join(folder, 'marginalia.db.manual.2024-03-06T00-00-00-000Z.bak');
      fs.writeFileSync(empty, '');
      fs.writeFileSync(text, 'not a database at all, just words '.repeat(20));
      const foreign = path.join(folder, 'other.db.daily.2024-03-07T00-00-00-000Z.bak');
      fs.copyFileSync(good.file, foreign);
      const unnamed = path.join(folder, 'copy-of-a-backup.db');
      fs.copyFileSync(good.file, unnamed);

      expect(readBackup(empty)).toBeNull();
      expect(readBackup(text)).toBeNull();
      expect(readBackup(path.join(folder, 'missing.bak'))).toBeNull();
      expect(readBackup(folder)).toBeNull();
      expect(verifyBackupFile(text)).toBe(false);
      // A file not named as a backup still reads (as manual, dated by its modification time) …
      expect(readBackup(unnamed)).toMatchObject({ kind: 'manual', annotations: 1 });
      // … but only files named as this library's backups are listed.
      expect(listBackups(library.file).map((b) => b.file)).toEqual([good.file]);
    } finally {
      library.close();
    }
  });

  it('lists a pre-migration backup taken at open, and one in the old naming, as before-migration', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    databaseAtVersion(file, LATEST_VERSION - 1);
    const opened = openDatabase(file, { now: () => T0 });
    try {
      expect(path.basename(opened.backupFile!)).toBe(
        'marginalia.db.before-migration.2024-03-04T05-06-07-089Z.bak',
      );
      const old = path.join(dir, 'backups', 'marginalia.db.v3.2023-01-02T03-04-05-006Z.bak');
      databaseAtVersion(old, 3);
      const db = new BetterSqlite3(old);
      db.pragma('journal_mode = DELETE');
      db.close();

      const listed = listBackups(file);
      expect(listed.map((b) => [path.basename(b.file), b.kind, b.schemaVersion])).toEqual([
        [path.basename(opened.backupFile!), 'before-migration', LATEST_VERSION - 1],
        [path.basename(old), 'before-migration', 3],
      ]);
      expect(listed[1]!.createdAt).toBe('2023-01-02T03:04:05.006Z');
    } finally {
      opened.db.close();
    }
    expect(MIGRATIONS.length).toBe(LATEST_VERSION);
  });
});

describe('a damaged backup', () => {
  it('is not verified, not offered, and not restored; the library is unchanged', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    try {
      const sound = await takeBackup(library.db, library.file, 'daily', T0);
      const damaged = await takeBackup(library.db, library.file, 'manual', new Date(+T0 + 1000));
      flipBytesInPage(damaged.file);

      expect(verifyBackupFile(damaged.file)).toBe(false);
      expect(verifyBackupFile(sound.file)).toBe(true);
      expect(listBackups(library.file).map((b) => b.file)).toEqual([sound.file]);

      const folderBefore = fs.readdirSync(path.dirname(sound.file)).sort();
      const countsBefore = liveCounts(library.db);
      const error = await restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: damaged.file,
        now: new Date(+T0 + 2000),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('invalid_request');
      expect((error as ServiceError).message).toContain(damaged.file);
      expect((error as ServiceError).message).toMatch(/damaged/);
      // No before-restore copy, no temporary file; the damaged file is left where it was.
      expect(fs.readdirSync(path.dirname(sound.file)).sort()).toEqual(folderBefore);
      expect(liveCounts(library.db)).toEqual(countsBefore);
      expect(countsOfFile(sound.file)).toEqual(countsBefore);
    } finally {
      library.close();
    }
  });

  it('a backup file changed after it was listed is checked again before a restore', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    try {
      const backup = await takeBackup(library.db, library.file, 'daily', T0);
      expect(listBackups(library.file)).toHaveLength(1);
      const before = sha256File(backup.file);
      flipBytesInPage(backup.file);
      expect(sha256File(backup.file)).not.toBe(before);
      await expect(
        restoreFromBackup({
          db: library.db,
          libraryFile: library.file,
          backupFile: backup.file,
          now: new Date(+T0 + 1000),
        }),
      ).rejects.toThrow(/damaged/);
    } finally {
      library.close();
    }
  });
});
