/**
 * The annotation actions against a fake service (handlers in the style of the contract's
 * `fakeHandlers`: each records its request and answers what changed, here over an in-memory
 * library so that replies carry real changes). Checked: one service call per change, its reply's
 * changes applied to the store, the undo and redo labels in the store's history, undo and redo
 * as service calls applied the same way, quick presses taken one at a time, failures reported
 * and recorded nowhere, note drafts queued so the newest text wins, and held, stored and then
 * dropped around a restore.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createAnnotationActions,
  type AnnotationActionsWithQueue,
} from '../../../src/renderer/src/annotations/annotation-actions';
import {
  createRendererStore,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import type { Annotation, Link } from '../../../src/shared/contract/entities';
import { ServiceError } from '../../../src/shared/contract/errors';
import type { OperationName } from '../../../src/shared/contract/operation-names';
import type { Client, RequestOf, ResponseOf } from '../../../src/shared/contract/operations';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';

const ARTICLE = testId(1000);
const FIRST = buildAnnotation({ id: testId(1), articleId: ARTICLE, start: 0, note: 'first' });
const SECOND = buildAnnotation({ id: testId(2), articleId: ARTICLE, start: 100 });

interface Call {
  readonly operation: OperationName;
  readonly request: unknown;
}

/** Replies held back until released, oldest first. */
interface Hold {
  /** Lets the oldest held reply through. */
  releaseOne(): void;
  /** Lets every held reply through, and stops holding. */
  releaseAll(): void;
}

