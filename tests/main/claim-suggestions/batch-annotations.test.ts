/**
 * Accepting several suggested claims at once: `createAnnotations` is one transaction (all or
 * none, a bad item named by its index), `deleteAnnotations` / `restoreAnnotations` undo and redo
 * it as one step, and every reply's changes carry the article's summary once.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import type { Service } from '../../../src/main/service';
import type { Claim } from '../../../src/shared/contract/entities';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import {
  create,
  rangeOf,
  serviceErrorOf,
  UNKNOWN_ID,
  useSampleLibrary,
  useTempDirs,
} from '../helpers';
import { ACCUSATION, DENIAL, WARNING, WHITE_HOUSE } from '../sample-annotations';

const tempDir = useTempDirs('marginalia-batch-');
const harness = useSampleLibrary(tempDir);
const ID = SAMPLE_ARTICLE_ID;

const claim = (type: string, speaker: string | null): Claim => ({
  type,
  speaker,
  status: 'unverified',
});

/** A batch item for the first occurrence of `quote`. */
function item(service: Service, quote: string, c: Claim | null = null) {
  return {
    ...rangeOf(service, ID, quote),
    color: 'yellow' as const,
    note: '',
    claim: c,
    tags: [],
  };
}

const count = (db: ReturnType<typeof harness>['db'], sql: string) =>
  (db.prepare(sql).get() as { n: number }).n;

describe('createAnnotations', () => {
  it('creates every claim in one go, with speakers and types, and one summary', () => {
    const { db, service } = harness();
    const reply = service.createAnnotations({
      articleId: ID,
      annotations: [
        item(service, ACCUSATION, claim('accusation', 'Western intelligence')),
        item(service, DENIAL, claim('denial', 'Russia')),
        item(service, WARNING, claim('novel-type', 'Jens Stoltenberg')),
      ],
    });
    expect(reply.annotations.map((a) => a.quote.exact)).toEqual([ACCUSATION, DENIAL, WARNING]);
    expect(reply.annotations.map((a) => a.claim?.speaker)).toEqual([
      'Western intelligence',
      'Russia',
      'Jens Stoltenberg',
    ]);
    expect(reply.changes.annotations).toHaveLength(3);
    expect(reply.changes.articles).toHaveLength(1);
    expect(reply.changes.articles[0]).toMatchObject({ id: ID, claimCount: 3, annotationCount: 3 });
    expect(service.listSpeakers({}).speakers.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Western intelligence', 'Russia', 'Jens Stoltenberg']),
    );
    expect(service.listClaimTypes({}).types).toContain('novel-type');
    expect(count(db, 'SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL')).toBe(3);
  });

  it('stores nothing when one item is bad, and names it by its index', () => {
    const { db, service } = harness();
    const good = item(service, ACCUSATION, claim('accusation', 'Brand new speaker'));
    const moved = { ...item(service, DENIAL), position: { start: 3, end: 22 } };
    const error = serviceErrorOf(() =>
      service.createAnnotations({ articleId: ID, annotations: [good, good, moved] }),
    );
    expect(error.code).toBe('invalid_anchor');
    expect(error.message).toMatch(/^annotations\[2\]: the quote does not match/);

    const text = service.articleText(ID);
    const outside = {
      ...good,
      ...{
        quote: { exact: 'x', prefix: '', suffix: '' },
        position: { start: text.length, end: text.length + 1 },
      },
    };
    expect(
      serviceErrorOf(() =>
        service.createAnnotations({ articleId: ID, annotations: [outside, good] }),
      ).message,
    ).toMatch(/^annotations\[0\]: /);
    expect(count(db, 'SELECT count(*) AS n FROM annotations')).toBe(0);
    // Nothing of the good items either: not their speaker.
    expect(service.listSpeakers({}).speakers.map((s) => s.name)).not.toContain('Brand new speaker');
  });

  it('refuses a passage that cuts a character in two, naming the item', () => {
    const { service } = harness();
    const { article } = service.importBytes(
      'thumbs.txt',
      Buffer.from('Thumbs\n\nThe envoy 👍🏽 denied everything.\n'),
    );
    const text = service.articleText(article.id);
    const thumb = text.indexOf('👍');
    const whole = describeRange(text, text.indexOf('The envoy'), text.indexOf('The envoy') + 9);
    const half = describeRange(text, thumb, thumb + 2); // the thumb without its skin tone
    const base = { color: 'yellow' as const, note: '', claim: null, tags: [] };
    const error = serviceErrorOf(() =>
      service.createAnnotations({
        articleId: article.id,
        annotations: [
          { ...base, ...whole },
          { ...base, ...half },
        ],
      }),
    );
    expect(error.code).toBe('invalid_anchor');
    expect(error.message).toMatch(/^annotations\[1\]: the passage ends inside a character/);
    expect(service.listAnnotations({ articleId: article.id }).annotations).toEqual([]);
  });

  it('answers not_found for an unknown article and refuses on a read-only library', () => {
    const { service, readOnlyService } = harness();
    const one = item(service, DENIAL);
    expect(
      serviceErrorOf(() => service.createAnnotations({ articleId: UNKNOWN_ID, annotations: [one] }))
        .code,
    ).toBe('not_found');
    expect(
      serviceErrorOf(() =>
        readOnlyService().createAnnotations({ articleId: ID, annotations: [one] }),
      ).code,
    ).toBe('read_only');
    expect(service.listAnnotations({ articleId: ID }).annotations).toEqual([]);
  });
});

