/**
 * A word about one import, above the reader: the article was already in the library (a notice,
 * not an error, with Open), or it came in with warnings (undecodable bytes, a skipped image…).
 */
import type { Imports } from './imports-controller';

export function ImportNotice({ imports }: { readonly imports: Imports }) {
  const notice = imports.notice;
  if (!notice) return null;
  const { article } = notice;
  return (
    <div className="notice imports-notice" role="status" data-kind={notice.kind}>
      {notice.kind === 'duplicate' ? (
        <span>
          Already in your library: <cite>{article.title}</cite>
          <span className="visually-hidden"> ({notice.reason})</span>
        </span>
      ) : (
        <span>
          Imported <cite>{article.title}</cite>, with{' '}
          {notice.warnings.length === 1 ? 'a warning' : `${notice.warnings.length} warnings`}:{' '}
          {notice.warnings.join(' ')}
        </span>
      )}
      {notice.kind === 'duplicate' && (
        <button type="button" onClick={() => imports.open(article.id)}>
          Open
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={imports.dismissNotice}>
        ×
      </button>
    </div>
  );
}
