/**
 * The article header's version actions: "Update from file…" (a hidden file input, as web mode's
 * Import… has) and "Check for changes" (refused, with the reason as its description, when the
 * article has no source address), with what is under way said beside them.
 */
import { useId } from 'react';
import { ariaKeyShortcuts } from '../../../shared/commands/keymap';
import { IMPORTABLE_EXTENSIONS } from '../../../shared/contract/importable';
import type { VersionUpdates } from './use-version-updates';

export interface VersionActionsProps {
  readonly updates: VersionUpdates;
}

export function VersionActions({ updates }: VersionActionsProps) {
  const { running, checkRefusal, fileInput, chooseFile, check, updateFromFile } = updates;
  const reasonId = useId();
  return (
    <div className="version-actions" role="group" aria-label="Versions">
      <button type="button" aria-disabled={running !== null || undefined} onClick={chooseFile}>
        Update from file…
      </button>
      <button
        type="button"
        aria-disabled={running !== null || checkRefusal !== null || undefined}
        aria-describedby={checkRefusal ? reasonId : undefined}
        aria-keyshortcuts={ariaKeyShortcuts('check-for-changes')}
        title={checkRefusal ?? 'Fetch the article’s address again (Ctrl/⌘+Shift+U)'}
        onClick={() => void check()}
      >
        Check for changes
      </button>
      {checkRefusal && (
        <span id={reasonId} hidden>
          {checkRefusal}
        </span>
      )}
      {running && (
        <span className="version-progress" role="status">
          <span className="version-spinner" aria-hidden="true" />
          {running === 'check' ? 'Checking…' : 'Updating…'}
        </span>
      )}
      <input
        ref={fileInput}
        type="file"
        accept={IMPORTABLE_EXTENSIONS.join(',')}
        hidden
        aria-label="New version of the article"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again is a change too.
          event.target.value = '';
          if (file) void updateFromFile(file);
        }}
      />
    </div>
  );
}
