/**
 * "Restore from backup…" in Chromium, with a fake client: the backups newest first, in words
 * (local date, why it was taken, counts, size); the newest chosen and focused; "Back up now" with
 * its progress; Restore asks first, saying the current library is kept aside, and restores the
 * chosen file; the keyboard alone does all of it; the service's errors are shown in the dialog.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ServiceError } from '../../../src/shared/contract/errors';
import type { Backup, RestoreOutcome } from '../../../src/shared/contract/library-safety';
import { BEFORE_UPDATE, DAILY, MANUAL, WEEKLY } from './fixtures';
import type { Client } from '../../../src/shared/contract/operations';
import { BackupsDialog } from '../../../src/renderer/src/safety/BackupsDialog';
import { formatBackupDate } from '../../../src/renderer/src/safety/backup-format';
import { cleanup, perform, render } from '../react-harness';
import { until } from './until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const keys = (text: string) => act(() => userEvent.keyboard(text));
const dialog = () => page.getByRole('dialog', { name: 'Restore from backup' });
const button = (name: string) =>
  dialog().getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const radios = () => dialog().getByRole('radio').elements() as HTMLInputElement[];
const status = () => dialog().getByRole('status').element().textContent;
/** The question "Restore …?" is asked, its button focused. */
const asked = () => until(() => expect(document.activeElement).toBe(button('Restore this backup')));
/** Back at the list, with the focus on Restore…. */
const backAtList = () =>
  until(() => {
    expect(dialog().element().querySelector('.backup-confirm')).toBeNull();
    expect(document.activeElement).toBe(button('Restore…'));
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeClient(backups: Backup[] = [WEEKLY, DAILY, BEFORE_UPDATE]) {
  const fns = {
    listBackups: vi.fn(async () => ({ backups })),
    backupNow: vi.fn<() => Promise<{ backup: Backup }>>(),
  };
  return { fns, client: fns as unknown as Client };
}

async function open(
  client: Client,
  props: { onRestore?: (file: string) => Promise<RestoreOutcome>; onClose?: () => void } = {},
) {
  const onRestore = vi.fn(props.onRestore ?? (() => new Promise<RestoreOutcome>(() => {})));
  const onClose = vi.fn(props.onClose ?? (() => {}));
  const onError = vi.fn();
  const announce = vi.fn();
  const mounted = await render(
    <BackupsDialog
      client={client}
      backupsFolder="/data/backups"
      onRestore={onRestore}
      onClose={onClose}
      announce={announce}
      onError={onError}
    />,
  );
  await until(() => expect(dialog().element().textContent).not.toContain('Loading backups…'));
  return { onRestore, onClose, onError, announce, mounted };
}

describe('BackupsDialog', () => {
  it('lists the backups newest first, in words, with the newest chosen and focused', async () => {
    const { client } = fakeClient();
    await open(client);
    const list = radios();
    expect(list.map((r) => r.value)).toEqual([DAILY.file, WEEKLY.file, BEFORE_UPDATE.file]);
    const names = list.map((r) => r.labels?.[0]?.textContent ?? '');
    expect(names[0]).toBe(
      `${formatBackupDate(DAILY.createdAt)}Daily3 articles, 12 annotations · 64 KB`,
    );
    expect(names[1]).toContain('Weekly');
    expect(names[1]).toContain('1 article, 1 annotation · 1.5 MB');
    expect(names[2]).toContain('Before an update');
    // The radios' accessible names, as a screen reader (and the e2e test) finds them.
    expect(
      dialog()
        .getByRole('radio', { name: /Before an update/ })
        .elements(),
    ).toHaveLength(1);
    expect(list[0]!.checked).toBe(true);
    expect(document.activeElement).toBe(list[0]);
    expect(dialog().element().textContent).toContain('/data/backups');
  });

  it('says so when there are no backups, and "Back up now" makes the first one', async () => {
    const { fns, client } = fakeClient([]);
    await open(client);
    expect(dialog().element().textContent).toContain('No backups yet.');
    expect(button('Restore…').disabled).toBe(true);
    expect(document.activeElement).toBe(button('Back up now'));
    fns.backupNow.mockResolvedValue({ backup: MANUAL });
    fns.listBackups.mockResolvedValue({ backups: [MANUAL] });
    await keys('{Enter}');
    await until(() => expect(radios().map((r) => r.value)).toEqual([MANUAL.file]));
    expect(fns.backupNow).toHaveBeenCalledOnce();
    expect(radios()[0]!.checked).toBe(true);
    expect(button('Restore…').disabled).toBe(false);
  });

  it('"Back up now" shows its progress, asks once, then says what it saved and lists it', async () => {
    const { fns, client } = fakeClient();
    const making = deferred<{ backup: Backup }>();
    fns.backupNow.mockReturnValue(making.promise);
    await open(client);
    await perform(() => button('Back up now').click());
    const busy = button('Backing up…');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(
      dialog().getByRole('progressbar', { name: 'Backing up the library' }).elements(),
    ).toHaveLength(1);
    await perform(() => busy.click());
    expect(fns.backupNow).toHaveBeenCalledOnce();
    fns.listBackups.mockResolvedValue({ backups: [MANUAL, DAILY, WEEKLY, BEFORE_UPDATE] });
    making.resolve({ backup: MANUAL });
    // Said once saved, then listed again.
    await until(() => expect(radios()[0]!.value).toBe(MANUAL.file));
    expect(status()).toBe('Backed up: 4 articles, 13 annotations (68 KB).');
    expect(dialog().getByRole('progressbar').elements()).toHaveLength(0);
    expect(radios()[0]!.labels?.[0]?.textContent).toContain('Made by you');
    // What the user had chosen stays chosen.
    expect(radios().find((r) => r.checked)?.value).toBe(DAILY.file);
  });

  it('shows why a backup failed, in the dialog', async () => {
    const { fns, client } = fakeClient();
    fns.backupNow.mockRejectedValue(
      new ServiceError('storage_full', 'The disk holding /data/backups is full.'),
    );
    await open(client);
    await perform(() => button('Back up now').click());
    await until(() =>
      expect(dialog().getByRole('alert').element().textContent).toBe(
        'Backing up failed: The disk holding /data/backups is full.',
      ),
    );
    expect(button('Back up now').getAttribute('aria-disabled')).toBeNull();
  });

  it('R25 by keyboard: choose, ask (the library is kept aside), step back, ask again, restore that file', async () => {
    const { client } = fakeClient();
    const restoring = deferred<RestoreOutcome>();
    const { onRestore, onClose } = await open(client, { onRestore: () => restoring.promise });
    // The newest has the focus; the arrow chooses the next one.
    await keys('{ArrowDown}');
    expect(radios()[1]!.checked).toBe(true);
    await keys('{Tab}');
    expect(document.activeElement).toBe(button('Back up now'));
    await keys('{Tab}');
    expect(document.activeElement).toBe(button('Restore…'));
    await keys('{Enter}');
    await asked();
    const confirm = button('Restore this backup');
    const question = dialog().element().querySelector('.backup-confirm')?.textContent ?? '';
    expect(question).toContain(
      `Restore the weekly backup of ${formatBackupDate(WEEKLY.createdAt)}?`,
    );
    expect(question).toContain('It holds 1 article, 1 annotation.');
    expect(question).toContain('Your current library is kept aside first');
    expect(question).toContain('nothing is lost');
    expect(question).toContain('undo the restore');
    // The button itself is described by the question, for a screen reader landing on it.
    const described = (confirm.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('kept aside first');
    // The choice cannot change under the question.
    expect(radios().every((r) => r.matches(':disabled'))).toBe(true);

    // Escape steps back from the question, not out of the dialog.
    await keys('{Escape}');
    await backAtList();
    expect(onClose).not.toHaveBeenCalled();
    expect(onRestore).not.toHaveBeenCalled();

    await keys('{Enter}');
    await asked();
    await keys('{Enter}');
    expect(onRestore).toHaveBeenCalledExactlyOnceWith(WEEKLY.file);
    expect(button('Restoring…').getAttribute('aria-disabled')).toBe('true');
    expect(
      dialog().getByRole('progressbar', { name: 'Restoring the library' }).elements(),
    ).toHaveLength(1);
    // While it restores the dialog stays, whatever is pressed.
    await keys('{Escape}');
    await perform(() => button('Close').click());
    await keys('{Enter}');
    expect(onClose).not.toHaveBeenCalled();
    expect(onRestore).toHaveBeenCalledOnce();

    restoring.resolve({ restored: WEEKLY, keptAside: { ...DAILY, kind: 'before-restore' } });
    await until(() =>
      expect(status()).toBe(
        `Restored the weekly backup of ${formatBackupDate(WEEKLY.createdAt)}. Reloading…`,
      ),
    );
  });

  it('shows why a restore failed, back at the list with the focus on Restore…', async () => {
    const { client } = fakeClient();
    const { onClose } = await open(client, {
      onRestore: () =>
        Promise.reject(
          new ServiceError('read_only', 'The library /data/marginalia.db is open read-only.'),
        ),
    });
    await perform(() => button('Restore…').click());
    await asked();
    await perform(() => button('Restore this backup').click());
    await until(() =>
      expect(dialog().getByRole('alert').element().textContent).toBe(
        'Restoring failed: The library /data/marginalia.db is open read-only.',
      ),
    );
    await backAtList();
    expect(radios().some((r) => r.matches(':disabled'))).toBe(false);
    // Closable again.
    await keys('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('Cancel on the question goes back without restoring', async () => {
    const { client } = fakeClient();
    const { onRestore } = await open(client);
    await perform(() => button('Restore…').click());
    await asked();
    await perform(() => button('Cancel').click());
    await backAtList();
    expect(onRestore).not.toHaveBeenCalled();
  });

  it('Escape closes it; so does Close', async () => {
    const { client } = fakeClient();
    const first = await open(client);
    await keys('{Escape}');
    expect(first.onClose).toHaveBeenCalledOnce();
    await first.mounted.unmount();
    const second = await open(client);
    await perform(() => button('Close').click());
    expect(second.onClose).toHaveBeenCalledOnce();
  });

  it('says when the backups cannot be listed', async () => {
    const { fns, client } = fakeClient();
    fns.listBackups.mockRejectedValue(
      new ServiceError('internal', 'The backups folder /data/backups cannot be read.'),
    );
    await open(client);
    expect(dialog().getByRole('alert').element().textContent).toBe(
      'The backups could not be listed: The backups folder /data/backups cannot be read.',
    );
  });

  it('a backup that finishes after the dialog closed is still announced', async () => {
    const { fns, client } = fakeClient();
    const making = deferred<{ backup: Backup }>();
    fns.backupNow.mockReturnValue(making.promise);
    const { announce, mounted } = await open(client);
    await perform(() => button('Back up now').click());
    await mounted.unmount();
    making.resolve({ backup: MANUAL });
    await until(() =>
      expect(announce).toHaveBeenCalledWith('Backed up: 4 articles, 13 annotations (68 KB).'),
    );
  });
});
