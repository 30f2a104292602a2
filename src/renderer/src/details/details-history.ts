/**
 * Saving an article's details, with one step of undo and redo. Each is an `updateArticle` call
 * whose reply (what changed) goes through the store by id, like every other reply, so the library
 * row and the reader's header show it at once; undo sends back the fields the save changed, as
 * the service said they were (`previous`), and redo sends the save's patch again.
 */
import type { ArticleDetailsPatch } from '../../../shared/contract/article-details';
import type { Changes } from '../../../shared/contract/entities';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import type { RendererStore } from '../store/renderer-store';
import { undoPatch } from './details-form';

/** The last saved edit of an article's details, and whether it is undone. */
export interface DetailsEdit {
  readonly articleId: string;
  /** The article's title after the save (what the notice names). */
  readonly title: string;
  /** What the save sent (what redo sends again). */
  readonly patch: ArticleDetailsPatch;
  /** What undo sends: the changed fields as they were. */
  readonly undo: ArticleDetailsPatch;
  readonly undone: boolean;
}

export const UNDO_LABEL = 'Undo edit details';
export const REDO_LABEL = 'Redo edit details';

/** The reply's changes, with the edited article's summary even if the changes left it out. */
function changesOf(reply: ResponseOf<'updateArticle'>): Changes {
  const { changes, article } = reply;
  if (changes.articles.some((a) => a.id === article.id)) return changes;
  return { ...changes, articles: [...changes.articles, article] };
}

/** Sends `patch` for article `id` and applies the reply to the store. */
export async function sendDetails(
  client: Pick<Client, 'updateArticle'>,
  store: Pick<RendererStore, 'apply'>,
  id: string,
  patch: ArticleDetailsPatch,
): Promise<ResponseOf<'updateArticle'>> {
  const reply = await client.updateArticle({ id, ...patch, tags: patch.tags?.slice() });
  store.apply(changesOf(reply));
  return reply;
}

/** Saves `patch` and answers the edit that undo and redo replay. */
export async function saveDetails(
  client: Pick<Client, 'updateArticle'>,
  store: Pick<RendererStore, 'apply'>,
  id: string,
  patch: ArticleDetailsPatch,
): Promise<DetailsEdit> {
  const reply = await sendDetails(client, store, id, patch);
  return {
    articleId: id,
    title: reply.article.title,
    patch,
    undo: undoPatch(reply.previous, patch),
    undone: false,
  };
}

/** Undoes (or, if undone, redoes) `edit`; answers the edit in its new state. */
export async function toggleEdit(
  client: Pick<Client, 'updateArticle'>,
  store: Pick<RendererStore, 'apply'>,
  edit: DetailsEdit,
): Promise<DetailsEdit> {
  const reply = await sendDetails(
    client,
    store,
    edit.articleId,
    edit.undone ? edit.patch : edit.undo,
  );
  return { ...edit, title: reply.article.title, undone: !edit.undone };
}
