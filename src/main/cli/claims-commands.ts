/**
 * `marginalia claims suggest <article-id> [--json] [--accept-all]`: the claims the finder
 * suggests in an article (those neither dismissed nor already claimed, as the reader offers
 * them), one line each; `--accept-all` creates them all as claims in one transaction.
 */
import type { Command } from 'commander';
import type { ClaimSuggestion, FindClaimsOptions } from '../../shared/claim-finder/types';
import { annotationOf, suggestionsToOffer } from '../../shared/claim-finder/offer';
import type { Client } from '../../shared/contract/operations';
import { plural } from '../../shared/text/plural';

export type FindSuggestions = (
  text: string,
  options: FindClaimsOptions,
) => ClaimSuggestion[] | Promise<ClaimSuggestion[]>;

export interface ClaimsCliContext {
  readonly client: () => Pick<
    Client,
    | 'getArticle'
    | 'listSpeakers'
    | 'listAnnotations'
    | 'listSuggestionDismissals'
    | 'createAnnotations'
  >;
  /** The article's canonical text, which the finder's offsets count in. */
  readonly articleText: (id: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The finder; by default loaded when the command runs (its NLP library is not small). */
  readonly find?: FindSuggestions;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

/** Loaded here, not at the top: no other command pays for the NLP library's start-up. */
const lazyFinder: FindSuggestions = async (text, options) => {
  const { findClaimSuggestions } = await import('../../shared/claim-finder/index');
  return findClaimSuggestions(text, options);
};

/** Longest quote a line shows, in characters (code points), … included. */
export const QUOTE_WIDTH = 80;

/** The quote on one line: white space folded, cut to QUOTE_WIDTH with "…". */
export function shortQuote(quote: string): string {
  const chars = Array.from(quote.replace(/\s+/g, ' ').trim());
  return chars.length <= QUOTE_WIDTH
    ? chars.join('')
    : `${chars
        .slice(0, QUOTE_WIDTH - 1)
        .join('')
        .trimEnd()}…`;
}

/** One line of the listing: number, type, speaker, cue, quote, offsets. */
export function suggestionLine(suggestion: ClaimSuggestion, index: number): string {
  return [
    String(index + 1),
    suggestion.type,
    suggestion.speaker ?? '—',
    suggestion.cue.text,
    shortQuote(suggestion.quote),
    `${suggestion.start}-${suggestion.end}`,
  ].join('\t');
}

/** What `--json` prints of a suggestion. */
export function suggestionJson(s: ClaimSuggestion) {
  return {
    speaker: s.speaker,
    cue: s.cue.text,
    cueLemma: s.cueLemma,
    type: s.type,
    quote: s.quote,
    start: s.start,
    end: s.end,
    source: s.source?.text ?? null,
  };
}

export function addClaimsCommands(program: Command, ctx: ClaimsCliContext): void {
  const claims = program.command('claims').description('claims: suggestions from the text');

  claims
    .command('suggest')
    .description(
      'list the claims suggested in an article (who says what), leaving out dismissed and ' +
        'already claimed ones; --accept-all creates them all',
    )
    .argument('<article-id>', 'the article')
    .option('--json', 'print JSON: the suggestions')
    .option('--accept-all', 'create every suggested claim (one step, undone together)')
    .action(async (id: string, options: { json?: boolean; acceptAll?: boolean }) => {
      const api = ctx.client();
      const { article } = await api.getArticle({ id }); // not_found for an unknown id
      const text = ctx.articleText(id);
      const { speakers } = await api.listSpeakers({});
      const found = await (ctx.find ?? lazyFinder)(text, {
        knownSpeakers: speakers.map((s) => s.name),
      });
      const [{ dismissals }, { annotations }] = await Promise.all([
        api.listSuggestionDismissals({ articleId: id }),
        api.listAnnotations({ articleId: id }),
      ]);
      const offered = suggestionsToOffer(found, text, dismissals, annotations);

      if (options.json) ctx.stdout(JSON.stringify(offered.map(suggestionJson), null, 2) + '\n');
      else if (offered.length === 0) {
        ctx.stdout(`No suggested claims in “${article.title}”.\n`);
      } else {
        ctx.stdout(['#', 'type', 'speaker', 'cue', 'quote', 'offsets'].join('\t') + '\n');
        offered.forEach((s, i) => ctx.stdout(suggestionLine(s, i) + '\n'));
        ctx.stdout(
          `${plural(offered.length, 'suggested claim', 'suggested claims')} in “${article.title}”\n`,
        );
      }

      if (options.acceptAll && offered.length > 0) {
        const { annotations: created } = await api.createAnnotations({
          articleId: id,
          annotations: offered.map((s) => annotationOf(s, text)),
        });
        // After --json the output stays JSON: the confirmation goes to stderr.
        const say = options.json ? ctx.stderr : ctx.stdout;
        say(`Accepted ${plural(created.length, 'suggested claim', 'suggested claims')}.\n`);
      }
      ctx.finish();
    });
}
