/** A current version 2 for the versions view tests (the contract fakes live in the Node project). */
import type { VersionSummary } from '../../../src/shared/contract/versions';

export const VERSION: VersionSummary = {
  id: '0190d6e5-0000-7000-a000-000000000004',
  articleId: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f',
  number: 2,
  addedAt: '2026-02-12T12:00:00.000Z',
  source: 'address',
  sourceName: 'https://example.org/news/a',
  title: 'Talks go on',
  contentHash: 'sha256:1',
  textLength: 2000,
  report: { unchanged: 3, moved: 1, changed: 1, orphaned: 1, claimsChanged: 1, claimsOrphaned: 0 },
  current: true,
};
