/**
 * File names for exports: the article's title made safe on Windows, macOS, Linux and in Obsidian
 * (whose links break on `#^[]|`), plus the end of its id, so two articles with one title never
 * share a file and the same article always gets the same name.
 */

const UNSAFE = /[<>:"/\\|?*#^[\]\p{Cc}\p{Cf}\p{Cs}]/gu;
/** Device names Windows reserves, alone or before an extension (`aux.notes` is `aux` too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *$/i;
const MAX_TITLE_CODE_POINTS = 80;
/**
 * File systems allow 255 bytes a name (UTF-8 on Linux and macOS): a title of emoji or CJK must
 * leave room for the id, the other-name fallback, the extension and a temporary file's affixes.
 */
const MAX_TITLE_BYTES = 150;

function utf8Length(codePoint: string): number {
  const value = codePoint.codePointAt(0) ?? 0;
  return value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;
}

/** The first code points of `text` that fit the code point and byte limits. */
function shortened(text: string): string {
  let bytes = 0;
  let kept = '';
  let count = 0;
  for (const codePoint of text) {
    bytes += utf8Length(codePoint);
    if (++count > MAX_TITLE_CODE_POINTS || bytes > MAX_TITLE_BYTES) break;
    kept += codePoint;
  }
  return kept;
}

export function safeFileStem(title: string): string {
  let stem = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  stem = shortened(stem);
  stem = stem.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (stem === '') return 'Untitled';
  const device = stem.split('.')[0]!;
  return WINDOWS_RESERVED.test(device)
    ? `${device.trimEnd()} article${stem.slice(device.length)}`
    : stem;
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
