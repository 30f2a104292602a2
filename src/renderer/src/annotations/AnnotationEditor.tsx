/**
 * The editor inside an open annotation card: colour, note (saved as it is typed), tags, claim
 * (type, speaker, status), links to the article's other annotations, delete and done (the card
 * closes it on Escape). Text fields keep a local draft while focused and save on blur, Enter or a pick
 * from their suggestions, so one edit is one undo step.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  LINK_RELATIONS,
  type Annotation,
  type Claim,
  type ClaimStatus,
  type LinkRelation,
  type Settings,
} from '../../../shared/contract/entities';
import { fold } from './filter';
import { colorName, excerpt, linkText, relationWords } from '../../../shared/annotations/wording';
import type { AnnotationsApi } from './use-annotations';

/** The control a card focuses when it is opened by the N, T or C shortcut. */
export type FocusField = 'note' | 'tags' | 'claim';

/** What editing an annotation needs beyond the annotation: the article's others, the changes
 * API, the colour legend and the library's suggestions. Shared by the card and the editor. */
export interface AnnotationEditing {
  /** Every annotation of the article (this one is left out of the link targets). */
  readonly all: readonly Annotation[];
  readonly api: AnnotationsApi;
  readonly colorLabels: Settings['colorLabels'];
  readonly tagNames: readonly string[];
  readonly speakers: readonly string[];
  readonly claimTypes: readonly string[];
}

export interface AnnotationEditorProps extends AnnotationEditing {
  readonly id: string;
  readonly annotation: Annotation;
  readonly onFollowLink: (otherId: string) => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

/** Adds tags typed by the user: no `#` or commas, no duplicates, the library's spelling kept. */
export function mergeTags(
  current: readonly string[],
  typed: readonly string[],
  known: readonly string[],
): string[] {
  const result = [...current];
  const keys = new Set(current.map(fold));
  for (const raw of typed) {
    const name = raw.replace(/[#,]/gu, '').trim().slice(0, 100);
    const key = fold(name);
    if (!name || keys.has(key)) continue;
    keys.add(key);
    result.push(known.find((k) => fold(k) === key) ?? name);
  }
  return result;
}

/** True for a value chosen from a datalist (or set by script) rather than typed key by key. */
function isPick(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
}

/** Edits sent but not yet reloaded, for the annotation object they were made over. */
interface Saved {
  readonly over: Annotation;
  readonly tags?: readonly string[];
  readonly claim?: Claim | null;
}

interface CommitInputProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly string[];
  readonly field?: FocusField;
  readonly placeholder?: string;
  readonly onCommit: (text: string) => void;
}

/** A text input with suggestions that saves its trimmed text once per edit. */
function CommitInput({ label, value, options, field, placeholder, onCommit }: CommitInputProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const sent = useRef(value);
  const pending = useRef<(() => void) | null>(null);
  const commit = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onCommit(trimmed);
  };
  // Closing the card while typing still saves what was typed.
  useEffect(
    () => () => {
      pending.current?.();
    },
    [],
  );
  return (
    <div className="sb-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list={`${id}-options`}
        value={draft ?? value}
        placeholder={placeholder}
        autoComplete="off"
        data-field={field}
        onFocus={() => {
          sent.current = value;
          setDraft(value);
        }}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          pending.current = () => commit(text);
          if (isPick(event) && options.includes(text)) commit(text);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
          event.preventDefault();
          commit(draft ?? value);
        }}
        onBlur={() => {
          commit(draft ?? value);
          pending.current = null;
          setDraft(null);
        }}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </div>
  );
}

