/**
 * One changed paragraph in the version diff: its label, its words with removed ones struck
 * (<del>) and inserted ones underlined (<ins>), each announced as such to screen readers, and a
 * "Show in article" button.
 */
import type { ParagraphChange } from '../../../shared/contract/versions';
import { changeKindLabel, changePosition } from './version-diff-text';

export interface DiffChangeProps {
  readonly change: ParagraphChange;
  readonly index: number;
  readonly total: number;
  readonly current: boolean;
  readonly headingId: string;
  readonly onShow?: () => void;
}

export function DiffChange({ change, index, total, current, headingId, onShow }: DiffChangeProps) {
  return (
    <div
      className={`version-diff-change version-diff-${change.kind}`}
      data-current={current || undefined}
    >
      <div className="version-diff-change-head">
        <h3 id={headingId} className="version-diff-change-title">
          {changePosition(index, total)}
          <span className="version-diff-kind"> · {changeKindLabel(change.kind)}</span>
        </h3>
        {onShow && (
          <button type="button" aria-describedby={headingId} onClick={onShow}>
            Show in article
          </button>
        )}
      </div>
      <p className="version-diff-text" dir="auto">
        {change.parts.map((part, i) =>
          part.kind === 'same' ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === 'removed' ? (
            <span key={i}>
              <span className="visually-hidden">[removed: </span>
              <del>{part.text}</del>
              <span className="visually-hidden">]</span>
            </span>
          ) : (
            <span key={i}>
              <span className="visually-hidden">[inserted: </span>
              <ins>{part.text}</ins>
              <span className="visually-hidden">]</span>
            </span>
          ),
        )}
      </p>
    </div>
  );
}
