/**
 * Migration 2 on a database in the shape migration 1 left it, with data in it: claim speakers move
 * from text on each annotation to `speakers` entities, and nothing else changes.
 */
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { migration0001 } from '../../../../src/main/store/migrations/0001-initial';
import { migration0002 } from '../../../../src/main/store/migrations/0002-claims-links-settings';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { nameKey } from '../../../../src/main/store/name-key';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0002-');

const ARTICLE_ID = '01950000-0000-7000-8000-00000000a001';
const OTHER_ARTICLE_ID = '01950000-0000-7000-8000-00000000a002';
const ACCUSATION_ID = '01950000-0000-7000-8000-00000000b001';
const DENIAL_ID = '01950000-0000-7000-8000-00000000b002';
const WARNING_ID = '01950000-0000-7000-8000-00000000b003';
const PLAIN_ID = '01950000-0000-7000-8000-00000000b004';
const OTHER_ARTICLE_NOTE_ID = '01950000-0000-7000-8000-00000000b005';
const DELETED_NOTE_ID = '01950000-0000-7000-8000-00000000b006';
const TAG_ID = '01950000-0000-7000-8000-00000000c001';
const LINK_ID = '01950000-0000-7000-8000-00000000d001';
const AT = '2024-01-01T00:00:00.000Z';
const LATER = '2024-01-02T00:00:00.000Z';

const TEXT =
  'Western intelligence reports have said that Russia planned to run false-flag operations, ' +
  'which Russia denies. Stoltenberg said the warning time is going down.';

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

/** Opens with the migrations up to this one, so later ones do not move the version on. */
function open(file: string, migrations = MIGRATIONS.slice(0, 2)) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

interface OldAnnotation {
  id: string;
  articleId?: string;
  exact: string;
  speaker: string | null;
  type?: string | null;
  status?: string | null;
  note?: string;
  deletedAt?: string | null;
  createdAt?: string;
}

