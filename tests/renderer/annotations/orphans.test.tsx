/**
 * Changed and orphaned passages in Chromium: the card's word diff (struck and inserted words,
 * not colour alone, in light and dark), the "Orphaned (n)" list with the words as annotated,
 * the re-attach flow (Re-attach… → select new words → Re-attach here, Escape cancels) against
 * the contract's fake service with undo and redo, and the claims' "Words changed" and "Passage
 * removed" badges in the claims view and the ledger.
 */
import { act, useMemo } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import { createClient } from '../../../src/shared/contract/client';
import { dispatch } from '../../../src/shared/contract/dispatch';
import type { Annotation, DocumentJson, Settings } from '../../../src/shared/contract/entities';
import type { AnnotationPlace } from '../../../src/shared/contract/versions';
import { createAnnotationActions } from '../../../src/renderer/src/annotations/annotation-actions';
import { ClaimsView } from '../../../src/renderer/src/annotations/ClaimsView';
import {
  OpenReattachPrompt,
  REATTACH_INSTRUCTIONS,
  useOrphanReattach,
} from '../../../src/renderer/src/annotations/orphan-reattach';
import { Sidebar } from '../../../src/renderer/src/annotations/Sidebar';
import { ClaimsLedger } from '../../../src/renderer/src/ledger/ClaimsLedger';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import { SelectionToolbar } from '../../../src/renderer/src/reader/SelectionToolbar';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import {
  createRendererStore,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import '../../../src/renderer/src/styles.css';
import { buildAnnotation, changesOf } from '../../support/annotation-builder';
import { ANNOTATION_ID, ARTICLE_ID, fakeHandlers } from '../../shared/contract/fakes';
import { cleanup, perform, press, render } from '../react-harness';

const PARAGRAPHS = [
  'Western intelligence reports have said that Russia planned to run “false-flag operations”—which Russia has denied.',
  'On February 10th, NATO said that more forces were arriving.',
];
const TEXT = PARAGRAPHS.join('\n\n');
const DOCUMENT: DocumentJson = {
  type: 'doc',
  content: PARAGRAPHS.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};
const NO_LABELS: Settings['colorLabels'] = {
  yellow: '',
  green: '',
  blue: '',
  pink: '',
  purple: '',
};

const changed = buildAnnotation({
  articleId: ARTICLE_ID,
  text: TEXT,
  exact: 'which Russia has denied',
  originalQuote: 'which Russia denies',
  claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
});
const placed = buildAnnotation({
  articleId: ARTICLE_ID,
  text: TEXT,
  exact: 'Western intelligence',
});
/** The Stoltenberg sentence, gone from this version. */
const orphan = buildAnnotation({
  id: ANNOTATION_ID,
  articleId: ARTICLE_ID,
  quote: { exact: 'the number of Russian forces', prefix: 'said that “', suffix: ' is going up' },
  position: { start: 180, end: 208 },
  originalQuote: 'the number of Russian troops',
  anchor: { status: 'orphan' },
  claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'unverified' },
  note: 'Stoltenberg',
});

afterEach(async () => {
  await cleanup();
  delete document.documentElement.dataset['theme'];
});

const inside = (root: Element, selector: string) => [...root.querySelectorAll(selector)];

describe('the card’s word diff', () => {
  async function showSidebar() {
    const store = createRendererStore();
    store.openAnnotations(ARTICLE_ID, [placed, changed]);
    const { container } = await render(
      <StoreContext.Provider value={store}>
        <Sidebar
          actions={createAnnotationActions(
            createClient(async () => ({ ok: true, value: {} })),
            store,
            ARTICLE_ID,
            () => {},
          )}
          colorLabels={NO_LABELS}
          activeId={null}
          focusField={null}
          onActivate={() => {}}
          onJump={() => {}}
        />
      </StoreContext.Provider>,
    );
    return container.querySelector<HTMLElement>(`[data-annotation-card="${changed.id}"]`)!;
  }

  it('shows the old words struck and the new words inserted, under a label', async () => {
    const card = await showSidebar();
    const group = page.getByRole('group', { name: 'Words changed since annotated' }).element();
    expect(card.contains(group)).toBe(true);
    expect(inside(group, 'del').map((d) => d.textContent)).toEqual(['was: denies']);
    expect(inside(group, 'ins').map((d) => d.textContent)).toEqual(['now: has denied']);
    expect(group.querySelector('.word-diff')!.textContent).toBe(
      'which Russia was: denies now: has denied',
    );
    expect(card.textContent).not.toContain('it read');
  });

  it('marks the words by more than colour, readably in light and in dark', async () => {
    const card = await showSidebar();
    const del = card.querySelector('del')!;
    const ins = card.querySelector('ins')!;
    expect(getComputedStyle(del).textDecorationLine).toContain('line-through');
    expect(getComputedStyle(ins).textDecorationLine).toContain('underline');
    const light = getComputedStyle(del).color;
    await perform(() => (document.documentElement.dataset['theme'] = 'dark'));
    expect(getComputedStyle(del).color).toBe('rgb(230, 227, 221)'); // the dark theme's --text
    expect(getComputedStyle(ins).color).toBe('rgb(230, 227, 221)');
    expect(getComputedStyle(del).color).not.toBe(light);
  });
});