export function AnnotationEditor(props: AnnotationEditorProps) {
  const { annotation, api, colorLabels, onClose } = props;
  const annotationId = annotation.id;
  const uid = useId();

  // Note: a local draft while focused; every change is saved, the undo step recorded on blur.
  const [noteDraft, setNoteDraft] = useState<string | null>(null);
  const commitNote = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      commitNote.current?.();
    },
    [],
  );

  // Tags and claim just saved are shown, and built on, until the annotation is reloaded.
  const [saved, setSaved] = useState<Saved | null>(null);
  const pending = saved?.over === annotation ? saved : null;
  const tags = pending?.tags ?? annotation.tags;
  const claim = pending?.claim !== undefined ? pending.claim : annotation.claim;

  const [tagText, setTagText] = useState('');
  const saveTags = (next: readonly string[]) => {
    setSaved({ ...pending, over: annotation, tags: next });
    void api.update(annotationId, { tags: next });
  };
  const addTags = (typed: readonly string[]) => {
    const next = mergeTags(tags, typed, props.tagNames);
    if (next.length > tags.length) saveTags(next);
  };

  const changeClaim = (patch: Partial<Claim>) => {
    if (!claim) return;
    const next: Claim = { ...claim, ...patch };
    if (next.type === claim.type && next.speaker === claim.speaker && next.status === claim.status)
      return;
    saveClaim(next);
  };
  const saveClaim = (next: Claim | null) => {
    setSaved({ ...pending, over: annotation, claim: next });
    void api.update(annotationId, { claim: next });
  };
  const defaultType = props.claimTypes.includes('assertion')
    ? 'assertion'
    : (props.claimTypes[0] ?? 'assertion');

  const [relation, setRelation] = useState<LinkRelation>('denies');
  const [chosenTarget, setTarget] = useState('');
  const targets = props.all.filter((a) => a.id !== annotationId);
  const target = targets.some((a) => a.id === chosenTarget) ? chosenTarget : '';
  const alreadyLinked = annotation.links.some(
    (l) => l.direction === 'outgoing' && l.otherId === target && l.relation === relation,
  );

  return (
    <div id={props.id} className="sb-editor">
      <fieldset className="sb-group sb-colors">
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} className="sb-color-option">
            <input
              type="radio"
              name={`${uid}-color`}
              value={color}
              checked={annotation.color === color}
              onChange={() => void api.update(annotationId, { color })}
            />
            <span className={`sb-swatch highlight-${color}`} aria-hidden="true" />
            {colorName(color, colorLabels)}
          </label>
        ))}
      </fieldset>

      <div className="sb-row">
        <label htmlFor={`${uid}-note`}>Note</label>
        <textarea
          id={`${uid}-note`}
          data-field="note"
          rows={3}
          value={noteDraft ?? annotation.note}
          onFocus={() => {
            const before = annotation.note;
            commitNote.current = () => api.commitNote(annotationId, before);
            setNoteDraft(annotation.note);
          }}
          onChange={(event) => {
            setNoteDraft(event.target.value);
            api.saveNoteDraft(annotationId, event.target.value);
          }}
          onBlur={() => {
            commitNote.current?.();
            commitNote.current = null;
            setNoteDraft(null);
          }}
        />
      </div>

      <fieldset className="sb-group">
        <legend>Tags</legend>
        {tags.length > 0 && (
          <ul className="sb-chips">
            {tags.map((tag) => (
              <li key={tag} className="sb-chip">
                #{tag}
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  title={`Remove tag ${tag}`}
                  onClick={() => saveTags(tags.filter((t) => t !== tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="sb-inline">
          <input
            aria-label="New tag"
            list={`${uid}-tags`}
            data-field="tags"
            autoComplete="off"
            placeholder="Add a tag…"
            title="Enter or a comma adds the tag"
            value={tagText}
            onChange={(event) => {
              const parts = event.target.value.split(',');
              const rest = parts.pop() ?? '';
              if (parts.length > 0) addTags(parts);
              setTagText(rest);
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
              event.preventDefault();
              addTags([tagText]);
              setTagText('');
            }}
          />
          <button
            type="button"
            aria-label="Add tag"
            disabled={!tagText.trim()}
            onClick={() => {
              addTags([tagText]);
              setTagText('');
            }}
          >
            Add
          </button>
        </div>
        <datalist id={`${uid}-tags`}>
          {props.tagNames
            .filter((t) => !tags.includes(t))
            .map((t) => (
              <option key={t} value={t} />
            ))}
        </datalist>
      </fieldset>

      <fieldset className="sb-group">
        <legend>Claim</legend>
        <label className="sb-check">
          <input
            type="checkbox"
            checked={claim !== null}
            data-field={claim ? undefined : 'claim'}
            onChange={(event) =>
              saveClaim(
                event.target.checked
                  ? { type: defaultType, speaker: null, status: 'unverified' }
                  : null,
              )
            }
          />
          Mark as claim
        </label>
        {claim && (
          <>
            <CommitInput
              label="Type"
              value={claim.type}
              options={props.claimTypes}
              field="claim"
              onCommit={(type) => {
                if (type) changeClaim({ type });
              }}
            />
            <CommitInput
              label="Attributed to"
              value={claim.speaker ?? ''}
              options={props.speakers}
              placeholder="Nobody"
              onCommit={(speaker) => changeClaim({ speaker: speaker || null })}
            />
            <div className="sb-row">
              <label htmlFor={`${uid}-status`}>Status</label>
              <select
                id={`${uid}-status`}
                value={claim.status}
                onChange={(event) => changeClaim({ status: event.target.value as ClaimStatus })}
              >
                {CLAIM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </fieldset>

      <fieldset className="sb-group">
        <legend>Links</legend>
        {annotation.links.length > 0 && (
          <ul className="sb-link-list">
            {annotation.links.map((link) => (
              <li key={link.id}>
                <button
                  type="button"
                  className="sb-link"
                  disabled={link.otherArticleId !== annotation.articleId}
                  onClick={() => props.onFollowLink(link.otherId)}
                >
                  {linkText(link, 40)}
                </button>
                <button
                  type="button"
                  className="sb-small"
                  aria-label={`Remove link: ${linkText(link, 40)}`}
                  onClick={() => void api.unlink(link.id)}
                >
                  Remove link
                </button>
              </li>
            ))}
          </ul>
        )}
        {targets.length === 0 ? (
          <p className="hint">Highlight another passage to link this one to it.</p>
        ) : (
          <div className="sb-link-form">
            <div className="sb-row">
              <label htmlFor={`${uid}-relation`}>Relation</label>
              <select
                id={`${uid}-relation`}
                value={relation}
                onChange={(event) => setRelation(event.target.value as LinkRelation)}
              >
                {LINK_RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {relationWords(r, 'outgoing')}
                  </option>
                ))}
              </select>
            </div>
            <div className="sb-row">
              <label htmlFor={`${uid}-target`}>Link to…</label>
              <select
                id={`${uid}-target`}
                value={target}
                onChange={(event) => setTarget(event.target.value)}
              >
                <option value="">Choose a passage</option>
                {targets.map((a) => (
                  <option key={a.id} value={a.id}>
                    ‘{excerpt(a.quote.exact, 50)}’{a.claim ? ` (${a.claim.type})` : ''}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              disabled={!target || alreadyLinked}
              onClick={() => {
                void api.link(annotationId, target, relation);
                setTarget('');
              }}
            >
              Add link
            </button>
          </div>
        )}
      </fieldset>

      <div className="sb-actions">
        <button type="button" className="sb-danger" onClick={props.onDelete}>
          Delete annotation
        </button>
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
