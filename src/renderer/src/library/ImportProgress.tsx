/**
 * Progress of an import under way: a bar (done of total), the file being read, and Cancel. Until
 * the files are counted the bar has no value (a folder is still being walked).
 */
import type { ImportProgress as Progress } from '../../../shared/contract/jobs';

export interface ImportProgressProps {
  /** Where it is; null until the first file is counted. */
  readonly progress: Progress | null;
  /** Cancel was pressed: what is being read now is finished, then it stops. */
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/** "12 of 40 · current-file.html", "Looking for files…" before the count is known. */
export function describeProgress(progress: Progress | null): string {
  if (!progress || (progress.total === 0 && progress.current === null)) return 'Looking for files…';
  const count = `${progress.done} of ${progress.total}`;
  return progress.current ? `${count} · ${progress.current}` : count;
}

export function ImportProgress({ progress, cancelling, onCancel }: ImportProgressProps) {
  const known = progress !== null && progress.total > 0;
  const share = known ? Math.min(1, progress.done / progress.total) : 0;
  const text = cancelling
    ? `Cancelling… ${describeProgress(progress)}`
    : describeProgress(progress);
  return (
    <section className="imports-progress" aria-label="Import progress">
      <div
        className="imports-progress-bar"
        role="progressbar"
        aria-label="Importing articles"
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={known ? `${progress.done} of ${progress.total} files` : 'Counting files'}
        data-indeterminate={known ? undefined : ''}
      >
        <div className="imports-progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="imports-progress-row">
        <p className="imports-progress-text" title={text}>
          {text}
        </p>
        <button
          type="button"
          onClick={onCancel}
          aria-disabled={cancelling || undefined}
          aria-label={cancelling ? 'Cancelling import' : 'Cancel import'}
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
