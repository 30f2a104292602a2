/**
 * Annotation import (W3C Web Annotation JSON-LD, Hypothesis JSON): every annotation is anchored
 * by its quote in the article's current text, then all of them are stored in one transaction, or
 * none when anything in the file is wrong. Quotes that cannot be placed are orphans: stored with
 * their notes, tags and claims, reported by quote, never attached to the wrong words. Ids in the
 * file are kept when free, so importing the same file twice adds nothing the second time and
 * links between imported annotations survive.
 */
import type { Database } from 'better-sqlite3';
import { v5 as uuidv5, validate as isUuid } from 'uuid';
import { anchor } from '../../shared/anchoring/anchor';
import { describeRange } from '../../shared/anchoring/selectors';
import { ClaimSchema, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/contract/entities';
import { ServiceError } from '../../shared/contract/errors';
import type { ImportReport } from '../../shared/contract/interop';
import { parseAnnotationFile, type ParsedAnnotation } from '../../shared/interop/annotation-file';
import { uuidOfIri } from '../../shared/interop/vocabulary';
import { codePointConverter } from '../../shared/text/code-points';
import { agree, plural } from '../../shared/text/plural';
import { cleanTagNames } from '../../shared/text/tag-name';
import * as annotations from '../store/annotations';
import * as articles from '../store/articles';
import { storeClaim } from '../store/claims';
import * as links from '../store/links';
import * as tags from '../store/tags';

/** Namespace for ids derived from other tools' ids (Hypothesis), so re-imports match. */
const FOREIGN_ID_NAMESPACE = '6f1c2a3e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

export interface ImportDeps {
  readonly db: Database;
  readonly newId: () => string;
  readonly now: () => string;
  /** Runs `work` in one write transaction. */
  readonly write: <T>(work: () => T) => T;
}

export interface ImportRequest {
  readonly fileName: string;
  readonly content: string;
  readonly articleId?: string | undefined;
}

/** Where an orphan is stored: a place that never holds its quote, so it anchors nowhere. */
const ORPHAN_POSITION = { start: 0, end: 1 } as const;

interface Placed {
  readonly parsed: ParsedAnnotation;
  readonly id: string;
  readonly articleId: string;
  readonly selectors: {
    readonly quote: ParsedAnnotation['quote'];
    readonly position: { readonly start: number; readonly end: number };
  };
  readonly originalQuote: string | null;
  readonly tags: string[];
  /** Its quote is not in the article: stored as an orphan. */
  readonly orphan: boolean;
}

function parseJson(fileName: string, content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ServiceError('unsupported_file', `${fileName} is not JSON (${why})`);
  }
}

/**
 * The article a target names: by our id (a file from this library), else by the same text
 * (a file from another library that imported the same article), else by its source URL.
 */
function resolveArticle(db: Database, source: string, textHash: string | null): string | null {
  const urn = uuidOfIri(source)?.toLowerCase();
  if (urn && articles.findArticleText(db, urn) !== null) return urn;
  const sameText = textHash ? articles.findArticleIdsByContentHash(db, textHash)[0] : undefined;
  return sameText ?? articles.findArticleIdsBySourceUrl(db, source)[0] ?? null;
}

/**
 * Which article each target source's annotations go to. A file may name many pages (a Hypothesis
 * account export does): the ones found here are imported and the rest left out and counted, but
 * a file with none of its pages here is refused. With a chosen article, a file naming one page
 * goes to it whole; a file naming several gives it only the annotations of its own source.
 */
