/**
 * `marginalia export` and `marginalia annotations import`: stdout, files and folders, the report of
 * an import, and usage errors (exit 2) and failures (exit 1) that change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { useTempDirs } from '../helpers';
import { cli } from './capture';
import { ACCUSATION, annotateSample } from '../sample-annotations';

const tempDir = useTempDirs('marginalia-cli-interop-');
const SAMPLE_FILE = 'Negotiations continue between Western and Russian diplomats (00000001).md';

/** A library folder holding the annotated sample. */
function annotatedLibrary(): string {
  const data = path.join(tempDir(), 'library');
  const library = openLibrary({ dataDir: data });
  try {
    annotateSample(library.service);
  } finally {
    library.close();
  }
  return data;
}

function annotationCount(data: string): number {
  const library = openLibrary({ dataDir: data });
  try {
    return library.service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations.length;
  } finally {
    library.close();
  }
}

describe('marginalia export', () => {
  it('prints an article as Markdown, JSON-LD or ClaimReview on stdout', async () => {
    const data = annotatedLibrary();
    const md = await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--format', 'md']);
    expect(md).toMatchObject({ code: 0, stderr: '' });
    expect(md.stdout).toMatch(/^---\ntitle: /);
    expect(md.stdout).toContain(`> ${ACCUSATION}`);
    const jsonld = await cli([
      '--data-dir',
      data,
      'export',
      SAMPLE_ARTICLE_ID,
      '--format',
      'jsonld',
    ]);
    expect(JSON.parse(jsonld.stdout)).toMatchObject({ type: 'AnnotationCollection', total: 5 });
    const review = await cli([
      '--data-dir',
      data,
      'export',
      SAMPLE_ARTICLE_ID,
      '--format',
      'claimreview',
    ]);
    expect((JSON.parse(review.stdout) as { '@graph': unknown[] })['@graph']).toHaveLength(5);
  });

  it('writes --out to a file, or into a folder under the export’s own name', async () => {
    const data = annotatedLibrary();
    const out = tempDir();
    const file = path.join(out, 'notes.md');
    const toFile = await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--out', file]);
    expect(toFile).toMatchObject({ code: 0, stdout: '' });
    expect(fs.readFileSync(file, 'utf8')).toContain('## Claims');
    const toFolder = await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--out', out]);
    expect(toFolder.code).toBe(0);
    expect(fs.existsSync(path.join(out, SAMPLE_FILE))).toBe(true);
  });

  it('exports --all into a folder idempotently, and --all JSON-LD as one collection', async () => {
    const data = annotatedLibrary();
    const vault = path.join(tempDir(), 'vault');
    const first = await cli([
      '--data-dir',
      data,
      'export',
      '--all',
      '--format',
      'md',
      '--out',
      vault,
    ]);
    expect(first).toMatchObject({ code: 0, stdout: `created\t${SAMPLE_FILE}\n` });
    const second = await cli(['--data-dir', data, 'export', '--all', '--out', vault]);
    expect(second.stdout).toBe(`unchanged\t${SAMPLE_FILE}\n`);
    const all = await cli(['--data-dir', data, 'export', '--all', '--format', 'jsonld']);
    expect(JSON.parse(all.stdout)).toMatchObject({ label: 'Marginalia library', total: 5 });
  });

  it('prints the claims ledger', async () => {
    const data = annotatedLibrary();
    const run = await cli(['--data-dir', data, 'export', '--ledger']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Claims ledger/);
    expect(run.stdout).toContain('## Russia (1 claim)');
  });

  it('is a usage error (exit 2) to name no article or two things, and a failure (exit 1) for an unknown id', async () => {
    const data = annotatedLibrary();
    const none = await cli(['--data-dir', data, 'export']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give one article id, or --all, or --ledger');
    const both = await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--all']);
    expect(both.code).toBe(2);
    const format = await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--format', 'pdf']);
    expect(format.code).toBe(2);
    const ledger = await cli(['--data-dir', data, 'export', '--ledger', '--format', 'jsonld']);
    expect(ledger).toMatchObject({ code: 2, stdout: '' });
    expect(ledger.stderr).toContain('the --ledger is Markdown only');
    const grouped = await cli([
      '--data-dir',
      data,
      'export',
      SAMPLE_ARTICLE_ID,
      '--format',
      'jsonld',
      '--group-by',
      'speaker',
    ]);
    expect(grouped.code).toBe(2);
    expect(grouped.stderr).toContain('they do not apply here');
    const ledgerText = await cli(['--data-dir', data, 'export', '--ledger', '--include-text']);
    expect(ledgerText.code).toBe(2);
    const notAFolder = path.join(tempDir(), 'notes.md');
    const all = await cli(['--data-dir', data, 'export', '--all', '--out', notAFolder]);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('looks like a file name');
    expect(fs.existsSync(notAFolder)).toBe(false);
    const unknown = await cli([
      '--data-dir',
      data,
      'export',
      '01950000-0000-7000-8000-0000000000ff',
    ]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^marginalia: no article with id/);
  });
});

describe('marginalia annotations import', () => {
  it('imports a JSON-LD export into a fresh library and reports what was anchored', async () => {
    const data = annotatedLibrary();
    const file = path.join(tempDir(), 'sample.jsonld');
    expect(
      (
        await cli([
          '--data-dir',
          data,
          'export',
          SAMPLE_ARTICLE_ID,
          '--format',
          'jsonld',
          '--out',
          file,
        ])
      ).code,
    ).toBe(0);
    const fresh = path.join(tempDir(), 'fresh');
    const run = await cli(['--data-dir', fresh, 'annotations', 'import', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe('anchored 5, changed 0, orphaned 0');
    expect(run.stdout).toContain('links: 2 restored');
    expect(annotationCount(fresh)).toBe(5);
    const again = await cli([
      '--data-dir',
      fresh,
      'annotations',
      'import',
      file,
      '--article',
      SAMPLE_ARTICLE_ID,
    ]);
    expect(again.stdout.split('\n')[0]).toBe(
      'anchored 0, changed 0, orphaned 0, already present 5',
    );
  });

  it('reads a UTF-16 file exactly, and a windows-1252 one with a warning', async () => {
    const data = annotatedLibrary();
    const json = (
      await cli(['--data-dir', data, 'export', SAMPLE_ARTICLE_ID, '--format', 'jsonld'])
    ).stdout;
    const utf16 = path.join(tempDir(), 'utf16.jsonld');
    fs.writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    );
    const fresh = path.join(tempDir(), 'fresh');
    const run = await cli(['--data-dir', fresh, 'annotations', 'import', utf16]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(annotationCount(fresh)).toBe(5);

    const note = { type: 'TextualBody', purpose: 'commenting', value: 'Café au lait' };
    const latin1 = JSON.stringify({
      type: 'Annotation',
      body: note,
      target: {
        source: `urn:uuid:${SAMPLE_ARTICLE_ID}`,
        selector: { type: 'TextQuoteSelector', exact: 'which Russia denies' },
      },
    });
    const cp1252 = path.join(tempDir(), 'cp1252.json');
    fs.writeFileSync(cp1252, Buffer.from(latin1, 'latin1'));
    const other = path.join(tempDir(), 'other');
    const imported = await cli(['--data-dir', other, 'annotations', 'import', cp1252]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('warning: cp1252.json is not valid UTF-8');
    const library = openLibrary({ dataDir: other });
    try {
      const [stored] = library.service.listAnnotations({
        articleId: SAMPLE_ARTICLE_ID,
      }).annotations;
      expect(stored?.note).toBe('Café au lait');
    } finally {
      library.close();
    }
  });

  it('fails with one line and adds nothing for a missing, non-JSON or foreign file', async () => {
    const data = path.join(tempDir(), 'library');
    const missing = await cli([
      '--data-dir',
      data,
      'annotations',
      'import',
      path.join(data, 'nope.json'),
    ]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/nope\.json: no such file\n$/);
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, 'not json');
    const run = await cli(['--data-dir', data, 'annotations', 'import', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^marginalia: bad\.json is not JSON/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(annotationCount(data)).toBe(0);
  });
});
