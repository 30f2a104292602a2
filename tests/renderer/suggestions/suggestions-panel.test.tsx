/**
 * The sidebar's "Suggested claims" in Chromium, against a fake controller that records its calls
 * and drops accepted and dismissed suggestions as the real one does: each row's controls named by
 * type, speaker and quote; "Accept selected (N)" accepts the checked ones once, in text order;
 * the selection survives a suggestion leaving; Dismiss, Show, Select all and Select none; the
 * status and empty state; the current suggestion marked and scrolled into the list; and 3,000
 * suggestions drawn a screenful at a time.
 */
import { act, useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ClaimSuggestion, SuggestedClaimType } from '../../../src/shared/claim-finder/types';
import type {
  SuggestionsController,
  SuggestionsStatus,
} from '../../../src/renderer/src/suggestions/controller';
import { SuggestionsPanel } from '../../../src/renderer/src/suggestions/SuggestionsPanel';
import '../../../src/renderer/src/styles.css';
import { cleanup, perform, render } from '../react-harness';

afterEach(cleanup);

/** A suggestion at `start`, its quote `quote`, said by `speaker`. */
function suggestion(
  start: number,
  quote: string,
  speaker: string | null,
  type: SuggestedClaimType = 'assertion',
  cue = 'said that',
): ClaimSuggestion {
  const end = start + quote.length;
  return {
    key: `${start}-${end}`,
    start,
    end,
    quote,
    cue: { start: start - cue.length - 1, end: start - 1, text: cue },
    cueLemma: 'say',
    source: speaker ? { start: 0, end: speaker.length, text: speaker } : null,
    speaker,
    type,
    sentence: { start: 0, end: end + 1 },
  };
}

const WESTERN = suggestion(
  100,
  'Russia planned to run “false-flag operations” to create a pretense for invasion or to make Ukraine more favorable to it',
  'Western intelligence',
  'assertion',
  'have said that',
);
const DENIAL = suggestion(300, 'which Russia denies', 'Russia', 'denial', 'denies');
const WHITE_HOUSE = suggestion(
  500,
  'Russia had been stirring misinformation',
  'White House',
  'evidence',
  'finding that',
);
const UNKNOWN = suggestion(800, 'the number of forces is going up', null, 'prediction', 'warned');
const FOUR = [WESTERN, DENIAL, WHITE_HOUSE, UNKNOWN];

type Call = readonly [method: string, ...args: unknown[]];

type Patch = Partial<Pick<SuggestionsController, 'suggestions' | 'currentKey' | 'status'>>;

interface Fake {
  calls: Call[];
  /** Replaces what the controller offers, as the article or the finder would. */
  set(patch: Patch): void;
}

/** The mounted harness's state setter (one harness at a time). */
const remote = { set: (_patch: Patch): void => undefined };

/** A controller in React state: accept and dismiss remove the suggestions, as the real one does. */
function Harness(props: {
  readonly fake: Fake;
  readonly initial: readonly ClaimSuggestion[];
  readonly status?: SuggestionsStatus;
  readonly enabled?: boolean;
}) {
  const { fake } = props;
  const [state, setState] = useState({
    suggestions: props.initial,
    currentKey: null as string | null,
    status: props.status ?? ('ready' as SuggestionsStatus),
  });
  useEffect(() => {
    remote.set = (patch) => setState((s) => ({ ...s, ...patch }));
  }, []);
  const drop = (keys: readonly string[]) =>
    setState((s) => ({ ...s, suggestions: s.suggestions.filter((x) => !keys.includes(x.key)) }));
  const controller: SuggestionsController = {
    enabled: props.enabled ?? true,
    status: state.status,
    error: null,
    suggestions: state.suggestions,
    currentKey: state.currentKey,
    setEnabled: (on) => void fake.calls.push(['setEnabled', on]),
    show: (key) => void fake.calls.push(['show', key]),
    move: (step) => void fake.calls.push(['move', step]),
    clear: () => void fake.calls.push(['clear']),
    accept: async (keys) => {
      fake.calls.push(['accept', [...keys]]);
      drop(keys);
      return true;
    },
    dismiss: async (key) => {
      fake.calls.push(['dismiss', key]);
      drop([key]);
      return true;
    },
    edit: async (key) => {
      fake.calls.push(['edit', key]);
      return true;
    },
  };
  return (
    // The sidebar's width and a fixed height, as the reader lays it out.
    <div className="sb-sidebar annotations" style={{ width: 360, height: 700 }}>
      <SuggestionsPanel controller={controller} />
    </div>
  );
}

