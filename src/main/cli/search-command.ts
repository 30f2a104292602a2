/**
 * `marginalia search QUERY [--json]`: matches grouped by article, each snippet with the matched
 * words marked — bold on a terminal, «like this» otherwise — and notes, quotes, tags and speakers
 * said as such.
 */
import type { Command } from 'commander';
import type { Client } from '../../shared/contract/operations';
import type { SearchHit, SearchResponse, Snippet } from '../../shared/contract/search';

export interface SearchCliContext {
  readonly client: () => Pick<Client, 'search'>;
  readonly stdout: (text: string) => void;
  /** Whether stdout is a terminal that shows bold (no NO_COLOR). */
  readonly bold: boolean;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

const LABEL: Record<SearchHit['kind'], string> = {
  text: 'text',
  quote: 'quote',
  note: 'note',
  tag: 'tag',
  speaker: 'speaker',
  type: 'claim type',
};

/** A snippet on one line, the matches marked. */
export function snippetLine(snippet: Snippet, bold: boolean): string {
  const body = snippet.parts
    .map((p) => {
      const text = p.text.replace(/\s+/gu, ' ');
      if (!p.match) return text;
      return bold ? `\u001b[1m${text}\u001b[22m` : `«${text}»`;
    })
    .join('');
  return `${snippet.truncatedStart ? '…' : ''}${body}${snippet.truncatedEnd ? '…' : ''}`;
}

/** The answer as the lines the CLI prints. */
export function formatSearch(result: SearchResponse, bold: boolean): string[] {
  if (result.total === 0) return ['No matches.'];
  const lines: string[] = [];
  for (const group of result.groups) {
    const { id, title, site } = group.article;
    lines.push(`${title}${site ? ` — ${site}` : ''}  (${id})${group.titleMatch ? ' [title]' : ''}`);
    for (const hit of group.hits) {
      const where = hit.annotationId ? ` ${hit.annotationId}` : '';
      lines.push(`  ${LABEL[hit.kind]}${where}: ${snippetLine(hit.snippet, bold)}`);
    }
    if (group.moreAnnotations > 0) {
      lines.push(`  … and ${group.moreAnnotations} more annotations`);
    }
  }
  const shown = result.groups.length;
  if (shown < result.total) lines.push(`(${shown} of ${result.total} articles shown)`);
  return lines;
}

export function addSearchCommand(program: Command, context: SearchCliContext): void {
  program
    .command('search')
    .description('search titles, article text, quotes, notes, tags and speakers')
    .argument('<query...>', 'words, "phrases", prefix*, speaker:X, tag:X, type:X')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'most articles to show (1–100)', (v) => Number(v), 20)
    .action(async (words: string[], options: { json?: boolean; limit: number }) => {
      const result = await context
        .client()
        .search({ query: words.join(' '), limit: options.limit });
      if (options.json) context.stdout(JSON.stringify(result, null, 2) + '\n');
      else for (const line of formatSearch(result, context.bold)) context.stdout(`${line}\n`);
      context.finish();
    });
}
