/**
 * The per-annotation work of creating, deleting and restoring annotations, shared by the single
 * operations (`createAnnotation`, `deleteAnnotation`, `restoreAnnotation`) and their batch forms
 * (suggested claims accepted together). The caller owns the transaction: the `…InWrite`
 * functions run inside one, the checks before it (and again inside, under the lock).
 */
import type { Database } from 'better-sqlite3';
import { isClusterBoundary } from '../shared/anchoring/anchor';
import { positionMatchesQuote, type Selectors } from '../shared/anchoring/selectors';
import type { Claim, HighlightColor } from '../shared/contract/entities';
import { ServiceError } from '../shared/contract/errors';
import * as annotations from './store/annotations';
import * as articles from './store/articles';
import { storeClaim } from './store/claims';
import * as links from './store/links';
import * as tags from './store/tags';

/** An annotation to create, as `createAnnotation` takes it. */
export interface NewAnnotation extends Selectors {
  readonly articleId: string;
  readonly color: HighlightColor;
  readonly note: string;
  readonly claim: Claim | null;
  readonly tags: readonly string[];
}

export interface AnnotationWrites {
  /** The live article's canonical text; not_found otherwise. */
  requireText(articleId: string): string;
  /** Refuses a passage that is not at its place in `text` or cuts a character in two. */
  checkPassage(text: string, selectors: Selectors): void;
  /** Stores a new annotation (its claim's type and speaker created as needed). In a write. */
  insertInWrite(id: string, request: NewAnnotation, at: string): void;
  requireAnnotation(id: string): annotations.AnnotationRecord;
  /** A soft-deleted annotation of a live article; not_found otherwise. */
  requireDeleted(id: string): { record: annotations.AnnotationRecord; deletedAt: string };
  /**
   * Soft-deletes a live annotation and its links. In a write. Answers its article and the
   * annotations it was linked to (their link lists change).
   */
  deleteInWrite(id: string, at: string): { articleId: string; linked: string[] };
}

export function createAnnotationWrites(db: Database, newId: () => string): AnnotationWrites {
  function requireAnnotation(id: string): annotations.AnnotationRecord {
    const found = annotations.findAnnotationRecord(db, id);
    if (!found) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return found;
  }

  return {
    requireText(articleId) {
      const text = articles.findArticleText(db, articleId);
      if (text === null) throw new ServiceError('not_found', `no article with id ${articleId}`);
      return text;
    },

    checkPassage(text, selectors) {
      if (!positionMatchesQuote(text, selectors)) {
        throw new ServiceError(
          'invalid_anchor',
          `the quote does not match the article's text at ${selectors.position.start}-${selectors.position.end}`,
        );
      }
      for (const [edge, offset] of [
        ['starts', selectors.position.start],
        ['ends', selectors.position.end],
      ] as const) {
        // Half an emoji or a letter without its accent cannot be exported and found again.
        if (!isClusterBoundary(text, offset)) {
          throw new ServiceError(
            'invalid_anchor',
            `the passage ${edge} inside a character at ${offset} (an emoji or a letter with ` +
              'its accent): select whole characters',
          );
        }
      }
    },

    insertInWrite(id, request, at) {
      annotations.insertAnnotation(db, {
        id,
        articleId: request.articleId,
        quote: request.quote,
        position: request.position,
        color: request.color,
        note: request.note,
        claim: storeClaim(db, request.claim, newId, at),
        originalQuote: null,
        anchor: { status: 'anchored', ...request.position },
        createdAt: at,
        updatedAt: at,
      });
      tags.setAnnotationTags(db, id, request.tags, newId, at);
    },

    requireAnnotation,

    requireDeleted(id) {
      const deleted = annotations.findDeletedAnnotation(db, id);
      if (!deleted) throw new ServiceError('not_found', `no deleted annotation with id ${id}`);
      return deleted;
    },

    deleteInWrite(id, at) {
      const current = requireAnnotation(id);
      const linked = links.linkedAnnotationIds(db, id);
      annotations.softDeleteAnnotation(db, id, at);
      links.softDeleteLinksOf(db, id, at);
      return { articleId: current.articleId, linked };
    },
  };
}
