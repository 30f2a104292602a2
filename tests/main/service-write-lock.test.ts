/**
 * The service's writes when the library's write lock is not free at once (RELIABILITY lines 24 and
 * 25): what a change leaves as it was is read under the lock, so another Marginalia's change made
 * while this one waited is kept; and while this process restores a backup, its own writes are
 * refused at once instead of waiting on the lock the restore holds.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/main/service';
import { createBackupHandlers } from '../../src/main/store/backups/index';
import { openDatabase } from '../../src/main/store/connection';
import type { ServiceError } from '../../src/shared/contract/errors';
import { create, idSource, serviceErrorOf, tickingClock, useTempDirs } from './helpers';
import { holdWriteLock, type WriteLockHolder } from './write-lock-holder';

const tempDir = useTempDirs('marginalia-write-lock-');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOTES_MD = '# Field notes\n\nThe envoy denied everything at the talks.\n';

/** A library file with one article, and a service over it that pauses through `pause`. */
function library(pause?: (ms: number) => void) {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = openDatabase(file);
  cleanups.push(() => void db.close());
  const backups = createBackupHandlers({ db, libraryFile: file, readOnly: false });
  const service: Service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    backups,
    ...(pause ? { pauseBeforeRetry: pause } : {}),
  });
  const { article } = service.importBytes('notes.md', Buffer.from(NOTES_MD));
  return { file, db, service, articleId: article.id };
}

/** Holds the write lock in another connection; finished after the test in any case. */
async function holder(file: string, change?: Parameters<typeof holdWriteLock>[1]) {
  const held = await holdWriteLock(file, change);
  cleanups.push(() => held.finish());
  return held;
}

describe('a write that waits for the lock', () => {
  it('R24 keeps a note another connection saved while this one waited, and stores the new colour', async () => {
    let lock: WriteLockHolder | null = null;
    const lib = library((ms) => lock!.letGo(ms));
    const a = create(lib.service, lib.articleId, 'envoy', { note: 'my first note' });
    lib.db.pragma('busy_timeout = 0'); // BUSY at once: the retry's pause lets the other commit
    lock = await holder(lib.file, {
      sql: 'UPDATE annotations SET note = ? WHERE id = ?',
      params: ['saved by the other Marginalia', a.id],
    });

    const { annotation } = lib.service.updateAnnotation({ id: a.id, color: 'green' });

    expect(lock.pauses).toEqual([250]); // it did wait, and the other committed meanwhile
    expect({ color: annotation.color, note: annotation.note }).toEqual({
      color: 'green',
      note: 'saved by the other Marginalia',
    });
    const [stored] = lib.service.listAnnotations({ articleId: lib.articleId }).annotations;
    expect({ color: stored?.color, note: stored?.note }).toEqual({
      color: 'green',
      note: 'saved by the other Marginalia',
    });
  });

  it('R24 keeps a setting another connection changed while this one waited', async () => {
    let lock: WriteLockHolder | null = null;
    const lib = library((ms) => lock!.letGo(ms));
    lib.service.updateSettings({ patch: { fontSize: 20 } });
    const theirs = { ...lib.service.getSettings({}).settings, theme: 'dark' };
    lib.db.pragma('busy_timeout = 0');
    lock = await holder(lib.file, {
      sql: "UPDATE settings SET value = ? WHERE key = 'reader'",
      params: [JSON.stringify(theirs)],
    });

    const { settings } = lib.service.updateSettings({ patch: { fontSize: 24 } });

    expect(lock.pauses).toEqual([250]);
    expect({ theme: settings.theme, fontSize: settings.fontSize }).toEqual({
      theme: 'dark',
      fontSize: 24,
    });
    expect(lib.service.getSettings({}).settings).toEqual(settings);
  });

  it('R24 does not make a second copy of a link another connection made while this one waited', async () => {
    let lock: WriteLockHolder | null = null;
    const lib = library((ms) => lock!.letGo(ms));
    const from = create(lib.service, lib.articleId, 'envoy');
    const to = create(lib.service, lib.articleId, 'talks');
    lib.db.pragma('busy_timeout = 0');
    lock = await holder(lib.file, {
      sql: `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
            VALUES ('01950000-0000-7000-8000-00000000beef', ?, ?, 'supports', ?)`,
      params: [from.id, to.id, '2024-01-01T00:00:00.000Z'],
    });

    const reply = lib.service.createLink({ fromId: from.id, toId: to.id, relation: 'supports' });

    expect(lock.pauses).toEqual([250]);
    expect({ id: reply.link.id, created: reply.created }).toEqual({
      id: '01950000-0000-7000-8000-00000000beef',
      created: false,
    });
    const count = lib.db
      .prepare('SELECT count(*) AS n FROM links WHERE deleted_at IS NULL')
      .get() as { n: number };
    expect(count.n).toBe(1);
  });

  it('R24 sets the busy timeout back after its retries', async () => {
    const lib = library((ms) => lock.keep(ms));
    lib.db.pragma('busy_timeout = 30');
    const lock = await holder(lib.file);

    const error = serviceErrorOf(() =>
      lib.service.updateArticle({ id: lib.articleId, title: 'Never stored' }),
    );

    expect(error.code).toBe('busy');
    expect(lock.pauses).toEqual([250, 750]);
    expect(lib.db.pragma('busy_timeout', { simple: true })).toBe(30);
  });
});

describe('writes while this process restores a backup', () => {
  it('R25 are refused at once as busy at every step of the restore, which completes; writes work again after', async () => {
    const lib = library();
    lib.db.pragma('busy_timeout = 60000'); // a write that waited on the restore's lock would hang
    const { backup } = await lib.service.backupNow({});
    lib.service.updateArticle({ id: lib.articleId, title: 'Renamed after the backup' });

    const restoring = lib.service.restoreBackup({ file: backup.file });
    let settled = false;
    void restoring.then(
      () => (settled = true),
      () => (settled = true),
    );
    const refusals: ServiceError[] = [];
    let attempts = 0;
    while (!settled) {
      attempts++;
      refusals.push(
        serviceErrorOf(() =>
          lib.service.updateArticle({ id: lib.articleId, title: `During the restore ${attempts}` }),
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = await restoring;

    expect(attempts).toBeGreaterThan(1); // tried at the start and between the restore's steps
    expect(refusals.map((e) => [e.code, e.message])).toEqual(
      refusals.map(() => ['busy', 'A restore from backup is under way; try again in a moment.']),
    );
    expect(outcome.restored.file).toBe(backup.file);
    expect(lib.service.getArticle({ id: lib.articleId }).article.title).toBe('Field notes');
    lib.service.updateArticle({ id: lib.articleId, title: 'After the restore' });
    expect(lib.service.getArticle({ id: lib.articleId }).article.title).toBe('After the restore');
  });

  it('R25 refuse a second restore while one is under way, and clear after a restore that failed', async () => {
    const lib = library();
    const { backup } = await lib.service.backupNow({});

    const first = lib.service.restoreBackup({ file: backup.file });
    await expect(lib.service.restoreBackup({ file: backup.file })).rejects.toMatchObject({
      code: 'busy',
      message: 'A restore from backup is under way; try again in a moment.',
    });
    await first;

    await expect(
      lib.service.restoreBackup({ file: path.join(tempDir(), 'not-a-backup.db') }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    lib.service.updateArticle({ id: lib.articleId, title: 'After a failed restore' });
    expect(lib.service.getArticle({ id: lib.articleId }).article.title).toBe(
      'After a failed restore',
    );
  });
});
