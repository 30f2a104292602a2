/**
 * The library's filter bar: a select per facet (tag, speaker, claim type, site), "Has orphans",
 * "Clear filters", and the count of articles shown, said politely when it changes.
 */
import {
  describeLibraryCount,
  EMPTY_LIBRARY_FILTER,
  isLibraryFilterEmpty,
  type LibraryFacet,
  type LibraryFilter,
  type LibraryFilterChoices,
} from './library-filter';

const FACETS: readonly { facet: LibraryFacet; label: string }[] = [
  { facet: 'tag', label: 'Tag' },
  { facet: 'speaker', label: 'Speaker' },
  { facet: 'claimType', label: 'Claim type' },
  { facet: 'site', label: 'Site' },
];

export interface LibraryFiltersProps {
  readonly filter: LibraryFilter;
  readonly choices: LibraryFilterChoices;
  readonly onChange: (filter: LibraryFilter) => void;
  readonly shown: number;
  readonly total: number;
}

export function LibraryFilters({ filter, choices, onChange, shown, total }: LibraryFiltersProps) {
  const empty = isLibraryFilterEmpty(filter);
  return (
    <div className="library-filters" role="group" aria-label="Filter the library">
      {FACETS.map(({ facet, label }) => {
        const value = filter[facet];
        // A chosen value stays offered after its last use goes (a tag removed meanwhile), so the
        // select still shows what narrows the list.
        const options =
          value !== null && !choices[facet].includes(value)
            ? [value, ...choices[facet]]
            : choices[facet];
        return (
          <label key={facet}>
            <span className="library-filter-label">{label}</span>
            <select
              value={value ?? ''}
              disabled={options.length === 0}
              onChange={(event) => onChange({ ...filter, [facet]: event.target.value || null })}
            >
              <option value="">Any</option>
              {options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="library-filter-check">
        <input
          type="checkbox"
          checked={filter.hasOrphans}
          onChange={(event) => onChange({ ...filter, hasOrphans: event.target.checked })}
        />{' '}
        Has orphans
      </label>
      {/* Never disabled: it would drop the focus of whoever just pressed it. */}
      <button
        type="button"
        className="library-filter-clear"
        onClick={() => onChange(EMPTY_LIBRARY_FILTER)}
      >
        Clear filters
      </button>
      {/* role="status" is polite by itself; the window's announcer is the one aria-live node. */}
      <p className="library-count" role="status">
        {describeLibraryCount(shown, total, !empty)}
      </p>
    </div>
  );
}