/** A fake of the annotation operations over an in-memory article. */
function fakeService(initial: readonly Annotation[]) {
  const live = new Map(initial.map((a) => [a.id, a]));
  const trash = new Map<string, Annotation>();
  const links = new Map<string, { link: Link; live: boolean }>();
  const calls: Call[] = [];
  const failures = new Map<OperationName, Error>();
  let held: (() => void)[] | null = null;
  let next = 500;

  async function reply<T>(operation: OperationName, request: unknown, answer: () => T) {
    calls.push({ operation, request: structuredClone(request) });
    if (held) await new Promise<void>((resolve) => held!.push(resolve));
    const failure = failures.get(operation);
    if (failure) {
      failures.delete(operation);
      throw failure;
    }
    return answer();
  }
  const found = (id: string) => {
    const annotation = live.get(id);
    if (!annotation) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return annotation;
  };
  /** Both ends of every live link, as the service lists them on each annotation. */
  const withLinks = (annotation: Annotation): Annotation => ({
    ...annotation,
    links: [...links.values()]
      .filter((l) => l.live && (l.link.fromId === annotation.id || l.link.toId === annotation.id))
      .map(({ link }) => {
        const outgoing = link.fromId === annotation.id;
        const other = live.get(outgoing ? link.toId : link.fromId)!;
        return {
          id: link.id,
          relation: link.relation,
          direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
          otherId: other.id,
          otherArticleId: other.articleId,
          otherQuote: other.quote.exact,
        };
      }),
  });
  const linkChanges = (link: Link) => {
    const ends = [link.fromId, link.toId].map((id) => withLinks(found(id)));
    for (const end of ends) live.set(end.id, end);
    return changesOf({ annotations: ends });
  };

  const handlers = {
    createAnnotation: (r: RequestOf<'createAnnotation'>) =>
      reply('createAnnotation', r, (): ResponseOf<'createAnnotation'> => {
        const annotation = buildAnnotation({
          id: testId(++next),
          articleId: r.articleId,
          quote: r.quote,
          position: r.position,
          color: r.color ?? 'yellow',
          note: r.note ?? '',
          claim: r.claim ?? null,
          tags: r.tags ?? [],
        });
        live.set(annotation.id, annotation);
        return { annotation, changes: changesOf({ annotations: [annotation] }) };
      }),
    updateAnnotation: (r: RequestOf<'updateAnnotation'>) =>
      reply('updateAnnotation', r, (): ResponseOf<'updateAnnotation'> => {
        const { id, ...patch } = r;
        const fields = Object.fromEntries(
          Object.entries(patch).filter(([, value]) => value !== undefined),
        );
        const annotation = { ...found(id), ...fields };
        live.set(id, annotation);
        return { annotation, changes: changesOf({ annotations: [annotation] }) };
      }),
    deleteAnnotation: (r: RequestOf<'deleteAnnotation'>) =>
      reply('deleteAnnotation', r, (): ResponseOf<'deleteAnnotation'> => {
        trash.set(r.id, found(r.id));
        live.delete(r.id);
        return { id: r.id, changes: changesOf({ removedAnnotations: [r.id] }) };
      }),
    restoreAnnotation: (r: RequestOf<'restoreAnnotation'>) =>
      reply('restoreAnnotation', r, (): ResponseOf<'restoreAnnotation'> => {
        const annotation = trash.get(r.id);
        if (!annotation) throw new ServiceError('not_found', `nothing to restore: ${r.id}`);
        trash.delete(r.id);
        live.set(r.id, annotation);
        return { annotation, changes: changesOf({ annotations: [annotation] }) };
      }),
    createLink: (r: RequestOf<'createLink'>) =>
      reply('createLink', r, (): ResponseOf<'createLink'> => {
        const same = [...links.values()].find(
          (l) =>
            l.live &&
            l.link.fromId === r.fromId &&
            l.link.toId === r.toId &&
            l.link.relation === r.relation,
        );
        if (same) return { link: same.link, created: false, changes: changesOf() };
        const link: Link = {
          id: testId(++next),
          fromId: r.fromId,
          toId: r.toId,
          relation: r.relation,
          createdAt: '2024-01-01T00:00:00.000Z',
        };
        links.set(link.id, { link, live: true });
        return { link, created: true, changes: linkChanges(link) };
      }),
    deleteLink: (r: RequestOf<'deleteLink'>) =>
      reply('deleteLink', r, (): ResponseOf<'deleteLink'> => {
        const entry = links.get(r.id)!;
        entry.live = false;
        return { id: r.id, changes: linkChanges(entry.link) };
      }),
    restoreLink: (r: RequestOf<'restoreLink'>) =>
      reply('restoreLink', r, (): ResponseOf<'restoreLink'> => {
        const entry = links.get(r.id)!;
        entry.live = true;
        return { link: entry.link, changes: linkChanges(entry.link) };
      }),
    reattachAnnotation: (r: RequestOf<'reattachAnnotation'>) =>
      reply('reattachAnnotation', r, (): ResponseOf<'reattachAnnotation'> => {
        const before = found(r.id);
        const annotation: Annotation = {
          ...before,
          quote: r.quote,
          position: r.position,
          anchor: { status: 'anchored', ...r.position },
        };
        live.set(r.id, annotation);
        const { quote, position, originalQuote, anchor } = before;
        return {
          annotation,
          previous: { quote, position, originalQuote, anchor },
          changes: changesOf({ annotations: [annotation] }),
        };
      }),
    restoreAnnotationPlace: (r: RequestOf<'restoreAnnotationPlace'>) =>
      reply('restoreAnnotationPlace', r, (): ResponseOf<'restoreAnnotationPlace'> => {
        const annotation: Annotation = { ...found(r.id), ...r.place };
        live.set(r.id, annotation);
        return { annotation, changes: changesOf({ annotations: [annotation] }) };
      }),
  };

  return {
    client: handlers as unknown as Client,
    calls,
    /** The requests of one operation, in order. */
    requests: (operation: OperationName) =>
      calls.filter((c) => c.operation === operation).map((c) => c.request),
    /** Holds every reply from now on until released. */
    hold(): Hold {
      const queue: (() => void)[] = [];
      held = queue;
      return {
        releaseOne: () => queue.shift()?.(),
        releaseAll: () => {
          held = null;
          for (const release of queue.splice(0)) release();
        },
      };
    },
    failNext: (operation: OperationName, error: Error) => failures.set(operation, error),
  };
}

interface Setup {
  readonly store: RendererStore;
  readonly actions: AnnotationActionsWithQueue;
  readonly service: ReturnType<typeof fakeService>;
  readonly onError: ReturnType<typeof vi.fn>;
}

function setup(annotations: readonly Annotation[] = [FIRST, SECOND]): Setup {
  const service = fakeService(annotations);
  const store = createRendererStore();
  store.openAnnotations(ARTICLE, annotations);
  const onError = vi.fn();
  const actions = createAnnotationActions(service.client, store, ARTICLE, onError);
  return { store, actions, service, onError };
}