/** A DOM selection over `phrase` in the article's view. */
function selectPhrase(view: ArticleView, phrase: string) {
  const walker = document.createTreeWalker(view.view.dom, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(phrase);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return;
  }
  throw new Error(`“${phrase}” is not in the view`);
}

/** Polls until `check` passes (replies arrive through promises). */
async function until(check: () => void) {
  await vi.waitFor(async () => {
    await perform(() => {});
    check();
  });
}

interface FlowProps {
  readonly view: ArticleView;
  readonly store: RendererStore;
  readonly client: ReturnType<typeof createClient>;
  readonly announce: (message: string) => void;
  readonly shown: string[];
  readonly onActions: (actions: ReturnType<typeof createAnnotationActions>) => void;
}

/** The reader's re-attach wiring: sidebar, prompt and selection toolbar over one article view. */
function Flow({ view, store, client, announce, shown, onActions }: FlowProps) {
  const actions = useMemo(
    () => createAnnotationActions(client, store, ARTICLE_ID, (error) => void console.error(error)),
    [client, store],
  );
  onActions(actions);
  const reattach = useOrphanReattach({
    view,
    actions,
    announce,
    collapse: () => document.getSelection()?.removeAllRanges(),
    onReattached: (id) => void shown.push(id),
  });
  return (
    <StoreContext.Provider value={store}>
      <OpenReattachPrompt reattach={reattach} />
      <Sidebar
        actions={actions}
        colorLabels={NO_LABELS}
        activeId={null}
        focusField={null}
        onActivate={() => {}}
        onJump={() => {}}
        onReattach={reattach.start}
      />
      <SelectionToolbar
        rect={{ top: 200, left: 200, bottom: 220, width: 50 }}
        colorLabels={NO_LABELS}
        onHighlight={() => {}}
        onNote={() => {}}
        onTag={() => {}}
        onClaim={() => {}}
        onReattach={
          reattach.reattachingId === null ? undefined : () => void reattach.reattachSelection()
        }
      />
    </StoreContext.Provider>
  );
}

