import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../src/main/store/statement-cache';

const opened: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function database() {
  const db = new BetterSqlite3(':memory:');
  opened.push(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
  return cacheStatements(db);
}

describe('cacheStatements', () => {
  it('answers the same statement for the same SQL', () => {
    const db = database();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(cacheStatements(db)).toBe(db);
  });

  it('gives a statement back in its default mode after a caller set raw or pluck', () => {
    const db = database();
    const sql = 'SELECT id, name FROM t ORDER BY id';
    expect(db.prepare(sql).raw(true).all()).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
    expect(db.prepare(sql).pluck(true).get()).toBe(1);
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
  });

  it('prepares another while one is still stepping through rows', () => {
    const db = database();
    const sql = 'SELECT name FROM t ORDER BY id';
    const names: string[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ name: string }>) {
      names.push(row.name, (db.prepare(sql).get() as { name: string }).name);
    }
    expect(names).toEqual(['a', 'a', 'b', 'a', 'c', 'a']);
  });

  it('does not keep very long SQL', () => {
    const db = database();
    const sql = `SELECT name FROM t WHERE id IN (${Array.from({ length: 2_000 }, () => '?').join(', ')})`;
    expect(db.prepare(sql)).not.toBe(db.prepare(sql));
  });

  it('keeps running statements that change data', () => {
    const db = database();
    const insert = 'INSERT INTO t (name) VALUES (?)';
    db.prepare(insert).run('d');
    db.prepare(insert).run('e');
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 5 });
  });
});
