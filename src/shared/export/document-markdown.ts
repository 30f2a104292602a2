/**
 * An article's document as Markdown: CommonMark, plus GFM's pipe tables and `~~strikethrough~~`
 * (which Obsidian and GitHub read, and which our Markdown import reads back). What has no
 * Markdown of its own is written so it still reads right:
 * - A table is a pipe table. A cell's blocks are joined by `<br>` (a row cannot span lines),
 *   `|` is escaped everywhere in a cell (GFM requires it even inside code spans), and spans are
 *   laid out as empty cells so the columns stay aligned. GFM needs a header row: a table whose
 *   first row is not all header cells gets an empty one, which our import drops again.
 * - A figure is its image then its caption as an italic paragraph. A local image is written as
 *   itself (its data: URL); any other as the words `[Image: alt]`, as the reader shows it.
 * - An inline image is its alt text when local (an export carries words), `[Image: alt]` when
 *   remote, matching what the reader shows.
 * - Sub- and superscript are `<sub>`/`<sup>`, the only way Markdown has to say them.
 */
import {
  defaultMarkdownSerializer,
  MarkdownSerializer,
  MarkdownSerializerState,
} from 'prosemirror-markdown';
import { Node as PmNode } from 'prosemirror-model';
import type { DocumentJson } from '../contract/entities';
import { articleSchema, cellSpan } from '../document/schema';
import { isLocalImageSrc } from '../document/url-policy';
import { linkDestination } from './markdown-text';

type NodeSerializer = MarkdownSerializer['nodes'][string];

/** The serializer's state with the member this file uses that its types leave out. */
type SerializerState = MarkdownSerializerState & { out: string };
const SerializerStateBase = MarkdownSerializerState as unknown as new (
  nodes: MarkdownSerializer['nodes'],
  marks: MarkdownSerializer['marks'],
  options: MarkdownSerializer['options'],
) => SerializerState;

/** What the reader shows for an image it does not load, as escaped text. */
function placeholderWords(alt: string): string {
  return alt ? `[Image: ${alt}]` : '[Image]';
}

function altOf(node: PmNode): string {
  const alt: unknown = node.attrs['alt'];
  return typeof alt === 'string' ? alt : '';
}

/** A figure's image: the picture itself when local, else the placeholder's words. */
function writeFigureImage(state: MarkdownSerializerState, image: PmNode): void {
  const src = String(image.attrs['src']);
  const alt = altOf(image);
  if (!isLocalImageSrc(src)) {
    state.text(placeholderWords(alt));
    return;
  }
  const title: unknown = image.attrs['title'];
  const titlePart =
    typeof title === 'string' && title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
  state.write(`![${state.esc(alt)}](${linkDestination(src)}${titlePart})`);
}

/** A caption as inline content with emphasis over all of it, so marks inside it nest properly. */
function italicCaption(caption: PmNode): PmNode {
  const em = articleSchema.marks.em!.create();
  const children: PmNode[] = [];
  caption.forEach((child) => children.push(child.mark(em.addToSet(child.marks))));
  return articleSchema.nodes.paragraph!.create(null, children);
}

