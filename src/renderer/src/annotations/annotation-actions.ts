/**
 * Every change to the open article's annotations, with undo and redo. Each change is a service
 * call whose reply (what changed) is applied to the store by id; undoing and redoing are service
 * calls too (delete ↔ restore, update ↔ update back), applied the same way, so they are saved
 * like any other change and ids survive them. Nothing reads a list back after a change.
 */
import { useContext, useEffect, useMemo } from 'react';
import type {
  Annotation,
  Changes,
  Claim,
  HighlightColor,
  LinkRelation,
} from '../../../shared/contract/entities';
import { ServiceError } from '../../../shared/contract/errors';
import type { Client, RequestOf } from '../../../shared/contract/operations';
import type { SuggestionDismissal } from '../../../shared/contract/claim-suggestions';
import { PendingSavesContext, type SaveQueue } from '../safety/pending-saves';
import type { RendererStore } from '../store/renderer-store';

/** The editable fields of an annotation. */
export interface AnnotationPatch {
  readonly color?: HighlightColor;
  readonly note?: string;
  readonly claim?: Claim | null;
  readonly tags?: readonly string[];
}

interface Command {
  readonly label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface AnnotationActions {
  /**
   * Creates an annotation and answers it (null if it failed; the error was reported). `label`
   * names its undo step (default "highlight").
   */
  create(
    request: Omit<RequestOf<'createAnnotation'>, 'articleId'>,
    label?: string,
  ): Promise<Annotation | null>;
  /**
   * Creates several annotations in one transaction and one undo step named `label`; answers them
   * (null if it failed; the error was reported).
   */
  createMany(
    requests: RequestOf<'createAnnotations'>['annotations'],
    label: string,
  ): Promise<Annotation[] | null>;
  /**
   * Dismisses a suggested claim, as one undo step (undo takes the dismissal back, redo dismisses
   * again). `onChange` hears of the dismissal each time it is made (`live`) or taken back, so
   * the suggestions offered follow undo and redo. Answers the dismissal (null if it failed).
   */
  dismissSuggestion(
    request: Omit<RequestOf<'dismissSuggestion'>, 'articleId'>,
    onChange: (dismissal: SuggestionDismissal, live: boolean) => void,
  ): Promise<SuggestionDismissal | null>;
  /** Changes fields of an annotation; one undo step. */
  update(id: string, patch: AnnotationPatch): Promise<void>;
  /**
   * Saves a note as it is typed, without an undo step per keystroke: saves are queued so the last
   * text always wins. Call `commitNote` when editing ends to record the one undo step.
   */
  saveNoteDraft(id: string, note: string): void;
  /** Records the undo step for a note edited from `before` to its current text. */
  commitNote(id: string, before: string): void;
  /** Resolves once every queued note save has been stored. */
  flushNotes(): Promise<void>;
  remove(id: string): Promise<void>;
  link(fromId: string, toId: string, relation: LinkRelation): Promise<void>;
  unlink(linkId: string): Promise<void>;
  /**
   * Puts an annotation (an orphan, usually) on new words, described as `create` describes a
   * selection; one undo step (undo puts it back where it was). Answers whether it was made.
   */
  reattach(
    id: string,
    selectors: Pick<RequestOf<'reattachAnnotation'>, 'quote' | 'position'>,
  ): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Sends the queued note saves at once, without waiting (the window is closing). */
  sendNotesNow(): void;
}

/** The actions, and their note saves as a queue a restore holds, flushes and discards. */
export interface AnnotationActionsWithQueue extends AnnotationActions {
  readonly noteSaves: SaveQueue;
}

/**
 * Runs the undo or redo of a re-attach. The service refuses a place whose words are no longer at
 * its offsets, which happens when a newer version of the article came in since: say so in words.
 */
async function explainStalePlace(what: 'undone' | 'redone', run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'invalid_request') {
      throw new ServiceError(
        'invalid_request',
        `This re-attach cannot be ${what}: the article’s text has changed since (a newer version came in).`,
      );
    }
    throw error;
  }
}

