/** Shared helpers for the HTML import tests: import a page from a string, list what it kept. */
import type { Node } from 'prosemirror-model';
import { importFile, type ImportOptions } from '../../../../src/main/import/index';
import { canonicalText } from '../../../../src/shared/document/canonical-text';

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A paragraph long enough for Readability to take the page for an article. */
export const FILLER =
  'The council met on Thursday to discuss the harbour tunnel, and members agreed after a long ' +
  'debate that repairs would continue through the winter months despite the cost overruns.';

/** Wraps `body` in a page with enough article text around it. */
export function page(body: string, head = ''): string {
  return `<!doctype html><html><head><title>Test page</title>${head}</head><body><article><h1>Test page</h1><p>${FILLER}</p>${body}<p>${FILLER}</p></article></body></html>`;
}

export function importPage(html: string, options: ImportOptions = {}, fileName = 'page.html') {
  const result = importFile(fileName, utf8(html), options);
  return {
    ...result,
    text: canonicalText(result.article.document),
    json: JSON.stringify(result.article.document),
  };
}

export interface KeptAddresses {
  readonly links: string[];
  readonly images: string[];
}

/** Every link href and image src of a document. */
export function addressesOf(doc: Node): KeptAddresses {
  const links: string[] = [];
  const images: string[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks)
      if (mark.type.name === 'link') links.push(String(mark.attrs['href']));
    if (node.type.name === 'image' || node.type.name === 'figure_image')
      images.push(String(node.attrs['src']));
    return true;
  });
  return { links, images };
}

/** A 1×1 transparent GIF and a tiny PNG, as bytes. */
export const GIF = new Uint8Array(
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
);
export const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
