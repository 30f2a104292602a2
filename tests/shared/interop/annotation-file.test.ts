/**
 * Reading annotation files for import: other tools' W3C Web Annotations, Hypothesis exports, and
 * malformed or hostile files, each refused with a message that says what is wrong and where.
 * (Our own export's round trip is in w3c-writer.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/shared/contract/errors';
import {
  parseAnnotationFile,
  type ParsedAnnotation,
} from '../../../src/shared/interop/annotation-file';
import { cleanTagName } from '../../../src/shared/text/tag-name';

const HYPOTHESIS_EXPORT: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/hypothesis-export.json', import.meta.url), 'utf8'),
);
const HYPOTHESIS_ANNOTATIONS = (HYPOTHESIS_EXPORT as { annotations: unknown[] }).annotations;
const PAGE_URL = 'https://www.example-news.org/2022/02/11/negotiations-continue';

const UUID = '0190d6e4-9a00-7b11-8c22-334455667788';
const QUOTE = {
  type: 'TextQuoteSelector',
  exact: 'anotation',
  prefix: 'this is an ',
  suffix: ' that has some',
};

/** A minimal W3C annotation of another tool, with `fields` on top. */
function w3c(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno1',
    type: 'Annotation',
    target: { source: 'http://example.org/page1', selector: QUOTE },
    ...fields,
  };
}

function only(json: unknown): ParsedAnnotation {
  const { annotations } = parseAnnotationFile(json);
  expect(annotations).toHaveLength(1);
  return annotations[0] as ParsedAnnotation;
}

function errorOf(json: unknown): ServiceError {
  try {
    parseAnnotationFile(json);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('the file was read without an error');
}

describe('Hypothesis exports', () => {
  const parsed = parseAnnotationFile(HYPOTHESIS_EXPORT);

  it('reads the annotations that quote a passage, and skips page notes and replies', () => {
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.label).toBeNull();
    expect(parsed.annotations.map((a) => a.sourceId)).toEqual([
      'Xq3v1hY2Ee-8oPNz4kUf6g',
      'bT9kAhY3Ee-4yPt1wV0c2Q',
      'mN2qShY3Ee-1aB3c4D5e6F',
    ]);
    expect(parsed.warnings).toEqual([
      '2 Hypothesis annotations quote no passage (page notes or replies) and were skipped.',
    ]);
  });

  it('keeps the quote, note, tags and times, and no position', () => {
    expect(parsed.annotations[0]).toEqual({
      sourceId: 'Xq3v1hY2Ee-8oPNz4kUf6g',
      targetSource: PAGE_URL,
      targetTextHash: null,
      quote: {
        exact: '“false-flag operations”',
        prefix: 'said that Russia planned to run ',
        suffix: ' to create a pretense for invasi',
      },
      codePointPosition: null,
      color: null,
      note:
        'Claimed by Western intelligence — **no evidence published** yet.\n\n' +
        'See [the White House briefing](https://www.whitehouse.gov/briefing-room/).',
      tags: ['disinformation', 'russia ukraine', 'false flag'],
      claim: null,
      links: [],
      originalQuote: null,
      created: '2024-05-18T14:02:11.482637+00:00',
      modified: '2024-05-18T14:05:40.103998+00:00',
    });
    expect(parsed.annotations[1]?.note).toBe('');
    expect(parsed.annotations[1]?.tags).toEqual([]);
  });

  it('cleans tags into Marginalia tag names', () => {
    expect(parsed.annotations[2]?.tags).toEqual(['a b', 'aid']);
    expect(cleanTagName('#evidence')).toBe('evidence');
    expect(cleanTagName('  ##one,two#three ')).toBe('one two three');
    expect(cleanTagName(' , # ')).toBeNull();
    expect(cleanTagName('x'.repeat(150))).toBe('x'.repeat(100));
    expect(cleanTagName(`${'x'.repeat(99)}😀`)).toBe('x'.repeat(99));
    expect(cleanTagName('ukraine 2022')).toBe('ukraine 2022');
  });

  it('reads a bare list of Hypothesis annotations, and an API search result', () => {
    const fromList = parseAnnotationFile(HYPOTHESIS_ANNOTATIONS);
    expect(fromList).toEqual(parsed);
    const fromSearch = parseAnnotationFile({ total: 5, rows: HYPOTHESIS_ANNOTATIONS });
    expect(fromSearch).toEqual(parsed);
  });

  it('uses the annotation’s uri when its target has no source', () => {
    const annotation = structuredClone(HYPOTHESIS_ANNOTATIONS[1]) as {
      target: { source?: string }[];
    };
    delete annotation.target[0]?.source;
    expect(only([annotation]).targetSource).toBe(PAGE_URL);
  });
});

