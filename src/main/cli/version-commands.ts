/**
 * `marginalia update <article-id> [FILE|URL]`: a new version of an article from a file, from an
 * address, or (with neither) from its own source address; prints what re-anchoring found.
 * `marginalia versions <article-id>`: its versions. `marginalia check [<article-id>|--all]`:
 * fetches articles' addresses again, one at a time, with a progress bar on stderr; Ctrl+C stops
 * cleanly. Any article that could not be checked makes the exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createDirectJobClient, type JobHandlers } from '../../shared/contract/jobs';
import type { Client } from '../../shared/contract/operations';
import type {
  CheckItem,
  CheckReport,
  ReanchorReport,
  VersionOutcome,
  VersionSummary,
} from '../../shared/contract/versions';
import { CliFailure } from './failure';
import { withProgress, type ProgressBar } from './progress-bar';

export interface VersionCliContext {
  readonly client: () => Pick<Client, 'updateArticleFromFile' | 'checkForChanges' | 'listVersions'>;
  readonly jobs: () => JobHandlers;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The progress bar of a check, or null where none is drawn (stderr is not a terminal). */
  readonly progressBar: () => ProgressBar | null;
  readonly finish: () => void;
}

const isAddress = (source: string) => /^https?:\/\//i.test(source);

/** `unchanged 3, moved 0, changed 1, orphaned 1`. */
export function describeCounts(report: ReanchorReport): string {
  return (
    `unchanged ${report.unchanged}, moved ${report.moved}, changed ${report.changed}, ` +
    `orphaned ${report.orphaned}`
  );
}

function describeOutcome(outcome: VersionOutcome): string[] {
  if (outcome.status === 'unchanged') {
    return [`unchanged: the text is the same as version ${outcome.version.number}`];
  }
  return [
    `updated: version ${outcome.version.number} of "${outcome.article.title}"`,
    ...(outcome.report ? [describeCounts(outcome.report)] : []),
  ];
}

function describeVersion(v: VersionSummary): string {
  const from = v.sourceName ? `${v.source} ${v.sourceName}` : v.source;
  const counts = v.report ? describeCounts(v.report) : '-';
  return [`${v.number}${v.current ? '*' : ''}`, v.addedAt, from, counts].join('\t');
}

function describeItem(item: CheckItem): string {
  const detail =
    item.status === 'updated' && item.report ? describeCounts(item.report) : (item.reason ?? '');
  return [item.status, item.articleId, item.title, ...(detail ? [detail] : [])].join('\t');
}

export function addVersionCommands(program: Command, ctx: VersionCliContext): void {
  program
    .command('update')
    .description(
      'add a new version of an article from a file, an http(s) address, or (with neither) its ' +
        'own source address; prints what became of its annotations',
    )
    .argument('<article-id>', 'the article to update')
    .argument('[source]', 'a file, or an http(s) address')
    .option('--json', 'print JSON: the outcome')
    .action(async (id: string, source: string | undefined, options: { json?: boolean }) => {
      const client = ctx.client();
      let outcome: VersionOutcome;
      if (source === undefined) outcome = await client.checkForChanges({ id });
      else if (isAddress(source)) outcome = await client.checkForChanges({ id, url: source });
      else {
        if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
          throw new CliFailure(`${source}: no such file`);
        }
        outcome = await client.updateArticleFromFile({
          id,
          fileName: path.basename(source),
          contentBase64: fs.readFileSync(source).toString('base64'),
        });
      }
      for (const warning of outcome.warnings) ctx.stderr(`warning: ${warning}\n`);
      if (options.json) ctx.stdout(JSON.stringify(outcome, null, 2) + '\n');
      else ctx.stdout(describeOutcome(outcome).join('\n') + '\n');
      ctx.finish();
    });

  program
    .command('versions')
    .description(
      "list an article's versions: number (* current), date, source, what re-anchoring found",
    )
    .argument('<article-id>', 'the article')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const { versions } = await ctx.client().listVersions({ articleId: id });
      if (options.json) ctx.stdout(JSON.stringify(versions, null, 2) + '\n');
      else for (const v of versions) ctx.stdout(describeVersion(v) + '\n');
      ctx.finish();
    });

  program
    .command('check')
    .description(
      "fetch articles' source addresses again and add each changed text as a new version " +
        '(one article, or --all); Ctrl+C stops',
    )
    .argument('[article-id]', 'the article to check')
    .option('--all', 'check every article with a source address')
    .action(async (id: string | undefined, options: { all?: boolean }, command: Command) => {
      if ((id === undefined) === !options.all) {
        command.error('check: give an article id or --all (not both)');
      }
      const report: CheckReport = await withProgress(ctx.progressBar(), (run) =>
        createDirectJobClient(ctx.jobs()).run(
          'checkArticles',
          id === undefined ? {} : { ids: [id] },
          run,
        ),
      );
      for (const item of report.items) ctx.stdout(describeItem(item) + '\n');
      const count = (status: CheckItem['status']) =>
        report.items.filter((i) => i.status === status).length;
      ctx.stderr(
        `${report.cancelled ? 'Cancelled: ' : ''}${count('updated')} updated, ` +
          `${count('unchanged')} unchanged, ${count('failed')} failed, ` +
          `${count('skipped')} skipped\n`,
      );
      if (count('failed') > 0)
        throw new CliFailure('some articles could not be checked (see above)');
      if (report.cancelled) throw new CliFailure('cancelled: the articles above were checked');
      ctx.finish();
    });
}