function placeSources(
  db: Database,
  annotations: readonly ParsedAnnotation[],
  request: ImportRequest,
): Map<string, string> {
  const sources = [...new Set(annotations.map((a) => a.targetSource))];
  const hashOf = new Map(annotations.map((a) => [a.targetSource, a.targetTextHash]));
  const resolve = (source: string) => resolveArticle(db, source, hashOf.get(source) ?? null);
  const placed = new Map<string, string>();
  if (request.articleId !== undefined) {
    const chosen = request.articleId;
    if (sources.length === 1) placed.set(sources[0]!, chosen);
    for (const source of sources) if (resolve(source) === chosen) placed.set(source, chosen);
    if (placed.size === 0) {
      throw new ServiceError(
        'invalid_request',
        `${request.fileName} holds annotations for ${sources.length} pages and none of them is this article's source: import it without choosing an article`,
      );
    }
    return placed;
  }
  for (const source of sources) {
    const id = resolve(source);
    if (id) placed.set(source, id);
  }
  if (placed.size === 0) {
    throw new ServiceError(
      'not_found',
      `no article in this library matches ${sources[0] ?? 'the file'}${sources.length > 1 ? ` (or any of ${sources.length - 1} more pages)` : ''}: import the article first, or choose the article to attach them to`,
    );
  }
  return placed;
}

