/**
 * Dismissed suggestions: remembered per article, taken back softly (undo), hidden with their
 * article in the Trash and erased with it when the Trash is emptied.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { rangeOf, serviceErrorOf, UNKNOWN_ID, useSampleLibrary, useTempDirs } from '../helpers';
import { DENIAL, WARNING } from '../sample-annotations';

const tempDir = useTempDirs('marginalia-dismissals-');
const harness = useSampleLibrary(tempDir);
const ID = SAMPLE_ARTICLE_ID;

const rows = (db: ReturnType<typeof harness>['db']) =>
  db.prepare('SELECT id, deleted_at FROM suggestion_dismissals ORDER BY id').all() as {
    id: string;
    deleted_at: string | null;
  }[];

describe('suggestion dismissals', () => {
  it('dismisses, lists, answers the same dismissal twice, and takes it back', () => {
    const { db, service } = harness();
    const denial = rangeOf(service, ID, DENIAL);
    const { dismissal } = service.dismissSuggestion({ articleId: ID, ...denial, speaker: null });
    expect(dismissal).toMatchObject({
      articleId: ID,
      quote: denial.quote,
      position: denial.position,
    });

    const again = service.dismissSuggestion({ articleId: ID, ...denial, speaker: null });
    expect(again.dismissal).toEqual(dismissal);
    const warning = service.dismissSuggestion({
      articleId: ID,
      ...rangeOf(service, ID, WARNING),
      speaker: null,
    });
    expect(service.listSuggestionDismissals({ articleId: ID }).dismissals).toEqual([
      dismissal,
      warning.dismissal,
    ]);

    const undone = service.undismissSuggestion({ id: dismissal.id });
    expect(undone.dismissal).toEqual(dismissal);
    expect(service.listSuggestionDismissals({ articleId: ID }).dismissals).toEqual([
      warning.dismissal,
    ]);
    // Soft: the row stays, stamped.
    expect(rows(db).find((r) => r.id === dismissal.id)?.deleted_at).not.toBeNull();
    // Taking it back twice answers it again; dismissing it again makes a new one.
    expect(service.undismissSuggestion({ id: dismissal.id }).dismissal).toEqual(dismissal);
    const redone = service.dismissSuggestion({ articleId: ID, ...denial, speaker: null });
    expect(redone.dismissal.id).not.toBe(dismissal.id);
  });

  it('refuses words that are not at their place, unknown articles and unknown ids', () => {
    const { db, service } = harness();
    const denial = rangeOf(service, ID, DENIAL);
    const moved = { ...denial, position: { start: 0, end: DENIAL.length } };
    expect(
      serviceErrorOf(() => service.dismissSuggestion({ articleId: ID, ...moved, speaker: null }))
        .code,
    ).toBe('invalid_anchor');
    expect(
      serviceErrorOf(() =>
        service.dismissSuggestion({ articleId: UNKNOWN_ID, ...denial, speaker: null }),
      ).code,
    ).toBe('not_found');
    expect(
      serviceErrorOf(() => service.listSuggestionDismissals({ articleId: UNKNOWN_ID })).code,
    ).toBe('not_found');
    expect(serviceErrorOf(() => service.undismissSuggestion({ id: UNKNOWN_ID })).code).toBe(
      'not_found',
    );
    expect(rows(db)).toEqual([]);
  });

  it('refuses every change on a read-only library', () => {
    const { service, readOnlyService } = harness();
    const denial = rangeOf(service, ID, DENIAL);
    const { dismissal } = service.dismissSuggestion({ articleId: ID, ...denial, speaker: null });
    const readOnly = readOnlyService();
    expect(
      serviceErrorOf(() => readOnly.dismissSuggestion({ articleId: ID, ...denial, speaker: null }))
        .code,
    ).toBe('read_only');
    expect(serviceErrorOf(() => readOnly.undismissSuggestion({ id: dismissal.id })).code).toBe(
      'read_only',
    );
    expect(readOnly.listSuggestionDismissals({ articleId: ID }).dismissals).toEqual([dismissal]);
  });

  it('keeps dismissals across a soft delete and erases them when the Trash is emptied', () => {
    const { db, service } = harness();
    const { dismissal } = service.dismissSuggestion({
      articleId: ID,
      ...rangeOf(service, ID, DENIAL),
      speaker: 'Russia',
    });
    service.deleteArticle({ id: ID });
    // Hidden with the article, as its annotations are.
    expect(serviceErrorOf(() => service.undismissSuggestion({ id: dismissal.id })).code).toBe(
      'not_found',
    );
    service.restoreArticle({ id: ID });
    expect(service.listSuggestionDismissals({ articleId: ID }).dismissals).toEqual([dismissal]);

    service.deleteArticle({ id: ID });
    expect(service.emptyTrash({}).erased).toBe(1);
    expect(rows(db)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
