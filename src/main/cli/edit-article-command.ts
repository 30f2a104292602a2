/**
 * `marginalia edit-article <id> [--title T] [--byline B] [--site S] [--published YYYY-MM-DD]
 * [--source-url URL] [--tags a,b,c] [--json]`: corrects an article's details as Article details
 * does. An empty value clears a field (`--byline ""`; `--tags ""` removes every tag; a title
 * cannot be cleared). Prints each field that changed, as `field: before → after`.
 */
import type { Command } from 'commander';
import type { ArticleDetails, ArticleDetailsPatch } from '../../shared/contract/article-details';
import type { Client } from '../../shared/contract/operations';

export interface EditArticleCliContext {
  readonly client: () => Pick<Client, 'updateArticle'>;
  readonly stdout: (text: string) => void;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

interface EditOptions {
  title?: string;
  byline?: string;
  site?: string;
  published?: string;
  sourceUrl?: string;
  tags?: string;
  json?: boolean;
}

/** The flag each detail is set with, which is also how the change is printed. */
const FIELDS = [
  ['title', 'title'],
  ['byline', 'byline'],
  ['site', 'site'],
  ['publishedAt', 'published'],
  ['sourceUrl', 'source-url'],
  ['tags', 'tags'],
] as const satisfies readonly (readonly [keyof ArticleDetails, string])[];

/** `a, b,,c` → ['a', 'b', 'c']; an empty list clears the tags. */
export function parseTagList(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** The patch the options ask for: only the flags given; an empty text is null (cleared). */
export function patchFromOptions(options: EditOptions): ArticleDetailsPatch {
  const text = (value: string | undefined) =>
    value === undefined ? undefined : value.trim() === '' ? null : value;
  const patch: ArticleDetailsPatch = {
    title: options.title,
    byline: text(options.byline),
    site: text(options.site),
    publishedAt: text(options.published),
    sourceUrl: text(options.sourceUrl),
    tags: options.tags === undefined ? undefined : parseTagList(options.tags),
  };
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as ArticleDetailsPatch;
}

const shown = (value: string | readonly string[] | null) =>
  value === null ? '(none)' : typeof value === 'string' ? value : value.join(', ') || '(none)';

/** One line per detail that differs: `byline: (none) → Jane Doe`. */
export function describeChanges(before: ArticleDetails, after: ArticleDetails): string[] {
  return FIELDS.flatMap(([field, label]) => {
    const [was, now] = [shown(before[field]), shown(after[field])];
    return was === now ? [] : [`${label}: ${was} → ${now}`];
  });
}

export function addEditArticleCommand(program: Command, ctx: EditArticleCliContext): void {
  program
    .command('edit-article')
    .description("correct an article's details (an empty value clears one)")
    .argument('<article-id>', 'the article to edit')
    .option('--title <title>', 'a new title')
    .option('--byline <byline>', 'who wrote it')
    .option('--site <site>', 'where it was published')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--source-url <url>', 'its address (http or https)')
    .option('--tags <a,b,c>', "the article's own tags, comma-separated (replaces them all)")
    .option('--json', 'print JSON: the article and its details before')
    .action(async (id: string, options: EditOptions, command: Command) => {
      const patch = patchFromOptions(options);
      if (Object.keys(patch).length === 0) {
        command.error(
          'edit-article: nothing to change (give --title, --byline, --site, --published, ' +
            '--source-url or --tags)',
        );
      }
      const { article, previous } = await ctx.client().updateArticle({ id, ...patch });
      if (options.json) {
        ctx.stdout(JSON.stringify({ article, previous }, null, 2) + '\n');
      } else {
        const after: ArticleDetails = {
          title: article.title,
          byline: article.byline,
          site: article.site,
          publishedAt: article.publishedAt,
          sourceUrl: article.sourceUrl,
          tags: article.tags,
        };
        const changed = describeChanges(previous, after);
        ctx.stdout(changed.length === 0 ? 'nothing changed\n' : changed.join('\n') + '\n');
      }
      ctx.finish();
    });
}
