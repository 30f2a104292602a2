/**
 * The service's suggested-claims operations: annotations created, deleted and restored in
 * batches (accepting several suggestions is one transaction and one undo step), and the
 * suggestions the user dismissed.
 *
 * A batch is all or none: every item is checked before the write (and again inside it, under the
 * lock), and a bad one refuses the whole batch with an error naming it ("annotations[3]: …").
 */
import type { Annotation } from '../../shared/contract/entities';
import { ServiceError } from '../../shared/contract/errors';
import type { ServiceHandlers } from '../../shared/contract/operations';
import type { ServiceContext } from '../service-context';
import type { AnnotationWrites } from '../annotation-writes';
import * as annotations from '../store/annotations';
import * as articles from '../store/articles';
import * as dismissals from '../store/suggestion-dismissals';
import * as links from '../store/links';

export type SuggestionOperations = Pick<
  ServiceHandlers,
  | 'createAnnotations'
  | 'deleteAnnotations'
  | 'restoreAnnotations'
  | 'listSuggestionDismissals'
  | 'dismissSuggestion'
  | 'undismissSuggestion'
>;

/** What the handlers need of the service they are part of. */
export interface ClaimSuggestionContext extends ServiceContext {
  readonly annotationWrites: AnnotationWrites;
}

/** Runs one item's work, naming the item in any error it refuses with. */
function item<T>(field: string, index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ServiceError) {
      throw new ServiceError(error.code, `${field}[${index}]: ${error.message}`);
    }
    throw error;
  }
}

/** The ids once each, in their first order (a batch naming one twice changes it once). */
const unique = (ids: readonly string[]) => [...new Set(ids)];

export function createClaimSuggestionHandlers(ctx: ClaimSuggestionContext): SuggestionOperations {
  const { db, newId, now, write, refuseIfReadOnly, changesOf, annotationWrites: w } = ctx;

  /** The annotations in the order of `ids`. */
  function inOrder(ids: readonly string[], found: readonly Annotation[]): Annotation[] {
    const byId = new Map(found.map((a) => [a.id, a]));
    return ids.map((id) => {
      const annotation = byId.get(id) ?? annotations.findAnnotations(db, [id])[0];
      if (!annotation) throw new ServiceError('internal', `annotation ${id} was not stored`);
      return annotation;
    });
  }

  return {
    createAnnotations: ({ articleId, annotations: items }) => {
      refuseIfReadOnly();
      const requests = items.map((a) => ({ ...a, articleId }));
      const check = () => {
        const text = w.requireText(articleId);
        requests.forEach((r, i) => item('annotations', i, () => w.checkPassage(text, r)));
      };
      check();
      const at = now();
      const ids = requests.map(() => newId());
      write(() => {
        check(); // under the lock: the article may have changed or gone while this waited
        requests.forEach((r, i) => w.insertInWrite(ids[i]!, r, at));
      });
      const changes = changesOf({ annotationIds: ids, articleIds: [articleId] });
      return { annotations: inOrder(ids, changes.annotations), changes };
    },

    deleteAnnotations: ({ ids: requested }) => {
      refuseIfReadOnly();
      const ids = unique(requested);
      const check = () => ids.forEach((id, i) => item('ids', i, () => w.requireAnnotation(id)));
      check();
      const at = now();
      const deleted = write(() => {
        check();
        return ids.map((id) => w.deleteInWrite(id, at));
      });
      return {
        ids,
        changes: changesOf({
          annotationIds: deleted.flatMap((d) => d.linked),
          removedAnnotations: ids,
          articleIds: unique(deleted.map((d) => d.articleId)),
        }),
      };
    },

    restoreAnnotations: ({ ids: requested }) => {
      refuseIfReadOnly();
      const ids = unique(requested);
      // Live ones are left as they are (restoring is idempotent, as `restoreAnnotation` is).
      const toRestore = () =>
        ids.flatMap((id, i) =>
          annotations.findAnnotationRecord(db, id)
            ? []
            : [{ id, ...item('ids', i, () => w.requireDeleted(id)) }],
        );
      if (toRestore().length > 0) {
        write(() => {
          const deleted = toRestore();
          const at = now();
          for (const d of deleted) annotations.restoreAnnotationRow(db, d.id, at);
          // Links once every row is back: a link between two of them has both ends live.
          for (const d of deleted) links.restoreLinksDeletedWith(db, d.id, d.deletedAt);
        });
      }
      const linked = ids.flatMap((id) => links.linkedAnnotationIds(db, id));
      const changes = changesOf({ annotationIds: [...ids, ...linked] });
      return { annotations: inOrder(ids, changes.annotations), changes };
    },

    listSuggestionDismissals: ({ articleId }) => {
      w.requireText(articleId);
      return { dismissals: dismissals.listDismissals(db, articleId) };
    },

    dismissSuggestion: ({ articleId, quote, position, speaker }) => {
      refuseIfReadOnly();
      const selectors = { quote, position };
      const check = () => w.checkPassage(w.requireText(articleId), selectors);
      check();
      const at = now();
      const id = newId();
      const dismissal = write(() => {
        check();
        // Dismissing it again answers the dismissal already there.
        const existing = dismissals.findLiveDismissal(db, articleId, selectors, speaker);
        if (existing) return existing;
        const made = { id, articleId, quote, position, speaker, createdAt: at };
        dismissals.insertDismissal(db, made);
        return made;
      });
      return { dismissal };
    },

    undismissSuggestion: ({ id }) => {
      refuseIfReadOnly();
      const require = () => {
        const found = dismissals.findDismissal(db, id);
        // A dismissal of an article in the Trash is hidden with it, as its annotations are.
        if (!found || articles.findArticleText(db, found.dismissal.articleId) === null) {
          throw new ServiceError('not_found', `no dismissal with id ${id}`);
        }
        return found;
      };
      const found = require();
      if (!found.live) return { dismissal: found.dismissal };
      const dismissal = write(() => {
        const current = require();
        if (current.live) dismissals.softDeleteDismissal(db, id, now());
        return current.dismissal;
      });
      return { dismissal };
    },
  };
}
