/**
 * Giving a finished backup its name never replaces a file found there: a file that appears at the
 * name while the copy is being made is left as it is (`backup --out FILE` is refused; a backup in
 * the backups folder takes the next free name).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupToFile, takeBackup } from '../../../src/main/store/backups/index';
import { ServiceError } from '../../../src/shared/contract/errors';
import { useTempDirs } from '../helpers';
import { liveCounts, makeLibrary } from './backups-fixtures';

const tempDir = useTempDirs('marginalia-backup-naming-');
const T0 = new Date('2024-03-04T05:06:07.089Z');
afterEach(() => {
  vi.restoreAllMocks();
});

function countsOf(file: string) {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return { ...liveCounts(db), integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}

describe('backupToFile (backup --out FILE)', () => {
  it('refuses when a file appears at the target during the copy, and leaves that file and the library as they were', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 2);
    const out = path.join(tempDir(), 'mine.db');
    try {
      const copying = backupToFile(library.db, library.file, out, T0);
      // The target was free when the backup started; the copy is still being made.
      fs.writeFileSync(out, 'written by someone else meanwhile');

      const error = await copying.then(
        () => null,
        (e: unknown) => e,
      );

      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('invalid_request');
      expect((error as ServiceError).message).toContain(`${out} already exists`);
      expect(fs.readFileSync(out, 'utf8')).toBe('written by someone else meanwhile');
      expect(fs.readdirSync(path.dirname(out))).toEqual(['mine.db']); // no partial copy left
      expect(countsOf(library.file)).toEqual({ articles: 2, annotations: 2, integrity: 'ok' });
    } finally {
      library.close();
    }
  });

  it('where hard links are not supported, names the copy with a copy that refuses to overwrite', async () => {
    const library = makeLibrary(tempDir(), 1);
    const outDir = tempDir();
    const out = path.join(outDir, 'mine.db');
    let linksTried = 0;
    const noLinks = () => {
      linksTried++;
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    try {
      vi.spyOn(fs, 'linkSync').mockImplementation(noLinks);
      const backup = await backupToFile(library.db, library.file, out, T0);
      expect(backup.file).toBe(out);
      expect(linksTried).toBe(1);
      expect(countsOf(out)).toEqual({ articles: 2, annotations: 1, integrity: 'ok' });
      expect(fs.readdirSync(outDir)).toEqual(['mine.db']);

      const other = path.join(outDir, 'other.db');
      const copying = backupToFile(library.db, library.file, other, T0);
      fs.writeFileSync(other, 'theirs');
      await expect(copying).rejects.toMatchObject({ code: 'invalid_request' });
      expect(fs.readFileSync(other, 'utf8')).toBe('theirs');
      expect(fs.readdirSync(outDir).sort()).toEqual(['mine.db', 'other.db']);
    } finally {
      library.close();
    }
  });
});

describe('takeBackup', () => {
  it('takes the next free name when a file appears at its name during the copy, and leaves that file as it was', async () => {
    const dir = tempDir();
    const library = makeLibrary(dir, 1);
    const taken = path.join(dir, 'backups', 'marginalia.db.manual.2024-03-04T05-06-07-089Z.bak');
    try {
      const copying = takeBackup(library.db, library.file, 'manual', T0);
      fs.writeFileSync(taken, 'not a backup');

      const backup = await copying;

      expect(path.basename(backup.file)).toBe(
        'marginalia.db.manual.2024-03-04T05-06-07-089Z-1.bak',
      );
      expect(fs.readFileSync(taken, 'utf8')).toBe('not a backup');
      expect(countsOf(backup.file)).toEqual({ articles: 2, annotations: 1, integrity: 'ok' });
    } finally {
      library.close();
    }
  });
});