const stored = (store: RendererStore, id: string) => store.getState().annotations.byId.get(id);
const history = (store: RendererStore) => store.getState().history;
/** Lets queued promise callbacks run (a request is sent once its turn comes). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAnnotationActions: changes', () => {
  it('creates an annotation with one call, applies it, and records "highlight"', async () => {
    const { store, actions, service } = setup();
    const created = await actions.create({
      quote: { exact: 'passage', prefix: '', suffix: '' },
      position: { start: 50, end: 57 },
      color: 'blue',
    });
    expect(service.calls).toHaveLength(1);
    expect(service.calls[0]!.operation).toBe('createAnnotation');
    expect(service.calls[0]!.request).toMatchObject({ articleId: ARTICLE, color: 'blue' });
    expect(created).not.toBeNull();
    expect(stored(store, created!.id)).toEqual(created);
    expect(store.getState().annotations.order).toEqual([FIRST.id, created!.id, SECOND.id]);
    expect(history(store)).toEqual({ undoLabel: 'highlight', redoLabel: null });
  });

  it('updates with one call, applies the reply, and labels the step by what changed', async () => {
    const { store, actions, service } = setup();
    await actions.update(FIRST.id, { color: 'pink' });
    expect(service.requests('updateAnnotation')).toEqual([{ id: FIRST.id, color: 'pink' }]);
    expect(stored(store, FIRST.id)!.color).toBe('pink');
    expect(history(store).undoLabel).toBe('colour');

    await actions.update(FIRST.id, { tags: ['kyiv'] });
    expect(history(store).undoLabel).toBe('tags');
    expect(store.getState().names.tags).toEqual(['kyiv']);
    await actions.update(FIRST.id, {
      claim: { type: 'accusation', speaker: null, status: 'unverified' },
    });
    expect(history(store).undoLabel).toBe('claim');
    await actions.update(FIRST.id, { claim: null });
    expect(history(store).undoLabel).toBe('claim');
    await actions.update(FIRST.id, { note: 'n' });
    expect(history(store).undoLabel).toBe('edit');
    expect(service.calls).toHaveLength(5);
  });

  it('changes nothing for an annotation the store does not hold', async () => {
    const { actions, service, store } = setup();
    await actions.update(testId(99), { color: 'pink' });
    expect(service.calls).toEqual([]);
    expect(history(store).undoLabel).toBeNull();
  });

  it('R26 removes with one call, and undo restores the same annotation', async () => {
    const { store, actions, service } = setup();
    await actions.remove(SECOND.id);
    expect(service.calls).toEqual([{ operation: 'deleteAnnotation', request: { id: SECOND.id } }]);
    expect(stored(store, SECOND.id)).toBeUndefined();
    expect(history(store)).toEqual({ undoLabel: 'delete', redoLabel: null });

    await actions.undo();
    expect(service.calls[1]).toEqual({
      operation: 'restoreAnnotation',
      request: { id: SECOND.id },
    });
    expect(stored(store, SECOND.id)).toEqual(SECOND);
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'delete' });

    await actions.redo();
    expect(service.calls[2]!.operation).toBe('deleteAnnotation');
    expect(stored(store, SECOND.id)).toBeUndefined();
    expect(history(store)).toEqual({ undoLabel: 'delete', redoLabel: null });
  });

  it('links and unlinks, applying both ends; a link that already existed is no step', async () => {
    const { store, actions, service } = setup();
    await actions.link(FIRST.id, SECOND.id, 'denies');
    expect(service.requests('createLink')).toEqual([
      { fromId: FIRST.id, toId: SECOND.id, relation: 'denies' },
    ]);
    const [link] = stored(store, FIRST.id)!.links;
    expect(link).toMatchObject({ direction: 'outgoing', otherId: SECOND.id });
    expect(stored(store, SECOND.id)!.links).toMatchObject([{ direction: 'incoming' }]);
    expect(history(store).undoLabel).toBe('link');

    await actions.link(FIRST.id, SECOND.id, 'denies');
    expect(service.requests('createLink')).toHaveLength(2);
    await actions.undo(); // undoes the link made, not the one that existed
    expect(service.requests('deleteLink')).toEqual([{ id: link!.id }]);
    expect(stored(store, FIRST.id)!.links).toEqual([]);
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'link' });
    await actions.redo();
    expect(service.requests('restoreLink')).toEqual([{ id: link!.id }]);
    expect(stored(store, SECOND.id)!.links).toHaveLength(1);

    await actions.unlink(link!.id);
    expect(stored(store, FIRST.id)!.links).toEqual([]);
    expect(history(store).undoLabel).toBe('unlink');
  });

  it('reports a failure, applies nothing and records no step', async () => {
    const { store, actions, service, onError } = setup();
    const failure = new ServiceError('not_found', 'gone');
    service.failNext('updateAnnotation', failure);
    await actions.update(FIRST.id, { color: 'pink' });
    expect(onError).toHaveBeenCalledWith(failure);
    expect(stored(store, FIRST.id)).toBe(FIRST);
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: null });

    service.failNext('createAnnotation', failure);
    const created = await actions.create({
      quote: { exact: 'x', prefix: '', suffix: '' },
      position: { start: 1, end: 2 },
    });
    expect(created).toBeNull();
    expect(history(store).undoLabel).toBeNull();
  });

  it('keeps a step whose undo failed, to try again', async () => {
    const { store, actions, service, onError } = setup();
    await actions.update(FIRST.id, { color: 'pink' });
    service.failNext('updateAnnotation', new Error('offline'));
    await actions.undo();
    expect(onError).toHaveBeenCalledOnce();
    expect(history(store)).toEqual({ undoLabel: 'colour', redoLabel: null });
    await actions.undo();
    expect(stored(store, FIRST.id)!.color).toBe('yellow');
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'colour' });
  });
});

describe('createAnnotationActions: undo and redo', () => {
  it('undoes a create by deleting it, and redoes it by restoring the same id', async () => {
    const { store, actions, service } = setup();
    const created = (await actions.create({
      quote: { exact: 'passage', prefix: '', suffix: '' },
      position: { start: 50, end: 57 },
    }))!;
    await actions.undo();
    expect(service.calls.at(-1)).toEqual({
      operation: 'deleteAnnotation',
      request: { id: created.id },
    });
    expect(stored(store, created.id)).toBeUndefined();
    expect(store.getState().annotations.order).toEqual([FIRST.id, SECOND.id]);
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'highlight' });

    await actions.redo();
    expect(service.calls.at(-1)).toEqual({
      operation: 'restoreAnnotation',
      request: { id: created.id },
    });
    expect(stored(store, created.id)).toEqual(created);
    expect(history(store)).toEqual({ undoLabel: 'highlight', redoLabel: null });
  });

  it('undoes an update by sending the fields back, and redoes it', async () => {
    const { store, actions, service } = setup();
    await actions.update(FIRST.id, { tags: ['a', 'b'], color: 'green' });
    await actions.undo();
    expect(service.requests('updateAnnotation').at(-1)).toEqual({
      id: FIRST.id,
      color: 'yellow',
      tags: [],
    });
    expect(stored(store, FIRST.id)).toMatchObject({ tags: [], color: 'yellow' });
    await actions.redo();
    expect(stored(store, FIRST.id)).toMatchObject({ tags: ['a', 'b'], color: 'green' });
  });

  it('undoes two steps for two quick undos, one at a time', async () => {
    const { store, actions, service } = setup();
    await actions.update(FIRST.id, { color: 'green' });
    await actions.update(SECOND.id, { note: 'second' });
    expect(history(store).undoLabel).toBe('edit');

    const hold = service.hold();
    const undos = [actions.undo(), actions.undo()];
    await tick();
    // One request at a time: the second undo waits for the first.
    expect(service.calls).toHaveLength(3);
    expect(service.calls[2]!.request).toEqual({ id: SECOND.id, note: '' });
    hold.releaseAll();
    await Promise.all(undos);
    expect(service.calls.slice(3)).toEqual([
      { operation: 'updateAnnotation', request: { id: FIRST.id, color: 'yellow' } },
    ]);
    expect(stored(store, FIRST.id)!.color).toBe('yellow');
    expect(stored(store, SECOND.id)!.note).toBe('');
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'colour' });

    await Promise.all([actions.redo(), actions.redo()]);
    expect(stored(store, FIRST.id)!.color).toBe('green');
    expect(stored(store, SECOND.id)!.note).toBe('second');
    expect(history(store)).toEqual({ undoLabel: 'edit', redoLabel: null });
  });

  it('does nothing to undo or redo when there is nothing', async () => {
    const { actions, service } = setup();
    await actions.undo();
    await actions.redo();
    expect(service.calls).toEqual([]);
  });

  it('forgets what was undone once a new change is made', async () => {
    const { store, actions } = setup();
    await actions.update(FIRST.id, { color: 'green' });
    await actions.undo();
    expect(history(store).redoLabel).toBe('colour');
    await actions.remove(SECOND.id);
    expect(history(store)).toEqual({ undoLabel: 'delete', redoLabel: null });
  });

  it('undoes the second of two quick changes to the first change, not to the original', async () => {
    const { store, actions, service } = setup();
    const hold = service.hold();
    const changes = [
      actions.update(FIRST.id, { color: 'green' }),
      actions.update(FIRST.id, { color: 'blue' }),
    ];
    hold.releaseAll();
    await Promise.all(changes);
    expect(stored(store, FIRST.id)!.color).toBe('blue');
    await actions.undo();
    expect(stored(store, FIRST.id)!.color).toBe('green');
    await actions.undo();
    expect(stored(store, FIRST.id)!.color).toBe('yellow');
  });
});

describe('createAnnotationActions: note drafts', () => {
  it('sends at most two requests for three quick drafts, and the last text wins', async () => {
    const { store, actions, service } = setup();
    const hold = service.hold();
    actions.saveNoteDraft(FIRST.id, 'f');
    await tick(); // the first is on its way
    actions.saveNoteDraft(FIRST.id, 'fi');
    actions.saveNoteDraft(FIRST.id, 'fin');
    hold.releaseOne();
    await tick();
    // The older text's reply is not shown while a newer one is on its way.
    expect(stored(store, FIRST.id)!.note).toBe('first');
    hold.releaseAll();
    await actions.flushNotes();
    expect(service.requests('updateAnnotation')).toEqual([
      { id: FIRST.id, note: 'f' },
      { id: FIRST.id, note: 'fin' },
    ]);
    expect(stored(store, FIRST.id)!.note).toBe('fin');
    // Drafts are no undo steps by themselves.
    expect(history(store).undoLabel).toBeNull();
  });

  it('sends one request for drafts typed before the first could be sent', async () => {
    const { store, actions, service } = setup();
    actions.saveNoteDraft(FIRST.id, 'a');
    actions.saveNoteDraft(FIRST.id, 'ab');
    actions.saveNoteDraft(FIRST.id, 'abc');
    await actions.flushNotes();
    expect(service.requests('updateAnnotation')).toEqual([{ id: FIRST.id, note: 'abc' }]);
    expect(stored(store, FIRST.id)!.note).toBe('abc');
  });

  it('keeps each annotation’s newest draft', async () => {
    const { store, actions } = setup();
    actions.saveNoteDraft(FIRST.id, 'one');
    actions.saveNoteDraft(SECOND.id, 'two');
    actions.saveNoteDraft(FIRST.id, 'one more');
    await actions.flushNotes();
    expect(stored(store, FIRST.id)!.note).toBe('one more');
    expect(stored(store, SECOND.id)!.note).toBe('two');
  });

  it('records one undo step for the edit when it is committed', async () => {
    const { store, actions, service } = setup();
    actions.saveNoteDraft(FIRST.id, 'first ');
    await tick();
    actions.saveNoteDraft(FIRST.id, 'first d');
    actions.saveNoteDraft(FIRST.id, 'first draft');
    await actions.flushNotes();
    actions.commitNote(FIRST.id, 'first');
    expect(history(store)).toEqual({ undoLabel: 'note', redoLabel: null });

    const sent = service.calls.length;
    await actions.undo();
    expect(service.calls.slice(sent)).toEqual([
      { operation: 'updateAnnotation', request: { id: FIRST.id, note: 'first' } },
    ]);
    expect(stored(store, FIRST.id)!.note).toBe('first');
    expect(history(store)).toEqual({ undoLabel: null, redoLabel: 'note' });
    await actions.redo();
    expect(stored(store, FIRST.id)!.note).toBe('first draft');
  });

  it('records the step for a draft still waiting to be sent, with its text', async () => {
    const { store, actions } = setup();
    actions.saveNoteDraft(FIRST.id, 'typed');
    actions.commitNote(FIRST.id, 'first');
    expect(history(store).undoLabel).toBe('note');
    await actions.flushNotes();
    await actions.undo();
    expect(stored(store, FIRST.id)!.note).toBe('first');
    await actions.redo();
    expect(stored(store, FIRST.id)!.note).toBe('typed');
  });

  it('records no step when the note ends as it began', async () => {
    const { store, actions } = setup();
    actions.saveNoteDraft(FIRST.id, 'firs');
    actions.saveNoteDraft(FIRST.id, 'first');
    await actions.flushNotes();
    actions.commitNote(FIRST.id, 'first');
    expect(history(store).undoLabel).toBeNull();
  });

  it('records the step for a draft whose save is still on its way', async () => {
    const { store, actions, service } = setup();
    const hold = service.hold();
    actions.saveNoteDraft(FIRST.id, 'typed');
    await tick(); // sent: no longer queued, not yet answered
    actions.commitNote(FIRST.id, 'first');
    hold.releaseAll();
    await actions.flushNotes();
    expect(history(store).undoLabel).toBe('note');
  });

  it('redoes the last text typed, not a draft saved before it', async () => {
    const { store, actions, service } = setup();
    actions.saveNoteDraft(FIRST.id, 'first a');
    await actions.flushNotes(); // saved and applied
    const hold = service.hold();
    actions.saveNoteDraft(FIRST.id, 'first ab');
    await tick(); // sent, not yet answered
    actions.commitNote(FIRST.id, 'first');
    hold.releaseAll();
    await actions.flushNotes();
    await actions.undo();
    expect(stored(store, FIRST.id)!.note).toBe('first');
    await actions.redo();
    expect(stored(store, FIRST.id)!.note).toBe('first ab');
  });

  it('saves queued drafts before undoing', async () => {
    const { store, actions, service } = setup();
    await actions.update(SECOND.id, { color: 'pink' });
    actions.saveNoteDraft(FIRST.id, 'late');
    await actions.undo();
    expect(service.calls.slice(1).map((c) => c.request)).toEqual([
      { id: FIRST.id, note: 'late' },
      { id: SECOND.id, color: 'yellow' },
    ]);
    expect(stored(store, FIRST.id)!.note).toBe('late');
  });

  it('saves queued drafts before deleting', async () => {
    const { actions, service } = setup();
    actions.saveNoteDraft(FIRST.id, 'late');
    await actions.remove(FIRST.id);
    expect(service.calls.map((c) => c.operation)).toEqual(['updateAnnotation', 'deleteAnnotation']);
  });

  it('R18 keeps a draft whose save failed, and sends it with the next flush', async () => {
    const { store, actions, service, onError } = setup();
    service.failNext('updateAnnotation', new Error('offline'));
    actions.saveNoteDraft(FIRST.id, 'kept');
    await tick(); // sent, and failed
    expect(onError).toHaveBeenCalledOnce();
    expect(stored(store, FIRST.id)!.note).toBe('first');
    await actions.flushNotes();
    expect(stored(store, FIRST.id)!.note).toBe('kept');
    expect(service.requests('updateAnnotation')).toHaveLength(2);
  });

  it('R17 sends every queued draft at once when the window closes', async () => {
    const { actions, service } = setup();
    const hold = service.hold();
    actions.saveNoteDraft(FIRST.id, 'a');
    await tick(); // in flight
    actions.saveNoteDraft(FIRST.id, 'ab');
    actions.saveNoteDraft(SECOND.id, 'b');
    actions.sendNotesNow();
    expect(service.requests('updateAnnotation')).toEqual([
      { id: FIRST.id, note: 'a' },
      { id: FIRST.id, note: 'ab' },
      { id: SECOND.id, note: 'b' },
    ]);
    hold.releaseAll();
  });
});

describe('createAnnotationActions: note saves around a restore', () => {
  it('R25 held, a flush stores what was typed before; what is typed after waits', async () => {
    const { store, actions, service } = setup();
    actions.saveNoteDraft(FIRST.id, 'before');
    actions.noteSaves.hold();
    await actions.noteSaves.flush();
    expect(service.requests('updateAnnotation')).toEqual([{ id: FIRST.id, note: 'before' }]);
    expect(stored(store, FIRST.id)!.note).toBe('before');

    actions.saveNoteDraft(FIRST.id, 'during');
    await actions.flushNotes(); // the article's own flush (closing it) sends nothing while held
    actions.sendNotesNow(); // nor does the window closing
    expect(service.requests('updateAnnotation')).toHaveLength(1);
  });

  it('R25 a flush waits for a save already on its way', async () => {
    const { actions, service } = setup();
    const hold = service.hold();
    actions.saveNoteDraft(FIRST.id, 'on its way');
    await tick(); // sent, not yet answered
    actions.noteSaves.hold();
    let flushed = false;
    const flushing = actions.noteSaves.flush().then(() => (flushed = true));
    await tick();
    expect(flushed).toBe(false);
    hold.releaseAll();
    await flushing;
    expect(service.requests('updateAnnotation')).toEqual([{ id: FIRST.id, note: 'on its way' }]);
  });

  it('R25 resumed (the restore failed), sends what was typed while held', async () => {
    const { store, actions, service } = setup();
    actions.noteSaves.hold();
    actions.saveNoteDraft(FIRST.id, 'typed meanwhile');
    actions.noteSaves.resume();
    await actions.flushNotes();
    expect(service.requests('updateAnnotation')).toEqual([
      { id: FIRST.id, note: 'typed meanwhile' },
    ]);
    expect(stored(store, FIRST.id)!.note).toBe('typed meanwhile');
  });

  it('R25 discarded (the library was replaced), sends nothing ever again', async () => {
    const { actions, service } = setup();
    actions.noteSaves.hold();
    actions.saveNoteDraft(FIRST.id, 'typed meanwhile');
    actions.noteSaves.discard();
    actions.noteSaves.resume(); // too late: nothing comes back
    actions.saveNoteDraft(SECOND.id, 'typed after');
    actions.sendNotesNow();
    await actions.flushNotes();
    await actions.noteSaves.flush();
    expect(service.requests('updateAnnotation')).toEqual([]);
  });
});

describe('createAnnotationActions: re-attach', () => {
  const place = {
    quote: { exact: 'new words', prefix: '', suffix: '' },
    position: { start: 10, end: 19 },
  };

  it('re-attaches, and undo and redo put the place back and again', async () => {
    const orphan = { ...FIRST, anchor: { status: 'orphan' as const } };
    const { store, actions, service } = setup([orphan, SECOND]);
    expect(await actions.reattach(FIRST.id, place)).toBe(true);
    expect(stored(store, FIRST.id)!.anchor).toEqual({ status: 'anchored', start: 10, end: 19 });
    expect(history(store).undoLabel).toBe('re-attach');
    await actions.undo();
    expect(service.requests('restoreAnnotationPlace')).toEqual([
      { id: FIRST.id, place: expect.objectContaining({ anchor: { status: 'orphan' } }) },
    ]);
    expect(stored(store, FIRST.id)!.anchor).toEqual({ status: 'orphan' });
    await actions.redo();
    expect(stored(store, FIRST.id)!.anchor.status).toBe('anchored');
  });

  it('says in words why a re-attach cannot be redone once a newer version moved its words', async () => {
    const orphan = { ...FIRST, anchor: { status: 'orphan' as const } };
    const { actions, service, onError } = setup([orphan, SECOND]);
    await actions.reattach(FIRST.id, place);
    await actions.undo();
    service.failNext(
      'reattachAnnotation',
      new ServiceError('invalid_request', "the quote does not match the article's text at 10-19"),
    );
    await actions.redo();
    expect(onError).toHaveBeenCalledTimes(1);
    const error = onError.mock.calls[0]![0] as ServiceError;
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(
      'This re-attach cannot be redone: the article’s text has changed since (a newer version came in).',
    );
  });
});
