/**
 * The annotations sidebar in Chromium: cards in document order with everything an annotation
 * holds, the filter bar, opening a card, and every edit reaching the annotation actions. The
 * sidebar reads the annotations and the library's names from a store seeded for each test.
 */
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Annotation, Settings } from '../../../src/shared/contract/entities';
import { Sidebar } from '../../../src/renderer/src/annotations/Sidebar';
import type { FocusField } from '../../../src/renderer/src/annotations/AnnotationEditor';
import type { AnnotationActions } from '../../../src/renderer/src/annotations/annotation-actions';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import type { NamesState } from '../../../src/renderer/src/store/names';
import {
  createRendererStore,
  type RendererStore,
} from '../../../src/renderer/src/store/renderer-store';
import '../../../src/renderer/src/styles.css';
import { buildAnnotation, changesOf } from '../../support/annotation-builder';
import { cleanup, render as mount } from '../react-harness';

const ARTICLE = '0195a000-0000-7000-8000-000000000000';
const A1 = '0195a000-0000-7000-8000-000000000001';
const A2 = '0195a000-0000-7000-8000-000000000002';
const A3 = '0195a000-0000-7000-8000-000000000003';
const A4 = '0195a000-0000-7000-8000-000000000004';
const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';

function annotation(id: string, start: number, fields: Partial<Annotation>): Annotation {
  return buildAnnotation({
    id,
    articleId: ARTICLE,
    exact: id,
    position: { start, end: start + 10 },
    createdAt: '2022-02-11T00:00:00.000Z',
    ...fields,
  });
}

const annotations: readonly Annotation[] = [
  annotation(A1, 0, {
    quote: { exact: ACCUSATION, prefix: '', suffix: '' },
    claim: { type: 'accusation', speaker: 'Western intelligence', status: 'unverified' },
    tags: ['false-flag'],
    note: 'The accusation.\nCheck the sources.',
    links: [
      {
        id: '0195a000-0000-7000-8000-0000000000a1',
        relation: 'denies',
        direction: 'incoming',
        otherId: A2,
        otherArticleId: ARTICLE,
        otherQuote: 'which Russia denies',
      },
    ],
  }),
  annotation(A2, 100, {
    quote: { exact: 'which Russia denies', prefix: '', suffix: '' },
    color: 'pink',
    claim: { type: 'denial', speaker: 'Russia', status: 'disputed' },
    links: [
      {
        id: '0195a000-0000-7000-8000-0000000000a1',
        relation: 'denies',
        direction: 'outgoing',
        otherId: A1,
        otherArticleId: ARTICLE,
        otherQuote: ACCUSATION,
      },
    ],
  }),
  annotation(A3, 200, {
    quote: { exact: 'the number of Russian forces is going up', prefix: '', suffix: '' },
    color: 'blue',
    claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'unverified' },
    tags: ['nato'],
  }),
  annotation(A4, 300, {
    quote: { exact: 'the White House finding of January 14th', prefix: '', suffix: '' },
    color: 'green',
    note: 'Finding',
    tags: ['evidence', 'white-house'],
  }),
];

const colorLabels: Settings['colorLabels'] = {
  yellow: 'accusation',
  green: 'evidence',
  blue: '',
  pink: '',
  purple: '',
};

type Call = readonly [method: string, ...args: unknown[]];

/**
 * AnnotationActions that record every call and change nothing: the store stays as seeded, and
 * a change is answered only when the test says so (`answers`); until then it is on its way, and
 * the editor shows, and builds on, what it sent.
 */
function fakeActions(calls: Call[]): AnnotationActions {
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push([method, ...args]);
      return new Promise<void>((resolve) => answers.push(resolve));
    };
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

const NAMES: NamesState = {
  tags: ['evidence', 'false-flag', 'nato', 'white-house', 'NATO summit'],
  speakers: ['Russia', 'Western intelligence', 'Jens Stoltenberg'],
  claimTypes: ['accusation', 'denial', 'assertion', 'evidence', 'prediction', 'opinion'],
};

interface HarnessProps {
  readonly actions: AnnotationActions;
  readonly initialActive?: string | null;
  readonly focusField?: FocusField | null;
  readonly jumps: string[];
}

