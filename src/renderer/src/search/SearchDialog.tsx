/**
 * Search everything (Ctrl/⌘+K): a field, and the matches grouped by article — its title and site,
 * then each hit with where it is ("Note", "Quote", …) and its snippet, the matched words marked.
 * Focus stays in the field (a combobox); the arrows move through the results, Enter opens the
 * chosen one, Escape closes. Snippets are built from the service's plain-text parts, never
 * rendered as markup.
 */
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { SearchGroup, SearchHit, Snippet } from '../../../shared/contract/search';
import { Dialog } from '../components/Dialog';
import { useInitialFocus } from '../library/use-initial-focus';
import { HIT_KIND_LABELS } from './hit-kind';
import { useSearch } from './use-search';

/**
 * Where choosing a result leads: the article, at an annotation or at a place in its text (the
 * `length` characters from `offset` are the matched words, flashed when it opens).
 */
export interface SearchTarget {
  readonly articleId: string;
  readonly annotationId: string | null;
  readonly offset: number | null;
  readonly length: number | null;
}

export interface SearchDialogProps {
  readonly client: Pick<Client, 'search'>;
  readonly onOpen: (target: SearchTarget) => void;
  readonly onClose: () => void;
  readonly onError: (error: unknown) => void;
}

/** One choosable row: an article's heading or one of its hits. */
interface Option {
  readonly id: string;
  readonly target: SearchTarget;
}

function optionsOf(groups: readonly SearchGroup[], prefix: string): Option[][] {
  return groups.map((group, g) => [
    // The article itself (a match in its title, say): opened at the top.
    {
      id: `${prefix}-${g}`,
      target: { articleId: group.article.id, annotationId: null, offset: 0, length: null },
    },
    ...group.hits.map((hit, h) => ({
      id: `${prefix}-${g}-${h}`,
      target: {
        articleId: group.article.id,
        annotationId: hit.annotationId,
        offset: hit.offset,
        length: hit.annotationId === null ? (hit.length ?? null) : null,
      },
    })),
  ]);
}

function SnippetText({ snippet }: { readonly snippet: Snippet }) {
  return (
    <span className="search-snippet">
      {snippet.truncatedStart && '…'}
      {snippet.parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
      {snippet.truncatedEnd && '…'}
    </span>
  );
}

function HitRow(props: {
  readonly hit: SearchHit;
  readonly option: Option;
  readonly active: boolean;
  readonly onChoose: (option: Option) => void;
}) {
  const { hit, option, active, onChoose } = props;
  return (
    <div
      id={option.id}
      role="option"
      aria-selected={active}
      className={active ? 'search-hit active' : 'search-hit'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onChoose(option)}
    >
      <span className="search-hit-kind">{HIT_KIND_LABELS[hit.kind]}: </span>
      <SnippetText snippet={hit.snippet} />
    </div>
  );
}

export function SearchDialog({ client, onOpen, onClose, onError }: SearchDialogProps) {
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  useInitialFocus(field);
  const prefix = useId().replace(/:/g, '');
  const listId = `${prefix}-results`;
  const { query, results, pending } = useSearch(client, text, onError);

  const groups = useMemo(() => results?.groups ?? [], [results]);
  const options = useMemo(() => optionsOf(groups, prefix), [groups, prefix]);
  const flat = useMemo(() => options.flat(), [options]);
  // A new answer starts at its first result.
  const [answered, setAnswered] = useState(results);
  if (answered !== results) {
    setAnswered(results);
    setActiveIndex(0);
  }
  const active = flat[Math.min(activeIndex, flat.length - 1)] ?? null;

  const choose = useCallback(
    (option: Option) => {
      onClose();
      onOpen(option.target);
    },
    [onClose, onOpen],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && flat.length > 0) {
      event.preventDefault();
      const next = (flat.indexOf(active!) + step + flat.length) % flat.length;
      setActiveIndex(next);
      document.getElementById(flat[next]!.id)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      choose(active);
    }
  };

  const total = results?.total ?? 0;
  const status =
    query === null
      ? ''
      : total === 0
        ? 'No results'
        : `${total} ${total === 1 ? 'article' : 'articles'} found`;

  return (
    <Dialog title="Search everything" onClose={onClose} className="search-dialog">
      <input
        ref={field}
        type="text"
        className="search-field"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={flat.length > 0}
        aria-controls={listId}
        aria-activedescendant={active?.id}
        placeholder="Titles, text, quotes, notes, tags, speakers"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="search-status" role="status" aria-busy={pending}>
        {status}
      </p>
      <div id={listId} role="listbox" aria-label="Search results" className="search-results">
        {groups.map((group, g) => {
          const [head, ...hitOptions] = options[g]!;
          const headActive = head === active;
          return (
            <div
              key={group.article.id}
              role="group"
              aria-label={group.article.title}
              className="search-group"
            >
              <div
                id={head!.id}
                role="option"
                aria-selected={headActive}
                className={headActive ? 'search-article active' : 'search-article'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(head!)}
              >
                <span className="search-article-title">{group.article.title}</span>
                {group.article.site && (
                  <span className="search-article-site"> — {group.article.site}</span>
                )}
              </div>
              {group.hits.map((hit, h) => (
                <HitRow
                  key={hitOptions[h]!.id}
                  hit={hit}
                  option={hitOptions[h]!}
                  active={hitOptions[h] === active}
                  onChoose={choose}
                />
              ))}
              {group.moreAnnotations > 0 && (
                <div className="search-more">
                  and {group.moreAnnotations} more{' '}
                  {group.moreAnnotations === 1 ? 'annotation' : 'annotations'}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Dialog>
  );
}