export function importAnnotationFile(deps: ImportDeps, request: ImportRequest): ImportReport {
  const { db } = deps;
  const file = parseAnnotationFile(parseJson(request.fileName, request.content));
  const warnings = new Set(file.warnings);

  if (request.articleId !== undefined && articles.findArticleText(db, request.articleId) === null) {
    throw new ServiceError('not_found', `no article with id ${request.articleId}`);
  }
  const articleOf = placeSources(db, file.annotations, request);
  const annotationsHere = file.annotations.filter((a) => articleOf.has(a.targetSource));
  const elsewhere = file.annotations.length - annotationsHere.length;
  if (elsewhere > 0) {
    const pages = new Set(file.annotations.map((a) => a.targetSource)).size - articleOf.size;
    warnings.add(
      `${plural(elsewhere, 'annotation is', 'annotations are')} for ${plural(pages, 'page', 'pages')} ${request.articleId ? 'other than this article' : 'not in this library'} and ${agree(elsewhere, 'was', 'were')} left out`,
    );
  }

  annotationsHere.forEach((parsed, index) => {
    const where = `annotation ${index + 1}${parsed.sourceId ? ` (${parsed.sourceId})` : ''}`;
    if (parsed.quote.exact.length > MAX_QUOTE_LENGTH) {
      throw new ServiceError(
        'too_large',
        `${where}: its quote is over ${MAX_QUOTE_LENGTH} characters`,
      );
    }
    if (parsed.note.length > MAX_NOTE_LENGTH) {
      throw new ServiceError(
        'too_large',
        `${where}: its note is over ${MAX_NOTE_LENGTH} characters`,
      );
    }
    if (parsed.claim && !ClaimSchema.safeParse(parsed.claim).success) {
      throw new ServiceError('invalid_request', `${where}: its claim type or speaker is not valid`);
    }
  });

  const texts = new Map<string, { text: string; toUtf16: (n: number) => number }>();
  const textOf = (articleId: string) => {
    let entry = texts.get(articleId);
    if (!entry) {
      const text = articles.findArticleText(db, articleId) ?? '';
      const converter = codePointConverter(text);
      entry = {
        text,
        toUtf16: (n) => converter.toUtf16(Math.min(Math.max(0, n), converter.codePointLength)),
      };
      texts.set(articleId, entry);
    }
    return entry;
  };

  const report: ImportReport = {
    format: file.format,
    total: annotationsHere.length,
    otherPages: elsewhere,
    anchored: 0,
    changed: 0,
    orphaned: 0,
    alreadyPresent: 0,
    linksCreated: 0,
    linksUnresolved: 0,
    articles: [],
    orphans: [],
    warnings: [],
  };
  const idOf = new Map<string, string>();
  const placed: Placed[] = [];
  const taken = new Set<string>();

  /**
   * The id to store under: the file's own when it is free; else one derived from it and the
   * article, so a second import of the same file finds it; null when already here.
   */
  function idFor(parsed: ParsedAnnotation, articleId: string): string | null {
    if (parsed.sourceId === null) return deps.newId();
    const own = isUuid(parsed.sourceId)
      ? parsed.sourceId.toLowerCase()
      : uuidv5(`${file.format}:${parsed.sourceId}`, FOREIGN_ID_NAMESPACE);
    for (const candidate of [own, uuidv5(`${own}:${articleId}`, FOREIGN_ID_NAMESPACE)]) {
      const use = annotations.annotationIdUse(db, candidate);
      if (use?.live && use.articleId === articleId) {
        idOf.set(parsed.sourceId, candidate);
        return null;
      }
      if (use === null && !taken.has(candidate)) return candidate;
    }
    return deps.newId();
  }

  for (const parsed of annotationsHere) {
    const articleId = articleOf.get(parsed.targetSource)!;
    const id = idFor(parsed, articleId);
    if (id === null) {
      report.alreadyPresent++;
      continue;
    }
    taken.add(id);
    if (parsed.sourceId) idOf.set(parsed.sourceId, id);
    // The readers cleaned them already; cleaning again changes nothing and keeps one rule.
    const tags = cleanTagNames(parsed.tags);

    const { text, toUtf16 } = textOf(articleId);
    const hint = parsed.codePointPosition
      ? {
          start: toUtf16(parsed.codePointPosition.start),
          end: toUtf16(parsed.codePointPosition.end),
        }
      : { start: 0, end: parsed.quote.exact.length };
    const found = anchor(text, { quote: parsed.quote, position: hint });
    if (found.status === 'orphan') {
      // Kept with everything it carries, at a position that does not hold its quote: the reader
      // and the exports show it as a passage no longer found, never on the wrong words.
      report.orphaned++;
      report.orphans.push({ quote: parsed.quote.exact, articleId });
      const selectors = { quote: parsed.quote, position: ORPHAN_POSITION };
      placed.push({ parsed, id, articleId, selectors, originalQuote: null, tags, orphan: true });
      continue;
    }

    const selectors = describeRange(text, found.start, found.end);
    const original = parsed.originalQuote ?? parsed.quote.exact;
    if (selectors.quote.exact === parsed.quote.exact) report.anchored++;
    else report.changed++;
    placed.push({
      parsed,
      id,
      articleId,
      selectors,
      originalQuote: original === selectors.quote.exact ? null : original,
      tags,
      orphan: false,
    });
  }

  const at = deps.now();
  deps.write(() => {
    for (const p of placed) {
      const { parsed } = p;
      annotations.insertAnnotation(db, {
        id: p.id,
        articleId: p.articleId,
        quote: p.selectors.quote,
        position: p.selectors.position,
        color: parsed.color ?? 'yellow',
        note: parsed.note,
        claim: storeClaim(db, parsed.claim, deps.newId, at),
        originalQuote: p.originalQuote,
        anchor: p.orphan
          ? { status: 'orphan' }
          : {
              status: p.originalQuote === null ? 'anchored' : 'changed',
              ...p.selectors.position,
            },
        createdAt: parsed.created ?? at,
        updatedAt: parsed.modified ?? parsed.created ?? at,
      });
      tags.setAnnotationTags(db, p.id, p.tags, deps.newId, at);
    }
    for (const p of placed) {
      for (const link of p.parsed.links) {
        const other =
          idOf.get(link.otherSourceId) ??
          (isUuid(link.otherSourceId) &&
          annotations.annotationIdUse(db, link.otherSourceId.toLowerCase())?.live
            ? link.otherSourceId.toLowerCase()
            : null);
        if (!other || other === p.id) {
          report.linksUnresolved++;
          continue;
        }
        if (links.findLiveLink(db, p.id, other, link.relation)) continue;
        links.insertLink(db, {
          id: deps.newId(),
          fromId: p.id,
          toId: other,
          relation: link.relation,
          createdAt: at,
        });
        report.linksCreated++;
      }
    }
  });

  const counts = new Map<string, number>();
  for (const p of placed) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  for (const [id, imported] of counts) {
    const summary = articles.findArticleSummary(db, id);
    report.articles.push({ id, title: summary?.title ?? '', imported });
  }
  report.warnings.push(...warnings);
  return report;
}
