/** Queries over `speakers`: who a claim is attributed to, one entity per name across the library. */
import type { Database } from 'better-sqlite3';
import type { SpeakerSummary } from '../../shared/contract/entities';
import { cleanName, nameKey } from './name-key';

/** Answers the id of the live speaker with this name (ignoring case and form), creating one. */
export function ensureSpeaker(db: Database, name: string, newId: () => string, at: string): string {
  const key = nameKey(name);
  const existing = db
    .prepare('SELECT id FROM speakers WHERE name_key = ? AND deleted_at IS NULL')
    .get(key) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = newId();
  db.prepare('INSERT INTO speakers (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    cleanName(name),
    key,
    at,
  );
  return id;
}

export function listSpeakers(db: Database): SpeakerSummary[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.name,
         (SELECT count(*) FROM annotations n
            JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
          WHERE n.claim_speaker_id = s.id AND n.deleted_at IS NULL AND n.claim_type IS NOT NULL)
           AS claim_count
       FROM speakers s WHERE s.deleted_at IS NULL ORDER BY s.name_key`,
    )
    .all() as { id: string; name: string; claim_count: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, claimCount: r.claim_count }));
}
