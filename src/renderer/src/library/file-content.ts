/** A picked or dropped file's bytes as the contract carries them (base64), refused by size first. */
import { ServiceError } from '../../../shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/operations';

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The file as base64; a file over the import cap is refused before it is read. */
export async function readAsBase64(file: Blob, name: string): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ServiceError(
      'too_large',
      `${name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB (${formatMegabytes(file.size)})`,
    );
  }
  return toBase64(await file.arrayBuffer());
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
