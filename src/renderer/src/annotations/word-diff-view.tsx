/**
 * A passage's old and new words as a word diff: removed words struck through (`<del>`), new
 * words marked (`<ins>`), each also said in words to screen readers and shown by more than
 * colour (a line through, an underline), so it reads the same in light, dark and sepia. Also
 * the claims' "Words changed" and "Passage removed" badges.
 */
import { Fragment } from 'react';
import type { Annotation } from '../../../shared/contract/entities';
import { wordDiff } from '../../../shared/text/word-diff';

export interface WordDiffProps {
  /** The words as they read when annotated. */
  readonly before: string;
  /** The words as they read now. */
  readonly after: string;
  readonly className?: string;
}

export function WordDiff({ before, after, className }: WordDiffProps) {
  const runs = wordDiff(before, after);
  return (
    <span className={['word-diff', className].filter(Boolean).join(' ')}>
      {runs.map((run, i) => {
        const text = run.words.join(' ');
        const space = i < runs.length - 1 ? ' ' : '';
        if (run.kind === 'same') return <Fragment key={i}>{text + space}</Fragment>;
        const Tag = run.kind === 'removed' ? 'del' : 'ins';
        return (
          <Fragment key={i}>
            <Tag className={`word-diff-${run.kind}`}>
              <span className="visually-hidden">{run.kind === 'removed' ? 'was: ' : 'now: '}</span>
              {text}
            </Tag>
            {space}
          </Fragment>
        );
      })}
    </span>
  );
}

/** The diff as one line of plain text ("[-denies-] [+has denied+]"), for a title attribute. */
export function wordDiffText(before: string, after: string): string {
  return wordDiff(before, after)
    .map((run) => {
      const text = run.words.join(' ');
      return run.kind === 'same' ? text : run.kind === 'removed' ? `[-${text}-]` : `[+${text}+]`;
    })
    .join(' ');
}

/** Whether an annotation's passage changed since it was annotated: its words, or it is gone. */
export function passageChange(
  annotation: Pick<Annotation, 'anchor' | 'originalQuote'>,
): 'removed' | 'changed' | null {
  if (annotation.anchor.status === 'orphan') return 'removed';
  return annotation.originalQuote !== null ? 'changed' : null;
}

/**
 * A claim's badge when its passage changed: "Words changed", which opens (click, Enter or
 * Space) to the word diff and has it as its title, or "Passage removed". Nothing otherwise.
 */
export function PassageChangeBadge({
  annotation,
}: {
  readonly annotation: Pick<Annotation, 'anchor' | 'originalQuote' | 'quote'>;
}) {
  const change = passageChange(annotation);
  if (change === null) return null;
  if (change === 'removed' || annotation.originalQuote === null) {
    return (
      <span className="passage-badge passage-badge-removed" title="Not found in the current text">
        Passage removed
      </span>
    );
  }
  return (
    <details className="passage-badge passage-badge-changed">
      <summary title={wordDiffText(annotation.originalQuote, annotation.quote.exact)}>
        Words changed
      </summary>
      <WordDiff before={annotation.originalQuote} after={annotation.quote.exact} />
    </details>
  );
}
