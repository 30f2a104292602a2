/**
 * R02: a 50 MB file is refused by its size before it is read whole, and nothing is stored — by
 * every way in that names a file (the import job behind "Import files…" and web mode, the CLI's
 * `import` and `annotations import`) and by the one that sends its bytes (`importArticle`, as
 * IPC and HTTP carry it). The file is sparse: 50 MB long, almost no disk used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resourcesDir } from '../../../src/main/paths';
import { readSample } from '../../../src/main/sample';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { dispatch } from '../../../src/shared/contract/dispatch';
import { createDirectJobClient } from '../../../src/shared/contract/jobs';
import { cli } from '../cli/capture';
import { idSource, tickingClock, useTempDirs } from '../helpers';

const FIFTY_MB = 50 * 1024 * 1024;
const tempDir = useTempDirs('marginalia-r02-');
const openDbs: Database[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function harness(): { db: Database; service: Service } {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  return { db, service };
}

/** A 50 MB file that is not binary by its first bytes (a Markdown heading), sparse after. */
function bigFile(name: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, '# A very long article\n\nIt goes on.\n');
  fs.truncateSync(file, FIFTY_MB);
  return file;
}

/** Counts how often each of `files` is read whole or opened to be read piecemeal. */
function watchReads(...files: string[]): { readsOf: (file: string) => number } {
  const reads = new Map<string, number>();
  const count = (target: unknown) => {
    if (files.includes(String(target)))
      reads.set(String(target), (reads.get(String(target)) ?? 0) + 1);
  };
  const readFileSync = fs.readFileSync.bind(fs) as (...args: unknown[]) => unknown;
  const openSync = fs.openSync.bind(fs) as (...args: unknown[]) => unknown;
  vi.spyOn(fs, 'readFileSync').mockImplementation(((...args: unknown[]) => {
    count(args[0]);
    return readFileSync(...args);
  }) as typeof fs.readFileSync);
  vi.spyOn(fs, 'openSync').mockImplementation(((...args: unknown[]) => {
    count(args[0]);
    return openSync(...args);
  }) as typeof fs.openSync);
  return { readsOf: (file) => reads.get(file) ?? 0 };
}

describe('R02 a 50 MB file is refused by size before it is read whole; nothing stored', () => {
  it('R02 the import job (Import files…, web mode) refuses it by size without reading it', async () => {
    const { db, service } = harness();
    const file = bigFile('huge.md');
    const small = path.join(path.dirname(file), 'small.md');
    fs.writeFileSync(small, '# Small\n\nShort.\n');
    const before = db.serialize();
    const { readsOf } = watchReads(file, small);
    const report = await createDirectJobClient(service.jobs).run('importFiles', { paths: [file] });
    expect(report.items).toEqual([
      expect.objectContaining({
        file: 'huge.md',
        status: 'refused',
        reason: expect.stringMatching(/huge\.md is 50\.0 MB; the largest file .* is 25 MB/),
      }),
    ]);
    expect(readsOf(file)).toBe(0);
    expect(db.serialize().equals(before)).toBe(true);

    // The watch sees reads: a small file beside it is read, and imported.
    const next = await createDirectJobClient(service.jobs).run('importFiles', { paths: [small] });
    expect(next.items).toEqual([expect.objectContaining({ status: 'imported' })]);
    expect(readsOf(small)).toBeGreaterThan(0);
  });

  it('R02 the CLI refuses it by size without reading it, exit 1, nothing stored', async () => {
    const data = tempDir();
    const file = bigFile('huge.md');
    const listBefore = await cli(['--data-dir', data, 'list']);
    const dbFile = path.join(data, 'marginalia.db');
    const { readsOf } = watchReads(file);
    const run = await cli(['--data-dir', data, 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.md is 50\.0 MB; the largest file .* is 25 MB/);
    expect(readsOf(file)).toBe(0);
    vi.restoreAllMocks();
    expect(await cli(['--data-dir', data, 'list'])).toEqual(listBefore);
    expect(fs.existsSync(dbFile)).toBe(true);
  });

  it('R02 the CLI refuses an annotation file of 50 MB by size without reading it', async () => {
    const data = tempDir();
    const file = bigFile('annotations.json');
    await cli(['--data-dir', data, 'list']);
    const { readsOf } = watchReads(file);
    const run = await cli(['--data-dir', data, 'annotations', 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/larger than .*MB/);
    expect(readsOf(file)).toBe(0);
  });

  it('R02 50 MB sent as bytes (importArticle, as IPC and HTTP carry it) is refused by the schema before it is decoded', async () => {
    const { db, service } = harness();
    const before = db.serialize();
    const importArticle = vi.spyOn(service, 'importArticle');
    const result = await dispatch(service, 'importArticle', {
      fileName: 'huge.md',
      contentBase64: 'A'.repeat(Math.ceil(FIFTY_MB / 3) * 4),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'too_large', message: expect.stringMatching(/larger than 25 MB/) },
    });
    expect(importArticle).not.toHaveBeenCalled();
    expect(db.serialize().equals(before)).toBe(true);
  });
});
