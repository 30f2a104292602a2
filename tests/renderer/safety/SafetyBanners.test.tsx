/**
 * The safety banners in Chromium: read-only (named, the service's reason in the sentence),
 * recovered at open (what was wrong, the damaged file's new place as selectable text, what was
 * opened instead, Restore from backup…, Dismiss), what a restore did (with Undo restore, or that
 * it was undone), and the damaged article's warning with its way to a backup.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { page, userEvent } from 'vitest/browser';
import type { LibraryStatus } from '../../../src/shared/contract/library-safety';
import { DamagedArticleBanner } from '../../../src/renderer/src/safety/DamagedArticleBanner';
import {
  ReadOnlyBanner,
  RecoveredNotice,
  RestoreNoticeBanner,
} from '../../../src/renderer/src/safety/SafetyBanners';
import { formatBackupDate } from '../../../src/renderer/src/safety/backup-format';
import { cleanup, perform, render } from '../react-harness';
import { DAILY, WEEKLY } from './fixtures';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const keys = (text: string) => act(() => userEvent.keyboard(text));

const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;

type Recovered = NonNullable<LibraryStatus['recovered']>;
const RECOVERED: Recovered = {
  problem: 'the file is empty.',
  movedTo: '/data/damaged/2024-05-03T10-00-00',
  openedFrom: 'backup',
  backup: DAILY,
};

describe('ReadOnlyBanner', () => {
  it('R19 says the library is read-only, why, and that changes can’t be saved', async () => {
    await render(<ReadOnlyBanner reason="the folder /data is not writable." />);
    const banner = page.getByRole('status', { name: 'Read-only library' }).element();
    expect(banner.textContent).toBe(
      'This library is open read-only: the folder /data is not writable. Changes can’t be saved.',
    );
    // Persistent: nothing to dismiss it with.
    expect(banner.querySelector('button')).toBeNull();
  });
});

describe('RecoveredNotice', () => {
  it('R22 says what was wrong, where the damaged file went and which backup was opened', async () => {
    const onRestore = vi.fn();
    const onDismiss = vi.fn();
    await render(
      <RecoveredNotice
        recovered={RECOVERED}
        onRestoreFromBackup={onRestore}
        onDismiss={onDismiss}
      />,
    );
    const alert = page.getByRole('alert', { name: 'The library was damaged' }).element();
    const text = alert.textContent ?? '';
    expect(text).toContain('The library file was damaged (the file is empty), so Marginalia');
    expect(text).toContain('Nothing was deleted');
    expect(text).toContain(
      `Opened instead: the daily backup of ${formatBackupDate(DAILY.createdAt)}, with 3 articles, 12 annotations.`,
    );
    // The path on its own, as text the user can select and copy.
    const path = alert.querySelector('code')!;
    expect(path.textContent).toBe(RECOVERED.movedTo);
    expect(getComputedStyle(path).userSelect).not.toBe('none');
    const range = document.createRange();
    range.selectNodeContents(path);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(document.getSelection()!.toString()).toBe(RECOVERED.movedTo);

    // By keyboard: Tab order reaches each button, and Enter presses it.
    button('Restore from backup…').focus();
    await keys('{Enter}');
    expect(onRestore).toHaveBeenCalledOnce();
    await keys('{Tab}');
    expect(document.activeElement).toBe(button('Dismiss'));
    await keys('{Enter}');
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('R22 says when a new, empty library was opened instead', async () => {
    await render(
      <RecoveredNotice
        recovered={{ ...RECOVERED, openedFrom: 'new', backup: null }}
        onRestoreFromBackup={() => {}}
        onDismiss={() => {}}
      />,
    );
    expect(page.getByRole('alert').element().textContent).toContain(
      'Opened instead: a new, empty library.',
    );
  });

  it('copies the path, and says it did', async () => {
    await render(
      <RecoveredNotice recovered={RECOVERED} onRestoreFromBackup={() => {}} onDismiss={() => {}} />,
    );
    await perform(() => button('Copy path').click());
    await expect
      .poll(() => document.querySelector('.safety-copied')?.textContent)
      .toMatch(/^(Copied|Could not copy: select the path and copy it)$/);
  });
});

describe('RestoreNoticeBanner', () => {
  const outcome = { restored: WEEKLY, keptAside: { ...DAILY, kind: 'before-restore' as const } };

  it('R25 says what was restored and where the library as it was is kept; Undo restore undoes', async () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    const mounted = await render(
      <RestoreNoticeBanner
        notice={{ kind: 'restored', outcome }}
        undoing={false}
        onUndo={onUndo}
        onDismiss={onDismiss}
      />,
    );
    const notice = page.getByRole('status', { name: 'Library restored' }).element();
    expect(notice.textContent).toContain(
      `Restored the weekly backup of ${formatBackupDate(WEEKLY.createdAt)}: 1 article, 1 annotation.`,
    );
    expect(notice.textContent).toContain(
      `kept as the backup taken before the restore on ${formatBackupDate(DAILY.createdAt)}.`,
    );
    await perform(() => button('Undo restore').click());
    expect(onUndo).toHaveBeenCalledOnce();

    await mounted.rerender(
      <RestoreNoticeBanner
        notice={{ kind: 'restored', outcome }}
        undoing
        onUndo={onUndo}
        onDismiss={onDismiss}
      />,
    );
    expect(button('Undoing the restore…').getAttribute('aria-disabled')).toBe('true');
    await perform(() => button('Dismiss').click());
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('after an undo, says the library is back as it was, with nothing more to undo', async () => {
    await render(
      <RestoreNoticeBanner
        notice={{ kind: 'undone', outcome }}
        undoing={false}
        onUndo={() => {}}
        onDismiss={() => {}}
      />,
    );
    const notice = page.getByRole('status', { name: 'Library restored' }).element();
    expect(notice.textContent).toContain(
      'Restore undone: your library is back as it was, with 1 article, 1 annotation.',
    );
    expect(page.getByRole('button', { name: 'Undo restore' }).elements()).toHaveLength(0);
  });
});

describe('DamagedArticleBanner', () => {
  it('says the text may be damaged and offers Restore from backup…', async () => {
    const onRestore = vi.fn();
    await render(<DamagedArticleBanner onRestoreFromBackup={onRestore} />);
    const banner = page.getByRole('alert', { name: 'Damaged article' }).element();
    expect(banner.textContent).toContain(
      'This article’s stored text doesn’t match its checksum: it may be damaged.',
    );
    await perform(() => button('Restore from backup…').click());
    expect(onRestore).toHaveBeenCalledOnce();
  });
});
