/**
 * An article's annotations as one Markdown file for Obsidian: YAML front matter, a claims table,
 * then the annotations (in document order, or grouped), and optionally the article's own text
 * (written by document-markdown.ts).
 * The format is documented in the README with the sample article's output.
 */
import { stringify } from 'yaml';
import { colorName, relationWords, type ColorLabels } from '../annotations/wording';
import { HIGHLIGHT_COLORS, type Annotation, type DocumentJson } from '../contract/entities';
import type { MarkdownOptions } from '../contract/interop';
import { plural } from '../text/plural';
import { annotationToMarkdown, obsidianTag } from './annotation-markdown';
import { passageLink } from './deep-link';
import { documentToMarkdown } from './document-markdown';
import { escapeInline, linkDestination, markdownBlock, tableCell } from './markdown-text';
import { versionAddedAt, type ArticleWithAnnotations } from './types';

export interface ArticleMarkdownInput extends ArticleWithAnnotations {
  /** The article as ProseMirror JSON; needed only with `includeText`. */
  readonly document: DocumentJson | null;
  readonly colorLabels?: ColorLabels;
}

/** The front matter key that marks a file as ours, and for which article. */
export const ID_KEY = 'marginalia-id';
const EXPORTED_KEY = 'exported';

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

function frontMatter(input: ArticleMarkdownInput, exportedAt: string): string {
  const { article, annotations } = input;
  const fields: Record<string, unknown> = { title: article.title };
  if (article.byline) fields['author'] = article.byline;
  if (article.site) fields['site'] = article.site;
  if (article.sourceUrl) fields['source'] = article.sourceUrl;
  if (article.publishedAt) fields['published'] = article.publishedAt;
  fields[EXPORTED_KEY] = exportedAt;
  fields['tags'] = uniqueSorted(annotations.flatMap((a) => a.tags.map(obsidianTag)));
  fields['speakers'] = uniqueSorted(
    annotations.flatMap((a) => (a.claim?.speaker ? [a.claim.speaker] : [])),
  );
  fields[ID_KEY] = article.id;
  return `---\n${stringify(fields, { lineWidth: 0 })}---`;
}

/** What answers a claim: the links that point at it ("denied by “…”"). */
function answers(annotation: Annotation): string {
  return annotation.links
    .filter((link) => link.direction === 'incoming')
    .map((link) => `${relationWords(link.relation, 'incoming')}: “${link.otherQuote}”`)
    .join('\n');
}

function claimsTable(annotations: readonly Annotation[]): string | null {
  const claims = annotations.filter((a) => a.claim !== null);
  if (claims.length === 0) return null;
  const rows = claims.map((a) => {
    const claim = a.claim!;
    const cells = [
      tableCell(a.quote.exact),
      tableCell(claim.type),
      tableCell(claim.speaker ?? ''),
      claim.status,
      tableCell(answers(a)),
      `[open](${linkDestination(passageLink(a.articleId, a.id))})`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '## Claims',
    '',
    '| Claim | Type | Speaker | Status | Answered by | Passage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

interface Group {
  readonly heading: string;
  readonly annotations: Annotation[];
}

/** Annotations in groups, each group in document order; the "none of these" group comes last. */
function groups(
  annotations: readonly Annotation[],
  groupBy: MarkdownOptions['groupBy'],
  labels: ColorLabels,
): Group[] {
  if (groupBy === 'color') {
    return HIGHLIGHT_COLORS.map((color) => ({
      heading: colorName(color, labels),
      annotations: annotations.filter((a) => a.color === color),
    })).filter((g) => g.annotations.length > 0);
  }
  const keysOf = (a: Annotation): string[] => {
    if (groupBy === 'tag') return a.tags;
    if (groupBy === 'claim-type') return a.claim ? [a.claim.type] : [];
    return a.claim?.speaker ? [a.claim.speaker] : [];
  };
  const rest =
    groupBy === 'tag' ? 'Untagged' : groupBy === 'claim-type' ? 'Not a claim' : 'No speaker';
  const byKey = new Map<string, Annotation[]>();
  const others: Annotation[] = [];
  for (const a of annotations) {
    const keys = keysOf(a);
    if (keys.length === 0) others.push(a);
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(a);
      else byKey.set(key, [a]);
    }
  }
  const named = [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([heading, list]) => ({ heading, annotations: list }));
  return others.length > 0 ? [...named, { heading: rest, annotations: others }] : named;
}

const GROUP_TITLES: Record<MarkdownOptions['groupBy'], string> = {
  none: 'Annotations',
  tag: 'Annotations by tag',
  'claim-type': 'Annotations by claim type',
  speaker: 'Annotations by speaker',
  color: 'Annotations by colour',
};

function articleText(input: ArticleMarkdownInput): string {
  if (input.document) return documentToMarkdown(input.document);
  return input.text
    .split('\n\n')
    .map((block) => markdownBlock(block))
    .join('\n\n');
}

export function articleToMarkdown(
  input: ArticleMarkdownInput,
  options: MarkdownOptions,
  exportedAt: string,
): string {
  const { article, annotations } = input;
  const labels = input.colorLabels ?? { yellow: '', green: '', blue: '', pink: '', purple: '' };
  const claimCount = annotations.filter((a) => a.claim).length;
  const counts = `${plural(annotations.length, 'annotation', 'annotations')}, ${plural(claimCount, 'claim', 'claims')}`;
  const sections = [
    frontMatter(input, exportedAt),
    `# ${escapeInline(article.title)}`,
    [
      article.sourceUrl
        ? `Source: [${escapeInline(article.sourceUrl)}](${linkDestination(article.sourceUrl)})`
        : null,
      `[Open in Marginalia](${linkDestination(passageLink(article.id))}) · ${counts}`,
    ]
      .filter((line) => line !== null)
      .join('\\\n'),
  ];
  const table = claimsTable(annotations);
  if (table) sections.push(table);
  if (annotations.length > 0) {
    sections.push(`## ${GROUP_TITLES[options.groupBy]}`);
    const each = { colorLabels: labels, versionAddedAt: versionAddedAt(input) };
    const render = (a: Annotation) => annotationToMarkdown(a, each);
    if (options.groupBy === 'none') {
      sections.push(...annotations.map(render));
    } else {
      for (const group of groups(annotations, options.groupBy, labels)) {
        sections.push(`### ${escapeInline(group.heading)} (${group.annotations.length})`);
        sections.push(...group.annotations.map(render));
      }
    }
  }
  if (options.includeText) sections.push('## Article text', articleText(input));
  return sections.join('\n\n') + '\n';
}

/** The article id in a file's front matter when the file is one of our exports, else null. */
export function exportedArticleId(content: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(content);
  if (!match) return null;
  const line = new RegExp(`^${ID_KEY}: *"?([0-9a-f-]{36})"? *$`, 'm').exec(match[1] ?? '');
  return line?.[1] ?? null;
}

/** The file without its export time, to tell whether a re-export changes anything. */
export function withoutExportTime(content: string): string {
  return content.replace(new RegExp(`^${EXPORTED_KEY}: .*$`, 'm'), '');
}
