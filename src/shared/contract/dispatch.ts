/**
 * The receiving side of every transport: look the operation up, validate the payload against its
 * request schema, call the handler, and answer a `Result`, errors as data.
 */
import type { z } from 'zod';
import { ServiceError, type Result } from './errors';
import { isOperationName } from './operation-names';
import { operations, type ServiceHandlers } from './operations';

/** Formats a schema failure as one readable sentence: "note: Too big; tags.0: …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
}

/** `too_big` origins that are values out of range rather than sizes. */
const SCALAR_ORIGINS: ReadonlySet<string> = new Set(['number', 'int', 'bigint', 'date']);

/** Reports errors the service did not mean; a transport passes one in to log them. */
export type UnexpectedErrorReporter = (operation: string, error: unknown) => void;

export async function dispatch(
  handlers: ServiceHandlers,
  operation: string,
  payload: unknown,
  onUnexpected: UnexpectedErrorReporter = () => {},
): Promise<Result<unknown>> {
  if (!isOperationName(operation)) {
    return {
      ok: false,
      error: { code: 'unknown_operation', message: `unknown operation "${operation}"` },
    };
  }
  const parsed = operations[operation].request.safeParse(payload ?? {});
  if (!parsed.success) {
    // A payload refused only for its size is "too large", which the user can act on. A number
    // over its maximum (a font size of 500) is a wrong value, not a large payload.
    const tooBig = parsed.error.issues.every(
      (issue) => issue.code === 'too_big' && !SCALAR_ORIGINS.has(issue.origin),
    );
    return {
      ok: false,
      error: {
        code: tooBig ? 'too_large' : 'invalid_request',
        message: `${operation}: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[operation] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.toData() };
    onUnexpected(operation, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${operation} failed: ${message}` } };
  }
}
