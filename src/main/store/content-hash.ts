/** The one hash the store keeps of stored text: SHA-256, as lowercase hex. */
import crypto from 'node:crypto';

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
