/**
 * The reader's view of what news pages bring, in Chromium with the app's stylesheet: a table in
 * its scroll wrapper, a figure with its caption, a remote image drawn as a placeholder that names
 * its alt text (and loads nothing: RELIABILITY 11), a local data: image drawn as itself, and
 * highlights and selections inside table cells landing on the right words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/renderer/src/styles.css';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import { selectedRange } from '../../../src/renderer/src/reader/selection';
import type { DocumentJson } from '../../../src/shared/contract/entities';

// A 1×1 transparent PNG: a real local image the browser can decode.
const LOCAL_SRC =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const REMOTE_HOST = 'images.tracker.example';

const text = (value: string, marks?: { type: string }[]) => ({ type: 'text', text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const cell = (type: 'table_header' | 'table_cell', value: string, attrs?: object) => ({
  type,
  attrs,
  content: [paragraph(text(value))],
});

const documentJson: DocumentJson = {
  type: 'doc',
  content: [
    paragraph(text('Troop numbers near the border, as reported.')),
    {
      type: 'table',
      content: [
        {
          type: 'table_row',
          content: [cell('table_header', 'Country'), cell('table_header', 'Troops')],
        },
        {
          type: 'table_row',
          content: [cell('table_cell', 'Russia'), cell('table_cell', 'about 130,000')],
        },
        {
          type: 'table_row',
          content: [cell('table_cell', 'Source: NATO estimates', { colspan: 5000, rowspan: 1 })],
        },
      ],
    },
    {
      type: 'figure',
      content: [
        {
          type: 'figure_image',
          attrs: { src: `https://${REMOTE_HOST}/map.png`, alt: 'A map of the border', title: null },
        },
        {
          type: 'figcaption',
          content: [text('Positions as of '), text('February', [{ type: 'em' }])],
        },
      ],
    },
    {
      type: 'figure',
      content: [
        { type: 'figure_image', attrs: { src: LOCAL_SRC, alt: 'A local chart', title: null } },
      ],
    },
    paragraph(
      text('A photo '),
      { type: 'image', attrs: { src: `https://${REMOTE_HOST}/inline.jpg`, alt: 'crowd' } },
      { type: 'image', attrs: { src: 'javascript:alert(1)', alt: '' } },
      text(' and CO'),
      text('2', [{ type: 'subscript' }]),
      text(' were '),
      text('not', [{ type: 'strikethrough' }]),
      text(' seen.'),
    ),
  ],
};

let mount: HTMLElement;
let article: ArticleView;

function rangeOf(phrase: string): { start: number; end: number } {
  const start = article.map.text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

beforeEach(() => {
  mount = document.createElement('div');
  mount.style.width = '480px';
  document.body.append(mount);
  article = createArticleView(mount, documentJson);
});

afterEach(() => {
  article.destroy();
  mount.remove();
  document.documentElement.removeAttribute('data-theme');
});

describe('the reader view of tables, figures and images', () => {
  it('draws an <img> only for the local data: image, never for a remote or unsafe source', () => {
    // ProseMirror's own separator images (no source) aside.
    const images = [...mount.querySelectorAll('img:not(.ProseMirror-separator)')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([LOCAL_SRC]);
    for (const element of mount.querySelectorAll('*')) {
      for (const name of ['src', 'srcset', 'href', 'background', 'poster']) {
        const value = element.getAttribute(name);
        if (value !== null) expect(value.startsWith('data:image/png;base64,')).toBe(true);
      }
    }
  });

  it('asks nothing of the network for the remote images (RELIABILITY 11)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requested = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes(REMOTE_HOST));
    expect(requested).toEqual([]);
  });

  it('draws a remote image as a placeholder that names its alt text to assistive technology', () => {
    const placeholders = [...mount.querySelectorAll<HTMLElement>('.image-placeholder')];
    expect(
      placeholders.map((p) => [p.tagName, p.getAttribute('role'), p.getAttribute('aria-label')]),
    ).toEqual([
      ['DIV', 'img', 'Image not loaded: A map of the border'],
      ['SPAN', 'img', 'Image not loaded: crowd'],
      ['SPAN', 'img', 'Image not loaded'],
    ]);
  });

  it("shows the placeholder's words from CSS, visibly, and keeps them out of the article text", () => {
    const [figurePlaceholder, inline, unnamed] = [
      ...mount.querySelectorAll<HTMLElement>('.image-placeholder'),
    ];
    expect(getComputedStyle(figurePlaceholder!, '::before').content).toBe(
      '"Image: A map of the border"',
    );
    expect(getComputedStyle(inline!, '::before').content).toBe('"Image: crowd"');
    expect(getComputedStyle(unnamed!, '::before').content).toBe('"Image"');
    expect(figurePlaceholder!.getBoundingClientRect().height).toBeGreaterThan(20);
    expect(inline!.getBoundingClientRect().width).toBeGreaterThan(20);
    expect(figurePlaceholder!.textContent).toBe('');
    expect(article.map.text).not.toContain('Image');
    expect(article.map.text).not.toContain('A map of the border');
  });

  it('follows the dark theme through the colour variables', () => {
    const placeholder = mount.querySelector<HTMLElement>('.image-placeholder')!;
    const th = mount.querySelector('th')!;
    const light = getComputedStyle(placeholder).backgroundColor;
    document.documentElement.setAttribute('data-theme', 'dark');
    expect(getComputedStyle(placeholder).backgroundColor).toBe('rgb(35, 36, 39)');
    expect(getComputedStyle(placeholder).backgroundColor).not.toBe(light);
    expect(getComputedStyle(th).backgroundColor).toBe('rgb(35, 36, 39)');
  });

  it('puts the table in a scroll wrapper, with header cells and a span clamped to 100', () => {
    const wrapper = mount.querySelector<HTMLElement>('.table-scroll')!;
    expect(getComputedStyle(wrapper).overflowX).toBe('auto');
    expect(wrapper.querySelectorAll('th')).toHaveLength(2);
    expect(wrapper.querySelectorAll('td')).toHaveLength(3);
    expect(wrapper.querySelectorAll('td')[2]!.getAttribute('colspan')).toBe('100');
    expect(wrapper.querySelector('td')!.hasAttribute('rowspan')).toBe(false);
  });

  it('draws the caption under its figure, and s and sub as themselves', () => {
    expect(mount.querySelector('figure figcaption')!.textContent).toBe('Positions as of February');
    expect(mount.querySelector('s')!.textContent).toBe('not');
    expect(mount.querySelector('sub')!.textContent).toBe('2');
  });

  it('draws a highlight inside a table cell over exactly the quoted words', () => {
    article.applyHighlights({ add: [{ id: 'c', ...rangeOf('130,000'), color: 'yellow' }] });
    const marks = [...mount.querySelectorAll<HTMLElement>('[data-annotation-id="c"]')];
    expect(marks.map((m) => m.textContent).join('')).toBe('130,000');
    expect(marks[0]!.closest('td')!.textContent).toBe('about 130,000');
  });

  it('draws a highlight from one cell into the next in both cells, and none in between', () => {
    const start = article.map.text.indexOf('Russia');
    const end = article.map.text.indexOf(' 130,000');
    article.applyHighlights({ add: [{ id: 'x', start, end, color: 'blue' }] });
    const marks = [...mount.querySelectorAll<HTMLElement>('[data-annotation-id="x"]')];
    expect(marks.map((m) => m.textContent)).toEqual(['Russia', 'about']);
    expect(marks[0]!.closest('td')).not.toBe(marks[1]!.closest('td'));
  });

  it('turns a selection inside a cell or a caption into the canonical range of its words', () => {
    const select = (node: Node, from: number, to: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    };
    const nato = mount.querySelectorAll('td')[2]!.querySelector('p')!.firstChild as Text;
    select(nato, nato.data.indexOf('NATO'), nato.data.indexOf('NATO') + 'NATO'.length);
    expect(selectedRange(article.view, article.map)).toEqual(rangeOf('NATO'));

    const caption = mount.querySelector('figcaption')!.firstChild as Text;
    select(caption, 0, 'Positions'.length);
    expect(selectedRange(article.view, article.map)).toEqual(rangeOf('Positions'));
  });
});

describe('documents without the new blocks', () => {
  it('render as before: the same elements and attributes for every older node', () => {
    const legacy = createArticleView(document.createElement('div'), {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Talks')] },
        paragraph(
          text('Said '),
          text('this', [{ type: 'em' }]),
          { type: 'hard_break' },
          text('and'),
        ),
        { type: 'blockquote', content: [paragraph(text('quoted'))] },
        {
          type: 'bullet_list',
          content: [{ type: 'list_item', content: [paragraph(text('item'))] }],
        },
        paragraph({ type: 'image', attrs: { src: LOCAL_SRC, alt: 'chart', title: null } }),
      ],
    });
    expect(legacy.view.dom.innerHTML).toBe(
      [
        '<h2>Talks</h2>',
        '<p>Said <em>this</em><br>and</p>',
        '<blockquote><p>quoted</p></blockquote>',
        '<ul><li><p>item</p></li></ul>',
        '<p><img class="ProseMirror-separator" alt="">' +
          `<img src="${LOCAL_SRC}" alt="chart" contenteditable="false">` +
          '<img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p>',
      ].join(''),
    );
    legacy.destroy();
  });
});
