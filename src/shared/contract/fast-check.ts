/**
 * A quicker yes for replies that are plainly valid. Zod's own parse of a big reply is slow in
 * the renderer: the page's Content Security Policy forbids `new Function`, so zod cannot compile
 * its fast object parser and walks 5,000 article summaries field by field through its generic
 * machinery (payload objects, issue arrays, copies of every object).
 *
 * `fastAccept(schema)` answers a predicate built once from the schema's own definition (the same
 * schema, so nothing can drift), which says true only when zod would accept the value and answer
 * it unchanged: right types, every check of the schema passing (zod's own check functions run),
 * no key zod would strip. Anything else, and any schema with a part it does not know (transforms,
 * defaults, lazy, readonly, …), is left to zod: a reply the predicate does not accept is parsed
 * by zod as before, so a malformed reply is refused with the same message.
 */
import type { z } from 'zod';

/** Says true only when zod would accept the value and answer it as it is. */
export type Accept = (value: unknown) => boolean;

/** The zod internals read here (zod v4's `_zod`); tests/shared/contract/fast-check.test.ts pins them. */
interface Internals {
  readonly def: {
    readonly type: string;
    readonly coerce?: boolean;
    readonly checks?: readonly Check[];
    readonly innerType?: Schema;
    readonly element?: Schema;
    readonly shape?: Readonly<Record<string, Schema>>;
    readonly catchall?: Schema;
    readonly options?: readonly Schema[];
    readonly inclusive?: boolean;
    readonly keyType?: Schema;
    readonly valueType?: Schema;
  };
  readonly traits: ReadonlySet<string>;
  readonly values?: ReadonlySet<unknown>;
}
interface Schema {
  readonly _zod: Internals;
}
interface CheckPayload {
  value: unknown;
  issues: unknown[];
}
interface Check {
  readonly _zod: {
    readonly def: { readonly check?: string; readonly when?: (payload: CheckPayload) => boolean };
    readonly check: (payload: CheckPayload) => unknown;
  };
}

const compiled = new WeakMap<Schema, Accept | null>();
/** Schemas being compiled: a schema met again inside itself (a cycle) is left to zod. */
const compiling = new Set<Schema>();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The schema's checks (with the schema itself when it is one, as zod runs them): undefined when
 * it has none, null when one is not for here.
 */
function checksOf(schema: Schema): Accept | null | undefined {
  const own = schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : [];
  const checks = [...own, ...(schema._zod.def.checks ?? [])];
  // An overwrite (trim, toLowerCase, …) changes the value: zod's answer is not the input.
  if (checks.some((check) => check._zod.def.check === 'overwrite')) return null;
  if (checks.length === 0) return undefined;
  return (value) => {
    const payload: CheckPayload = { value, issues: [] };
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      if (check._zod.check(payload) instanceof Promise) return false;
      if (payload.issues.length > 0) return false;
    }
    return payload.value === value;
  };
}

/** The predicate for the schema's own type, without its checks; null when unknown here. */
function typeOf(schema: Schema): Accept | null {
  const { def, values } = schema._zod;
  switch (def.type) {
    case 'string':
      return def.coerce ? null : (value) => typeof value === 'string';
    case 'number':
      return def.coerce ? null : (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return def.coerce ? null : (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'any':
    case 'unknown':
      return () => true;
    case 'literal':
    case 'enum':
      return values ? (value) => values.has(value) : null;
    case 'nullable': {
      const inner = def.innerType && fastAccept(def.innerType);
      return inner ? (value) => value === null || inner(value) : null;
    }
    case 'optional': {
      const inner = def.innerType && fastAccept(def.innerType);
      return inner ? (value) => value === undefined || inner(value) : null;
    }
    case 'array': {
      const element = def.element && fastAccept(def.element);
      return element ? (value) => Array.isArray(value) && value.every(element) : null;
    }
    case 'union': {
      if (def.inclusive === false || !def.options) return null;
      const options = def.options.map(fastAccept);
      if (options.some((option) => option === null)) return null;
      const accepts = options as Accept[];
      return (value) => accepts.some((accept) => accept(value));
    }
    case 'record': {
      // Only string keys: an enum or literal key type makes zod ask for every key.
      if (def.keyType?._zod.def.type !== 'string' || !def.valueType) return null;
      const key = fastAccept(def.keyType);
      const entry = fastAccept(def.valueType);
      if (!key || !entry) return null;
      return (value) =>
        isPlainObject(value) && Object.entries(value).every(([k, v]) => key(k) && entry(v));
    }
    case 'object':
      return objectOf(schema);
    default:
      return null;
  }
}

function objectOf(schema: Schema): Accept | null {
  const { shape, catchall } = schema._zod.def;
  if (!shape) return null;
  // No catchall: zod strips unknown keys (its answer differs), so they are left to it; never:
  // zod refuses them; unknown/any (a loose object): zod keeps them as they are.
  const catchallType = catchall?._zod.def.type;
  if (catchall && !['never', 'unknown', 'any'].includes(catchallType!)) return null;
  const keepsOthers = catchallType === 'unknown' || catchallType === 'any';
  // Parallel arrays and indexed loops: this runs once per summary of a 5,000-article reply,
  // mostly before the engine has optimised it, where destructuring iterators cost.
  const keys: string[] = [];
  const accepts: Accept[] = [];
  const optional: boolean[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const accept = fastAccept(field);
    if (!accept) return null;
    keys.push(key);
    accepts.push(accept);
    optional.push(field._zod.def.type === 'optional');
  }
  const count = keys.length;
  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(value, key)) {
        if (optional[i]) continue;
        return false;
      }
      if (!accepts[i]!(value[key])) return false;
      present++;
    }
    // Every own key is one of the shape's (those counted), or zod would refuse or strip it.
    return keepsOthers || Object.keys(value).length === present;
  };
}

/**
 * The quick predicate for a zod schema, or null when the schema has a part this does not know
 * (then only zod can say).
 */
export function fastAccept(schema: z.ZodType | Schema): Accept | null {
  const inner = schema as unknown as Schema;
  const known = compiled.get(inner);
  if (known !== undefined) return known;
  if (compiling.has(inner)) return null;
  compiling.add(inner);
  let accept: Accept | null = null;
  try {
    const type = typeOf(inner);
    const checks = type ? checksOf(inner) : null;
    if (type && checks === undefined) accept = type;
    else if (type && checks) accept = (value) => type(value) && checks(value);
  } finally {
    compiling.delete(inner);
  }
  compiled.set(inner, accept);
  return accept;
}
