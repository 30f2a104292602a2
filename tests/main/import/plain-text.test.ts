/** Plain-text import: title, byline and date lines, paragraphs, and the sample article. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDateLine, parsePlainText } from '../../../src/main/import/plain-text';
import { canonicalText } from '../../../src/shared/document/canonical-text';

const SEED_PATH = new URL(
  '../../../resources/sample/negotiations-continue-2022-02-11.txt',
  import.meta.url,
);

function paragraphs(document: Node): string[] {
  const out: string[] = [];
  document.forEach((child) => {
    expect(child.type.name).toBe('paragraph');
    out.push(child.textContent);
  });
  return out;
}

describe('the sample article', () => {
  const article = parsePlainText(
    readFileSync(SEED_PATH, 'utf8'),
    'negotiations-continue-2022-02-11',
  );
  const body = paragraphs(article.document);

  it('reads the title, byline and date from the first lines', () => {
    expect(article.title).toBe('Negotiations continue between Western and Russian diplomats');
    expect(article.byline).toBe('Simon C.');
    expect(article.publishedAt).toBe('2022-02-11');
    expect(article.site).toBeNull();
    expect(article.sourceUrl).toBeNull();
  });

  it('has exactly four paragraphs, the repeated title line dropped', () => {
    expect(body).toHaveLength(4);
    expect(body[0]!.startsWith('In December of 2021, Russia was in the process')).toBe(true);
    expect(body.some((p) => p.includes('Negotiations continue between'))).toBe(false);
    expect(body[3]!.startsWith('On February 10th, NATO Secretary General Jens Stoltenberg')).toBe(
      true,
    );
    expect(
      body[3]!.endsWith('“the biggest security crisis that Europe has faced for decades.”'),
    ).toBe(true);
  });

  it('keeps typographic quotes and em dashes as they are', () => {
    const text = canonicalText(article.document);
    expect(text).toContain('to run “false-flag operations” to create');
    expect(text).toContain('after 1997—including the Baltic states—Moscow');
    expect(text).toContain('more favorable to it—which Russia denies.');
    expect(text).toContain('said that “the number of Russian forces is going up');
    expect(text).not.toMatch(/[\uFFFD"]/);
  });

  it('gives a valid document whose text is the four paragraphs', () => {
    article.document.check();
    expect(canonicalText(article.document)).toBe(body.join('\n\n'));
  });

  it('reads the same from a Windows (CRLF) copy', () => {
    const crlf = readFileSync(SEED_PATH, 'utf8').replace(/\n/g, '\r\n');
    const again = parsePlainText(crlf, 'x');
    expect(again.title).toBe(article.title);
    expect(again.byline).toBe(article.byline);
    expect(again.publishedAt).toBe(article.publishedAt);
    expect(paragraphs(again.document)).toEqual(body);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['February 11, 2022', '2022-02-11'],
    ['11 February 2022', '2022-02-11'],
    ['2022-02-11', '2022-02-11'],
    ['Feb 11, 2022', '2022-02-11'],
    ['Feb. 11, 2022', '2022-02-11'],
    ['february 11 2022', '2022-02-11'],
    ['11 Feb. 2022', '2022-02-11'],
    ['Sept 5, 2022', '2022-09-05'],
    ['February 29, 2024', '2024-02-29'],
    ['December 31, 1999', '1999-12-31'],
    ['1 January 0099', '0099-01-01'],
    ['0050-06-15', '0050-06-15'],
  ])('reads %s as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    'February 30, 2022',
    'February 29, 2023',
    '31 April 2022',
    '2022-13-01',
    '2022-02-00',
    '0 February 2022',
    'hello',
    '',
    'Ma 11, 2022', // too short to name a month
    'Februaryx 11, 2022',
    'Smarch 11, 2022',
    '2022-2-11',
    'February 11, 2022 at noon',
    'By Simon C.',
  ])('refuses %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('reads back every ISO date it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(parseDateLine(iso)).toBe(iso);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads "Month D, YYYY" and "D Month YYYY" as the same date (property)', () => {
    const MONTHS = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const month = MONTHS[date.getUTCMonth()]!;
          const [y, d] = [date.getUTCFullYear(), date.getUTCDate()];
          expect(parseDateLine(`${month} ${d}, ${y}`)).toBe(iso);
          expect(parseDateLine(`${d} ${month} ${y}`)).toBe(iso);
          expect(parseDateLine(`${month.slice(0, 3)} ${d}, ${y}`)).toBe(iso);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parsePlainText', () => {
  it('joins the hard-wrapped lines of blank-line-separated paragraphs with spaces', () => {
    const text = [
      'A report',
      '',
      'The first paragraph was',
      'wrapped at a narrow',
      'width.',
      '',
      '',
      '   The second one   ',
      'too.',
      '',
    ].join('\n');
    const article = parsePlainText(text, 'report');
    expect(article.title).toBe('A report');
    expect(article.byline).toBeNull();
    expect(article.publishedAt).toBeNull();
    expect(paragraphs(article.document)).toEqual([
      'The first paragraph was wrapped at a narrow width.',
      'The second one too.',
    ]);
  });

  it('makes each line a paragraph in a file without blank lines', () => {
    const article = parsePlainText('Title\nOne.\nTwo.\nThree.', 'x');
    expect(paragraphs(article.document)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('takes the file name as the title when the first line is too long for one', () => {
    const long = 'This opening line runs on and on. '.repeat(10).trim();
    expect(long.length).toBeGreaterThan(300);
    const article = parsePlainText(`${long}\n\nA second paragraph.`, 'my-notes');
    expect(article.title).toBe('my-notes');
    expect(paragraphs(article.document)).toEqual([long, 'A second paragraph.']);
  });

  it('takes the file name as the title of a blank file, and gives it one empty paragraph', () => {
    const article = parsePlainText('\n  \n', 'empty');
    expect(article.title).toBe('empty');
    expect(article.document.childCount).toBe(1);
    expect(article.document.textContent).toBe('');
    article.document.check();
  });

  it('skips blank lines before the title, and keeps a byline and date separated by blank lines', () => {
    const article = parsePlainText(
      '\n\n  Title  \n\nby Jane Roe\n\n11 February 2022\n\nBody.',
      'x',
    );
    expect(article.title).toBe('Title');
    expect(article.byline).toBe('Jane Roe');
    expect(article.publishedAt).toBe('2022-02-11');
    expect(paragraphs(article.document)).toEqual(['Body.']);
  });

  it('reads a date line without a byline', () => {
    const article = parsePlainText('Title\n2022-02-11\nBody.', 'x');
    expect(article.byline).toBeNull();
    expect(article.publishedAt).toBe('2022-02-11');
    expect(paragraphs(article.document)).toEqual(['Body.']);
  });

  it('keeps a line that only resembles the title', () => {
    const article = parsePlainText('Talks continue\nTalks continue in Geneva\nBody.', 'x');
    expect(paragraphs(article.document)).toEqual(['Talks continue in Geneva', 'Body.']);
  });

  it('keeps a paragraph that is not a date, right after the byline', () => {
    const article = parsePlainText('Title\nBy A. Writer\nFebruary is cold.\nBody.', 'x');
    expect(article.byline).toBe('A. Writer');
    expect(article.publishedAt).toBeNull();
    expect(paragraphs(article.document)).toEqual(['February is cold.', 'Body.']);
  });

  it('loses no words of the body (property)', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé—“”’😀'),
      minLength: 1,
      maxLength: 8,
    });
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const paragraph = fc.array(line, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paras) => {
        const source = 'The title\n\n' + paras.map((p) => p.join('\n')).join('\n\n') + '\n';
        const article = parsePlainText(source, 'x');
        expect(article.title).toBe('The title');
        // With one paragraph there is no blank line in the body, so each line is a paragraph.
        const expected = paras.length > 1 ? paras.map((p) => p.join(' ')) : paras[0]!;
        // A first line that reads as a byline or a date is metadata; otherwise every word is kept.
        if (article.byline === null && article.publishedAt === null) {
          expect(paragraphs(article.document)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
