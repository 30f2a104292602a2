/**
 * Checks a W3C Web Annotation export against the W3C conformance suite's MUST assertions.
 *
 *   npm run check:conformance -- <path-to-web-annotation-tests> <export.jsonld>
 *
 * Prints every assertion's pass or fail for the collection and for each annotation in it, and
 * exits non-zero when any MUST fails (or the export cannot be read). See scripts/conformance.ts.
 */
import { readFileSync } from 'node:fs';
import { checkConformance } from './conformance';

function main(argv: readonly string[]): number {
  const [suiteDir, exportPath] = argv;
  if (suiteDir === undefined || exportPath === undefined || argv.length > 2) {
    console.error(
      'usage: tsx scripts/check-conformance.ts <path-to-web-annotation-tests> <export.jsonld>',
    );
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(exportPath, 'utf8'));
  } catch (error) {
    console.error(`cannot read ${exportPath}: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  const report = checkConformance(suiteDir, document);
  for (const subject of report.subjects) {
    const failed = subject.results.filter((r) => !r.passed).length;
    console.log(
      `\n${subject.subject}: ${subject.test} — ${failed === 0 ? 'all pass' : `${failed} failed`}`,
    );
    for (const result of subject.results) {
      const mark = result.passed ? 'pass' : `FAIL (${result.assertionType.toUpperCase()})`;
      console.log(`  ${mark.padEnd(11)} ${result.assertion}: ${result.title}`);
      if (result.message !== null) console.log(`              ${result.message}`);
    }
  }
  console.log(
    `\n${report.subjects.length} subjects, ${report.assertionsRun} assertions, ` +
      `${report.mustFailures} MUST failures`,
  );
  return report.mustFailures === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