/** Holds the open card as the reader does. */
function Harness({ actions, initialActive = null, focusField = null, jumps }: HarnessProps) {
  const [activeId, setActiveId] = useState<string | null>(initialActive);
  return (
    <Sidebar
      actions={actions}
      colorLabels={colorLabels}
      activeId={activeId}
      focusField={focusField}
      onActivate={setActiveId}
      onJump={(id) => void jumps.push(id)}
    />
  );
}

let container: HTMLElement;
let store: RendererStore;
let calls: Call[];
/** Resolves each recorded change's promise, in the order they were made. */
let answers: (() => void)[];
let jumps: string[];

beforeEach(() => {
  store = createRendererStore();
  calls = [];
  answers = [];
  jumps = [];
});

afterEach(cleanup);

interface RenderOptions extends Partial<Omit<HarnessProps, 'jumps'>> {
  /** The open article's annotations, as the store holds them (default: the four above). */
  readonly list?: readonly Annotation[];
}

/** Seeds a fresh store with `list` and the library's names, and shows the sidebar over it. */
async function render({ list = annotations, ...props }: RenderOptions = {}): Promise<void> {
  store = createRendererStore();
  store.setNames(NAMES);
  store.openAnnotations(ARTICLE, list);
  const mounted = await mount(
    <StoreContext.Provider value={store}>
      <Harness actions={fakeActions(calls)} jumps={jumps} {...props} />
    </StoreContext.Provider>,
  );
  container = mounted.container;
}

/** Runs a user action and lets React finish rendering it. */
const user = (action: () => Promise<void>) => act(action);

const cards = () => [
  ...container.querySelectorAll<HTMLElement>('article[aria-label^="Annotation:"]'),
];
const card = (id: string) =>
  container.querySelector<HTMLElement>(`[data-annotation-card="${id}"]`)!;
const count = () => page.getByRole('status').element().textContent;
const button = (name: string) => page.getByRole('button', { name, exact: true }).element();
const field = (name: string) => page.getByLabelText(name, { exact: true }).element();

