/**
 * Backups in words: kinds as the user says them, sizes in binary units, counts that agree,
 * dates in local time, and newest first whatever order the list came in.
 */
import { describe, expect, it } from 'vitest';
import {
  backupKindLabel,
  describeContents,
  formatBackupDate,
  formatBytes,
  nameBackup,
  newestFirst,
} from '../../../src/renderer/src/safety/backup-format';
import { BACKUP_KINDS } from '../../../src/shared/contract/library-safety';
import { BEFORE_UPDATE, DAILY, MANUAL, WEEKLY } from './fixtures';

describe('backup-format', () => {
  it('names every kind in words', () => {
    expect(BACKUP_KINDS.map(backupKindLabel)).toEqual([
      'Daily',
      'Weekly',
      'Before an update',
      'Before a restore',
      'Made by you',
    ]);
    for (const kind of BACKUP_KINDS) {
      expect(nameBackup({ kind, createdAt: DAILY.createdAt })).toContain(
        formatBackupDate(DAILY.createdAt),
      );
    }
    expect(nameBackup(MANUAL)).toMatch(/^your backup of /);
  });

  it('sizes in bytes, KB, MB and GB', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(65536)).toBe('64 KB');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('counts agree with their number', () => {
    expect(describeContents({ articles: 1, annotations: 1 })).toBe('1 article, 1 annotation');
    expect(describeContents({ articles: 0, annotations: 2 })).toBe('0 articles, 2 annotations');
  });

  it('dates are the local time of day, with the year; anything unparseable as it is', () => {
    const at = new Date(DAILY.createdAt);
    const text = formatBackupDate(DAILY.createdAt);
    expect(text).toContain(String(at.getFullYear()));
    expect(text).toContain(String(at.getMinutes()).padStart(2, '0'));
    expect(text).toContain(String(at.getHours() % 12 || 12));
    expect(formatBackupDate('yesterday')).toBe('yesterday');
  });

  it('sorts newest first', () => {
    expect(newestFirst([WEEKLY, BEFORE_UPDATE, MANUAL, DAILY]).map((b) => b.kind)).toEqual([
      'manual',
      'daily',
      'weekly',
      'before-migration',
    ]);
  });
});
