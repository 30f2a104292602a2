/// <reference lib="dom" />
/**
 * A page's own metadata, read before Readability rearranges the document: Open Graph and other
 * `<meta>` tags, schema.org JSON-LD (`NewsArticle` and its kin), `<time datetime>`, `rel=author`,
 * `<html lang>`/`dir` and `<link rel=canonical>`. Each field is cleaned here (whitespace, length,
 * an ISO date, an absolute http(s) address); the importer decides which source wins.
 */
import { parseDateLine } from '../plain-text';
import type { TextDirection } from '../imported-article';

export interface PageMetadata {
  /** Titles the page declares for sharing: `og:title`, `twitter:title`, JSON-LD `headline`. */
  readonly declaredTitles: readonly string[];
  /** Titles the page shows: `<title>`, then the first `<h1>`. */
  readonly shownTitles: readonly string[];
  /** `<meta name=author>`, JSON-LD author names, microdata `itemprop=author`, `rel=author` link text. */
  readonly bylines: readonly string[];
  readonly site: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly direction: TextDirection | null;
  readonly canonicalUrl: string | null;
}

const MAX_TITLE = 500;
const MAX_BYLINE = 200;
const MAX_SITE = 200;
/** JSON-LD blocks larger than this are skipped (some pages embed whole feeds). */
const MAX_JSON_LD_CHARS = 1_000_000;

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Posting)$/;
/** Meta names that carry a publication date, after `article:published_time`. */
const DATE_META = [
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
];

export function cleanText(value: string | null | undefined, max: number): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : null;
}

/** "By Jane Doe" → "Jane Doe"; empty, overlong or date-like bylines → null. */
export function cleanByline(value: string | null | undefined): string | null {
  const text = cleanText(value, MAX_BYLINE * 2)
    ?.replace(/^by[:\s]\s*/i, '')
    .replace(/[\s|,–—-]+$/, '')
    .trim();
  if (!text || text.length > MAX_BYLINE || /^https?:\/\//i.test(text)) return null;
  return text;
}

/** Joins names as a byline, "A, B, C": a comma reads right in any language, "and" does not. */
export function joinNames(names: readonly string[]): string | null {
  const unique = [...new Set(names.map((n) => cleanText(n, MAX_BYLINE)).filter((n) => n !== null))];
  if (unique.length === 0) return null;
  return unique.join(', ');
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * A date as ISO 8601: `YYYY-MM-DD` for a date alone, `YYYY-MM-DDTHH:MM:SS` with its offset (`Z`
 * or `±HH:MM`) kept as the page wrote it for a date-time, or null if it is not a date.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? parseDateLine(iso) : null;
  if (dateOnly) return dateOnly;
  const dateTime =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      iso,
    );
  if (dateTime) {
    const [, day, hours, minutes, seconds, zone] = dateTime;
    if (!parseDateLine(day!) || Number(hours) > 23 || Number(minutes) > 59) return null;
    let offset = '';
    if (zone) {
      const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
      offset = z ? `${z[1]}${z[2]}:${z[3] ?? '00'}` : 'Z';
    }
    return `${day}T${pad(hours!)}:${minutes}:${seconds ?? '00'}${offset}`;
  }
  const written = parseDateLine(text);
  if (written) return written;
  // RFC 2822 and other forms Date understands, with a zone, as UTC.
  if (/\d{4}/.test(text) && /(GMT|UTC|Z|[+-]\d{4})\b/.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
  }
  return null;
}

/** Lower-cased meta keys (`property`, `name`, `itemprop`, `http-equiv`) to their first content. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content.trim());
    }
  }
  return values;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(item: JsonObject): string[] {
  const type = item['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === 'string');
}

/** The first JSON-LD object typed as an article (top level, in an array, or in `@graph`). */
function jsonLdArticle(document: Document): JsonObject | null {
  const candidates: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json')
      continue;
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(source.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (!isObject(item)) continue;
      candidates.push(item);
      const graph = item['@graph'];
      if (Array.isArray(graph)) candidates.push(...graph.filter(isObject));
      const main = item['mainEntity'];
      if (isObject(main)) candidates.push(main);
    }
  }
  return (
    candidates.find((c) => typesOf(c).some((t) => t.endsWith('NewsArticle'))) ??
    candidates.find((c) => typesOf(c).some((t) => ARTICLE_TYPE.test(t))) ??
    null
  );
}

