/**
 * Library export into a folder (an Obsidian vault): one Markdown file per article. Idempotent: a
 * file is ours when its front matter names the article (`marginalia-id`), whatever the user has
 * renamed it to in the folder; ours are updated in place, and only when something other than
 * the export time changed; any other file is never written over. Every file is written whole or
 * not at all (`files/atomic-write`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { exportedArticleId, withoutExportTime } from '../../shared/export/article-markdown';
import { createFileAtomic, errorCode, writeFileAtomic } from '../files/atomic-write';

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

/** Front matter sits at the top: read in growing steps until it ends, never past this much. */
const HEAD_BYTES = 4096;
const MAX_HEAD_BYTES = 1024 * 1024;

/** Whether `head` holds all of its front matter, or has none. */
function frontMatterEnds(head: string): boolean {
  return !head.startsWith('---') || /\r?\n---(?:\r?\n|$)/.test(head.slice(3));
}

/** The start of a file, far enough to hold its whole front matter (many tags make it long). */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    for (let size = HEAD_BYTES; ; size *= 4) {
      const buffer = Buffer.alloc(size);
      const read = fs.readSync(fd, buffer, 0, size, 0);
      const head = buffer.subarray(0, read).toString('utf8');
      if (read < size || size >= MAX_HEAD_BYTES || frontMatterEnds(head)) return head;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Our files already in the folder: article id → the names of the files holding it, by name. */
function ourFiles(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
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
    if (id) found.set(id, [...(found.get(id) ?? []), name]);
  }
  return found;
}

function fileError(error: unknown, target: string): never {
  const code = errorCode(error);
  if (code === 'ENOSPC') {
    throw new ServiceError('storage_full', `The disk is full: ${target} was not written.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    throw new ServiceError('read_only', `Marginalia may not write ${target}.`);
  }
  throw error;
}

/** Replaces a file whole or not at all (`writeFileAtomic`). */
function replaceFile(file: string, content: string): void {
  try {
    writeFileAtomic(file, content);
  } catch (error) {
    fileError(error, file);
  }
}

/** Creates a file that must not exist yet, whole or not at all: false when the name is taken. */
function createFile(file: string, content: string): boolean {
  try {
    return createFileAtomic(file, content);
  } catch (error) {
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
  const claimed = new Set([...ours.values()].flat());
  const result: FolderExportResult = {
    folder,
    created: [],
    updated: [],
    unchanged: [],
    skipped: [],
  };
  for (const file of files) {
    const names = [`${file.stem}.md`, `${file.stem} ${file.articleId}.md`];
    // Several files may hold the article (Obsidian's "Make a copy" keeps the front matter, and
    // its "X 1.md" sorts first): the one under our own name is ours to update, not the copy.
    const holders = ours.get(file.articleId) ?? [];
    const existing = names.find((name) => holders.includes(name)) ?? holders[0];
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
