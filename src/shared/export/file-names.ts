/**
 * File names for exports: the article's title made safe on Windows, macOS, Linux and in Obsidian
 * (whose links break on `#^[]|`), plus the end of its id, so two articles with one title never
 * share a file and the same article always gets the same name.
 */

const UNSAFE = /[<>:"/\\|?*#^[\]\p{Cc}\p{Cf}]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_TITLE_CODE_POINTS = 80;

export function safeFileStem(title: string): string {
  let stem = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  stem = [...stem].slice(0, MAX_TITLE_CODE_POINTS).join('');
  stem = stem.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (stem === '') return 'Untitled';
  return WINDOWS_RESERVED.test(stem) ? `${stem} article` : stem;
}

/** "Negotiations continue between Western and Russian diplomats (00000001)". */
export function articleFileStem(article: { readonly id: string; readonly title: string }): string {
  return `${safeFileStem(article.title)} (${article.id.replace(/-/g, '').slice(-8)})`;
}

export const EXPORT_EXTENSIONS = {
  md: { extension: '.md', mediaType: 'text/markdown' },
  jsonld: { extension: '.jsonld', mediaType: 'application/ld+json' },
  claimreview: { extension: '.claimreview.jsonld', mediaType: 'application/ld+json' },
  ledger: { extension: '.md', mediaType: 'text/markdown' },
} as const;
