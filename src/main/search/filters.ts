/**
 * `speaker:`, `tag:` and `type:` as SQL conditions on annotations (`n`). A value names the
 * speakers, tags or claim types whose name equals it, folded for case and accents — or, when
 * none does, those whose name contains it (`speaker:stoltenberg` finds "Jens Stoltenberg").
 */
import type { Database } from 'better-sqlite3';
import type { FilterField } from './query';

/** Case and accents folded: "École" → "ecole". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

interface Candidate {
  readonly key: string;
  readonly name: string;
}

function namesMatching(candidates: readonly Candidate[], value: string) {
  const wanted = fold(value);
  const equal = candidates.filter((c) => fold(c.name) === wanted);
  return (equal.length > 0 ? equal : candidates.filter((c) => fold(c.name).includes(wanted))).map(
    (c) => c.key,
  );
}

function candidatesOf(db: Database, field: FilterField): Candidate[] {
  switch (field) {
    case 'speaker':
      return db.prepare('SELECT id AS key, name FROM speakers WHERE deleted_at IS NULL').all() as {
        key: string;
        name: string;
      }[];
    case 'tag':
      return db.prepare('SELECT id AS key, name FROM tags WHERE deleted_at IS NULL').all() as {
        key: string;
        name: string;
      }[];
    case 'type':
      return claimTypesInUse(db);
  }
}

/**
 * The claim types annotations use. Finding them reads every annotation (no index holds them:
 * 10–15 ms over 20,000), so the answer is kept until the database changes — from this
 * connection (`total_changes()`) or another one (`data_version`).
 */
const claimTypesCache = new WeakMap<Database, { version: string; types: Candidate[] }>();

function claimTypesInUse(db: Database): Candidate[] {
  const { changes } = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  const version = `${changes}:${String(db.pragma('data_version', { simple: true }))}`;
  const cached = claimTypesCache.get(db);
  if (cached?.version === version) return cached.types;
  const types = db
    .prepare(
      `SELECT DISTINCT claim_type AS key, claim_type AS name FROM annotations
       WHERE claim_type IS NOT NULL AND deleted_at IS NULL`,
    )
    .all() as Candidate[];
  claimTypesCache.set(db, { version, types });
  return types;
}

const CONDITION: Record<FilterField, string> = {
  speaker: 'n.claim_speaker_id IN (SELECT value FROM json_each(?))',
  // As a list the planner can start from (the tag's index), not a test made on every annotation.
  tag: `n.id IN (SELECT at.annotation_id FROM annotation_tags at
          WHERE at.tag_id IN (SELECT value FROM json_each(?)))`,
  type: 'n.claim_type IN (SELECT value FROM json_each(?))',
};

/** The filters as one condition, or null when a filter names nothing (nothing can match). */
export function filterCondition(
  db: Database,
  filters: readonly { field: FilterField; value: string }[],
): SqlCondition | null {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const { field, value } of filters) {
    const keys = namesMatching(candidatesOf(db, field), value);
    if (keys.length === 0) return null;
    sql.push(CONDITION[field]);
    params.push(JSON.stringify(keys));
  }
  return { sql: sql.length === 0 ? '1' : sql.join(' AND '), params };
}
