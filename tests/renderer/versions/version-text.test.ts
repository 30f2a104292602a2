/** The reader's words about versions: the banner's line, the picker's labels, the announcements. */
import { describe, expect, it } from 'vitest';
import {
  bannerText,
  describeOutcome,
  olderVersionNotice,
  pickerLabel,
} from '../../../src/renderer/src/versions/version-text';
import type { ReanchorReport, VersionSummary } from '../../../src/shared/contract/versions';
import { VERSION as fakeVersion } from './version-fixtures';
import { changesOf } from '../../support/annotation-builder';

const NONE: ReanchorReport = {
  unchanged: 4,
  moved: 2,
  changed: 0,
  orphaned: 0,
  claimsChanged: 0,
  claimsOrphaned: 0,
};
const at = (
  report: ReanchorReport | null,
  fields: Partial<VersionSummary> = {},
): VersionSummary => ({
  ...fakeVersion,
  addedAt: '2026-02-12T12:00:00.000Z',
  report,
  ...fields,
});

describe('bannerText', () => {
  it('counts changed claims and removed passages, singular and plural', () => {
    expect(bannerText(at({ ...NONE, changed: 3, claimsChanged: 2, orphaned: 1 }))).toBe(
      'Updated Feb 12: 2 claims changed, 1 passage removed',
    );
    expect(bannerText(at({ ...NONE, changed: 1, claimsChanged: 1, orphaned: 3 }))).toBe(
      'Updated Feb 12: 1 claim changed, 3 passages removed',
    );
  });

  it('speaks of highlights when no claim changed but annotations did', () => {
    expect(bannerText(at({ ...NONE, changed: 2 }))).toBe('Updated Feb 12: 2 highlights changed');
    expect(bannerText(at({ ...NONE, changed: 1, orphaned: 1 }))).toBe(
      'Updated Feb 12: 1 highlight changed, 1 passage removed',
    );
  });

  it('says the highlights are in place when only moved or unchanged ones were found', () => {
    expect(bannerText(at(NONE))).toBe('Updated Feb 12: your highlights are all in place');
  });
});

describe('pickerLabel and the older-version notice', () => {
  it('names the current version with the count, the first as the first import', () => {
    expect(pickerLabel(at(NONE, { number: 2, current: true }), 2)).toBe(
      '2 of 2 — Feb 12, 2026 (current)',
    );
    const first = at(null, {
      number: 1,
      current: false,
      source: 'import',
      addedAt: '2026-02-10T12:00:00.000Z',
    });
    expect(pickerLabel(first, 2)).toBe('1 — Feb 10, 2026 (first import)');
    expect(pickerLabel(at(NONE, { number: 2, current: false, source: 'file' }), 3)).toBe(
      '2 — Feb 12, 2026',
    );
    expect(olderVersionNotice(first, 2)).toBe('You are reading version 1 of 2 (Feb 10).');
  });
});

describe('describeOutcome', () => {
  const outcome = (status: 'updated' | 'unchanged', warnings: string[] = []) => ({
    status,
    article: {} as never,
    version: at({ ...NONE, changed: 1, orphaned: 1 }, { number: 3 }),
    report: { ...NONE, changed: 1, orphaned: 1 },
    warnings,
    changes: changesOf(),
  });
  it('says an unchanged text is the same as the current version', () => {
    expect(describeOutcome(outcome('unchanged'))).toBe(
      'No changes: the text is the same as version 3',
    );
  });
  it('gives the four counts of a new version, and its warnings', () => {
    expect(describeOutcome(outcome('updated', ['The title changed.']))).toBe(
      'Version 3 added: annotations 4 unchanged, 2 moved, 1 changed, 1 orphaned. The title changed.',
    );
  });
});
