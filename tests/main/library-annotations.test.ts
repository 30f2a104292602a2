/**
 * Annotations across the library (`listLibraryAnnotations`): every live annotation of every live
 * article, newest first, whole (claim, tags, links, anchor), with its article; nothing deleted or
 * in the Trash; and how long it takes at 10,000 annotations (printed, not asserted).
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { SAMPLE_ARTICLE_ID, readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { insertAnnotation } from '../../src/main/store/annotations';
import { openDatabase } from '../../src/main/store/connection';
import { insertLink } from '../../src/main/store/links';
import { setAnnotationTags } from '../../src/main/store/tags';
import { dispatch } from '../../src/shared/contract/dispatch';
import { operations } from '../../src/shared/contract/operations';
import { HIGHLIGHT_COLORS } from '../../src/shared/contract/entities';
import { create, idSource, tickingClock, useTempDirs } from './helpers';
import { annotateSample } from './sample-annotations';

const tempDir = useTempDirs('marginalia-library-annotations-');
const openDbs: Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function harness(): { db: Database; service: Service } {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  return { db, service };
}

function importText(service: Service, title: string, text: string): string {
  return service.importBytes(`${title}.md`, new TextEncoder().encode(`# ${title}\n\n${text}\n`))
    .article.id;
}

describe('listLibraryAnnotations', () => {
  it('answers nothing for a library without annotations', () => {
    const { service } = harness();
    expect(service.listLibraryAnnotations({})).toEqual({ annotations: [] });
  });

  it('lists every article’s annotations newest first, each whole and with its article', async () => {
    const { service } = harness();
    const sample = annotateSample(service);
    const otherId = importText(service, 'Second article', 'Alpha beta gamma delta epsilon.');
    const later = create(service, otherId, 'gamma delta', { note: 'later one', tags: ['greek'] });

    const reply = await dispatch(service, 'listLibraryAnnotations', {});
    expect(reply.ok).toBe(true);
    const { annotations } = service.listLibraryAnnotations({});
    // The reply is what the contract says it is.
    expect(operations.listLibraryAnnotations.response.safeParse({ annotations }).success).toBe(
      true,
    );

    const created = [...annotations].map((e) => e.annotation.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(annotations[0]!.annotation).toEqual(later);
    expect(annotations[0]!.article).toEqual({
      id: otherId,
      title: 'Second article',
      publishedAt: null,
    });

    // Each annotation is exactly what the article's own list holds: claims, tags, links, anchors.
    const sampleList = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    const fromLibrary = annotations.filter((e) => e.article.id === SAMPLE_ARTICLE_ID);
    expect(fromLibrary.map((e) => e.annotation).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...sampleList].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const denial = fromLibrary.find((e) => e.annotation.id === sample.denial.id)!.annotation;
    expect(denial.links).toHaveLength(1);
    expect(denial.claim).toEqual({ type: 'denial', speaker: 'Russia', status: 'unverified' });
    const article = service.getArticle({ id: SAMPLE_ARTICLE_ID }).article;
    expect(fromLibrary[0]!.article).toEqual({
      id: SAMPLE_ARTICLE_ID,
      title: article.title,
      publishedAt: article.publishedAt,
    });
  });

  it('leaves out deleted annotations and the annotations of articles in the Trash', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    const otherId = importText(service, 'Second article', 'Alpha beta gamma delta epsilon.');
    const kept = create(service, otherId, 'beta');
    service.deleteAnnotation({ id: sample.warning.id });
    const ids = () => service.listLibraryAnnotations({}).annotations.map((e) => e.annotation.id);
    expect(ids()).not.toContain(sample.warning.id);
    expect(ids()).toContain(sample.denial.id);

    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expect(ids()).toEqual([kept.id]);

    service.restoreArticle({ id: SAMPLE_ARTICLE_ID });
    expect(ids()).toContain(sample.denial.id);
    expect(ids()).not.toContain(sample.warning.id);
  });

  // Writing 10,000 annotations with their tags and search rows takes seconds on a busy machine:
  // a longer guard against hangs than the project's 20 s (not a speed target).
  it('reads 10,000 annotations in 100 articles whole (time printed)', { timeout: 120_000 }, () => {
    const { db, service } = harness();
    const newId = idSource(0x100000);
    const articleIds = Array.from({ length: 100 }, (_, i) =>
      importText(service, `Article ${i}`, `Words of article ${i}. `.repeat(200)),
    );
    const base = Date.UTC(2025, 0, 1);
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const id = newId();
        ids.push(id);
        const at = new Date(base + i * 60_000).toISOString();
        insertAnnotation(db, {
          id,
          articleId: articleIds[i % 100]!,
          quote: { exact: 'Words of article', prefix: '', suffix: '' },
          position: { start: 0, end: 16 },
          color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
          note: i % 3 === 0 ? `Note number ${i}` : '',
          originalQuote: null,
          anchor: { status: 'anchored', start: 0, end: 16 },
          claim: i % 5 === 0 ? { type: 'denial', speakerId: null, status: 'unverified' } : null,
          createdAt: at,
          updatedAt: at,
        });
        setAnnotationTags(db, id, [`tag ${i % 40}`, `topic ${i % 7}`], newId, at);
        if (i % 10 === 1) {
          insertLink(db, {
            id: newId(),
            fromId: id,
            toId: ids[i - 1]!,
            relation: 'supports',
            createdAt: at,
          });
        }
      }
    })();

    const started = performance.now();
    const { annotations } = service.listLibraryAnnotations({});
    const storeMs = performance.now() - started;
    const serialising = performance.now();
    const json = JSON.stringify({ annotations });
    const jsonMs = performance.now() - serialising;
    console.log(
      `listLibraryAnnotations: ${annotations.length} annotations in ${storeMs.toFixed(0)} ms; ` +
        `as JSON ${(json.length / 1e6).toFixed(1)} MB in ${jsonMs.toFixed(0)} ms`,
    );

    expect(annotations).toHaveLength(10_000);
    expect(annotations[0]!.annotation.id).toBe(ids[9_999]);
    expect(annotations[9_999]!.annotation.id).toBe(ids[0]);
    const withLink = annotations.find((e) => e.annotation.id === ids[11])!.annotation;
    expect(withLink.tags).toEqual(['tag 11', 'topic 4']);
    expect(withLink.links).toEqual([expect.objectContaining({ otherId: ids[10] })]);
    expect(annotations.find((e) => e.annotation.id === ids[10])!.annotation.claim).toEqual({
      type: 'denial',
      speaker: null,
      status: 'unverified',
    });
  });
});
