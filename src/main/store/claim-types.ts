/** Claim types: the defaults every library has, and those the user added, in one list. */
import type { Database } from 'better-sqlite3';
import { DEFAULT_CLAIM_TYPES } from '../../shared/contract/entities';
import { cleanName, nameKey } from './name-key';

const DEFAULT_KEYS = new Map(DEFAULT_CLAIM_TYPES.map((t) => [nameKey(t), t]));

/** The stored spelling of a claim type: a default's own, else the user's, remembered. */
export function ensureClaimType(db: Database, name: string, at: string): string {
  const key = nameKey(name);
  const builtIn = DEFAULT_KEYS.get(key);
  if (builtIn) return builtIn;
  db.prepare('INSERT OR IGNORE INTO claim_types (name_key, name, created_at) VALUES (?, ?, ?)').run(
    key,
    cleanName(name),
    at,
  );
  return (
    db.prepare('SELECT name FROM claim_types WHERE name_key = ?').get(key) as { name: string }
  ).name;
}

export function listClaimTypes(db: Database): string[] {
  const custom = db.prepare('SELECT name FROM claim_types ORDER BY name_key').all() as {
    name: string;
  }[];
  return [...DEFAULT_CLAIM_TYPES, ...custom.map((r) => r.name)];
}
