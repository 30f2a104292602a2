/**
 * The open article's annotations and every change to them, with undo and redo. Each change is a
 * command whose undo and redo are service calls too (delete ↔ restore, update ↔ update back), so
 * undoing is persisted like any other change and ids survive it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  Annotation,
  Claim,
  HighlightColor,
  LinkRelation,
} from '../../../shared/contract/entities';
import type { Client, RequestOf } from '../../../shared/contract/operations';

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

export interface AnnotationsApi {
  /** The live annotations, in document order; null while loading. */
  readonly annotations: readonly Annotation[] | null;
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
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** What undo would undo ("Undo delete"), for tooltips and announcements. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export function useAnnotations(
  client: Client,
  articleId: string,
  onError: (error: unknown) => void,
  onChanged: () => void,
): AnnotationsApi {
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  // The undo and redo stacks live in a ref, read when a step actually runs (never from a stale
  // render); `stacks` is what the buttons show. Changes, undos and redos run one at a time,
  // so two quick presses of Ctrl+Z undo two steps, not one step twice.
  const history = useRef<{ done: Command[]; undone: Command[] }>({ done: [], undone: [] });
  const [stacks, setStacks] = useState<{ undoLabel: string | null; redoLabel: string | null }>({
    undoLabel: null,
    redoLabel: null,
  });
  const record = useCallback((done: Command[], undone: Command[]) => {
    history.current = { done, undone };
    setStacks({ undoLabel: done.at(-1)?.label ?? null, redoLabel: undone.at(-1)?.label ?? null });
  }, []);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const serially = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(work, work);
    chain.current = next.catch(() => {});
    return next;
  }, []);
  const latest = useRef<Annotation[] | null>(null);
  useEffect(() => {
    latest.current = annotations;
  }, [annotations]);

  const reload = useCallback(async () => {
    const { annotations } = await client.listAnnotations({ articleId });
    setAnnotations(annotations);
    onChanged();
  }, [client, articleId, onChanged]);

  useEffect(() => {
    let cancelled = false;
    client.listAnnotations({ articleId }).then(({ annotations }) => {
      if (!cancelled) setAnnotations(annotations);
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [client, articleId, onError]);

  /**
   * Runs a change, records it for undo, and reloads. A failure is reported to the user and
   * recorded nowhere; answers whether the change was made.
   */
  const perform = useCallback(
    // `run` answers false when it changed nothing (nothing to undo then).
    (command: Command, run: () => Promise<boolean | void>): Promise<boolean> =>
      serially(async () => {
        try {
          const changed = await run();
          if (changed !== false) record([...history.current.done, command], []);
          return true;
        } catch (error) {
          onError(error);
          return false;
        } finally {
          await reload().catch(onError);
        }
      }),
    [onError, record, reload, serially],
  );

  const find = (id: string) => latest.current?.find((a) => a.id === id) ?? null;

  // Note saves: one in flight at a time, and only the newest pending text per annotation.
  const pendingNotes = useRef(new Map<string, string>());
  const saving = useRef<Promise<void>>(Promise.resolve());
  const drain = useCallback((): Promise<void> => {
    saving.current = saving.current.then(async () => {
      while (pendingNotes.current.size > 0) {
        const [id, note] = pendingNotes.current.entries().next().value as [string, string];
        pendingNotes.current.delete(id);
        try {
          await client.updateAnnotation({ id, note });
        } catch (error) {
          // Keep the text to retry unless something newer replaced it meanwhile.
          if (!pendingNotes.current.has(id)) pendingNotes.current.set(id, note);
          onError(error);
          return;
        }
      }
    });
    return saving.current;
  }, [client, onError]);

  // Closing the window must not lose the last keystrokes: send what is queued right away.
  useEffect(() => {
    const sendNow = () => {
      for (const [id, note] of pendingNotes.current)
        void client.updateAnnotation({ id, note }).catch(() => {});
      pendingNotes.current.clear();
    };
    window.addEventListener('pagehide', sendNow);
    window.addEventListener('beforeunload', sendNow);
    return () => {
      window.removeEventListener('pagehide', sendNow);
      window.removeEventListener('beforeunload', sendNow);
    };
  }, [client]);

  const api = useMemo<AnnotationsApi>(() => {
    const updateCommand = (
      id: string,
      before: AnnotationPatch,
      after: AnnotationPatch,
      label: string,
    ): Command => ({
      label,
      undo: async () =>
        void (await client.updateAnnotation({ id, ...before, tags: before.tags?.slice() })),
      redo: async () =>
        void (await client.updateAnnotation({ id, ...after, tags: after.tags?.slice() })),
    });
    const snapshot = (current: Annotation, patch: AnnotationPatch): AnnotationPatch => ({
      ...('color' in patch ? { color: current.color } : {}),
      ...('note' in patch ? { note: current.note } : {}),
      ...('claim' in patch ? { claim: current.claim } : {}),
      ...('tags' in patch ? { tags: current.tags } : {}),
    });

    return {
      annotations,
      canUndo: stacks.undoLabel !== null,
      canRedo: stacks.redoLabel !== null,
      undoLabel: stacks.undoLabel,
      redoLabel: stacks.redoLabel,

      async create(request) {
        let created: Annotation | null = null;
        const command: Command = {
          label: 'highlight',
          undo: async () => void (await client.deleteAnnotation({ id: created!.id })),
          redo: async () => void (await client.restoreAnnotation({ id: created!.id })),
        };
        const made = await perform(command, async () => {
          created = (await client.createAnnotation({ articleId, ...request })).annotation;
        });
        return made ? created : null;
      },

      async update(id, patch) {
        const current = find(id);
        if (!current) return;
        const label =
          patch.claim !== undefined
            ? 'claim'
            : patch.tags
              ? 'tags'
              : patch.color
                ? 'colour'
                : 'edit';
        await perform(updateCommand(id, snapshot(current, patch), patch, label), async () => {
          await client.updateAnnotation({ id, ...patch, tags: patch.tags?.slice() });
        });
      },

      saveNoteDraft(id, note) {
        pendingNotes.current.set(id, note);
        setAnnotations((list) => list?.map((a) => (a.id === id ? { ...a, note } : a)) ?? list);
        void drain();
      },

      commitNote(id, before) {
        const after = pendingNotes.current.get(id) ?? find(id)?.note;
        if (after === undefined || after === before) return;
        record(
          [...history.current.done, updateCommand(id, { note: before }, { note: after }, 'note')],
          [],
        );
      },

      flushNotes: () => drain(),

      async remove(id) {
        await drain();
        await perform(
          {
            label: 'delete',
            undo: async () => void (await client.restoreAnnotation({ id })),
            redo: async () => void (await client.deleteAnnotation({ id })),
          },
          async () => void (await client.deleteAnnotation({ id })),
        );
      },

      async link(fromId, toId, relation) {
        let linkId: string | null = null;
        await perform(
          {
            label: 'link',
            undo: async () => void (await client.deleteLink({ id: linkId! })),
            redo: async () => void (await client.restoreLink({ id: linkId! })),
          },
          async () => {
            const { link, created } = await client.createLink({ fromId, toId, relation });
            linkId = link.id;
            return created;
          },
        );
      },

      async unlink(linkId) {
        await perform(
          {
            label: 'unlink',
            undo: async () => void (await client.restoreLink({ id: linkId })),
            redo: async () => void (await client.deleteLink({ id: linkId })),
          },
          async () => void (await client.deleteLink({ id: linkId })),
        );
      },

      undo: () =>
        serially(async () => {
          const command = history.current.done.at(-1);
          if (!command) return;
          await drain();
          try {
            await command.undo();
            const { done, undone } = history.current;
            record(done.slice(0, -1), [...undone, command]);
          } catch (error) {
            onError(error);
          } finally {
            await reload().catch(onError);
          }
        }),

      redo: () =>
        serially(async () => {
          const command = history.current.undone.at(-1);
          if (!command) return;
          try {
            await command.redo();
            const { done, undone } = history.current;
            record([...done, command], undone.slice(0, -1));
          } catch (error) {
            onError(error);
          } finally {
            await reload().catch(onError);
          }
        }),
    };
  }, [annotations, articleId, client, drain, onError, perform, record, reload, serially, stacks]);

  return api;
}
