/**
 * What the speed-ups of search must keep: a text hit's exact range (flashed when it is opened),
 * and filters that see the library as it is now — a claim type first used after an earlier
 * search, by this connection or another one.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { create } from '../helpers';
import { searchHarness } from './search-fixture';

describe('search: ranges and fresh filters', () => {
  it('a text hit’s offset and length cover exactly the matched word, for prefixes and accents too', () => {
    const h = searchHarness();
    const id = h.article('Report', 'First paragraph.', "Then the harbour froze over at L'École.");
    const text = h.service.articleText(id);
    const matched = (query: string) =>
      h
        .search(query)
        .groups[0]!.hits.filter((hit) => hit.kind === 'text')
        .map((hit) => text.slice(hit.offset!, hit.offset! + hit.length!));
    expect(matched('harbour')).toEqual(['harbour']);
    expect(matched('harb*')).toEqual(['harbour']);
    expect(matched('ecole')).toEqual(['École']);
    expect(matched('"harbour froze"')).toEqual(['harbour froze']);
  });

  it('annotation hits carry no length', () => {
    const h = searchHarness();
    const id = h.article('Field notes', 'The envoy denied everything at the border.');
    create(h.service, id, 'denied everything', { note: 'Compare the zeppelin memo' });
    const [hit] = h.search('zeppelin').groups[0]!.hits;
    expect(hit!.kind).toBe('note');
    expect(hit!.length).toBeUndefined();
  });

  it('finds a claim type first used after an earlier search, whoever wrote it', () => {
    const h = searchHarness();
    const id = h.article('Summit', 'The minister denied the report. The envoy confirmed the deal.');
    const first = create(h.service, id, 'denied the report', {
      claim: { type: 'denial', speaker: 'Jens Stoltenberg', status: 'unverified' },
    });
    const ids = (q: string) =>
      h.search(q).groups.flatMap((g) => g.hits.map((hit) => hit.annotationId));
    expect(ids('type:prediction')).toEqual([]);

    // Through the service, on this connection.
    const second = create(h.service, id, 'confirmed the deal', {
      claim: { type: 'prediction', speaker: 'The Envoy', status: 'unverified' },
    });
    expect(ids('type:prediction')).toEqual([second.id]);
    expect(ids('type:forecast')).toEqual([]);

    // From another connection (another window, the CLI).
    const other = new Database(h.file);
    try {
      other.prepare('UPDATE annotations SET claim_type = ? WHERE id = ?').run('forecast', first.id);
    } finally {
      other.close();
    }
    expect(ids('type:forecast')).toEqual([first.id]);
  });
});
