/**
 * The calling side: turns a raw transport (`invoke(operation, payload) → Result`) into a typed
 * client whose methods validate the response and throw `ServiceError` on failure.
 */
import { describeIssues } from './dispatch';
import { ServiceError, ServiceErrorDataSchema, type Result } from './errors';
import { fastAccept } from './fast-check';
import { OPERATION_NAMES, type OperationName } from './operation-names';
import { operations, type Client } from './operations';

/** Sends one operation over some transport and answers its `Result`. */
export type RawInvoke = (operation: OperationName, payload: unknown) => Promise<Result<unknown>>;

async function call(
  invoke: RawInvoke,
  operation: OperationName,
  payload: unknown,
): Promise<unknown> {
  const result = await invoke(operation, payload);
  if (!result.ok) {
    const error = ServiceErrorDataSchema.safeParse(result.error);
    if (error.success) throw new ServiceError(error.data.code, error.data.message);
    throw new ServiceError('internal', `${operation}: malformed error response`);
  }
  const schema = operations[operation].response;
  // Every reply is checked against its schema. A big one (the library's 5,000 summaries) that
  // is plainly valid passes the quick check, answered as it came; zod parses all the others, so
  // a malformed reply is refused exactly as before (fast-check.ts says why and how).
  if (fastAccept(schema)?.(result.value)) return result.value;
  const parsed = schema.safeParse(result.value);
  if (!parsed.success) {
    throw new ServiceError(
      'internal',
      `${operation}: unexpected response (${describeIssues(parsed.error)})`,
    );
  }
  return parsed.data;
}

export function createClient(invoke: RawInvoke): Client {
  return Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, (payload: unknown) => call(invoke, name, payload)]),
  ) as Client;
}
