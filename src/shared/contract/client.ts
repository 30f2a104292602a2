/**
 * The calling side: turns a raw transport (`invoke(operation, payload) → Result`) into a typed
 * client whose methods validate the response and throw `ServiceError` on failure.
 */
import { describeIssues } from './dispatch';
import { ServiceError, ServiceErrorDataSchema, type Result } from './errors';
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
  const parsed = operations[operation].response.safeParse(result.value);
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
