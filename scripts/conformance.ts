/**
 * Checks W3C Web Annotation JSON against the W3C conformance suite (w3c/web-annotation-tests):
 * an Annotation Collection against `collections/collectionMusts.test`, and each annotation
 * against `annotations/annotationMusts.test`.
 *
 * How the suite is meant to be run: every assertion is a JSON Schema (draft-04) carrying an
 * `expectedResult` ('valid' or 'invalid'); the subject passes an assertion when validating it
 * against the schema, with every `definitions/*.json` registered by its `id` and format checking
 * on, gives the expected result. Annotations inside a collection carry no `@context` of their own,
 * so each is checked with the collection's `@context` added, as if it stood alone.
 *
 * Used by `scripts/check-conformance.ts` (development) and `tests/main/conformance.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const COLLECTION_MUSTS = 'collections/collectionMusts.test';
export const ANNOTATION_MUSTS = 'annotations/annotationMusts.test';

export interface AssertionResult {
  /** The assertion schema's path in the suite, e.g. `annotations/3.1-annotationIdValidated.json`. */
  readonly assertion: string;
  readonly title: string;
  /** 'must', 'should' or 'may'. */
  readonly assertionType: string;
  readonly expectedResult: 'valid' | 'invalid';
  readonly passed: boolean;
  /** The suite's message for an unexpected result; null when the assertion passed. */
  readonly message: string | null;
}

export interface SubjectResult {
  /** "collection", or "annotation 3 (urn:uuid:…)", or "annotation". */
  readonly subject: string;
  readonly test: string;
  readonly results: readonly AssertionResult[];
}

export interface ConformanceReport {
  readonly subjects: readonly SubjectResult[];
  readonly assertionsRun: number;
  readonly mustFailures: number;
}

interface CompiledAssertion {
  readonly assertion: string;
  readonly title: string;
  readonly assertionType: string;
  readonly expectedResult: 'valid' | 'invalid';
  readonly errorMessage: string;
  readonly validate: ValidateFunction;
}

export interface Suite {
  /** Runs one `.test` file's assertions against `subject`. */
  run(test: string, subject: unknown): AssertionResult[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(schema: Record<string, unknown>, key: string, where: string): string {
  const value = schema[key];
  if (typeof value !== 'string') throw new Error(`${where}: "${key}" is not a string`);
  return value;
}

/** "Implements **_@context_ key** … - [model 3.1](…)" → "Implements @context key …". */
function plainTitle(title: string): string {
  return title
    .replace(/\s*-?\s*\[model [^\]]*\]\([^)]*\)/g, '')
    .replace(/\*\*|_/g, '')
    .trim();
}

function loadSuite(suiteDir: string): Suite {
  const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: true });
  addFormats(ajv);
  const definitionsDir = join(suiteDir, 'definitions');
  for (const file of readdirSync(definitionsDir).filter((name) => name.endsWith('.json'))) {
    const schema = readJson(join(definitionsDir, file));
    if (!isObject(schema)) throw new Error(`definitions/${file} is not a JSON Schema object`);
    ajv.addSchema(schema);
  }
  const tests = new Map<string, CompiledAssertion[]>();
  const compile = (test: string): CompiledAssertion[] => {
    const description = readJson(join(suiteDir, test));
    if (!isObject(description) || !Array.isArray(description.assertions)) {
      throw new Error(`${test} has no "assertions" list`);
    }
    return description.assertions.map((assertion) => {
      if (typeof assertion !== 'string') throw new Error(`${test} lists a non-path assertion`);
      const schema = readJson(join(suiteDir, assertion));
      if (!isObject(schema)) throw new Error(`${assertion} is not a JSON Schema object`);
      const expectedResult = stringField(schema, 'expectedResult', assertion);
      if (expectedResult !== 'valid' && expectedResult !== 'invalid') {
        throw new Error(`${assertion}: unknown expectedResult "${expectedResult}"`);
      }
      const id = typeof schema.id === 'string' ? schema.id : assertion;
      return {
        assertion,
        title: plainTitle(typeof schema.title === 'string' ? schema.title : assertion),
        assertionType: stringField(schema, 'assertionType', assertion),
        expectedResult,
        errorMessage: stringField(schema, 'errorMessage', assertion),
        // An assertion registered earlier under the same id (another test file) is reused.
        validate: ajv.getSchema(id) ?? ajv.compile(schema),
      };
    });
  };
  return {
    run(test, subject) {
      let assertions = tests.get(test);
      if (assertions === undefined) {
        assertions = compile(test);
        tests.set(test, assertions);
      }
      return assertions.map((a) => {
        const passed = (a.validate(subject) === true) === (a.expectedResult === 'valid');
        return {
          assertion: a.assertion,
          title: a.title,
          assertionType: a.assertionType,
          expectedResult: a.expectedResult,
          passed,
          message: passed ? null : a.errorMessage,
        };
      });
    },
  };
}

const suites = new Map<string, Suite>();

/** The suite in `suiteDir`, its definitions registered; assertions compile on first use. */
export function suiteAt(suiteDir: string): Suite {
  let suite = suites.get(suiteDir);
  if (suite === undefined) {
    suite = loadSuite(suiteDir);
    suites.set(suiteDir, suite);
  }
  return suite;
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const types = value.type;
  return types === type || (Array.isArray(types) && types.includes(type));
}

/**
 * Checks `document` against the suite's MUSTs: an AnnotationCollection against the collection
 * MUSTs, and each annotation on its embedded first page (with the collection's `@context` added)
 * against the annotation MUSTs; anything else is checked as a single annotation.
 */
export function checkConformance(suiteDir: string, document: unknown): ConformanceReport {
  const suite = suiteAt(suiteDir);
  const subjects: SubjectResult[] = [];
  if (isObject(document) && hasType(document, 'AnnotationCollection')) {
    subjects.push({
      subject: 'collection',
      test: COLLECTION_MUSTS,
      results: suite.run(COLLECTION_MUSTS, document),
    });
    const page = document.first;
    const items = isObject(page) && Array.isArray(page.items) ? (page.items as unknown[]) : [];
    items.forEach((item, index) => {
      const annotation =
        isObject(item) && !('@context' in item)
          ? { '@context': document['@context'], ...item }
          : item;
      const id = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
      subjects.push({
        subject: `annotation ${index + 1}${id}`,
        test: ANNOTATION_MUSTS,
        results: suite.run(ANNOTATION_MUSTS, annotation),
      });
    });
  } else {
    subjects.push({
      subject: 'annotation',
      test: ANNOTATION_MUSTS,
      results: suite.run(ANNOTATION_MUSTS, document),
    });
  }
  const all = subjects.flatMap((s) => s.results);
  return {
    subjects,
    assertionsRun: all.length,
    mustFailures: all.filter((r) => !r.passed && r.assertionType === 'must').length,
  };
}
