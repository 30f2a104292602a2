/**
 * The page fixtures of issue 9 (tests/fixtures/pages, written for the project, none copied from a
 * real site): every news-style page imports to its expected title, byline, date, site, language
 * and direction, to its golden canonical text (`<name>.expected.txt`), keeps its article
 * sentences and drops its boilerplate (`<name>.expected.json`), and leaves no hostile residue:
 * no unsafe link, no image that is not a local raster `data:` URL, nothing of a script, handler,
 * frame or remote address anywhere in the stored document. The encoded pages and the .mhtml are
 * produced from tests/fixtures/pages/sources by scripts/fixtures/make-encoded-pages.ts.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Node } from 'prosemirror-model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { importFile, type ResourceReader } from '../../../src/main/import/index';
import { canonicalText } from '../../../src/shared/document/canonical-text';

const PAGES = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));
const PAGE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.mhtml', '.mht'];

const Expected = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  site: z.string().nullable(),
  language: z.string().nullable(),
  direction: z.enum(['ltr', 'rtl']).nullable(),
  mustInclude: z.array(z.string()).min(1),
  mustExclude: z.array(z.string()).min(1),
});
type Expected = z.infer<typeof Expected>;

interface Fixture {
  /** The page's file name, e.g. `complete.html`. */
  readonly file: string;
  readonly expected: Expected;
  /** The golden canonical text, without the file's final newline. */
  readonly golden: string;
}

function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(PAGES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && PAGE_EXTENSIONS.includes(path.extname(entry.name)))
    .map((entry) => {
      const stem = path.join(PAGES, path.basename(entry.name, path.extname(entry.name)));
      return {
        file: entry.name,
        expected: Expected.parse(JSON.parse(fs.readFileSync(`${stem}.expected.json`, 'utf8'))),
        golden: fs.readFileSync(`${stem}.expected.txt`, 'utf8').replace(/\n$/, ''),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

const FIXTURES = loadFixtures();

/**
 * The resources of a "Web page, complete": only regular files inside `<name>_files/` beside the
 * page, by a relative reference as the page writes it. Anything else — a scheme, a rooted path,
 * a `..` segment, a symbolic link, a folder, a file elsewhere — is refused. Every file it reads
 * is recorded, so a test can check that nothing but the page's images was read.
 */
function savedPageFolderReader(file: string): { reader: ResourceReader; reads: string[] } | null {
  const folderName = `${path.basename(file, path.extname(file))}_files`;
  const folder = path.join(PAGES, folderName);
  if (!fs.existsSync(folder) || !fs.lstatSync(folder).isDirectory()) return null;
  const realFolder = fs.realpathSync(folder);
  const reads: string[] = [];
  const reader: ResourceReader = (reference) => {
    let relative: string;
    try {
      relative = decodeURIComponent(reference.split(/[?#]/, 1)[0] ?? '');
    } catch {
      return null;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || /^[\\/]/.test(relative)) return null;
    const segments = relative.split(/[\\/]/);
    if (segments.includes('..')) return null;
    const inside = segments.filter((s) => s !== '' && s !== '.');
    if (inside[0] !== folderName || inside.length < 2) return null;
    const target = path.join(PAGES, ...inside);
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    // A symbolic link on the way could lead out of the folder: compare real paths too.
    if (!fs.realpathSync(target).startsWith(realFolder + path.sep)) return null;
    reads.push(inside.join('/'));
    return new Uint8Array(fs.readFileSync(target));
  };
  return { reader, reads };
}

function importFixture(file: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(PAGES, file)));
  const folder = savedPageFolderReader(file);
  const result = importFile(file, bytes, { resources: folder?.reader ?? null });
  return { ...result, reads: folder?.reads ?? [] };
}

/** A date equals the expected one exactly; a date-time is the same instant, in any offset. */
function expectSameDate(actual: string | null, expected: string | null): void {
  if (expected === null || /^\d{4}-\d{2}-\d{2}$/.test(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  expect(actual, `publishedAt should be ${expected}`).not.toBeNull();
  expect(Date.parse(actual ?? '')).toBe(Date.parse(expected));
}

interface DocumentUrls {
  readonly links: string[];
  readonly images: string[];
}

function urlsOf(doc: Node): DocumentUrls {
  const links: string[] = [];
  const images: string[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === 'link') links.push(String(mark.attrs['href']));
    }
    if (node.type.name === 'image' || node.type.name === 'figure_image') {
      images.push(String(node.attrs['src']));
    }
    return true;
  });
  return { links, images };
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
// A local raster image keeps its data: URL; a remote or refused one keeps no source at all and is
// drawn as a placeholder with its alt text (see the schema's `image`).
const LOCAL_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$/i;

/** Strings that would mean something of a page's active content reached the stored document. */
const RESIDUE = [
  '<script',
  'onerror',
  'onload',
  'javascript:',
  'vbscript:',
  'data:text/html',
  'srcdoc',
  '127.0.0.1:9',
  '__marginaliaCanary',
];

describe('page fixtures', () => {
  it('cover at least fifteen pages, each with its expectations and golden text', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
    const stems = new Set(FIXTURES.map((f) => path.basename(f.file, path.extname(f.file))));
    const expectations = fs
      .readdirSync(PAGES)
      .filter((name) => name.endsWith('.expected.json'))
      .map((name) => name.slice(0, -'.expected.json'.length));
    expect(new Set(expectations)).toEqual(stems);
  });

  it('keep the encoded pages in step with their UTF-8 sources, in bytes that are not UTF-8', () => {
    const encoded: [string, string, string][] = [
      ['windows-1252.html', 'windows-1252.utf8.html', 'windows-1252'],
      ['shift-jis.html', 'shift-jis.utf8.html', 'Shift_JIS'],
    ];
    for (const [file, source, encoding] of encoded) {
      const bytes = fs.readFileSync(path.join(PAGES, file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), file).toThrow();
      expect(iconv.decode(bytes, encoding)).toBe(
        fs.readFileSync(path.join(PAGES, 'sources', source), 'utf8'),
      );
    }

    // The .mht carries its page base64 in windows-1252, with CRLF line ends.
    const mht = fs.readFileSync(path.join(PAGES, 'ie-saved.mht'), 'latin1');
    const body = mht.split(/\r\n--/)[1]!.split('\r\n\r\n')[1]!;
    expect(iconv.decode(Buffer.from(body, 'base64'), 'windows-1252')).toBe(
      fs
        .readFileSync(path.join(PAGES, 'sources', 'ie-saved.utf8.html'), 'utf8')
        .replace(/\r?\n/g, '\r\n'),
    );
  });
});

describe.each(FIXTURES)('$file', ({ file, expected, golden }) => {
  let connect: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    // Importing never opens a connection: any attempt fails the import loudly and is counted.
    connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error(`${file}: import tried to open a network connection`);
    });
  });
  afterEach(() => {
    connect.mockRestore();
  });

  it('imports its title, byline, date, site, language and direction', () => {
    const { article } = importFixture(file);
    expect({
      title: article.title,
      byline: article.byline,
      site: article.site,
      language: article.language,
      direction: article.direction,
    }).toEqual({
      title: expected.title,
      byline: expected.byline,
      site: expected.site,
      language: expected.language,
      direction: expected.direction,
    });
    expectSameDate(article.publishedAt, expected.publishedAt);
  });

  it('keeps the article sentences and drops the boilerplate', () => {
    const text = canonicalText(importFixture(file).article.document);
    for (const sentence of expected.mustInclude) expect(text).toContain(sentence);
    for (const boilerplate of expected.mustExclude) expect(text).not.toContain(boilerplate);
  });

  it('imports to its golden canonical text', () => {
    expect(canonicalText(importFixture(file).article.document)).toBe(golden);
  });

  it('R05 R06 R07 R10 R11 keeps no unsafe link, remote image or active content', () => {
    const { article, warnings } = importFixture(file);
    const { links, images } = urlsOf(article.document);
    for (const href of links) expect(href).toMatch(SAFE_LINK);
    for (const src of images) if (src !== '') expect(src).toMatch(LOCAL_IMAGE);
    const stored = JSON.stringify(article.document).toLowerCase();
    for (const residue of RESIDUE) expect(stored).not.toContain(residue.toLowerCase());
    expect(connect).not.toHaveBeenCalled();
    expect(warnings.join('\n')).not.toMatch(/could not be decoded/);
  });
});

