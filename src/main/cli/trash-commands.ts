/**
 * `marginalia trash [--json]` lists the deleted articles (newest deletion first); `marginalia
 * trash --empty` erases them for good. `marginalia restore <id>` brings one back.
 */
import type { Command } from 'commander';
import type { Client } from '../../shared/contract/operations';
import type { TrashedArticle } from '../../shared/contract/trash';
import { plural } from '../../shared/text/plural';
import { localTime } from './backup-commands';

export interface TrashCliContext {
  readonly client: () => Pick<Client, 'listTrash' | 'emptyTrash'>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

/** One line of `marginalia trash`: date deleted, id, title, annotation count. */
export function trashLine(article: TrashedArticle): string {
  return [
    localTime(article.deletedAt),
    article.id,
    article.title,
    plural(article.annotationCount, 'annotation', 'annotations'),
  ].join('\t');
}

export function addTrashCommands(program: Command, ctx: TrashCliContext): void {
  program
    .command('trash')
    .description('list the deleted articles, most recently deleted first')
    .option('--json', 'print JSON')
    .option(
      '--empty',
      'erase every article in the trash for good, with its annotations (asks nothing: ' +
        'there is no undo, except restoring a backup)',
    )
    .action(async (options: { json?: boolean; empty?: boolean }) => {
      const api = ctx.client();
      if (options.empty) {
        const { erased } = await api.emptyTrash({});
        ctx.stdout(
          options.json
            ? JSON.stringify({ erased }) + '\n'
            : `erased ${plural(erased, 'article', 'articles')} from the trash\n`,
        );
        return ctx.finish();
      }
      const { articles } = await api.listTrash({});
      if (options.json) ctx.stdout(JSON.stringify(articles, null, 2) + '\n');
      else for (const article of articles) ctx.stdout(`${trashLine(article)}\n`);
      if (!options.json && articles.length === 0) ctx.stderr('the trash is empty\n');
      ctx.finish();
    });
}
