/**
 * The editor inside an open annotation card: colour, note (saved as it is typed), tags, claim
 * (type, speaker, status), links to the article's other annotations, delete and done (the card
 * closes it on Escape). Text fields keep a local draft while focused and save on blur, Enter or a pick
 * from their suggestions, so one edit is one undo step.
 */
import { memo, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
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
import { nameKey } from '../../../shared/text/fold';
import { cleanTagName } from '../../../shared/text/tag-name';
import { colorName, excerpt, linkText, relationWords } from '../../../shared/annotations/wording';
import { memoSelector, useSelector } from '../store/external-store';
import { useNames, useStore } from '../store/hooks';
import { selectAnnotationList, type RendererState } from '../store/renderer-store';
import type { AnnotationActions } from './annotation-actions';

/** The control a card focuses when it is opened by the N, T or C shortcut. */
export type FocusField = 'note' | 'tags' | 'claim';

/** What editing an annotation needs beyond the annotation (the rest comes from the store): the
 * changes and the colour legend. Shared by the card and the editor. */
export interface AnnotationEditing {
  readonly actions: AnnotationActions;
  readonly colorLabels: Settings['colorLabels'];
}

export interface AnnotationEditorProps extends AnnotationEditing {
  readonly id: string;
  readonly annotation: Annotation;
  readonly onFollowLink: (otherId: string) => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

/** Adds tags typed by the user (cleaned as every tag coming in is), no duplicates by the
 * library's rule, the library's spelling kept. */
export function mergeTags(
  current: readonly string[],
  typed: readonly string[],
  known: readonly string[],
): string[] {
  const result = [...current];
  const keys = new Set(current.map(nameKey));
  for (const raw of typed) {
    const name = cleanTagName(raw);
    if (name === null) continue;
    const key = nameKey(name);
    if (keys.has(key)) continue;
    keys.add(key);
    result.push(known.find((k) => nameKey(k) === key) ?? name);
  }
  return result;
}

/** True for a value chosen from a datalist (or set by script) rather than typed key by key. */
function isPick(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
}

/** Tags and claim sent whose reply has not been applied yet. */
interface Saved {
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

interface NoteFieldProps {
  readonly id: string;
  readonly annotationId: string;
  readonly note: string;
  readonly actions: AnnotationActions;
}

/**
 * The note: a local draft while focused, so a keystroke re-renders this field alone; every change
 * is saved, and the undo step recorded on blur (or when the card closes while typing).
 */
const NoteField = memo(function NoteField({ id, annotationId, note, actions }: NoteFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      commit.current?.();
    },
    [],
  );
  return (
    <div className="sb-row">
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        data-field="note"
        rows={3}
        value={draft ?? note}
        onFocus={() => {
          const before = note;
          commit.current = () => actions.commitNote(annotationId, before);
          setDraft(note);
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          actions.saveNoteDraft(annotationId, event.target.value);
        }}
        onBlur={() => {
          commit.current?.();
          commit.current = null;
          setDraft(null);
        }}
      />
    </div>
  );
});

export function AnnotationEditor(props: AnnotationEditorProps) {
  const { annotation, actions: api, colorLabels, onClose } = props;
  const annotationId = annotation.id;
  const uid = useId();
  const names = useNames();

  // Tags and claim just sent are shown, and the next edit is built on them, until the reply to
  // the last one sent is in the store: a quick second edit must not start from the first reply.
  const [saved, setSaved] = useState<Saved | null>(null);
  const tags = saved?.tags ?? annotation.tags;
  const claim = saved && 'claim' in saved ? (saved.claim ?? null) : annotation.claim;
  const send = (edit: Saved) => {
    const mine: Saved = { ...saved, ...edit };
    setSaved(mine);
    // Replies are applied in order; once this one is (or it failed), the store says the rest.
    void api
      .update(annotationId, edit)
      .finally(() => setSaved((current) => (current === mine ? null : current)));
  };

  const [tagText, setTagText] = useState('');
  const saveTags = (next: readonly string[]) => send({ tags: next });
  const addTags = (typed: readonly string[]) => {
    const next = mergeTags(tags, typed, names.tags);
    if (next.length > tags.length) saveTags(next);
  };

  const changeClaim = (patch: Partial<Claim>) => {
    if (!claim) return;
    const next: Claim = { ...claim, ...patch };
    if (next.type === claim.type && next.speaker === claim.speaker && next.status === claim.status)
      return;
    saveClaim(next);
  };
  const saveClaim = (next: Claim | null) => send({ claim: next });
  const defaultType = names.claimTypes.includes('assertion')
    ? 'assertion'
    : (names.claimTypes[0] ?? 'assertion');

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

      <NoteField
        id={`${uid}-note`}
        annotationId={annotationId}
        note={annotation.note}
        actions={api}
      />

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
          {names.tags
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
              options={names.claimTypes}
              field="claim"
              onCommit={(type) => {
                if (type) changeClaim({ type });
              }}
            />
            <CommitInput
              label="Attributed to"
              value={claim.speaker ?? ''}
              options={names.speakers}
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
        <LinkForm annotation={annotation} actions={api} />
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

interface LinkFormProps {
  readonly annotation: Annotation;
  readonly actions: AnnotationActions;
}

/**
 * Past this many passages the link-target list is filled only while it is in use (focused or
 * pressed): thousands of options cost tens of milliseconds to render, which every card opened
 * with J/K would pay. Below it the options are always there, for every way of reading a form.
 */
const LAZY_TARGETS = 500;

/** A passage as the link-target list offers it. */
interface LinkTarget {
  readonly id: string;
  readonly label: string;
}

const targetLabel = (a: Annotation) =>
  `‘${excerpt(a.quote.exact, 50)}’${a.claim ? ` (${a.claim.type})` : ''}`;

/**
 * The open article's passages as link targets: the same array until an id or a label changes,
 * so a saved note does not re-render thousands of options.
 */
const selectLinkTargets = (() => {
  let last: readonly LinkTarget[] = [];
  return memoSelector(
    (state: RendererState) => [selectAnnotationList(state)] as const,
    (list: readonly Annotation[]): readonly LinkTarget[] => {
      const next = list.map((a) => ({ id: a.id, label: targetLabel(a) }));
      const same =
        next.length === last.length &&
        next.every((t, i) => t.id === last[i]!.id && t.label === last[i]!.label);
      if (!same) last = next;
      return last;
    },
  );
})();

const TargetOptions = memo(function TargetOptions({
  targets,
  except,
}: {
  readonly targets: readonly LinkTarget[];
  readonly except: string;
}) {
  return targets.map((t) =>
    t.id === except ? null : (
      <option key={t.id} value={t.id}>
        {t.label}
      </option>
    ),
  );
});

interface LinkFormProps {
  readonly annotation: Annotation;
  readonly actions: AnnotationActions;
}

/** "This denies / supports … that": a relation and another passage of the article. */
const LinkForm = memo(function LinkForm({ annotation, actions }: LinkFormProps) {
  const uid = useId();
  const targets = useSelector(useStore(), selectLinkTargets);
  const [relation, setRelation] = useState<LinkRelation>('denies');
  const [chosenTarget, setTarget] = useState('');
  const [choosing, setChoosing] = useState(false);
  const annotationId = annotation.id;
  const target = targets.some((t) => t.id === chosenTarget && t.id !== annotationId)
    ? chosenTarget
    : '';
  const alreadyLinked = annotation.links.some(
    (l) => l.direction === 'outgoing' && l.otherId === target && l.relation === relation,
  );
  if (targets.length < 2) {
    return <p className="hint">Highlight another passage to link this one to it.</p>;
  }
  const filled = targets.length <= LAZY_TARGETS || choosing || target !== '';
  return (
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
          onFocus={() => setChoosing(true)}
          onPointerDown={() => setChoosing(true)}
          onBlur={() => setChoosing(false)}
          onChange={(event) => setTarget(event.target.value)}
        >
          <option value="">Choose a passage</option>
          {filled && <TargetOptions targets={targets} except={annotationId} />}
        </select>
      </div>
      <button
        type="button"
        disabled={!target || alreadyLinked}
        onClick={() => {
          void actions.link(annotationId, target, relation);
          setTarget('');
        }}
      >
        Add link
      </button>
    </div>
  );
});
