/**
 * R14 (the view's half): in a right-to-left article (`dir="rtl"`, as the reader sets it from the
 * page), a highlight is drawn over exactly its words and starts at the right-hand edge where the
 * line does; a highlight across Arabic, Latin and digits covers exactly those characters; a
 * selection of right-to-left words gives their canonical offsets. The library's half is
 * tests/main/reliability/rtl-text.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import { selectedRange } from '../../../src/renderer/src/reader/selection';
import '../../../src/renderer/src/styles.css';

const HEBREW =
  'אחרי הפסקה של שלוש שנים, שוק האיכרים של המועצה האזורית חוזר לפעול בימי שישי בבוקר במגרש שליד תחנת הרכבת הישנה.';
const MIXED =
  'قال الأمين العام لحلف NATO ينس ستولتنبرغ في 10 فبراير إن «the number of Russian forces is going up» وأضاف أن الحوار مستمر.';
const paragraphs = [HEBREW, MIXED];
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

const marked = (id: string) => [
  ...document.querySelectorAll<HTMLElement>(`[data-annotation-id="${id}"]`),
];
const markedText = (id: string) =>
  marked(id)
    .map((el) => el.textContent)
    .join('');

let frame: HTMLElement;
let article: ArticleView;

beforeEach(() => {
  // As the reader mounts it: inside <article dir="rtl">.
  frame = document.createElement('article');
  frame.dir = 'rtl';
  frame.lang = 'he';
  frame.style.width = '600px';
  document.body.append(frame);
  article = createArticleView(frame, documentJson);
});

afterEach(() => {
  article.destroy();
  frame.remove();
  document.getSelection()?.removeAllRanges();
});

describe('R14 a right-to-left article in the reader', () => {
  it('R14 draws a highlight over exactly the Hebrew words, from the right-hand edge', () => {
    const first = 'אחרי הפסקה';
    const later = 'שוק האיכרים של המועצה';
    article.applyHighlights({
      add: [
        { id: 'first', ...rangeOf(first), color: 'yellow' },
        { id: 'later', ...rangeOf(later), color: 'blue' },
      ],
    });
    expect(markedText('first')).toBe(first);
    expect(markedText('later')).toBe(later);
    const mark = marked('first')[0]!;
    expect(getComputedStyle(mark).direction).toBe('rtl');
    // The paragraph's first words sit at its right-hand edge: so does their mark.
    const paragraph = mark.closest('p')!.getBoundingClientRect();
    const drawn = mark.getBoundingClientRect();
    expect(Math.abs(drawn.right - paragraph.right)).toBeLessThan(2);
    expect(drawn.left).toBeGreaterThan(paragraph.left + paragraph.width / 2);
    // And the later words to the left of them, on the same line.
    const laterRect = marked('later')[0]!.getBoundingClientRect();
    expect(laterRect.right).toBeLessThanOrEqual(drawn.left + 1);
  });

  it('R14 draws a highlight across Arabic, a Latin word and digits over exactly those characters', () => {
    const phrase = 'NATO ينس ستولتنبرغ في 10';
    const quotation = 'forces is going up» وأضاف';
    article.applyHighlights({
      add: [
        { id: 'mixed', ...rangeOf(phrase), color: 'green' },
        { id: 'quote', ...rangeOf(quotation), color: 'pink' },
      ],
    });
    expect(markedText('mixed')).toBe(phrase);
    expect(markedText('quote')).toBe(quotation);
    // Everything drawn lies inside the paragraph of those words.
    const paragraph = marked('mixed')[0]!.closest('p')!;
    expect(paragraph.textContent).toBe(MIXED);
    for (const el of [...marked('mixed'), ...marked('quote')])
      expect(paragraph.contains(el)).toBe(true);
  });

  it('R14 turns a selection of right-to-left and mixed words into their canonical range', () => {
    for (const phrase of ['שוק האיכרים', 'ينس ستولتنبرغ في 10 فبراير']) {
      const paragraph = [...frame.querySelectorAll('p')].find((p) =>
        p.textContent!.includes(phrase),
      )!;
      const node = paragraph.firstChild as Text;
      const at = node.data.indexOf(phrase);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const found = selectedRange(article.view, article.map);
      expect(found, phrase).toEqual(rangeOf(phrase));
      expect(describeRange(text, found!.start, found!.end).quote.exact).toBe(phrase);
    }
  });
});
