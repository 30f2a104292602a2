/**
 * The service's exports: reads what an exporter needs from the store and runs the pure exporters
 * in `src/shared/export` and `src/shared/interop`. Nothing here writes.
 */
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../shared/contract/errors';
import type {
  ExportedFile,
  ExportFormat,
  LIBRARY_EXPORT_FORMATS,
  MarkdownOptions,
} from '../../shared/contract/interop';
import { articleToMarkdown, type ArticleMarkdownInput } from '../../shared/export/article-markdown';
import { toClaimReview } from '../../shared/export/claimreview';
import { articleFileStem, EXPORT_EXTENSIONS } from '../../shared/export/file-names';
import { groupLedger, ledgerToMarkdown } from '../../shared/export/ledger';
import type { ExportedVersion, LedgerClaim } from '../../shared/export/types';
import { toAnnotationCollection } from '../../shared/interop/w3c-writer';
import * as annotations from '../store/annotations';
import * as articles from '../store/articles';
import { readSettings } from '../store/settings';

export interface ExportDeps {
  readonly db: Database;
  /** The export time, ISO 8601. */
  readonly now: () => string;
  readonly newId: () => string;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * The article's current version (number and date), or null when the store keeps no versions
 * (before migration 0009, or an article that has none): an export never fails for want of it.
 */
export function currentVersionReader(db: Database): (articleId: string) => ExportedVersion | null {
  let statement: { get(articleId: string): unknown } | null | undefined;
  return (articleId) => {
    if (statement === undefined) {
      const table = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_versions'")
        .get();
      statement = table
        ? db.prepare(
            'SELECT number, added_at AS addedAt FROM article_versions WHERE article_id = ? ORDER BY number DESC LIMIT 1',
          )
        : null;
    }
    if (statement === null) return null;
    const row = statement.get(articleId) as { number: number; addedAt: string } | undefined;
    return row ? { number: row.number, addedAt: row.addedAt } : null;
  };
}

export function createExports({ db, now, newId }: ExportDeps) {
  const currentVersion = currentVersionReader(db);
  function articleInput(
    id: string,
    colorLabels = readSettings(db).colorLabels,
  ): ArticleMarkdownInput {
    const article = articles.findArticle(db, id);
    if (!article) throw new ServiceError('not_found', `no article with id ${id}`);
    return {
      article,
      text: articles.findArticleText(db, id) ?? '',
      contentHash: article.contentHash,
      document: article.document,
      annotations: annotations.listAnnotations(db, id),
      currentVersion: currentVersion(id),
      colorLabels,
    };
  }

  /** Every live article, oldest first. */
  function allArticles(): ArticleMarkdownInput[] {
    const { colorLabels } = readSettings(db);
    return articles
      .listArticles(db)
      .reverse()
      .map((summary) => articleInput(summary.id, colorLabels));
  }

  function ledgerClaims(): LedgerClaim[] {
    return annotations.articleIdsWithClaims(db).flatMap((articleId) => {
      const article = articles.findArticleSummary(db, articleId);
      if (!article) return [];
      const brief = { id: article.id, title: article.title, publishedAt: article.publishedAt };
      return annotations
        .listAnnotations(db, articleId)
        .filter((annotation) => annotation.claim !== null)
        .map((annotation) => ({ article: brief, annotation }));
    });
  }

  function exportArticle(
    id: string,
    format: ExportFormat,
    markdown: MarkdownOptions,
  ): ExportedFile {
    const input = articleInput(id);
    const at = now();
    const { extension, mediaType } = EXPORT_EXTENSIONS[format];
    const fileName = articleFileStem(input.article) + extension;
    let content: string;
    if (format === 'md') content = articleToMarkdown(input, markdown, at);
    else if (format === 'jsonld')
      content = json(
        toAnnotationCollection({
          articles: [input],
          exportedAt: at,
          label: `Annotations on “${input.article.title}”`,
          collectionId: newId(),
        }),
      );
    else content = json(toClaimReview(input, at));
    return { fileName, mediaType, content };
  }

  function exportLibrary(format: (typeof LIBRARY_EXPORT_FORMATS)[number]): ExportedFile {
    const at = now();
    const day = at.slice(0, 10);
    const { extension, mediaType } = EXPORT_EXTENSIONS[format];
    if (format === 'ledger') {
      const content = ledgerToMarkdown(groupLedger(ledgerClaims()), at);
      return { fileName: `Claims ledger ${day}${extension}`, mediaType, content };
    }
    const inputs = allArticles();
    if (format === 'jsonld') {
      const collection = toAnnotationCollection({
        articles: inputs,
        exportedAt: at,
        label: 'Marginalia library',
        collectionId: newId(),
      });
      return {
        fileName: `Marginalia library ${day}${extension}`,
        mediaType,
        content: json(collection),
      };
    }
    const graph = inputs.flatMap((input) => toClaimReview(input, at)['@graph']);
    const content = json({ '@context': 'https://schema.org', '@graph': graph });
    return { fileName: `Marginalia claims ${day}${extension}`, mediaType, content };
  }

  return { allArticles, ledgerClaims, exportArticle, exportLibrary };
}
