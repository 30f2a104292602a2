/** Sizes the contract refuses beyond, shared by the operations that take files and addresses. */

/** Largest file accepted for import. Larger ones are refused before they are read whole. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** The same file, as base64. */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
/** Longest address accepted for Add from URL. */
export const MAX_URL_LENGTH = 8192;