async function mount(
  initial: readonly ClaimSuggestion[],
  options: { status?: SuggestionsStatus; enabled?: boolean } = {},
): Promise<Fake> {
  const fake: Fake = { calls: [], set: (patch) => remote.set(patch) };
  await render(<Harness fake={fake} initial={initial} {...options} />);
  await settle();
  return fake;
}

/** Lets the virtualizer measure and re-render (it works from observers and frames). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

const region = () => page.getByRole('region', { name: 'Suggested claims' });
const button = (name: string) => region().getByRole('button', { name, exact: true }).element();
const checkbox = (name: string | RegExp) =>
  region().getByRole('checkbox', { name }).element() as HTMLInputElement;
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-suggestion-row]')];
const rowKeys = () => rows().map((row) => row.dataset['suggestionRow']);
const click = (el: Element) => perform(() => (el as HTMLElement).click());

describe('SuggestionsPanel', () => {
  it('names each suggestion by type, speaker and quote, and shows speaker, type and cue', async () => {
    await mount(FOUR);
    expect(region().element().textContent).toContain('4 suggestions');
    expect(rowKeys()).toEqual(FOUR.map((s) => s.key));

    const western = checkbox(/^assertion by Western intelligence: Russia planned to run/);
    expect(western.getAttribute('aria-label')!.length).toBeLessThan(90); // the quote shortened
    expect(western.getAttribute('aria-label')).toMatch(/…$/);
    expect(checkbox('denial by Russia: which Russia denies')).toBeTruthy();
    expect(checkbox(/^prediction by unknown speaker: /)).toBeTruthy();

    const denialRow = rows()[1]!;
    expect(denialRow.textContent).toContain('denial');
    expect(denialRow.textContent).toContain('Russia');
    expect(denialRow.textContent).toContain('“denies”');
    expect(rows()[3]!.textContent).toContain('unknown speaker');

    // Each row's buttons say which suggestion they act on.
    for (const action of ['Show', 'Accept', 'Dismiss']) {
      expect(button(`${action} denial by Russia: which Russia denies`).textContent).toBe(action);
    }
  });

  it('accepts the checked suggestions in one call, in text order, and they leave the list', async () => {
    const fake = await mount(FOUR);
    const accept = () => button('Accept selected (0)');
    expect((accept() as HTMLButtonElement).disabled).toBe(true);

    // Checked out of text order: accepted in text order.
    await click(checkbox(/^evidence by White House/));
    await click(checkbox(/^assertion by Western intelligence/));
    await click(button('Accept selected (2)'));
    await settle();

    expect(fake.calls).toEqual([['accept', [WESTERN.key, WHITE_HOUSE.key]]]);
    expect(rowKeys()).toEqual([DENIAL.key, UNKNOWN.key]);
    expect(button('Accept selected (0)')).toBeTruthy();
  });

  it('keeps the rest of the selection when a checked suggestion leaves the list', async () => {
    const fake = await mount(FOUR);
    await click(checkbox(/^assertion by Western intelligence/));
    await click(checkbox(/^denial by Russia/));
    // Accepted in the article with A: it leaves; the other stays checked.
    await act(async () => fake.set({ suggestions: [DENIAL, WHITE_HOUSE, UNKNOWN] }));
    await settle();
    expect(checkbox(/^denial by Russia/).checked).toBe(true);
    await click(button('Accept selected (1)'));
    expect(fake.calls).toEqual([['accept', [DENIAL.key]]]);
  });

  it('accepts, dismisses and shows one suggestion with its own buttons', async () => {
    const fake = await mount(FOUR);
    await click(button('Show evidence by White House: Russia had been stirring misinformation'));
    await click(button('Dismiss denial by Russia: which Russia denies'));
    await settle();
    expect(rowKeys()).toEqual([WESTERN.key, WHITE_HOUSE.key, UNKNOWN.key]);
    // The focus moves on to the next row's Dismiss, not to the page.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Dismiss evidence by White House/,
    );
    await click(button('Accept evidence by White House: Russia had been stirring misinformation'));
    await settle();
    expect(fake.calls).toEqual([
      ['show', WHITE_HOUSE.key],
      ['dismiss', DENIAL.key],
      ['accept', [WHITE_HOUSE.key]],
    ]);
    expect(rowKeys()).toEqual([WESTERN.key, UNKNOWN.key]);
  });

  it('selects all and none', async () => {
    const fake = await mount(FOUR);
    await click(button('Select all'));
    expect(rows().every((row) => row.querySelector<HTMLInputElement>('input')!.checked)).toBe(true);
    expect((button('Select all') as HTMLButtonElement).disabled).toBe(true);
    await click(button('Select none'));
    expect(rows().some((row) => row.querySelector<HTMLInputElement>('input')!.checked)).toBe(false);
    await click(button('Select all'));
    await click(button('Accept selected (4)'));
    expect(fake.calls).toEqual([['accept', FOUR.map((s) => s.key)]]);
  });

  it('says when it is finding, when there is nothing, and is absent when off', async () => {
    const fake = await mount([], { status: 'finding' });
    expect(region().element().textContent).toContain('Finding claims…');
    expect(document.querySelector('.sg-list')).toBeNull();
    await act(async () => fake.set({ status: 'ready' }));
    expect(region().element().textContent).toContain('No suggested claims in this article');
    await cleanup();

    await mount(FOUR, { enabled: false });
    expect(document.querySelector('.sg-panel')).toBeNull();
  });

  it('marks the current suggestion and scrolls it into the list', async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      suggestion(i * 100 + 50, `statement number ${i + 1}`, `Speaker ${i + 1}`),
    );
    const fake = await mount(many);
    expect(document.querySelector('[data-current]')).toBeNull();
    const target = many[150]!;
    await act(async () => fake.set({ currentKey: target.key }));
    for (let i = 0; i < 20 && !document.querySelector('[data-current]'); i++) await settle();

    const current = document.querySelector<HTMLElement>('[data-current]')!;
    expect(current.dataset['suggestionRow']).toBe(target.key);
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(current.textContent).toContain('Current');
    const list = document.querySelector('.sg-scroll')!.getBoundingClientRect();
    const box = current.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(list.top - 1);
    expect(box.bottom).toBeLessThanOrEqual(list.bottom + 1);
  });

  it('reaches rows beyond the first screenful with Tab', async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      suggestion(i * 100 + 50, `statement number ${i + 1}`, `Speaker ${i + 1}`),
    );
    await mount(many);
    const target = /^assertion by Speaker 25: /;
    expect(rowKeys()).not.toContain(many[24]!.key); // not drawn at first
    await perform(() => checkbox(/^assertion by Speaker 1: /).focus());
    // Four stops a row (checkbox, Show, Accept, Dismiss): row 25 is 96 presses on.
    for (let i = 0; i < 96; i++) await userEvent.tab();
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(target);
  });

  it('draws 3,000 suggestions a screenful at a time, telling the list’s size', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      suggestion(i * 100 + 50, `statement number ${i + 1}`, `Speaker ${i + 1}`),
    );
    const fake = await mount(many);
    expect(region().element().textContent).toContain('3000 suggestions');
    const drawn = rows().length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(40);
    const first = document.querySelector('.sg-list > li')!;
    expect(first.getAttribute('aria-setsize')).toBe('3000');
    expect(first.getAttribute('aria-posinset')).toBe('1');

    // Select all reaches every one, drawn or not.
    await click(button('Select all'));
    await click(button('Accept selected (3000)'));
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]![1]).toHaveLength(3000);
  });
});
