/**
 * One annotation as Markdown: the exact quote as a blockquote, then its note, then a short list of
 * its colour, tags, claim, links, changed words and a link back into the app. Used by the article
 * export and by "Copy as Markdown", so both read the same.
 */
import { colorName, excerpt, relationWords, type ColorLabels } from '../annotations/wording';
import type { Annotation, AnnotationLink } from '../contract/entities';
import { wordDiff } from '../text/word-diff';
import { passageLink } from './deep-link';
import { escapeInline, linkDestination, markdownBlock, markdownBlockquote } from './markdown-text';
import type { ExportedArticle } from './types';

const NO_LABELS: ColorLabels = { yellow: '', green: '', blue: '', pink: '', purple: '' };

/**
 * A tag as Obsidian reads `#tag`: letters, digits, `-`, `_` and `/`; anything else (spaces,
 * punctuation) becomes `-`. The exact names stay in the front matter's `tags`.
 */
export function obsidianTag(name: string): string {
  const tag = name
    .trim()
    .replace(/[^\p{L}\p{N}\p{M}_/-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return tag === '' ? 'tag' : tag;
}

/** `#tag` words, escaped so the `_` in a tag stays literal in CommonMark too. */
export function tagWords(tags: readonly string[]): string {
  return tags.map((tag) => `#${obsidianTag(tag).replace(/_/g, '\\_')}`).join(' ');
}

/** “excerpt” of a quote, on one line. */
function quoted(text: string, maxChars = 80): string {
  return `“${escapeInline(excerpt(text, maxChars))}”`;
}

/** "Denied by: “which Russia denies” ([open](marginalia://…))". */
export function linkLine(link: AnnotationLink): string {
  const words = relationWords(link.relation, link.direction);
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  const href = linkDestination(passageLink(link.otherArticleId, link.otherId));
  return `${label}: ${quoted(link.otherQuote)} ([open](${href}))`;
}

/** "12 Feb 2026": a version's date as the Markdown says it, in UTC (the same on every machine). */
export function versionDate(timestamp: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(timestamp));
}

/**
 * The words that changed between the passage as annotated and as it reads now: removed words
 * struck through, added words in bold, and (when the article has had more than one version) the
 * date of the version the new words come from. The diff is over whole words, so every `~~` and
 * `**` sits between a space and a word, where CommonMark and Obsidian always read it as a
 * delimiter.
 */
export function changedQuoteLine(
  original: string,
  current: string,
  versionAddedAt: string | null = null,
): string {
  const phrase = (list: readonly string[]) => list.map((word) => escapeInline(word)).join(' ');
  const parts = wordDiff(original, current).map((run) => {
    if (run.kind === 'removed') return `~~${phrase(run.words)}~~`;
    if (run.kind === 'inserted') return `**${phrase(run.words)}**`;
    return phrase(run.words);
  });
  const lead =
    versionAddedAt === null
      ? 'Passage changed since it was annotated'
      : `Passage changed, as of the version of ${versionDate(versionAddedAt)}`;
  return `${lead}: ${parts.join(' ')}`;
}

export interface AnnotationMarkdownOptions {
  readonly colorLabels?: ColorLabels;
  /** When the article's current version was added, if it has had more than one; else null. */
  readonly versionAddedAt?: string | null;
}

export function annotationToMarkdown(
  annotation: Annotation,
  options: AnnotationMarkdownOptions = {},
): string {
  const blocks = [markdownBlockquote(annotation.quote.exact)];
  if (annotation.note.trim() !== '') blocks.push(markdownBlock(annotation.note));
  const facts = [
    `Colour: ${escapeInline(colorName(annotation.color, options.colorLabels ?? NO_LABELS))}`,
  ];
  if (annotation.tags.length > 0) facts.push(`Tags: ${tagWords(annotation.tags)}`);
  if (annotation.claim) {
    const { type, speaker, status } = annotation.claim;
    const who = speaker ? ` · attributed to ${escapeInline(speaker)}` : '';
    facts.push(`Claim: ${escapeInline(type)}${who} · ${status}`);
  }
  for (const link of annotation.links) facts.push(linkLine(link));
  if (annotation.anchor.status === 'orphan') {
    const versionAddedAt = options.versionAddedAt ?? null;
    facts.push(
      versionAddedAt === null
        ? 'Passage not found in the article’s text (imported onto a text without it)'
        : `Passage not found in the version of ${versionDate(versionAddedAt)}`,
    );
  }
  if (annotation.originalQuote !== null && annotation.originalQuote !== annotation.quote.exact) {
    facts.push(
      changedQuoteLine(
        annotation.originalQuote,
        annotation.quote.exact,
        options.versionAddedAt ?? null,
      ),
    );
  }
  facts.push(
    `[Open in Marginalia](${linkDestination(passageLink(annotation.articleId, annotation.id))})`,
  );
  blocks.push(facts.map((fact) => `- ${fact}`).join('\n'));
  return blocks.join('\n\n');
}

/** Several annotations for the clipboard: where they come from, then each in turn. */
export function annotationsToMarkdown(
  article: Pick<ExportedArticle, 'id' | 'title'>,
  annotations: readonly Annotation[],
  options: AnnotationMarkdownOptions = {},
): string {
  const source = `From [${escapeInline(article.title)}](${linkDestination(passageLink(article.id))})`;
  return [source, ...annotations.map((a) => annotationToMarkdown(a, options))].join('\n\n') + '\n';
}
