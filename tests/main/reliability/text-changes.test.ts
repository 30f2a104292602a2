/**
 * R15 through the service: annotations exported from one article and imported onto a copy whose
 * text changed — written in the other Unicode normal form (NFC ↔ NFD), or with the quoted words
 * gone while similar words remain — are re-anchored over the same words by quote and context, or
 * kept as a visible orphan; never attached to other words. The matcher itself is
 * tests/shared/anchoring/anchor.test.ts; the orphan on screen, Sidebar.test.tsx.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../src/main/paths';
import { readSample } from '../../../src/main/sample';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { create, idSource, tickingClock, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-r15-');
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

function importText(service: Service, title: string, text: string): string {
  return service.importBytes(`${title}.md`, new TextEncoder().encode(`# ${title}\n\n${text}\n`))
    .article.id;
}

function exportOf(service: Service, id: string): string {
  return service.exportArticle({
    id,
    format: 'jsonld',
    markdown: { groupBy: 'none', includeText: false },
  }).file.content;
}

const TEXT =
  'The café on the corner reopened. Its crème brûlée is back, the owner said, and so is the piñata on the wall. Zoë, who runs it, said the señor next door helped.';

describe('R15 the article text changed', () => {
  for (const [from, to] of [
    ['NFC', 'NFD'],
    ['NFD', 'NFC'],
  ] as const) {
    it(`R15 annotations made on ${from} text land on the same words of the ${to} text`, () => {
      const first = library();
      const source = importText(first, 'Corner', TEXT.normalize(from));
      const phrases = ['crème brûlée is back', 'Zoë, who runs it', 'señor'];
      for (const phrase of phrases) create(first, source, phrase.normalize(from), { note: phrase });
      const second = library(0x9000);
      const copy = importText(second, 'Corner', TEXT.normalize(to));
      const copyText = second.articleText(copy);
      // The copy keeps its own form: the text did change, byte for byte.
      expect(copyText).toContain(TEXT.normalize(to));
      expect(copyText).not.toContain(TEXT.normalize(from));
      const { report } = second.importAnnotations({
        fileName: 'corner.jsonld',
        content: exportOf(first, source),
        articleId: copy,
      });
      expect(report).toMatchObject({ total: 3, orphaned: 0 });
      const stored = second.listAnnotations({ articleId: copy }).annotations;
      for (const phrase of phrases) {
        const annotation = stored.find((a) => a.note === phrase)!;
        expect(annotation.anchor.status, phrase).not.toBe('orphan');
        const covered = copyText.slice(annotation.position.start, annotation.position.end);
        expect(covered.normalize('NFC'), phrase).toBe(phrase.normalize('NFC'));
      }
    });
  }

  it('R15 a quote whose words are gone becomes a visible orphan, not the look-alike words nearby', () => {
    const first = library();
    const source = importText(first, 'Corner', TEXT);
    create(first, source, 'the owner said', { note: 'who said it' });
    const second = library(0x9000);
    // "the owner said" is gone; "the señor next door helped" and "said" remain.
    const changed = TEXT.replace('the owner said', 'we hear');
    const copy = importText(second, 'Corner', changed);
    const { report } = second.importAnnotations({
      fileName: 'corner.jsonld',
      content: exportOf(first, source),
      articleId: copy,
    });
    expect(report).toMatchObject({ total: 1, anchored: 0, orphaned: 1 });
    const [orphan] = second.listAnnotations({ articleId: copy }).annotations;
    expect(orphan).toMatchObject({ anchor: { status: 'orphan' }, note: 'who said it' });
    expect(orphan!.quote.exact).toBe('the owner said');
    const md = second.exportArticle({
      id: copy,
      format: 'md',
      markdown: { groupBy: 'none', includeText: false },
    }).file.content;
    expect(md).toContain('Passage not found in the article’s text');
  });
});
