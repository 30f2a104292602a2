/** Valid entities and a recording fake of every handler, for the contract's tests. */
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type ArticleSummary,
  type Link,
} from '../../../src/shared/contract/entities';
import type { OperationName } from '../../../src/shared/contract/operation-names';
import type { ServiceHandlers } from '../../../src/shared/contract/operations';
import type { Backup } from '../../../src/shared/contract/library-safety';
import type { TrashedArticle } from '../../../src/shared/contract/trash';
import type { VersionSummary } from '../../../src/shared/contract/versions';
import type { SuggestionDismissal } from '../../../src/shared/contract/claim-suggestions';
import { buildAnnotation, changesOf } from '../../support/annotation-builder';

export const ARTICLE_ID = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
export const ANNOTATION_ID = '0190d6e4-9a00-7b11-8c22-334455667788';
export const TAG_ID = '0190d6e5-0000-7000-a000-000000000001';
export const OTHER_ID = '0190d6e4-9a00-7b11-8c22-334455667799';
export const LINK_ID = '0190d6e5-0000-7000-a000-000000000002';
export const SPEAKER_ID = '0190d6e5-0000-7000-a000-000000000003';
export const DISMISSAL_ID = '0190d6e5-0000-7000-a000-000000000004';

export const summary: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-05-01T10:00:00.000Z',
  annotationCount: 1,
  canonicalUrl: null,
  language: null,
  direction: null,
  origin: 'file',
  sourceFileName: null,
  lastOpenedAt: null,
  claimCount: 0,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
};

/** The summary's article as the Trash lists it. */
export const trashedArticle: TrashedArticle = {
  id: ARTICLE_ID,
  title: summary.title,
  byline: summary.byline,
  site: summary.site,
  publishedAt: summary.publishedAt,
  addedAt: summary.addedAt,
  deletedAt: '2024-05-03T08:00:00.000Z',
  annotationCount: 1,
};

export const annotation: Annotation = buildAnnotation({
  id: ANNOTATION_ID,
  articleId: ARTICLE_ID,
  quote: {
    exact: 'false-flag operation',
    prefix: 'Russia was planning a ',
    suffix: '. On January',
  },
  position: { start: 1251, end: 1271 },
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00+02:00',
});

const changes = changesOf();

export const dismissal: SuggestionDismissal = {
  id: DISMISSAL_ID,
  articleId: ARTICLE_ID,
  quote: annotation.quote,
  position: annotation.position,
  speaker: 'Russia',
  createdAt: '2024-05-01T10:00:00.000Z',
};

const exportedFile = { fileName: 'a.md', mediaType: 'text/markdown', content: '# a\n' };

export const link: Link = {
  id: LINK_ID,
  fromId: OTHER_ID,
  toId: ANNOTATION_ID,
  relation: 'denies',
  createdAt: '2024-05-01T10:00:00.000Z',
};

export const version: VersionSummary = {
  id: '0190d6e5-0000-7000-a000-000000000004',
  articleId: ARTICLE_ID,
  number: 2,
  addedAt: '2024-05-02T10:00:00.000Z',
  source: 'address',
  sourceName: 'https://example.org/news/a',
  title: summary.title,
  contentHash: 'sha256:1',
  textLength: 2000,
  report: {
    unchanged: 3,
    moved: 1,
    changed: 1,
    orphaned: 1,
    claimsChanged: 1,
    claimsOrphaned: 0,
  },
  current: true,
};

const versionOutcome = {
  status: 'updated' as const,
  article: summary,
  version,
  report: version.report,
  warnings: [],
  changes,
};

export const backup: Backup = {
  file: '/data/backups/marginalia.db.daily.bak',
  kind: 'daily',
  createdAt: '2024-05-02T09:00:00.000Z',
  schemaVersion: 5,
  articles: 3,
  annotations: 12,
  bytes: 65536,
};

