/**
 * The reader's view in Chromium: highlights drawn as decorations (create, overlap, touch, span
 * paragraphs, remove, remap) and a DOM selection turned into a canonical range.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import {
  drawnHighlightIds,
  highlightKey,
  highlightPlugin,
  highlightTransaction,
} from '../../../src/renderer/src/reader/highlight-plugin';
import { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { buildTextMap } from '../../../src/shared/document/canonical-text';
import { articleSchema } from '../../../src/shared/document/schema';
import { selectedRange } from '../../../src/renderer/src/reader/selection';

const paragraphs = [
  'Western intelligence reports have said that Russia planned to run “false-flag operations”—which Russia denies.',
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up.”',
];
const documentJson: DocumentJson = {
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};
const text = paragraphs.join('\n\n');

function rangeOf(phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

function marked(id: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-annotation-id="${id}"]`)];
}

function markedText(id: string): string {
  return marked(id)
    .map((el) => el.textContent)
    .join('|');
}

let mount: HTMLElement;
let article: ArticleView;

beforeEach(() => {
  mount = document.createElement('div');
  document.body.append(mount);
  article = createArticleView(mount, documentJson);
});

afterEach(() => {
  article.destroy();
  mount.remove();
});

describe('article view', () => {
  it('renders the document read-only with the same canonical text', () => {
    expect(article.map.text).toBe(text);
    expect(mount.querySelectorAll('p')).toHaveLength(2);
    expect(article.view.dom.getAttribute('aria-readonly')).toBe('true');
  });

  it('draws a highlight over exactly the quoted words', () => {
    article.applyHighlights({
      add: [{ id: 'a', ...rangeOf('false-flag operations'), color: 'yellow' }],
    });
    expect(markedText('a')).toBe('false-flag operations');
    expect(marked('a')[0]!.className).toContain('highlight-yellow');
  });

  it('R12 draws overlapping highlights, and removing one leaves the other intact', () => {
    const a = { id: 'a', ...rangeOf('Russia planned to run'), color: 'yellow' };
    article.applyHighlights({
      add: [a, { id: 'b', ...rangeOf('planned to run “false-flag'), color: 'blue' }],
    });
    expect(markedText('a').replace(/\|/g, '')).toBe('Russia planned to run');
    // The overlap is one <mark> inside the other: both annotations are named there.
    const nested = [
      ...marked('b').filter((el) => el.parentElement?.closest('[data-annotation-id="a"]')),
      ...marked('a').filter((el) => el.parentElement?.closest('[data-annotation-id="b"]')),
    ];
    expect(nested.map((el) => el.textContent)).toEqual(['planned to run']);
    expect(markedText('b').replace(/\|/g, '')).toBe('planned to run “false-flag');

    article.applyHighlights({ remove: [a] });
    expect(marked('a')).toHaveLength(0);
    expect(markedText('b').replace(/\|/g, '')).toBe('planned to run “false-flag');
    expect(drawnHighlightIds(article.view.state)).toEqual(['b']);
  });

  it('draws highlights that meet at one character without merging them', () => {
    const left = rangeOf('Western intelligence');
    const right = { start: left.end, end: left.end + ' reports'.length };
    article.applyHighlights({
      add: [
        { id: 'left', ...left, color: 'green' },
        { id: 'right', ...right, color: 'pink' },
      ],
    });
    expect(markedText('left')).toBe('Western intelligence');
    expect(markedText('right')).toBe(' reports');
  });

  it('draws a highlight that spans two paragraphs in both of them', () => {
    const start = text.indexOf('Russia denies.');
    const end = text.indexOf(', NATO');
    article.applyHighlights({ add: [{ id: 'span', start, end, color: 'purple' }] });
    const parts = marked('span');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts[0]!.closest('p')).not.toBe(parts[parts.length - 1]!.closest('p'));
    expect(parts.map((p) => p.textContent).join('')).toBe('Russia denies.On February 10th');
  });

  it('changes only the highlight that changed', () => {
    const b = { id: 'b', ...rangeOf('Stoltenberg'), color: 'yellow' };
    article.applyHighlights({ add: [{ id: 'a', ...rangeOf('Western'), color: 'yellow' }, b] });
    const before = highlightKey.getState(article.view.state)!;
    const markOfA = marked('a')[0];
    article.applyHighlights({ remove: [b], add: [{ ...b, color: 'green' }] });
    const after = highlightKey.getState(article.view.state)!;
    expect(after).not.toBe(before);
    expect(marked('b')[0]!.className).toContain('highlight-green');
    expect(marked('a')[0]!.className).toContain('highlight-yellow');
    // The unchanged highlight was neither removed nor redrawn: the very same element.
    expect(marked('a')[0]).toBe(markOfA);
  });

  it('maps highlights through a change of the document (the plugin alone)', () => {
    const doc = Node.fromJSON(articleSchema, documentJson);
    const map = buildTextMap(doc);
    let state = EditorState.create({ doc, plugins: [highlightPlugin(map)] });
    const { start, end } = rangeOf('Stoltenberg');
    state = state.apply(
      highlightTransaction(state, { add: [{ id: 'a', start, end, color: 'yellow' }] }),
    );
    state = state.apply(state.tr.insertText('Earlier: ', 1));
    const [decoration] = highlightKey.getState(state)!.find();
    expect(state.doc.textBetween(decoration!.from, decoration!.to)).toBe('Stoltenberg');
  });

  it('refuses every change to the text, but keeps selections', () => {
    const before = article.view.state.doc;
    article.view.dispatch(article.view.state.tr.insertText('Earlier: ', 1));
    expect(article.view.state.doc).toBe(before);
    article.view.dispatch(
      article.view.state.tr.setSelection(TextSelection.create(article.view.state.doc, 1, 8)),
    );
    expect(article.view.state.selection.from).toBe(1);
    expect(article.view.state.selection.to).toBe(8);
  });

  it('reports a click on a highlight, naming the innermost one', () => {
    article.destroy();
    const clicked: string[] = [];
    article = createArticleView(mount, documentJson, {
      onHighlightClick: (id) => clicked.push(id),
    });
    article.applyHighlights({
      add: [
        { id: 'outer', ...rangeOf('Russia planned to run'), color: 'yellow' },
        { id: 'inner', ...rangeOf('planned'), color: 'blue' },
      ],
    });
    document.getSelection()!.removeAllRanges();
    marked('inner')[0]!.click();
    expect(clicked).toEqual(['inner']);
  });

  it('draws the highlights it is made with in its first paint, and maps them like any other', () => {
    article.destroy();
    const first = { id: 'first', ...rangeOf('Russia planned to run'), color: 'pink' };
    article = createArticleView(mount, documentJson, {
      highlights: [first, { id: 'second', ...rangeOf('Stoltenberg'), color: 'green' }],
    });
    expect(drawnHighlightIds(article.view.state)).toEqual(['first', 'second']);
    expect(markedText('first')).toBe('Russia planned to run');
    expect(marked('second')[0]!.className).toContain('highlight-green');
    article.applyHighlights({ remove: [first] });
    expect(drawnHighlightIds(article.view.state)).toEqual(['second']);
  });

  it('reveals a highlight by scrolling to it and flashing it', () => {
    article.applyHighlights({ add: [{ id: 'a', ...rangeOf('Stoltenberg'), color: 'yellow' }] });
    expect(article.revealHighlight('a')).toBe(true);
    expect(marked('a')[0]!.classList.contains('flash')).toBe(true);
    expect(article.revealHighlight('missing')).toBe(false);
  });

  it('turns a DOM selection into the canonical range, trimming whitespace', () => {
    const p = mount.querySelectorAll('p')[0]!;
    const node = p.firstChild as Text;
    const phrase = ' Russia planned ';
    const at = node.data.indexOf(phrase);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);

    const found = selectedRange(article.view, article.map);
    expect(found).toEqual(rangeOf('Russia planned'));
    expect(describeRange(text, found!.start, found!.end).quote.exact).toBe('Russia planned');
  });

  it('answers no range for a collapsed selection or one outside the article', () => {
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(selectedRange(article.view, article.map)).toBeNull();
    document.getSelection()!.collapseToStart();
    expect(selectedRange(article.view, article.map)).toBeNull();
    outside.remove();
  });
});

describe('after a highlight', () => {
  it('collapses the selection for good: a redraw does not bring it back', () => {
    const mount = document.createElement('div');
    document.body.append(mount);
    const view = createArticleView(mount, documentJson);
    const p = mount.querySelector('p')!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 7);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    view.view.dispatch(
      view.view.state.tr.setSelection(TextSelection.create(view.view.state.doc, 1, 8)),
    );
    view.collapseSelection();
    view.applyHighlights({ add: [{ id: 'x', start: 0, end: 7, color: 'yellow' }] });
    expect(view.view.state.selection.empty).toBe(true);
    expect(document.getSelection()!.isCollapsed).toBe(true);
    view.destroy();
    mount.remove();
  });
});
