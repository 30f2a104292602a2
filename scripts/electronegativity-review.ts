/**
 * Reviews Electronegativity's findings against the project's exclusion list
 * (security/electronegativity-exclusions.json): each finding is either explained by one entry (same
 * check, same file, and the entry's `match` text on the finding's line) or unexplained, and an
 * unexplained finding fails the check. Pure: the scan and the files are read by
 * check-electronegativity.ts.
 *
 * Entries name a text on the line rather than a line number: the main bundle's line numbers
 * change with every edit, the code a finding is about does not.
 */
import { z } from 'zod';

/** One finding, as the check reports it. */
export interface Finding {
  /** Electronegativity's check id, e.g. OPEN_EXTERNAL_JS_CHECK. */
  readonly check: string;
  /** Relative to the scanned folder, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly confidence: string;
  readonly description: string;
  /** The text of the finding's line (trimmed, at most 200 characters), or the policy of a CSP
   * finding; '' when there is none. */
  readonly source: string;
}

const ExclusionSchema = z.strictObject({
  check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as OPEN_EXTERNAL_JS_CHECK'),
  file: z.string().min(1),
  match: z.string().min(1),
  reason: z.string().min(40, 'a reason a reviewer can judge (40 characters at least)'),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

const ExclusionListSchema = z.array(ExclusionSchema);

/** Parses the exclusion list; throws a readable error naming the bad entry. */
export function parseExclusions(json: unknown): Exclusion[] {
  const parsed = ExclusionListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`exclusion ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function explains(exclusion: Exclusion, finding: Finding): boolean {
  return (
    exclusion.check === finding.check &&
    exclusion.file === finding.file &&
    finding.source.includes(exclusion.match)
  );
}

export interface Review {
  readonly explained: readonly { finding: Finding; exclusion: Exclusion }[];
  readonly unexplained: readonly Finding[];
  /** Entries no finding used: the code they excused is gone; worth removing. */
  readonly unused: readonly Exclusion[];
  /** Files Electronegativity could not parse: not checked, so the check fails. */
  readonly unparsed: readonly { file: string; message: string }[];
}

export function reviewFindings(
  findings: readonly Finding[],
  exclusions: readonly Exclusion[],
  unparsed: readonly { file: string; message: string }[] = [],
): Review {
  const explained: { finding: Finding; exclusion: Exclusion }[] = [];
  const unexplained: Finding[] = [];
  const used = new Set<Exclusion>();
  for (const finding of findings) {
    const exclusion = exclusions.find((entry) => explains(entry, finding));
    if (exclusion) {
      explained.push({ finding, exclusion });
      used.add(exclusion);
    } else {
      unexplained.push(finding);
    }
  }
  return { explained, unexplained, unused: exclusions.filter((e) => !used.has(e)), unparsed };
}

export function passed(review: Review): boolean {
  return review.unexplained.length === 0 && review.unparsed.length === 0;
}

function describe(finding: Finding): string {
  return `${finding.check} ${finding.file}:${finding.line}:${finding.column} (${finding.severity}, ${finding.confidence})`;
}

/** The summary the check prints: every finding, how it was judged, and the verdict last. */
export function formatReview(review: Review): string {
  const lines: string[] = [];
  for (const { finding, exclusion } of review.explained) {
    lines.push(`  excused     ${describe(finding)}`, `              ${exclusion.reason}`);
  }
  for (const finding of review.unexplained) {
    lines.push(
      `  UNEXPLAINED ${describe(finding)}`,
      `              ${finding.description}`,
      `              ${finding.source || '(no source line)'}`,
    );
  }
  for (const { file, message } of review.unparsed) {
    lines.push(`  UNPARSED    ${file}: ${message}`);
  }
  for (const entry of review.unused) {
    lines.push(`  note        unused exclusion: ${entry.check} ${entry.file} "${entry.match}"`);
  }
  const total = review.explained.length + review.unexplained.length;
  lines.push(
    passed(review)
      ? `electronegativity: ${total} findings, all explained in the exclusion list`
      : `electronegativity: ${review.unexplained.length} of ${total} findings unexplained` +
          (review.unparsed.length > 0 ? `, ${review.unparsed.length} files not parsed` : '') +
          ' — fix them or add a reviewed entry to security/electronegativity-exclusions.json',
  );
  return lines.join('\n');
}