describe('W3C annotations of other tools', () => {
  it('reads half a character (a lone surrogate) in a note or a tag as U+FFFD, which can be stored', () => {
    const read = only(
      JSON.parse(
        JSON.stringify(
          w3c({
            body: [
              { type: 'TextualBody', purpose: 'commenting', value: 'Broken \ud83d note' },
              { type: 'TextualBody', purpose: 'tagging', value: 'tag\ude00' },
            ],
          }),
        ),
      ),
    );
    expect(read.note).toBe('Broken \uFFFD note');
    expect(read.tags).toEqual(['tag\uFFFD']);
  });

  it('reads a single annotation with bodyValue and a selector object', () => {
    expect(only(w3c({ bodyValue: 'A comment' }))).toEqual({
      sourceId: 'http://example.org/anno1',
      targetSource: 'http://example.org/page1',
      targetTextHash: null,
      quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
      codePointPosition: null,
      color: null,
      note: 'A comment',
      tags: [],
      claim: null,
      links: [],
      originalQuote: null,
      created: null,
      modified: null,
    });
  });

  it('reads a single body object, oa: purposes and purposes as full IRIs', () => {
    expect(
      only(w3c({ body: { type: 'TextualBody', purpose: 'oa:tagging', value: 'x' } })).tags,
    ).toEqual(['x']);
    const read = only(
      w3c({
        body: [
          { type: 'TextualBody', purpose: 'http://www.w3.org/ns/oa#commenting', value: 'one' },
          { type: 'TextualBody', purpose: ['oa:commenting'], value: 'two' },
        ],
      }),
    );
    expect(read.note).toBe('one\n\ntwo');
  });

  it('takes a TextualBody without a purpose as a tag or a comment, after the motivation', () => {
    const body = [{ type: 'TextualBody', value: 'important' }];
    expect(only(w3c({ motivation: 'tagging', body })).tags).toEqual(['important']);
    expect(only(w3c({ motivation: 'oa:tagging', body })).note).toBe('');
    expect(only(w3c({ motivation: 'commenting', body })).note).toBe('important');
    expect(only(w3c({ body })).note).toBe('important');
  });

  it('reads a page, a list of annotations and typed lists', () => {
    const page = { type: 'AnnotationPage', items: [w3c(), w3c({ id: `urn:uuid:${UUID}` })] };
    const fromPage = parseAnnotationFile(page);
    expect(fromPage.format).toBe('w3c');
    expect(fromPage.annotations.map((a) => a.sourceId)).toEqual(['http://example.org/anno1', UUID]);
    expect(parseAnnotationFile([w3c(), w3c()]).annotations).toHaveLength(2);
    expect(only(w3c({ type: ['Annotation', 'Thing'] })).sourceId).toBe('http://example.org/anno1');
    expect(only({ type: 'oa:Annotation', target: w3c().target }).sourceId).toBeNull();
  });

  it('keeps ids that are not UUID URNs as written', () => {
    expect(only(w3c({ id: 'urn:uuid:not-a-uuid' })).sourceId).toBe('urn:uuid:not-a-uuid');
    expect(only(w3c({ id: `URN:UUID:${UUID}` })).sourceId).toBe(UUID);
  });

  it('keeps only our colours, and only valid timestamps', () => {
    const target = (styleClass: unknown) => ({ ...(w3c().target as object), styleClass });
    expect(only(w3c({ target: target('red') })).color).toBeNull();
    expect(only(w3c({ target: target(['highlight', 'green']) })).color).toBe('green');
    const read = only(w3c({ created: 'yesterday', modified: '2015-01-29T09:00:00Z' }));
    expect(read.created).toBeNull();
    expect(read.modified).toBe('2015-01-29T09:00:00Z');
  });

  it('uses the first target that quotes a passage', () => {
    const read = parseAnnotationFile(
      w3c({
        target: [
          'http://example.org/whole-page',
          { source: 'http://example.org/a', selector: [{ type: 'CssSelector', value: 'p' }] },
          { source: { id: 'http://example.org/b' }, selector: [QUOTE] },
          { source: 'http://example.org/c', selector: [QUOTE] },
        ],
      }),
    );
    expect(read.annotations[0]?.targetSource).toBe('http://example.org/b');
    expect(read.warnings).toEqual([
      '1 annotation marks more than one passage; only its first was kept.',
    ]);
  });

  it('skips annotations with no quote to anchor, and says how many', () => {
    const read = parseAnnotationFile([
      w3c({ target: 'http://example.org/page1' }),
      w3c(),
      w3c({ target: { source: 'http://example.org/page1', selector: 'http://example.org/sel' } }),
      w3c({ target: { source: 'x', selector: { ...QUOTE, exact: '' } } }),
    ]);
    expect(read.annotations).toHaveLength(1);
    expect(read.warnings).toEqual(['3 annotations have no quote to anchor and were skipped.']);
  });

  it('ignores bodies it does not understand and keeps the rest', () => {
    const read = only(
      w3c({
        body: [
          { type: 'TextualBody', purpose: 'assessing', value: 'good' },
          { type: 'TextualBody', purpose: 'assessing', value: 'bad' },
          { type: 'TextualBody', purpose: 'replying', value: 'I agree' },
          'http://example.org/post1',
          { type: 'TextualBody', purpose: 'describing', value: 'no role' },
          { type: 'SpecificResource', purpose: 'linking', source: 'http://example.org/x' },
          { type: 'SpecificResource', purpose: 'tagging', source: 'http://example.org/city1' },
          { type: 'TextualBody', purpose: 'commenting', value: 'kept' },
        ],
      }),
    );
    expect(read).toMatchObject({ note: 'kept', tags: [], claim: null, links: [] });
  });

  it('says which bodies were ignored, once per kind', () => {
    const { warnings } = parseAnnotationFile(
      w3c({
        body: [
          { type: 'TextualBody', purpose: 'assessing', value: 'good' },
          { type: 'TextualBody', purpose: 'assessing', value: 'bad' },
          { type: 'TextualBody', purpose: 'replying', value: 'I agree' },
          'http://example.org/post1',
          { type: 'TextualBody', purpose: 'describing', value: 'no role' },
          { type: 'SpecificResource', purpose: 'linking', source: 'http://example.org/x' },
        ],
      }),
    );
    expect(warnings).toEqual([
      'Ignored 2 bodies with purpose “assessing”.',
      'Ignored 1 body with purpose “replying”.',
      'Ignored 1 body held elsewhere (only a link).',
      'Ignored 1 body describing without a Marginalia role.',
      'Ignored 1 body linking without a Marginalia relation.',
    ]);
  });

  it('reads claims, links and the original quote, tolerating odd statuses', () => {
    const describing = (role: string, value: string) => ({
      type: 'TextualBody',
      purpose: 'describing',
      'marginalia:role': role,
      value,
    });
    const read = parseAnnotationFile(
      w3c({
        body: [
          describing('claimType', '  accusation '),
          describing('speaker', '  '),
          describing('claimStatus', 'probably'),
          describing('originalQuote', 'an notation'),
          {
            type: 'SpecificResource',
            purpose: 'linking',
            source: `urn:uuid:${UUID}`,
            'https://marginalia.app/ns#relation': 'supports',
          },
        ],
      }),
    );
    expect(read.annotations[0]).toMatchObject({
      claim: { type: 'accusation', speaker: null, status: 'unverified' },
      originalQuote: 'an notation',
      links: [{ relation: 'supports', otherSourceId: UUID }],
    });
    expect(read.warnings).toEqual([
      '1 claim has a status Marginalia does not know; it is unverified.',
    ]);
    const noType = parseAnnotationFile(w3c({ body: [describing('speaker', 'Someone')] }));
    expect(noType.annotations[0]?.claim).toBeNull();
    expect(noType.warnings).toHaveLength(1);
  });

  it('drops an unusable position and keeps the quote', () => {
    const read = parseAnnotationFile(
      w3c({
        target: {
          source: 'x',
          selector: [QUOTE, { type: 'TextPositionSelector', start: 9, end: 3 }],
        },
      }),
    );
    expect(read.annotations[0]?.codePointPosition).toBeNull();
    expect(read.warnings).toHaveLength(1);
    const good = only(
      w3c({
        target: {
          source: 'x',
          selector: [{ type: 'TextPositionSelector', start: 2, end: 5 }, QUOTE],
        },
      }),
    );
    expect(good.codePointPosition).toEqual({ start: 2, end: 5 });
  });

  it('trims quote context beyond 200 characters', () => {
    const read = only(
      w3c({
        target: {
          source: 'x',
          selector: {
            ...QUOTE,
            prefix: `${'p'.repeat(300)}END`,
            suffix: `START${'s'.repeat(300)}`,
          },
        },
      }),
    );
    expect(read.quote.prefix).toHaveLength(200);
    expect(read.quote.prefix.endsWith('END')).toBe(true);
    expect(read.quote.suffix).toHaveLength(200);
    expect(read.quote.suffix.startsWith('START')).toBe(true);
  });

  it('reads the embedded first page of a collection, and warns of further pages', () => {
    const read = parseAnnotationFile({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Theirs',
      total: 2,
      first: { type: 'AnnotationPage', items: [w3c()], next: 'http://example.org/page2' },
    });
    expect(read.label).toBe('Theirs');
    expect(read.annotations).toHaveLength(1);
    expect(read.warnings).toEqual([
      'The collection continues on further pages held elsewhere; only its first page was read.',
    ]);
  });
});

