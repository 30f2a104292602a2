/**
 * The file chosen for "Update from file…" in the desktop app, read by the main process: the page
 * gets its base name and its bytes as base64, never its path. A file over the import cap is
 * refused before it is read, and the read stops one byte past the cap in case it grew meanwhile.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ChosenArticleFile } from '../../shared/contract/desktop';
import { MAX_IMPORT_BYTES } from '../../shared/contract/limits';

/** How much is read at a time. */
const CHUNK_BYTES = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(fileName: string, size: string): Error {
  return new Error(
    `${fileName} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB (${size}); ` +
      'Marginalia cannot update an article from it',
  );
}

export async function readArticleFile(filePath: string): Promise<ChosenArticleFile> {
  const fileName = path.basename(filePath);
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_IMPORT_BYTES) throw tooLarge(fileName, megabytes(size));
    // In chunks until the end, so a file that grew since the stat is read whole or refused.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_IMPORT_BYTES)
        throw tooLarge(fileName, `over ${megabytes(MAX_IMPORT_BYTES)}`);
    }
    return { fileName, contentBase64: Buffer.concat(chunks, length).toString('base64') };
  } finally {
    await handle.close();
  }
}
