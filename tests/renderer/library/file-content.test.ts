/** A picked or dropped file in the window (desktop and web mode) becomes base64 only under the cap. */
import { describe, expect, it, vi } from 'vitest';
import { readAsBase64 } from '../../../src/renderer/src/library/file-content';
import { ServiceError } from '../../../src/shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/operations';

describe('readAsBase64', () => {
  it('R02 refuses a 50 MB file by its size without reading its bytes', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const file = { size: 50 * 1024 * 1024, arrayBuffer } as unknown as Blob;
    const error = await readAsBase64(file, 'huge.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: 'too_large',
      message: 'huge.md is larger than 25 MB (50.0 MB)',
    });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a file at the cap or under it', async () => {
    expect(await readAsBase64(new Blob(['café']), 'small.txt')).toBe(btoa('caf\u00c3\u00a9'));
    const atCap = { size: MAX_IMPORT_BYTES, arrayBuffer: async () => new ArrayBuffer(3) };
    expect(await readAsBase64(atCap as unknown as Blob, 'cap.txt')).toBe('AAAA');
  });
});
