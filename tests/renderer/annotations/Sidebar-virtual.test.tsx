/**
 * The sidebar with 10,000 annotations, in Chromium: only the cards on screen are rendered, the
 * list still tells its full size and each card's place in it, an annotation far down is scrolled
 * to, rendered and focused when it is opened, a change to one annotation re-renders that card
 * alone, and typing a note re-renders nothing but the note field.
 *
 * How renders are counted: each component that matters reads the store through its own hook,
 * called exactly once per render: the Sidebar `useAnnotationList()`, each card
 * `useAnnotation(id)` with its id, the open card's editor `useNames()`. The hooks module is replaced by the real hooks wrapped in spies, so the
 * spies' calls count the renders of each component (and of each card, by id). React's
 * <Profiler> cannot tell them apart: its onRender fires for a commit anywhere below it, the
 * note field's own included.
 */
import { act, useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Sidebar } from '../../../src/renderer/src/annotations/Sidebar';
import type { AnnotationActions } from '../../../src/renderer/src/annotations/annotation-actions';
import type { FocusField } from '../../../src/renderer/src/annotations/AnnotationEditor';
import {
  StoreContext,
  useAnnotation,
  useAnnotationList,
  useNames,
} from '../../../src/renderer/src/store/hooks';
import {
  createRendererStore,
  selectAnnotationList,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import type { Annotation, Settings } from '../../../src/shared/contract/entities';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';
import { cleanup, render } from '../react-harness';
import '../../../src/renderer/src/styles.css';

vi.mock(import('../../../src/renderer/src/store/hooks'), async (importOriginal) => {
  const hooks = await importOriginal();
  return {
    ...hooks,
    useAnnotation: vi.fn(hooks.useAnnotation),
    useAnnotationList: vi.fn(hooks.useAnnotationList),
    useNames: vi.fn(hooks.useNames),
  };
});

const COUNT = 10_000;
const ARTICLE = testId(0);
const LABELS: Settings['colorLabels'] = { yellow: '', green: '', blue: '', pink: '', purple: '' };

/** The nth annotation in document order (from 1). */
const nth = (n: number) => testId(n);
const ANNOTATIONS: readonly Annotation[] = Array.from({ length: COUNT }, (_, i) =>
  buildAnnotation({
    id: nth(i + 1),
    articleId: ARTICLE,
    exact: `passage ${i + 1}`,
    position: { start: i * 20, end: i * 20 + 10 },
    note: i % 3 === 0 ? `note ${i + 1}` : '',
    tags: i % 5 === 0 ? ['five'] : [],
  }),
);

type Call = readonly [method: string, ...args: unknown[]];

/** AnnotationActions that record their calls and change nothing. */
function fakeActions(calls: Call[]): AnnotationActions {
  const record =
    (method: string) =>
    async (...args: unknown[]) =>
      void calls.push([method, ...args]);
  return {
    create: async () => null,
    createMany: async () => null,
    dismissSuggestion: async () => null,
    update: record('update'),
    saveNoteDraft: (...args) => void calls.push(['saveNoteDraft', ...args]),
    commitNote: (...args) => void calls.push(['commitNote', ...args]),
    flushNotes: async () => undefined,
    sendNotesNow: () => undefined,
    remove: record('remove'),
    link: record('link'),
    unlink: record('unlink'),
    reattach: async (...args) => (calls.push(['reattach', ...args]), true),
    undo: record('undo'),
    redo: record('redo'),
  };
}

// Stable callbacks, as the reader's are: the cards' props do not change between renders.
const onJump = () => {};
/** Opens a card from the test, as the reader does when a highlight is clicked. */
const opener = { open: (_id: string | null): void => {} };

function Harness(props: {
  readonly actions: AnnotationActions;
  readonly initialActive: string | null;
  readonly focusField: FocusField | null;
}) {
  const [activeId, setActiveId] = useState(props.initialActive);
  useEffect(() => {
    opener.open = setActiveId;
  }, []);
  return (
    // The sidebar as the reader lays it out: a column of fixed height whose list scrolls.
    <div style={{ height: 600, width: 360, display: 'flex', flexDirection: 'column' }}>
      <Sidebar
        actions={props.actions}
        colorLabels={LABELS}
        activeId={activeId}
        focusField={props.focusField}
        onActivate={setActiveId}
        onJump={onJump}
      />
    </div>
  );
}

let store: RendererStore;
let calls: Call[];

beforeEach(() => {
  calls = [];
  store = createRendererStore();
  store.setNames({ tags: ['five'], speakers: [], claimTypes: [] });
  store.openAnnotations(ARTICLE, ANNOTATIONS);
});

afterEach(cleanup);

async function show(initialActive: string | null = null, focusField: FocusField | null = null) {
  await render(
    <StoreContext.Provider value={store}>
      <Harness actions={fakeActions(calls)} initialActive={initialActive} focusField={focusField} />
    </StoreContext.Provider>,
  );
  await settle();
}

/** Lets the virtualizer measure and re-render (it works from observers and frames). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

const cards = () => [...document.querySelectorAll<HTMLElement>('[data-annotation-card]')];
const card = (id: string) =>
  document.querySelector<HTMLElement>(`[data-annotation-card="${CSS.escape(id)}"]`);
const items = () => [...document.querySelectorAll<HTMLLIElement>('.sb-list > li')];
const scroller = () => document.querySelector<HTMLElement>('.sb-scroll')!;
/** Renders of each card since the spies were last cleared, by annotation id. */
const cardRenders = () => vi.mocked(useAnnotation).mock.calls.map(([id]) => id);
const sidebarRenders = () => vi.mocked(useAnnotationList).mock.calls.length;
const clearRenders = () => {
  vi.mocked(useAnnotation).mockClear();
  vi.mocked(useAnnotationList).mockClear();
  vi.mocked(useNames).mockClear();
};

/**
 * Waits until nothing renders by itself any more (the virtualizer re-renders once a scroll has
 * stopped), then clears the render counts.
 */
async function quiet(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    clearRenders();
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 200)));
    if (sidebarRenders() === 0 && cardRenders().length === 0) break;
  }
  expect(sidebarRenders()).toBe(0);
  clearRenders();
}