describe('deleteAnnotations and restoreAnnotations: undo and redo of a batch', () => {
  it('deletes and restores the batch as one step, with summaries and links', () => {
    const { service } = harness();
    const kept = create(service, ID, WHITE_HOUSE, { claim: claim('evidence', 'White House') });
    const { annotations: made } = service.createAnnotations({
      articleId: ID,
      annotations: [
        item(service, ACCUSATION, claim('accusation', 'Western intelligence')),
        item(service, DENIAL, claim('denial', 'Russia')),
      ],
    });
    const ids = made.map((a) => a.id);
    // A link between two of the batch, and one to an annotation outside it.
    service.createLink({ fromId: ids[1]!, toId: ids[0]!, relation: 'denies' });
    service.createLink({ fromId: kept.id, toId: ids[0]!, relation: 'supports' });

    const undone = service.deleteAnnotations({ ids });
    expect(undone.ids).toEqual(ids);
    expect(undone.changes.removedAnnotations.sort()).toEqual([...ids].sort());
    expect(undone.changes.articles).toHaveLength(1);
    expect(undone.changes.articles[0]).toMatchObject({ id: ID, claimCount: 1 });
    // The kept annotation lost its link: it is among the changed ones.
    expect(undone.changes.annotations.map((a) => a.id)).toEqual([kept.id]);
    expect(undone.changes.annotations[0]?.links).toEqual([]);
    expect(service.listAnnotations({ articleId: ID }).annotations.map((a) => a.id)).toEqual([
      kept.id,
    ]);

    const redone = service.restoreAnnotations({ ids });
    expect(redone.annotations.map((a) => a.id)).toEqual(ids);
    expect(redone.changes.articles).toHaveLength(1);
    expect(redone.changes.articles[0]).toMatchObject({ id: ID, claimCount: 3 });
    // Both links are back: the one between the two restored ones too.
    const links = (id: string) =>
      service.listAnnotations({ articleId: ID }).annotations.find((a) => a.id === id)!.links;
    expect(links(ids[0]!)).toHaveLength(2);
    expect(links(kept.id)).toHaveLength(1);
    expect(redone.changes.annotations.map((a) => a.id).sort()).toEqual([...ids, kept.id].sort());

    // Restoring again changes nothing and still answers them.
    expect(service.restoreAnnotations({ ids }).annotations.map((a) => a.id)).toEqual(ids);
  });

  it('deletes none when one id is unknown, naming it', () => {
    const { service } = harness();
    const a = create(service, ID, DENIAL);
    const error = serviceErrorOf(() => service.deleteAnnotations({ ids: [a.id, UNKNOWN_ID] }));
    expect(error).toMatchObject({ code: 'not_found' });
    expect(error.message).toBe(`ids[1]: no annotation with id ${UNKNOWN_ID}`);
    expect(service.listAnnotations({ articleId: ID }).annotations).toHaveLength(1);
  });

  it('restores none when one id is not a deleted annotation, naming it', () => {
    const { service } = harness();
    const a = create(service, ID, DENIAL);
    const b = create(service, ID, WARNING);
    service.deleteAnnotations({ ids: [a.id, b.id] });
    const error = serviceErrorOf(() =>
      service.restoreAnnotations({ ids: [a.id, UNKNOWN_ID, b.id] }),
    );
    expect(error.message).toBe(`ids[1]: no deleted annotation with id ${UNKNOWN_ID}`);
    expect(service.listAnnotations({ articleId: ID }).annotations).toEqual([]);
  });

  it('refuses both on a read-only library', () => {
    const { service, readOnlyService } = harness();
    const a = create(service, ID, DENIAL);
    expect(serviceErrorOf(() => readOnlyService().deleteAnnotations({ ids: [a.id] })).code).toBe(
      'read_only',
    );
    service.deleteAnnotation({ id: a.id });
    expect(serviceErrorOf(() => readOnlyService().restoreAnnotations({ ids: [a.id] })).code).toBe(
      'read_only',
    );
  });
});

describe('a book’s suggestions at once', () => {
  it('creates, deletes and restores 6,000 claims in one call each', () => {
    const { service } = harness();
    const sentences = Array.from(
      { length: 6_000 },
      (_, i) => `Speaker ${i} said that event ${i} happened on day ${i % 31}.`,
    );
    const text = sentences.join(' ');
    const { article } = service.importBytes('book.txt', new TextEncoder().encode(text));
    const canonical = service.articleText(article.id);
    const items = sentences.map((sentence, i) => {
      const words = `event ${i} happened on day ${i % 31}`;
      const start = canonical.indexOf(words, canonical.indexOf(sentence));
      return {
        ...describeRange(canonical, start, start + words.length),
        color: 'yellow' as const,
        note: '',
        claim: claim('assertion', `Speaker ${i}`),
        tags: [],
      };
    });
    const made = service.createAnnotations({ articleId: article.id, annotations: items });
    expect(made.annotations).toHaveLength(6_000);
    expect(made.changes.articles).toHaveLength(1);
    expect(made.changes.articles[0]!.claimCount).toBe(6_000);

    const ids = made.annotations.map((a) => a.id);
    expect(service.deleteAnnotations({ ids }).changes.articles[0]!.claimCount).toBe(0);
    expect(service.restoreAnnotations({ ids }).annotations).toHaveLength(6_000);
    expect(service.listAnnotations({ articleId: article.id }).annotations).toHaveLength(6_000);
  });
});