/** A library as a user of version 1 has it: rows written in migration 1's shape. */
function seedVersion1(db: Database, annotations: readonly OldAnnotation[]): void {
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
     VALUES (?, ?, 'text', '{"type":"doc","content":[]}', ?, 'hash', ?, ?)`,
  );
  insertArticle.run(ARTICLE_ID, 'Negotiations continue', TEXT, AT, AT);
  insertArticle.run(OTHER_ARTICLE_ID, 'Talks stall', 'Russia denies any plan to invade.', AT, AT);
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker, claim_status,
       created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, '', '', 0, ?, 'yellow', ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of annotations) {
    const claimed = a.speaker !== null || (a.type !== undefined && a.type !== null);
    insertAnnotation.run(
      a.id,
      a.articleId ?? ARTICLE_ID,
      a.exact,
      a.exact.length,
      a.note ?? '',
      a.type === undefined ? (claimed ? 'assertion' : null) : a.type,
      a.speaker,
      a.status === undefined ? (claimed ? 'unverified' : null) : a.status,
      a.createdAt ?? AT,
      a.createdAt ?? AT,
      a.deletedAt ?? null,
    );
  }
  db.prepare('INSERT INTO tags (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
    TAG_ID,
    'False-Flag',
    nameKey('False-Flag'),
    AT,
  );
  db.prepare(
    'INSERT INTO annotation_tags (annotation_id, tag_id, created_at) VALUES (?, ?, ?)',
  ).run(ACCUSATION_ID, TAG_ID, AT);
  db.prepare(
    `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
     VALUES (?, ?, ?, 'denies', ?)`,
  ).run(LINK_ID, DENIAL_ID, ACCUSATION_ID, AT);
  db.prepare("INSERT INTO meta (key, value) VALUES ('sample_seeded', ?)").run(AT);
}

const STANDARD: readonly OldAnnotation[] = [
  {
    id: ACCUSATION_ID,
    exact: 'Western intelligence reports',
    speaker: 'Western intelligence',
    type: 'accusation',
    note: 'the false-flag claim',
  },
  { id: DENIAL_ID, exact: 'which Russia denies', speaker: 'Russia', type: 'denial' },
  { id: WARNING_ID, exact: 'Stoltenberg said', speaker: null, type: 'prediction' },
  { id: PLAIN_ID, exact: 'warning time', speaker: null, type: null, status: null },
  {
    id: OTHER_ARTICLE_NOTE_ID,
    articleId: OTHER_ARTICLE_ID,
    exact: 'Russia denies',
    speaker: 'russia ',
    type: 'denial',
    status: 'disputed',
  },
  {
    id: DELETED_NOTE_ID,
    exact: 'false-flag operations',
    speaker: 'RUSSIA',
    type: 'accusation',
    deletedAt: LATER,
  },
];

/** Makes a version-1 file holding `annotations`, closes it, and answers its path. */
function version1File(annotations: readonly OldAnnotation[] = STANDARD): string {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = open(file, [migration0001]);
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  seedVersion1(db, annotations);
  db.close();
  return file;
}

function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (r) => r.name,
  );
}

function tableNames(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
}

function speakerIdOf(db: Database, annotationId: string): string | null {
  return (
    db.prepare('SELECT claim_speaker_id FROM annotations WHERE id = ?').get(annotationId) as {
      claim_speaker_id: string | null;
    }
  ).claim_speaker_id;
}

/** Every row of the tables migration 2 must leave as they were, minus the moved column. */
function untouchedRows(db: Database) {
  return {
    articles: db.prepare('SELECT * FROM articles ORDER BY id').all(),
    annotations: db
      .prepare(
        `SELECT id, article_id, quote_exact, quote_prefix, quote_suffix, position_start,
           position_end, color, note, claim_type, claim_status, created_at, updated_at, deleted_at
         FROM annotations ORDER BY id`,
      )
      .all(),
    tags: db.prepare('SELECT * FROM tags ORDER BY id').all(),
    annotationTags: db.prepare('SELECT * FROM annotation_tags ORDER BY 1, 2').all(),
    links: db.prepare('SELECT * FROM links ORDER BY id').all(),
    meta: db.prepare('SELECT * FROM meta ORDER BY key').all(),
  };
}

describe('migration 2 (claims, links and settings)', () => {
  it('is the second migration and takes a version-1 library to user_version 2', () => {
    expect(MIGRATIONS[1]).toBe(migration0002);
    expect(migration0002.version).toBe(2);
    const file = version1File();
    const { db, previousVersion } = open(file);
    expect(previousVersion).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('takes a verified backup of the version-1 file before migrating', () => {
    const file = version1File();
    const { backupFile } = open(file);
    expect(backupFile).toBeTruthy();
    expect(path.dirname(backupFile!)).toBe(path.join(path.dirname(file), 'backups'));
    expect(path.basename(backupFile!)).toMatch(/^marginalia\.db\.before-migration\./);
    const backup = new BetterSqlite3(backupFile!, { readonly: true });
    opened.push(backup);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    // The backup is the library as it was: version 1, speakers still text on each annotation.
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(columnsOf(backup, 'annotations')).toContain('claim_speaker');
    expect(tableNames(backup)).not.toContain('speakers');
    expect(
      backup.prepare('SELECT claim_speaker FROM annotations WHERE id = ?').get(DENIAL_ID),
    ).toEqual({ claim_speaker: 'Russia' });
  });

  it('makes one speaker per distinct folded name and points annotations at it', () => {
    const { db } = open(version1File());
    const speakers = db
      .prepare('SELECT id, name, name_key, deleted_at FROM speakers ORDER BY name_key')
      .all() as { id: string; name: string; name_key: string; deleted_at: string | null }[];
    // 'Russia', 'russia ' and 'RUSSIA' are one entity; the stored name is cleaned (trimmed).
    expect(speakers.map((s) => s.name_key)).toEqual(['russia', 'western intelligence']);
    expect(speakers.every((s) => s.deleted_at === null)).toBe(true);
    const [russia, western] = speakers;
    expect(['Russia', 'russia', 'RUSSIA']).toContain(russia!.name);
    expect(western!.name).toBe('Western intelligence');

    expect(speakerIdOf(db, ACCUSATION_ID)).toBe(western!.id);
    expect(speakerIdOf(db, DENIAL_ID)).toBe(russia!.id);
    // The same speaker in another article, and on a deleted annotation, is the same entity.
    expect(speakerIdOf(db, OTHER_ARTICLE_NOTE_ID)).toBe(russia!.id);
    expect(speakerIdOf(db, DELETED_NOTE_ID)).toBe(russia!.id);
  });

  it('keeps the first-written spelling of a speaker', () => {
    const { db } = open(
      version1File([
        { id: ACCUSATION_ID, exact: 'Western intelligence', speaker: 'Western intelligence' },
        { id: DENIAL_ID, exact: 'which Russia denies', speaker: ' russia' },
        { id: WARNING_ID, exact: 'Russia planned', speaker: 'Russia', createdAt: LATER },
      ]),
    );
    expect(db.prepare('SELECT name FROM speakers WHERE name_key = ?').all('russia')).toEqual([
      { name: 'russia' },
    ]);
  });

  it('drops the claim_speaker column and leaves speakerless claims and plain notes null', () => {
    const { db } = open(version1File());
    const columns = columnsOf(db, 'annotations');
    expect(columns).not.toContain('claim_speaker');
    expect(columns).toContain('claim_speaker_id');
    expect(speakerIdOf(db, WARNING_ID)).toBeNull();
    expect(speakerIdOf(db, PLAIN_ID)).toBeNull();
    expect(
      db.prepare('SELECT claim_type, claim_status FROM annotations WHERE id = ?').get(PLAIN_ID),
    ).toEqual({ claim_type: null, claim_status: null });
    // The speaker column is a foreign key now.
    expect(() =>
      db
        .prepare('UPDATE annotations SET claim_speaker_id = ? WHERE id = ?')
        .run('no-such-speaker', PLAIN_ID),
    ).toThrow(/FOREIGN KEY/);
  });

  it('leaves every other row as it was, and the search index in step', () => {
    const file = version1File();
    const before = (() => {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        return untouchedRows(db);
      } finally {
        db.close();
      }
    })();
    expect(before.annotations).toHaveLength(STANDARD.length);
    const { db } = open(file);
    expect(untouchedRows(db)).toEqual(before);
    db.exec("INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')");
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    const matches = db
      .prepare(
        `SELECT n.id FROM annotations_fts f JOIN annotations n ON n.seq = f.rowid
         WHERE annotations_fts MATCH ? ORDER BY n.id`,
      )
      .all('claim') as { id: string }[];
    expect(matches).toEqual([{ id: ACCUSATION_ID }]);
  });

  it('creates claim_types, reading_positions and settings, empty', () => {
    const { db } = open(version1File());
    const names = tableNames(db);
    for (const table of ['speakers', 'claim_types', 'reading_positions', 'settings']) {
      expect(names).toContain(table);
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({
        n: table === 'speakers' ? 2 : 0,
      });
    }
    expect(columnsOf(db, 'reading_positions')).toEqual(['article_id', 'offset', 'updated_at']);
    expect(columnsOf(db, 'settings')).toEqual(['key', 'value', 'updated_at']);
    expect(() =>
      db
        .prepare('INSERT INTO reading_positions (article_id, offset, updated_at) VALUES (?, ?, ?)')
        .run(ARTICLE_ID, -1, AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare('INSERT INTO reading_positions (article_id, offset, updated_at) VALUES (?, ?, ?)')
        .run('no-such-article', 0, AT),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
        .run('reader', 'not json', AT),
    ).toThrow(/CHECK/);
  });

  it('allows one live link per (from, to, relation); another once the first is deleted', () => {
    const { db } = open(version1File());
    const insert = db.prepare(
      `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    expect(() => insert.run('l2', DENIAL_ID, ACCUSATION_ID, 'denies', LATER)).toThrow(/UNIQUE/);
    // Another relation, or the other direction, is another link.
    insert.run('l3', DENIAL_ID, ACCUSATION_ID, 'responds-to', LATER);
    insert.run('l4', ACCUSATION_ID, DENIAL_ID, 'denies', LATER);

    db.prepare('UPDATE links SET deleted_at = ? WHERE id = ?').run(LATER, LINK_ID);
    insert.run('l5', DENIAL_ID, ACCUSATION_ID, 'denies', LATER);
    expect(() => insert.run('l6', DENIAL_ID, ACCUSATION_ID, 'denies', LATER)).toThrow(/UNIQUE/);
    // Deleted duplicates may pile up.
    db.prepare('UPDATE links SET deleted_at = ? WHERE id = ?').run(LATER, 'l5');
    insert.run('l7', DENIAL_ID, ACCUSATION_ID, 'denies', LATER);
    expect(
      db
        .prepare(
          `SELECT id FROM links WHERE from_annotation_id = ? AND to_annotation_id = ?
             AND relation = 'denies' ORDER BY id`,
        )
        .all(DENIAL_ID, ACCUSATION_ID),
    ).toEqual([{ id: LINK_ID }, { id: 'l5' }, { id: 'l7' }]);
  });

  it('makes speaker names unique by key among live speakers only', () => {
    const { db } = open(version1File());
    const insert = db.prepare(
      'INSERT INTO speakers (id, name, name_key, created_at, deleted_at) VALUES (?, ?, ?, ?, ?)',
    );
    expect(() => insert.run('s1', 'RUSSIA', nameKey('RUSSIA'), AT, null)).toThrow(/UNIQUE/);
    insert.run('s2', 'Russia', nameKey('Russia'), AT, LATER);
  });

  it('migrates a version-1 library with no claims at all', () => {
    const { db } = open(
      version1File([
        { id: ACCUSATION_ID, exact: 'Western', speaker: null, type: null, status: null },
        { id: DENIAL_ID, exact: 'Russia', speaker: null, type: null, status: null },
      ]),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM speakers').get()).toEqual({ n: 0 });
  });

  it('needs no backup for a new library, which is made at version 2 directly', () => {
    const { db, backupFile, previousVersion } = open(path.join(tempDir(), 'marginalia.db'));
    expect(previousVersion).toBe(0);
    expect(backupFile).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(columnsOf(db, 'annotations')).not.toContain('claim_speaker');
  });
});
