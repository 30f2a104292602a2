/** The W3C and Marginalia terms both directions use. */
import { describe, expect, it } from 'vitest';
import {
  compactTerms,
  expandedTerm,
  TERM,
  uuidIri,
  uuidOfIri,
} from '../../../src/shared/interop/vocabulary';

const UUID = '0190d6e4-9a00-7b11-8c22-334455667788';

describe('the vocabulary', () => {
  it('writes ids as urn:uuid: IRIs, and reads back only UUIDs from them', () => {
    expect(uuidIri(UUID)).toBe(`urn:uuid:${UUID}`);
    expect(uuidOfIri(uuidIri(UUID))).toBe(UUID);
    expect(uuidOfIri(`URN:UUID:${UUID.toUpperCase()}`)).toBe(UUID.toUpperCase());
    expect(uuidOfIri('urn:uuid:not-a-uuid')).toBeNull();
    expect(uuidOfIri(`https://example.org/${UUID}`)).toBeNull();
  });

  it('reads types and purposes in every JSON-LD spelling', () => {
    expect(
      compactTerms([
        'Annotation',
        'oa:commenting',
        'http://www.w3.org/ns/oa#tagging',
        'https://www.w3.org/ns/oa#linking',
      ]),
    ).toEqual(['Annotation', 'commenting', 'tagging', 'linking']);
    expect(compactTerms('oa:Annotation')).toEqual(['Annotation']);
    expect(compactTerms(undefined)).toEqual([]);
  });

  it('expands our terms under our namespace', () => {
    expect(expandedTerm(TERM.role)).toBe('https://marginalia.app/ns#role');
    expect(expandedTerm(TERM.relation)).toBe('https://marginalia.app/ns#relation');
  });
});
