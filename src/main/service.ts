/**
 * The service: every operation of the contract, implemented over the store. Pure TypeScript with
 * its dependencies passed in (a database, a clock, an id source), so tests build it in one line
 * and the Electron glue, the web server and the CLI all call the same code.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Annotation, Changes, Claim, Link } from '../shared/contract/entities';
import { ServiceError } from '../shared/contract/errors';
import type { ServiceHandlers } from '../shared/contract/operations';
import type { LibraryStatus } from '../shared/contract/library-safety';
import { buildTextMap, canonicalText } from '../shared/document/canonical-text';
import path from 'node:path';
import type { Node as ProseNode } from 'prosemirror-model';
import type { ImportResult, ResourceReader } from './import/index';
import { importPipeline, type ImportPipeline } from './lazy-import-pipeline';
import { normalizeAddress, pageCanonicalAddress } from './import/web-address';
import type {
  JobContext,
  JobHandlers,
  JobProgress,
  JobResult,
  ParsedJobRequest,
} from '../shared/contract/jobs';
import type { ImportOutcome } from '../shared/contract/operations';
import type { ArticleOrigin } from './store/articles';
import { articleFileStem } from '../shared/export/file-names';
import type { SampleSource } from './sample';
import { RESTORE_UNDER_WAY_MESSAGE, type RestoreState } from './store/backups/restore-state';
import * as articles from './store/articles';
import * as articleTags from './store/article-tags';
import { articleDetailsChange } from './store/article-details-change';
import * as annotations from './store/annotations';
import { listClaimTypes } from './store/claim-types';
import { storeClaim } from './store/claims';
import * as links from './store/links';
import { getMeta, setMeta } from './store/meta';
import * as settings from './store/settings';
import { listSpeakers } from './store/speakers';
import * as tags from './store/tags';
import { search } from './search/search';
import * as trash from './store/trash';
import { listLibraryAnnotations } from './store/library-annotations';
import { createVersionHandlers } from './versions/handlers';
import { createClaimSuggestionHandlers } from './claim-suggestions/handlers';
import { cacheStatements } from './store/statement-cache';
import { createAnnotationWrites } from './annotation-writes';

export interface ServiceDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly newId: () => string;
  /** Added to the library the first time it is opened, never again (a source, or a reader of one). */
  readonly sample?: SampleSource | (() => SampleSource);
  /** Set when the library is open read-only: every change is refused before it is tried. */
  readonly readOnly?: { readonly reason: string } | null;
  /** What opening the library found, for getLibraryStatus. */
  readonly status?: () => LibraryStatus;
  /**
   * The library's backups: listing, taking one now, restoring one. While their restore is under
   * way (`restoreState`), every write is refused at once: the restore holds the library's write
   * lock between its steps, and a write from this process would wait on its own lock.
   */
  readonly backups?: Pick<ServiceHandlers, 'listBackups' | 'backupNow' | 'restoreBackup'> & {
    readonly restoreState?: RestoreState;
  };
  /** How a write pauses before trying a busy lock again (tests pass one that lets the lock go). */
  readonly pauseBeforeRetry?: (ms: number) => void;
}

export type Service = ServiceHandlers & {
  readonly jobs: JobHandlers;
  /** The canonical text of a live article (direct callers: tests, benchmarks). */
  articleText(id: string): string;
  /** Imports a file's bytes directly (the CLI reads files itself; no base64 round trip). */
  importBytes(fileName: string, bytes: Uint8Array, options?: ImportBytesOptions): ImportOutcome;
  /** Stores what `importFile` made (the CLI checks every file before it stores any). */
  importParsed(result: ImportResult, origin?: ArticleOrigin, fileName?: string): ImportOutcome;
};

export interface ImportBytesOptions {
  readonly id?: string;
  readonly origin?: ArticleOrigin;
  /** A saved page's own folder of images. */
  readonly resources?: ResourceReader | null;
}

/** The names pasted content is imported under (the importer picks its reader by extension). */
const PASTE_HTML_NAME = 'Pasted page.html';
const PASTE_TEXT_NAME = 'Pasted text.txt';
const PASTE_TITLE_LENGTH = 80;

