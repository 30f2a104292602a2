/**
 * `marginalia claims suggest`: what it prints of the finder's suggestions (a fake finder, so the
 * output does not depend on the finder's quality), its JSON, `--accept-all` creating them in
 * one transaction, dismissed and already claimed suggestions left out; and, with the real
 * finder, that every printed quote is the text at its offsets.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import type { Service } from '../../../src/main/service';
import type * as ClaimFinder from '../../../src/shared/claim-finder/index';
import type { ClaimSuggestion, SuggestedClaimType } from '../../../src/shared/claim-finder/types';
import { rangeOf, UNKNOWN_ID, useTempDirs } from '../helpers';
import { cli, lines } from './capture';

/** The suggestions the fake finder answers (null: the real finder runs). */
const finder = vi.hoisted(() => ({
  fake: null as null | ((text: string) => ClaimSuggestion[]),
  calls: [] as { knownSpeakers?: readonly string[] }[],
}));
vi.mock('../../../src/shared/claim-finder/index', async (importActual) => {
  const actual = await importActual<typeof ClaimFinder>();
  return {
    ...actual,
    findClaimSuggestions: (text: string, options: { knownSpeakers?: readonly string[] } = {}) => {
      finder.calls.push(options);
      return finder.fake ? finder.fake(text) : actual.findClaimSuggestions(text, options);
    },
  };
});
afterEach(() => {
  finder.fake = null;
  finder.calls = [];
});

const tempDir = useTempDirs('marginalia-cli-claims-');
const ID = SAMPLE_ARTICLE_ID;
const TITLE = 'Negotiations continue between Western and Russian diplomats';

const ACCUSATION_CONTENT =
  'Russia planned to run “false-flag operations” to create a pretense for invasion or to make ' +
  'Ukraine more favorable to it';
const DENIAL = 'which Russia denies';
const US_CONTENT = 'Russia of planning a false-flag operation';

/** A suggestion of the first `content` in `text`, its cue the first `cue` before it. */
function suggestion(
  text: string,
  content: string,
  cue: string,
  speaker: string | null,
  type: SuggestedClaimType,
): ClaimSuggestion {
  const start = text.indexOf(content);
  expect(start).toBeGreaterThanOrEqual(0);
  const cueStart = text.lastIndexOf(cue, start + content.length);
  expect(cueStart).toBeGreaterThanOrEqual(0);
  return {
    key: `${start}-${start + content.length}`,
    start,
    end: start + content.length,
    quote: content,
    cue: { start: cueStart, end: cueStart + cue.length, text: cue },
    cueLemma: cue.split(' ')[0]!,
    source: speaker ? { start: 0, end: 1, text: text.slice(0, 1) } : null,
    speaker,
    type,
    sentence: { start: 0, end: text.length },
  };
}

const threeSuggestions = (text: string) => [
  suggestion(text, ACCUSATION_CONTENT, 'have said that', 'Western intelligence', 'assertion'),
  suggestion(text, DENIAL, 'denies', null, 'denial'),
  suggestion(text, US_CONTENT, 'accused', 'US', 'accusation'),
];

/** A library folder holding the sample; `prepare` runs on its service first. */
function library(prepare: (service: Service) => void = () => {}): string {
  const data = path.join(tempDir(), 'library');
  const lib = openLibrary({ dataDir: data });
  try {
    prepare(lib.service);
  } finally {
    lib.close();
  }
  return data;
}

function withLibrary<T>(data: string, read: (service: Service) => T): T {
  const lib = openLibrary({ dataDir: data });
  try {
    return read(lib.service);
  } finally {
    lib.close();
  }
}

