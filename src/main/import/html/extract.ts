/// <reference lib="dom" />
/**
 * Finding the article in a page with @mozilla/readability. Readability rearranges the document it
 * is given, so metadata is read before it runs. Its `serializer` hands back the article element
 * itself rather than HTML to parse again.
 */
import { Readability } from '@mozilla/readability';

/** What Readability found: the article element and its own view of the metadata. */
export interface ReadabilityArticle {
  readonly content: Element;
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly lang: string | null;
  readonly dir: string | null;
}

/** The article Readability finds in `document` (which it changes), or null when it finds none with text. */
export function readArticle(document: Document): ReadabilityArticle | null {
  const parsed = new Readability<Element>(document, {
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content || (content.textContent ?? '').trim() === '') return null;
  return {
    content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
  };
}
