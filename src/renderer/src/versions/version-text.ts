/**
 * What the reader says about versions, in words: the banner's line about the current version,
 * the picker's option labels, the notice over an older version, and the announcement after an
 * update. Pure functions, so the wording is checked without a browser.
 */
import type {
  ReanchorReport,
  VersionOutcome,
  VersionSummary,
} from '../../../shared/contract/versions';

// The user's own time zone: "Updated Feb 12" is the day they would call it.
const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const fullDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** "Feb 12" */
export function versionDay(version: Pick<VersionSummary, 'addedAt'>): string {
  return shortDate.format(new Date(version.addedAt));
}

/** "Feb 12, 2026" */
export function versionDate(version: Pick<VersionSummary, 'addedAt'>): string {
  return fullDate.format(new Date(version.addedAt));
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What happened to the user's annotations, claims first: "2 claims changed, 1 passage removed";
 * "2 highlights changed" when no claim did; null when everything is still in place.
 */
export function describeReportChanges(report: ReanchorReport): string | null {
  const parts: string[] = [];
  if (report.claimsChanged > 0) {
    parts.push(count(report.claimsChanged, 'claim changed', 'claims changed'));
  } else if (report.changed > 0) {
    parts.push(count(report.changed, 'highlight changed', 'highlights changed'));
  }
  if (report.orphaned > 0) {
    parts.push(count(report.orphaned, 'passage removed', 'passages removed'));
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The banner's line: "Updated Feb 12: 2 claims changed, 1 passage removed". */
export function bannerText(version: VersionSummary): string {
  const day = `Updated ${versionDay(version)}`;
  if (!version.report) return day;
  return `${day}: ${describeReportChanges(version.report) ?? 'your highlights are all in place'}`;
}

/**
 * "2 of 2 — Feb 12, 2026 (current)", "1 — Feb 10, 2026 (first import)": the picker's own label
 * says "Version", and the reader's toolbar has little room.
 */
export function pickerLabel(version: VersionSummary, total: number): string {
  const date = versionDate(version);
  if (version.current) return `${version.number} of ${total} — ${date} (current)`;
  const note = version.source === 'import' ? ' (first import)' : '';
  return `${version.number} — ${date}${note}`;
}

/** The notice over an older version (its button says "Back to current version"). */
export function olderVersionNotice(version: VersionSummary, total: number): string {
  return `You are reading version ${version.number} of ${total} (${versionDay(version)}).`;
}

/** What re-anchoring found, all four counts: "4 unchanged, 1 moved, 1 changed, 1 orphaned". */
export function describeCounts(report: ReanchorReport): string {
  return `${report.unchanged} unchanged, ${report.moved} moved, ${report.changed} changed, ${report.orphaned} orphaned`;
}

/** The announcement after an update or a check. */
export function describeOutcome(outcome: VersionOutcome): string {
  if (outcome.status === 'unchanged') {
    return `No changes: the text is the same as version ${outcome.version.number}`;
  }
  const counts = outcome.report ? `: annotations ${describeCounts(outcome.report)}` : '';
  const warnings = outcome.warnings.length > 0 ? `. ${outcome.warnings.join(' ')}` : '';
  return `Version ${outcome.version.number} added${counts}${warnings}`;
}
