/// <reference lib="dom" />
/**
 * HTML articles: a page (already decoded to text) into an ImportedArticle. The page is parsed
 * into an inert DOM (./dom), its depth bounded (./flatten), its metadata read (./metadata), its
 * article found by Readability (./extract, or the whole body when Readability finds none), and
 * that converted through the allowlist (./allowlist, ./convert) with every address checked
 * (./policy). Nothing is fetched and nothing runs.
 */
import type { Node } from 'prosemirror-model';
import { ServiceError } from '../../../shared/contract/errors';
import { canonicalText } from '../../../shared/document/canonical-text';
import type { ImportedArticle } from '../imported-article';
import type { ResourceReader } from '../index';
import { printedByline, removeBoilerplate } from './boilerplate';
import { convertToDocument } from './convert';
import { parseDocument } from './dom';
import { readArticle } from './extract';
import { MAX_DEPTH, flattenDeepNesting } from './flatten';
import { cleanByline, cleanLanguage, cleanText, normaliseDate, readMetadata } from './metadata';
import {
  ImagePolicy,
  MAX_ARTICLE_IMAGE_BYTES,
  MAX_IMAGE_BYTES,
  httpBase,
  resolveLink,
} from './policy';

export interface HtmlOptions {
  /** The file name, for messages. */
  readonly fileName: string;
  /** The title when the page gives none. */
  readonly fallbackTitle: string;
  /** The address the page came from; relative links resolve against it, and only it. */
  readonly sourceUrl?: string | null;
  /** Reads the images a saved page refers to; absent, only `data:` images are kept. */
  readonly resources?: ResourceReader | null;
}

export interface HtmlImport {
  readonly article: ImportedArticle;
  readonly warnings: string[];
}

const MB = 1024 * 1024;

/** Converts `root`'s content, collecting the warnings the conversion gives. */
function convert(
  root: Element,
  options: Omit<HtmlOptions, 'fallbackTitle'>,
  warnings: string[],
): Node {
  const base = httpBase(options.sourceUrl);
  const images = new ImagePolicy(options.resources ?? null);
  const document = convertToDocument(root, {
    resolveLink: (href) => resolveLink(href, base),
    resolveImage: (src) => images.resolve(src),
  });
  if (images.overCap > 0) {
    warnings.push(
      `${options.fileName}: ${images.overCap === 1 ? '1 image is' : `${images.overCap} images are`} ` +
        `shown as a placeholder, over the limit of ${MAX_IMAGE_BYTES / MB} MB an image and ` +
        `${MAX_ARTICLE_IMAGE_BYTES / MB} MB an article`,
    );
  }
  return document;
}

function parseBounded(html: string, fileName: string, warnings: string[]): Document {
  const document = parseDocument(html);
  if (flattenDeepNesting(document.body) > 0) {
    warnings.push(
      `${fileName}: markup nested deeper than ${MAX_DEPTH} levels was kept as plain text`,
    );
  }
  return document;
}

function refuseIfEmpty(document: Node, fileName: string): void {
  if (document.childCount === 0 || canonicalText(document).trim() === '') {
    throw new ServiceError('unsupported_file', `${fileName} has no article text`);
  }
}

/**
 * The article's lead image: the first `<figure>` with an image and a caption inside the page's
 * `<article>` or `<main>`. Readability often leaves it out, because it sits beside the story's
 * text container rather than in it; a copy is taken before Readability runs.
 */
function leadFigure(page: Document): Element | null {
  const figure = Array.from(page.body.querySelectorAll('figure')).find(
    (f) => f.querySelector('img') && f.querySelector('figcaption') && f.closest('article, main'),
  );
  return figure ? (figure.cloneNode(true) as Element) : null;
}

/** Puts the lead figure first in `content` unless its caption is already there. */
function restoreLeadFigure(content: Element, figure: Element | null): void {
  if (!figure) return;
  const caption = (figure.querySelector('figcaption')?.textContent ?? '').trim();
  const present = Array.from(content.querySelectorAll('figcaption')).some(
    (c) => (c.textContent ?? '').trim() === caption,
  );
  if (!present) content.insertBefore(figure, content.firstChild);
}

/** Imports a page as an article, or refuses it when it has no text. */
export function importHtml(html: string, options: HtmlOptions): HtmlImport {
  const warnings: string[] = [];
  const page = parseBounded(html, options.fileName, warnings);
  const metadata = readMetadata(page, httpBase(options.sourceUrl));
  const printed = printedByline(page);
  const figure = leadFigure(page);
  removeBoilerplate(page);
  const found = readArticle(page);
  if (found) restoreLeadFigure(found.content, figure);
  // Readability changed `page`; without an article, the body is read again from the source.
  const root = found?.content ?? parseBounded(html, options.fileName, []).body;
  const document = convert(root, options, warnings);
  refuseIfEmpty(document, options.fileName);

  // What the page declares, then Readability's (which trims " | Site" off <title>), then what it shows.
  const title =
    metadata.declaredTitles[0] ??
    cleanText(found?.title, 500) ??
    metadata.shownTitles[0] ??
    options.fallbackTitle;
  const article: ImportedArticle = {
    title,
    // Structured sources first: Readability's byline is often the printed line with a job title.
    byline: metadata.bylines[0] ?? printed ?? cleanByline(found?.byline),
    site: metadata.site ?? cleanText(found?.siteName, 200),
    sourceUrl: httpBase(options.sourceUrl)?.href ?? null,
    canonicalUrl: metadata.canonicalUrl,
    publishedAt: metadata.publishedAt ?? normaliseDate(found?.publishedTime),
    language: metadata.language ?? cleanLanguage(found?.lang),
    direction:
      metadata.direction ?? (found?.dir === 'rtl' || found?.dir === 'ltr' ? found.dir : null),
    document: withoutTitleHeading(document, title),
  };
  return { article, warnings };
}

/**
 * The document without a first heading that only repeats the title (the reader shows the title
 * above the text already); kept when it is all the text there is.
 */
function withoutTitleHeading(document: Node, title: string): Node {
  const first = document.firstChild;
  const same = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (
    !first ||
    first.type.name !== 'heading' ||
    document.childCount < 2 ||
    same(first.textContent) !== same(title)
  ) {
    return document;
  }
  return document.copy(document.content.cut(first.nodeSize));
}

/**
 * A document from an HTML fragment, without article extraction or metadata: for pasted HTML and
 * HTML inside Markdown, through the same allowlist and address checks as a page.
 */
export function documentFromHtml(
  html: string,
  options: Omit<HtmlOptions, 'fallbackTitle'>,
): { document: Node; warnings: string[] } {
  const warnings: string[] = [];
  const page = parseBounded(html, options.fileName, warnings);
  return { document: convert(page.body, options, warnings), warnings };
}
