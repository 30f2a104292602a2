/**
 * The library's safety above the reader: a library open read-only (a banner for as long as it
 * is), a library that was found damaged at open and replaced (what was wrong, where the damaged
 * file went, what was opened instead), and what the last restore did, with "Undo restore".
 */
import { useState } from 'react';
import type { LibraryStatus } from '../../../shared/contract/library-safety';
import { copyText } from '../export/clipboard';
import { describeContents, nameBackup } from './backup-format';
import type { RestoreNotice } from './restore-notice';
import type { LibrarySafety } from './use-library-safety';

/** The service's reason, ready to sit in a sentence (no full stop of its own). */
function clause(text: string): string {
  return text.trim().replace(/[.。]+$/, '');
}

export function ReadOnlyBanner({ reason }: { readonly reason: string }) {
  return (
    <div className="safety-banner safety-read-only" role="status" aria-label="Read-only library">
      <span>This library is open read-only: {clause(reason)}. Changes can’t be saved.</span>
    </div>
  );
}

export interface RecoveredNoticeProps {
  readonly recovered: NonNullable<LibraryStatus['recovered']>;
  readonly onRestoreFromBackup: () => void;
  readonly onDismiss: () => void;
}

export function RecoveredNotice({
  recovered,
  onRestoreFromBackup,
  onDismiss,
}: RecoveredNoticeProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const { backup } = recovered;
  const copy = () =>
    copyText(recovered.movedTo).then(
      () => setCopied('Copied'),
      () => setCopied('Could not copy: select the path and copy it'),
    );
  return (
    <div
      className="safety-banner safety-recovered"
      role="alert"
      aria-label="The library was damaged"
    >
      <div className="safety-text">
        <p>
          <strong>The library file was damaged</strong> ({clause(recovered.problem)}), so Marginalia
          moved it aside. Nothing was deleted: the damaged file is now in
        </p>
        <p className="safety-path-row">
          <code className="safety-path">{recovered.movedTo}</code>
          <button type="button" onClick={() => void copy()}>
            Copy path
          </button>
          <span className="safety-copied" aria-live="polite">
            {copied}
          </span>
        </p>
        <p>
          {recovered.openedFrom === 'backup' && backup
            ? `Opened instead: ${nameBackup(backup)}, with ${describeContents(backup)}.`
            : 'Opened instead: a new, empty library.'}
        </p>
      </div>
      <div className="safety-actions">
        <button type="button" onClick={onRestoreFromBackup}>
          Restore from backup…
        </button>
        <button type="button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}

export interface RestoreNoticeBannerProps {
  readonly notice: RestoreNotice;
  readonly undoing: boolean;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
}

export function RestoreNoticeBanner({
  notice,
  undoing,
  onUndo,
  onDismiss,
}: RestoreNoticeBannerProps) {
  const { restored, keptAside } = notice.outcome;
  return (
    <div className="notice safety-restored" role="status" aria-label="Library restored">
      {notice.kind === 'restored' ? (
        <span>
          Restored {nameBackup(restored)}: {describeContents(restored)}. Your library as it was
          before is kept as {nameBackup(keptAside)}.
        </span>
      ) : (
        <span>
          Restore undone: your library is back as it was, with {describeContents(restored)}.
        </span>
      )}
      {notice.kind === 'restored' && (
        <button type="button" aria-disabled={undoing || undefined} onClick={onUndo}>
          {undoing ? 'Undoing the restore…' : 'Undo restore'}
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/** Every safety banner the window has now, in the order they matter. */
export function SafetyBanners({ safety }: { readonly safety: LibrarySafety }) {
  const { status, recovered, restoreNotice } = safety;
  return (
    <>
      {status?.readOnly && <ReadOnlyBanner reason={status.readOnly.reason} />}
      {recovered && (
        <RecoveredNotice
          recovered={recovered}
          onRestoreFromBackup={safety.openBackups}
          onDismiss={safety.dismissRecovered}
        />
      )}
      {restoreNotice && (
        <RestoreNoticeBanner
          notice={restoreNotice}
          undoing={safety.undoing}
          onUndo={safety.undoRestore}
          onDismiss={safety.dismissRestoreNotice}
        />
      )}
    </>
  );
}
