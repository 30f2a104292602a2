/**
 * "Import annotations…": a W3C Web Annotation (JSON-LD) or Hypothesis JSON file, put on the
 * articles it names or on the open article, then a report of what came in: how many found their
 * passage exactly, how many at changed words, and the quotes that found none (orphans), so the
 * user sees what did not come in.
 */
import { useId, useState } from 'react';
import type { ImportReport } from '../../../shared/contract/interop';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import { excerpt } from '../../../shared/annotations/wording';
import { plural } from '../../../shared/text/plural';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';

export interface ImportAnnotationsDialogProps {
  readonly client: Client;
  /** The open article, which can take every annotation in the file. */
  readonly openArticle: { readonly id: string; readonly title: string } | null;
  readonly onClose: () => void;
  /**
   * Something was stored: the library and the reader should show it. `shown` is false when the
   * dialog was closed before the import finished, so its report is the caller's to tell.
   */
  /** The import finished: its reply (report and changes), and whether the dialog showed it. */
  readonly onImported: (reply: ResponseOf<'importAnnotations'>, shown: boolean) => void;
  /** The import failed after the dialog was closed (while open, the dialog shows the error). */
  readonly onError: (error: unknown) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "12 anchored, 1 changed, 2 orphaned". */
export function describeImport(report: ImportReport): string {
  return `${report.anchored} anchored, ${report.changed} changed, ${report.orphaned} orphaned`;
}

export function ImportAnnotationsDialog({
  client,
  openArticle,
  onClose,
  onImported,
  onError,
}: ImportAnnotationsDialogProps) {
  const fileId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'named' | 'open'>('named');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Closing the dialog does not stop an import under way: its outcome must still reach the user.
  const open = useMounted();

  const run = async () => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const content = await file.text();
      const reply = await client.importAnnotations({
        fileName: file.name,
        content,
        ...(target === 'open' && openArticle ? { articleId: openArticle.id } : {}),
      });
      setReport(reply.report);
      onImported(reply, open.current);
    } catch (e) {
      if (open.current) setError(messageOf(e));
      else onError(e);
    } finally {
      setBusy(false);
    }
  };

  const links = report
    ? [
        report.linksCreated > 0 && `${plural(report.linksCreated, 'link', 'links')} restored`,
        report.linksUnresolved > 0 &&
          `${plural(report.linksUnresolved, 'link', 'links')} not restored (the other end is missing)`,
      ].filter((line): line is string => !!line)
    : [];

  return (
    <Dialog title="Import annotations" onClose={onClose} className="import-dialog">
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <div className="export-field">
          <label htmlFor={fileId}>Annotation file</label>
          <input
            id={fileId}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-describedby={hintId}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
              setError(null);
            }}
          />
          <p id={hintId} className="hint">
            W3C Web Annotations (JSON-LD), for example from Marginalia, or a Hypothesis export
            (JSON).
          </p>
        </div>
        <fieldset className="export-choice">
          <legend>Attach the annotations to</legend>
          <label className="export-check">
            <input
              type="radio"
              name="import-target"
              value="named"
              checked={target === 'named' || !openArticle}
              onChange={() => setTarget('named')}
            />
            The article each annotation names
          </label>
          {openArticle && (
            <label className="export-check">
              <input
                type="radio"
                name="import-target"
                value="open"
                checked={target === 'open'}
                onChange={() => setTarget('open')}
              />
              The open article: {openArticle.title}
            </label>
          )}
        </fieldset>
        <div className="dialog-actions">
          {/* Not disabled while busy: a disabled button would drop the focus out of the dialog. */}
          <button type="submit" className="primary" disabled={!file} aria-disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="import-report" role="status">
        {report && (
          <>
            <h3>
              {report.format === 'hypothesis' ? 'Hypothesis' : 'W3C'} import:{' '}
              {describeImport(report)}
            </h3>
            <ul className="import-facts">
              {report.alreadyPresent > 0 && (
                <li>
                  {plural(report.alreadyPresent, 'annotation was', 'annotations were')} already in
                  the library
                </li>
              )}
              {links.map((line) => (
                <li key={line}>{line}</li>
              ))}
              {report.articles.map((article) => (
                <li key={article.id}>
                  {plural(article.imported, 'annotation', 'annotations')} into “{article.title}”
                </li>
              ))}
            </ul>
            {report.orphans.length > 0 && (
              <>
                <h4>Passage not found in the article (kept, and marked on its card)</h4>
                <ul className="import-orphans">
                  {report.orphans.map((orphan, index) => (
                    <li key={index}>
                      <blockquote>{excerpt(orphan.quote, 240)}</blockquote>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {report.warnings.length > 0 && (
              <>
                <h4>Warnings</h4>
                <ul className="import-warnings">
                  {report.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
