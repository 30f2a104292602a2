/**
 * Library export into a folder (an Obsidian vault): one Markdown file per article. Idempotent: a
 * file is ours when its front matter names the article (`marginalia-id`), wherever the user moved
 * or renamed it inside the folder; ours are updated in place, and only when something other than
 * the export time changed; any other file is never written over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { exportedArticleId, withoutExportTime } from '../../shared/export/article-markdown';

export interface FolderFile {
  readonly articleId: string;
  /** The file name without `.md` for a first export. */
  readonly stem: string;
  readonly content: string;
}

export interface FolderExportResult {
  readonly folder: string;
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly skipped: { fileName: string; reason: string }[];
}

/** Front matter sits at the top; this much of each file is enough to find our id. */
const HEAD_BYTES = 4096;

function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Our files already in the folder: article id → file name (the first by name if several). */
function ourFiles(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    let head: string;
    try {
      head = readHead(path.join(folder, name));
    } catch {
      continue;
    }
    const id = exportedArticleId(head);
    if (id && !found.has(id)) found.set(id, name);
  }
  return found;
}

function fileError(error: unknown, target: string): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') {
    throw new ServiceError('storage_full', `The disk is full: ${target} was not written.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    throw new ServiceError('read_only', `Marginalia may not write ${target}.`);
  }
  throw error;
}

/** Replaces a file whole or not at all: written beside it, then renamed over it. */
function replaceFile(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, content, { encoding: 'utf8', flag: 'w' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fileError(error, file);
  }
}

function createFile(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    return fileError(error, file);
  }
}

export function checkFolder(folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new ServiceError(
      'invalid_request',
      `choose the folder by its full path (not "${folder}")`,
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ServiceError('not_found', `there is no folder at ${folder}`);
  }
  if (!stat.isDirectory()) throw new ServiceError('invalid_request', `${folder} is not a folder`);
  return path.resolve(folder);
}

export function writeExportFolder(
  folderPath: string,
  files: readonly FolderFile[],
): FolderExportResult {
  const folder = checkFolder(folderPath);
  const ours = ourFiles(folder);
  const claimed = new Set(ours.values());
  const result: FolderExportResult = {
    folder,
    created: [],
    updated: [],
    unchanged: [],
    skipped: [],
  };
  for (const file of files) {
    const existing = ours.get(file.articleId);
    if (existing) {
      const target = path.join(folder, existing);
      const old = fs.readFileSync(target, 'utf8');
      if (withoutExportTime(old) === withoutExportTime(file.content)) {
        result.unchanged.push(existing);
      } else {
        replaceFile(target, file.content);
        result.updated.push(existing);
      }
      continue;
    }
    const names = [`${file.stem}.md`, `${file.stem} ${file.articleId}.md`];
    const name = names.find(
      (candidate) =>
        !claimed.has(candidate) && createFile(path.join(folder, candidate), file.content),
    );
    if (name) {
      claimed.add(name);
      result.created.push(name);
    } else {
      result.skipped.push({
        fileName: names[0]!,
        reason: 'a file of that name exists and is not a Marginalia export; it was left alone',
      });
    }
  }
  return result;
}