/** Each rendered item's place in the list, and the annotation its card shows. */
function places(): { posinset: number; setsize: number; id: string }[] {
  return items().map((item) => ({
    posinset: Number(item.getAttribute('aria-posinset')),
    setsize: Number(item.getAttribute('aria-setsize')),
    id: item.querySelector<HTMLElement>('[data-annotation-card]')!.dataset['annotationCard']!,
  }));
}

describe('Sidebar with 10,000 annotations', () => {
  it('renders only the cards on screen, and says the size of the list and each card’s place', async () => {
    await show();
    expect(page.getByRole('status').element().textContent).toBe('10000 annotations');
    expect(scroller().clientHeight).toBeLessThanOrEqual(600);
    expect(scroller().scrollHeight).toBeGreaterThan(COUNT * 50);

    const shown = cards().length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(40);
    const first = places();
    expect(first).toHaveLength(shown);
    expect(first[0]).toEqual({ posinset: 1, setsize: COUNT, id: nth(1) });
    for (const place of first) {
      expect(place.setsize).toBe(COUNT);
      expect(place.id).toBe(nth(place.posinset));
    }

    // Scrolled to the middle: other cards, as few, in their places.
    await act(async () => {
      scroller().scrollTop = scroller().scrollHeight / 2;
      scroller().dispatchEvent(new Event('scroll'));
    });
    await until(() => !card(nth(1)));
    const middle = places();
    expect(middle.length).toBeLessThanOrEqual(40);
    expect(middle[0]!.posinset).toBeGreaterThan(COUNT / 4);
    for (const place of middle) {
      expect(place.setsize).toBe(COUNT);
      expect(place.id).toBe(nth(place.posinset));
    }
  });

  it('scrolls to, renders and focuses a card opened far down the list', async () => {
    await show();
    const far = nth(9000);
    expect(card(far)).toBeNull();

    await act(async () => opener.open(far));
    await until(() => card(far) !== null && document.activeElement === card(far));
    expect(card(far)!.hasAttribute('data-active')).toBe(true);
    expect(card(far)!.closest('li')!.getAttribute('aria-posinset')).toBe('9000');
    expect(cards().length).toBeLessThanOrEqual(40);
    expect(card(nth(1))).toBeNull();
    // On screen within the list, not merely in the DOM.
    const list = scroller().getBoundingClientRect();
    const box = card(far)!.getBoundingClientRect();
    expect(box.bottom).toBeGreaterThan(list.top);
    expect(box.top).toBeLessThan(list.bottom);
  });

  it('opens a card far down at once when it is the open one from the start', async () => {
    await show(nth(9500), 'note');
    await until(() => card(nth(9500)) !== null);
    await until(() => document.activeElement === page.getByLabelText('Note').element());
  });

  it('re-renders only the card whose annotation changed', async () => {
    await show();
    const changed = ANNOTATIONS[3]!;
    expect(card(changed.id)).not.toBeNull();
    await quiet();

    await act(async () =>
      store.apply(changesOf({ annotations: [{ ...changed, color: 'pink', note: 'changed' }] })),
    );
    await settle();
    expect(cardRenders()).toEqual([changed.id]);
    expect(card(changed.id)!.className).toContain('highlight-border-pink');
    expect(card(changed.id)!.querySelector('.sb-note')!.textContent).toBe('changed');
    // The list itself was read again (it changed).
    expect(sidebarRenders()).toBeGreaterThanOrEqual(1);

    // The count sees every card that changed: two changes, two cards.
    await quiet();
    // Another card on screen now (which ones are depends on the measured heights).
    const otherId = cards()
      .map((c) => c.dataset['annotationCard']!)
      .find((id) => id !== changed.id)!;
    const other = ANNOTATIONS.find((a) => a.id === otherId)!;
    clearRenders();
    await act(async () =>
      store.apply(
        changesOf({
          annotations: [
            { ...changed, color: 'green' },
            { ...other, tags: ['six'] },
          ],
        }),
      ),
    );
    await settle();
    expect([...cardRenders()].sort()).toEqual([changed.id, other.id].sort());

    // A change to an annotation off screen renders no card at all.
    clearRenders();
    const offScreen = ANNOTATIONS[9499]!;
    await act(async () =>
      store.apply(changesOf({ annotations: [{ ...offScreen, color: 'blue' }] })),
    );
    await settle();
    expect(cardRenders()).toEqual([]);
    expect(card(offScreen.id)).toBeNull();
  });

  it('re-renders no card for a change the store does not hold', async () => {
    await show();
    await quiet();
    const elsewhere = buildAnnotation({ articleId: testId(999_999) });
    await act(async () => store.apply(changesOf({ annotations: [elsewhere] })));
    await settle();
    expect(cardRenders()).toEqual([]);
  });

  it('lists the 9,999 other passages to link to only while that list is in use', async () => {
    await show(nth(4));
    const target = page.getByLabelText('Link to…').element() as HTMLSelectElement;
    expect(target.options).toHaveLength(1);
    await act(async () => target.focus());
    expect(target.options).toHaveLength(COUNT); // "Choose a passage" and every other one
    expect([...target.options].some((o) => o.value === nth(4))).toBe(false);
    await act(async () => target.blur());
    expect(target.options).toHaveLength(1);

    await act(async () => target.focus());
    await act(() => userEvent.selectOptions(target, nth(9999)));
    await act(async () => target.blur());
    expect(target.value).toBe(nth(9999)); // a chosen passage keeps the list
    await act(() => userEvent.click(page.getByRole('button', { name: 'Add link' }).element()));
    expect(calls).toEqual([['link', nth(4), nth(9999), 'denies']]);
  });

  it('re-renders nothing but the note field while a note is typed', async () => {
    const target = nth(4);
    await show(target, 'note');
    const note = page.getByLabelText('Note').element() as HTMLTextAreaElement;
    await until(() => document.activeElement === note);
    expect(note.value).toBe('note 4');
    await quiet();
    const listBefore = selectAnnotationList(store.getState());

    await act(() => userEvent.keyboard(' more'));
    await settle();
    expect(note.value).toBe('note 4 more');
    expect(calls.filter(([method]) => method === 'saveNoteDraft')).toHaveLength(5);
    expect(calls.at(-1)).toEqual(['saveNoteDraft', target, 'note 4 more']);
    // No card, not the editor; and the sidebar never saw a new list (the store did not change:
    // a render the virtualizer makes on its own, measuring, may still come).
    expect(cardRenders()).toEqual([]);
    expect(vi.mocked(useAnnotationList).mock.results.every((r) => r.value === listBefore)).toBe(
      true,
    );
    expect(vi.mocked(useNames)).not.toHaveBeenCalled();

    // While a change to the annotation itself renders its card and editor again, keeping the
    // text being typed.
    await act(async () =>
      store.apply(changesOf({ annotations: [{ ...ANNOTATIONS[3]!, color: 'green' }] })),
    );
    await settle();
    expect(cardRenders()).toEqual([target]);
    expect(vi.mocked(useNames)).toHaveBeenCalled();
    expect(note.value).toBe('note 4 more');
  });
});

describe('thousands of orphans (a new version that dropped half the book)', () => {
  it('draws them a page at a time, Show more adding the next page', async () => {
    const orphaned = ANNOTATIONS.map((a, i) =>
      i % 2 === 0 ? { ...a, anchor: { status: 'orphan' as const } } : a,
    );
    store.openAnnotations(ARTICLE, orphaned);
    await show();
    const section = page.getByRole('region', { name: `Orphaned (${COUNT / 2})` }).element();
    const drawn = () => section.querySelectorAll('[data-annotation-card]').length;
    expect(drawn()).toBe(50);
    const more = page.getByRole('button', { name: 'Show 50 more (4950 not shown)' });
    await act(async () => (more.element() as HTMLButtonElement).click());
    await settle();
    expect(drawn()).toBe(100);
    expect(page.getByRole('button', { name: 'Show 50 more (4900 not shown)' }).all()).toHaveLength(
      1,
    );
  });
});
