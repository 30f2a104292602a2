/**
 * The checker: compares a reopened library with the expected state after a kill. Every
 * acknowledged write must be there whole; the one write in flight at the kill may have landed or
 * not, but whole either way; nothing else may appear; and SQLite must find the file sound.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Database } from 'better-sqlite3';
import type { Library } from '../../src/main/library';
import {
  applyWrite,
  copyExpected,
  observeLibrary,
  type ExpectedLibrary,
  type LibraryState,
  type LinkState,
} from './model';
import type { AnnotationState, Write } from './protocol';

/**
 * - lost: an acknowledged write is missing or changed;
 * - half: the write in flight left part of itself (an annotation without its tags, a delete
 *   that kept its links, an update with a new note and old tags);
 * - unexpected: something no write made;
 * - integrity: SQLite's own checks failed;
 * - writer: the writer failed before it could be killed (the harness's problem, not storage's).
 */
export type ProblemKind = 'lost' | 'half' | 'unexpected' | 'integrity' | 'writer';

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

export interface CheckOutcome {
  readonly problems: Problem[];
  /** The expected state from now on: the model, plus the write in flight if it landed. */
  readonly expected: ExpectedLibrary;
  /** Whether the write in flight landed; null when there was none. */
  readonly inFlightLanded: boolean | null;
}

const FIELDS = ['articleId', 'quote', 'start', 'end', 'color', 'note', 'tags', 'claim'] as const;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describeAnnotation(state: AnnotationState): string {
  return `"${state.quote.slice(0, 30)}" note ${short(state.note)} tags ${short(state.tags)} claim ${short(state.claim)}`;
}

function describeLink(id: string, link: LinkState): string {
  return `link ${id} (${link.fromId} ${link.relation} ${link.toId})`;
}

function differences(expected: AnnotationState, found: AnnotationState): string[] {
  return FIELDS.filter((field) => !isDeepStrictEqual(expected[field], found[field])).map(
    (field) => `${field} ${short(found[field])} instead of ${short(expected[field])}`,
  );
}

/** The id the write in flight made, if it is in the library; null if it did not land. */
function landedId(write: Write, model: ExpectedLibrary, found: LibraryState): string | null {
  if (write.op === 'create') {
    const { articleId, quote, start, end, color } = write.annotation;
    for (const [id, state] of found.annotations) {
      if (model.annotations.has(id) || model.deleted.has(id)) continue;
      const sameRow =
        state.articleId === articleId &&
        state.quote === quote &&
        state.start === start &&
        state.end === end &&
        state.color === color;
      if (sameRow) return id;
    }
    return null;
  }
  if (write.op === 'link') {
    for (const [id, link] of found.links) {
      if (model.links.has(id)) continue;
      const same =
        link.fromId === write.fromId &&
        link.toId === write.toId &&
        link.relation === write.relation;
      if (same) return id;
    }
  }
  return null;
}

/** Decides whether the write in flight landed, and the expected state that follows. */
function settleInFlight(
  model: ExpectedLibrary,
  inFlight: Write | null,
  found: LibraryState,
): { expected: ExpectedLibrary; landed: boolean | null; touched: Set<string> } {
  const touched = new Set<string>();
  if (!inFlight) return { expected: model, landed: null, touched };
  const after = copyExpected(model);
  let landed: boolean;
  switch (inFlight.op) {
    case 'create':
    case 'link': {
      const id = landedId(inFlight, model, found);
      landed = id !== null;
      if (id) {
        applyWrite(after, inFlight, id);
        touched.add(id);
      }
      break;
    }
    case 'update':
      applyWrite(after, inFlight, null);
      landed = isDeepStrictEqual(
        found.annotations.get(inFlight.id),
        after.annotations.get(inFlight.id),
      );
      touched.add(inFlight.id);
      break;
    case 'delete':
      applyWrite(after, inFlight, null);
      landed = !found.annotations.has(inFlight.id);
      touched.add(inFlight.id);
      break;
  }
  return { expected: landed ? after : model, landed, touched };
}

