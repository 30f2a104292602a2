/**
 * The service's version operations (listing, reading and comparing versions, adding one from a
 * file or an address, re-attaching an annotation and undoing that) and the job that checks many
 * articles for changes.
 */
import path from 'node:path';
import { isClusterBoundary } from '../../shared/anchoring/anchor';
import { positionMatchesQuote, type Selectors } from '../../shared/anchoring/selectors';
import type { DocumentJson } from '../../shared/contract/entities';
import { ServiceError } from '../../shared/contract/errors';
import type { JobHandlers } from '../../shared/contract/jobs';
import type { ServiceHandlers } from '../../shared/contract/operations';
import type { AnnotationPlace, VersionOutcome } from '../../shared/contract/versions';
import { diffTexts } from '../../shared/versions/text-diff';
import { importPipeline } from '../lazy-import-pipeline';
import * as annotations from '../store/annotations';
import { anchorsOfVersion, currentAnchors, placeWriter } from '../store/annotation-anchors';
import * as articles from '../store/articles';
import * as versions from '../store/versions';
import { addVersion } from './add-version';
import { checkArticlesJob } from './check-articles';
import type { VersionContext } from './context';

export type VersionOperationName =
  | 'listVersions'
  | 'getArticleVersion'
  | 'diffVersions'
  | 'dismissVersionNotice'
  | 'updateArticleFromFile'
  | 'checkForChanges'
  | 'reattachAnnotation'
  | 'restoreAnnotationPlace';

export interface VersionHandlers {
  readonly operations: Pick<ServiceHandlers, VersionOperationName>;
  readonly checkArticles: JobHandlers['checkArticles'];
}

