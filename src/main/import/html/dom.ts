/// <reference lib="dom" />
/**
 * The DOM an imported page is read into: linkedom (htmlparser2 underneath). No script runs and no
 * resource loads in it, by construction: linkedom has no script engine, no network code and no
 * browsing context, so `<script>`, `<iframe srcdoc>`, `<img onerror>`, `<meta http-equiv=refresh>`
 * and `<link rel=stylesheet>` are inert elements like any other. (The `dom` lib reference above
 * only types those objects; the main process has no global DOM.)
 *
 * Why linkedom rather than jsdom 29, measured on the issue-9 fixture pages plus 20 generated news
 * pages of 50–300 KB with boilerplate (`npx tsx scripts/dom-measurement/measure.ts`,
 * on a shared 2-core machine): parse + Readability took a median 25 ms (p95 178 ms) a page with
 * linkedom against 411 ms (p95 1109 ms) with `new JSDOM` and 225 ms (p95 683 ms) through jsdom's
 * DOMParser; Readability's article text was identical on 35 of 36 pages (the hostile page differs
 * by markup htmlparser2 nests differently). jsdom builds a CSSOM for every inline `<style>` (about
 * 100 ms for 6 KB of rules) and is quadratic on deep nesting: 10,000 unclosed `<div>`s took 18 s
 * and 10,000 `<div><span>` levels overflowed the stack, where linkedom took 26 ms and 0.7 s
 * (RELIABILITY 1). The targets (10 pages a second, p95 under 300 ms) rule jsdom out.
 *
 * What linkedom gets wrong, it gets wrong on malformed markup, and `normaliseShell` repairs the
 * part that would lose text: content outside `<html>`/`<body>` (which htmlparser2 leaves as the
 * document's siblings) is moved into the body, in order, and `<base>` is removed. Left as is: misnested formatting tags
 * are closed where written, foster-parented table text stays in its cell, `<p>` inside `<svg>`
 * stays inside (and is dropped with it). None of these can add markup to a document: the
 * conversion keeps only what its allowlist names.
 */
import { parseHTML } from 'linkedom';

/** Elements that belong in `<head>` wherever the page put them. */
const HEAD_ELEMENTS = new Set(['title', 'meta', 'link']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The attributes of `<html>` and `<body>` that metadata reads. */
const SHELL_ATTRIBUTES = ['lang', 'dir', 'xml:lang'];

function copyAttributes(from: Element, to: Element): void {
  for (const name of SHELL_ATTRIBUTES) {
    const value = from.getAttribute(name);
    if (value !== null && !to.hasAttribute(name)) to.setAttribute(name, value);
  }
}

/**
 * Rebuilds the document as `<html><head>…</head><body>…</body></html>`: head elements into the
 * head, every other node (text, elements) into the body in document order, the first `<html>`'s
 * and `<body>`'s `lang`/`dir` kept. Comments and doctypes outside the body are dropped.
 */
function normaliseShell(document: Document): Document {
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  html.append(head, body);
  const pending: Node[] = Array.from(document.childNodes).reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const name = element.localName;
      if (name === 'base') {
        // Never kept: links resolve against the address the page came from, or not at all, and
        // Readability would otherwise resolve them against `<base href>` (linkedom honours it).
        continue;
      } else if (name === 'html' || name === 'head' || name === 'body') {
        if (name === 'html') copyAttributes(element, html);
        if (name === 'body') copyAttributes(element, body);
        pending.push(...Array.from(element.childNodes).reverse());
      } else {
        (HEAD_ELEMENTS.has(name) ? head : body).appendChild(element);
      }
    } else if (node.nodeType === TEXT_NODE) {
      body.appendChild(node);
    }
  }
  for (const child of Array.from(document.childNodes)) {
    if (child.nodeType !== 10 /* doctype */) document.removeChild(child);
  }
  document.appendChild(html);
  for (const base of Array.from(document.querySelectorAll('base'))) base.remove();
  return document;
}

/**
 * ProseMirror's parser asks `element.matches(tag)` of every element for every rule it has (about
 * seventy); linkedom answers each through a CSS selector engine. A bare tag name is answered by
 * the element's name instead, which is what the engine would say, at a fraction of the cost
 * (10,000 elements: seconds → milliseconds). Any other selector goes to linkedom as before.
 */
const BARE_TAG = /^[a-z][a-z0-9]*$/i;
function answerBareTagsByName(): void {
  const { document } = parseHTML('<p></p>');
  let proto: object | null = Object.getPrototypeOf(document.createElement('p')) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'matches')) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  if (!proto) return;
  const host = proto as { matches: (this: Element, selector: string) => boolean };
  const matches = host.matches;
  host.matches = function (this: Element, selector: string): boolean {
    return BARE_TAG.test(selector)
      ? this.localName === selector.toLowerCase()
      : matches.call(this, selector);
  };
}
answerBareTagsByName();

/** Parses a page into an inert document with one `<html>`, `<head>` and `<body>`. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  return normaliseShell(document as unknown as Document);
}
