/// <reference lib="dom" />
/**
 * Short boxes news pages put in and around an article that Readability keeps when they sit inside
 * the article's container: cookie notices, newsletter and subscription prompts, "LIVE" badges,
 * and the byline and date lines (which are metadata, kept as such). They are recognised by their
 * class or id (and copyright lines) and removed before Readability runs, only when they are short, so that a container
 * named, say, `post-meta-wrapper` around the whole story is never taken for one. The byline line
 * is read first: it is a byline source of its own.
 */
import { cleanByline } from './metadata';

/** Class or id words of boilerplate boxes. */
const BOILERPLATE =
  /(^|[\s_-])(cookies?|consent|gdpr|cmp|newsletters?|signup|sign-up|subscribe|subscription|promo|paywall-teaser|live-badge|badge|byline|author|authors|dateline|timestamp|dates|meta|share|share-tools|share-links|copyright|legal|disclaimer)([\s_-]|$)/i;

/** Longest text a box may have to be taken for boilerplate. */
const MAX_BOILERPLATE_CHARS = 300;

const BYLINE_CLASS = /(^|[\s_-])(byline|author)([\s_-]|$)/i;

const marker = (element: Element) =>
  `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;

function isShortBox(element: Element): boolean {
  if (element.querySelector('article, [itemprop="articleBody"], h1')) return false;
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length <= MAX_BOILERPLATE_CHARS;
}

/**
 * The byline as the page prints it ("By Jane Doe · March 4"), cut at the first separator, from
 * the first short element whose class or id says byline or author; null if there is none.
 */
export function printedByline(document: Document): string | null {
  for (const element of Array.from(document.body.querySelectorAll('[class], [id]'))) {
    if (!BYLINE_CLASS.test(marker(element)) || !isShortBox(element)) continue;
    const text = (element.textContent ?? '').split(/\s[·|•]\s/)[0];
    const byline = cleanByline(text);
    if (byline) return byline;
  }
  return null;
}

/** Removes short boilerplate boxes from the body; answers how many were removed. */
export function removeBoilerplate(document: Document): number {
  let removed = 0;
  for (const element of Array.from(document.body.querySelectorAll('[class], [id]'))) {
    if (!element.isConnected || element.localName === 'body' || element.localName === 'html')
      continue;
    if (!BOILERPLATE.test(marker(element)) || !isShortBox(element)) continue;
    element.remove();
    removed++;
  }
  return removed;
}
