import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/main/paths';
import {
  createBackupHandlers,
  listBackups,
  restoreFromBackup,
  takeBackup,
} from '../../../src/main/store/backups/index';
import { LATEST_VERSION } from '../../../src/main/store/connection';
import { ServiceError } from '../../../src/shared/contract/errors';
import { create, sha256File, useTempDirs } from '../helpers';
import { countsOfFile, databaseAtVersion, liveCounts, makeLibrary } from './backups-fixtures';

const tempDir = useTempDirs('marginalia-restore-');
const T0 = new Date('2024-03-04T05:06:07.089Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function integrity(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

/** Polls until `test` holds (no timing assertions: it only bounds how long to wait). */
async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
}

describe('restoreFromBackup', () => {
  it('R25 restoring an older backup keeps the current library aside first, the open connection sees the restored data, and restoring what was kept aside undoes it', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    try {
      const older = await takeBackup(library.db, library.file, 'daily', T0);
      const newer = [
        create(library.service, library.articleId, 'second', { note: 'a later thought' }),
        create(library.service, library.articleId, 'paragraph'),
      ];
      const annotationCount = () =>
        library.service.listArticles({}).articles.find((a) => a.id === library.articleId)
          ?.annotationCount;
      expect(annotationCount()).toBe(4);
      const current = liveCounts(library.db);

      const outcome = await restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: older.file,
        now: at(60),
      });
      expect(outcome.restored).toEqual(older);
      expect(outcome.keptAside).toMatchObject({
        kind: 'before-restore',
        createdAt: at(60).toISOString(),
        schemaVersion: LATEST_VERSION,
        ...current,
      });
      // Nothing newer is lost: the annotations made after the backup are in the kept-aside copy.
      const aside = new BetterSqlite3(outcome.keptAside.file, { readonly: true });
      try {
        const ids = aside.prepare('SELECT id, note FROM annotations').all();
        expect(ids).toEqual(expect.arrayContaining(newer.map((a) => ({ id: a.id, note: a.note }))));
      } finally {
        aside.close();
      }

      // The same open connection (and the service over it) sees the restored library.
      expect(liveCounts(library.db)).toEqual({ articles: older.articles, annotations: 2 });
      expect(annotationCount()).toBe(2);
      expect(integrity(library.file)).toBe('ok');
      expect(listBackups(library.file).map((b) => b.kind)).toEqual(['before-restore', 'daily']);

      // Undo: restore what was kept aside.
      const undo = await restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: outcome.keptAside.file,
        now: at(120),
      });
      expect(undo.restored.file).toBe(outcome.keptAside.file);
      expect(undo.keptAside.annotations).toBe(2);
      expect(liveCounts(library.db)).toEqual(current);
      expect(annotationCount()).toBe(4);
      const { annotations } = library.service.listAnnotations({ articleId: library.articleId });
      expect(annotations.find((a) => a.id === newer[0]!.id)?.note).toBe('a later thought');
      // No temporary copy left behind.
      expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => !f.endsWith('.bak'))).toEqual(
        [],
      );
    } finally {
      library.close();
    }
  });

  it('brings a backup from an older schema up to date as it restores it, leaving the backup as it was', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 1);
    try {
      const old = path.join(
        dir,
        'backups',
        'marginalia.db.before-migration.2023-05-06T07-08-09-010Z.bak',
      );
      databaseAtVersion(old, LATEST_VERSION - 1);
      const db = new BetterSqlite3(old);
      db.pragma('journal_mode = DELETE');
      db.close();
      const hash = sha256File(old);

      const outcome = await restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: old,
        now: at(1),
      });
      expect(outcome.restored).toMatchObject({ schemaVersion: LATEST_VERSION - 1, articles: 2 });
      expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(liveCounts(library.db)).toEqual({ articles: 2, annotations: 2 });
      expect(sha256File(old)).toBe(hash);
      expect(integrity(library.file)).toBe('ok');
    } finally {
      library.close();
    }
  });

  it('refuses a path that is not one of the listed backups (outside the folder, traversal, the library itself, not named as ours, missing) and changes nothing', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    try {
      const backup = await takeBackup(library.db, library.file, 'daily', T0);
      const folder = path.dirname(backup.file);
      const renamed = path.join(folder, 'looks-like-a-backup.db');
      fs.copyFileSync(backup.file, renamed);
      create(library.service, library.articleId, 'second');
      const counts = liveCounts(library.db);
      const listing = fs.readdirSync(folder).sort();

      const cases: [string, string][] = [
        ['/etc/passwd', 'invalid_request'],
        ['../x', 'invalid_request'],
        [path.join(folder, '..', 'backups', '..', 'marginalia.db'), 'invalid_request'],
        [library.file, 'invalid_request'],
        [renamed, 'invalid_request'],
        [path.join(folder, 'marginalia.db.daily.2030-01-01T00-00-00-000Z.bak'), 'not_found'],
        [`${backup.file}/..`, 'invalid_request'],
      ];
      for (const [file, code] of cases) {
        const error = await refusal(
          restoreFromBackup({
            db: library.db,
            libraryFile: library.file,
            backupFile: file,
            now: at(5),
          }),
        );
        expect(error.code, file).toBe(code);
        expect(error.message, file).toMatch(/nothing was restored/);
        expect(error.message).toContain(code === 'not_found' ? file : path.basename(file));
      }
      expect(liveCounts(library.db)).toEqual(counts);
      expect(fs.readdirSync(folder).sort()).toEqual(listing);
    } finally {
      library.close();
    }
  });

  it('a migration that fails on the copy leaves the library unchanged and nothing behind', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    try {
      const backup = await takeBackup(library.db, library.file, 'daily', T0);
      create(library.service, library.articleId, 'second');
      const counts = liveCounts(library.db);
      const listing = fs.readdirSync(path.dirname(backup.file)).sort();
      const error = await refusal(
        restoreFromBackup({
          db: library.db,
          libraryFile: library.file,
          backupFile: backup.file,
          now: at(5),
          migrate: () => {
            throw new Error('migration 9 went wrong');
          },
        }),
      );
      expect(error.message).toContain('migration 9 went wrong');
      expect(error.message).toContain('the library was not changed');
      expect(liveCounts(library.db)).toEqual(counts);
      expect(fs.readdirSync(path.dirname(backup.file)).sort()).toEqual(listing);
    } finally {
      library.close();
    }
  });

  it('waits its turn while another connection holds the write lock, then restores', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    const other = new BetterSqlite3(library.file);
    try {
      const backup = await takeBackup(library.db, library.file, 'daily', T0);
      create(library.service, library.articleId, 'second');
      other.exec('BEGIN IMMEDIATE');
      const restoring = restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: backup.file,
        now: at(5),
      });
      await until(() => listBackups(library.file).some((b) => b.kind === 'before-restore'));
      other.exec('ROLLBACK');
      await restoring;
      expect(liveCounts(library.db).annotations).toBe(2);
    } finally {
      other.close();
      library.close();
    }
  });

  it('R25 a write committed by another process after the library was kept aside stops the restore, so it is not lost', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    const other = new BetterSqlite3(library.file);
    try {
      const backup = await takeBackup(library.db, library.file, 'daily', T0);
      other.exec('BEGIN IMMEDIATE');
      other
        .prepare('UPDATE articles SET title = ? WHERE id = ?')
        .run('Renamed by the CLI', library.articleId);
      const restoring = restoreFromBackup({
        db: library.db,
        libraryFile: library.file,
        backupFile: backup.file,
        now: at(5),
      });
      await until(() => listBackups(library.file).some((b) => b.kind === 'before-restore'));
      other.exec('COMMIT');
      const error = await refusal(restoring);
      expect(error.message).toMatch(/changed while the restore was starting; nothing was restored/);
      expect(library.service.getArticle({ id: library.articleId }).article.title).toBe(
        'Renamed by the CLI',
      );
    } finally {
      other.close();
      library.close();
    }
  });
});

