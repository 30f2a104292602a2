/**
 * `marginalia export` and `marginalia annotations import`: exports to stdout, a file or a folder,
 * and annotation imports with a report of how each quote was placed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import {
  EXPORT_FORMATS,
  MARKDOWN_GROUPINGS,
  type ExportedFile,
  type ExportFormat,
  type ImportReport,
  type MarkdownGrouping,
} from '../../shared/contract/interop';
import { MAX_IMPORT_BYTES, type Client } from '../../shared/contract/operations';
import { excerpt } from '../../shared/annotations/wording';
import { writeFileAtomic, errorCode } from '../files/atomic-write';
import { importPipeline } from '../lazy-import-pipeline';
import { CliFailure } from './failure';

export interface InteropCliContext {
  readonly client: () => Client;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

interface ExportOptions {
  all?: boolean;
  ledger?: boolean;
  format: ExportFormat;
  out?: string;
  groupBy: MarkdownGrouping;
  includeText?: boolean;
}

/** Writes a whole file or nothing (`writeFileAtomic`), or fails saying why. */
function writeFile(file: string, content: string): void {
  try {
    writeFileAtomic(file, content);
  } catch (error) {
    const code = errorCode(error);
    const why = code === 'ENOENT' ? 'its folder does not exist' : String(code ?? error);
    throw new CliFailure(`cannot write ${file}: ${why}`);
  }
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Puts an exported file on stdout, into `--out` as a file, or into `--out` as a folder. */
function deliver(file: ExportedFile, out: string | undefined, ctx: InteropCliContext): void {
  if (out === undefined) {
    ctx.stdout(file.content);
    return;
  }
  const target = isDirectory(out) ? path.join(out, file.fileName) : out;
  writeFile(target, file.content);
  ctx.stderr(`wrote ${target}\n`);
}

export function reportLines(report: ImportReport): string[] {
  const lines = [
    `anchored ${report.anchored}, changed ${report.changed}, orphaned ${report.orphaned}` +
      (report.alreadyPresent > 0 ? `, already present ${report.alreadyPresent}` : '') +
      (report.otherPages > 0 ? `, for other pages ${report.otherPages}` : ''),
  ];
  if (report.linksCreated > 0 || report.linksUnresolved > 0) {
    lines.push(
      `links: ${report.linksCreated} restored` +
        (report.linksUnresolved > 0
          ? `, ${report.linksUnresolved} not restored (their other end is not in this library)`
          : ''),
    );
  }
  for (const a of report.articles) lines.push(`${a.id}\t${a.title}\t${a.imported} imported`);
  return lines;
}

export function addInteropCommands(program: Command, ctx: InteropCliContext): void {
  program
    .command('export')
    .description(
      'export an article (or --all, or the --ledger of claims) as Markdown, W3C JSON-LD or ClaimReview',
    )
    .argument('[article-id]', 'the article to export')
    .option('--all', 'every article: Markdown into the --out folder, one file each; else one file')
    .option('--ledger', 'the library-wide claims ledger, as Markdown')
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('md'),
    )
    .option('--out <path>', 'a file or folder to write (default: stdout)')
    .addOption(
      new Option('--group-by <grouping>', 'Markdown: group annotations')
        .choices(MARKDOWN_GROUPINGS)
        .default('none'),
    )
    .option('--include-text', 'Markdown: add the article’s text')
    .action(async (id: string | undefined, options: ExportOptions, command: Command) => {
      const chosen = [id !== undefined, options.all === true, options.ledger === true];
      if (chosen.filter(Boolean).length !== 1) {
        command.error('marginalia export: give one article id, or --all, or --ledger', {
          exitCode: 2,
          code: 'marginalia.usage',
        });
      }
      if (options.ledger && options.format !== 'md') {
        command.error('marginalia export: the --ledger is Markdown only (leave out --format)', {
          exitCode: 2,
          code: 'marginalia.usage',
        });
      }
      const markdownOnly = options.ledger || options.format !== 'md';
      const given = (name: string) => command.getOptionValueSource(name) === 'cli';
      if (markdownOnly && (given('groupBy') || given('includeText'))) {
        command.error(
          'marginalia export: --group-by and --include-text shape an article’s Markdown; they do not apply here',
          { exitCode: 2, code: 'marginalia.usage' },
        );
      }
      const api = ctx.client();
      const markdown = { groupBy: options.groupBy, includeText: options.includeText === true };
      if (id !== undefined) {
        const { file } = await api.exportArticle({ id, format: options.format, markdown });
        deliver(file, options.out, ctx);
      } else if (options.ledger) {
        const { file } = await api.exportLibrary({ format: 'ledger' });
        deliver(file, options.out, ctx);
      } else if (options.format !== 'md') {
        const { file } = await api.exportLibrary({ format: options.format });
        deliver(file, options.out, ctx);
      } else if (options.out === undefined) {
        const { articles } = await api.listArticles({});
        for (const article of [...articles].reverse()) {
          const { file } = await api.exportArticle({ id: article.id, format: 'md', markdown });
          ctx.stdout(file.content + '\n');
        }
      } else {
        const folder = path.resolve(options.out);
        if (fs.existsSync(folder) && !isDirectory(folder)) {
          throw new CliFailure(`${options.out} is a file; --all --format md writes into a folder`);
        }
        if (!fs.existsSync(folder) && /\.md$/i.test(folder)) {
          throw new CliFailure(
            `${options.out} looks like a file name; --all --format md writes one file per article into a folder`,
          );
        }
        fs.mkdirSync(folder, { recursive: true });
        const result = await api.exportLibraryToFolder({ folder, markdown });
        for (const name of result.created) ctx.stdout(`created\t${name}\n`);
        for (const name of result.updated) ctx.stdout(`updated\t${name}\n`);
        for (const name of result.unchanged) ctx.stdout(`unchanged\t${name}\n`);
        for (const skip of result.skipped) ctx.stderr(`skipped ${skip.fileName}: ${skip.reason}\n`);
      }
      ctx.finish();
    });

  const annotations = program
    .command('annotations')
    .description('work with annotations: import them from other tools');
  annotations
    .command('import')
    .description(
      'import W3C Web Annotation JSON-LD or a Hypothesis JSON export; reports how many quotes were anchored, changed and orphaned',
    )
    .argument('<file>', 'the file to import')
    .option('--article <article-id>', 'attach every annotation to this article')
    .action(async (file: string, options: { article?: string }) => {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        throw new CliFailure(`${file}: no such file`);
      }
      if (!stat.isFile()) throw new CliFailure(`${file} is not a regular file`);
      if (stat.size > MAX_IMPORT_BYTES) {
        throw new CliFailure(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      // Decoded as article files are: UTF-16 exports read right, bad UTF-8 never silently replaced.
      const fileName = path.basename(file);
      const decoded = importPipeline().decodeText(fs.readFileSync(file), fileName);
      const { report } = await ctx.client().importAnnotations({
        fileName,
        content: decoded.text,
        ...(options.article ? { articleId: options.article } : {}),
      });
      for (const warning of decoded.warnings) ctx.stderr(`warning: ${warning}\n`);
      for (const line of reportLines(report)) ctx.stdout(`${line}\n`);
      for (const orphan of report.orphans) ctx.stderr(`orphaned: “${excerpt(orphan.quote, 80)}”\n`);
      for (const warning of report.warnings) ctx.stderr(`warning: ${warning}\n`);
      ctx.finish();
    });
}
