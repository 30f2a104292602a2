/** Backups as the service lists them, for the safety view tests. */
import type { Backup } from '../../../src/shared/contract/library-safety';

export const DAILY: Backup = {
  file: '/data/backups/marginalia-2024-05-02-daily.db',
  kind: 'daily',
  createdAt: '2024-05-02T09:00:00.000Z',
  schemaVersion: 5,
  articles: 3,
  annotations: 12,
  bytes: 65536,
};
export const WEEKLY: Backup = {
  ...DAILY,
  file: '/data/backups/marginalia-2024-04-28-weekly.db',
  kind: 'weekly',
  createdAt: '2024-04-28T18:30:00.000Z',
  articles: 1,
  annotations: 1,
  bytes: 1_572_864,
};
export const BEFORE_UPDATE: Backup = {
  ...DAILY,
  file: '/data/backups/marginalia-before-migration-5.db',
  kind: 'before-migration',
  createdAt: '2024-04-20T08:00:00.000Z',
};
export const MANUAL: Backup = {
  ...DAILY,
  file: '/data/backups/marginalia-manual.db',
  kind: 'manual',
  createdAt: '2024-05-03T12:15:00.000Z',
  articles: 4,
  annotations: 13,
  bytes: 70_000,
};
