/**
 * The pure half of the native save dialog: checking what the page asks to save, the dialog's
 * filters, and writing the file (`files/atomic-write`) so a crash or a full disk never leaves half
 * a file where the user's was. No Electron import, so it is tested under Node.
 */
import path from 'node:path';
import type { SaveFileRequest } from '../../shared/contract/desktop';
import { errorCode, writeFileAtomic } from '../files/atomic-write';

/** The longest file name most file systems take (ext4, APFS, NTFS: 255). */
export const MAX_FILE_NAME_LENGTH = 255;

/** A request the page sent that is not a `SaveFileRequest`; the message says what is wrong. */
export class InvalidSaveRequest extends Error {
  override readonly name = 'InvalidSaveRequest';
  constructor(problem: string) {
    super(`Invalid save request: ${problem}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The request, checked: `{ fileName, content }` and nothing else; the name is a bare file name
 * (no folder, on any OS: neither `/` nor `\`), at most 255 characters; the content is a string.
 * Throws `InvalidSaveRequest` otherwise.
 */
export function validateSaveRequest(payload: unknown): SaveFileRequest {
  if (!isPlainObject(payload)) throw new InvalidSaveRequest('expected { fileName, content }');
  const extra = Object.keys(payload).filter((key) => key !== 'fileName' && key !== 'content');
  if (extra.length > 0) throw new InvalidSaveRequest(`unexpected field ${extra.join(', ')}`);
  const { fileName, content } = payload;
  if (typeof fileName !== 'string') throw new InvalidSaveRequest('fileName must be a string');
  if (typeof content !== 'string') throw new InvalidSaveRequest('content must be a string');
  if (fileName.trim() === '' || fileName === '.' || fileName === '..')
    throw new InvalidSaveRequest('fileName must name a file');
  if (fileName.length > MAX_FILE_NAME_LENGTH)
    throw new InvalidSaveRequest(`fileName is longer than ${MAX_FILE_NAME_LENGTH} characters`);
  if (
    path.posix.basename(fileName) !== fileName ||
    path.win32.basename(fileName) !== fileName ||
    fileName.includes('/') ||
    fileName.includes('\\')
  )
    throw new InvalidSaveRequest('fileName must be a file name, not a path');
  if (CONTROL.test(fileName)) throw new InvalidSaveRequest('fileName has control characters');
  return { fileName, content };
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

const KNOWN_FILTERS: Readonly<Record<string, string>> = {
  md: 'Markdown',
  jsonld: 'JSON-LD',
};

/**
 * The save dialog's filters for a suggested name: its own type first (`.md` Markdown, `.jsonld`
 * JSON-LD, which covers `.claimreview.jsonld`), then all files.
 */
export function saveDialogFilters(fileName: string): FileFilter[] {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const all: FileFilter = { name: 'All Files', extensions: ['*'] };
  const known = KNOWN_FILTERS[extension];
  if (known) return [{ name: known, extensions: [extension] }, all];
  if (extension !== '') return [{ name: extension.toUpperCase(), extensions: [extension] }, all];
  return [all];
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied, or the file is open in another program',
  EBUSY: 'the file is open in another program',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'the folder does not exist',
  EISDIR: 'a folder has that name',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a write failed, in words (the error's own message names the temporary file). */
export function describeWriteError(error: unknown): string {
  const code = errorCode(error);
  const known = code === undefined ? undefined : REASONS[code];
  if (known) return known;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes `content` (UTF-8) to `filePath` whole or not at all (`writeFileAtomic`: a temporary file
 * beside it, flushed, renamed over it; permissions kept; a symbolic link written through). On
 * failure nothing is left behind and the error says `Could not save <path>: <reason>`.
 */
export async function writeFileAtomically(filePath: string, content: string): Promise<void> {
  try {
    writeFileAtomic(filePath, content);
  } catch (error) {
    throw new Error(`Could not save ${filePath}: ${describeWriteError(error)}`, { cause: error });
  }
}
