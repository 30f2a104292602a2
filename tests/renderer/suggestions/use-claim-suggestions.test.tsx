/**
 * The suggestions controller with a fake finder and client (Chromium): several accepted at once
 * are one call and one undo step; a change of annotations filters again without finding again
 * (and keeps the same list when nothing left); a new text finds again, cancelling the search of
 * the old one, whose late answer is never offered.
 */
import { useEffect, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClaimSuggestion } from '../../../src/shared/claim-finder/types';
import type { Annotation, DocumentJson } from '../../../src/shared/contract/entities';
import type { Client, RequestOf } from '../../../src/shared/contract/operations';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import {
  createAnnotationActions,
  type AnnotationActions,
} from '../../../src/renderer/src/annotations/annotation-actions';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import {
  createRendererStore,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import type { SuggestionsController } from '../../../src/renderer/src/suggestions/controller';
import type { ClaimFinder } from '../../../src/renderer/src/suggestions/find-in-worker';
import { useClaimSuggestions } from '../../../src/renderer/src/suggestions/use-claim-suggestions';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';
import { cleanup, perform, render } from '../react-harness';
import { until } from '../safety/until';

afterEach(cleanup);

const ARTICLE_ID = testId(1);
const TEXT =
  'NATO said that Russia was ready. Russia denied that it was ready. The US said so too.';
const NEWER = 'NATO said that Russia was ready. The US said so too.';

const doc = (text: string): DocumentJson => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function suggestionIn(text: string, quote: string, speaker: string): ClaimSuggestion {
  const start = text.indexOf(quote);
  const end = start + quote.length;
  return {
    key: `${start}-${end}`,
    start,
    end,
    quote,
    cue: { start: 0, end: 4, text: 'said' },
    cueLemma: 'say',
    source: null,
    speaker,
    type: 'assertion',
    sentence: { start: 0, end: text.length },
  };
}

function fakeClient() {
  let counter = 10;
  const fns = {
    listSpeakers: vi.fn(async () => ({
      speakers: [{ id: testId(5), name: 'NATO', claimCount: 1 }],
    })),
    listSuggestionDismissals: vi.fn(async () => ({ dismissals: [] })),
    createAnnotation: vi.fn(async (a: RequestOf<'createAnnotation'>) => {
      const made = buildAnnotation({
        id: testId(++counter),
        articleId: ARTICLE_ID,
        quote: a.quote,
        position: a.position,
        claim: a.claim ?? null,
      });
      return { annotation: made, changes: changesOf({ annotations: [made] }) };
    }),
    createAnnotations: vi.fn(async ({ annotations }: RequestOf<'createAnnotations'>) => {
      const made = annotations.map((a) =>
        buildAnnotation({
          id: testId(++counter),
          articleId: ARTICLE_ID,
          quote: a.quote,
          position: a.position,
          claim: a.claim ?? null,
        }),
      );
      return { annotations: made, changes: changesOf({ annotations: made }) };
    }),
    dismissSuggestion: vi.fn(async (request: RequestOf<'dismissSuggestion'>) => ({
      dismissal: {
        id: testId(++counter),
        articleId: request.articleId,
        quote: request.quote,
        position: request.position,
        speaker: request.speaker ?? null,
        createdAt: '2026-02-11T12:00:00.000Z',
      },
    })),
    deleteAnnotations: vi.fn(async ({ ids }: { ids: string[] }) => ({
      ids,
      changes: changesOf({ removedAnnotations: ids }),
    })),
    restoreAnnotations: vi.fn(async ({ ids }: { ids: string[] }) => {
      const back = ids.map((id) => restored.get(id)!);
      return { annotations: back, changes: changesOf({ annotations: back }) };
    }),
  };
  const restored = new Map<string, Annotation>();
  return { fns, client: fns as unknown as Client, restored };
}

/** The controller of the last render, as the test reads it; its article view; what it said. */
const latest: { current: SuggestionsController | null } = { current: null };
const latestView: { current: ArticleView | null } = { current: null };
const announced: string[] = [];
afterEach(() => {
  announced.length = 0;
});

function Harness(props: {
  client: Client;
  store: RendererStore;
  actions: AnnotationActions;
  text: string;
  finder: ClaimFinder;
}) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ArticleView | null>(null);
  useEffect(() => {
    const created = createArticleView(mountRef.current!, doc(props.text));
    setView(created);
    latestView.current = created;
    return () => created.destroy();
  }, [props.text]);
  const controller = useClaimSuggestions({
    client: props.client,
    store: props.store,
    articleId: ARTICLE_ID,
    articleView: view,
    enabled: true,
    setEnabled: () => {},
    actions: props.actions,
    activate: () => {},
    announce: (message) => void announced.push(message),
    finder: props.finder,
  });
  useEffect(() => {
    latest.current = controller;
  });
  return <div ref={mountRef} />;
}

