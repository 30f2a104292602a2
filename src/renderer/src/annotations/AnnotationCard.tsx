/**
 * One annotation in the sidebar: its quote, colour, claim, tags, note and links (each link
 * follows to the other end), with "Go to passage", "Edit" and "Copy as Markdown" (and, in the
 * sidebar's select mode, a checkbox). The open card is scrolled into view, takes the focus (or
 * gives it to the field asked for) and shows the editor; Escape closes it.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Annotation } from '../../../shared/contract/entities';
import { AnnotationEditor, type AnnotationEditing, type FocusField } from './AnnotationEditor';
import { colorName, excerpt, linkText } from '../../../shared/annotations/wording';
import { WordDiff } from './word-diff-view';

export interface AnnotationCardProps extends AnnotationEditing {
  readonly annotation: Annotation;
  readonly active: boolean;
  readonly focusField: FocusField | null;
  readonly onActivate: (id: string | null) => void;
  readonly onJump: (id: string) => void;
  readonly onDelete: (id: string) => void;
  /** Copies this annotation as Markdown; no button without it. */
  readonly onCopyMarkdown?: ((annotation: Annotation) => void) | undefined;
  /** In the sidebar's select mode: whether this card is selected, and how to change it. */
  readonly selection?:
    { readonly selected: boolean; readonly onToggle: (id: string) => void } | undefined;
  /** An orphan's "Re-attach…": starts choosing new words for it; no button without it. */
  readonly onReattach?: ((id: string) => void) | undefined;
}

export function AnnotationCard(props: AnnotationCardProps) {
  const { annotation, active, focusField, onActivate, onJump } = props;
  const { id, claim } = annotation;
  // An orphan's passage is not in the article's text: there is nothing to go to.
  const unplaced = annotation.anchor.status === 'orphan';
  const editorId = useId();
  const diffLabelId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const previous = useRef<{ active: boolean; focusField: FocusField | null }>({
    active: false,
    focusField: null,
  });

  useEffect(() => {
    const before = previous.current;
    previous.current = { active, focusField };
    const card = cardRef.current;
    if (!card) return;
    if (active && (!before.active || (focusField !== null && focusField !== before.focusField))) {
      card.scrollIntoView({ block: 'start' });
      const field = focusField && card.querySelector<HTMLElement>(`[data-field="${focusField}"]`);
      if (!field) card.focus({ preventScroll: true });
      else {
        field.focus();
        // Continue a note or a tag where it ends, not before its first word.
        if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
          const end = field.value.length;
          field.setSelectionRange(end, end);
        }
      }
    } else if (!active && before.active) {
      // The editor took the focus with it: give it back to this card's Edit button.
      const focused = document.activeElement;
      if (!focused || focused === document.body) editRef.current?.focus();
    }
  }, [active, focusField]);

  // Escape closes the open card; blurring first saves the field being edited.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    onActivate(null);
  };

  const follow = (otherId: string) => {
    onActivate(otherId);
    onJump(otherId);
  };

  return (
    <article
      ref={cardRef}
      className={`annotation-card highlight-border-${annotation.color} sb-card`}
      aria-label={`Annotation: ${excerpt(annotation.quote.exact, 40)}`}
      tabIndex={-1}
      data-active={active || undefined}
      data-annotation-card={id}
      data-selected={props.selection?.selected || undefined}
      onKeyDown={active ? onKeyDown : undefined}
    >
      {props.selection && (
        <label className="sb-select">
          <input
            type="checkbox"
            checked={props.selection.selected}
            aria-label={`Select ${excerpt(annotation.quote.exact, 40)}`}
            onChange={() => props.selection?.onToggle(id)}
          />
          <span aria-hidden="true">Select</span>
        </label>
      )}
      {unplaced ? (
        // Nothing to go to: the words as they were annotated.
        <blockquote className="sb-quote">
          {annotation.originalQuote ?? annotation.quote.exact}
        </blockquote>
      ) : (
        <blockquote className="sb-quote" title="Go to passage" onClick={() => onJump(id)}>
          {annotation.quote.exact}
        </blockquote>
      )}
      <p className="sb-meta">
        <span className="sb-color" title={colorName(annotation.color, props.colorLabels)}>
          <span className={`sb-swatch highlight-${annotation.color}`} aria-hidden="true" />
          {colorName(annotation.color, props.colorLabels)}
        </span>
        {claim && (
          <>
            <span className="sb-badge sb-type" title="Claim type">
              <span className="sb-sr-only">Claim: </span>
              {claim.type}
            </span>
            {claim.speaker && (
              <span className="sb-speaker" title="Attributed to">
                <span className="sb-sr-only">attributed to </span>
                {claim.speaker}
              </span>
            )}
            <span className={`sb-badge sb-status sb-status-${claim.status}`} title="Status">
              <span className="sb-sr-only">status: </span>
              {claim.status}
            </span>
          </>
        )}
      </p>
      {!active && annotation.tags.length > 0 && (
        <ul className="sb-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
      {unplaced && <p className="sb-changed">Passage not found in the article’s current text</p>}
      {annotation.originalQuote !== null && !unplaced && (
        <div className="sb-word-diff" role="group" aria-labelledby={diffLabelId}>
          <p id={diffLabelId} className="sb-word-diff-label">
            Words changed since annotated
          </p>
          <WordDiff before={annotation.originalQuote} after={annotation.quote.exact} />
        </div>
      )}
      {!active && annotation.note && <p className="sb-note">{annotation.note}</p>}
      {!active && annotation.links.length > 0 && (
        <ul className="sb-link-list" aria-label="Links">
          {annotation.links.map((link) => (
            <li key={link.id}>
              {link.otherArticleId === annotation.articleId ? (
                <button type="button" className="sb-link" onClick={() => follow(link.otherId)}>
                  {linkText(link)}
                </button>
              ) : (
                <span className="sb-link">{linkText(link)} (another article)</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="sb-actions">
        {!unplaced && (
          <button type="button" onClick={() => onJump(id)}>
            Go to passage
          </button>
        )}
        {unplaced && props.onReattach && (
          <button
            type="button"
            aria-label={`Re-attach “${excerpt(annotation.originalQuote ?? annotation.quote.exact, 40)}”`}
            title="Select new words in the article for this annotation"
            onClick={() => props.onReattach?.(id)}
          >
            Re-attach…
          </button>
        )}
        <button
          ref={editRef}
          type="button"
          aria-expanded={active}
          aria-controls={active ? editorId : undefined}
          onClick={() => onActivate(active ? null : id)}
        >
          Edit
        </button>
        {props.onCopyMarkdown && (
          <button
            type="button"
            className="sb-copy"
            aria-label="Copy as Markdown"
            title="Copy as Markdown"
            onClick={() => props.onCopyMarkdown?.(annotation)}
          >
            Copy
          </button>
        )}
      </div>
      {active && (
        <AnnotationEditor
          id={editorId}
          annotation={annotation}
          actions={props.actions}
          colorLabels={props.colorLabels}
          onFollowLink={follow}
          onDelete={() => props.onDelete(id)}
          onClose={() => onActivate(null)}
        />
      )}
    </article>
  );
}