/** A request each operation accepts as it stands. */
export const validRequests: Record<OperationName, unknown> = {
  listArticles: {},
  getArticle: { id: ARTICLE_ID },
  importArticle: { fileName: 'a.txt', contentBase64: 'aGVsbG8=' },
  importUrl: { url: 'https://example.org/news/a' },
  importPaste: { html: '<p>Hello</p>', text: 'Hello' },
  updateArticle: { id: ARTICLE_ID, title: 'A new title', byline: null, tags: ['Geneva'] },
  markArticleOpened: { id: ARTICLE_ID },
  deleteArticle: { id: ARTICLE_ID },
  restoreArticle: { id: ARTICLE_ID },
  listTrash: {},
  emptyTrash: { ids: [ARTICLE_ID] },
  listLibraryAnnotations: {},
  listAnnotations: { articleId: ARTICLE_ID },
  createAnnotation: {
    articleId: ARTICLE_ID,
    quote: annotation.quote,
    position: annotation.position,
  },
  updateAnnotation: { id: ANNOTATION_ID, note: 'denied by Moscow' },
  deleteAnnotation: { id: ANNOTATION_ID },
  restoreAnnotation: { id: ANNOTATION_ID },
  listTags: {},
  renameTag: { id: TAG_ID, name: 'false flag' },
  listSpeakers: {},
  listClaimTypes: {},
  createLink: { fromId: OTHER_ID, toId: ANNOTATION_ID, relation: 'denies' },
  deleteLink: { id: LINK_ID },
  restoreLink: { id: LINK_ID },
  setReadingPosition: { articleId: ARTICLE_ID, offset: 120 },
  getSettings: {},
  updateSettings: { patch: { theme: 'sepia' } },
  exportArticle: { id: ARTICLE_ID, format: 'md' },
  exportLibrary: { format: 'ledger' },
  exportLibraryToFolder: { folder: '/tmp/vault' },
  importAnnotations: { fileName: 'notes.jsonld', content: '[]' },
  getClaimsLedger: {},
  getLibraryStatus: {},
  listBackups: {},
  backupNow: {},
  restoreBackup: { file: '/data/backups/marginalia.db.daily.bak' },
  search: { query: 'envoy' },
  listVersions: { articleId: ARTICLE_ID },
  getArticleVersion: { articleId: ARTICLE_ID, number: 1 },
  diffVersions: { articleId: ARTICLE_ID, from: 1, to: 2 },
  dismissVersionNotice: { articleId: ARTICLE_ID },
  updateArticleFromFile: { id: ARTICLE_ID, fileName: 'a.txt', contentBase64: 'aGVsbG8=' },
  checkForChanges: { id: ARTICLE_ID },
  reattachAnnotation: { id: ANNOTATION_ID, quote: annotation.quote, position: annotation.position },
  restoreAnnotationPlace: {
    id: ANNOTATION_ID,
    place: {
      quote: annotation.quote,
      position: annotation.position,
      originalQuote: null,
      anchor: { status: 'orphan' },
    },
  },
  createAnnotations: {
    articleId: ARTICLE_ID,
    annotations: [{ quote: annotation.quote, position: annotation.position }],
  },
  deleteAnnotations: { ids: [ANNOTATION_ID] },
  restoreAnnotations: { ids: [ANNOTATION_ID] },
  listSuggestionDismissals: { articleId: ARTICLE_ID },
  dismissSuggestion: {
    articleId: ARTICLE_ID,
    quote: annotation.quote,
    position: annotation.position,
    speaker: 'Russia',
  },
  undismissSuggestion: { id: DISMISSAL_ID },
};

