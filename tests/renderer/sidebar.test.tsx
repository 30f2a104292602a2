/**
 * The annotations sidebar in Chromium: cards in document order with everything an annotation
 * holds, the filter bar, opening a card, and every edit reaching the annotations API.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Annotation, Settings } from '../../src/shared/contract/entities';
import { Sidebar } from '../../src/renderer/src/annotations/Sidebar';
import type { FocusField } from '../../src/renderer/src/annotations/AnnotationEditor';
import type { AnnotationsApi } from '../../src/renderer/src/annotations/use-annotations';
import '../../src/renderer/src/styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ARTICLE = '0195a000-0000-7000-8000-000000000000';
const A1 = '0195a000-0000-7000-8000-000000000001';
const A2 = '0195a000-0000-7000-8000-000000000002';
const A3 = '0195a000-0000-7000-8000-000000000003';
const A4 = '0195a000-0000-7000-8000-000000000004';
const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';

function annotation(id: string, start: number, fields: Partial<Annotation>): Annotation {
  return {
    id,
    articleId: ARTICLE,
    quote: { exact: id, prefix: '', suffix: '' },
    position: { start, end: start + 10 },
    color: 'yellow',
    note: '',
    originalQuote: null,
    claim: null,
    tags: [],
    links: [],
    createdAt: '2022-02-11T00:00:00.000Z',
    updatedAt: '2022-02-11T00:00:00.000Z',
    ...fields,
  };
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

/** An AnnotationsApi that records every call and changes nothing. */
function fakeApi(calls: Call[]): AnnotationsApi {
  const record =
    (method: string) =>
    async (...args: unknown[]) =>
      void calls.push([method, ...args]);
  return {
    annotations,
    create: async () => null,
    update: record('update'),
    saveNoteDraft: (...args) => void calls.push(['saveNoteDraft', ...args]),
    commitNote: (...args) => void calls.push(['commitNote', ...args]),
    flushNotes: async () => undefined,
    remove: record('remove'),
    link: record('link'),
    unlink: record('unlink'),
    undo: record('undo'),
    redo: record('redo'),
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
  };
}

interface HarnessProps {
  readonly api: AnnotationsApi;
  readonly list?: readonly Annotation[];
  readonly initialActive?: string | null;
  readonly focusField?: FocusField | null;
  readonly jumps: string[];
  readonly unplacedIds?: ReadonlySet<string>;
}

/** Holds the open card as the reader does. */
function Harness({
  api,
  list = annotations,
  initialActive = null,
  focusField = null,
  jumps,
  unplacedIds,
}: HarnessProps) {
  const [activeId, setActiveId] = useState<string | null>(initialActive);
  return (
    <Sidebar
      annotations={list}
      api={api}
      colorLabels={colorLabels}
      tagNames={['evidence', 'false-flag', 'nato', 'white-house', 'NATO summit']}
      speakers={['Russia', 'Western intelligence', 'Jens Stoltenberg']}
      claimTypes={['accusation', 'denial', 'assertion', 'evidence', 'prediction', 'opinion']}
      activeId={activeId}
      focusField={focusField}
      onActivate={setActiveId}
      onJump={(id) => void jumps.push(id)}
      unplacedIds={unplacedIds}
    />
  );
}

let container: HTMLDivElement;
let root: Root;
let calls: Call[];
let jumps: string[];

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  calls = [];
  jumps = [];
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(props: Partial<HarnessProps> = {}): Promise<void> {
  await act(async () => root.render(<Harness api={fakeApi(calls)} jumps={jumps} {...props} />));
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

  it('says on the card when its passage is not in the text, and offers no Go to passage', async () => {
    await render({ unplacedIds: new Set([A2]) });
    const cards = [...container.querySelectorAll('article')];
    const unplaced = cards.filter((card) => card.textContent?.includes('Passage not found'));
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]!.textContent).not.toContain('Go to passage');
    expect(page.getByRole('button', { name: 'Go to passage' }).all()).toHaveLength(
      cards.length - 1,
    );
  });

  it('says on the card when an imported passage had changed, and how it read', async () => {
    await render({
      list: [
        annotation(A1, 0, {
          quote: { exact: 'which Russia firmly denies', prefix: '', suffix: '' },
          originalQuote: 'which Russia denies',
        }),
        annotation(A2, 100, {}),
      ],
    });
    const notes = [...container.querySelectorAll('.sb-changed')].map((p) => p.textContent);
    expect(notes).toEqual([
      'Passage changed since it was annotated; it read “which Russia denies”',
    ]);
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
    await act(async () => root.unmount());
    root = createRoot(container);
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
    const api = fakeApi(calls);
    await render({ api, initialActive: A2 });
    await user(() => userEvent.click(button('Delete annotation')));
    expect(calls).toEqual([['remove', A2]]);
    expect(container.querySelector('[data-active]')).toBeNull();
    // Once the annotation is gone from the list, the next card has the focus.
    await render({ api, list: annotations.filter((a) => a.id !== A2) });
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
