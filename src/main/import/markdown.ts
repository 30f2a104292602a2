/**
 * Markdown articles, parsed by markdown-it (CommonMark, raw HTML off, so embedded HTML stays
 * text) into the article schema with prosemirror-markdown. A leading level-1 heading is the title.
 * Links keep only safe schemes; images are kept only when local (raster data: URLs) and otherwise
 * become their alt text, so nothing is ever fetched.
 */
import MarkdownIt from 'markdown-it';
import { MarkdownParser, defaultMarkdownParser } from 'prosemirror-markdown';
import type { Mark, Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/document/schema';
import { NO_PAGE_METADATA, type ImportedArticle } from './imported-article';
import { isSafeLinkHref, isLocalImageSrc } from '../../shared/document/url-policy';

const markdownIt = MarkdownIt('commonmark', { html: false, linkify: false });
// markdown-it's own check (a list of bad schemes) would leave a refused link as its Markdown
// source, "[text](javascript:…)". Every link and image reaches `sanitize` instead, whose
// allow-list is stricter, and a refused link keeps only its text.
markdownIt.validateLink = () => true;

const parser = new MarkdownParser(articleSchema, markdownIt, defaultMarkdownParser.tokens);

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

function sanitize(node: Node): Node {
  if (node.isTextblock) {
    const children: Node[] = [];
    node.forEach((child) => children.push(...sanitizeInline(child)));
    return node.type.create(node.attrs, children, node.marks);
  }
  if (node.isLeaf) return node;
  const children: Node[] = [];
  node.forEach((child) => children.push(sanitize(child)));
  return node.type.create(node.attrs, children, node.marks);
}

export function parseMarkdown(source: string, fallbackTitle: string): ImportedArticle {
  const text = source.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
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