describe('saved pages', () => {
  it('"Web page, complete" embeds its local image and reads nothing else from its folder', () => {
    const { article, reads } = importFixture('complete.html');
    const png = fs.readFileSync(path.join(PAGES, 'complete_files', 'photo.png'));
    expect(urlsOf(article.document).images).toContain(
      `data:image/png;base64,${png.toString('base64')}`,
    );
    expect([...new Set(reads)]).toEqual(['complete_files/photo.png']);
    const stored = JSON.stringify(article.document);
    expect(stored).not.toContain('COMPLETE-CSS-MUST-NOT-BE-READ');
    expect(stored).not.toContain('COMPLETE-JS-MUST-NOT-BE-READ');
  });

  it("R10 the folder reader refuses anything outside the page's _files folder", () => {
    const folder = savedPageFolderReader('complete.html');
    expect(folder).not.toBeNull();
    const read = folder!.reader;
    expect(read('complete_files/photo.png')).not.toBeNull();
    expect(read('./complete_files/photo%2Epng')).not.toBeNull();
    for (const reference of [
      'complete_files/../complete.html',
      '../pages/complete_files/photo.png',
      'complete_files',
      'complete_files/missing.png',
      path.join(PAGES, 'complete_files', 'photo.png'),
      'file:///etc/passwd',
      '/etc/passwd',
      'complete.expected.json',
      'https://www.riversidepost.example/img/photo.png',
    ]) {
      expect(read(reference), reference).toBeNull();
    }
  });

  it('"Web page, single file" (.mhtml) embeds its image part and not its stylesheet', () => {
    const { article } = importFixture('saved-page.mhtml');
    const images = urlsOf(article.document).images;
    expect(images.some((src) => src.startsWith('data:image/png;base64,iVBORw0KGgo'))).toBe(true);
    expect(JSON.stringify(article.document)).not.toContain('MHTML-CSS-PART-MUST-NOT-BE-READ');
  });

  it('a SingleFile page keeps its raster data: images and drops its fonts and styles', () => {
    const { article } = importFixture('singlefile.html');
    const images = urlsOf(article.document).images;
    expect(images.some((src) => src.startsWith('data:image/png;base64,'))).toBe(true);
    expect(images.some((src) => src.startsWith('data:image/gif;base64,'))).toBe(true);
    expect(JSON.stringify(article.document)).not.toMatch(/font\/woff2|@font-face|Herald Serif/);
  });
});
