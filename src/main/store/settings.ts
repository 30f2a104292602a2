/** Settings and reading positions: small per-library state the reader restores. */
import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/contract/entities';

const SETTINGS_KEY = 'reader';

/** The stored settings over the defaults; a value that no longer parses falls back to its default. */
export function readSettings(db: Database): Settings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as
    { value: string } | undefined;
  const stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = SettingsSchema.shape[key as keyof Settings];
    if (field?.safeParse(value).success) merged[key] = value;
  }
  return SettingsSchema.parse(merged);
}

export function writeSettings(db: Database, settings: Settings, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(SETTINGS_KEY, JSON.stringify(settings), at);
}

export function readReadingPosition(db: Database, articleId: string): number | null {
  const row = db
    .prepare('SELECT offset FROM reading_positions WHERE article_id = ?')
    .get(articleId) as { offset: number } | undefined;
  return row?.offset ?? null;
}

export function writeReadingPosition(
  db: Database,
  articleId: string,
  offset: number,
  at: string,
): void {
  db.prepare(
    `INSERT INTO reading_positions (article_id, offset, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET offset = excluded.offset, updated_at = excluded.updated_at`,
  ).run(articleId, offset, at);
}
