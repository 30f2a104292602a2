/**
 * Every change to the open article's annotations, with undo and redo. Each change is a service
 * call whose reply (what changed) is applied to the store by id; undoing and redoing are service
 * calls too (delete ↔ restore, update ↔ update back), applied the same way, so they are saved
 * like any other change and ids survive them. Nothing reads a list back after a change.
 */
import { useEffect, useMemo } from 'react';
import type {
  Annotation,
  Changes,
  Claim,
  HighlightColor,
  LinkRelation,
} from '../../../shared/contract/entities';
import type { Client, RequestOf } from '../../../shared/contract/operations';
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
  /** Creates an annotation and answers it (null if it failed; the error was reported). */
  create(request: Omit<RequestOf<'createAnnotation'>, 'articleId'>): Promise<Annotation | null>;
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
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Sends the queued note saves at once, without waiting (the window is closing). */
  sendNotesNow(): void;
}

export function createAnnotationActions(
  client: Client,
  store: RendererStore,
  articleId: string,
  onError: (error: unknown) => void,
): AnnotationActions {
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
   * Runs a change and records it for undo. `run` answers false when it changed nothing (nothing
   * to undo then). A failure is reported and recorded nowhere; answers whether it was made.
   */
  const perform = (command: Command, run: () => Promise<boolean | void>): Promise<boolean> =>
    serially(async () => {
      try {
        const changed = await run();
        if (changed !== false) record([...done, command], []);
        return true;
      } catch (error) {
        onError(error);
        return false;
      }
    });

  // Note saves: one in flight at a time, and only the newest pending text per annotation.
  const pendingNotes = new Map<string, string>();
  let saving: Promise<void> = Promise.resolve();
  const drain = (): Promise<void> => {
    saving = saving.then(async () => {
      while (pendingNotes.size > 0) {
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

  return {
    async create(request) {
      let created: Annotation | null = null;
      const command: Command = {
        label: 'highlight',
        undo: async () => void apply(await client.deleteAnnotation({ id: created!.id })),
        redo: async () => void apply(await client.restoreAnnotation({ id: created!.id })),
      };
      const made = await perform(command, async () => {
        created = apply(await client.createAnnotation({ articleId, ...request })).annotation;
      });
      return made ? created : null;
    },

    async update(id, patch) {
      const current = find(id);
      if (!current) return;
      const label =
        patch.claim !== undefined ? 'claim' : patch.tags ? 'tags' : patch.color ? 'colour' : 'edit';
      await perform(updateCommand(id, snapshot(current, patch), patch, label), update(id, patch));
    },

    saveNoteDraft(id, note) {
      pendingNotes.set(id, note);
      void drain();
    },

    commitNote(id, before) {
      const after = pendingNotes.get(id) ?? find(id)?.note;
      if (after === undefined || after === before) return;
      record([...done, updateCommand(id, { note: before }, { note: after }, 'note')], []);
    },

    flushNotes: () => drain(),

    sendNotesNow() {
      for (const [id, note] of pendingNotes)
        void client.updateAnnotation({ id, note }).catch(() => {});
      pendingNotes.clear();
    },

    async remove(id) {
      await drain();
      await perform(
        {
          label: 'delete',
          undo: async () => void apply(await client.restoreAnnotation({ id })),
          redo: async () => void apply(await client.deleteAnnotation({ id })),
        },
        async () => void apply(await client.deleteAnnotation({ id })),
      );
    },

    async link(fromId, toId, relation) {
      let linkId: string | null = null;
      await perform(
        {
          label: 'link',
          undo: async () => void apply(await client.deleteLink({ id: linkId! })),
          redo: async () => void apply(await client.restoreLink({ id: linkId! })),
        },
        async () => {
          const { link, created } = apply(await client.createLink({ fromId, toId, relation }));
          linkId = link.id;
          return created;
        },
      );
    },

    async unlink(linkId) {
      await perform(
        {
          label: 'unlink',
          undo: async () => void apply(await client.restoreLink({ id: linkId })),
          redo: async () => void apply(await client.deleteLink({ id: linkId })),
        },
        async () => void apply(await client.deleteLink({ id: linkId })),
      );
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
 * when the window closes (a note typed just before must not be lost).
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
