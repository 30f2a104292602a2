/**
 * The search match flash in Chromium: opening a text hit scrolls its match to the middle of the
 * reader and draws the matched words as a `search-flash` decoration, which goes away by itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import { flashRange } from '../../../src/renderer/src/reader/search-flash';
import '../../../src/renderer/src/styles.css';

const paragraphs = Array.from(
  { length: 120 },
  (_, i) => `Paragraph ${i + 1} of the talks, long enough to take a line or two on any screen.`,
);
paragraphs[90] = 'Here the envoy said that the quokkaberry memo was never sent.';
const documentJson: DocumentJson = {
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};
const text = paragraphs.join('\n\n');
const WORD = 'quokkaberry';

const flashed = () => [...document.querySelectorAll<HTMLElement>('.search-flash')];

let scroller: HTMLElement;
let article: ArticleView;

beforeEach(() => {
  scroller = document.createElement('div');
  scroller.style.cssText = 'height: 400px; overflow: auto; position: relative;';
  const mount = document.createElement('div');
  scroller.append(mount);
  document.body.append(scroller);
  article = createArticleView(mount, documentJson);
});

afterEach(() => {
  article.destroy();
  scroller.remove();
});

describe('search match flash', () => {
  it('draws the matched words as a flash, centred in the reader, then takes it away', async () => {
    const start = text.indexOf(WORD);
    expect(article.revealMatch(scroller, start, start + WORD.length)).toBe(true);

    expect(flashed().map((el) => el.textContent)).toEqual([WORD]);
    const box = scroller.getBoundingClientRect();
    const mark = flashed()[0]!.getBoundingClientRect();
    // Centred: the match's middle is within a line of the reader's middle.
    expect(Math.abs((mark.top + mark.bottom) / 2 - (box.top + box.height / 2))).toBeLessThan(40);

    await expect.poll(() => flashed().length, { timeout: 5000 }).toBe(0);
    // Only the flash went: the text is all still there.
    expect(article.view.dom.textContent).toContain(WORD);
  });

  it('a new flash replaces the one still showing', async () => {
    const first = text.indexOf('envoy');
    const second = text.indexOf(WORD);
    flashRange(article.view, article.map, first, first + 5, 60_000);
    flashRange(article.view, article.map, second, second + WORD.length, 50);
    expect(flashed().map((el) => el.textContent)).toEqual([WORD]);
    await expect.poll(() => flashed().length, { timeout: 5000 }).toBe(0);
  });

  it('draws nothing for an empty range', () => {
    expect(flashRange(article.view, article.map, 10, 10)).toBeNull();
    expect(flashed()).toEqual([]);
  });
});
