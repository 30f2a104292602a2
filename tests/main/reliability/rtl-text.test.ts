/**
 * R14 (the library's half): right-to-left and mixed-direction articles keep their direction, and
 * a highlight on them is stored at the offsets of exactly its words, comes back from an export in
 * a fresh library at the same offsets, and is refused when it would cut a letter from its mark.
 * The view's half (the mark drawn over those words, right to left) is
 * tests/renderer/reader/rtl.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../src/main/paths';
import { readSample } from '../../../src/main/sample';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import { create, idSource, serviceErrorOf, tickingClock, useTempDirs } from '../helpers';

const PAGES = path.resolve(__dirname, '../../fixtures/pages');
const tempDir = useTempDirs('marginalia-r14-');
const openDbs: Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function library(idStart = 0x1000): Service {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  return createService({
    db,
    newId: idSource(idStart),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
}

const importPage = (service: Service, name: string) =>
  service.importBytes(name, fs.readFileSync(path.join(PAGES, name))).article;

/** Arabic with a Latin acronym, digits and an English quotation inside it. */
const MIXED =
  'قال الأمين العام لحلف NATO ينس ستولتنبرغ في 10 فبراير إن «the number of Russian forces is going up» وأضاف أن الحوار مستمر.';

function roundTrip(first: Service, articleId: string, importInto: (second: Service) => string) {
  const file = first.exportArticle({
    id: articleId,
    format: 'jsonld',
    markdown: { groupBy: 'none', includeText: false },
  }).file.content;
  const second = library(0x9000);
  const copy = importInto(second);
  const { report } = second.importAnnotations({
    fileName: 'rtl.jsonld',
    content: file,
    articleId: copy,
  });
  return { report, after: second.listAnnotations({ articleId: copy }).annotations };
}

describe('R14 right-to-left and mixed-direction text', () => {
  it('R14 a highlight on Hebrew and Arabic pages is stored over exactly its words and round-trips', () => {
    const first = library();
    for (const [page, phrases] of [
      ['rtl-hebrew.html', ['שוק האיכרים של המועצה האזורית', 'השוק נסגר ב־2023 לאחר']],
      ['rtl-arabic.html', ['ريم العطّار', 'نحو مئة وعشرين ألف دينار']],
    ] as const) {
      const article = importPage(first, page);
      expect(article.direction, page).toBe('rtl');
      const text = first.articleText(article.id);
      const created = phrases.map((phrase) => create(first, article.id, phrase));
      for (const [i, annotation] of created.entries()) {
        expect(text.slice(annotation.position.start, annotation.position.end)).toBe(phrases[i]);
        expect(annotation.quote.exact).toBe(phrases[i]);
      }
      const { report, after } = roundTrip(
        first,
        article.id,
        (second) => importPage(second, page).id,
      );
      expect(report, page).toMatchObject({ anchored: 2, changed: 0, orphaned: 0 });
      expect(after.map((a) => [a.quote.exact, a.position])).toEqual(
        created.map((a) => [a.quote.exact, a.position]),
      );
    }
  });

  it('R14 a highlight across a change of direction (Arabic, Latin, digits) keeps its logical range', () => {
    const first = library();
    const importMixed = (service: Service) =>
      service.importBytes('mixed.md', new TextEncoder().encode(`# حلف الناتو\n\n${MIXED}\n`))
        .article.id;
    const articleId = importMixed(first);
    const text = first.articleText(articleId);
    const phrases = ['NATO ينس ستولتنبرغ في 10', 'forces is going up» وأضاف'];
    const created = phrases.map((phrase) => create(first, articleId, phrase));
    expect(created.map((a) => text.slice(a.position.start, a.position.end))).toEqual(phrases);
    // Logical order: the range starts where the phrase starts in the text, whatever is drawn where.
    expect(created.map((a) => a.position.start)).toEqual(phrases.map((p) => text.indexOf(p)));
    const { report, after } = roundTrip(first, articleId, importMixed);
    expect(report).toMatchObject({ anchored: 2, changed: 0, orphaned: 0 });
    expect(after.map((a) => [a.quote.exact, a.position])).toEqual(
      created.map((a) => [a.quote.exact, a.position]),
    );
  });

  it('R14 an end between an Arabic letter and its shadda is refused, not stored half a letter', () => {
    const service = library();
    const article = importPage(service, 'rtl-arabic.html');
    const text = service.articleText(article.id);
    const shadda = text.indexOf('\u0651'); // the first ّ, on the letter before it
    expect(shadda).toBeGreaterThan(0);
    const before = service.listAnnotations({ articleId: article.id }).annotations;
    const error = serviceErrorOf(() =>
      service.createAnnotation({
        articleId: article.id,
        ...describeRange(text, shadda - 3, shadda),
        color: 'yellow',
        note: '',
        claim: null,
        tags: [],
      }),
    );
    expect(error.code).toBe('invalid_anchor');
    expect(service.listAnnotations({ articleId: article.id }).annotations).toEqual(before);
  });
});
