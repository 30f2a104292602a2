/** The find bar above the article: the query, the count ("3 of 12"), next/previous and options. */
import { useEffect, useRef } from 'react';
import { ariaKeyShortcuts } from '../../../../shared/commands/keymap';
import type { FindApi } from './use-find';

/** What the count says: nothing before a search, "No matches", or "3 of 12". */
export function findCountText(find: Pick<FindApi, 'query' | 'result'>): string {
  if (find.query === '' || !find.result) return '';
  if (find.result.count === 0) return 'No matches';
  return `${find.result.current + 1} of ${find.result.count}`;
}

export function FindBar({ find }: { readonly find: FindApi }) {
  const none = !find.result || find.result.count === 0;
  const inputRef = useRef<HTMLInputElement>(null);
  // Ctrl/⌘+F, when the bar opens and again while it is open: the field, its text selected.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [find.focusRequest]);
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={find.query}
        spellCheck={false}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            find.step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            find.close();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {findCountText(find)}
      </span>
      <button
        type="button"
        onClick={() => find.step(-1)}
        disabled={none}
        aria-keyshortcuts={`Shift+Enter ${ariaKeyShortcuts('find-previous')}`}
        title="Previous match (Shift+Enter)"
      >
        Previous
      </button>
      <button
        type="button"
        onClick={() => find.step(1)}
        disabled={none}
        aria-keyshortcuts={`Enter ${ariaKeyShortcuts('find-next')}`}
        title="Next match (Enter)"
      >
        Next
      </button>
      <label>
        <input
          type="checkbox"
          checked={find.options.matchCase}
          onChange={(event) =>
            find.setOptions({ ...find.options, matchCase: event.target.checked })
          }
        />
        Match case
      </label>
      <label>
        <input
          type="checkbox"
          checked={find.options.matchAccents}
          onChange={(event) =>
            find.setOptions({ ...find.options, matchAccents: event.target.checked })
          }
        />
        Match accents
      </label>
      <button type="button" onClick={find.close} aria-label="Close find" title="Close (Escape)">
        ×
      </button>
    </div>
  );
}
