/**
 * Article details: the title, byline, site, publication date, source address and the article's
 * own tags, to correct by hand, and where the article came from and when (read-only).
 *
 * Save (or Enter in a field) checks the fields with the contract's own schema and shows each
 * error beside its field before anything is sent; it sends only what changed, an emptied field
 * as "clear". A refusal from the service is shown in the dialog (role=alert) with everything
 * typed kept for another try. Escape, Cancel or Close leave without saving.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { ArticleDetailsPatch } from '../../../shared/contract/article-details';
import type { ArticleSummary } from '../../../shared/contract/entities';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import { useInitialFocus } from '../library/use-initial-focus';
import {
  changedFields,
  checkPatch,
  formOf,
  type DetailField,
  type DetailsErrors,
  type DetailsForm,
} from './details-form';
import { describeAdded, describeLastOpened, describeOrigin } from './origin-text';

export interface ArticleDetailsDialogProps {
  /** The article as the library holds it now. */
  readonly article: ArticleSummary;
  /** Sends the changed fields; rejects with the service's error. */
  readonly onSave: (patch: ArticleDetailsPatch) => Promise<void>;
  readonly onClose: () => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface FieldSpec {
  readonly field: DetailField;
  readonly label: string;
  readonly type: 'text' | 'date' | 'url';
  readonly hint?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { field: 'title', label: 'Title', type: 'text' },
  { field: 'byline', label: 'Byline', type: 'text' },
  { field: 'site', label: 'Site', type: 'text' },
  { field: 'publishedAt', label: 'Publication date', type: 'date' },
  { field: 'sourceUrl', label: 'Source address', type: 'url' },
  {
    field: 'tags',
    label: 'Tags',
    type: 'text',
    hint: 'Separated by commas. These are the article’s own tags, not its annotations’.',
  },
];

export function ArticleDetailsDialog({ article, onSave, onClose }: ArticleDetailsDialogProps) {
  const baseId = useId();
  const titleField = useRef<HTMLInputElement>(null);
  // What the form showed when it opened: a save sends what differs from it.
  const [initial] = useState(() => formOf(article));
  const [form, setForm] = useState<DetailsForm>(initial);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = useMounted();
  useInitialFocus(titleField);

  const idOf = (field: DetailField, part: 'input' | 'error' | 'hint') =>
    `${baseId}-${field}-${part}`;

  const focusField = (field: DetailField) => document.getElementById(idOf(field, 'input'))?.focus();

  const save = async () => {
    if (saving) return;
    setFailure(null);
    const checked = checkPatch(changedFields(initial, form));
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = FIELDS.find((f) => checked.errors[f.field]);
      if (first) focusField(first.field);
      return;
    }
    setErrors({});
    if (Object.keys(checked.patch).length === 0) return onClose();
    setSaving(true);
    try {
      await onSave(checked.patch);
      if (open.current) onClose();
    } catch (e) {
      if (!open.current) return;
      setFailure(`The details were not saved: ${messageOf(e)}`);
    } finally {
      if (open.current) setSaving(false);
    }
  };

  const fieldRow = ({ field, label, type, hint }: FieldSpec): ReactNode => {
    const error = errors[field];
    const described = [error && idOf(field, 'error'), hint && idOf(field, 'hint')]
      .filter(Boolean)
      .join(' ');
    return (
      <div key={field} className="details-field">
        <label htmlFor={idOf(field, 'input')}>{label}</label>
        <input
          ref={field === 'title' ? titleField : undefined}
          id={idOf(field, 'input')}
          type={type === 'url' ? 'text' : type}
          inputMode={type === 'url' ? 'url' : undefined}
          spellCheck={type === 'text' && field !== 'tags' ? undefined : false}
          autoComplete="off"
          dir={type === 'text' ? 'auto' : undefined}
          value={form[field]}
          readOnly={saving}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => {
            const value = event.target.value;
            setForm((current) => ({ ...current, [field]: value }));
          }}
        />
        {hint && (
          <p id={idOf(field, 'hint')} className="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={idOf(field, 'error')} className="details-field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <Dialog title="Article details" onClose={onClose} className="details-dialog">
      <form
        noValidate
        aria-label="Details"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(fieldRow)}
        <section className="details-origin" aria-label="Origin">
          <h3>Origin</h3>
          <p className="details-origin-what" dir="auto">
            {describeOrigin(article)}
          </p>
          <p className="details-origin-when">
            {describeAdded(article.addedAt)}
            <br />
            {describeLastOpened(article.lastOpenedAt)}
          </p>
        </section>
        {failure && (
          <p className="dialog-error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
