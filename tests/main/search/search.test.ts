/**
 * Search over everything, through the service: notes, accents, CJK substrings, phrases,
 * prefixes, filters, malformed input, ranking and soft deletes.
 */
import { describe, expect, it } from 'vitest';
import { operations } from '../../../src/shared/contract/operations';
import { create } from '../helpers';
import { marked, searchHarness, titles } from './search-fixture';

describe('search', () => {
  it('finds a word only in a note as a note hit, with its annotation id and offset', () => {
    const h = searchHarness();
    const id = h.article('Field notes', 'The envoy denied everything at the border.');
    const note = create(h.service, id, 'denied everything', { note: 'Compare the zeppelin memo' });
    const result = h.search('zeppelin');
    expect(result.total).toBe(1);
    const [group] = result.groups;
    expect(group!.article.id).toBe(id);
    expect(group!.hits).toHaveLength(1);
    const hit = group!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'note', annotationId: note.id });
    expect(hit.offset).toBe(h.service.articleText(id).indexOf('denied everything'));
    expect(marked(hit)).toBe('Compare the «zeppelin» memo');
    expect(operations.search.response.parse(result)).toEqual(result);
  });

  it('a text hit carries the offset of the match in the canonical text', () => {
    const h = searchHarness();
    const id = h.article('Report', 'First paragraph.', 'Then the harbour froze over.');
    const [hit] = h.search('harbour').groups[0]!.hits;
    expect(hit!.kind).toBe('text');
    expect(hit!.annotationId).toBeNull();
    expect(hit!.offset).toBe(h.service.articleText(id).indexOf('harbour'));
    expect(marked(hit!)).toContain('the «harbour» froze');
  });

  it('matches words with and without accents, in any case', () => {
    const h = searchHarness();
    h.article('Rentrée', "L'École normale ouvre ses portes.");
    h.article('Press', 'Jens Stoltenberg spoke.');
    expect(titles(h.search('ecole'))).toEqual(['Rentrée']);
    expect(titles(h.search('ÉCOLE'))).toEqual(['Rentrée']);
    expect(titles(h.search('rentree'))).toEqual(['Rentrée']);
    expect(titles(h.search('stoltenberg'))).toEqual(['Press']);
    expect(marked(h.search('ecole').groups[0]!.hits[0]!)).toContain("L'«École» normale");
  });

  it('finds Chinese and Japanese text by substring, long and short', () => {
    const h = searchHarness();
    const zh = h.article('新闻', '北京大学的学生今天举行了会议。');
    h.article('ニュース', '東京都の天気は晴れです。');
    h.article('Plain', 'Nothing in these scripts here.');
    expect(titles(h.search('大学的学生'))).toEqual(['新闻']);
    expect(titles(h.search('天気は'))).toEqual(['ニュース']);
    // Two characters: shorter than a trigram, found by LIKE over the CJK rows.
    expect(titles(h.search('会议'))).toEqual(['新闻']);
    const hit = h.search('大学的学生').groups[0]!.hits[0]!;
    expect(hit.offset).toBe(h.service.articleText(zh).indexOf('大学的学生'));
    expect(marked(hit)).toContain('北京«大学的学生»今天');
    expect(h.search('大学的老师').total).toBe(0);
  });

  it('finds a CJK word in a note', () => {
    const h = searchHarness();
    const id = h.article('Notes', 'The envoy denied everything.');
    const a = create(h.service, id, 'denied', { note: '这是一个重要的否认' });
    const hit = h.search('重要的否认').groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'note', annotationId: a.id });
  });

  it('a phrase needs its words together and in order', () => {
    const h = searchHarness();
    h.article('Together', 'The carbon tax passed.');
    h.article('Apart', 'The tax on carbon passed.');
    expect(titles(h.search('"carbon tax"'))).toEqual(['Together']);
    expect(titles(h.search('carbon tax')).sort()).toEqual(['Apart', 'Together']);
  });

  it('a prefix finds words starting with it', () => {
    const h = searchHarness();
    h.article('Press', 'Jens Stoltenberg spoke.');
    h.article('Other', 'Stolen goods.');
    expect(titles(h.search('stolten*'))).toEqual(['Press']);
    expect(titles(h.search('stolten'))).toEqual([]);
  });

  it('filters by speaker, tag and claim type, with and without words', () => {
    const h = searchHarness();
    const id = h.article('Summit', 'The minister denied the report. The envoy confirmed the deal.');
    const denial = create(h.service, id, 'denied the report', {
      claim: { type: 'denial', speaker: 'Jens Stoltenberg', status: 'unverified' },
      tags: ['Défense'],
    });
    const deal = create(h.service, id, 'confirmed the deal', {
      claim: { type: 'assertion', speaker: 'The Envoy', status: 'unverified' },
      note: 'report follows',
    });
    const ids = (q: string) =>
      h.search(q).groups.flatMap((g) => g.hits.map((hit) => hit.annotationId));
    expect(ids('speaker:stoltenberg')).toEqual([denial.id]);
    expect(ids('speaker:"the envoy"')).toEqual([deal.id]);
    expect(ids('tag:defense')).toEqual([denial.id]);
    expect(ids('type:assertion')).toEqual([deal.id]);
    // Words with a filter: annotations only, both conditions.
    expect(ids('report type:assertion')).toEqual([deal.id]);
    expect(ids('report speaker:stoltenberg')).toEqual([denial.id]);
    expect(ids('speaker:nobody')).toEqual([]);
    expect(h.search('speaker:stoltenberg').groups[0]!.hits[0]!.kind).toBe('speaker');
  });

  it('answers malformed FTS5 syntax as text, never an error', () => {
    const h = searchHarness();
    h.article('Syntax', 'Unclosed quotes and NEAR operators and stars.');
    for (const q of [
      '"unclosed',
      'AND',
      '*',
      'NEAR(',
      'OR OR',
      '(',
      'a:b',
      '"',
      '-',
      '^x',
      'tag:',
    ]) {
      expect(() => h.search(q), q).not.toThrow();
    }
    expect(titles(h.search('"unclosed'))).toEqual(['Syntax']);
    expect(titles(h.search('AND'))).toEqual(['Syntax']);
    expect(titles(h.search('NEAR('))).toEqual(['Syntax']);
    expect(h.search('*').total).toBe(0);
  });

  it('puts an article whose title matches first', () => {
    const h = searchHarness();
    h.article('Weather', 'Glaciers glaciers glaciers everywhere, glaciers all day.');
    h.article('Glaciers', 'A short text mentioning ice.');
    expect(titles(h.search('glaciers'))[0]).toBe('Glaciers');
    expect(h.search('glaciers').groups[0]!.titleMatch).toBe(true);
    expect(h.search('glaciers').groups[1]!.titleMatch).toBe(false);
  });

  it('does not find deleted articles or deleted annotations', () => {
    const h = searchHarness();
    const gone = h.article('Gone', 'The walrus spoke.');
    const kept = h.article('Kept', 'Nothing here.');
    const a = create(h.service, kept, 'Nothing', { note: 'walrus memo' });
    expect(h.search('walrus').total).toBe(2);
    h.service.deleteArticle({ id: gone });
    expect(titles(h.search('walrus'))).toEqual(['Kept']);
    h.service.deleteAnnotation({ id: a.id });
    expect(h.search('walrus').total).toBe(0);
    h.service.restoreArticle({ id: gone });
    expect(titles(h.search('walrus'))).toEqual(['Gone']);
  });

  it('re-indexes when a tag is renamed or a note edited', () => {
    const h = searchHarness();
    const id = h.article('Tagged', 'The envoy denied everything.');
    const a = create(h.service, id, 'denied', { tags: ['draft'] });
    const tag = h.service.listTags({}).tags.find((t) => t.name === 'draft')!;
    expect(h.search('tag:draft').total).toBe(1);
    h.service.renameTag({ id: tag.id, name: 'Verified' });
    expect(h.search('draft').total).toBe(0);
    expect(h.search('verified').groups[0]!.hits[0]).toMatchObject({
      kind: 'tag',
      annotationId: a.id,
    });
    h.service.updateAnnotation({ id: a.id, note: 'kangaroo' });
    expect(h.search('kangaroo').groups[0]!.hits[0]!.kind).toBe('note');
  });

  it('re-indexes when a speaker is renamed', () => {
    const h = searchHarness();
    const id = h.article('Claims', 'The envoy denied everything.');
    const a = create(h.service, id, 'denied', {
      claim: { type: 'denial', speaker: 'Envoy', status: 'unverified' },
    });
    h.db.prepare("UPDATE speakers SET name = 'Ambassador Quill'").run();
    expect(h.search('quill').groups[0]!.hits[0]).toMatchObject({
      kind: 'speaker',
      annotationId: a.id,
    });
    expect(h.search('speaker:quill').total).toBe(1);
  });

  it('answers at most `limit` groups and counts them all in total', () => {
    const h = searchHarness();
    for (let i = 0; i < 5; i++)
      h.article(`Article ${i}`, `The common word is lantern, ${i} times.`);
    const result = h.service.search({ query: 'lantern', limit: 2 });
    expect(result.groups).toHaveLength(2);
    expect(result.total).toBe(5);
  });
});