describe('malformed and hostile files', () => {
  const polluted = () => ({}) as Record<string, unknown>;

  it.each<[string, unknown, RegExp]>([
    ['a number', 42, /^The file is not an annotation file: it holds a number/],
    ['a string', 'hello', /it holds a string, not a JSON object or list/],
    ['null', null, /it holds null/],
    ['an empty list', [], /empty list: there are no annotations/],
    [
      'an object of neither kind',
      { hello: 'world' },
      /neither W3C Web Annotations .* nor a Hypothesis export/,
    ],
    ['an unknown type', { type: 'Squirrel' }, /is a “Squirrel”, not a W3C AnnotationCollection/],
    [
      'a type of the wrong kind',
      { type: 5 },
      /^The file type: must be a string or a list of strings/,
    ],
    [
      'a collection whose pages are elsewhere',
      { type: 'AnnotationCollection', total: 3, first: 'http://example.org/page1' },
      /^Pages held elsewhere are not supported: the collection’s first page is only a link \(http:\/\/example\.org\/page1\)/,
    ],
    ['a collection with no page', { type: 'AnnotationCollection' }, /holds no annotations/],
    [
      'a collection label that is not a string',
      { type: 'AnnotationCollection', label: 7, first: { items: [] } },
      /^The collection label: Invalid input: expected string, received number/,
    ],
    [
      'a page with no items',
      { type: 'AnnotationPage' },
      /^The annotation page items: must be a list/,
    ],
    ['an empty page', { type: 'AnnotationPage', items: [] }, /holds no annotations/],
    [
      'an item that is not an object',
      { type: 'AnnotationPage', items: [5] },
      /^Annotation 1 is not an object/,
    ],
    [
      'an item of another type',
      [w3c({ type: 'Squirrel' })],
      /Annotation 1 \(http:\/\/example\.org\/anno1\) is a Squirrel, not an Annotation/,
    ],
    [
      'a missing target',
      w3c({ target: undefined }),
      /^Annotation 1 \(http:\/\/example.org\/anno1\) has no target\.$/,
    ],
    ['an empty target list', w3c({ target: [] }), /has no target/],
    [
      'a body value that is not a string',
      w3c({ body: { purpose: 'commenting', value: 12 } }),
      /body value: Invalid input: expected string, received number/,
    ],
    ['both body and bodyValue', w3c({ body: [], bodyValue: 'x' }), /both "body" and "bodyValue"/],
    [
      'an exact quote that is not a string',
      w3c({ target: { source: 'x', selector: { ...QUOTE, exact: 5 } } }),
      /target selector 1 exact: Invalid input: expected string/,
    ],
    [
      'a position that is not a number',
      w3c({
        target: {
          source: 'x',
          selector: [QUOTE, { type: 'TextPositionSelector', start: '1', end: 4 }],
        },
      }),
      /selector 2 start: Invalid input: expected number/,
    ],
    [
      'a selector that is a number',
      w3c({ target: { source: 'x', selector: 3 } }),
      /target selector: must be an object or a list/,
    ],
    [
      'a quoted target with no source',
      w3c({ target: { selector: QUOTE } }),
      /has a TextQuoteSelector but no source/,
    ],
    [
      'a source of the wrong kind',
      w3c({ target: { source: 4, selector: QUOTE } }),
      /target source: must be an IRI or an object with an id/,
    ],
    [
      'only annotations with no quote',
      [w3c({ target: 'a' }), w3c({ target: 'b' })],
      /None of the file’s 2 annotations has a quote to anchor/,
    ],
    [
      'Hypothesis tags that are not a list',
      [{ ...(HYPOTHESIS_ANNOTATIONS[0] as object), tags: 'a,b' }],
      /^Annotation 1 \(Xq3v1hY2Ee-8oPNz4kUf6g\) tags: Invalid input: expected array/,
    ],
    [
      'a Hypothesis annotation with no target',
      [{ id: 'abc', uri: 'http://x', text: 'hi' }],
      /^Annotation 1 \(abc\) has no target/,
    ],
    [
      'a Hypothesis target that is not a list',
      [{ id: 'abc', uri: 'http://x', target: {} }],
      /^Annotation 1 \(abc\) target: must be a list of targets/,
    ],
    [
      'Hypothesis annotations that are not a list',
      { annotations: {} },
      /^The Hypothesis export annotations: must be a list/,
    ],
    [
      'only Hypothesis page notes',
      [HYPOTHESIS_ANNOTATIONS[2], HYPOTHESIS_ANNOTATIONS[3]],
      /None of the export’s 2 Hypothesis annotations quotes a passage/,
    ],
  ])('refuses %s', (_name, json, message) => {
    const error = errorOf(json);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
  });

  it('refuses huge strings, naming the field and the limit', () => {
    const exact = errorOf(
      w3c({ target: { source: 'x', selector: { ...QUOTE, exact: 'q'.repeat(20_001) } } }),
    );
    expect(exact.message).toMatch(/target selector 1 exact: is longer than 20,000 characters\.$/);
    const note = errorOf(w3c({ bodyValue: 'n'.repeat(100_001) }));
    expect(note.message).toMatch(/bodyValue: is longer than 100,000 characters/);
    const joined = errorOf(
      w3c({
        body: [
          { purpose: 'commenting', value: 'n'.repeat(60_000) },
          { purpose: 'commenting', value: 'n'.repeat(60_000) },
        ],
      }),
    );
    expect(joined.message).toMatch(/the note is longer than 100,000 characters/);
    const id = errorOf(w3c({ id: `http://example.org/${'i'.repeat(9_000)}` }));
    expect(id.message).toMatch(/^Annotation 1 id: is longer than 8,192 characters/);
    expect(id.message.length).toBeLessThan(200);
    const claimType = errorOf(
      w3c({
        body: { purpose: 'describing', 'marginalia:role': 'claimType', value: 't'.repeat(61) },
      }),
    );
    expect(claimType.message).toMatch(/claim type: is longer than 60 characters/);
    const hypothesisNote = errorOf([
      { ...(HYPOTHESIS_ANNOTATIONS[0] as object), text: 'h'.repeat(100_001) },
    ]);
    expect(hypothesisNote.message).toMatch(
      /\(Xq3v1hY2Ee-8oPNz4kUf6g\) text: is longer than 100,000/,
    );
    const label = errorOf({
      type: 'AnnotationCollection',
      label: 'l'.repeat(1_001),
      first: { items: [w3c()] },
    });
    expect(label.message).toMatch(/^The collection label: is longer than 1,000 characters/);
  });

  it('refuses keys that pollute prototypes, and pollutes nothing', () => {
    const proto = errorOf(
      JSON.parse('{"type":"Annotation","target":{"source":"x","__proto__":{"polluted":true}}}'),
    );
    expect(proto.message).toBe('The file has a key "__proto__" in target, which is not allowed.');
    const top = errorOf(JSON.parse('{"__proto__":{"type":"Annotation"},"annotations":[]}'));
    expect(top.message).toBe(
      'The file has a key "__proto__" at the top level, which is not allowed.',
    );
    const constructor = errorOf(
      JSON.parse('[{"type":"Annotation","body":[{"constructor":{"prototype":{"x":1}}}]}]'),
    );
    expect(constructor.message).toBe(
      'The file has a key "constructor" in [0].body[0], which is not allowed.',
    );
    expect(polluted().polluted).toBeUndefined();
    expect(polluted().x).toBeUndefined();
  });

  it('refuses files nested deeper than any annotation, or with endless lists', () => {
    const deep = JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) as unknown;
    expect(errorOf(deep).message).toMatch(/^The file is nested more than 32 levels deep \(at /);
    const long = errorOf({ annotations: Array.from({ length: 100_001 }, () => 0) });
    expect(long.message).toBe('A list in the file has more than 100000 items (at annotations).');
  });

  it('gives the same error for the same file: messages are stable', () => {
    expect(errorOf(w3c({ target: undefined })).message).toBe(
      errorOf(w3c({ target: undefined })).message,
    );
  });
});