export function createAnnotationActions(
  client: Client,
  store: RendererStore,
  articleId: string,
  onError: (error: unknown) => void,
): AnnotationActionsWithQueue {
  // Undo and redo stacks, read when a step runs (never from a stale render); the store holds
  // only their labels, for the buttons. Changes, undos and redos run one at a time, so two quick
  // presses of Ctrl+Z undo two steps, not one step twice.
  let done: Command[] = [];
  let undone: Command[] = [];
  const record = (nextDone: Command[], nextUndone: Command[]) => {
    done = nextDone;
    undone = nextUndone;
    store.setHistory({
      undoLabel: done.at(-1)?.label ?? null,
      redoLabel: undone.at(-1)?.label ?? null,
    });
  };
  let chain: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => {});
    return next;
  };
  const apply = <R extends { readonly changes: Changes }>(reply: R): R => {
    store.apply(reply.changes);
    return reply;
  };
  const find = (id: string) => store.getState().annotations.byId.get(id) ?? null;

  /**
   * Runs a change in its turn (after every earlier change's reply is applied, so what it reads
   * of the store is current) and records the command `run` answers for undo, or nothing when it
   * answers null (it changed nothing). A failure is reported and recorded nowhere; answers
   * whether the change was made.
   */
  const perform = (run: () => Promise<Command | null>): Promise<boolean> =>
    serially(async () => {
      try {
        const command = await run();
        if (command) record([...done, command], []);
        return true;
      } catch (error) {
        onError(error);
        return false;
      }
    });

  // Note saves: one in flight at a time, and only the newest pending text per annotation.
  const pendingNotes = new Map<string, string>();
  // The last text typed per note since its undo step was recorded (sent or not yet).
  const typedNotes = new Map<string, string>();
  // 'open': drafts are sent as typed. 'held': a restore is starting; only `flush` sends them.
  // 'closed': the library was replaced and the window reloads; nothing is ever sent again.
  let gate: 'open' | 'held' | 'closed' = 'open';
  let saving: Promise<void> = Promise.resolve();
  const drain = (flushing = false): Promise<void> => {
    saving = saving.then(async () => {
      while (pendingNotes.size > 0 && (gate === 'open' || (gate === 'held' && flushing))) {
        const [id, note] = pendingNotes.entries().next().value as [string, string];
        pendingNotes.delete(id);
        try {
          const reply = await client.updateAnnotation({ id, note });
          // A newer draft is on its way: showing this older text meanwhile would flicker.
          if (!pendingNotes.has(id)) apply(reply);
        } catch (error) {
          // Keep the text to retry unless something newer replaced it meanwhile.
          if (!pendingNotes.has(id)) pendingNotes.set(id, note);
          onError(error);
          return;
        }
      }
    });
    return saving;
  };

  const update = (id: string, patch: AnnotationPatch) => async () =>
    void apply(await client.updateAnnotation({ id, ...patch, tags: patch.tags?.slice() }));
  const updateCommand = (
    id: string,
    before: AnnotationPatch,
    after: AnnotationPatch,
    label: string,
  ): Command => ({ label, undo: update(id, before), redo: update(id, after) });
  const snapshot = (current: Annotation, patch: AnnotationPatch): AnnotationPatch => ({
    ...('color' in patch ? { color: current.color } : {}),
    ...('note' in patch ? { note: current.note } : {}),
    ...('claim' in patch ? { claim: current.claim } : {}),
    ...('tags' in patch ? { tags: current.tags } : {}),
  });
  const step = (
    take: () => Command | undefined,
    move: (command: Command) => void,
    run: 'undo' | 'redo',
  ) =>
    serially(async () => {
      const command = take();
      if (!command) return;
      if (run === 'undo') await drain();
      try {
        await command[run]();
        move(command);
      } catch (error) {
        onError(error);
      }
    });

  const noteSaves: SaveQueue = {
    hold() {
      if (gate === 'open') gate = 'held';
    },
    flush: () => drain(true),
    discard() {
      gate = 'closed';
      pendingNotes.clear();
    },
    resume() {
      if (gate !== 'held') return;
      gate = 'open';
      void drain();
    },
  };

  return {
    noteSaves,

    async create(request, label = 'highlight') {
      let created: Annotation | null = null;
      const made = await perform(async () => {
        const { id } = (created = apply(
          await client.createAnnotation({ articleId, ...request }),
        ).annotation);
        return {
          label,
          undo: async () => void apply(await client.deleteAnnotation({ id })),
          redo: async () => void apply(await client.restoreAnnotation({ id })),
        };
      });
      return made ? created : null;
    },

    async createMany(requests, label) {
      let created: Annotation[] = [];
      const made = await perform(async () => {
        created = apply(
          await client.createAnnotations({ articleId, annotations: [...requests] }),
        ).annotations;
        const ids = created.map((a) => a.id);
        if (ids.length === 0) return null;
        return {
          label,
          undo: async () => void apply(await client.deleteAnnotations({ ids })),
          redo: async () => void apply(await client.restoreAnnotations({ ids })),
        };
      });
      return made ? created : null;
    },

    async dismissSuggestion(request, onChange) {
      let made: SuggestionDismissal | null = null;
      const ok = await perform(async () => {
        made = (await client.dismissSuggestion({ articleId, ...request })).dismissal;
        onChange(made, true);
        // Redo dismisses again: a new dismissal, which the next undo takes back.
        let current = made;
        return {
          label: 'dismiss suggestion',
          undo: async () => {
            await client.undismissSuggestion({ id: current.id });
            onChange(current, false);
          },
          redo: async () => {
            current = (await client.dismissSuggestion({ articleId, ...request })).dismissal;
            onChange(current, true);
          },
        };
      });
      return ok ? made : null;
    },

    async update(id, patch) {
      const label =
        patch.claim !== undefined ? 'claim' : patch.tags ? 'tags' : patch.color ? 'colour' : 'edit';
      await perform(async () => {
        // Read in its turn: an edit made while an earlier one was on its way undoes to it.
        const current = find(id);
        if (!current) return null;
        await update(id, patch)();
        return updateCommand(id, snapshot(current, patch), patch, label);
      });
    },

    saveNoteDraft(id, note) {
      pendingNotes.set(id, note);
      typedNotes.set(id, note);
      void drain();
    },

    commitNote(id, before) {
      const after = typedNotes.get(id) ?? find(id)?.note;
      typedNotes.delete(id);
      if (after === undefined || after === before) return;
      record([...done, updateCommand(id, { note: before }, { note: after }, 'note')], []);
    },

    flushNotes: () => drain(),

    sendNotesNow() {
      if (gate !== 'open') return; // a restore is under way or done: the drafts stay unsent
      for (const [id, note] of pendingNotes)
        void client.updateAnnotation({ id, note }).catch(() => {});
      pendingNotes.clear();
    },

    async remove(id) {
      await drain();
      await perform(async () => {
        apply(await client.deleteAnnotation({ id }));
        return {
          label: 'delete',
          undo: async () => void apply(await client.restoreAnnotation({ id })),
          redo: async () => void apply(await client.deleteAnnotation({ id })),
        };
      });
    },

    async link(fromId, toId, relation) {
      await perform(async () => {
        const { link, created } = apply(await client.createLink({ fromId, toId, relation }));
        if (!created) return null; // it was there already: nothing to undo
        return {
          label: 'link',
          undo: async () => void apply(await client.deleteLink({ id: link.id })),
          redo: async () => void apply(await client.restoreLink({ id: link.id })),
        };
      });
    },

    async unlink(linkId) {
      await perform(async () => {
        apply(await client.deleteLink({ id: linkId }));
        return {
          label: 'unlink',
          undo: async () => void apply(await client.restoreLink({ id: linkId })),
          redo: async () => void apply(await client.deleteLink({ id: linkId })),
        };
      });
    },

    async reattach(id, { quote, position }) {
      return perform(async () => {
        const { previous } = apply(await client.reattachAnnotation({ id, quote, position }));
        return {
          label: 're-attach',
          undo: () =>
            explainStalePlace('undone', async () =>
              apply(await client.restoreAnnotationPlace({ id, place: previous })),
            ),
          redo: () =>
            explainStalePlace('redone', async () =>
              apply(await client.reattachAnnotation({ id, quote, position })),
            ),
        };
      });
    },

    undo: () =>
      step(
        () => done.at(-1),
        (command) => record(done.slice(0, -1), [...undone, command]),
        'undo',
      ),

    redo: () =>
      step(
        () => undone.at(-1),
        (command) => record([...done, command], undone.slice(0, -1)),
        'redo',
      ),
  };
}

