import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  LATEST_VERSION,
  MigrationError,
  NewerDatabaseError,
  backupDatabase,
  openDatabase,
} from '../../../src/main/store/connection';
import type { Migration } from '../../../src/main/store/migrations/types';
import { listBackups, verifyBackupFile } from '../../../src/main/store/backups/index';
import { sha256File, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-connection-');

const v1: Migration = {
  version: 1,
  name: 'notes',
  up(db) {
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  },
};
const v2: Migration = {
  version: 2,
  name: 'labels',
  up(db) {
    db.exec('CREATE TABLE labels (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
    db.exec("ALTER TABLE notes ADD COLUMN colour TEXT NOT NULL DEFAULT 'yellow'");
  },
};
const v2Broken: Migration = {
  version: 2,
  name: 'half-done',
  up(db) {
    db.exec('CREATE TABLE half_created (id INTEGER PRIMARY KEY) STRICT');
    db.exec('INSERT INTO half_created (id) VALUES (1)');
    db.exec("UPDATE notes SET body = 'clobbered'");
    throw new Error('boom in the middle of migration 2');
  },
};
const v3Broken: Migration = { ...v2Broken, version: 3, name: 'broken-three' };

function tableNames(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function integrity(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

function userVersionOf(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** A v1 library with two notes in it, closed. */
function makeV1Library(file: string): void {
  const { db } = openDatabase(file, { migrations: [v1] });
  db.prepare('INSERT INTO notes (body) VALUES (?), (?)').run('first note', 'second note');
  db.close();
}

/** A database as a newer Marginalia would leave it: WAL mode, a schema version we do not know. */
function makeNewerDatabase(file: string, version: number, wal: boolean): void {
  const db = new BetterSqlite3(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY, payload TEXT) STRICT');
  db.prepare('INSERT INTO future_things VALUES (?, ?)').run('a', 'from the future');
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe('openDatabase on a new file', () => {
  it('creates the folder and sets WAL, synchronous FULL, foreign keys, busy timeout and the latest version', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested', 'library', 'marginalia.db');
    const opened = openDatabase(file);
    try {
      const { db } = opened;
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
      expect(opened.previousVersion).toBe(0);
      expect(opened.backupFile).toBeNull();
      // Nothing to back up for a brand-new library.
      expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    } finally {
      opened.db.close();
    }
    // WAL is a property of the file: a fresh connection sees it too.
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('reopening a library at the latest version migrates nothing and takes no backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    openDatabase(file).db.close();
    const again = openDatabase(file);
    try {
      expect(again.previousVersion).toBe(LATEST_VERSION);
      expect(again.backupFile).toBeNull();
      expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    } finally {
      again.db.close();
    }
  });

  it('applies a custom migration list and records its last version', () => {
    const file = path.join(tempDir(), 'custom.db');
    const { db } = openDatabase(file, { migrations: [v1, v2] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(tableNames(db)).toEqual(expect.arrayContaining(['notes', 'labels']));
    } finally {
      db.close();
    }
  });
});

describe('openDatabase on a database from a newer version', () => {
  for (const wal of [true, false]) {
    it(`R20 refuses it and leaves it byte-for-byte unchanged (${wal ? 'WAL' : 'rollback journal'} file)`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'marginalia.db');
      makeNewerDatabase(file, LATEST_VERSION + 1, wal);
      const before = sha256File(file);
      const listingBefore = fs.readdirSync(dir).sort();

      let caught: unknown;
      try {
        openDatabase(file).db.close();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NewerDatabaseError);
      const error = caught as NewerDatabaseError;
      expect(error.message).toMatch(/newer version/);
      expect(error.message).toContain(file);
      expect(error.version).toBe(LATEST_VERSION + 1);
      expect(error.file).toBe(file);

      expect(sha256File(file)).toBe(before);
      // No WAL, shared-memory file or backup folder left behind: the folder is as it was.
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      expect(fs.existsSync(`${file}-shm`)).toBe(false);
      expect(fs.readdirSync(dir).sort()).toEqual(listingBefore);
    });
  }

  it('R20 refuses a file newer than a custom migration list', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lib.db');
    openDatabase(file, { migrations: [v1, v2] }).db.close();
    const before = sha256File(file);
    expect(() => openDatabase(file, { migrations: [v1] })).toThrow(NewerDatabaseError);
    expect(sha256File(file)).toBe(before);
    expect(userVersionOf(file)).toBe(2);
  });

  it('R20 sees a newer version that is still only in the WAL (the newer app crashed) and changes nothing', () => {
    const dir = tempDir();
    const live = path.join(dir, 'live.db');
    const db = new BetterSqlite3(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    db.pragma(`user_version = ${LATEST_VERSION}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    // These commits stay in the WAL: copying the pair while the connection is open is what a
    // crash leaves on disk.
    db.prepare('INSERT INTO t VALUES (1)').run();
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    const file = path.join(dir, 'crashed.db');
    fs.copyFileSync(live, file);
    fs.copyFileSync(`${live}-wal`, `${file}-wal`);
    db.close();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const mainBefore = sha256File(file);
    const walBefore = sha256File(`${file}-wal`);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(sha256File(file)).toBe(mainBefore);
    expect(sha256File(`${file}-wal`)).toBe(walBefore);
  });
});

describe('openDatabase migrating an existing database', () => {
  it('takes a verified backup under <dir>/backups/ holding the pre-migration data, then migrates', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);

    const opened = openDatabase(file, {
      migrations: [v1, v2],
      now: () => new Date('2024-03-04T05:06:07.089Z'),
    });
    try {
      expect(opened.previousVersion).toBe(1);
      expect(opened.db.pragma('user_version', { simple: true })).toBe(2);
      expect(tableNames(opened.db)).toContain('labels');
      const migrated = opened.db.prepare('SELECT body, colour FROM notes ORDER BY id').all();
      expect(migrated).toEqual([
        { body: 'first note', colour: 'yellow' },
        { body: 'second note', colour: 'yellow' },
      ]);

      const backup = opened.backupFile;
      expect(backup).not.toBeNull();
      expect(path.dirname(backup!)).toBe(path.join(dir, 'backups'));
      expect(path.basename(backup!)).toBe(
        'marginalia.db.before-migration.2024-03-04T05-06-07-089Z.bak',
      );
      expect(fs.existsSync(backup!)).toBe(true);
      expect(integrity(backup!)).toBe('ok');
      expect(userVersionOf(backup!)).toBe(1);

      const copy = new BetterSqlite3(backup!, { readonly: true });
      try {
        expect(copy.prepare('SELECT body FROM notes ORDER BY id').all()).toEqual([
          { body: 'first note' },
          { body: 'second note' },
        ]);
        expect(tableNames(copy)).not.toContain('labels');
      } finally {
        copy.close();
      }
    } finally {
      opened.db.close();
    }
  });

  it('R21 a migration that throws half-way is rolled back; the pre-migration backup is kept, verified, listed and named', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);

    let caught: unknown;
    try {
      openDatabase(file, { migrations: [v1, v2Broken] }).db.close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    const error = caught as MigrationError;
    expect(error.migration.version).toBe(2);
    expect(error.message).toContain('boom in the middle of migration 2');
    expect(error.message).toContain('rolled back');
    expect(error.backupFile).not.toBeNull();
    expect(error.message).toContain(error.backupFile!);
    expect((error.cause as Error).message).toBe('boom in the middle of migration 2');

    // The backup is still there and sound, a single file, and offered for restore.
    expect(fs.existsSync(error.backupFile!)).toBe(true);
    expect(integrity(error.backupFile!)).toBe('ok');
    expect(verifyBackupFile(error.backupFile!)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(error.backupFile!)]);
    expect(listBackups(file)).toEqual([
      expect.objectContaining({
        file: error.backupFile,
        kind: 'before-migration',
        schemaVersion: 1,
      }),
    ]);
    const copy = new BetterSqlite3(error.backupFile!, { readonly: true });
    try {
      expect(copy.prepare('SELECT body FROM notes ORDER BY id').all()).toEqual([
        { body: 'first note' },
        { body: 'second note' },
      ]);
    } finally {
      copy.close();
    }

    // The database itself is exactly at v1: no half-created table, no clobbered rows.
    expect(userVersionOf(file)).toBe(1);
    expect(integrity(file)).toBe('ok');
    const reopened = openDatabase(file, { migrations: [v1] });
    try {
      expect(reopened.previousVersion).toBe(1);
      expect(tableNames(reopened.db)).not.toContain('half_created');
      expect(reopened.db.prepare('SELECT body FROM notes ORDER BY id').all()).toEqual([
        { body: 'first note' },
        { body: 'second note' },
      ]);
    } finally {
      reopened.db.close();
    }
  });

  it('takes no backup when asked not to (a restore migrating its own temporary copy)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);
    const opened = openDatabase(file, { migrations: [v1, v2], backupBeforeMigrating: false });
    opened.db.close();
    expect(opened.backupFile).toBeNull();
    expect(userVersionOf(file)).toBe(2);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('commits each migration on its own: a later failure keeps the earlier ones', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);
    expect(() => openDatabase(file, { migrations: [v1, v2, v3Broken] })).toThrow(MigrationError);
    expect(userVersionOf(file)).toBe(2);
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect(tableNames(db)).toContain('labels');
      expect(tableNames(db)).not.toContain('half_created');
    } finally {
      db.close();
    }
  });

  it('a migration that fails on a brand-new file leaves it at version 0 (no backup to name)', () => {
    const file = path.join(tempDir(), 'fresh.db');
    const broken: Migration = {
      ...v2Broken,
      version: 1,
      up: () => {
        throw new Error('nope');
      },
    };
    let caught: unknown;
    try {
      openDatabase(file, { migrations: [broken] }).db.close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    expect((caught as MigrationError).backupFile).toBeNull();
    expect(userVersionOf(file)).toBe(0);
  });
});

describe('backupDatabase', () => {
  it('copies only committed data while another connection holds an open write transaction', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);
    const reader = openDatabase(file, { migrations: [v1] }).db;
    const writer = openDatabase(file, { migrations: [v1] }).db;
    try {
      const insert = writer.prepare('INSERT INTO notes (body) VALUES (?)');
      for (let i = 0; i < 200; i++) insert.run(`committed ${i}`);
      writer.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < 200; i++) insert.run(`uncommitted ${i}`);

      const target = path.join(dir, 'backups', 'during-write.bak');
      backupDatabase(reader, target);
      writer.exec('COMMIT');

      expect(integrity(target)).toBe('ok');
      const copy = new BetterSqlite3(target, { readonly: true });
      try {
        expect(copy.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 202 });
        expect(
          copy.prepare("SELECT count(*) AS n FROM notes WHERE body LIKE 'uncommitted%'").get(),
        ).toEqual({ n: 0 });
      } finally {
        copy.close();
      }
    } finally {
      reader.close();
      writer.close();
    }
  });

  it('passes integrity_check when taken while another thread keeps writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);
    const require = createRequire(import.meta.url);
    const driver = require.resolve('better-sqlite3');
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(workerData.file);
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = FULL');
      const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
      const batch = db.transaction((n) => { for (let i = 0; i < 50; i++) insert.run('w' + n + '-' + i + '-' + 'x'.repeat(200)); });
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
      { eval: true, workerData: { file, driver } },
    );
    const messages: unknown[] = [];
    const finished = new Promise<{ batches: number }>((resolve, reject) => {
      worker.on('message', (m) => {
        messages.push(m);
        if (typeof m === 'object') resolve(m as { batches: number });
      });
      worker.on('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });

    const db = openDatabase(file, { migrations: [v1] }).db;
    const targets: string[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const target = path.join(dir, 'backups', `concurrent-${i}.bak`);
        backupDatabase(db, target);
        targets.push(target);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      worker.postMessage('stop');
    }
    const { batches } = await finished;
    await worker.terminate();
    db.close();

    expect(batches).toBeGreaterThanOrEqual(3);
    let previous = 0;
    for (const target of targets) {
      expect(integrity(target)).toBe('ok');
      const copy = new BetterSqlite3(target, { readonly: true });
      try {
        const { n } = copy.prepare('SELECT count(*) AS n FROM notes').get() as { n: number };
        // Whole batches only (2 seed rows + 50 per transaction), never fewer than an earlier copy.
        expect((n - 2) % 50).toBe(0);
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      } finally {
        copy.close();
      }
    }
    expect(integrity(file)).toBe('ok');
  });

  it('refuses to overwrite an existing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'marginalia.db');
    makeV1Library(file);
    const target = path.join(dir, 'existing.bak');
    fs.writeFileSync(target, 'do not clobber me');
    const db = openDatabase(file, { migrations: [v1] }).db;
    try {
      expect(() => backupDatabase(db, target)).toThrow();
      expect(fs.readFileSync(target, 'utf8')).toBe('do not clobber me');
    } finally {
      db.close();
    }
  });
});
