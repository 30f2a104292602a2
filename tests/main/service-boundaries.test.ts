/**
 * RELIABILITY 13, at the service: a passage must start and end between whole characters. Offsets
 * inside an emoji with a skin-tone modifier, a ZWJ family or e + U+0301 are refused with a clear
 * error and nothing is stored; whole clusters are accepted and read back exactly.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { describeRange } from '../../src/shared/anchoring/selectors';
import { idSource, serviceErrorOf, tickingClock, useTempDirs } from './helpers';

const tempDir = useTempDirs('marginalia-boundaries-');
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const WAVE = '👋🏽'; // waving hand + medium skin tone: 4 code units, one cluster
const FAMILY = '👩‍👩‍👧‍👦'; // a ZWJ sequence: 11 code units, one cluster
const CAFE = 'cafe\u0301'; // "café" with a combining accent: the last cluster is 2 code units
const TEXT = `Greeting ${WAVE} from the ${FAMILY} at the ${CAFE} today.`;

function harness(): { db: Database; service: Service; articleId: string } {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  opened.push(db);
  const service = createService({ db, newId: idSource(), now: tickingClock() });
  const articleId = service.importBytes('t.txt', Buffer.from(`Title\n\n${TEXT}\n`)).article.id;
  return { db, service, articleId };
}

const count = (db: Database) =>
  (db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;

describe('R13 passages start and end between whole characters', () => {
  const inside: [string, number, number][] = [
    ['inside the skin-tone emoji', TEXT.indexOf(WAVE) + 2, TEXT.indexOf(' from')],
    ['ending inside the skin-tone emoji', 0, TEXT.indexOf(WAVE) + 2],
    ['inside the ZWJ family', TEXT.indexOf(FAMILY) + 3, TEXT.indexOf(' at')],
    ['ending inside the ZWJ family', TEXT.indexOf('the'), TEXT.indexOf(FAMILY) + 5],
    ['between e and its combining accent', TEXT.indexOf(CAFE), TEXT.indexOf(CAFE) + 4],
  ];

  it.each(inside)('R13 refuses a passage %s, storing nothing', (_label, start, end) => {
    const { db, service, articleId } = harness();
    const error = serviceErrorOf(() =>
      service.createAnnotation({
        articleId,
        ...describeRange(service.articleText(articleId), start, end),
        color: 'yellow',
        note: '',
        claim: null,
        tags: [],
      }),
    );
    expect(error.code).toBe('invalid_anchor');
    expect(error.message).toMatch(/inside a character at \d+ .*select whole characters/);
    expect(count(db)).toBe(0);
  });

  it('R13 accepts whole clusters and gives the exact quote back', () => {
    const { service, articleId } = harness();
    const text = service.articleText(articleId);
    for (const piece of [WAVE, FAMILY, CAFE]) {
      const start = text.indexOf(piece);
      const { annotation } = service.createAnnotation({
        articleId,
        ...describeRange(text, start, start + piece.length),
        color: 'yellow',
        note: '',
        claim: null,
        tags: [],
      });
      expect(annotation.quote.exact).toBe(piece);
      expect(annotation.anchor.status).toBe('anchored');
    }
  });
});