describe('orphans and re-attaching', () => {
  const newPlace = describeRange(
    TEXT,
    TEXT.indexOf('more forces'),
    TEXT.indexOf('more forces') + 11,
  );
  const reattached: Annotation = {
    ...orphan,
    ...newPlace,
    anchor: { status: 'anchored', ...newPlace.position },
  };
  const previous: AnnotationPlace = {
    quote: orphan.quote,
    position: orphan.position,
    originalQuote: orphan.originalQuote,
    anchor: { status: 'orphan' },
  };

  async function mountFlow() {
    const fake = fakeHandlers();
    // The contract's fakes, answering with changes that move the annotation, as the service does.
    const handlers = {
      ...fake.handlers,
      reattachAnnotation: (request: Parameters<typeof fake.handlers.reattachAnnotation>[0]) => {
        fake.calls.push({ operation: 'reattachAnnotation', request });
        return {
          annotation: reattached,
          previous,
          changes: changesOf({ annotations: [reattached] }),
        };
      },
      restoreAnnotationPlace: (
        request: Parameters<typeof fake.handlers.restoreAnnotationPlace>[0],
      ) => {
        fake.calls.push({ operation: 'restoreAnnotationPlace', request });
        return { annotation: orphan, changes: changesOf({ annotations: [orphan] }) };
      },
    };
    const client = createClient((operation, payload) => dispatch(handlers, operation, payload));
    const store = createRendererStore();
    store.openAnnotations(ARTICLE_ID, [placed, changed, orphan]);
    const mount = document.createElement('div');
    document.body.append(mount);
    const view = createArticleView(mount, DOCUMENT);
    const announce = vi.fn();
    const shown: string[] = [];
    let actions: ReturnType<typeof createAnnotationActions> | null = null;
    const handle = await render(
      <Flow
        view={view}
        store={store}
        client={client}
        announce={announce}
        shown={shown}
        onActions={(a) => (actions = a)}
      />,
    );
    const cleanupView = () => {
      view.destroy();
      mount.remove();
    };
    return {
      calls: fake.calls,
      store,
      view,
      announce,
      shown,
      container: handle.container,
      actions: () => actions!,
      cleanupView,
    };
  }

  const button = (name: string) =>
    page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
  const reattachCalls = (calls: { operation: string; request: unknown }[]) =>
    calls.filter(
      (c) => c.operation === 'reattachAnnotation' || c.operation === 'restoreAnnotationPlace',
    );

  it('lists orphans under "Orphaned (n)" with the words as annotated, apart from the others', async () => {
    const flow = await mountFlow();
    try {
      const section = page.getByRole('region', { name: 'Orphaned (1)' }).element();
      const cards = inside(section, '[data-annotation-card]');
      expect(cards.map((c) => c.getAttribute('data-annotation-card'))).toEqual([ANNOTATION_ID]);
      expect(section.querySelector('blockquote')!.textContent).toBe('the number of Russian troops');
      expect(section.textContent).toContain('Passage not found');
      const list = flow.container.querySelector('.sb-list')!;
      expect(list.querySelector(`[data-annotation-card="${ANNOTATION_ID}"]`)).toBeNull();
      expect(inside(list, '[data-annotation-card]')).toHaveLength(2);
      // Only the orphan offers Re-attach, named by its words.
      expect(
        page.getByRole('button', { name: 'Re-attach “the number of Russian troops”' }).all(),
      ).toHaveLength(1);
    } finally {
      flow.cleanupView();
    }
  });

  it('re-attaches to the selected words, applies the reply, and undoes and redoes it', async () => {
    const flow = await mountFlow();
    try {
      // The toolbar offers the highlight buttons until the mode starts.
      expect(page.getByRole('button', { name: 'Highlight yellow' }).all()).toHaveLength(1);
      const start = page.getByRole('button', { name: 'Re-attach “the number of Russian troops”' });
      // By keyboard: the button takes Enter.
      (start.element() as HTMLElement).focus();
      await act(() => userEvent.keyboard('{Enter}'));
      expect(flow.announce).toHaveBeenCalledWith(REATTACH_INSTRUCTIONS);
      const prompt = page.getByRole('group', { name: 'Re-attach annotation' }).element();
      expect(prompt.textContent).toContain(REATTACH_INSTRUCTIONS);
      expect(prompt.textContent).toContain('the number of Russian troops');
      const toolbar = page.getByRole('toolbar', { name: 'Re-attach' }).element();
      expect(inside(toolbar, 'button').map((b) => b.textContent)).toEqual(['Re-attach here']);

      selectPhrase(flow.view, 'more forces');
      await perform(() => (toolbar.querySelector('button') as HTMLButtonElement).click());
      await until(() => expect(flow.shown).toEqual([ANNOTATION_ID]));
      expect(reattachCalls(flow.calls)).toEqual([
        { operation: 'reattachAnnotation', request: { id: ANNOTATION_ID, ...newPlace } },
      ]);
      // The reply's changes reached the store: it is placed, and the orphans are gone.
      expect(flow.store.getState().annotations.byId.get(ANNOTATION_ID)!.anchor.status).toBe(
        'anchored',
      );
      expect(page.getByRole('region', { name: /^Orphaned/ }).all()).toHaveLength(0);
      expect(page.getByRole('group', { name: 'Re-attach annotation' }).all()).toHaveLength(0);
      expect(flow.announce).toHaveBeenCalledWith('Re-attached');
      expect(flow.store.getState().history.undoLabel).toBe('re-attach');

      await perform(() => void flow.actions().undo());
      await until(() => expect(flow.store.getState().history.redoLabel).toBe('re-attach'));
      expect(reattachCalls(flow.calls).at(-1)).toEqual({
        operation: 'restoreAnnotationPlace',
        request: { id: ANNOTATION_ID, place: previous },
      });
      await until(() =>
        expect(page.getByRole('region', { name: 'Orphaned (1)' }).all()).toHaveLength(1),
      );

      await perform(() => void flow.actions().redo());
      await until(() => expect(flow.store.getState().history.undoLabel).toBe('re-attach'));
      expect(reattachCalls(flow.calls).at(-1)).toEqual({
        operation: 'reattachAnnotation',
        request: { id: ANNOTATION_ID, ...newPlace },
      });
      expect(reattachCalls(flow.calls)).toHaveLength(3);
    } finally {
      flow.cleanupView();
    }
  });

  it('re-attaches with Enter in the article, by keyboard alone', async () => {
    const flow = await mountFlow();
    try {
      const start = page.getByRole('button', { name: 'Re-attach “the number of Russian troops”' });
      (start.element() as HTMLElement).focus();
      await act(() => userEvent.keyboard('{Enter}'));
      flow.view.view.dom.focus();
      selectPhrase(flow.view, 'more forces');
      const notCancelled = await press('Enter', {}, flow.view.view.dom);
      expect(notCancelled).toBe(false);
      await until(() => expect(flow.shown).toEqual([ANNOTATION_ID]));
      expect(reattachCalls(flow.calls)).toEqual([
        { operation: 'reattachAnnotation', request: { id: ANNOTATION_ID, ...newPlace } },
      ]);
      // Out of the mode, Enter in the article is left alone.
      expect(await press('Enter', {}, flow.view.view.dom)).toBe(true);
    } finally {
      flow.cleanupView();
    }
  });

  it('asks for a selection first, and Escape ends the mode without a change (not an Escape meant for a dialog)', async () => {
    const flow = await mountFlow();
    try {
      await perform(() => button('Re-attach “the number of Russian troops”').click());
      document.getSelection()?.removeAllRanges();
      const prompt = page.getByRole('group', { name: 'Re-attach annotation' });
      await perform(() =>
        (prompt.getByRole('button', { name: 'Re-attach here' }).element() as HTMLElement).click(),
      );
      expect(flow.announce).toHaveBeenCalledWith('Select the new words in the article first');
      expect(reattachCalls(flow.calls)).toEqual([]);

      // Escape in a dialog open over the reader is the dialog's: the mode stays.
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      document.body.append(dialog);
      expect(await press('Escape', {}, dialog)).toBe(true);
      dialog.remove();
      expect(page.getByRole('group', { name: 'Re-attach annotation' }).all()).toHaveLength(1);

      const notCancelled = await press('Escape', {}, document.body);
      expect(notCancelled).toBe(false);
      expect(page.getByRole('group', { name: 'Re-attach annotation' }).all()).toHaveLength(0);
      expect(page.getByRole('toolbar', { name: 'Selection' }).all()).toHaveLength(1);
      expect(flow.announce).toHaveBeenLastCalledWith('Re-attach cancelled');
      expect(reattachCalls(flow.calls)).toEqual([]);
    } finally {
      flow.cleanupView();
    }
  });
});

