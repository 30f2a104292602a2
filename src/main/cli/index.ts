/**
 * The command line: `marginalia import | list | show | edit-article | delete | restore | trash |
 * export | annotations import | backup | backups | restore-backup | update | versions | check |
 * claims suggest | web`, over the same service as the app.
 * Exit codes: 0 success, 1 failure (one line on stderr), 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createDirectClient } from '../../shared/contract/direct';
import { ServiceError } from '../../shared/contract/errors';
import type { Client } from '../../shared/contract/operations';
import { openLibrary, type Library } from '../library';
import { describeStatus } from './library-status';
import { projectRoot, resolveDataDir } from '../paths';
import { addImportCommand, terminalProgressBar, type ProgressBar } from './import-command';
import { EXPORT_FOLDER_FLAG, resolveExportFolders } from '../web/export-folders';
import { CliFailure } from './failure';
import { addInteropCommands } from './interop-commands';
import { addBackupCommands } from './backup-commands';
import { addSearchCommand } from './search-command';
import { addTrashCommands } from './trash-commands';
import { addEditArticleCommand } from './edit-article-command';
import { addVersionCommands } from './version-commands';
import { addClaimsCommands } from './claims-commands';
import { openInBrowser } from './open-browser';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal, where long work draws a progress bar. */
  readonly stderrIsTTY?: boolean;
  /** Draws long work's progress instead of the terminal bar (benchmarks, tests). */
  readonly progressBar?: () => ProgressBar;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY,
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  }
  return port;
}

