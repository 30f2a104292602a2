/**
 * The library's ways in: Import… (files), Import folder…, Add from URL…, and under them the
 * progress of an import under way (with Cancel) or a way back to the last report. Web mode's
 * file picker is a hidden input here ("Files to import"), clicked by Import… and by Ctrl/⌘+O.
 */
import { ariaKeyShortcuts } from '../../../shared/commands/keymap';
import { IMPORTABLE_EXTENSIONS } from '../../../shared/contract/importable';
import { ImportProgress } from './ImportProgress';
import { describeCounts } from './import-items';
import type { Imports } from './imports-controller';

export interface ImportButtonsProps {
  readonly imports: Imports;
}

export function ImportButtons({ imports }: ImportButtonsProps) {
  const { running, lastReport, fileInput, cancel, showLastReport } = imports;
  const busy = running !== null;
  return (
    <div className="imports">
      <div className="imports-buttons" role="group" aria-label="Add articles">
        <button
          type="button"
          aria-keyshortcuts={ariaKeyShortcuts('import-files')}
          aria-disabled={busy || undefined}
          onClick={imports.chooseFiles}
        >
          {busy && !running.showProgress ? 'Importing…' : 'Import…'}
        </button>
        <button type="button" aria-disabled={busy || undefined} onClick={imports.chooseFolder}>
          Import folder…
        </button>
        <button
          type="button"
          aria-keyshortcuts={ariaKeyShortcuts('add-from-url')}
          onClick={() => imports.askUrl()}
        >
          Add from URL…
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORTABLE_EXTENSIONS.join(',')}
        multiple
        hidden
        aria-label="Files to import"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so choosing the same file again is a change too.
          event.target.value = '';
          imports.importPicked(files);
        }}
      />
      {running?.showProgress && (
        <ImportProgress
          progress={running.progress}
          cancelling={running.cancelling}
          onCancel={cancel}
        />
      )}
      {!running && lastReport && (
        <button type="button" className="imports-last" onClick={showLastReport}>
          Last import: {describeCounts(lastReport.items)}
        </button>
      )}
    </div>
  );
}