describe('createBackupHandlers', () => {
  it('lists, backs up now (manual) and restores through the contract’s shapes', async () => {
    const library = makeLibrary(tempDir(), 1);
    try {
      const handlers = createBackupHandlers({
        db: library.db,
        libraryFile: library.file,
        now: () => T0,
        readOnly: false,
      });
      const { backup } = await handlers.backupNow({});
      expect(backup.kind).toBe('manual');
      expect(handlers.listBackups({}).backups).toEqual([backup]);
      const outcome = await handlers.restoreBackup({ file: backup.file });
      expect(outcome.keptAside.kind).toBe('before-restore');
    } finally {
      library.close();
    }
  });

  it('with the library read-only: refuses a restore, and backs up only into a writable backups folder', async (context) => {
    const root = process.getuid?.() === 0;
    if (root && spawnSync('setpriv', ['--version']).status !== 0) {
      context.skip('running as root without setpriv: cannot drop to a user that permissions stop');
    }
    const base = tempDir();
    fs.chmodSync(base, 0o755);
    const libraries = ['no-folder', 'writable-folder'].map((name) => {
      const dataDir = path.join(base, name);
      const library = makeLibrary(dataDir, 1);
      library.db.pragma('journal_mode = DELETE');
      library.close();
      fs.chmodSync(library.file, 0o644);
      fs.chmodSync(dataDir, 0o555);
      return library.file;
    });
    const writable = path.join(path.dirname(libraries[1]!), 'backups');
    fs.chmodSync(path.dirname(libraries[1]!), 0o755);
    fs.mkdirSync(writable);
    fs.chmodSync(writable, 0o777);
    fs.chmodSync(path.dirname(libraries[1]!), 0o555);

    const child = path.join(base, 'child.mts');
    fs.writeFileSync(
      child,
      `
      import { createRequire } from 'node:module';
      const BetterSqlite3 = createRequire(${JSON.stringify(path.join(projectRoot(), 'package.json'))})('better-sqlite3');
      import { createBackupHandlers } from ${JSON.stringify(path.join(projectRoot(), 'src/main/store/backups/index.ts'))};
      const answers = [];
      for (const file of process.argv.slice(2)) {
        const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        const handlers = createBackupHandlers({ db, libraryFile: file, readOnly: true });
        const settle = (p) => p.then((v) => ({ ok: v }), (e) => ({ code: e.code, message: e.message }));
        answers.push({
          backupNow: await settle(handlers.backupNow({})),
          restore: await settle(handlers.restoreBackup({ file: '/etc/passwd' })),
        });
        db.close();
      }
      console.log(JSON.stringify(answers));
      `,
    );
    fs.chmodSync(child, 0o644);
    const node = [process.execPath, '--import', 'tsx', child, ...libraries];
    const run = root
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...node], {
          cwd: projectRoot(),
          encoding: 'utf8',
        })
      : spawnSync(node[0]!, node.slice(1), { cwd: projectRoot(), encoding: 'utf8' });
    for (const library of libraries) fs.chmodSync(path.dirname(library), 0o755);
    expect(run.stderr).toBe('');
    const [noFolder, withFolder] = JSON.parse(run.stdout) as {
      backupNow: { ok?: { backup: { file: string } }; code?: string; message?: string };
      restore: { code?: string; message?: string };
    }[];
    expect(noFolder!.backupNow.code).toBe('read_only');
    expect(noFolder!.backupNow.message).toContain(
      path.join(path.dirname(libraries[0]!), 'backups'),
    );
    expect(fs.existsSync(path.join(path.dirname(libraries[0]!), 'backups'))).toBe(false);
    expect(withFolder!.backupNow.ok?.backup.file.startsWith(writable)).toBe(true);
    expect(countsOfFile(withFolder!.backupNow.ok!.backup.file).annotations).toBe(1);
    for (const answer of [noFolder!, withFolder!]) {
      expect(answer.restore.code).toBe('read_only');
      expect(answer.restore.message).toMatch(/read-only/);
    }
  }, 60_000);
});
