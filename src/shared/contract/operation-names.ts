/**
 * The names of the contract's operations, alone, so the preload can build `window.marginalia`
 * without bundling the schemas.
 */
export const OPERATION_NAMES = [
  'listArticles',
  'getArticle',
  'importArticle',
  'importUrl',
  'importPaste',
  'updateArticle',
  'markArticleOpened',
  'deleteArticle',
  'restoreArticle',
  'listTrash',
  'emptyTrash',
  'listLibraryAnnotations',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'listTags',
  'renameTag',
  'listSpeakers',
  'listClaimTypes',
  'createLink',
  'deleteLink',
  'restoreLink',
  'setReadingPosition',
  'getSettings',
  'updateSettings',
  'exportArticle',
  'exportLibrary',
  'exportLibraryToFolder',
  'importAnnotations',
  'getClaimsLedger',
  'getLibraryStatus',
  'listBackups',
  'backupNow',
  'restoreBackup',
  'search',
  'listVersions',
  'getArticleVersion',
  'diffVersions',
  'dismissVersionNotice',
  'updateArticleFromFile',
  'checkForChanges',
  'reattachAnnotation',
  'restoreAnnotationPlace',
  'createAnnotations',
  'deleteAnnotations',
  'restoreAnnotations',
  'listSuggestionDismissals',
  'dismissSuggestion',
  'undismissSuggestion',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export function isOperationName(name: string): name is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(name);
}

/** The single IPC channel every operation travels on; the operation name is its first argument. */
export const IPC_CHANNEL = 'marginalia:invoke';

/** The IPC channels of jobs in the desktop app. */
export const JOB_CHANNELS = {
  /** invoke(jobId, name, payload) → Result, when the job ends. */
  run: 'marginalia:job',
  /** main → window: (jobId, progress). */
  progress: 'marginalia:job-progress',
  /** window → main: (jobId). */
  cancel: 'marginalia:job-cancel',
} as const;
