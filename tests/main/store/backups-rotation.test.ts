import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dueBackups,
  listBackups,
  rotateBackups,
  startBackupSchedule,
  takeBackup,
} from '../../../src/main/store/backups/index';
import type { BackupKind } from '../../../src/shared/contract/library-safety';
import { useTempDirs } from '../helpers';
import { makeLibrary } from './backups-fixtures';

const tempDir = useTempDirs('marginalia-rotation-');
const DAY = 24 * 60 * 60 * 1000;
afterEach(() => {
  vi.useRealTimers();
});

/** Local 09:00 on day `n` after 2024-01-01 (the daily rule is about the reader's own days). */
function morning(n: number, hour = 9): Date {
  return new Date(2024, 0, 1 + n, hour, 0, 0, 0);
}

function kindsIn(libraryFile: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const b of listBackups(libraryFile)) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
  return counts;
}

/** Files beside the backups that are not ours: they must never be touched. */
function plantForeignFiles(folder: string): Map<string, string> {
  fs.mkdirSync(folder, { recursive: true });
  const files = new Map([
    ['notes.txt', 'my own notes, kept here by hand'],
    ['other.db.daily.2023-01-01T00-00-00-000Z.bak', 'another library’s backup'],
    ['marginalia.db.daily.not-a-time.bak', 'looks close, is not ours'],
    ['marginalia.db.hourly.2023-01-01T00-00-00-000Z.bak', 'a kind we never write'],
    ['marginalia.db.daily.2023-01-01T00-00-00-000Z.bak.old', 'renamed by the user'],
  ]);
  for (const [name, content] of files) fs.writeFileSync(path.join(folder, name), content);
  return files;
}

describe('dueBackups', () => {
  it('answers daily when none is from today and weekly when none is from the last 7 days', async () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      expect(dueBackups(library.file, morning(0))).toEqual(['daily', 'weekly']);
      await takeBackup(library.db, library.file, 'daily', morning(0));
      await takeBackup(library.db, library.file, 'weekly', morning(0));
      expect(dueBackups(library.file, morning(0, 23))).toEqual([]);
      expect(dueBackups(library.file, morning(1, 0))).toEqual(['daily']);
      expect(dueBackups(library.file, morning(6, 23))).toEqual(['daily']);
      expect(dueBackups(library.file, morning(7))).toEqual(['daily', 'weekly']);
      // A manual or before-restore backup is not a scheduled one.
      await takeBackup(library.db, library.file, 'manual', morning(1));
      expect(dueBackups(library.file, morning(1, 10))).toEqual(['daily']);
    } finally {
      library.close();
    }
  });
});

