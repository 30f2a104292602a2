/**
 * The file name a fetched page is imported under: the last segment of its final address (or its
 * host), made safe as a name, with the extension of the format it was served as. The importer
 * chooses its parser by that extension and falls back to the name for a title.
 */
import type { PageFormat } from './content-type';

const EXTENSIONS: Readonly<Record<PageFormat, string>> = {
  html: '.html',
  text: '.txt',
  markdown: '.md',
};

/** Long enough for any real slug, short enough for every file system. */
const MAX_STEM_CHARS = 100;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Segments that name a folder's default document rather than the page. */
const DEFAULT_DOCUMENTS = new Set(['index', 'default', 'home']);

/** A segment or host made safe as a file name's stem, without its extension when asked. */
function safeStem(name: string, dropExtension: boolean): string {
  return (
    (dropExtension ? name.replace(/\.[a-z0-9]{1,5}$/i, '') : name) // story.php → story
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
      .replace(/^[.\s-]+|[.\s-]+$/g, '')
      .slice(0, MAX_STEM_CHARS)
  );
}

export function pageFileName(url: URL, format: PageFormat): string {
  // The last segment that says something: /news/2024/story.php → story; /news/index.html → news.
  const stems = url.pathname
    .split('/')
    .map((segment) => safeStem(decodeSegment(segment), true))
    .filter((stem) => stem !== '' && !DEFAULT_DOCUMENTS.has(stem.toLowerCase()));
  const name = stems[stems.length - 1] || safeStem(url.hostname, false) || 'page';
  return `${name}${EXTENSIONS[format]}`;
}
