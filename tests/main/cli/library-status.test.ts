import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../../src/main/cli/library-status';
import type { LibraryStatus } from '../../../src/shared/contract/library-safety';

const base: LibraryStatus = {
  file: '/d/marginalia.db',
  backupsFolder: '/d/backups',
  readOnly: null,
  recovered: null,
};

describe('describeStatus (the CLI’s first lines)', () => {
  it('says nothing about a library that opened normally', () => {
    expect(describeStatus(base)).toEqual([]);
  });

  it('R22 names the problem, where the damaged file went, and the backup opened instead', () => {
    const lines = describeStatus({
      ...base,
      recovered: {
        problem: 'the file is empty',
        movedTo: '/d/damaged/2026-12-02T10-00-00-000Z',
        openedFrom: 'backup',
        backup: {
          file: '/d/backups/marginalia.db.daily.2026-12-01.bak',
          kind: 'daily',
          createdAt: '2026-12-01T09:00:00.000Z',
          schemaVersion: 6,
          articles: 3,
          annotations: 40,
          bytes: 1000,
        },
      },
    });
    expect(lines[0]).toContain('(the file is empty)');
    expect(lines[0]).toContain('/d/damaged/2026-12-02T10-00-00-000Z');
    expect(lines[1]).toBe(
      'Opened instead: the daily backup of 2026-12-01T09:00:00.000Z (3 articles, 40 annotations), ' +
        '/d/backups/marginalia.db.daily.2026-12-01.bak.',
    );
  });

  it('R22 says a new library was made when no backup could be opened', () => {
    const lines = describeStatus({
      ...base,
      recovered: { problem: 'p', movedTo: '/d/damaged/x', openedFrom: 'new', backup: null },
    });
    expect(lines[1]).toBe('No verified backup was found: a new library was made.');
  });

  it('R19 says the library is read-only, and why', () => {
    expect(
      describeStatus({ ...base, readOnly: { reason: 'the folder /d cannot be written' } }),
    ).toEqual(['Opened read-only (the folder /d cannot be written): changes cannot be saved.']);
  });
});
