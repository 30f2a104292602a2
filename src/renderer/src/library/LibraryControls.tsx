/** The library's sort (by what, which way) and density, above the list. */
import { LIBRARY_SORT_KEYS, type Settings } from '../../../shared/contract/entities';
import { SORT_LABELS, type LibrarySortKey, type SortDirection } from './library-sort';

/** How the library list is shown; kept in the settings, so it survives a restart. */
export type LibraryView = Pick<Settings, 'librarySort' | 'librarySortDirection' | 'libraryDensity'>;

/** Each direction said the way the key reads ("Newest first", not "Descending"). */
const DIRECTION_LABELS: Record<LibrarySortKey, Record<SortDirection, string>> = {
  title: { ascending: 'A to Z', descending: 'Z to A' },
  site: { ascending: 'A to Z', descending: 'Z to A' },
  byline: { ascending: 'A to Z', descending: 'Z to A' },
  published: { ascending: 'Oldest first', descending: 'Newest first' },
  added: { ascending: 'Oldest first', descending: 'Newest first' },
  opened: { ascending: 'Longest ago first', descending: 'Most recent first' },
  annotations: { ascending: 'Fewest first', descending: 'Most first' },
  claims: { ascending: 'Fewest first', descending: 'Most first' },
};

export interface LibraryControlsProps {
  readonly view: LibraryView;
  readonly onChange: (patch: Partial<LibraryView>) => void;
}

export function LibraryControls({ view, onChange }: LibraryControlsProps) {
  const directions = DIRECTION_LABELS[view.librarySort];
  return (
    <div className="library-controls">
      <label>
        Sort by{' '}
        <select
          value={view.librarySort}
          onChange={(event) => onChange({ librarySort: event.target.value as LibrarySortKey })}
        >
          {LIBRARY_SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Order{' '}
        <select
          value={view.librarySortDirection}
          onChange={(event) =>
            onChange({ librarySortDirection: event.target.value as SortDirection })
          }
        >
          <option value="ascending">{directions.ascending}</option>
          <option value="descending">{directions.descending}</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={view.libraryDensity === 'compact'}
          onChange={(event) =>
            onChange({ libraryDensity: event.target.checked ? 'compact' : 'comfortable' })
          }
        />{' '}
        Compact
      </label>
    </div>
  );
}