function figure(state: MarkdownSerializerState, node: PmNode): void {
  node.forEach((child) => {
    if (child.type.name === 'figure_image') writeFigureImage(state, child);
    else state.renderInline(italicCaption(child));
    state.closeBlock(node);
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * One cell as the inline Markdown of a pipe-table cell: every text block inside it (paragraphs,
 * headings, list items, captions, nested tables' cells…) rendered inline and joined by `<br>`.
 * `<` is escaped in its text so that only the `<br>`s written here are line breaks when read back.
 */
function cellMarkdown(cell: PmNode): string {
  const parts: string[] = [];
  const render = (write: (state: SerializerState) => void) => {
    const state = new SerializerStateBase(cellSerializer.nodes, cellSerializer.marks, {
      ...cellSerializer.options,
    });
    write(state);
    parts.push(state.out);
  };
  cell.descendants((node) => {
    if (node.type.name === 'figure_image') render((state) => writeFigureImage(state, node));
    else if (node.type.name === 'figcaption')
      render((state) => state.renderInline(italicCaption(node)));
    else if (node.isTextblock) render((state) => state.renderInline(node));
    return !node.isTextblock;
  });
  return parts
    .filter((part) => part !== '')
    .join('<br>')
    .replace(/\n/g, '<br>')
    .replace(/\|/g, '\\|');
}

/**
 * A table's rows as cell strings on a grid: a cell spanning columns is followed by empty cells,
 * and a cell spanning rows leaves an empty cell below it in the rows it covers, so every cell
 * stays in its column. All rows are padded to the widest.
 */
function tableGrid(table: PmNode): string[][] {
  const covered: number[] = []; // per column: rows still covered by a cell above
  const rows: string[][] = [];
  table.forEach((row) => {
    const line: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((covered[col] ?? 0) > 0) {
        covered[col]!--;
        line.push('');
        col++;
      }
    };
    row.forEach((cell) => {
      skipCovered();
      const colspan = cellSpan(cell, 'colspan');
      const rowspan = cellSpan(cell, 'rowspan');
      for (let i = 0; i < colspan; i++) {
        line.push(i === 0 ? cellMarkdown(cell) : '');
        covered[col + i] = Math.max(covered[col + i] ?? 0, rowspan - 1);
      }
      col += colspan;
    });
    for (; col < covered.length; col++) {
      if ((covered[col] ?? 0) > 0) covered[col]!--;
      line.push('');
    }
    rows.push(line);
  });
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]);
}

function isHeaderRow(row: PmNode): boolean {
  let all = true;
  row.forEach((cell) => {
    if (cell.type.name !== 'table_header') all = false;
  });
  return all;
}

function table(state: MarkdownSerializerState, node: PmNode): void {
  const grid = tableGrid(node);
  const width = grid[0]?.length ?? 1;
  const first = node.firstChild;
  const header =
    first && isHeaderRow(first) ? grid.shift()! : Array.from({ length: width }, () => '');
  const lines = [header, Array.from({ length: width }, () => '---'), ...grid].map(
    (cells) => `| ${cells.join(' | ')} |`,
  );
  lines.forEach((line, i) => {
    if (i > 0) state.ensureNewLine();
    state.write(line);
  });
  state.closeBlock(node);
}

// ---------------------------------------------------------------------------------------------
// The serializers

const nodes: MarkdownSerializer['nodes'] = {
  ...defaultMarkdownSerializer.nodes,
  image: (state, node) => {
    const alt = altOf(node);
    state.text(isLocalImageSrc(String(node.attrs['src'])) ? alt : placeholderWords(alt));
  },
  table,
  figure,
};

const marks: MarkdownSerializer['marks'] = {
  ...defaultMarkdownSerializer.marks,
  strikethrough: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
  subscript: { open: '<sub>', close: '</sub>', mixable: true },
  superscript: { open: '<sup>', close: '</sup>', mixable: true },
};

/** The serializer for the blocks of a document. */
export const documentSerializer = new MarkdownSerializer(nodes, marks);

const cellHardBreak: NodeSerializer = (state, node, parent, index) => {
  // Like the default: a break with nothing after it in its block is dropped.
  for (let i = index + 1; i < parent.childCount; i++) {
    if (parent.child(i).type !== node.type) {
      state.write('<br>');
      return;
    }
  }
};

/** Inside a table cell: breaks are `<br>`, and a `<` of the text is escaped (see cellMarkdown). */
const cellSerializer = new MarkdownSerializer({ ...nodes, hard_break: cellHardBreak }, marks, {
  escapeExtraCharacters: /</g,
});

/**
 * prosemirror-markdown's state appends to one string and reads its last character at every
 * write, which makes V8 flatten the whole output each time: quadratic, seconds for a long list
 * or quote. This state moves all but the end of its output aside after each node; the serializer
 * only ever looks at the last two characters, so the Markdown is the same.
 */
class ChunkedState extends SerializerStateBase {
  private readonly done: string[] = [];

  override render(node: PmNode, parent: PmNode, index: number): void {
    super.render(node, parent, index);
    if (this.out.length > 8192) {
      this.done.push(this.out.slice(0, -16));
      this.out = this.out.slice(-16);
    }
  }

  markdown(): string {
    return this.done.join('') + this.out;
  }
}

/** A document (ProseMirror JSON in the article schema, or the node) as Markdown blocks. */
export function documentToMarkdown(document: DocumentJson | PmNode): string {
  const doc = document instanceof PmNode ? document : PmNode.fromJSON(articleSchema, document);
  const { nodes: n, marks: m, options } = documentSerializer;
  const state = new ChunkedState(n, m, { ...options });
  state.renderContent(doc);
  return state.markdown();
}
