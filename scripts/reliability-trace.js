#!/usr/bin/env node
// RELIABILITY.md line by line: the tests whose names carry the line's number ("R16 …"), from
// vitest's JSON report, as a Markdown table (line → test files → passed/failed/skipped).
// `node scripts/reliability-trace.js [test-results/vitest.json] [../shared/RELIABILITY.md]`;
// exits 1 when a line has no test or a test of it failed.
import fs from 'node:fs';
import path from 'node:path';

const reportFile = process.argv[2] ?? 'test-results/vitest.json';
const reliabilityFile = process.argv[3] ?? path.join('..', 'shared', 'RELIABILITY.md');

const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const lines = new Map();
for (const match of fs.readFileSync(reliabilityFile, 'utf8').matchAll(/^(\d+)\. (.+)$/gm)) {
  const text = match[2].split(' → ')[0].replace(/\|/g, '\\|');
  lines.set(Number(match[1]), text.length > 70 ? `${text.slice(0, 69)}…` : text);
}

/** line → file → counts */
const byLine = new Map();
for (const file of report.testResults ?? []) {
  const relative = path.relative(process.cwd(), file.name);
  for (const test of file.assertionResults ?? []) {
    const numbers = new Set(
      [...test.title.matchAll(/(?:^|\s)R(\d\d)(?=\s)/g)].map((m) => Number(m[1])),
    );
    for (const number of numbers) {
      const files = byLine.get(number) ?? new Map();
      const counts = files.get(relative) ?? { passed: 0, failed: 0, skipped: 0 };
      if (test.status === 'passed') counts.passed++;
      else if (test.status === 'failed') counts.failed++;
      else counts.skipped++;
      files.set(relative, counts);
      byLine.set(number, files);
    }
  }
}

let ok = true;
console.log('| Line | Fault or input | Tests (file: passed/failed/skipped) | Result |');
console.log('| --- | --- | --- | --- |');
for (const [number, text] of lines) {
  const files = byLine.get(number) ?? new Map();
  const total = { passed: 0, failed: 0, skipped: 0 };
  const cells = [];
  for (const [file, counts] of [...files].sort()) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const extra = counts.failed || counts.skipped ? `/${counts.failed}/${counts.skipped}` : '';
    cells.push(`\`${file.replace(/^tests\//, '')}\` ${counts.passed}${extra}`);
  }
  const result =
    total.passed === 0 || total.failed > 0
      ? `**${total.passed} passed, ${total.failed} failed**`
      : `${total.passed} passed` + (total.skipped ? `, ${total.skipped} skipped` : '');
  if (total.passed === 0 || total.failed > 0) ok = false;
  console.log(
    `| R${String(number).padStart(2, '0')} | ${text} | ${cells.join('; ') || 'none'} | ${result} |`,
  );
}
process.exit(ok ? 0 : 1);
