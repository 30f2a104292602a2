/**
 * Markdown nested deeper than a parser will follow keeps its text (issue 10's finding: 20 quote
 * levels or more used to import with that text gone, and "> " × 10,000 as an empty article).
 * Past the limit the nesting is flattened, the words are kept at the deepest level, and the
 * import says so; shallower documents are read exactly as before, with no warning.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/main/import/index';
import { canonicalText } from '../../../src/shared/document/canonical-text';

function importMarkdown(source: string) {
  const result = importFile('deep.md', new TextEncoder().encode(`# Deep\n\n${source}`));
  return { text: canonicalText(result.article.document), warnings: result.warnings };
}

describe('deeply nested Markdown', () => {
  it('R01 keeps the words under 10,000 quote levels, and warns', () => {
    const { text, warnings } = importMarkdown(`${'> '.repeat(10_000)}the deepest words\n`);
    expect(text).toBe('the deepest words');
    expect(warnings).toEqual([
      'quotes or lists nested more than 32 levels deep were kept as text at that depth',
    ]);
  });

  it('keeps 25 quote levels as they are, with no warning', () => {
    const { text, warnings } = importMarkdown(`${'> '.repeat(25)}twenty-five deep\n`);
    expect(text).toBe('twenty-five deep');
    expect(warnings).toEqual([]);
  });

  it('keeps every item of a list nested 60 levels deep', () => {
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const { text, warnings } = importMarkdown(`${list}\n`);
    for (let i = 0; i < 60; i++) expect(text).toContain(`item ${i}`);
    expect(warnings).toHaveLength(1);
  });
});