function namesOf(value: Json | undefined): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') names.push(item);
    else if (isObject(item) && typeof item['name'] === 'string') names.push(item['name']);
  }
  return names;
}

const stringOf = (value: Json | undefined): string | null =>
  typeof value === 'string' ? value : null;

/** A BCP 47-shaped language tag ("en", "en-GB", "zh-Hant-TW"), or null. */
export function cleanLanguage(value: string | null | undefined): string | null {
  const tag = (value ?? '').split(',')[0]!.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag) ? tag : null;
}

function directionOf(value: string | null | undefined): TextDirection | null {
  const dir = (value ?? '').trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

/** An absolute http(s) address, resolved against `base` when relative, or null. */
function absoluteHttp(value: string | null | undefined, base: URL | null): string | null {
  if (!value?.trim()) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads the page's metadata; `base` is the address it was fetched from, if any. */
export function readMetadata(document: Document, base: URL | null): PageMetadata {
  const meta = metaValues(document);
  const article = jsonLdArticle(document);

  const titles = (values: (string | null | undefined)[]) =>
    values.map((t) => cleanText(t, MAX_TITLE)).filter((t) => t !== null);
  const declaredTitles = titles([
    meta.get('og:title'),
    meta.get('twitter:title'),
    stringOf(article?.['headline']),
  ]);
  const shownTitles = titles([
    document.querySelector('title')?.textContent,
    document.querySelector('h1')?.textContent,
  ]);

  const microdataAuthors = Array.from(
    document.body.querySelectorAll('[itemprop~="author"]'),
    (author) => {
      const name = author.querySelector('[itemprop~="name"]') ?? author;
      return name.getAttribute('content') ?? name.textContent ?? '';
    },
  );
  const relAuthors = Array.from(
    document.querySelectorAll('a[rel~="author"]'),
    (a) => a.textContent ?? '',
  );
  const bylines = [
    cleanByline(meta.get('author')),
    cleanByline(joinNames(namesOf(article?.['author']))),
    cleanByline(joinNames(microdataAuthors)),
    cleanByline(joinNames(relAuthors)),
  ].filter((b) => b !== null);

  const publisher = article?.['publisher'];
  const site =
    cleanText(meta.get('og:site_name'), MAX_SITE) ??
    cleanText(isObject(publisher) ? stringOf(publisher['name']) : null, MAX_SITE) ??
    cleanText(meta.get('application-name'), MAX_SITE);

  const timeInArticle =
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  const publishedAt =
    normaliseDate(meta.get('article:published_time')) ??
    normaliseDate(stringOf(article?.['datePublished'])) ??
    normaliseDate(timeInArticle?.getAttribute('datetime')) ??
    DATE_META.map((key) => normaliseDate(meta.get(key))).find((d) => d !== null) ??
    null;

  const html = document.documentElement;
  const language =
    cleanLanguage(html.getAttribute('lang')) ??
    cleanLanguage(html.getAttribute('xml:lang')) ??
    cleanLanguage(meta.get('content-language')) ??
    cleanLanguage(document.body?.getAttribute('lang'));

  const direction =
    directionOf(html.getAttribute('dir')) ?? directionOf(document.body?.getAttribute('dir'));

  const canonicalUrl =
    absoluteHttp(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), base) ??
    absoluteHttp(meta.get('og:url'), base);

  return {
    declaredTitles,
    shownTitles,
    bylines,
    site,
    publishedAt,
    language,
    direction,
    canonicalUrl,
  };
}
