/**
 * Adding a version to an article: the one path a file, an address and the CLI all take. A text
 * equal to the current version's stores nothing ("unchanged"). Otherwise, in one transaction:
 * the outgoing version keeps its document and text, every annotation's place there is kept, the
 * new version becomes current in `articles` (its details, which the user may have edited, stay),
 * and every annotation is re-anchored into it.
 */
import { ServiceError } from '../../shared/contract/errors';
import type { VersionOutcome, VersionSummary } from '../../shared/contract/versions';
import { buildTextMap } from '../../shared/document/canonical-text';
import type { ImportResult } from '../import/index';
import { normalizeAddress } from '../import/web-address';
import { placeWriter, placedAnnotations, snapshotAnchors } from '../store/annotation-anchors';
import { sha256Hex } from '../store/content-hash';
import * as versions from '../store/versions';
import type { VersionContext } from './context';
import { reanchorPlaces } from './reanchor-places';

export interface IncomingVersion {
  readonly result: ImportResult;
  readonly source: 'file' | 'address';
  /** The file's base name, or the address fetched. */
  readonly sourceName: string;
  /** The article's new source address, when the text is new (an address the user gave). */
  readonly newSourceUrl?: string | null;
}

interface CurrentRow {
  text: string;
  content_hash: string;
}

function requireCurrent(ctx: VersionContext, articleId: string) {
  const row = ctx.db
    .prepare('SELECT text, content_hash FROM articles WHERE id = ? AND deleted_at IS NULL')
    .get(articleId) as CurrentRow | undefined;
  if (!row) throw new ServiceError('not_found', `no article with id ${articleId}`);
  const version = versions.currentVersion(ctx.db, articleId);
  if (!version) throw new ServiceError('internal', `the article ${articleId} has no versions`);
  return { ...row, version };
}

export function addVersion(
  ctx: VersionContext,
  articleId: string,
  incoming: IncomingVersion,
): VersionOutcome {
  const { db } = ctx;
  const { article: parsed, warnings } = incoming.result;
  const text = buildTextMap(parsed.document).text;
  const contentHash = sha256Hex(text);
  const unchanged = (version: VersionSummary): VersionOutcome => {
    const article = ctx.changesOf({ articleIds: [articleId] }).articles[0];
    if (!article) throw new ServiceError('not_found', `no article with id ${articleId}`);
    return {
      status: 'unchanged',
      article,
      version,
      report: null,
      warnings,
      changes: ctx.changesOf({}),
    };
  };
  // Unchanged needs no lock: nothing is written.
  const before = requireCurrent(ctx, articleId);
  if (before.content_hash === contentHash) return unchanged(before.version);

  const document = JSON.stringify(parsed.document.toJSON());
  const documentHash = sha256Hex(document);
  const stored = ctx.write(() => {
    // Under the lock: another Marginalia may have added this text meanwhile.
    const current = requireCurrent(ctx, articleId);
    if (current.content_hash === contentHash) return { version: current.version, live: null };
    const at = ctx.now();
    versions.archiveCurrentContent(db, articleId, current.version.id);
    snapshotAnchors(db, articleId, current.version.id);
    const annotations = placedAnnotations(db, articleId);
    const { places, report } = reanchorPlaces(current.text, text, annotations);
    const id = ctx.newId();
    versions.insertVersion(db, {
      id,
      articleId,
      number: current.version.number + 1,
      source: incoming.source,
      sourceName: incoming.sourceName,
      title: parsed.title,
      contentHash,
      documentHash,
      textLength: text.length,
      report,
      addedAt: at,
    });
    const sourceUrl = incoming.newSourceUrl
      ? (normalizeAddress(incoming.newSourceUrl) ?? incoming.newSourceUrl)
      : null;
    // The FTS triggers re-index the article on this update of its text.
    db.prepare(
      `UPDATE articles SET document = @document, text = @text, content_hash = @contentHash,
         document_hash = @documentHash, source_url = COALESCE(@sourceUrl, source_url),
         updated_at = @at
       WHERE id = @articleId`,
    ).run({ document, text, contentHash, documentHash, sourceUrl, at, articleId });
    const writePlace = placeWriter(db);
    for (const { id: annotationId, place } of places) writePlace(annotationId, place);
    const version = versions.findVersion(db, articleId, current.version.number + 1);
    if (!version) throw new ServiceError('internal', 'the new version was not stored');
    return { version, live: annotations.filter((a) => a.live).map((a) => a.id) };
  });
  if (stored.live === null) return unchanged(stored.version);
  const changes = ctx.changesOf({ annotationIds: stored.live, articleIds: [articleId] });
  const article = changes.articles.find((a) => a.id === articleId);
  if (!article) throw new ServiceError('internal', 'the updated article was not found');
  return {
    status: 'updated',
    article,
    version: stored.version,
    report: stored.version.report,
    warnings,
    changes,
  };
}
