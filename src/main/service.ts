/**
 * The service: every operation of the contract, implemented over the store. Pure TypeScript with
 * its dependencies passed in (a database, a clock, an id source), so tests build it in one line
 * and the Electron glue, the web server and the CLI all call the same code.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../shared/contract/errors';
import type { ServiceHandlers } from '../shared/contract/operations';
import { positionMatchesQuote } from '../shared/anchoring/selectors';
import { buildTextMap } from '../shared/document/canonical-text';
import { importFile } from './import/index';
import type { SampleSource } from './sample';
import * as articles from './store/articles';
import * as annotations from './store/annotations';
import { getMeta, setMeta } from './store/meta';
import * as tags from './store/tags';

export interface ServiceDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly newId: () => string;
  /** Added to the library the first time it is opened, never again. */
  readonly sample?: SampleSource;
}

export type Service = ServiceHandlers & {
  /** Imports a file's bytes directly (the CLI reads files itself; no base64 round trip). */
  importBytes(
    fileName: string,
    bytes: Uint8Array,
    id?: string,
  ): ReturnType<ServiceHandlers['importArticle']>;
};

const SAMPLE_SEEDED = 'sample_seeded';

/** Maps SQLite's own failures to errors the user can act on. */
function translateSqliteError(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') {
    throw new ServiceError(
      'storage_full',
      'The disk or library is full; nothing was saved. Free some space and try again.',
    );
  }
  if (code === 'SQLITE_READONLY') {
    throw new ServiceError('read_only', 'The library is read-only; nothing was saved.');
  }
  throw error;
}

export function createService(deps: ServiceDeps): Service {
  const { db, newId } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  /** Runs `work` in one immediate transaction: all of it is stored, or none. */
  function write<T>(work: () => T): T {
    try {
      return db.transaction(work).immediate();
    } catch (error) {
      return translateSqliteError(error);
    }
  }

  function requireAnnotation(id: string): annotations.AnnotationRecord {
    const found = annotations.findAnnotationRecord(db, id);
    if (!found) throw new ServiceError('not_found', `no annotation with id ${id}`);
    return found;
  }

  function withTags(record: annotations.AnnotationRecord) {
    const list = annotations.listAnnotations(db, record.articleId);
    const full = list.find((a) => a.id === record.id);
    if (!full) throw new ServiceError('not_found', `no annotation with id ${record.id}`);
    return full;
  }

  function importBytes(fileName: string, bytes: Uint8Array, id: string = newId()) {
    const { article, format, warnings } = importFile(fileName, bytes);
    const map = buildTextMap(article.document);
    const addedAt = now();
    write(() =>
      articles.insertArticle(db, {
        id,
        title: article.title,
        byline: article.byline,
        site: article.site,
        sourceUrl: article.sourceUrl,
        publishedAt: article.publishedAt,
        sourceFormat: format,
        document: article.document.toJSON() as { type: 'doc' },
        text: map.text,
        contentHash: crypto.createHash('sha256').update(map.text).digest('hex'),
        addedAt,
      }),
    );
    const summary = articles.listArticles(db).find((a) => a.id === id);
    if (!summary) throw new ServiceError('internal', 'the imported article was not stored');
    return { article: summary, warnings };
  }

  if (deps.sample && getMeta(db, SAMPLE_SEEDED) === null) {
    const sample = deps.sample;
    write(() => {
      if (!articles.articleExists(db, sample.id))
        importBytes(sample.fileName, sample.bytes, sample.id);
      setMeta(db, SAMPLE_SEEDED, now());
    });
  }

  return {
    importBytes,

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

    deleteArticle: ({ id }) => {
      if (!write(() => articles.softDeleteArticle(db, id, now()))) {
        throw new ServiceError('not_found', `no article with id ${id}`);
      }
      return { id };
    },

    listAnnotations: ({ articleId }) => {
      if (articles.findArticleText(db, articleId) === null) {
        throw new ServiceError('not_found', `no article with id ${articleId}`);
      }
      return { annotations: annotations.listAnnotations(db, articleId) };
    },

    createAnnotation: (request) => {
      const text = articles.findArticleText(db, request.articleId);
      if (text === null)
        throw new ServiceError('not_found', `no article with id ${request.articleId}`);
      if (!positionMatchesQuote(text, request)) {
        throw new ServiceError(
          'invalid_anchor',
          `the quote does not match the article's text at ${request.position.start}-${request.position.end}`,
        );
      }
      const at = now();
      const record: annotations.AnnotationRecord = {
        id: newId(),
        articleId: request.articleId,
        quote: request.quote,
        position: request.position,
        color: request.color,
        note: request.note,
        claim: request.claim,
        createdAt: at,
        updatedAt: at,
      };
      write(() => {
        annotations.insertAnnotation(db, record);
        tags.setAnnotationTags(db, record.id, request.tags, newId, at);
      });
      return { annotation: withTags(record) };
    },

    updateAnnotation: (request) => {
      const current = requireAnnotation(request.id);
      const at = now();
      const next: annotations.AnnotationRecord = {
        ...current,
        color: request.color ?? current.color,
        note: request.note ?? current.note,
        claim: request.claim === undefined ? current.claim : request.claim,
        updatedAt: at,
      };
      write(() => {
        annotations.updateAnnotationRecord(db, next);
        if (request.tags) tags.setAnnotationTags(db, next.id, request.tags, newId, at);
      });
      return { annotation: withTags(next) };
    },

    deleteAnnotation: ({ id }) => {
      requireAnnotation(id);
      const at = now();
      write(() => {
        annotations.softDeleteAnnotation(db, id, at);
        annotations.softDeleteLinksOf(db, id, at);
      });
      return { id };
    },

    listTags: () => ({ tags: tags.listTags(db) }),
  };
}
