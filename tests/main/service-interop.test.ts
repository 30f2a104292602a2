/**
 * Export and import through the service: golden files for the annotated sample, the JSON-LD round
 * trip into a fresh library, re-anchoring onto changed text, Hypothesis files, bad files that
 * change nothing, the claims ledger, and the idempotent export into a folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Parser, type Node as CmNode } from 'commonmark';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { readSample, SAMPLE_ARTICLE_ID } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import type { Annotation } from '../../src/shared/contract/entities';
import type { MARKDOWN_GROUPINGS } from '../../src/shared/contract/interop';
import { expectGolden } from './golden';
import { create, idSource, serviceErrorOf, tickingClock, UNKNOWN_ID, useTempDirs } from './helpers';
import { ACCUSATION, annotateSample, DENIAL, WARNING } from './sample-annotations';

const tempDir = useTempDirs('marginalia-interop-');
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

function exported(
  service: Service,
  format: 'md' | 'jsonld' | 'claimreview',
  id = SAMPLE_ARTICLE_ID,
) {
  return service.exportArticle({ id, format, markdown: { groupBy: 'none', includeText: false } })
    .file;
}

/** Annotations without what a library assigns on its own (nothing, when ids are kept). */
function comparable(annotations: readonly Annotation[]) {
  return annotations.map((a) => ({ ...a, links: a.links.map(({ id: _id, ...rest }) => rest) }));
}

function sampleText(service: Service): string {
  return service.articleText(SAMPLE_ARTICLE_ID);
}

/** Imports `text` as a Markdown article of its own and answers its id. */
function importText(service: Service, title: string, text: string): string {
  return service.importBytes(`${title}.md`, new TextEncoder().encode(`# ${title}\n\n${text}\n`))
    .article.id;
}

describe('exports of the annotated sample', () => {
  it('match the golden Markdown, JSON-LD, ClaimReview and ledger files', () => {
    const service = library();
    annotateSample(service);
    const md = exported(service, 'md');
    expect(md.fileName).toBe(
      'Negotiations continue between Western and Russian diplomats (00000001).md',
    );
    expect(md.mediaType).toBe('text/markdown');
    expectGolden('sample.md', md.content);
    expectGolden('sample.jsonld', exported(service, 'jsonld').content);
    expectGolden('sample.claimreview.jsonld', exported(service, 'claimreview').content);
    expectGolden('ledger.md', service.exportLibrary({ format: 'ledger' }).file.content);
  });

  it('writes the front matter, the claims table, the quotes, tags and links back', () => {
    const service = library();
    const { accusation, denial } = annotateSample(service);
    const { content } = exported(service, 'md');
    expect(content).toMatch(
      /^---\ntitle: Negotiations continue between Western and Russian diplomats\n/,
    );
    expect(content).toContain('author: Simon C.\n');
    expect(content).toContain('published: 2022-02-11\n');
    expect(content).toContain(`marginalia-id: ${SAMPLE_ARTICLE_ID}\n`);
    expect(content).toContain(
      '## Claims\n\n| Claim | Type | Speaker | Status | Answered by | Passage |',
    );
    expect(content).toContain(`> ${ACCUSATION}\n`);
    expect(content).toContain('#false-flag #intelligence');
    expect(content).toContain(
      `(<marginalia://open?article=${SAMPLE_ARTICLE_ID}&annotation=${accusation.id}>)`,
    );
    expect(content).toContain(`Denied by: “${DENIAL}”`);
    expect(content).toContain(`annotation=${denial.id}`);
  });

  it('groups by tag, claim type, speaker or colour, and includes the text when asked', () => {
    const service = library();
    annotateSample(service);
    const md = (groupBy: (typeof MARKDOWN_GROUPINGS)[number], includeText = false) =>
      service.exportArticle({
        id: SAMPLE_ARTICLE_ID,
        format: 'md',
        markdown: { groupBy, includeText },
      }).file.content;
    expect(md('tag')).toContain('## Annotations by tag\n\n### false flag (2)');
    expect(md('tag')).toContain('### Untagged (3)');
    expect(md('claim-type')).toContain('### accusation (2)');
    expect(md('speaker')).toContain('### Russia (1)');
    expect(md('color')).toContain('### Pink (1)');
    expect(md('none')).not.toContain('## Article text');
    const withText = md('none', true);
    expect(withText).toContain('## Article text');
    expect(withText).toContain('In December of 2021, Russia was in the process');
  });

  it('gives back a hostile note and quote exactly when the Markdown is rendered', () => {
    const service = library();
    const note = '# not a heading\n> not a quote\n1. *not* a list | [link](x) <b>&amp;</b>  ';
    create(service, SAMPLE_ARTICLE_ID, 'the US does not plan to deploy', { note });
    const tree = new Parser().parse(exported(service, 'md').content);
    const texts: string[] = [];
    const walker = tree.walker();
    for (let step = walker.next(); step; step = walker.next()) {
      const node: CmNode = step.node;
      if (step.entering && node.type === 'paragraph') {
        let text = '';
        for (let child = node.firstChild; child; child = child.next) {
          text += child.type === 'linebreak' ? '\n' : (child.literal ?? `<${child.type}>`);
        }
        texts.push(text);
      }
    }
    expect(texts).toContain('the US does not plan to deploy');
    expect(texts).toContain(note);
  });

  it('refuses an unknown article', () => {
    const service = library();
    expect(serviceErrorOf(() => exported(service, 'md', UNKNOWN_ID)).code).toBe('not_found');
  });
});

