/** The names offered as suggestions: grown from the annotations replies bring, and renamed. */
import { describe, expect, it } from 'vitest';
import {
  NO_NAMES,
  withNamesOf,
  withTagRenamed,
  type NamesState,
} from '../../../src/renderer/src/store/names';
import { buildAnnotation } from '../../support/annotation-builder';

const NAMES: NamesState = {
  tags: ['evidence', 'nato'],
  speakers: ['Russia'],
  claimTypes: ['accusation', 'denial'],
};

describe('withNamesOf', () => {
  it('adds the tags, speakers and claim types the annotations use and the lists lack', () => {
    const next = withNamesOf(NAMES, [
      buildAnnotation({ tags: ['nato', 'kyiv'] }),
      buildAnnotation({
        tags: ['kyiv', 'summit'],
        claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'unverified' },
      }),
      buildAnnotation({ claim: { type: 'denial', speaker: 'Russia', status: 'disputed' } }),
      buildAnnotation({ claim: { type: 'opinion', speaker: null, status: 'unverified' } }),
    ]);
    expect(next).toEqual({
      tags: ['evidence', 'nato', 'kyiv', 'summit'],
      speakers: ['Russia', 'Jens Stoltenberg'],
      claimTypes: ['accusation', 'denial', 'prediction', 'opinion'],
    });
    expect(NAMES.tags).toEqual(['evidence', 'nato']); // not changed in place
  });

  it('keeps each list that gained nothing, and the whole state when none did', () => {
    const tagged = withNamesOf(NAMES, [buildAnnotation({ tags: ['new'] })]);
    expect(tagged.tags).toEqual(['evidence', 'nato', 'new']);
    expect(tagged.speakers).toBe(NAMES.speakers);
    expect(tagged.claimTypes).toBe(NAMES.claimTypes);

    expect(withNamesOf(NAMES, [])).toBe(NAMES);
    const known = buildAnnotation({
      tags: ['nato'],
      claim: { type: 'accusation', speaker: 'Russia', status: 'unverified' },
    });
    expect(withNamesOf(NAMES, [known])).toBe(NAMES);
  });

  it('starts from no names', () => {
    expect(withNamesOf(NO_NAMES, [buildAnnotation({ tags: ['a'] })])).toEqual({
      tags: ['a'],
      speakers: [],
      claimTypes: [],
    });
  });
});

describe('withTagRenamed', () => {
  it('offers the new name instead of the old one', () => {
    const next = withTagRenamed(NAMES, 'nato', 'NATO');
    expect(next.tags).toEqual(['evidence', 'NATO']);
    expect(next.tags).not.toContain('nato');
    expect(next.speakers).toBe(NAMES.speakers);
  });

  it('merges into a tag that exists: offered once', () => {
    const next = withTagRenamed(NAMES, 'nato', 'evidence');
    expect(next.tags).toEqual(['evidence']);
  });
});