/**
 * The actions for the open article, made once per article, with the queued note saves sent
 * when the window closes (a note typed just before must not be lost), and registered with the
 * window's pending saves, so a restore stores them first and sends none after.
 */
export function useAnnotationActions(
  client: Client,
  store: RendererStore,
  articleId: string,
  onError: (error: unknown) => void,
): AnnotationActions {
  // `onError` is stable (the app's reporter): a new one would start a new undo history.
  const actions = useMemo(
    () => createAnnotationActions(client, store, articleId, onError),
    [client, store, articleId, onError],
  );
  const pendingSaves = useContext(PendingSavesContext);
  useEffect(() => {
    if (!pendingSaves) return;
    const unregister = pendingSaves.register(actions.noteSaves);
    // Closing the article leaves its last saves to finish: it stays registered until they are
    // stored, so a restore asked for meanwhile still waits for them.
    return () => void actions.flushNotes().finally(unregister);
  }, [actions, pendingSaves]);
  useEffect(() => {
    const sendNow = () => actions.sendNotesNow();
    window.addEventListener('pagehide', sendNow);
    window.addEventListener('beforeunload', sendNow);
    return () => {
      window.removeEventListener('pagehide', sendNow);
      window.removeEventListener('beforeunload', sendNow);
      // Closing the article (not the window) keeps the saves queued: they finish on their own.
    };
  }, [actions]);
  return actions;
}
