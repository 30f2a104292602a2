/**
 * Suggested claims drawn in the article (Chromium): a dotted-underline span per suggestion with
 * its key, the speaker at its start (aria-hidden), the current one marked; every change is one
 * transaction, moving the current one redraws only that, and nothing touches the text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import {
  suggestionState,
  type DrawnSuggestion,
} from '../../../src/renderer/src/suggestions/suggestion-plugin';
import '../../../src/renderer/src/styles.css';

const paragraphs = [
  'Western intelligence reports have said that Russia planned to run “false-flag operations”, which Russia denies.',
  'NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up.”',
];
const documentJson: DocumentJson = {
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};
const text = paragraphs.join('\n\n');

function suggestion(phrase: string, speaker: string | null, occurrence = 0): DrawnSuggestion {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start === -1) throw new Error(`"${phrase}" is not in the text`);
  const end = start + phrase.length;
  return { key: `${start}-${end}`, start, end, speaker };
}

const PLANNED = suggestion('Russia planned to run “false-flag operations”', 'Western intelligence');
const DENIED = { ...suggestion('Russia planned to run', 'Russia'), key: 'denial' };
const STOLTENBERG = suggestion('“the number of Russian forces is going up.”', 'Jens Stoltenberg');

const spans = () => [...document.querySelectorAll<HTMLElement>('span.claim-suggestion')];
const underlined = (key: string) =>
  spans()
    .filter((el) => el.dataset['suggestionKey'] === key)
    .map((el) => el.textContent)
    .join('');
const current = () =>
  [...document.querySelectorAll<HTMLElement>('span.claim-suggestion.is-current')].map(
    (el) => el.dataset['suggestionKey'],
  );
const speakers = () =>
  [...document.querySelectorAll<HTMLElement>('.claim-suggestion-speaker')].map((el) => ({
    text: el.textContent,
    hidden: el.getAttribute('aria-hidden'),
  }));

let mount: HTMLElement;
let article: ArticleView;

beforeEach(() => {
  mount = document.createElement('div');
  mount.className = 'article-mount';
  document.body.append(mount);
  article = createArticleView(mount, documentJson);
});

afterEach(() => {
  article.destroy();
  mount.remove();
});

describe('the suggestion plugin', () => {
  it('draws each suggestion, its speaker and the current one in one transaction', () => {
    const dispatch = vi.spyOn(article.view, 'dispatch');
    const list = [PLANNED, STOLTENBERG];
    article.applySuggestions(list, STOLTENBERG.key);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(underlined(PLANNED.key)).toBe('Russia planned to run “false-flag operations”');
    expect(underlined(STOLTENBERG.key)).toBe('“the number of Russian forces is going up.”');
    expect(current()).toEqual([STOLTENBERG.key]);
    expect(speakers()).toEqual([
      { text: 'Western intelligence', hidden: 'true' },
      { text: 'Jens Stoltenberg', hidden: 'true' },
    ]);
    // Never a <mark>: a suggestion is not a highlight, and the text is unchanged.
    expect(spans().every((el) => el.closest('mark') === null)).toBe(true);
    expect(article.view.state.doc.textBetween(0, article.view.state.doc.content.size, '\n\n')).toBe(
      text,
    );
    expect(suggestionState(article.view.state).list).toBe(list);
  });

  it('moves the current mark with one transaction, keeping the rest of the set', () => {
    const list = [PLANNED, STOLTENBERG];
    article.applySuggestions(list, PLANNED.key);
    const before = suggestionState(article.view.state).decorations;
    const widgetsBefore = [...document.querySelectorAll('.claim-suggestion-speaker')];
    const dispatch = vi.spyOn(article.view, 'dispatch');
    article.applySuggestions(list, STOLTENBERG.key);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(current()).toEqual([STOLTENBERG.key]);
    // Only the underlines changed: the margin labels are the same nodes.
    expect([...document.querySelectorAll('.claim-suggestion-speaker')]).toEqual(widgetsBefore);
    expect(suggestionState(article.view.state).decorations).not.toBe(before);
    // The same list and current again: nothing is dispatched.
    article.applySuggestions(list, STOLTENBERG.key);
    expect(dispatch).toHaveBeenCalledTimes(1);
    article.applySuggestions(list, null);
    expect(current()).toEqual([]);
  });

  it('draws a list that lost or regained one by changing only that one', () => {
    const list = [PLANNED, DENIED, STOLTENBERG];
    article.applySuggestions(list, DENIED.key);
    const stoltenberg = [...document.querySelectorAll('.claim-suggestion-speaker')].at(-1);
    const dispatch = vi.spyOn(article.view, 'dispatch');
    // The current one accepted: it leaves, the next is current, its label names one speaker.
    const fewer = [PLANNED, STOLTENBERG];
    article.applySuggestions(fewer, STOLTENBERG.key);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(underlined('denial')).toBe('');
    expect(current()).toEqual([STOLTENBERG.key]);
    expect(speakers().map((s) => s.text)).toEqual(['Western intelligence', 'Jens Stoltenberg']);
    // The label of a suggestion that did not change is the same node.
    expect([...document.querySelectorAll('.claim-suggestion-speaker')].at(-1)).toBe(stoltenberg);
    // Back by undo.
    article.applySuggestions(list, DENIED.key);
    expect(underlined('denial')).toBe('Russia planned to run');
    expect(current()).toEqual(['denial']);
    expect(speakers().map((s) => s.text)).toEqual([
      'Western intelligence · Russia',
      'Jens Stoltenberg',
    ]);
    expect(suggestionState(article.view.state).list).toBe(list);
  });

  it('names both speakers of suggestions that start together, once', () => {
    article.applySuggestions([PLANNED, DENIED], null);
    expect(speakers()).toEqual([{ text: 'Western intelligence · Russia', hidden: 'true' }]);
    expect(underlined('denial')).toBe('Russia planned to run');
  });

  it('removes every decoration when given no suggestions', () => {
    article.applySuggestions([PLANNED, STOLTENBERG], PLANNED.key);
    expect(spans().length).toBeGreaterThan(0);
    const dispatch = vi.spyOn(article.view, 'dispatch');
    article.applySuggestions([], null);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(spans()).toEqual([]);
    expect(speakers()).toEqual([]);
  });

  it('draws no label for a suggestion without a speaker', () => {
    article.applySuggestions([{ ...STOLTENBERG, speaker: null }], null);
    expect(underlined(STOLTENBERG.key)).toBe('“the number of Russian forces is going up.”');
    expect(speakers()).toEqual([]);
  });

  it('scrolls to a drawn suggestion and answers false for one not drawn', () => {
    article.applySuggestions([STOLTENBERG], null);
    expect(article.revealSuggestion(STOLTENBERG.key)).toBe(true);
    expect(article.revealSuggestion('missing')).toBe(false);
  });

  it('puts the speaker in the margin on its line when there is room, else in the line', async () => {
    const scroller = document.createElement('div');
    scroller.className = 'article-scroller';
    scroller.style.width = '1400px';
    scroller.style.height = '400px';
    const inner = document.createElement('div');
    inner.className = 'article';
    document.body.append(scroller);
    scroller.append(inner);
    inner.append(mount);
    article.applySuggestions([STOLTENBERG], null);
    const label = document.querySelector<HTMLElement>('.claim-suggestion-speaker')!;
    const words = document.querySelector<HTMLElement>('span.claim-suggestion')!;
    await vi.waitFor(() => expect(getComputedStyle(label).position).toBe('absolute'));
    const labelBox = label.getBoundingClientRect();
    const textBox = article.view.dom.getBoundingClientRect();
    expect(labelBox.right).toBeLessThanOrEqual(textBox.left);
    expect(labelBox.left).toBeGreaterThanOrEqual(scroller.getBoundingClientRect().left);
    expect(getComputedStyle(label).textAlign).toBe('right');
    // On the suggestion's first line, not at the top of the article.
    expect(Math.abs(labelBox.top - words.getClientRects()[0]!.top)).toBeLessThan(
      words.getClientRects()[0]!.height,
    );

    // A margin of about 90 px (a 1440 px window with both sidebars): still in the margin, a
    // long name on at most two lines, cut with an ellipsis.
    const margin = () =>
      article.view.dom.getBoundingClientRect().left - scroller.getBoundingClientRect().left;
    const textWidth = article.view.dom.getBoundingClientRect().width;
    scroller.style.width = `${Math.ceil(textWidth + 180)}px`;
    await vi.waitFor(() => expect(Math.round(margin())).toBe(90));
    await vi.waitFor(() =>
      expect(article.view.dom.style.getPropertyValue('--speaker-margin')).toBe('90px'),
    );
    article.applySuggestions(
      [{ ...STOLTENBERG, speaker: 'NATO Secretary General Jens Stoltenberg' }],
      null,
    );
    const long = document.querySelector<HTMLElement>('.claim-suggestion-speaker')!;
    await vi.waitFor(() => expect(getComputedStyle(long).position).toBe('absolute'));
    const lineHeight = parseFloat(getComputedStyle(long).lineHeight);
    expect(long.getBoundingClientRect().height).toBeLessThanOrEqual(2 * lineHeight + 1);
    expect(long.getBoundingClientRect().height).toBeGreaterThan(lineHeight);
    expect(long.scrollHeight).toBeGreaterThan(long.clientHeight); // the rest is cut
    expect(long.getBoundingClientRect().left).toBeGreaterThanOrEqual(
      scroller.getBoundingClientRect().left,
    );

    // Narrow: a chip in the line instead.
    scroller.style.width = '500px';
    await vi.waitFor(() => expect(getComputedStyle(long).position).toBe('static'));
    expect(getComputedStyle(long).whiteSpace).toBe('nowrap');
    scroller.remove();
  });

  it('in a long text, draws only the suggestions near the screen and the current one', () => {
    const para = 'The minister said that the budget would be balanced by next year. '.repeat(4);
    const long: DocumentJson = {
      type: 'doc',
      content: Array.from({ length: 2000 }, () => ({
        type: 'paragraph',
        content: [{ type: 'text', text: para }],
      })),
    };
    const host = document.createElement('div');
    document.body.append(host);
    const big = createArticleView(host, long);
    const all = big.map.text;
    const list: DrawnSuggestion[] = [];
    for (let at = all.indexOf('the budget'); at !== -1; at = all.indexOf('the budget', at + 2000)) {
      list.push({ key: `${at}-${at + 10}`, start: at, end: at + 10, speaker: 'The minister' });
    }
    const last = list.at(-1)!;
    const drawnKeys = () =>
      new Set(
        suggestionState(big.view.state)
          .decorations.find()
          .map((d) => (d.spec as { suggestionKey?: string }).suggestionKey),
      );
    big.applySuggestions(list, null);
    expect(list.length).toBeGreaterThan(200);
    const first = drawnKeys();
    expect(first.has(list[0]!.key)).toBe(true);
    expect(first.has(last.key)).toBe(false);
    expect(first.size).toBeLessThan(list.length / 2);
    // The last one made current is drawn (the window moves to it).
    big.applySuggestions(list, last.key);
    expect(drawnKeys().has(last.key)).toBe(true);
    expect(
      host.querySelector('span.claim-suggestion.is-current')?.getAttribute('data-suggestion-key'),
    ).toBe(last.key);
    // Scrolled back to the top: the first ones are drawn again, the current one stays.
    big.followSuggestions(0);
    expect(drawnKeys().has(list[0]!.key)).toBe(true);
    expect(drawnKeys().has(last.key)).toBe(true);
    // The first made current: the last one, outside the window now, is not drawn at all — its
    // speaker's label goes with its underline.
    big.applySuggestions(list, list[0]!.key);
    expect(drawnKeys().has(last.key)).toBe(false);
    const underlinedKeys = new Set(
      [...host.querySelectorAll<HTMLElement>('span.claim-suggestion')].map(
        (el) => el.dataset['suggestionKey'],
      ),
    );
    expect(underlinedKeys.has(last.key)).toBe(false);
    expect(host.querySelectorAll('.claim-suggestion-speaker').length).toBe(underlinedKeys.size);
    big.destroy();
    host.remove();
  });
});