describe('Sidebar', () => {
  it('is the Annotations landmark, with every annotation in document order', async () => {
    await render();
    expect(page.getByRole('complementary', { name: 'Annotations' }).element()).toBeTruthy();
    expect(count()).toBe('4 annotations');
    expect(cards().map((c) => c.dataset['annotationCard'])).toEqual([A1, A2, A3, A4]);
    expect(cards()[1]!.getAttribute('aria-label')).toBe('Annotation: which Russia denies');

    const first = cards()[0]!;
    expect(first.querySelector('blockquote')!.textContent).toBe(ACCUSATION);
    expect(first.textContent).toContain('Yellow — accusation');
    expect(first.textContent).toContain('accusation');
    expect(first.textContent).toContain('Western intelligence');
    expect(first.textContent).toContain('unverified');
    expect(first.textContent).toContain('#false-flag');
    const note = first.querySelector<HTMLElement>('.sb-note')!;
    expect(note.textContent).toBe('The accusation.\nCheck the sources.');
    expect(getComputedStyle(note).whiteSpace).toBe('pre-wrap');
    expect(first.querySelector('.sb-link')!.textContent).toBe('← denied by ‘which Russia denies’');
    expect(cards()[1]!.querySelector('.sb-link')!.textContent).toBe(
      'denies → ‘Western intelligence reports have said that Russia planned…’',
    );
    expect(cards()[3]!.textContent).toContain('#evidence');
    expect(cards()[3]!.textContent).toContain('#white-house');
  });

  it('R15 says on the card when its passage is not in the text, and offers no Go to passage', async () => {
    await render({
      list: annotations.map((a) => (a.id === A2 ? { ...a, anchor: { status: 'orphan' } } : a)),
    });
    const cards = [...container.querySelectorAll('article')];
    const unplaced = cards.filter((card) => card.textContent?.includes('Passage not found'));
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]!.textContent).not.toContain('Go to passage');
    expect(page.getByRole('button', { name: 'Go to passage' }).all()).toHaveLength(
      cards.length - 1,
    );
  });

  it('R15 shows on the card the words changed since the passage was annotated', async () => {
    await render({
      list: [
        annotation(A1, 0, {
          quote: { exact: 'which Russia firmly denies', prefix: '', suffix: '' },
          originalQuote: 'which Russia denies',
        }),
        annotation(A2, 100, {}),
      ],
    });
    const diffs = [...container.querySelectorAll('.sb-word-diff')];
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.querySelector('.sb-word-diff-label')!.textContent).toBe(
      'Words changed since annotated',
    );
    expect(diffs[0]!.querySelector('ins')!.textContent).toBe('now: firmly');
    expect(diffs[0]!.querySelector('del')).toBeNull();
  });

  it('jumps to the passage from "Go to passage" and from the quote', async () => {
    await render();
    await user(() => userEvent.click(cards()[2]!.querySelector('blockquote')!));
    const goTo = page.getByRole('button', { name: 'Go to passage' }).all()[1]!.element();
    await user(() => userEvent.click(goTo));
    expect(jumps).toEqual([A3, A2]);
  });

  it('follows a link to the other annotation: opens its card and jumps to it', async () => {
    await render();
    await user(() => userEvent.click(button('← denied by ‘which Russia denies’')));
    expect(jumps).toEqual([A2]);
    expect(card(A2).hasAttribute('data-active')).toBe(true);
    expect(document.activeElement).toBe(card(A2));
  });

  it('narrows the cards by text, colour, tag, claim type and speaker', async () => {
    await render();
    const ids = () => cards().map((c) => c.dataset['annotationCard']);

    await user(() => userEvent.type(field('Filter annotations'), 'russia'));
    expect(ids()).toEqual([A1, A2, A3]);
    expect(count()).toBe('3 of 4');
    await user(() => userEvent.type(field('Filter annotations'), ' denies'));
    expect(ids()).toEqual([A2]);
    await user(() => userEvent.click(button('Clear filters')));
    expect(ids()).toEqual([A1, A2, A3, A4]);

    await user(() => userEvent.selectOptions(field('Colour'), 'Green — evidence'));
    expect(ids()).toEqual([A4]);
    await user(() => userEvent.selectOptions(field('Colour'), 'All colours'));

    await user(() => userEvent.selectOptions(field('Tag'), 'nato'));
    expect(ids()).toEqual([A3]);
    await user(() => userEvent.selectOptions(field('Tag'), 'All tags'));

    await user(() => userEvent.selectOptions(field('Claim type'), 'denial'));
    expect(ids()).toEqual([A2]);
    await user(() => userEvent.selectOptions(field('Speaker'), 'Jens Stoltenberg'));
    expect(ids()).toEqual([]);
    expect(container.textContent).toContain('No annotations match these filters.');
    expect(count()).toBe('0 of 4');

    await user(() => userEvent.click(button('Clear filters')));
    expect(ids()).toEqual([A1, A2, A3, A4]);
    expect(button('Clear filters').hasAttribute('disabled')).toBe(true);
  });

  it('always shows the open card, even when the filter would hide it', async () => {
    await render({ initialActive: A4 });
    await user(() => userEvent.selectOptions(field('Claim type'), 'denial'));
    expect(cards().map((c) => c.dataset['annotationCard'])).toEqual([A2, A4]);
  });

  it('opens a card for editing with Edit, focuses it, and closes it with Escape', async () => {
    await render();
    expect(container.querySelector('textarea')).toBeNull();
    const edit = card(A3).querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    await user(() => userEvent.click(edit));
    expect(card(A3).hasAttribute('data-active')).toBe(true);
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(card(A3));
    expect(field('Note')).toBeInstanceOf(HTMLTextAreaElement);
    expect(page.getByRole('radio', { name: 'Blue' }).element()).toHaveProperty('checked', true);

    await user(() => userEvent.click(field('Note')));
    await user(() => userEvent.keyboard('{Escape}'));
    expect(container.querySelector('textarea')).toBeNull();
    expect(card(A3).hasAttribute('data-active')).toBe(false);
    expect(document.activeElement).toBe(edit);
  });

  it('focuses the field asked for when a card is opened by a shortcut', async () => {
    await render({ initialActive: A2, focusField: 'claim' });
    expect(document.activeElement).toBe(field('Type'));
    await cleanup();
    await render({ initialActive: A4, focusField: 'tags' });
    expect(document.activeElement).toBe(field('New tag'));
  });

  it('saves the note on every change and records one undo step on blur', async () => {
    await render({ initialActive: A4, focusField: 'note' });
    expect(document.activeElement).toBe(field('Note'));
    await user(() => userEvent.type(field('Note'), ' 2'));
    await user(() => userEvent.tab());
    expect(calls).toEqual([
      ['saveNoteDraft', A4, 'Finding '],
      ['saveNoteDraft', A4, 'Finding 2'],
      ['commitNote', A4, 'Finding'],
    ]);
  });

  it('adds tags with Enter or a comma, in the library spelling, and removes them', async () => {
    await render({ initialActive: A4 });
    await user(() => userEvent.type(field('New tag'), 'nato summit{Enter}'));
    expect(calls).toEqual([['update', A4, { tags: ['evidence', 'white-house', 'NATO summit'] }]]);
    expect(field('New tag')).toHaveProperty('value', '');

    // Built on the tags just saved, before the annotation is reloaded.
    await user(() => userEvent.type(field('New tag'), '#kyiv,'));
    expect(calls[1]).toEqual([
      'update',
      A4,
      { tags: ['evidence', 'white-house', 'NATO summit', 'kyiv'] },
    ]);
    expect(page.getByRole('button', { name: /^Remove tag/ }).all()).toHaveLength(4);

    await user(() => userEvent.type(field('New tag'), 'Evidence{Enter}'));
    expect(calls).toHaveLength(2);

    await user(() => userEvent.click(button('Remove tag evidence')));
    expect(calls[2]).toEqual(['update', A4, { tags: ['white-house', 'NATO summit', 'kyiv'] }]);
  });

  it('builds a quick edit on the one before it, even when that one’s reply comes in between', async () => {
    await render({ initialActive: A4 });
    const chips = () =>
      page
        .getByRole('button', { name: /^Remove tag/ })
        .all()
        .map((b) => b.element().getAttribute('aria-label'));
    const tags = ['evidence', 'white-house'];
    await user(() => userEvent.type(field('New tag'), 'kyiv{Enter}'));
    await user(() => userEvent.type(field('New tag'), 'nato{Enter}'));
    expect(calls).toEqual([
      ['update', A4, { tags: [...tags, 'kyiv'] }],
      ['update', A4, { tags: [...tags, 'kyiv', 'nato'] }],
    ]);

    // The first reply is applied while the second edit is on its way: the editor still shows,
    // and builds on, the second.
    const first = store.getState().annotations.byId.get(A4)!;
    await act(async () => {
      store.apply(changesOf({ annotations: [{ ...first, tags: [...tags, 'kyiv'] }] }));
      answers[0]!();
    });
    expect(chips()).toEqual([
      'Remove tag evidence',
      'Remove tag white-house',
      'Remove tag kyiv',
      'Remove tag nato',
    ]);
    await user(() => userEvent.type(field('New tag'), 'summit{Enter}'));
    expect(calls[2]).toEqual(['update', A4, { tags: [...tags, 'kyiv', 'nato', 'summit'] }]);

    // Once the last reply is in, the store says the rest.
    await act(async () => {
      store.apply(
        changesOf({ annotations: [{ ...first, tags: [...tags, 'kyiv', 'nato', 'summit'] }] }),
      );
      answers[1]!();
      answers[2]!();
    });
    expect(chips()).toHaveLength(5);
    await user(() => userEvent.click(button('Remove tag kyiv')));
    expect(calls[3]).toEqual(['update', A4, { tags: [...tags, 'nato', 'summit'] }]);
  });

  it('edits the claim: status, speaker and type, each saved once and built on the last', async () => {
    await render({ initialActive: A3 });
    await user(() => userEvent.selectOptions(field('Status'), 'confirmed'));
    const claim = { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'confirmed' };
    expect(calls).toEqual([['update', A3, { claim }]]);

    await user(() => userEvent.clear(field('Attributed to')));
    await user(() => userEvent.type(field('Attributed to'), 'NATO'));
    await user(() => userEvent.tab());
    expect(calls[1]).toEqual(['update', A3, { claim: { ...claim, speaker: 'NATO' } }]);

    await user(() => userEvent.clear(field('Attributed to')));
    await user(() => userEvent.tab());
    expect(calls[2]).toEqual(['update', A3, { claim: { ...claim, speaker: null } }]);

    await user(() => userEvent.clear(field('Type')));
    await user(() => userEvent.type(field('Type'), 'warning{Enter}'));
    await user(() => userEvent.tab());
    expect(calls.slice(3)).toEqual([
      ['update', A3, { claim: { ...claim, speaker: null, type: 'warning' } }],
    ]);

    await user(() => userEvent.click(field('Mark as claim')));
    expect(calls.at(-1)).toEqual(['update', A3, { claim: null }]);
    expect(container.querySelector('[data-field="claim"]')).toBe(field('Mark as claim'));
  });

  it('changes the colour from the radio group named by the legend', async () => {
    await render({ initialActive: A3 });
    await user(() =>
      userEvent.click(page.getByRole('radio', { name: 'Green — evidence' }).element()),
    );
    expect(calls).toEqual([['update', A3, { color: 'green' }]]);
  });

  it('adds a link to another annotation and removes an existing one', async () => {
    await render({ initialActive: A3 });
    expect(button('Add link').hasAttribute('disabled')).toBe(true);
    await user(() => userEvent.selectOptions(field('Relation'), 'supports'));
    const target = field('Link to…') as HTMLSelectElement;
    // A long list of passages is filled in once it is in use (focused or pressed).
    await user(async () => target.focus());
    expect([...target.options].map((o) => o.text)).toEqual([
      'Choose a passage',
      '‘Western intelligence reports have said that…’ (accusation)',
      '‘which Russia denies’ (denial)',
      '‘the White House finding of January 14th’',
    ]);
    await user(() => userEvent.selectOptions(target, A1));
    await user(() => userEvent.click(button('Add link')));
    expect(calls).toEqual([['link', A3, A1, 'supports']]);

    await user(() => userEvent.click(button('Done')));
    await user(() =>
      userEvent.click(card(A2).querySelector<HTMLElement>('button[aria-expanded]')!),
    );
    await user(() => userEvent.click(page.getByRole('button', { name: /^Remove link/ }).element()));
    expect(calls[1]).toEqual(['unlink', '0195a000-0000-7000-8000-0000000000a1']);
  });

  it('deletes without confirmation, closes the card and moves the focus on', async () => {
    await render({ initialActive: A2 });
    await user(() => userEvent.click(button('Delete annotation')));
    expect(calls).toEqual([['remove', A2]]);
    expect(container.querySelector('[data-active]')).toBeNull();
    // Once the service's reply has removed the annotation from the store, the next card has
    // the focus.
    await act(async () => store.apply(changesOf({ removedAnnotations: [A2] })));
    expect(card(A2)).toBeNull();
    expect(document.activeElement).toBe(card(A3));
  });

  it('closes the open card with Escape from the card itself', async () => {
    await render({ initialActive: A1 });
    expect(document.activeElement).toBe(card(A1));
    await user(() => userEvent.keyboard('{Escape}'));
    expect(container.querySelector('[data-active]')).toBeNull();
  });

  it('gives every control a name', async () => {
    await render({ initialActive: A1 });
    const controls = [
      ...container.querySelectorAll<HTMLElement>('button, input, select, textarea'),
    ];
    expect(controls.length).toBeGreaterThan(20);
    expect(controls.filter((control) => !nameOf(control))).toEqual([]);
  });
});

/** A control's name from aria-label, its labels, or (for a button) its text. */
function nameOf(control: HTMLElement): string {
  const labels = 'labels' in control ? (control.labels as NodeListOf<HTMLLabelElement>) : null;
  const fromLabels = [...(labels ?? [])].map((l) => l.textContent).join(' ');
  const text = control instanceof HTMLButtonElement ? control.textContent : '';
  return (control.getAttribute('aria-label') ?? (fromLabels || text)).trim();
}