export function createVersionHandlers(ctx: VersionContext): VersionHandlers {
  const { db } = ctx;

  function requireLiveArticle(id: string) {
    const details = articles.findArticleDetails(db, id);
    if (!details) throw new ServiceError('not_found', `no article with id ${id}`);
    return details;
  }

  function requireVersion(articleId: string, number: number) {
    requireLiveArticle(articleId);
    const version = versions.findVersion(db, articleId, number);
    if (!version) {
      throw new ServiceError('not_found', `the article ${articleId} has no version ${number}`);
    }
    return version;
  }

  /** A version's canonical text: the article's own when it is the current one. */
  function textOf(version: { id: string; articleId: string; current: boolean }): string {
    if (version.current) return articles.findArticleText(db, version.articleId) ?? '';
    const stored = versions.storedVersionContent(db, version.id);
    if (!stored) throw new ServiceError('internal', `version ${version.id} has lost its text`);
    return stored.text;
  }

  function updateFromBytes(id: string, fileName: string, bytes: Uint8Array): VersionOutcome {
    ctx.refuseIfReadOnly(); // before the file is read
    requireLiveArticle(id);
    const result = importPipeline().importFile(fileName, bytes, { resources: null });
    return addVersion(ctx, id, { result, source: 'file', sourceName: path.basename(fileName) });
  }

  async function checkForChanges(
    id: string,
    url: string | undefined,
    signal?: AbortSignal,
  ): Promise<VersionOutcome> {
    ctx.refuseIfReadOnly(); // before anything is fetched
    const article = requireLiveArticle(id);
    const address = url ?? article.sourceUrl;
    if (!address) {
      throw new ServiceError(
        'invalid_request',
        'this article has no source address; give one or use Update from file…',
      );
    }
    const { fetchPage, importFile } = importPipeline();
    const page = await fetchPage(address, signal ? { signal } : {});
    const result = importFile(page.fileName, page.bytes, {
      charset: page.charset,
      sourceUrl: page.finalUrl,
    });
    return addVersion(ctx, id, {
      result,
      source: 'address',
      sourceName: page.finalUrl,
      newSourceUrl: url === undefined ? null : page.finalUrl,
    });
  }

  /** The annotation's place now, for undo. */
  function placeOf(record: annotations.AnnotationRecord): AnnotationPlace {
    return {
      quote: record.quote,
      position: record.position,
      originalQuote: record.originalQuote,
      anchor: record.anchor,
    };
  }

  function requireAnnotation(id: string): annotations.AnnotationRecord {
    const found = annotations.findAnnotationRecord(db, id);
    if (!found) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return found;
  }

  /** Refuses a place whose words are not at its offsets in the article's current text. */
  function requireWordsAt(articleId: string, selectors: Selectors): void {
    const text = articles.findArticleText(db, articleId) ?? '';
    if (!positionMatchesQuote(text, selectors)) {
      throw new ServiceError(
        'invalid_request',
        `the quote does not match the article's text at ` +
          `${selectors.position.start}-${selectors.position.end}`,
      );
    }
    for (const offset of [selectors.position.start, selectors.position.end]) {
      if (!isClusterBoundary(text, offset)) {
        throw new ServiceError(
          'invalid_request',
          `the passage starts or ends inside a character at ${offset} (an emoji or a letter ` +
            'with its accent): select whole characters',
        );
      }
    }
  }

  /** Writes a new place for a live annotation, checked again under the lock. */
  function movePlace(id: string, next: (current: annotations.AnnotationRecord) => AnnotationPlace) {
    return ctx.write(() => {
      const current = requireAnnotation(id);
      const place = next(current);
      placeWriter(db)(id, place);
      return { previous: placeOf(current), articleId: current.articleId };
    });
  }

  const annotationReply = (id: string, articleId: string) => {
    const changes = ctx.changesOf({ annotationIds: [id], articleIds: [articleId] });
    const annotation = changes.annotations.find((a) => a.id === id);
    if (!annotation) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return { annotation, changes };
  };

  const operations: VersionHandlers['operations'] = {
    listVersions: ({ articleId }) => {
      requireLiveArticle(articleId);
      const list = versions.listVersions(db, articleId);
      const current = list[list.length - 1];
      const seen = versions.noticeSeen(db, articleId);
      // Version 1 has no banner to close.
      const noticeDismissed = !current || current.number === 1 || (seen ?? 0) >= current.number;
      return { versions: list, noticeDismissed };
    },

    getArticleVersion: ({ articleId, number }) => {
      const version = requireVersion(articleId, number);
      if (version.current) {
        const article = articles.findArticle(db, articleId);
        if (!article) throw new ServiceError('not_found', `no article with id ${articleId}`);
        return { version, document: article.document, anchors: currentAnchors(db, articleId) };
      }
      const stored = versions.storedVersionContent(db, version.id);
      if (!stored) throw new ServiceError('internal', `version ${number} has lost its text`);
      const document: DocumentJson = stored.document ?? {
        type: 'doc',
        content: stored.text
          .split('\n')
          .map((line) =>
            line === ''
              ? { type: 'paragraph' }
              : { type: 'paragraph', content: [{ type: 'text', text: line }] },
          ),
      };
      return { version, document, anchors: anchorsOfVersion(db, version.id) };
    },

    diffVersions: ({ articleId, from, to }) => {
      const older = requireVersion(articleId, from);
      const newer = requireVersion(articleId, to);
      const diff = diffTexts(textOf(older), textOf(newer));
      return {
        from: older,
        to: newer,
        changes: diff.changes,
        wordsRemoved: diff.wordsRemoved,
        wordsInserted: diff.wordsInserted,
      };
    },

    dismissVersionNotice: ({ articleId }) => {
      requireLiveArticle(articleId);
      ctx.write(() => {
        const current = versions.currentVersion(db, articleId);
        if (!versions.markNoticeSeen(db, articleId, current?.number ?? 1)) {
          throw new ServiceError('not_found', `no article with id ${articleId}`);
        }
      });
      return {};
    },

    updateArticleFromFile: ({ id, fileName, contentBase64 }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) {
        throw new ServiceError(
          'invalid_request',
          'updateArticleFromFile: contentBase64 is not base64',
        );
      }
      return updateFromBytes(id, fileName, Buffer.from(contentBase64, 'base64'));
    },

    checkForChanges: ({ id, url }) => checkForChanges(id, url),

    reattachAnnotation: ({ id, quote, position }) => {
      const found = requireAnnotation(id);
      requireWordsAt(found.articleId, { quote, position });
      const { previous, articleId } = movePlace(id, (current) => {
        requireWordsAt(current.articleId, { quote, position }); // the text may have changed
        const asAnnotated = current.originalQuote ?? current.quote.exact;
        const originalQuote = asAnnotated === quote.exact ? null : asAnnotated;
        return {
          quote,
          position,
          originalQuote,
          anchor: { status: originalQuote === null ? 'anchored' : 'changed', ...position },
        };
      });
      return { ...annotationReply(id, articleId), previous };
    },

    restoreAnnotationPlace: ({ id, place }) => {
      const check = (articleId: string) => {
        if (place.anchor.status === 'orphan') return;
        const { start, end } = place.anchor;
        if (start !== place.position.start || end !== place.position.end) {
          throw new ServiceError(
            'invalid_request',
            `the anchor ${start}-${end} is not the place's position ` +
              `${place.position.start}-${place.position.end}`,
          );
        }
        requireWordsAt(articleId, place);
      };
      check(requireAnnotation(id).articleId);
      const { articleId } = movePlace(id, (current) => {
        check(current.articleId);
        return place;
      });
      return annotationReply(id, articleId);
    },
  };

  return {
    operations,
    checkArticles: (request, context) =>
      checkArticlesJob(db, request, context, {
        refuseIfReadOnly: ctx.refuseIfReadOnly,
        check: (id, signal) => checkForChanges(id, undefined, signal),
        changesOf: ctx.changesOf,
      }),
  };
}
