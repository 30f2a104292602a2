/**
 * `marginalia import <file|folder|address...>`. Files named one by one are all read and checked
 * before any is stored, so one bad file means nothing is added. Folders are walked and imported
 * file by file with a progress bar on stderr (when it is a terminal) and a report; Ctrl+C stops
 * between two files. Addresses are fetched by this process, one page each.
 * Prints "<id>\t<title>" per article imported; "already in your library" goes to stderr and is
 * not a failure; any refused file or address makes the exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createDirectJobClient, type FileImportReport } from '../../shared/contract/jobs';
import type { Client, ImportOutcome } from '../../shared/contract/operations';
import type { Service } from '../service';
import { describeAlready } from '../../shared/contract/importable';
import { importPipeline } from '../lazy-import-pipeline';
import { savedPageResources } from '../import/saved-page-resources';
import { CliFailure } from './failure';
import { withProgress, type ProgressBar } from './progress-bar';

export { terminalProgressBar, type ProgressBar } from './progress-bar';

export interface ImportCliContext {
  readonly client: () => Client;
  readonly service: () => Service;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The progress bar of long work, or null where none is drawn (stderr is not a terminal). */
  readonly progressBar: () => ProgressBar | null;
  readonly finish: () => void;
}

/** Anything with a scheme is an address (`ftp://…` is then refused as one, by its scheme). */
const isAddress = (source: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source);

export function addImportCommand(program: Command, context: ImportCliContext): void {
  program
    .command('import')
    .description(
      'import web pages (.html, .mhtml), Markdown (.md) or text (.txt) files, whole folders, or ' +
        'pages by their http(s) address; prints "<id>\\t<title>" for each',
    )
    .argument('<file...>', 'files, folders or http(s) addresses to import')
    .option('--no-recursive', "do not walk folders' subfolders")
    .action(async (sources: string[], options: { recursive: boolean }) => {
      const addresses = sources.filter(isAddress);
      const paths = sources.filter((s) => !isAddress(s));
      let failed = false;
      if (paths.some(isFolder))
        failed = (await importWithReport(paths, options, context)) || failed;
      else if (paths.length > 0) importFilesAtOnce(paths, context);
      for (const address of addresses) {
        const outcome = await context.client().importUrl({ url: address });
        printOutcome(address, outcome, context);
      }
      if (failed) throw new CliFailure('some files were not imported (see above)');
      context.finish();
    });
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function printOutcome(source: string, outcome: ImportOutcome, context: ImportCliContext): void {
  for (const warning of outcome.warnings) context.stderr(`warning: ${warning}\n`);
  if (outcome.alreadyInLibrary) {
    context.stderr(
      `${source}: ${describeAlready(outcome.alreadyInLibrary)}: ` +
        `${outcome.article.id}\t${outcome.article.title}\n`,
    );
  } else {
    context.stdout(`${outcome.article.id}\t${outcome.article.title}\n`);
  }
}

/** Named files: every one read and parsed first; any failure stores nothing. */
function importFilesAtOnce(files: readonly string[], context: ImportCliContext): void {
  const { importFile, readImportFile } = importPipeline();
  const parsed = files.map((file) => {
    if (!fs.existsSync(file)) throw new CliFailure(`${file}: no such file`);
    const bytes = readImportFile({ path: file, name: file });
    return {
      file,
      result: importFile(path.basename(file), bytes, { resources: savedPageResources(file) }),
    };
  });
  const service = context.service();
  for (const { file, result } of parsed) {
    printOutcome(file, service.importParsed(result, 'file', path.basename(file)), context);
  }
}

/** Folders (and files beside them): imported file by file, then the report. */
async function importWithReport(
  paths: readonly string[],
  options: { recursive: boolean },
  context: ImportCliContext,
): Promise<boolean> {
  const report: FileImportReport = await withProgress(context.progressBar(), (run) =>
    createDirectJobClient(context.service().jobs).run(
      'importFiles',
      { paths: [...paths], recursive: options.recursive },
      run,
    ),
  );
  let refused = 0;
  for (const item of report.items) {
    if (item.status === 'imported' && item.article) {
      for (const warning of item.warnings) context.stderr(`warning: ${item.file}: ${warning}\n`);
      context.stdout(`${item.article.id}\t${item.article.title}\n`);
    } else if (item.status === 'duplicate' && item.article) {
      context.stderr(`${item.file}: ${item.reason}: ${item.article.id}\t${item.article.title}\n`);
    } else {
      refused++;
      context.stderr(`refused: ${item.file}: ${item.reason ?? 'not imported'}\n`);
    }
  }
  const count = (status: string) => report.items.filter((i) => i.status === status).length;
  const skipped =
    report.skipped > 0
      ? `, ${report.skipped} other file${report.skipped === 1 ? '' : 's'} left aside`
      : '';
  const stopped = report.stoppedBy ? `Stopped (${report.stoppedBy}): ` : '';
  context.stderr(
    `${stopped}${report.cancelled ? 'Cancelled: ' : ''}${count('imported')} imported, ` +
      `${count('duplicate')} already in your library, ${refused} refused${skipped}\n`,
  );
  return refused > 0 || report.cancelled || report.stoppedBy !== null;
}
