/**
 * Hardening for JSON that comes from outside (an annotation file): a look at the whole structure
 * before anything reads it (no prototype-polluting keys, no stack-hungry nesting, no endless
 * lists), then every value read through a zod shape that fails with a message saying what is
 * wrong and where. Every failure is `ServiceError('invalid_request', …)`.
 *
 * The limits here are the file's own (nesting, list lengths, IRIs, labels); the limits of what
 * the library stores come from the entity schemas (`../text/limits`).
 */
import { z } from 'zod';
import { ServiceError } from '../contract/errors';

/** Deeper than any annotation file needs (ours is 6 levels); stops stack-hungry inputs. */
export const MAX_DEPTH = 32;
/** Longest list anywhere in a file (annotations, bodies, tags…). */
export const MAX_LIST_LENGTH = 100_000;
/** Longest id or IRI. */
export const MAX_IRI_LENGTH = 8_192;
export const MAX_LABEL_LENGTH = 1_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function fail(message: string): never {
  throw new ServiceError('invalid_request', message);
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A value that may be one item or a list of them, as a list (none for null or absent). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** A value shown in a message: short, on one line. */
export function shown(value: string, max = 80): string {
  const flat = value.replace(/\s+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Refuses keys that pollute prototypes when code copies objects, nesting deeper than MAX_DEPTH
 * and lists longer than MAX_LIST_LENGTH, before any other look at the file.
 */
export function checkStructure(json: unknown): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) {
      fail(`The file is nested more than ${MAX_DEPTH} levels deep (at ${pathText(path)}).`);
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_LENGTH) {
        const where = path.length === 0 ? 'the top level' : pathText(path);
        fail(`A list in the file has more than ${MAX_LIST_LENGTH} items (at ${where}).`);
      }
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          const where = path.length === 0 ? 'at the top level' : `in ${pathText(path)}`;
          fail(`The file has a key "${key}" ${where}, which is not allowed.`);
        }
        stack.push({ value: (value as JsonRecord)[key], path: [...path, key] });
      }
    }
  }
}

/** Parses `value` with `schema`, or fails naming `where` and the first problem. */
export function shape<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue === undefined || issue.path.length === 0 ? '' : ` ${pathText(issue.path)}`;
  fail(`${where}${at}: ${issue?.message ?? 'is malformed'}.`);
}

/** "is longer than 20,000 characters": how every over-long value is refused. */
export function tooLong(max: number): string {
  return `is longer than ${max.toLocaleString('en')} characters`;
}

/** A string of at most `max` characters. */
export const text = (max: number) => z.string().max(max, { error: tooLong(max) });
/** A string of at most `max` characters once trimmed (the value read is trimmed). */
export const trimmedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong(max) });
export const iri = text(MAX_IRI_LENGTH);
export const stringOrList = z.union([z.string(), z.array(z.string())], {
  error: 'must be a string or a list of strings',
});
