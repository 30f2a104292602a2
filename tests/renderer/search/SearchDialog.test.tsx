/**
 * The search dialog in Chromium, with a fake client: typing shows the matches grouped by article,
 * each hit saying where it is and its snippet's matches marked; a burst of typing sends one
 * request; only the latest query's answer is shown; the arrows, Enter and Escape do all of it.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Client } from '../../../src/shared/contract/operations';
import type { SearchResponse } from '../../../src/shared/contract/search';
import { SearchDialog, type SearchTarget } from '../../../src/renderer/src/search/SearchDialog';
import { cleanup, render, setValue } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const SAMPLE = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const OTHER = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e70';
const NOTE_ID = '0190d6e4-8f6b-7c3a-9d2e-00000000a001';

const ANSWER: SearchResponse = {
  total: 2,
  groups: [
    {
      article: { id: SAMPLE, title: 'Negotiations continue', site: 'example.org' },
      titleMatch: false,
      hits: [
        {
          kind: 'note',
          annotationId: NOTE_ID,
          offset: 120,
          snippet: {
            parts: [
              { text: 'The ', match: false },
              { text: 'envoy', match: true },
              { text: ' said <b>no</b>', match: false },
            ],
            truncatedStart: false,
            truncatedEnd: true,
          },
        },
        {
          kind: 'text',
          annotationId: null,
          offset: 900,
          length: 5,
          snippet: {
            parts: [
              { text: 'an ', match: false },
              { text: 'envoy', match: true },
            ],
            truncatedStart: true,
            truncatedEnd: false,
          },
        },
      ],
      moreAnnotations: 0,
    },
    {
      article: { id: OTHER, title: 'Kremlin rejects talk', site: null },
      titleMatch: false,
      hits: [
        {
          kind: 'type',
          annotationId: '0190d6e4-8f6b-7c3a-9d2e-00000000a002',
          offset: 5,
          snippet: {
            parts: [{ text: 'envoy', match: true }],
            truncatedStart: false,
            truncatedEnd: false,
          },
        },
      ],
      moreAnnotations: 3,
    },
  ],
};

type Search = Client['search'];

function mount(search: Search) {
  const onOpen = vi.fn<(target: SearchTarget) => void>();
  const onClose = vi.fn<() => void>();
  const onError = vi.fn<(error: unknown) => void>();
  return render(
    <SearchDialog client={{ search }} onOpen={onOpen} onClose={onClose} onError={onError} />,
  ).then(() => ({ onOpen, onClose, onError }));
}

const dialog = () => page.getByRole('dialog', { name: 'Search everything' });
const field = () =>
  dialog().getByRole('combobox', { name: 'Search' }).element() as HTMLInputElement;
const options = () => dialog().getByRole('option').elements();
const selected = () =>
  options()
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map((o) => o.textContent);
const status = () => dialog().getByRole('status').element().textContent;

describe('SearchDialog', () => {
  it('shows the matches grouped by article, each hit named by kind with its matches marked', async () => {
    const search = vi.fn<Search>(async () => ANSWER);
    await mount(search);
    await until(() => expect(document.activeElement).toBe(field()));
    await setValue(field(), 'e');
    await setValue(field(), 'en');
    await setValue(field(), 'envoy');
    await until(() => expect(options()).toHaveLength(5));
    // One request for the burst of typing, for the last text.
    expect(search.mock.calls.map(([r]) => r.query)).toEqual(['envoy']);

    const groups = dialog().getByRole('group').elements();
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual([
      'Negotiations continue',
      'Kremlin rejects talk',
    ]);
    expect(options().map((o) => o.textContent)).toEqual([
      'Negotiations continue — example.org',
      'Note: The envoy said <b>no</b>…',
      'Text: …an envoy',
      'Kremlin rejects talk',
      'Claim type: envoy',
    ]);
    // Matches are <mark>s; the service's text is text, never markup.
    const note = options()[1]!;
    expect([...note.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['envoy']);
    expect(note.querySelector('b')).toBeNull();
    expect(groups[1]!.textContent).toMatch(/and 3 more annotations/);
    expect(status()).toBe('2 articles found');
  });

  it('says "No results" when nothing matches', async () => {
    await mount(async () => ({ groups: [], total: 0 }));
    await setValue(field(), 'zzyzx');
    await until(() => expect(status()).toBe('No results'));
    expect(options()).toHaveLength(0);
  });

  it('shows only the latest query’s answer when an older one comes back last', async () => {
    const answers = new Map<string, (r: SearchResponse) => void>();
    const search = vi.fn<Search>(
      (request) => new Promise((resolve) => answers.set(request.query, resolve)),
    );
    await mount(search);
    await setValue(field(), 'alpha');
    await until(() => expect(answers.has('alpha')).toBe(true));
    await setValue(field(), 'envoy');
    await until(() => expect(answers.has('envoy')).toBe(true));

    await act(async () => answers.get('envoy')!(ANSWER));
    await until(() => expect(options()).toHaveLength(5));
    const stale: SearchResponse = {
      total: 1,
      groups: [
        {
          article: { id: OTHER, title: 'Stale answer', site: null },
          titleMatch: true,
          hits: [],
          moreAnnotations: 0,
        },
      ],
    };
    await act(async () => answers.get('alpha')!(stale));
    await act(async () => {});
    expect(options()).toHaveLength(5);
    expect(dialog().element().textContent).not.toMatch(/Stale answer/);
    expect(status()).toBe('2 articles found');
  });

  it('moves through the hits with the arrows; Enter on a note hit opens it at its annotation', async () => {
    const { onOpen, onClose } = await mount(async () => ANSWER);
    await setValue(field(), 'envoy');
    await until(() => expect(options()).toHaveLength(5));
    expect(selected()).toEqual(['Negotiations continue — example.org']);

    await act(() => userEvent.keyboard('{ArrowDown}'));
    expect(selected()).toEqual(['Note: The envoy said <b>no</b>…']);
    expect(field().getAttribute('aria-activedescendant')).toBe(
      options().find((o) => o.getAttribute('aria-selected') === 'true')!.id,
    );
    await act(() => userEvent.keyboard('{ArrowUp}{ArrowUp}'));
    expect(selected()).toEqual(['Claim type: envoy']);
    await act(() => userEvent.keyboard('{ArrowDown}{ArrowDown}'));
    expect(document.activeElement).toBe(field());

    await act(() => userEvent.keyboard('{Enter}'));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith({
      articleId: SAMPLE,
      annotationId: NOTE_ID,
      offset: 120,
      length: null,
    });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('opens a text hit at its offset with its match’s length (flashed), with no annotation', async () => {
    const { onOpen } = await mount(async () => ANSWER);
    await setValue(field(), 'envoy');
    await until(() => expect(options()).toHaveLength(5));
    await act(() => userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}'));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith({
      articleId: SAMPLE,
      annotationId: null,
      offset: 900,
      length: 5,
    });
  });

  it('opens an article’s heading at the top of the article', async () => {
    const { onOpen } = await mount(async () => ANSWER);
    await setValue(field(), 'envoy');
    await until(() => expect(options()).toHaveLength(5));
    await act(() => userEvent.keyboard('{Enter}'));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith({
      articleId: SAMPLE,
      annotationId: null,
      offset: 0,
      length: null,
    });
  });

  it('closes on Escape without opening anything', async () => {
    const { onOpen, onClose } = await mount(async () => ANSWER);
    await until(() => expect(document.activeElement).toBe(field()));
    await act(() => userEvent.keyboard('{Escape}'));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onOpen).not.toHaveBeenCalled();
  });
});