/** Handlers answering valid responses and recording every request they receive. */
export function fakeHandlers(): {
  handlers: ServiceHandlers;
  calls: { operation: OperationName; request: unknown }[];
} {
  const calls: { operation: OperationName; request: unknown }[] = [];
  const record = (operation: OperationName, request: unknown) => calls.push({ operation, request });
  const handlers: ServiceHandlers = {
    listArticles: (r) => (record('listArticles', r), { articles: [summary] }),
    getArticle: (r) => (
      record('getArticle', r),
      {
        article: {
          ...summary,
          document: { type: 'doc', content: [{ type: 'paragraph' }] },
          contentHash: 'sha256:0',
          damaged: false,
          readingPosition: null,
        },
      }
    ),
    importArticle: (r) => (
      record('importArticle', r),
      { article: summary, warnings: [], alreadyInLibrary: null, changes }
    ),
    importUrl: (r) => (
      record('importUrl', r),
      Promise.resolve({ article: summary, warnings: [], alreadyInLibrary: null, changes })
    ),
    importPaste: (r) => (
      record('importPaste', r),
      { article: summary, warnings: [], alreadyInLibrary: null, changes }
    ),
    updateArticle: (r) => (
      record('updateArticle', r),
      {
        article: summary,
        previous: {
          title: summary.title,
          byline: summary.byline,
          site: summary.site,
          publishedAt: summary.publishedAt,
          sourceUrl: summary.sourceUrl,
          tags: summary.tags,
        },
        changes,
      }
    ),
    markArticleOpened: (r) => (record('markArticleOpened', r), { article: summary, changes }),
    deleteArticle: (r) => (record('deleteArticle', r), { id: r.id, changes }),
    restoreArticle: (r) => (record('restoreArticle', r), { article: summary, changes }),
    listTrash: (r) => (record('listTrash', r), { articles: [trashedArticle] }),
    emptyTrash: (r) => (record('emptyTrash', r), { erased: 1, changes }),
    listLibraryAnnotations: (r) => (record('listLibraryAnnotations', r), { annotations: [] }),
    listAnnotations: (r) => (record('listAnnotations', r), { annotations: [annotation] }),
    createAnnotation: (r) => (
      record('createAnnotation', r),
      {
        annotation: { ...annotation, color: r.color, note: r.note, tags: r.tags, claim: r.claim },
        changes,
      }
    ),
    updateAnnotation: (r) => (record('updateAnnotation', r), { annotation, changes }),
    deleteAnnotation: (r) => (record('deleteAnnotation', r), { id: r.id, changes }),
    restoreAnnotation: (r) => (record('restoreAnnotation', r), { annotation, changes }),
    listTags: (r) => (
      record('listTags', r),
      { tags: [{ id: TAG_ID, name: 'claims', annotationCount: 2 }] }
    ),
    renameTag: (r) => (
      record('renameTag', r),
      {
        tag: { id: TAG_ID, name: r.name, annotationCount: 2 },
        merged: false,
        previousName: 'claims',
        changes,
      }
    ),
    listSpeakers: (r) => (
      record('listSpeakers', r),
      { speakers: [{ id: SPEAKER_ID, name: 'Russia', claimCount: 1 }] }
    ),
    listClaimTypes: (r) => (record('listClaimTypes', r), { types: ['accusation', 'denial'] }),
    createLink: (r) => (record('createLink', r), { link, created: true, changes }),
    deleteLink: (r) => (record('deleteLink', r), { id: r.id, changes }),
    restoreLink: (r) => (record('restoreLink', r), { link, changes }),
    setReadingPosition: (r) => (record('setReadingPosition', r), {}),
    getSettings: (r) => (
      record('getSettings', r),
      { settings: { ...DEFAULT_SETTINGS, colorLabels: { ...DEFAULT_SETTINGS.colorLabels } } }
    ),
    updateSettings: (r) => (
      record('updateSettings', r),
      {
        settings: {
          ...DEFAULT_SETTINGS,
          colorLabels: { ...DEFAULT_SETTINGS.colorLabels },
          ...r.patch,
        },
      }
    ),
    exportArticle: (r) => (record('exportArticle', r), { file: exportedFile }),
    exportLibrary: (r) => (record('exportLibrary', r), { file: exportedFile }),
    exportLibraryToFolder: (r) => (
      record('exportLibraryToFolder', r),
      { folder: r.folder, created: ['a.md'], updated: [], unchanged: [], skipped: [] }
    ),
    importAnnotations: (r) => (
      record('importAnnotations', r),
      {
        report: {
          format: 'w3c',
          total: 1,
          anchored: 1,
          changed: 0,
          orphaned: 0,
          alreadyPresent: 0,
          linksCreated: 0,
          linksUnresolved: 0,
          otherPages: 0,
          articles: [{ id: ARTICLE_ID, title: summary.title, imported: 1 }],
          orphans: [],
          warnings: [],
        },
        changes,
      }
    ),
    getClaimsLedger: (r) => (
      record('getClaimsLedger', r),
      {
        claims: [
          { article: { id: ARTICLE_ID, title: summary.title, publishedAt: null }, annotation },
        ],
      }
    ),
    getLibraryStatus: (r) => (
      record('getLibraryStatus', r),
      {
        status: {
          file: '/data/marginalia.db',
          backupsFolder: '/data/backups',
          readOnly: null,
          recovered: null,
        },
      }
    ),
    listBackups: (r) => (record('listBackups', r), { backups: [backup] }),
    backupNow: (r) => (record('backupNow', r), Promise.resolve({ backup })),
    restoreBackup: (r) => (
      record('restoreBackup', r),
      Promise.resolve({
        restored: backup,
        keptAside: { ...backup, kind: 'before-restore' as const },
      })
    ),
    search: (r) => (
      record('search', r),
      {
        groups: [
          {
            article: { id: ARTICLE_ID, title: summary.title, site: summary.site },
            titleMatch: false,
            hits: [
              {
                kind: 'note' as const,
                annotationId: ANNOTATION_ID,
                offset: 0,
                snippet: {
                  parts: [{ text: 'envoy', match: true }],
                  truncatedStart: false,
                  truncatedEnd: false,
                },
              },
            ],
            moreAnnotations: 0,
          },
        ],
        total: 1,
      }
    ),
    listVersions: (r) => (
      record('listVersions', r),
      {
        versions: [{ ...version, number: 1, report: null, current: false }, version],
        noticeDismissed: false,
      }
    ),
    getArticleVersion: (r) => (
      record('getArticleVersion', r),
      { version, document: { type: 'doc', content: [{ type: 'paragraph' }] }, anchors: [] }
    ),
    diffVersions: (r) => (
      record('diffVersions', r),
      {
        from: { ...version, number: 1, report: null, current: false },
        to: version,
        changes: [
          {
            kind: 'changed' as const,
            parts: [
              { kind: 'same' as const, text: 'which Russia ' },
              { kind: 'removed' as const, text: 'denies' },
              { kind: 'inserted' as const, text: 'has denied' },
            ],
            fromOffset: 10,
            toOffset: 10,
          },
        ],
        wordsRemoved: 1,
        wordsInserted: 2,
      }
    ),
    dismissVersionNotice: (r) => (record('dismissVersionNotice', r), {}),
    updateArticleFromFile: (r) => (record('updateArticleFromFile', r), versionOutcome),
    checkForChanges: (r) => (record('checkForChanges', r), Promise.resolve(versionOutcome)),
    reattachAnnotation: (r) => (
      record('reattachAnnotation', r),
      {
        annotation,
        previous: {
          quote: annotation.quote,
          position: annotation.position,
          originalQuote: null,
          anchor: { status: 'orphan' as const },
        },
        changes,
      }
    ),
    restoreAnnotationPlace: (r) => (record('restoreAnnotationPlace', r), { annotation, changes }),
    createAnnotations: (r) => (
      record('createAnnotations', r),
      { annotations: [annotation], changes }
    ),
    deleteAnnotations: (r) => (record('deleteAnnotations', r), { ids: [ANNOTATION_ID], changes }),
    restoreAnnotations: (r) => (
      record('restoreAnnotations', r),
      { annotations: [annotation], changes }
    ),
    listSuggestionDismissals: (r) => (
      record('listSuggestionDismissals', r),
      { dismissals: [dismissal] }
    ),
    dismissSuggestion: (r) => (record('dismissSuggestion', r), { dismissal }),
    undismissSuggestion: (r) => (record('undismissSuggestion', r), { dismissal }),
  };
  return { handlers, calls };
}
