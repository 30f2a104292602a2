/**
 * The restore's notice crosses the reload in sessionStorage: read once, then gone; anything that
 * is not a notice of ours is ignored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  saveRestoreNotice,
  takeRestoreNotice,
} from '../../../src/renderer/src/safety/restore-notice';
import { DAILY, WEEKLY } from './fixtures';

const KEY = 'marginalia.restore-notice';
const outcome = { restored: WEEKLY, keptAside: { ...DAILY, kind: 'before-restore' as const } };

afterEach(() => sessionStorage.clear());

describe('restore notice', () => {
  it('R25 is read once after the reload, with the file kept aside for Undo', () => {
    saveRestoreNotice({ kind: 'restored', outcome });
    expect(takeRestoreNotice()).toEqual({ kind: 'restored', outcome });
    expect(takeRestoreNotice()).toBeNull();
  });

  it('ignores what is not a notice of ours', () => {
    sessionStorage.setItem(KEY, '{not json');
    expect(takeRestoreNotice()).toBeNull();
    sessionStorage.setItem(KEY, JSON.stringify({ kind: 'restored', outcome: { restored: 1 } }));
    expect(takeRestoreNotice()).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });
});