describe('claims whose words changed', () => {
  const claims = [changed, orphan, { ...placed, claim: changed.claim }];

  it('badges them in the claims view, and filters to them on "Words changed"', async () => {
    await render(<ClaimsView annotations={claims} onJump={() => {}} />);
    const region = page.getByRole('region', { name: 'Claims' }).element();
    const rows = () => inside(region, 'tbody tr');
    expect(rows()).toHaveLength(3);
    const badge = region.querySelector('.passage-badge-changed')!;
    expect(badge.querySelector('summary')!.textContent).toBe('Words changed');
    expect(badge.querySelector('summary')!.getAttribute('title')).toBe(
      'which Russia [-denies-] [+has denied+]',
    );
    expect(badge.querySelector('del')!.textContent).toBe('was: denies');
    expect(inside(region, '.passage-badge-removed').map((b) => b.textContent)).toEqual([
      'Passage removed',
    ]);

    await perform(() =>
      (page.getByRole('checkbox', { name: 'Words changed' }).element() as HTMLElement).click(),
    );
    expect(rows()).toHaveLength(2);
    expect(region.querySelector('caption')!.textContent).toContain('2 claims whose words changed');
  });

  it('offers no "Words changed" filter when no claim changed', async () => {
    await render(
      <ClaimsView annotations={[{ ...placed, claim: changed.claim }]} onJump={() => {}} />,
    );
    expect(page.getByRole('checkbox', { name: 'Words changed' }).all()).toHaveLength(0);
    expect(document.querySelector('.passage-badge')).toBeNull();
  });

  it('badges them in the ledger', async () => {
    const article = { id: ARTICLE_ID, title: 'Negotiations', publishedAt: null };
    const { container } = await render(
      <ClaimsLedger
        claims={claims.map((annotation) => ({ article, annotation }))}
        onGoTo={() => {}}
        onExport={() => {}}
      />,
    );
    await until(() => expect(container.querySelectorAll('.ledger-entry')).toHaveLength(3));
    expect(inside(container, '.passage-badge-changed summary').map((b) => b.textContent)).toEqual([
      'Words changed',
    ]);
    expect(inside(container, '.passage-badge-removed').map((b) => b.textContent)).toEqual([
      'Passage removed',
    ]);
  });
});
