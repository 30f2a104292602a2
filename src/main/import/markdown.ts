/**
 * Markdown articles, parsed by markdown-it (CommonMark plus GFM tables and strikethrough, raw HTML
 * off, so embedded HTML stays text) into the article schema with prosemirror-markdown. A leading
 * level-1 heading is the title. Links keep only safe schemes; images are kept only when local
 * (raster data: URLs) and otherwise become their alt text, so nothing is ever fetched.
 */
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import { MarkdownParser, defaultMarkdownParser } from 'prosemirror-markdown';
import type { Mark, Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/document/schema';
import { NO_PAGE_METADATA, type ImportedArticle } from './imported-article';
import { isSafeLinkHref, isLocalImageSrc } from '../../shared/document/url-policy';

/**
 * How deep blocks may nest. markdown-it stops reading at its `maxNesting` and silently drops the
 * rest of the file (the CommonMark preset's 20 lost text 20 quote levels down); the limit is set
 * well above what the source is cut to, so nothing is ever dropped.
 */
const MAX_NESTING = 200;
/** Quote markers kept at the start of a line, and columns of indentation kept (for lists). */
const MAX_QUOTE_DEPTH = 32;
const MAX_INDENT = 96;

const markdownIt = MarkdownIt('commonmark', {
  html: false,
  linkify: false,
  maxNesting: MAX_NESTING,
}).enable(['table', 'strikethrough']);
// markdown-it's own check (a list of bad schemes) would leave a refused link as its Markdown
// source, "[text](javascript:…)". Every link and image reaches `sanitize` instead, whose
// allow-list is stricter, and a refused link keeps only its text.
markdownIt.validateLink = () => true;

/** A `<br>` written as text (raw HTML is off), the one tag a GFM cell needs for a line break. */
const CELL_BREAK = /<br\s*\/?>/i;

/**
 * Inside table cells: the cell's inline content is wrapped in a paragraph (a cell holds blocks in
 * the schema), and a literal `<br>` becomes a hard break, as our export writes a cell's line
 * breaks. Only an unescaped `<br>`: text the export escaped (`\<br>`) arrives here as its own
 * `text_special` token, so this runs before `text_join` merges those into plain text.
 */
function tableCells(state: StateCore): void {
  const out: Token[] = [];
  let inCell = false;
  for (const token of state.tokens) {
    if (token.type === 'th_open' || token.type === 'td_open') inCell = true;
    if (token.type === 'th_close' || token.type === 'td_close') inCell = false;
    if (!inCell || token.type !== 'inline') {
      out.push(token);
      continue;
    }
    token.children = splitBreaks(state, token.children ?? []);
    const open = new state.Token('paragraph_open', 'p', 1);
    const close = new state.Token('paragraph_close', 'p', -1);
    open.block = close.block = true;
    out.push(open, token, close);
  }
  state.tokens = out;
}

function splitBreaks(state: StateCore, children: Token[]): Token[] {
  const out: Token[] = [];
  for (const child of children) {
    if (child.type !== 'text' || !CELL_BREAK.test(child.content)) {
      out.push(child);
      continue;
    }
    child.content.split(new RegExp(CELL_BREAK.source, 'gi')).forEach((piece, i) => {
      if (i > 0) out.push(new state.Token('hardbreak', 'br', 0));
      if (piece === '') return;
      const text = new state.Token('text', '', 0);
      text.content = piece;
      out.push(text);
    });
  }
  return out;
}

markdownIt.core.ruler.before('text_join', 'table_cells', tableCells);

const parser = new MarkdownParser(articleSchema, markdownIt, {
  ...defaultMarkdownParser.tokens,
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'table_row' },
  th: { block: 'table_header' },
  td: { block: 'table_cell' },
  s: { mark: 'strikethrough' },
});

function sanitizeInline(node: Node): Node[] {
  if (node.type.name === 'image') {
    if (isLocalImageSrc(String(node.attrs['src']))) return [node];
    const alt = (node.attrs['alt'] as string | null) ?? '';
    return alt ? [articleSchema.text(alt, node.marks)] : [];
  }
  if (node.isText) {
    const marks = node.marks.filter(
      (m: Mark) => m.type.name !== 'link' || isSafeLinkHref(String(m.attrs['href'])),
    );
    return [node.mark(marks)];
  }
  return [node];
}

/**
 * A GFM table always has a header row; one whose cells are all empty (as our export writes for a
 * table without headers) carries nothing, and would only add empty blocks to the text.
 */
function isEmptyHeaderRow(row: Node, table: Node): boolean {
  if (table.childCount < 2) return false;
  let empty = true;
  row.forEach((cell) => {
    const only = cell.childCount === 1 ? cell.firstChild : null;
    if (cell.type.name !== 'table_header' || !only || only.content.size > 0) empty = false;
  });
  return empty;
}

function sanitize(node: Node): Node {
  if (node.isTextblock) {
    const children: Node[] = [];
    node.forEach((child) => children.push(...sanitizeInline(child)));
    return node.type.create(node.attrs, children, node.marks);
  }
  if (node.isLeaf) return node;
  const children: Node[] = [];
  node.forEach((child, _offset, index) => {
    if (index === 0 && node.type.name === 'table' && isEmptyHeaderRow(child, node)) return;
    children.push(sanitize(child));
  });
  return node.type.create(node.attrs, children, node.marks);
}

/**
 * The source with nesting past the limits flattened: quote markers past `MAX_QUOTE_DEPTH` and
 * indentation past `MAX_INDENT` columns are taken off their lines, so the text they held is kept
 * at the deepest level instead of being dropped. Answers whether anything was flattened.
 */
export function flattenDeepNesting(source: string): { text: string; flattened: boolean } {
  let flattened = false;
  const quoteMarkers = new RegExp(`^((?: {0,3}> ?){${MAX_QUOTE_DEPTH}})(?: {0,3}> ?)+`);
  const lines = source.split('\n').map((line) => {
    let out = line;
    if (quoteMarkers.test(out)) {
      out = out.replace(quoteMarkers, '$1');
      flattened = true;
    }
    const indent = /^[ \t]*/.exec(out)![0];
    if (indent.replace(/\t/g, '    ').length > MAX_INDENT) {
      out = ' '.repeat(MAX_INDENT) + out.slice(indent.length);
      flattened = true;
    }
    return out;
  });
  return { text: lines.join('\n'), flattened };
}

export function parseMarkdown(
  source: string,
  fallbackTitle: string,
  warnings: string[] = [],
): ImportedArticle {
  const unwrapped = source.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  const { text, flattened } = flattenDeepNesting(unwrapped);
  if (flattened) {
    warnings.push(
      `quotes or lists nested more than ${MAX_QUOTE_DEPTH} levels deep were kept as text at ` +
        'that depth',
    );
  }
  const parsed = parser.parse(text);
  let document = sanitize(parsed);
  let title = fallbackTitle;
  const first = document.firstChild;
  if (
    first &&
    first.type.name === 'heading' &&
    first.attrs['level'] === 1 &&
    first.textContent.trim()
  ) {
    title = first.textContent.trim();
    const rest: Node[] = [];
    document.forEach((child, _offset, index) => {
      if (index > 0) rest.push(child);
    });
    document = articleSchema.node(
      'doc',
      null,
      rest.length ? rest : [articleSchema.node('paragraph')],
    );
  }
  document.check();
  return { ...NO_PAGE_METADATA, title, byline: null, publishedAt: null, document };
}