/** A title for a paste that has none: its first words. */
function titleFromText(document: ProseNode): string {
  const first = canonicalText(document).trim().split('\n', 1)[0] ?? '';
  if (first.length <= PASTE_TITLE_LENGTH) return first || 'Pasted text';
  const cut = first.slice(0, PASTE_TITLE_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PASTE_TITLE_LENGTH / 2)).trimEnd()}…`;
}

const SAMPLE_SEEDED = 'sample_seeded';

/**
 * Another Marginalia (the app, web mode or a command) holding the write lock: BEGIN IMMEDIATE
 * first waits the connection's busy timeout (5 s, set in connection.ts), then the transaction is
 * tried again after each of these pauses, each retry waiting at most RETRY_BUSY_TIMEOUT_MS for the
 * lock, then refused. The app's main thread waits all that time, so the total is bounded:
 * 5000 + 250 + 1000 + 750 + 1000 = 8 s at most.
 */
const BUSY_RETRY_DELAYS_MS = [250, 750];
const RETRY_BUSY_TIMEOUT_MS = 1000;

const isBusy = (error: unknown) =>
  /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** Waits without returning to the event loop: the service's writes are synchronous. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Maps SQLite's own failures to errors the user can act on. */
function translateSqliteError(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') {
    throw new ServiceError(
      'storage_full',
      'The disk or library is full; nothing was saved. Free some space and try again.',
    );
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    throw new ServiceError(
      'read_only',
      'The library file or its folder cannot be written (read-only); nothing was saved.',
    );
  }
  if (isBusy(error)) {
    throw new ServiceError(
      'busy',
      'The library is busy in another Marginalia (the app or a command); try again.',
    );
  }
  throw error;
}

export function createService(deps: ServiceDeps): Service {
  const { newId } = deps;
  const db = cacheStatements(deps.db);
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  /** A read-only library refuses every change before anything is tried. */
  function refuseIfReadOnly(): void {
    if (deps.readOnly) {
      throw new ServiceError(
        'read_only',
        `This library is open read-only (${deps.readOnly.reason}): nothing was saved.`,
      );
    }
  }

  const pauseBeforeRetry = deps.pauseBeforeRetry ?? sleepSync;

  /**
   * Runs `work` in one immediate transaction: all of it is stored, or none. BEGIN IMMEDIATE takes
   * the write lock first (waiting up to the busy timeout for another process to finish), so the
   * work never fails half-way for want of it; if the lock stays taken, the whole transaction is
   * tried again a few times before the user is told. `work` reads what it changes itself, inside
   * the transaction: a row read before the wait could be stale by the time the lock is ours.
   */
  function write<T>(work: () => T): T {
    refuseIfReadOnly();
    if (deps.backups?.restoreState?.underWay)
      throw new ServiceError('busy', RESTORE_UNDER_WAY_MESSAGE);
    let busyTimeout: number | null = null; // the connection's own, while retries use less
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return db.transaction(work).immediate();
        } catch (error) {
          const delay = BUSY_RETRY_DELAYS_MS[attempt];
          if (!isBusy(error) || delay === undefined) return translateSqliteError(error);
          busyTimeout ??= db.pragma('busy_timeout', { simple: true }) as number;
          pauseBeforeRetry(delay);
          db.pragma(`busy_timeout = ${Math.min(busyTimeout, RETRY_BUSY_TIMEOUT_MS)}`);
        }
      }
    } finally {
      if (busyTimeout !== null) db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }

  const annotationWrites = createAnnotationWrites(db, newId);
  const requireAnnotation = annotationWrites.requireAnnotation;

  /** The annotation as clients see it: with its claim's speaker name, tags and links. */
  function fullAnnotation(id: string): Annotation {
    const [full] = annotations.findAnnotations(db, [id]);
    if (!full) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return full;
  }

  /** What a change did, read back after it was stored, for clients to apply by id. */
  function changesOf(what: {
    readonly annotationIds?: readonly string[];
    readonly removedAnnotations?: readonly string[];
    /**
     * Articles whose summary changed (besides those of `annotationIds`, always included): those
     * of removed annotations, and articles edited, added or restored.
     */
    readonly articleIds?: readonly string[];
    readonly removedArticles?: readonly string[];
  }): Changes {
    const removed = new Set(what.removedAnnotations);
    const changed = annotations.findAnnotations(
      db,
      (what.annotationIds ?? []).filter((id) => !removed.has(id)),
    );
    // Every article an annotation change touched: its counts and facets come from them.
    const articleIds = new Set([...(what.articleIds ?? []), ...changed.map((a) => a.articleId)]);
    const summaries = [...articleIds].flatMap((id) => articles.findArticleSummary(db, id) ?? []);
    return {
      annotations: changed,
      removedAnnotations: [...removed],
      articles: summaries,
      removedArticles: [...(what.removedArticles ?? [])],
    };
  }

  const storedClaim = (claim: Claim | null, at: string) => storeClaim(db, claim, newId, at);

  function requireLiveLink(id: string): Link {
    const found = links.findLink(db, id);
    if (!found || found.deletedAt !== null)
      throw new ServiceError('not_found', `no link with id ${id}`);
    return found.link;
  }

  /**
   * Stores an imported article, unless the library already has it (the same canonical text, or
   * the same address): then nothing is stored and the reply names the one it has.
   */
  function storeImported(
    { article, format, warnings }: ImportResult,
    origin: ArticleOrigin,
    id: string = newId(),
    sourceFileName: string | null = null,
  ): ImportOutcome {
    const map = buildTextMap(article.document);
    const contentHash = crypto.createHash('sha256').update(map.text).digest('hex');
    const sourceUrl = normalizeAddress(article.sourceUrl) ?? article.sourceUrl;
    const canonicalUrl = pageCanonicalAddress(article.canonicalUrl, sourceUrl);
    const addresses = [sourceUrl, canonicalUrl].filter((a): a is string => a !== null);
    const stored = write(() => {
      const duplicate = articles.findDuplicateArticle(db, { contentHash, addresses });
      if (duplicate) return duplicate;
      articles.insertArticle(db, {
        id,
        title: article.title,
        byline: article.byline,
        site: article.site,
        sourceUrl,
        canonicalUrl,
        publishedAt: article.publishedAt,
        language: article.language,
        direction: article.direction,
        origin,
        sourceFormat: format,
        document: article.document.toJSON() as { type: 'doc' },
        text: map.text,
        contentHash,
        addedAt: now(),
        // Only the base name: where the file was on this machine is not the library's business.
        sourceFileName: origin === 'file' && sourceFileName ? path.basename(sourceFileName) : null,
      });
      return null;
    });
    const summary = articles.findArticleSummary(db, stored?.id ?? id);
    if (!summary) throw new ServiceError('internal', 'the imported article was not stored');
    return {
      article: summary,
      warnings,
      alreadyInLibrary: stored?.reason ?? null,
      changes: stored ? changesOf({}) : changesOf({ articleIds: [id] }),
    };
  }

  function importBytes(
    fileName: string,
    bytes: Uint8Array,
    options: ImportBytesOptions = {},
  ): ImportOutcome {
    const result = importPipeline().importFile(fileName, bytes, {
      resources: options.resources ?? null,
    });
    return storeImported(result, options.origin ?? 'file', options.id, fileName);
  }

  /** The article already in the library at this address, before anything is fetched. */
  function knownAddress(url: string): ImportOutcome | null {
    const address = normalizeAddress(url);
    if (!address) return null;
    const duplicate = articles.findDuplicateArticle(db, { contentHash: '', addresses: [address] });
    const summary = duplicate && articles.findArticleSummary(db, duplicate.id);
    if (!summary) return null;
    return { article: summary, warnings: [], alreadyInLibrary: 'address', changes: changesOf({}) };
  }

  async function importUrl(
    url: string,
    signal?: AbortSignal,
    onFetched: () => void = () => {},
  ): Promise<ImportOutcome> {
    refuseIfReadOnly(); // before anything is fetched
    const known = knownAddress(url);
    if (known) return known;
    const { fetchPage, importFile } = importPipeline();
    const page = await fetchPage(url, signal ? { signal } : {});
    onFetched();
    const result = importFile(page.fileName, page.bytes, {
      charset: page.charset,
      sourceUrl: page.finalUrl,
    });
    return storeImported(
      { ...result, article: { ...result.article, sourceUrl: page.finalUrl } },
      'address',
    );
  }

  function importPaste(html: string | null, text: string | null): ImportOutcome {
    const useHtml = (html ?? '').trim() !== '';
    const fileName = useHtml ? PASTE_HTML_NAME : PASTE_TEXT_NAME;
    // The clipboard's text is already decoded: a `<meta charset>` copied with it says nothing.
    const bytes = new TextEncoder().encode(useHtml ? html! : text!);
    const result = importPipeline().importFile(fileName, bytes, {
      charset: 'utf-8',
    });
    const fallback = path.basename(fileName, path.extname(fileName));
    const title = result.article.title === fallback ? titleFromText(result.article.document) : null;
    return storeImported(
      title ? { ...result, article: { ...result.article, title } } : result,
      'paste',
    );
  }

  async function importFilesJob(
    request: ParsedJobRequest<'importFiles'>,
    context: JobContext<JobProgress<'importFiles'>>,
  ): Promise<JobResult<'importFiles'>> {
    refuseIfReadOnly(); // before any file is read
    const report = await importPipeline().importPaths(
      request,
      context,
      (fileName, bytes, resources) => importBytes(fileName, bytes, { resources }),
    );
    const imported = report.items.flatMap((item) =>
      item.status === 'imported' && item.article ? [item.article.id] : [],
    );
    return { ...report, changes: changesOf({ articleIds: imported }) };
  }

  if (deps.sample && !deps.readOnly && getMeta(db, SAMPLE_SEEDED) === null) {
    const sample = typeof deps.sample === 'function' ? deps.sample() : deps.sample;
    write(() => {
      if (!articles.articleExists(db, sample.id))
        importBytes(sample.fileName, sample.bytes, { id: sample.id, origin: 'sample' });
      setMeta(db, SAMPLE_SEEDED, now());
    });
  }

  /** The exporters, made the first time one is asked for (they load the import pipeline). */
  let madeExports: ReturnType<ImportPipeline['createExports']> | null = null;
  const exports = () => (madeExports ??= importPipeline().createExports({ db, now, newId }));

  const versions = createVersionHandlers({ db, newId, now, write, refuseIfReadOnly, changesOf });
  const suggestions = createClaimSuggestionHandlers({
    db,
    newId,
    now,
    write,
    refuseIfReadOnly,
    changesOf,
    annotationWrites,
  });

  return {
    importBytes,
    importParsed: (result, origin = 'file', fileName) =>
      storeImported(result, origin, undefined, fileName ?? null),
    jobs: {
      importFiles: importFilesJob,
      importUrl: ({ url }, { progress, signal }) => {
        progress({ phase: 'fetching' });
        return importUrl(url, signal, () => progress({ phase: 'reading' }));
      },
      checkArticles: versions.checkArticles,
    },
    ...versions.operations,
    ...suggestions,

    articleText(id) {
      const text = articles.findArticleText(db, id);
      if (text === null) throw new ServiceError('not_found', `no article with id ${id}`);
      return text;
    },

    listArticles: () => ({ articles: articles.listArticles(db) }),

    getArticle: ({ id }) => {
      const article = articles.findArticle(db, id);
      if (!article) throw new ServiceError('not_found', `no article with id ${id}`);
      return { article };
    },

    importArticle: ({ fileName, contentBase64 }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) {
        throw new ServiceError('invalid_request', 'importArticle: contentBase64 is not base64');
      }
      return importBytes(fileName, Buffer.from(contentBase64, 'base64'));
    },

    importUrl: ({ url }) => importUrl(url),

    importPaste: ({ html, text }) => importPaste(html, text),

    updateArticle: ({ id, ...patch }) => {
      const requireDetails = () => {
        const found = articles.findArticleDetails(db, id);
        if (!found) throw new ServiceError('not_found', `no article with id ${id}`);
        return found;
      };
      let previous = requireDetails();
      // A patch that changes nothing writes nothing (a read-only library answers it too).
      if (articleDetailsChange(previous, patch)) {
        previous = write(() => {
          const current = requireDetails(); // under the lock: what it is when it is changed
          const next = articleDetailsChange(current, patch);
          if (!next) return current;
          const at = now();
          articles.updateArticleColumns(db, id, current, next, at);
          if (patch.tags !== undefined) articleTags.setArticleTags(db, id, patch.tags, newId, at);
          return current;
        });
      }
      const changes = changesOf({ articleIds: [id] });
      const article = changes.articles[0];
      if (!article) throw new ServiceError('not_found', `no article with id ${id}`);
      return { article, previous, changes };
    },

    markArticleOpened: ({ id }) => {
      const opened = write(() => articles.markArticleOpened(db, id, now()));
      if (!opened) throw new ServiceError('not_found', `no article with id ${id}`);
      const changes = changesOf({ articleIds: [id] });
      const article = changes.articles[0];
      if (!article) throw new ServiceError('not_found', `no article with id ${id}`);
      return { article, changes };
    },

    deleteArticle: ({ id }) => {
      const linkedFromElsewhere = write(() => {
        const linked = links.annotationIdsLinkedFromOtherArticles(db, id);
        return articles.softDeleteArticle(db, id, now()) ? linked : null;
      });
      if (!linkedFromElsewhere) throw new ServiceError('not_found', `no article with id ${id}`);
      return {
        id,
        changes: changesOf({ annotationIds: linkedFromElsewhere, removedArticles: [id] }),
      };
    },

    restoreArticle: ({ id }) => {
      const live = articles.findArticleSummary(db, id);
      if (live) return { article: live, changes: changesOf({ articleIds: [id] }) };
      const restoredNow = write(() => {
        // Another Marginalia may have restored it while this one waited for the lock.
        if (articles.findArticleSummary(db, id)) return true;
        return articles.restoreArticleRow(db, id, now());
      });
      if (!restoredNow) throw new ServiceError('not_found', `no deleted article with id ${id}`);
      const restored = articles.findArticleSummary(db, id);
      if (!restored) throw new ServiceError('internal', 'the restored article was not found');
      const linkedFromElsewhere = links.annotationIdsLinkedFromOtherArticles(db, id);
      return {
        article: restored,
        changes: changesOf({ annotationIds: linkedFromElsewhere, articleIds: [id] }),
      };
    },

    listTrash: () => ({ articles: trash.listTrashed(db) }),

    // Erased for good, all in one transaction; only what is in the Trash when the lock is ours.
    emptyTrash: ({ ids }) => {
      const erased = write(() => trash.eraseTrashed(db, ids ?? null));
      return { erased: erased.length, changes: changesOf({ removedArticles: erased }) };
    },

    listLibraryAnnotations: () => ({ annotations: listLibraryAnnotations(db) }),

    listAnnotations: ({ articleId }) => {
      if (articles.findArticleText(db, articleId) === null) {
        throw new ServiceError('not_found', `no article with id ${articleId}`);
      }
      return { annotations: annotations.listAnnotations(db, articleId) };
    },

    createAnnotation: (request) => {
      const text = annotationWrites.requireText(request.articleId);
      annotationWrites.checkPassage(text, request);
      const at = now();
      const id = newId();
      write(() => {
        // Under the lock: the article may have been deleted while this waited.
        annotationWrites.requireText(request.articleId);
        annotationWrites.insertInWrite(id, request, at);
      });
      const changes = changesOf({ annotationIds: [id], articleIds: [request.articleId] });
      return { annotation: changes.annotations[0] ?? fullAnnotation(id), changes };
    },

    updateAnnotation: (request) => {
      requireAnnotation(request.id);
      const at = now();
      write(() => {
        // Read under the lock: what is not being changed is written back as it is now, not as it
        // was before waiting (another Marginalia may have saved a note meanwhile).
        const current = requireAnnotation(request.id);
        annotations.updateAnnotationRecord(db, {
          ...current,
          color: request.color ?? current.color,
          note: request.note ?? current.note,
          claim: request.claim === undefined ? current.claim : storedClaim(request.claim, at),
          updatedAt: at,
        });
        if (request.tags) tags.setAnnotationTags(db, current.id, request.tags, newId, at);
      });
      const changes = changesOf({ annotationIds: [request.id] });
      return { annotation: changes.annotations[0] ?? fullAnnotation(request.id), changes };
    },

    deleteAnnotation: ({ id }) => {
      requireAnnotation(id);
      const at = now();
      const { articleId, linked } = write(() => annotationWrites.deleteInWrite(id, at));
      return {
        id,
        changes: changesOf({
          annotationIds: linked,
          removedAnnotations: [id],
          articleIds: [articleId],
        }),
      };
    },

    restoreAnnotation: ({ id }) => {
      const requireDeleted = () => annotationWrites.requireDeleted(id);
      const live = annotations.findAnnotationRecord(db, id);
      if (!live) {
        requireDeleted();
        write(() => {
          // Under the lock: restored meanwhile, or deleted again at another time (its links too).
          if (annotations.findAnnotationRecord(db, id)) return;
          const deleted = requireDeleted();
          annotations.restoreAnnotationRow(db, id, now());
          links.restoreLinksDeletedWith(db, id, deleted.deletedAt);
        });
      }
      const changes = changesOf({
        annotationIds: [id, ...links.linkedAnnotationIds(db, id)],
        articleIds: [(live ?? fullAnnotation(id)).articleId],
      });
      const annotation = changes.annotations.find((a) => a.id === id) ?? fullAnnotation(id);
      return { annotation, changes };
    },

    listTags: () => ({ tags: tags.listTags(db) }),

    renameTag: ({ id, name }) => {
      const renamed = write(() => {
        const previous = tags.listTags(db).find((t) => t.id === id);
        const result = tags.renameTag(db, id, name, now());
        return previous && result ? { previous, result } : null;
      });
      if (!renamed) throw new ServiceError('not_found', `no tag with id ${id}`);
      const { previous, result } = renamed;
      const tag = tags.listTags(db).find((t) => t.id === result.id);
      if (!tag) throw new ServiceError('internal', 'the renamed tag was not stored');
      return {
        tag,
        merged: result.merged,
        previousName: previous.name,
        changes: changesOf({
          annotationIds: tags.annotationIdsWithTag(db, result.id),
          articleIds: articleTags.articleIdsWithTag(db, result.id),
        }),
      };
    },

    listSpeakers: () => ({ speakers: listSpeakers(db) }),

    listClaimTypes: () => ({ types: listClaimTypes(db) }),

    createLink: ({ fromId, toId, relation }) => {
      if (fromId === toId) {
        throw new ServiceError('invalid_request', 'an annotation cannot be linked to itself');
      }
      requireAnnotation(fromId);
      requireAnnotation(toId);
      const ends = { annotationIds: [fromId, toId] };
      const existing = links.findLiveLink(db, fromId, toId, relation);
      if (existing) return { link: existing, created: false, changes: changesOf(ends) };
      const link: Link = { id: newId(), fromId, toId, relation, createdAt: now() };
      const stored = write(() => {
        // Under the lock: either end deleted, or the same link made, while this one waited.
        requireAnnotation(fromId);
        requireAnnotation(toId);
        const made = links.findLiveLink(db, fromId, toId, relation);
        if (made) return made;
        links.insertLink(db, link);
        return link;
      });
      return { link: stored, created: stored === link, changes: changesOf(ends) };
    },

    deleteLink: ({ id }) => {
      const { fromId, toId } = requireLiveLink(id);
      write(() => {
        requireLiveLink(id); // deleted by another Marginalia while this one waited?
        links.softDeleteLink(db, id, now());
      });
      return { id, changes: changesOf({ annotationIds: [fromId, toId] }) };
    },

    restoreLink: ({ id }) => {
      const found = links.findLink(db, id);
      if (!found) throw new ServiceError('not_found', `no link with id ${id}`);
      const ends = () => changesOf({ annotationIds: [found.link.fromId, found.link.toId] });
      if (found.deletedAt === null) return { link: found.link, changes: ends() };
      const { fromId, toId, relation } = found.link;
      /** The live link with these ends, if one was made since; else this one, restored. */
      const restore = (dryRun: boolean): Link => {
        requireAnnotation(fromId);
        requireAnnotation(toId);
        const live = links.findLiveLink(db, fromId, toId, relation);
        if (live) return live;
        if (!dryRun) links.restoreLinkRow(db, id);
        return found.link;
      };
      const duplicate = restore(true);
      if (duplicate !== found.link) return { link: duplicate, changes: ends() };
      return { link: write(() => restore(false)), changes: ends() };
    },

    setReadingPosition: ({ articleId, offset }) => {
      const requireText = () => {
        const text = articles.findArticleText(db, articleId);
        if (text === null) throw new ServiceError('not_found', `no article with id ${articleId}`);
        return text;
      };
      requireText();
      write(() => {
        const { length } = requireText(); // under the lock: deleted meanwhile?
        settings.writeReadingPosition(db, articleId, Math.min(offset, length), now());
      });
      return {};
    },

    getSettings: () => ({ settings: settings.readSettings(db) }),

    updateSettings: ({ patch }) => {
      // A field sent as undefined (Electron's structured clone keeps it) is a field not sent.
      const sent = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as typeof patch;
      // Merged with the settings as they are under the lock, so a setting another Marginalia
      // changed while this one waited is kept.
      const next = write(() => {
        const merged = { ...settings.readSettings(db), ...sent };
        settings.writeSettings(db, merged, now());
        return merged;
      });
      return { settings: next };
    },

    exportArticle: ({ id, format, markdown }) => ({
      file: exports().exportArticle(id, format, markdown),
    }),

    exportLibrary: ({ format }) => ({ file: exports().exportLibrary(format) }),

    exportLibraryToFolder: ({ folder, markdown }) => {
      const at = now();
      const { articleToMarkdown, writeExportFolder } = importPipeline();
      const files = exports()
        .allArticles()
        .map((input) => ({
          articleId: input.article.id,
          stem: articleFileStem(input.article),
          content: articleToMarkdown(input, markdown, at),
        }));
      return writeExportFolder(folder, files);
    },

    importAnnotations: (request) => {
      const report = importPipeline().importAnnotationFile({ db, newId, now, write }, request);
      // A bulk change: the changed articles' annotations are sent whole.
      const articleIds = report.articles.map((a) => a.id);
      // With the annotations elsewhere that imported links reach (they gain a link).
      const annotationIds = articleIds.flatMap((articleId) => [
        ...annotations.annotationIdsOf(db, articleId),
        ...links.annotationIdsLinkedFromOtherArticles(db, articleId),
      ]);
      return { report, changes: changesOf({ annotationIds, articleIds }) };
    },

    getClaimsLedger: () => ({ claims: exports().ledgerClaims() }),
    search: (request) => search(db, request),

    getLibraryStatus: () => {
      if (!deps.status) throw new ServiceError('internal', 'this service has no library status');
      return { status: deps.status() };
    },
    listBackups: (request) => {
      if (!deps.backups) throw new ServiceError('internal', 'this service has no backups');
      return deps.backups.listBackups(request);
    },
    backupNow: (request) =>
      deps.backups
        ? deps.backups.backupNow(request)
        : Promise.reject(new ServiceError('internal', 'this service has no backups')),
    restoreBackup: (request) =>
      deps.backups
        ? deps.backups.restoreBackup(request)
        : Promise.reject(new ServiceError('internal', 'this service has no backups')),
  };
}