describe('marginalia claims suggest', () => {
  it('prints a header, one line per suggestion and a count line', async () => {
    const data = library((service) =>
      service.createAnnotation({
        articleId: ID,
        ...rangeOf(service, ID, 'Russia'),
        color: 'yellow',
        note: '',
        claim: { type: 'assertion', speaker: 'NATO', status: 'unverified' },
        tags: [],
      }),
    );
    finder.fake = threeSuggestions;
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = lines(run.stdout);
    expect(out[0]).toBe('#\ttype\tspeaker\tcue\tquote\toffsets');
    expect(out).toHaveLength(5);
    expect(out[4]).toBe(`3 suggested claims in “${TITLE}”`);
    const rows = out.slice(1, 4).map((l) => l.split('\t'));
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['1', 'assertion', 'Western intelligence', 'have said that'],
      ['2', 'denial', '—', 'denies'],
      ['3', 'accusation', 'US', 'accused'],
    ]);
    // Long quotes are cut to 80 characters with an ellipsis; short ones are whole.
    const long = rows[0]![4]!;
    expect(Array.from(long)).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(ACCUSATION_CONTENT.startsWith(long.slice(0, -1))).toBe(true);
    expect(rows[1]![4]).toBe(DENIAL);
    const text = withLibrary(data, (s) => s.articleText(ID));
    const start = text.indexOf(US_CONTENT);
    expect(rows[2]![5]).toBe(`${start}-${start + US_CONTENT.length}`);
    // The finder was told the library's speakers.
    expect(finder.calls[0]?.knownSpeakers).toEqual(['NATO']);
  });

  it('prints JSON: speaker, cue, lemma, type, quote, offsets and source of each', async () => {
    const data = library();
    finder.fake = threeSuggestions;
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(run.stdout) as Record<string, unknown>[];
    const text = withLibrary(data, (s) => s.articleText(ID));
    const expected = threeSuggestions(text).map((s) => ({
      speaker: s.speaker,
      cue: s.cue.text,
      cueLemma: s.cueLemma,
      type: s.type,
      quote: s.quote,
      start: s.start,
      end: s.end,
      source: s.source?.text ?? null,
    }));
    expect(printed).toEqual(expected);
  });

  it('leaves out dismissed suggestions and those a claim already covers', async () => {
    const data = library((service) => {
      service.dismissSuggestion({ articleId: ID, ...rangeOf(service, ID, DENIAL), speaker: null });
      service.createAnnotation({
        articleId: ID,
        ...rangeOf(service, ID, US_CONTENT),
        color: 'yellow',
        note: '',
        claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
        tags: [],
      });
    });
    finder.fake = threeSuggestions;
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--json']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { quote: string }[];
    expect(printed.map((s) => s.quote)).toEqual([ACCUSATION_CONTENT]);
  });

  it('--accept-all creates them all in one transaction; none are offered afterwards', async () => {
    const data = library();
    finder.fake = threeSuggestions;
    // Transactions a run opens: a plain listing's, then accepting's (one more: one write).
    const transactions = vi.spyOn(Database.prototype, 'transaction');
    expect((await cli(['--data-dir', data, 'claims', 'suggest', ID])).code).toBe(0);
    const listing = transactions.mock.calls.length;
    transactions.mockClear();
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--accept-all']);
    expect(transactions.mock.calls.length).toBe(listing + 1);
    transactions.mockRestore();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(lines(run.stdout).at(-1)).toBe('Accepted 3 suggested claims.');

    const created = withLibrary(data, (s) => s.listAnnotations({ articleId: ID }).annotations);
    expect(created.map((a) => [a.quote.exact, a.claim])).toEqual([
      [
        ACCUSATION_CONTENT,
        { type: 'assertion', speaker: 'Western intelligence', status: 'unverified' },
      ],
      [DENIAL, { type: 'denial', speaker: null, status: 'unverified' }],
      [US_CONTENT, { type: 'accusation', speaker: 'US', status: 'unverified' }],
    ]);
    // One createAnnotations call: one write, one timestamp for all of them.
    expect(new Set(created.map((a) => a.createdAt)).size).toBe(1);

    const again = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--accept-all']);
    expect(again).toMatchObject({ code: 0, stdout: `No suggested claims in “${TITLE}”.\n` });
    expect(withLibrary(data, (s) => s.listAnnotations({ articleId: ID }).annotations)).toHaveLength(
      3,
    );
  });

  it('says so when there is nothing to suggest', async () => {
    const data = library();
    finder.fake = () => [];
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID]);
    expect(run).toEqual({ code: 0, stdout: `No suggested claims in “${TITLE}”.\n`, stderr: '' });
    const json = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('fails with exit code 1 on an unknown article', async () => {
    const data = library();
    const run = await cli(['--data-dir', data, 'claims', 'suggest', UNKNOWN_ID]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `marginalia: no article with id ${UNKNOWN_ID}\n`,
    });
  });

  it('with the real finder, every printed quote is the text at its offsets', async () => {
    const data = library();
    const run = await cli(['--data-dir', data, 'claims', 'suggest', ID, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(run.stdout) as { quote: string; start: number; end: number }[];
    const text = withLibrary(data, (s) => s.articleText(ID));
    for (const s of printed) expect(text.slice(s.start, s.end)).toBe(s.quote);
    // The plain listing prints the same suggestions, one line each.
    const listed = await cli(['--data-dir', data, 'claims', 'suggest', ID]);
    expect(lines(listed.stdout)).toHaveLength(printed.length === 0 ? 1 : printed.length + 2);
    expect(finder.calls).toHaveLength(2);
  });
});