describe('rotateBackups', () => {
  it('after 60 days of daily use keeps exactly 7 daily and 4 weekly, every before-migration and manual one, and nothing not ours is touched', async () => {
    const library = makeLibrary(tempDir(), 1);
    const folder = path.join(path.dirname(library.file), 'backups');
    const foreign = plantForeignFiles(folder);
    try {
      await takeBackup(library.db, library.file, 'before-migration', morning(0, 8));
      await takeBackup(library.db, library.file, 'manual', morning(3, 12));
      let removedTotal = 0;
      for (let day = 0; day < 60; day++) {
        // Opened three times a day: only the first open of a day finds anything due.
        for (const hour of [9, 13, 18]) {
          const now = morning(day, hour);
          for (const kind of dueBackups(library.file, now)) {
            await takeBackup(library.db, library.file, kind, now);
          }
        }
        removedTotal += rotateBackups(library.file, morning(day, 20)).length;
      }
      await takeBackup(library.db, library.file, 'manual', morning(59, 21));

      expect(kindsIn(library.file)).toEqual({
        daily: 7,
        weekly: 4,
        'before-migration': 1,
        manual: 2,
      });
      // The newest are the ones kept.
      const daily = listBackups(library.file).filter((b) => b.kind === 'daily');
      expect(daily.map((b) => new Date(b.createdAt).getDate())).toEqual(
        [59, 58, 57, 56, 55, 54, 53].map((n) => morning(n).getDate()),
      );
      expect(removedTotal).toBe(0); // takeBackup already rotated each time
      for (const [name, content] of foreign) {
        expect(fs.readFileSync(path.join(folder, name), 'utf8')).toBe(content);
      }
    } finally {
      library.close();
    }
  }, 60_000);

  /** Before-restore copies of one real backup, dated `days` days after 2024-01-01 (UTC 09:00). */
  async function beforeRestoreCopies(library: ReturnType<typeof makeLibrary>, days: number[]) {
    const source = await takeBackup(library.db, library.file, 'manual', morning(0, 8));
    const folder = path.dirname(source.file);
    const copies = days.map((day) => {
      const stamp = new Date(Date.UTC(2024, 0, 1 + day, 9)).toISOString().replace(/[:.]/g, '-');
      const copy = path.join(folder, `marginalia.db.before-restore.${stamp}.bak`);
      fs.copyFileSync(source.file, copy);
      return copy;
    });
    return { copies, at: (day: number) => new Date(Date.UTC(2024, 0, 1 + day, 12)) };
  }

  it('R25 keeps every before-restore copy younger than 30 days, however many there are', async () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      // Fifteen restores in four weeks: each copy may hold the only copy of the work it replaced.
      const { copies, at } = await beforeRestoreCopies(
        library,
        Array.from({ length: 15 }, (_, i) => 100 + 2 * i),
      );
      expect(rotateBackups(library.file, at(128))).toEqual([]);
      expect(kindsIn(library.file)).toEqual({ 'before-restore': 15, manual: 1 });
      // A day later the oldest is 30 days old, and the 10 newest are kept past that.
      expect(rotateBackups(library.file, at(130))).toEqual([copies[0]]);
      expect(rotateBackups(library.file, at(200)).sort()).toEqual(copies.slice(1, 5).sort());
      expect(kindsIn(library.file)).toEqual({ 'before-restore': 10, manual: 1 });
      expect(copies.slice(5).every((f) => fs.existsSync(f))).toBe(true);
    } finally {
      library.close();
    }
  });

  it('R25 keeps at least the 10 newest before-restore copies, the young ones and then the newest older ones', async () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      const old = Array.from({ length: 8 }, (_, i) => i); // 2024-01-01 … 01-08
      const young = [50, 52, 54, 56, 58];
      const { copies, at } = await beforeRestoreCopies(library, [...old, ...young]);
      const removed = rotateBackups(library.file, at(60));
      // 5 younger than 30 days, and of the old ones the 5 newest: 10 in all.
      expect(removed.sort()).toEqual(copies.slice(0, 3).sort());
      expect(kindsIn(library.file)).toEqual({ 'before-restore': 10, manual: 1 });
    } finally {
      library.close();
    }
  });

  it('R25 never removes the newest before-restore copy, however old it is', async () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      const { copies, at } = await beforeRestoreCopies(library, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const removed = rotateBackups(library.file, at(3000));
      expect(removed).toEqual([copies[0]]);
      expect(fs.existsSync(copies[10]!)).toBe(true);
      // Restored with a clock gone back years: the one just kept aside ranks first all the same.
      const aside = await takeBackup(library.db, library.file, 'before-restore', morning(-400));
      expect(fs.existsSync(aside.file)).toBe(true);
      expect(kindsIn(library.file)).toEqual({ 'before-restore': 11, manual: 1 });
    } finally {
      library.close();
    }
  });

  it('never lets a backup dated in the future (a wrong clock) crowd out the one just taken', async () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      const future: string[] = [];
      for (let i = 0; i < 7; i++) {
        future.push((await takeBackup(library.db, library.file, 'daily', morning(400 + i))).file);
      }
      const today = await takeBackup(library.db, library.file, 'daily', morning(10));
      expect(fs.existsSync(today.file)).toBe(true);
      expect(kindsIn(library.file)).toEqual({ daily: 7 });
      expect(fs.existsSync(future[0]!)).toBe(false);
    } finally {
      library.close();
    }
  });

  it('removes its own leftover partial and restore copies once stale, and leaves fresh ones', () => {
    const library = makeLibrary(tempDir(), 0);
    try {
      const folder = path.join(path.dirname(library.file), 'backups');
      fs.mkdirSync(folder, { recursive: true });
      const stale = path.join(
        folder,
        'marginalia.db.daily.2024-01-01T00-00-00-000Z.bak.1a2b.partial',
      );
      const staleRestore = path.join(
        folder,
        'marginalia.db.restoring.2024-01-01T00-00-00-000Z.tmp',
      );
      const fresh = path.join(
        folder,
        'marginalia.db.daily.2024-01-02T00-00-00-000Z.bak.3c4d.partial',
      );
      const othersPartial = path.join(
        folder,
        'other.db.daily.2024-01-01T00-00-00-000Z.bak.1a2b.partial',
      );
      for (const file of [stale, staleRestore, fresh, othersPartial]) fs.writeFileSync(file, 'x');
      const now = new Date();
      const old = new Date(now.getTime() - 2 * 60 * 60 * 1000);
      for (const file of [stale, staleRestore, othersPartial]) fs.utimesSync(file, old, old);

      expect(rotateBackups(library.file, now).sort()).toEqual([stale, staleRestore].sort());
      expect(fs.existsSync(fresh)).toBe(true);
      expect(fs.existsSync(othersPartial)).toBe(true);
    } finally {
      library.close();
    }
  });
});

describe('startBackupSchedule', () => {
  it('takes the due backups at once, looks again on its interval, and stops', async () => {
    // Only the schedule's interval is faked: each look is run on demand, then awaited (idle()).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const library = makeLibrary(tempDir(), 1);
    let now = morning(0);
    const errors: unknown[] = [];
    const schedule = startBackupSchedule({
      db: library.db,
      libraryFile: library.file,
      now: () => now,
      onError: (e) => errors.push(e),
      intervalMs: 20,
    });
    try {
      await schedule.idle();
      const kinds = () => listBackups(library.file).map((b) => b.kind as BackupKind);
      expect(kinds().sort()).toEqual(['daily', 'weekly']);

      now = new Date(morning(1).getTime() + DAY / 2);
      vi.advanceTimersByTime(20); // the next look
      await schedule.idle();
      expect(kinds().sort()).toEqual(['daily', 'daily', 'weekly']);
    } finally {
      schedule.stop();
    }
    expect(vi.getTimerCount()).toBe(0); // stopped: nothing left to look again
    now = morning(2);
    vi.advanceTimersByTime(1000);
    await schedule.idle();
    expect(listBackups(library.file)).toHaveLength(3);
    expect(errors).toEqual([]);
    library.close();
  });

  it('reports a backup that fails through onError, naming the folder', async () => {
    const library = makeLibrary(tempDir(), 0);
    const folder = path.join(path.dirname(library.file), 'backups');
    fs.writeFileSync(folder, 'a file where the backups folder should be');
    const errors: unknown[] = [];
    const schedule = startBackupSchedule({
      db: library.db,
      libraryFile: library.file,
      onError: (e) => errors.push(e),
    });
    await schedule.idle();
    schedule.stop();
    library.close();
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).toContain(folder);
  });
});