export function buildProgram(io: CliIo = defaultIo): {
  program: Command;
  done: Promise<void>;
  /** Closes the library if a failed command left it open; safe to call twice. */
  close: () => void;
} {
  let library: Library | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const program = new Command();

  const open = (): Library => {
    const dataDir = resolveDataDir(program.opts<{ dataDir?: string }>().dataDir, io.env);
    if (!library) {
      library = openLibrary({ dataDir });
      for (const line of describeStatus(library.status)) io.stderr(`${line}\n`);
    }
    return library;
  };
  /** The contract's client over the library: the CLI validates like every other transport. */
  const client = (): Client => createDirectClient(open().service);
  const close = () => {
    library?.close();
    library = null;
  };

  program
    .name('marginalia')
    .description('Marginalia: read, highlight and mark claims in articles, offline.')
    .addOption(
      new Option(
        '--data-dir <dir>',
        'library folder (default: $MARGINALIA_DATA_DIR, else the app’s own)',
      ),
    )
    .showHelpAfterError('(run marginalia --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  addImportCommand(program, {
    client,
    service: () => open().service,
    stdout: io.stdout,
    stderr: io.stderr,
    progressBar: () => io.progressBar?.() ?? (io.stderrIsTTY ? terminalProgressBar() : null),
    finish: () => {
      close();
      finish();
    },
  });

  program
    .command('list')
    .description('list the articles in the library')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { articles } = await client().listArticles({});
      if (options.json) io.stdout(JSON.stringify(articles, null, 2) + '\n');
      else for (const a of articles) io.stdout(`${a.id}\t${a.title}\n`);
      close();
      finish();
    });

  program
    .command('show')
    .description("show an article's metadata and canonical text")
    .argument('<article-id>', 'the article to show')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .action(async (id: string, options: { format: 'text' | 'json' }) => {
      const { article } = await client().getArticle({ id });
      if (options.format === 'json') {
        io.stdout(JSON.stringify(article, null, 2) + '\n');
      } else {
        const { articleTextOf } = await import('./article-text');
        const lines = [
          `Title: ${article.title}`,
          `Byline: ${article.byline ?? ''}`,
          `Published: ${article.publishedAt ?? ''}`,
          `Added: ${article.addedAt}`,
          `Id: ${article.id}`,
          '',
          articleTextOf(article.document),
        ];
        io.stdout(lines.join('\n') + '\n');
      }
      close();
      finish();
    });

  program
    .command('delete')
    .description('move an article (and its annotations) to the trash; "restore" brings it back')
    .argument('<article-id>', 'the article to delete')
    .action(async (id: string) => {
      const api = client();
      const { article } = await api.getArticle({ id });
      await api.deleteArticle({ id });
      io.stdout(`deleted\t${article.id}\t${article.title}\n`);
      close();
      finish();
    });

  program
    .command('restore')
    .description('bring an article back from the trash, with its annotations, tags and links')
    .argument('<article-id>', 'the article to restore')
    .action(async (id: string) => {
      const { article } = await client().restoreArticle({ id });
      io.stdout(`${article.id}\t${article.title}\n`);
      close();
      finish();
    });

  addEditArticleCommand(program, {
    client,
    stdout: io.stdout,
    finish: () => {
      close();
      finish();
    },
  });

  addVersionCommands(program, {
    client,
    jobs: () => open().service.jobs,
    stdout: io.stdout,
    stderr: io.stderr,
    progressBar: () =>
      io.progressBar?.() ?? (io.stderrIsTTY ? terminalProgressBar('Checking') : null),
    finish: () => {
      close();
      finish();
    },
  });

  addClaimsCommands(program, {
    client,
    articleText: (id) => open().service.articleText(id),
    stdout: io.stdout,
    stderr: io.stderr,
    finish: () => {
      close();
      finish();
    },
  });

  addTrashCommands(program, {
    client,
    stdout: io.stdout,
    stderr: io.stderr,
    finish: () => {
      close();
      finish();
    },
  });

  addInteropCommands(program, {
    client,
    stdout: io.stdout,
    stderr: io.stderr,
    finish: () => {
      close();
      finish();
    },
  });

  addBackupCommands(program, {
    client,
    library: () => open(),
    dataDirOption: () => program.opts<{ dataDir?: string }>().dataDir,
    stdout: io.stdout,
    stderr: io.stderr,
    finish: () => {
      close();
      finish();
    },
  });

  addSearchCommand(program, {
    client,
    stdout: io.stdout,
    // Bold only on the real terminal; tests and pipes get «marks».
    bold: io === defaultIo && process.stdout.isTTY === true && !io.env['NO_COLOR'],
    finish: () => {
      close();
      finish();
    },
  });

  program
    .command('web')
    .description('serve the reader on http://127.0.0.1 for a browser')
    .addOption(
      new Option('--port <n>', 'port (0 picks a free one)').argParser(parsePort).default(0),
    )
    .option('--no-open', 'do not open a browser')
    .option(
      `${EXPORT_FOLDER_FLAG} <dir>`,
      'allow "Export to folder" inside this folder (repeatable; none: not offered)',
      (dir: string, dirs: string[]) => [...dirs, dir],
      [],
    )
    .action(async (options: { port: number; open: boolean; exportFolder: string[] }) => {
      let exportFolders: string[];
      try {
        // `npm run web` runs in the project's folder: a relative folder is from where npm was run.
        exportFolders = resolveExportFolders(
          options.exportFolder,
          io.env.INIT_CWD ?? process.cwd(),
        );
      } catch (error) {
        throw new CliFailure(error instanceof Error ? error.message : String(error));
      }
      const staticDir = path.join(projectRoot(), 'out', 'renderer');
      if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
        throw new CliFailure('the reader is not built: run "npm run build" (or use "npm run web")');
      }
      const lib = open();
      // Daily and weekly backups while web mode is in use, as in the desktop app.
      lib.startBackups({
        onError: (error) =>
          io.stderr(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      // Loaded here, not at the top: the web server (hono) is not worth its start-up cost to
      // every other command.
      const { startWebServer } = await import('../web/server');
      const server = await startWebServer({
        handlers: lib.service,
        jobs: lib.service.jobs,
        staticDir,
        port: options.port,
        exportFolders,
      });
      io.stdout(`Marginalia web: ${server.url}\n`);
      for (const folder of exportFolders) io.stdout(`Export to folder allowed in: ${folder}\n`);
      if (options.open) openInBrowser(server.url);
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(() => {
          close();
          finish();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  return { program, done, close };
}

/** Runs the CLI and answers the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const { program, done, close } = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    await done;
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return 2;
    }
    const message =
      error instanceof CliFailure || error instanceof ServiceError || error instanceof Error
        ? error.message
        : String(error);
    io.stderr(`marginalia: ${message.split('\n')[0]}\n`);
    return 1;
  } finally {
    close();
  }
}