/** Compares what the library holds with what it must hold. */
export function compareState(
  model: ExpectedLibrary,
  inFlight: Write | null,
  found: LibraryState,
): CheckOutcome {
  const { expected, landed, touched } = settleInFlight(model, inFlight, found);
  const problems: Problem[] = [];
  // A difference that only touches what the write in flight wrote is that write half-done.
  const kindFor = (...ids: string[]): ProblemKind =>
    ids.some((id) => touched.has(id)) ? 'half' : 'lost';
  const inFlightNote = inFlight ? ` (the write in flight was a ${inFlight.op})` : '';

  for (const [id, state] of expected.annotations) {
    const there = found.annotations.get(id);
    if (!there) {
      problems.push({
        kind: kindFor(id),
        message: `annotation ${id} is missing; acknowledged as ${describeAnnotation(state)}${inFlightNote}`,
      });
      continue;
    }
    const diff = differences(state, there);
    if (diff.length > 0) {
      problems.push({
        kind: kindFor(id),
        message: `annotation ${id} has ${diff.join('; ')}${inFlightNote}`,
      });
    }
  }
  for (const id of expected.deleted) {
    if (found.annotations.has(id)) {
      problems.push({
        kind: kindFor(id),
        message: `annotation ${id} is live, but its delete was acknowledged`,
      });
    }
  }
  for (const [id, state] of found.annotations) {
    if (expected.annotations.has(id) || expected.deleted.has(id)) continue;
    problems.push({
      kind: 'unexpected',
      message: `annotation ${id} was never acknowledged: ${describeAnnotation(state)}${inFlightNote}`,
    });
  }

  for (const [id, link] of expected.links) {
    const there = found.links.get(id);
    if (!there || !isDeepStrictEqual(there, link)) {
      problems.push({
        kind: kindFor(link.fromId, link.toId),
        message: `${describeLink(id, link)} is ${there ? 'changed' : 'missing'}${inFlightNote}`,
      });
    }
  }
  for (const [id, link] of found.links) {
    if (expected.links.has(id)) continue;
    problems.push({
      kind: touched.has(link.fromId) || touched.has(link.toId) ? 'half' : 'unexpected',
      message: `${describeLink(id, link)} was never acknowledged${inFlightNote}`,
    });
  }
  return { problems, expected, inFlightLanded: landed };
}

/** SQLite's own checks, plus one the service's reads cannot see: live links of deleted notes. */
export function checkDatabase(db: Database): Problem[] {
  const problems: Problem[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const verdict = integrity.map((row) => row.integrity_check);
  if (verdict.length !== 1 || verdict[0] !== 'ok') {
    problems.push({ kind: 'integrity', message: `integrity_check: ${verdict.join('; ')}` });
  }
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) {
    problems.push({
      kind: 'integrity',
      message: `foreign_key_check: ${foreignKeys.length} rows, first ${short(foreignKeys[0])}`,
    });
  }
  // A delete soft-deletes the annotation and its links in one transaction. The service hides a
  // link whose end is deleted, so only the table shows a delete that kept its links.
  const dangling = db
    .prepare(
      `SELECT l.id, n.id AS annotation FROM links l
         JOIN annotations n ON n.id IN (l.from_annotation_id, l.to_annotation_id)
        WHERE l.deleted_at IS NULL AND n.deleted_at IS NOT NULL`,
    )
    .all() as { id: string; annotation: string }[];
  for (const row of dangling) {
    problems.push({
      kind: 'half',
      message: `link ${row.id} is live, but its annotation ${row.annotation} is deleted`,
    });
  }
  return problems;
}

/** Deleted annotations go to the Trash: each must still have its row, marked deleted. */
export function checkDeletedKept(db: Database, deleted: Iterable<string>): Problem[] {
  const deletedAt = db.prepare('SELECT deleted_at FROM annotations WHERE id = ?').pluck();
  const problems: Problem[] = [];
  for (const id of deleted) {
    const at = deletedAt.get(id) as string | null | undefined;
    if (at === undefined) {
      problems.push({
        kind: 'lost',
        message: `deleted annotation ${id} is gone, not in the Trash`,
      });
    }
  }
  return problems;
}

/** Checks a reopened library against the model and the write that was in flight. */
export function checkLibrary(
  library: Library,
  model: ExpectedLibrary,
  inFlight: Write | null,
): CheckOutcome {
  const outcome = compareState(model, inFlight, observeLibrary(library));
  return {
    ...outcome,
    problems: [
      ...outcome.problems,
      ...checkDeletedKept(library.db, outcome.expected.deleted),
      ...checkDatabase(library.db),
    ],
  };
}
