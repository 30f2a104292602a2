/**
 * Errors as data: every failure that crosses a process boundary is `{ code, message }`, never a
 * thrown, half-serialised Error.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_request',
  'unknown_operation',
  'not_found',
  'too_large',
  'unsupported_file',
  'network',
  'invalid_anchor',
  'storage_full',
  'read_only',
  'busy',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ServiceErrorDataSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
});
export type ServiceErrorData = z.infer<typeof ServiceErrorDataSchema>;

/** An error the service means the user to see: its message says what was wrong. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toData(): ServiceErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceErrorData };
