/**
 * The version picker beside the article's title: every version, the current one last; choosing
 * an older one shows it read-only. Shown only when there is more than one.
 */
import type { RefObject } from 'react';
import type { VersionSummary } from '../../../shared/contract/versions';
import { pickerLabel } from './version-text';

export interface VersionPickerProps {
  readonly versions: readonly VersionSummary[];
  /** The number of the version shown. */
  readonly shown: number;
  readonly onChoose: (number: number) => void;
  /** The select, for focus to come back to from the older version's notice. */
  readonly selectRef?: RefObject<HTMLSelectElement | null>;
}

export function VersionPicker({ versions, shown, onChoose, selectRef }: VersionPickerProps) {
  if (versions.length < 2) return null;
  return (
    <label className="version-picker">
      <span>Version</span>
      <select
        ref={selectRef}
        value={shown}
        onChange={(event) => onChoose(Number(event.target.value))}
      >
        {[...versions].reverse().map((v) => (
          <option key={v.number} value={v.number}>
            {pickerLabel(v, versions.length)}
          </option>
        ))}
      </select>
    </label>
  );
}
