/**
 * The Electronegativity gate (scripts/electronegativity-review.ts): a finding passes only when one
 * reviewed exclusion names its check, its file and a text on its line; anything else, and any
 * file the scanner could not parse, fails the check. The scan itself runs in .ci/run
 * (scripts/check-electronegativity.ts over the built app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatReview,
  parseExclusions,
  passed,
  reviewFindings,
  type Finding,
} from '../../../scripts/electronegativity-review';

const LIST = path.resolve(
  import.meta.dirname,
  '../../../security/electronegativity-exclusions.json',
);

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    line: 2013,
    column: 2,
    severity: 'MEDIUM',
    confidence: 'TENTATIVE',
    description: 'Review the use of openExternal',
    source: 'shell.openExternal(url).catch((error) => {',
    ...overrides,
  };
}

const excuse = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/index.js',
  match: 'shell.openExternal(url)',
  reason: 'Only http(s) URLs after a click, one per click: see external-links.ts and its tests.',
};

describe('reviewing Electronegativity findings', () => {
  it('passes a finding that a reviewed entry explains', () => {
    const review = reviewFindings([finding()], [excuse]);
    expect(passed(review)).toBe(true);
    expect(review.explained).toHaveLength(1);
    expect(formatReview(review)).toMatch(/1 findings, all explained/);
  });

  it('fails a finding of another check, another file or another line of code', () => {
    for (const other of [
      finding({ check: 'NODE_INTEGRATION_JS_CHECK' }),
      finding({ file: 'preload/index.cjs' }),
      finding({ source: 'shell.openExternal(event.url)' }),
    ]) {
      const review = reviewFindings([other], [excuse]);
      expect(passed(review)).toBe(false);
      expect(review.unexplained).toEqual([other]);
      expect(formatReview(review)).toMatch(/UNEXPLAINED[\s\S]*1 of 1 findings unexplained/);
    }
  });

  it('fails when a file could not be parsed (it was not checked)', () => {
    const review = reviewFindings([], [], [{ file: 'main/index.js', message: 'Unexpected token' }]);
    expect(passed(review)).toBe(false);
    expect(formatReview(review)).toMatch(/UNPARSED +main\/index\.js: Unexpected token/);
  });

  it('notes entries no finding used, without failing', () => {
    const review = reviewFindings([], [excuse]);
    expect(passed(review)).toBe(true);
    expect(formatReview(review)).toMatch(/unused exclusion: OPEN_EXTERNAL_JS_CHECK/);
  });

  it('refuses an entry without a real reason', () => {
    expect(() => parseExclusions([{ ...excuse, reason: 'fine' }])).toThrow(/0\.reason/);
    expect(() => parseExclusions([{ ...excuse, extra: true }])).toThrow();
    expect(() => parseExclusions([{ ...excuse, check: 'open external' }])).toThrow(/0\.check/);
  });

  it('the project’s list is valid, one reason per entry, and excuses no Node or sandbox check', () => {
    const entries = parseExclusions(JSON.parse(fs.readFileSync(LIST, 'utf8')));
    expect(entries.length).toBeGreaterThan(0);
    // These checks guard checklist items 2–4, 6, 8–10: never to be excused.
    for (const entry of entries) {
      expect(entry.check).not.toMatch(
        /NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX|WEB_SECURITY|INSECURE_CONTENT|EXPERIMENTAL|BLINK_FEATURES|REMOTE_MODULE/,
      );
    }
  });
});
