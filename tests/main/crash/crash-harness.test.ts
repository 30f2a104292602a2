import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { checkLibrary, type ProblemKind } from '../../../scripts/crash/check';
import { runSoak, runWriter, summaryLine } from '../../../scripts/crash/harness';
import { annotationState, expectedFromLibrary } from '../../../scripts/crash/model';
import type { Write } from '../../../scripts/crash/protocol';
import { create, UNKNOWN_ID, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-crash-');

/** A fresh library with two annotations, linked, and the expected state it holds. */
function libraryWithTwo(): { library: Library; first: string; second: string } {
  const library = openLibrary({ dataDir: tempDir() });
  const { service } = library;
  const first = create(service, SAMPLE_ARTICLE_ID, 'thousands of troops', {
    note: 'first',
    tags: ['soak-alpha'],
    claim: { type: 'assertion', speaker: 'Soak Speaker One', status: 'unverified' },
  }).id;
  const second = create(service, SAMPLE_ARTICLE_ID, 'NATO', { note: 'second' }).id;
  service.createLink({ fromId: second, toId: first, relation: 'supports' });
  return { library, first, second };
}

function kinds(problems: readonly { kind: ProblemKind }[]): ProblemKind[] {
  return problems.map((p) => p.kind);
}

describe('the crash harness', () => {
  it('R16 kill -9 in the middle of a stream of writes loses no acknowledged write', async () => {
    const result = await runSoak({ kills: 5, seed: 16, dataDir: tempDir() });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(5);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(summaryLine(result)).toBe(
      `5 kills, ${result.acknowledged} acknowledged writes, 0 lost, integrity ok`,
    );
  }, 120_000);

  it('R16 reports a writer that dies by itself instead of counting it as a kill', async () => {
    const dataDir = tempDir();
    openLibrary({ dataDir }).close();
    const run = await runWriter({
      dataDir,
      articleId: UNKNOWN_ID,
      seed: 1,
      plan: { after: 'acks', count: 10 },
    });
    expect(run.failure).toMatch(/exited by itself.*no article with id/s);
    expect(run.acks).toEqual([]);
  }, 60_000);
});

describe('the crash checker fails when it should', () => {
  it('R16 finds nothing wrong in a library that holds exactly what was acknowledged', () => {
    const { library } = libraryWithTwo();
    const outcome = checkLibrary(library, expectedFromLibrary(library), null);
    expect(outcome.problems).toEqual([]);
    library.close();
  });

  it('R16 reports an acknowledged annotation that is not in the database as lost', () => {
    const { library, first } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    const claimed = { ...model.annotations.get(first)!, note: 'never stored' };
    model.annotations.set(UNKNOWN_ID, claimed);
    const { problems } = checkLibrary(library, model, null);
    expect(kinds(problems)).toEqual(['lost']);
    expect(problems[0]!.message).toContain(`annotation ${UNKNOWN_ID} is missing`);
    library.close();
  });

  it('R16 reports an acknowledged note or tags that did not stick as lost', () => {
    const { library, first } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    const before = model.annotations.get(first)!;
    model.annotations.set(first, { ...before, note: 'acknowledged', tags: ['soak-beta'] });
    const { problems } = checkLibrary(library, model, null);
    expect(kinds(problems)).toEqual(['lost']);
    expect(problems[0]!.message).toMatch(/note "first" instead of "acknowledged".*tags/);
    library.close();
  });

  it('R16 reports an acknowledged delete whose annotation is still live, and a lost link', () => {
    const { library, first, second } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    model.annotations.delete(second);
    model.deleted.add(second);
    model.links.set(UNKNOWN_ID, { fromId: first, toId: first, relation: 'denies' });
    const { problems } = checkLibrary(library, model, null);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        `annotation ${second} is live, but its delete was acknowledged`,
        expect.stringContaining(`link ${UNKNOWN_ID}`),
      ]),
    );
    expect(kinds(problems)).not.toContain('half');
    library.close();
  });

  it('R16 reports an acknowledged delete that left no row in the Trash as lost', () => {
    const { library } = libraryWithTwo();
    const gone = create(library.service, SAMPLE_ARTICLE_ID, 'Moscow').id;
    library.service.deleteAnnotation({ id: gone });
    const model = expectedFromLibrary(library);
    model.deleted.add(gone);
    expect(checkLibrary(library, model, null).problems).toEqual([]);
    library.db.prepare('DELETE FROM annotations WHERE id = ?').run(gone);
    const { problems } = checkLibrary(library, model, null);
    expect(problems).toEqual([
      { kind: 'lost', message: `deleted annotation ${gone} is gone, not in the Trash` },
    ]);
    library.close();
  });

  it('R16 reports an annotation that no write made as unexpected', () => {
    const { library } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    const extra = create(library.service, SAMPLE_ARTICLE_ID, 'Moscow', { note: 'stray' }).id;
    const { problems } = checkLibrary(library, model, null);
    expect(kinds(problems)).toEqual(['unexpected']);
    expect(problems[0]!.message).toContain(`annotation ${extra} was never acknowledged`);
    library.close();
  });

  it('R16 accepts the write in flight whole, landed or not, and follows it when it landed', () => {
    const { library } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    const created = create(library.service, SAMPLE_ARTICLE_ID, 'Ukraine', {
      note: 'in flight',
      tags: ['soak-gamma', 'soak-beta'],
    });
    const write: Write = { op: 'create', annotation: annotationState(created) };

    const landed = checkLibrary(library, model, write);
    expect(landed.problems).toEqual([]);
    expect(landed.inFlightLanded).toBe(true);
    expect(landed.expected.annotations.get(created.id)).toEqual(write.annotation);

    const notLanded = checkLibrary(
      library,
      landed.expected,
      { op: 'delete', id: created.id }, // still live: the delete did not land
    );
    expect(notLanded.problems).toEqual([]);
    expect(notLanded.inFlightLanded).toBe(false);
    library.close();
  });

  it('R16 reports a write in flight that landed in part as half-written', () => {
    const { library, first } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    // The in-flight update set note, tags and claim together; only the note is there.
    library.service.updateAnnotation({ id: first, note: 'new note' });
    const write: Write = {
      op: 'update',
      id: first,
      note: 'new note',
      tags: ['soak-delta'],
      claim: null,
    };
    const { problems, inFlightLanded } = checkLibrary(library, model, write);
    expect(inFlightLanded).toBe(false);
    expect(kinds(problems)).toEqual(['half']);
    expect(problems[0]!.message).toContain(`annotation ${first} has note "new note"`);
    library.close();
  });

  it('R16 reports a created annotation without its tags as half-written', () => {
    const { library } = libraryWithTwo();
    const model = expectedFromLibrary(library);
    const created = create(library.service, SAMPLE_ARTICLE_ID, 'Ukraine', { note: 'n' });
    const write: Write = {
      op: 'create',
      annotation: { ...annotationState(created), tags: ['soak-alpha'] },
    };
    const { problems } = checkLibrary(library, model, write);
    expect(kinds(problems)).toEqual(['half']);
    expect(problems[0]!.message).toMatch(/tags \[\] instead of \["soak-alpha"\]/);
    library.close();
  });

  it('R16 reports a deleted annotation whose links are still live, and broken foreign keys', () => {
    const { library, second } = libraryWithTwo();
    library.service.deleteAnnotation({ id: second });
    const model = expectedFromLibrary(library);
    model.deleted.add(second);
    library.db.prepare('UPDATE links SET deleted_at = NULL').run();
    library.db.pragma('foreign_keys = OFF');
    library.db
      .prepare('INSERT INTO annotation_tags (annotation_id, tag_id, created_at) VALUES (?, ?, ?)')
      .run(UNKNOWN_ID, UNKNOWN_ID, '2024-01-01T00:00:00.000Z');
    const { problems } = checkLibrary(library, model, null);
    expect(kinds(problems).sort()).toEqual(['half', 'integrity']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      new RegExp(`foreign_key_check: 2 rows[^]*annotation ${second} is deleted`),
    );
    library.close();
  });
});