describe('the W3C JSON-LD round trip', () => {
  it('reproduces every annotation in a fresh library, and exports the same again', () => {
    const first = library();
    annotateSample(first);
    const file = exported(first, 'jsonld').content;
    const second = library(0x9000);
    const { report } = second.importAnnotations({ fileName: 'sample.jsonld', content: file });
    expect(report).toMatchObject({ format: 'w3c', total: 5, anchored: 5, changed: 0, orphaned: 0 });
    expect(report.linksCreated).toBe(2);
    expect(report.articles).toEqual([
      { id: SAMPLE_ARTICLE_ID, title: expect.any(String) as string, imported: 5 },
    ]);
    const before = first.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    const after = second.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(comparable(after)).toEqual(comparable(before));
    const again = JSON.parse(exported(second, 'jsonld').content) as Record<string, unknown>;
    const original = JSON.parse(file) as Record<string, unknown>;
    const strip = ({ id: _id, generated: _g, first, ...rest }: Record<string, unknown>) => ({
      ...rest,
      items: (first as { items: unknown[] }).items,
    });
    expect(strip(again)).toEqual(strip(original));
  });

  it('R13 round-trips passages after emoji, ZWJ sequences and combining marks exactly', () => {
    const text = 'Family 👨‍👩‍👧 met; the flag 🇺🇦 flew. Cafe\u0301 owners said “no” 👍🏽 twice.';
    const first = library();
    const articleId = importText(first, 'Emoji', text);
    const created = [
      create(first, articleId, '🇺🇦 flew'),
      create(first, articleId, 'Cafe\u0301 owners', { note: 'e + U+0301' }),
      create(first, articleId, '👍🏽 twice'),
    ];
    const file = exported(first, 'jsonld', articleId).content;
    const positions = (
      JSON.parse(file) as { first: { items: { target: { selector: { start?: number }[] } }[] } }
    ).first.items.map((item) => item.target.selector[1]?.start);
    expect(positions[0]).toBeLessThan(created[0]!.position.start);
    const second = library(0x9000);
    const copy = importText(second, 'Emoji', text);
    const { report } = second.importAnnotations({
      fileName: 'e.jsonld',
      content: file,
      articleId: copy,
    });
    expect(report).toMatchObject({ anchored: 3, changed: 0, orphaned: 0 });
    const after = second.listAnnotations({ articleId: copy }).annotations;
    expect(after.map((a) => [a.quote.exact, a.position])).toEqual(
      created.map((a) => [a.quote.exact, a.position]),
    );
  });

  it('finds the same article in another library by its text, for one article or the library', () => {
    const text = 'The Kremlin said Russia denies any plan to invade.\n\nNATO disagreed.';
    const first = library();
    const articleId = importText(first, 'Briefing', text);
    create(first, articleId, 'Russia denies any plan to invade', {
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    annotateSample(first);
    const single = exported(first, 'jsonld', articleId).content;
    const whole = first.exportLibrary({ format: 'jsonld' }).file.content;

    const second = library(0x9000);
    const copy = importText(second, 'Briefing', text);
    expect(copy).not.toBe(articleId);
    const one = second.importAnnotations({ fileName: 'one.jsonld', content: single }).report;
    expect(one).toMatchObject({ anchored: 1, otherPages: 0 });
    expect(one.articles).toEqual([{ id: copy, title: 'Briefing', imported: 1 }]);

    const third = library(0xa000);
    importText(third, 'Briefing', text);
    const all = third.importAnnotations({ fileName: 'all.jsonld', content: whole }).report;
    expect(all).toMatchObject({ total: 6, anchored: 6, otherPages: 0 });
  });

  it('adds nothing when the same file is imported twice', () => {
    const service = library();
    annotateSample(service);
    const file = exported(service, 'jsonld').content;
    const { report } = service.importAnnotations({ fileName: 'a.jsonld', content: file });
    expect(report).toMatchObject({ anchored: 0, alreadyPresent: 5, linksCreated: 0 });
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toHaveLength(5);
  });

  it('attaches annotations to another copy of the text with new ids, links included', () => {
    const service = library();
    annotateSample(service);
    const copy = importText(
      service,
      'Copy',
      `${sampleText(service)}\n\nA copy kept for comparison.`,
    );
    const file = exported(service, 'jsonld').content;
    const { report } = service.importAnnotations({
      fileName: 'a.jsonld',
      content: file,
      articleId: copy,
    });
    expect(report).toMatchObject({ anchored: 5, linksCreated: 2, alreadyPresent: 0 });
    const copied = service.listAnnotations({ articleId: copy }).annotations;
    expect(copied.map((a) => a.quote.exact)).toContain(ACCUSATION);
    const denial = copied.find((a) => a.quote.exact === DENIAL)!;
    expect(denial.links).toMatchObject([{ relation: 'denies', direction: 'outgoing' }]);
    expect(copied.find((a) => a.id === denial.links[0]!.otherId)?.quote.exact).toBe(ACCUSATION);
  });

  it('R15 keeps a changed quote as the original, and keeps an orphan with its note, claim and link', () => {
    const service = library();
    const sample = annotateSample(service);
    service.createLink({
      fromId: sample.foreignOffice.id,
      toId: sample.warning.id,
      relation: 'responds-to',
    });
    const changedText = sampleText(service)
      .replace('run “false-flag operations”', 'run “false flag operations”')
      .replace(WARNING, 'and so on');
    const copy = importText(service, 'Changed', changedText);
    const file = exported(service, 'jsonld').content;
    const { report } = service.importAnnotations({
      fileName: 'a.jsonld',
      content: file,
      articleId: copy,
    });
    expect(report).toMatchObject({ total: 5, anchored: 3, changed: 1, orphaned: 1 });
    expect(report.orphans).toEqual([{ quote: WARNING, articleId: copy }]);
    expect(report).toMatchObject({ linksCreated: 3, linksUnresolved: 0 });

    const stored = service.listAnnotations({ articleId: copy }).annotations;
    expect(stored).toHaveLength(5);
    // Links stay inside the copy: the orphan is here, not reached on the sample.
    expect(stored.every((a) => a.links.every((l) => l.otherArticleId === copy))).toBe(true);
    const orphan = stored.find((a) => a.quote.exact === WARNING)!;
    expect(orphan).toMatchObject({
      note: 'Stoltenberg, February 10th.',
      claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'confirmed' },
      originalQuote: null,
    });
    expect(changedText.slice(orphan.position.start, orphan.position.end)).not.toBe(WARNING);
    expect(orphan.links).toMatchObject([{ relation: 'responds-to', direction: 'incoming' }]);

    const changed = stored.find((a) => a.originalQuote !== null)!;
    expect(changed.originalQuote).toBe(ACCUSATION);
    expect(changed.quote.exact).toContain('false flag operations');
    const md = exported(service, 'md', copy).content;
    expect(md).toContain('Passage changed since it was annotated:');
    expect(md).toContain('run ~~“false-flag~~ **“false flag** operations”');
    expect(md.match(/Passage not found in the article’s text/g)).toHaveLength(1);

    // The orphan travels on by its quote alone, and comes back as the same orphan.
    const again = JSON.parse(exported(service, 'jsonld', copy).content) as {
      first: { items: { id: string; target: { selector: { type: string }[] } }[] };
    };
    const orphanItem = again.first.items.find((item) => item.id === `urn:uuid:${orphan.id}`)!;
    expect(orphanItem.target.selector.map((sel) => sel.type)).toEqual(['TextQuoteSelector']);
  });

  it('does not pile up copies when a file is imported again after a delete', () => {
    const service = library();
    const { denial } = annotateSample(service);
    const file = exported(service, 'jsonld').content;
    service.deleteAnnotation({ id: denial.id });
    const first = service.importAnnotations({ fileName: 'a.jsonld', content: file }).report;
    expect(first).toMatchObject({ anchored: 1, alreadyPresent: 4 });
    const second = service.importAnnotations({ fileName: 'a.jsonld', content: file }).report;
    expect(second).toMatchObject({ anchored: 0, alreadyPresent: 5 });
    const denials = service
      .listAnnotations({ articleId: SAMPLE_ARTICLE_ID })
      .annotations.filter((a) => a.quote.exact === DENIAL);
    expect(denials).toHaveLength(1);
    expect(denials[0]!.id).not.toBe(denial.id);
  });

  it('keeps no original quote when the file’s original is the passage it anchors to', () => {
    const service = library();
    const other = library(0x5000);
    const { denial } = annotateSample(other);
    const collection = JSON.parse(exported(other, 'jsonld').content) as {
      first: { items: { id: string; body: object[] }[] };
    };
    const item = collection.first.items.find((i) => i.id === `urn:uuid:${denial.id}`)!;
    item.body.push({
      type: 'TextualBody',
      purpose: 'describing',
      'marginalia:role': 'originalQuote',
      value: DENIAL,
    });
    service.importAnnotations({ fileName: 'a.jsonld', content: JSON.stringify(collection) });
    const stored = service
      .listAnnotations({ articleId: SAMPLE_ARTICLE_ID })
      .annotations.find((a) => a.id === denial.id)!;
    expect(stored.originalQuote).toBeNull();
  });

  it('refuses a file that is not JSON, or whose article is not here, and stores nothing', () => {
    const service = library();
    const count = () =>
      service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations.length;
    expect(
      serviceErrorOf(() => service.importAnnotations({ fileName: 'x.json', content: '{"a":' })),
    ).toMatchObject({
      code: 'unsupported_file',
      message: expect.stringContaining('x.json is not JSON') as string,
    });
    const other = library(0x5000);
    annotateSample(other);
    // Another article with another text: neither its id nor its text is here.
    const foreign = exported(other, 'jsonld')
      .content.replaceAll(`urn:uuid:${SAMPLE_ARTICLE_ID}`, `urn:uuid:${UNKNOWN_ID}`)
      .replace(
        /"marginalia:textHash": "[0-9a-f]{64}"/g,
        `"marginalia:textHash": "${'0'.repeat(64)}"`,
      );
    expect(
      serviceErrorOf(() => service.importAnnotations({ fileName: 'f.jsonld', content: foreign })),
    ).toMatchObject({ code: 'not_found', message: expect.stringContaining(UNKNOWN_ID) as string });
    expect(
      serviceErrorOf(() =>
        service.importAnnotations({
          fileName: 'f.jsonld',
          content: foreign,
          articleId: UNKNOWN_ID,
        }),
      ).code,
    ).toBe('not_found');
    expect(count()).toBe(0);
  });
});

describe('files naming several pages', () => {
  /** The sample's JSON-LD with its last two annotations moved to a page this library lacks. */
  function twoPageFile(): string {
    const other = library(0x5000);
    annotateSample(other);
    const collection = JSON.parse(exported(other, 'jsonld').content) as {
      first: { items: { target: { source: string; 'marginalia:textHash'?: string } }[] };
    };
    for (const item of collection.first.items.slice(3)) {
      item.target.source = 'https://example.org/elsewhere';
      delete item.target['marginalia:textHash'];
    }
    return JSON.stringify(collection);
  }

  it('imports the annotations of the pages found and counts the rest as left out', () => {
    const service = library();
    const { report } = service.importAnnotations({
      fileName: 'two.jsonld',
      content: twoPageFile(),
    });
    expect(report).toMatchObject({ total: 3, anchored: 3, otherPages: 2 });
    expect(report.warnings).toContain(
      '2 annotations are for 1 page not in this library and were left out',
    );
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toHaveLength(3);
  });

  it('gives a chosen article only the annotations of its own source', () => {
    const service = library();
    const { report } = service.importAnnotations({
      fileName: 'two.jsonld',
      content: twoPageFile(),
      articleId: SAMPLE_ARTICLE_ID,
    });
    expect(report).toMatchObject({ total: 3, otherPages: 2 });
  });

  it('refuses to put several pages on a chosen article that is none of them', () => {
    const service = library();
    const copy = importText(
      service,
      'Copy',
      `${sampleText(service)}\n\nA copy kept for comparison.`,
    );
    const error = serviceErrorOf(() =>
      service.importAnnotations({
        fileName: 'two.jsonld',
        content: twoPageFile(),
        articleId: copy,
      }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/holds annotations for 2 pages and none of them is this article/);
    expect(service.listAnnotations({ articleId: copy }).annotations).toHaveLength(0);
  });
});

describe('Hypothesis import', () => {
  it('anchors Hypothesis annotations by quote with their notes and tags, once', () => {
    const service = library();
    const text = sampleText(service);
    const start = text.indexOf(DENIAL);
    const hypothesis = {
      export_date: '2026-11-20T10:00:00Z',
      annotations: [
        {
          id: 'Xy12abCDefGHijKL',
          created: '2026-11-01T09:00:00.000000+00:00',
          updated: '2026-11-02T09:00:00.000000+00:00',
          uri: 'https://example.org/negotiations',
          text: 'Moscow says **no**.',
          tags: ['russia', '#denial'],
          target: [
            {
              source: 'https://example.org/negotiations',
              selector: [
                {
                  type: 'TextPositionSelector',
                  start: start + 40,
                  end: start + 40 + DENIAL.length,
                },
                {
                  type: 'TextQuoteSelector',
                  exact: DENIAL,
                  prefix: text.slice(start - 20, start),
                  suffix: text.slice(start + DENIAL.length, start + DENIAL.length + 20),
                },
              ],
            },
          ],
          document: { title: ['Negotiations continue'] },
        },
        {
          id: 'PageNote0000001',
          uri: 'https://example.org/negotiations',
          text: 'A page note has no quote.',
          tags: [],
          target: [{ source: 'https://example.org/negotiations' }],
        },
      ],
    };
    const content = JSON.stringify(hypothesis);
    const { report } = service.importAnnotations({
      fileName: 'hypothesis.json',
      content,
      articleId: SAMPLE_ARTICLE_ID,
    });
    expect(report).toMatchObject({ format: 'hypothesis', total: 1, anchored: 1 });
    expect(report.warnings.join(' ')).toMatch(/1 .*no quote|page note/i);
    const [stored] = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(stored).toMatchObject({
      quote: { exact: DENIAL },
      position: { start, end: start + DENIAL.length },
      note: 'Moscow says **no**.',
      tags: ['denial', 'russia'],
    });
    const again = service.importAnnotations({
      fileName: 'hypothesis.json',
      content,
      articleId: SAMPLE_ARTICLE_ID,
    }).report;
    expect(again).toMatchObject({ anchored: 0, alreadyPresent: 1 });
  });
});

describe('the claims ledger', () => {
  it('lists every claim in the library with its article', () => {
    const service = library();
    annotateSample(service);
    const other = importText(
      service,
      'Kremlin briefing',
      'The Kremlin said Russia denies any plan to invade.',
    );
    create(service, other, 'Russia denies any plan to invade', {
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    create(service, other, 'The Kremlin said');
    const { claims } = service.getClaimsLedger({});
    expect(claims).toHaveLength(6);
    const russia = claims.filter((c) => c.annotation.claim?.speaker === 'Russia');
    expect(russia.map((c) => c.article.title).sort()).toEqual([
      'Kremlin briefing',
      'Negotiations continue between Western and Russian diplomats',
    ]);
    const ledger = service.exportLibrary({ format: 'ledger' }).file;
    expect(ledger.fileName).toMatch(/^Claims ledger \d{4}-\d{2}-\d{2}\.md$/);
    expect(ledger.content).toMatch(/## Russia \(2 claims\)/);
  });
});

describe('library export into a folder', () => {
  it('writes one file per article, then updates only what changed and never touches others', () => {
    const service = library();
    annotateSample(service);
    const other = importText(service, 'Second: article?', 'Some text to annotate here.');
    const vault = tempDir();
    fs.writeFileSync(path.join(vault, 'My own note.md'), '# mine\n');
    const markdown = { groupBy: 'none' as const, includeText: false };

    const first = service.exportLibraryToFolder({ folder: vault, markdown });
    const sampleFile = 'Negotiations continue between Western and Russian diplomats (00000001).md';
    const otherFile = first.created.find((name) => name.startsWith('Second article'))!;
    expect(first.created).toEqual([sampleFile, otherFile]);
    expect(otherFile).toMatch(/^Second article \([0-9a-f]{8}\)\.md$/);
    expect(fs.readFileSync(path.join(vault, 'My own note.md'), 'utf8')).toBe('# mine\n');

    const second = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(second).toMatchObject({ created: [], updated: [], unchanged: [sampleFile, otherFile] });

    fs.renameSync(path.join(vault, otherFile), path.join(vault, 'Renamed by me.md'));
    create(service, other, 'Some text');
    const third = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(third).toMatchObject({ created: [], updated: ['Renamed by me.md'] });
    expect(fs.readFileSync(path.join(vault, 'Renamed by me.md'), 'utf8')).toContain('> Some text');
    expect(fs.readdirSync(vault).sort()).toEqual([
      'My own note.md',
      sampleFile,
      'Renamed by me.md',
    ]);
  });

  it('leaves a foreign file of the same name alone and writes beside it', () => {
    const service = library();
    const vault = tempDir();
    const name = 'Negotiations continue between Western and Russian diplomats (00000001).md';
    fs.writeFileSync(path.join(vault, name), 'not ours');
    const result = service.exportLibraryToFolder({
      folder: vault,
      markdown: { groupBy: 'none', includeText: false },
    });
    expect(fs.readFileSync(path.join(vault, name), 'utf8')).toBe('not ours');
    expect(result.created).toEqual([
      `Negotiations continue between Western and Russian diplomats (00000001) ${SAMPLE_ARTICLE_ID}.md`,
    ]);
  });

  it('updates the file under its own name, not a copy of it the user made and wrote in', () => {
    const service = library();
    const { denial } = annotateSample(service);
    const vault = tempDir();
    const markdown = { groupBy: 'none' as const, includeText: false };
    const [name] = service.exportLibraryToFolder({ folder: vault, markdown }).created;
    // Obsidian's "Make a copy" names it "… 1.md", which sorts before the original.
    const copy = name!.replace(/\.md$/, ' 1.md');
    const mine = fs.readFileSync(path.join(vault, name!), 'utf8') + '\nMy own thoughts.\n';
    fs.writeFileSync(path.join(vault, copy), mine);
    service.updateAnnotation({ id: denial.id, note: 'Changed.' });
    const result = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(result.updated).toEqual([name]);
    expect(fs.readFileSync(path.join(vault, copy), 'utf8')).toBe(mine);
    expect(fs.readFileSync(path.join(vault, name!), 'utf8')).toContain('Changed.');
  });

  it('recognises its own file when the front matter is longer than 4 KB', () => {
    const service = library();
    const articleId = importText(service, 'Tagged', 'Alpha beta gamma delta.');
    const tags = Array.from(
      { length: 50 },
      (_, i) => `${'a rather long tag name that goes on and on '.repeat(2)}${i}`,
    );
    create(service, articleId, 'Alpha beta', { tags });
    const vault = tempDir();
    const markdown = { groupBy: 'none' as const, includeText: false };
    const first = service.exportLibraryToFolder({ folder: vault, markdown });
    const name = first.created.find((file) => file.startsWith('Tagged'))!;
    expect(
      fs.readFileSync(path.join(vault, name), 'utf8').indexOf('marginalia-id'),
    ).toBeGreaterThan(4096);
    const second = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(second).toMatchObject({ created: [], skipped: [] });
    expect(second.unchanged).toContain(name);
    expect(fs.readdirSync(vault).filter((file) => file.startsWith('Tagged'))).toEqual([name]);
  });

  it('keeps file names within 255 bytes, beside a foreign file too, for any title', () => {
    const service = library();
    const title = '🦜'.repeat(70) + '漢字'.repeat(30);
    const articleId = importText(service, title, 'Some text.');
    const vault = tempDir();
    const markdown = { groupBy: 'none' as const, includeText: false };
    const stem = service.exportArticle({ id: articleId, format: 'md', markdown }).file.fileName;
    fs.writeFileSync(path.join(vault, stem), 'not ours');
    const result = service.exportLibraryToFolder({ folder: vault, markdown });
    const created = result.created.find((file) => file.includes(articleId))!;
    expect(Buffer.byteLength(created)).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(path.join(vault, stem), 'utf8')).toBe('not ours');
    const again = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(again.unchanged).toContain(created);
    create(service, articleId, 'Some text');
    const updated = service.exportLibraryToFolder({ folder: vault, markdown });
    expect(updated.updated).toContain(created);
  });

  it('removes a file it created when writing it fails, and says why', () => {
    const service = library();
    const vault = tempDir();
    const realWrite = fs.writeFileSync;
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      realWrite(file, String(data).slice(0, 100), options);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      const error = serviceErrorOf(() =>
        service.exportLibraryToFolder({
          folder: vault,
          markdown: { groupBy: 'none', includeText: false },
        }),
      );
      expect(error.code).toBe('storage_full');
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(vault)).toEqual([]);
  });

  it('refuses a relative path, a missing folder and a file', () => {
    const service = library();
    const markdown = { groupBy: 'none' as const, includeText: false };
    const file = path.join(tempDir(), 'file.md');
    fs.writeFileSync(file, '');
    expect(
      serviceErrorOf(() => service.exportLibraryToFolder({ folder: 'vault', markdown })).code,
    ).toBe('invalid_request');
    expect(
      serviceErrorOf(() =>
        service.exportLibraryToFolder({ folder: path.join(tempDir(), 'missing'), markdown }),
      ).code,
    ).toBe('not_found');
    expect(
      serviceErrorOf(() => service.exportLibraryToFolder({ folder: file, markdown })).message,
    ).toMatch(/is not a folder/);
  });
});