interface FinderCall {
  readonly text: string;
  readonly knownSpeakers: readonly string[] | undefined;
  readonly signal: AbortSignal;
  readonly resolve: (list: ClaimSuggestion[]) => void;
}

function setup() {
  const fake = fakeClient();
  const store = createRendererStore();
  store.openAnnotations(ARTICLE_ID, []);
  const errors: unknown[] = [];
  const actions = createAnnotationActions(fake.client, store, ARTICLE_ID, (e) => errors.push(e));
  const calls: FinderCall[] = [];
  const finder: ClaimFinder = (text, options, signal) =>
    new Promise((resolve) =>
      calls.push({ text, knownSpeakers: options.knownSpeakers, signal, resolve }),
    );
  const mount = (text = TEXT) => (
    <Harness client={fake.client} store={store} actions={actions} text={text} finder={finder} />
  );
  return { ...fake, store, actions, calls, finder, errors, mount };
}

const LIST = [
  suggestionIn(TEXT, 'Russia was ready', 'NATO'),
  suggestionIn(TEXT, 'that it was ready', 'Russia'),
  suggestionIn(TEXT, 'so too', 'US'),
];
const keys = () => latest.current!.suggestions.map((s) => s.key);

describe('useClaimSuggestions', () => {
  it('accepts several in one call and one undo step; redo restores them', async () => {
    const { fns, store, actions, calls, errors, restored, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    // The speakers the library knows went to the finder.
    expect(call.knownSpeakers).toEqual(['NATO']);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    expect(keys()).toEqual(LIST.map((s) => s.key));

    await perform(() => void latest.current!.accept([LIST[0]!.key, LIST[2]!.key]));
    await until(() => expect(keys()).toEqual([LIST[1]!.key]));
    expect(fns.createAnnotations).toHaveBeenCalledTimes(1);
    expect(fns.createAnnotations.mock.calls[0]![0].annotations).toEqual([
      {
        ...describeRange(TEXT, LIST[0]!.start, LIST[0]!.end),
        claim: { type: 'assertion', speaker: 'NATO', status: 'unverified' },
      },
      {
        ...describeRange(TEXT, LIST[2]!.start, LIST[2]!.end),
        claim: { type: 'assertion', speaker: 'US', status: 'unverified' },
      },
    ]);
    expect(store.getState().history.undoLabel).toBe('2 suggested claims');
    const ids = [...store.getState().annotations.byId.keys()];
    expect(ids).toHaveLength(2);
    for (const id of ids) restored.set(id, store.getState().annotations.byId.get(id)!);

    await perform(() => void actions.undo());
    await until(() => expect(keys()).toEqual(LIST.map((s) => s.key)));
    expect(fns.deleteAnnotations).toHaveBeenCalledWith({ ids });
    await perform(() => void actions.redo());
    await until(() => expect(keys()).toEqual([LIST[1]!.key]));
    expect(fns.restoreAnnotations).toHaveBeenCalledWith({ ids });
    // Accepting and the annotation changes never asked the finder again.
    expect(calls).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('accepts a suggestion once when asked twice before the reply (A pressed twice)', async () => {
    const { fns, store, calls, errors, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    const controller = latest.current!;
    const key = LIST[0]!.key;
    let answers: boolean[] = [];
    await perform(async () => {
      answers = await Promise.all([controller.accept([key]), controller.accept([key])]);
    });
    expect(answers).toEqual([true, false]);
    expect(fns.createAnnotation).toHaveBeenCalledTimes(1);
    expect(store.getState().annotations.byId.size).toBe(1);
    await until(() => expect(keys()).toEqual([LIST[1]!.key, LIST[2]!.key]));
    expect(errors).toEqual([]);
  });

  it('keeps the same list when annotations change but none of the suggestions leaves', async () => {
    const { store, calls, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    const before = latest.current!.suggestions;
    // A highlight (not a claim) elsewhere, then a claim over the second suggestion.
    const plain = buildAnnotation({ articleId: ARTICLE_ID, text: TEXT, exact: 'NATO' });
    await perform(() => store.apply(changesOf({ annotations: [plain] })));
    expect(latest.current!.suggestions).toBe(before);
    const claim = buildAnnotation({
      articleId: ARTICLE_ID,
      text: TEXT,
      exact: 'denied that it was ready',
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    await perform(() => store.apply(changesOf({ annotations: [claim] })));
    expect(keys()).toEqual([LIST[0]!.key, LIST[2]!.key]);
    expect(calls).toHaveLength(1);
  });

  it('finds again for a new text, cancelling the old search; its late answer is dropped', async () => {
    const { calls, mount } = setup();
    const mounted = await render(mount());
    const first = await until(() => calls[0]!);
    expect(latest.current!.status).toBe('finding');
    await mounted.rerender(mount(NEWER));
    const second = await until(() => calls[1]!);
    expect(second.text).toBe(NEWER);
    expect(first.signal.aborted).toBe(true);
    await perform(() => first.resolve(LIST));
    expect(latest.current!.status).toBe('finding');
    expect(latest.current!.suggestions).toEqual([]);
    const newer = [suggestionIn(NEWER, 'so too', 'US')];
    await perform(() => second.resolve(newer));
    await until(() => expect(keys()).toEqual([newer[0]!.key]));
    // Closing the article stops the search under way.
    await mounted.rerender(mount(TEXT));
    const third = await until(() => calls[2]!);
    await mounted.unmount();
    expect(third.signal.aborted).toBe(true);
  });

  it('moves round the ends, and the next one becomes current when the current one leaves', async () => {
    const { calls, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    await perform(() => latest.current!.move(-1));
    expect(latest.current!.currentKey).toBe(LIST[2]!.key);
    await perform(() => latest.current!.move(1));
    expect(latest.current!.currentKey).toBe(LIST[0]!.key); // wrapped
    await perform(() => latest.current!.show(LIST[1]!.key));
    expect(latest.current!.currentKey).toBe(LIST[1]!.key);
    await perform(() => void latest.current!.accept([LIST[1]!.key]));
    await until(() => expect(keys()).toEqual([LIST[0]!.key, LIST[2]!.key]));
    expect(latest.current!.currentKey).toBe(LIST[2]!.key);
  });

  it('after A or X, scrolls to the next one and names it in the announcement', async () => {
    const { calls, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    const reveal = vi.spyOn(latestView.current!, 'revealSuggestion');
    await perform(() => latest.current!.show(LIST[0]!.key));
    await until(() => expect(reveal).toHaveBeenLastCalledWith(LIST[0]!.key));
    await perform(() => void latest.current!.accept([LIST[0]!.key]));
    await until(() => expect(keys()).toEqual([LIST[1]!.key, LIST[2]!.key]));
    expect(latest.current!.currentKey).toBe(LIST[1]!.key);
    await until(() => expect(reveal).toHaveBeenLastCalledWith(LIST[1]!.key));
    expect(announced.at(-1)).toBe('Accepted: assertion by NATO. Next: assertion by Russia');
    await perform(() => void latest.current!.dismiss(LIST[1]!.key));
    await until(() => expect(keys()).toEqual([LIST[2]!.key]));
    await until(() => expect(reveal).toHaveBeenLastCalledWith(LIST[2]!.key));
    expect(announced.at(-1)).toBe('Dismissed. Next: assertion by US');
    // The last one: nothing is next.
    await perform(() => void latest.current!.accept([LIST[2]!.key]));
    await until(() => expect(keys()).toEqual([]));
    expect(announced.at(-1)).toBe('Accepted: assertion by US');
  });

  it('accepting one that is not current leaves the current one where it is', async () => {
    const { calls, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    await perform(() => latest.current!.show(LIST[2]!.key));
    await perform(() => void latest.current!.accept([LIST[0]!.key]));
    await until(() => expect(keys()).toEqual([LIST[1]!.key, LIST[2]!.key]));
    expect(latest.current!.currentKey).toBe(LIST[2]!.key);
    expect(announced.at(-1)).toBe('Accepted: assertion by NATO');
  });

  it('clear leaves no suggestion current', async () => {
    const { calls, mount } = setup();
    await render(mount());
    const call = await until(() => calls[0]!);
    await perform(() => call.resolve(LIST));
    await until(() => expect(latest.current!.status).toBe('ready'));
    await perform(() => latest.current!.show(LIST[1]!.key));
    expect(latest.current!.currentKey).toBe(LIST[1]!.key);
    await perform(() => latest.current!.clear());
    expect(latest.current!.currentKey).toBeNull();
    expect(document.querySelector('span.claim-suggestion.is-current')).toBeNull();
  });
});
