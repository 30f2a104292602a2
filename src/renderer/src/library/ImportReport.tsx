/**
 * The report at the end of an import of several files: the counts, then every file under what
 * happened to it — imported (Open), already in the library (Open), refused and why. Long
 * sections show their first lines and offer the rest.
 */
import { useId, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { describeCounts, type ImportItem, type ImportRunReport } from './import-items';

export interface ImportReportProps {
  readonly report: ImportRunReport;
  /** Opens an article of the report (the report closes). */
  readonly onOpen: (articleId: string) => void;
  readonly onClose: () => void;
}

/** Lines a section shows before "Show all". */
export const REPORT_LINES_SHOWN = 200;

function ReportSection({
  heading,
  items,
  onOpen,
}: {
  readonly heading: string;
  readonly items: readonly ImportItem[];
  readonly onOpen: (articleId: string) => void;
}) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, REPORT_LINES_SHOWN);
  return (
    <section className="imports-report-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {heading} ({items.length})
      </h3>
      <ul className="imports-report-lines">
        {shown.map((item, index) => (
          <ReportLine key={`${index}:${item.file}`} item={item} onOpen={onOpen} />
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="imports-report-more" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </section>
  );
}

function ReportLine({
  item,
  onOpen,
}: {
  readonly item: ImportItem;
  readonly onOpen: (articleId: string) => void;
}) {
  const article = item.article;
  return (
    <li className="imports-report-line" data-status={item.status}>
      <div className="imports-report-what">
        {article ? (
          <>
            <span className="imports-report-title">{article.title}</span>
            <span className="imports-report-file">{item.file}</span>
          </>
        ) : (
          <>
            <span className="imports-report-file">{item.file}</span>
            <span className="imports-report-reason">{item.reason}</span>
          </>
        )}
        {item.warnings.length > 0 && (
          <ul className="imports-report-warnings">
            {item.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
      {article && (
        <button
          type="button"
          aria-label={`Open ${article.title}`}
          onClick={() => onOpen(article.id)}
        >
          Open
        </button>
      )}
    </li>
  );
}

function filesCount(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}

export function ImportReport({ report, onOpen, onClose }: ImportReportProps) {
  const { items, cancelled, stoppedBy, skipped } = report;
  const by = (status: ImportItem['status']) => items.filter((item) => item.status === status);
  const finished = items.length;
  return (
    <Dialog
      title={stoppedBy ? 'Import stopped' : cancelled ? 'Import cancelled' : 'Import finished'}
      onClose={onClose}
      className="imports-report"
    >
      <p className="imports-report-counts">
        <strong>{describeCounts(items)}</strong>
      </p>
      {(cancelled || stoppedBy) && (
        <p className="hint">
          {stoppedBy
            ? `Stopped after ${filesCount(finished)}: ${stoppedBy}.`
            : `Cancelled after ${filesCount(finished)}.`}{' '}
          The files below were finished before it stopped; nothing else was imported.
        </p>
      )}
      {skipped > 0 && (
        <p className="hint">
          {skipped === 1
            ? '1 other file in the folders was left aside: it is not an article by its type.'
            : `${skipped} other files in the folders were left aside: they are not articles by their type.`}
        </p>
      )}
      {/* Refusals first: they are what needs the reader's attention. */}
      <ReportSection heading="Refused" items={by('refused')} onOpen={onOpen} />
      <ReportSection heading="Imported" items={by('imported')} onOpen={onOpen} />
      <ReportSection heading="Already in your library" items={by('duplicate')} onOpen={onOpen} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
