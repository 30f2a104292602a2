/** The article's own text in a Markdown export: faithful, and linear in the article's length. */
import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { articleToMarkdown } from '../../../src/shared/export/article-markdown';

const article = {
  id: '01950000-0000-7000-8000-000000000001',
  title: 'A long report',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: null,
};

function withText(document: DocumentJson): string {
  const md = articleToMarkdown(
    { article, text: '', document, annotations: [] },
    { groupBy: 'none', includeText: true },
    '2026-01-01T00:00:00.000Z',
  );
  return md.slice(md.indexOf('## Article text'));
}

const paragraph = (i: number) => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: `Item ${i}: the US does not plan to deploy [troops] * here. ` },
    { type: 'text', text: 'strong words', marks: [{ type: 'strong' }] },
  ],
});

describe('the article text in a Markdown export', () => {
  it('writes a 1 MB list or quote quickly (the serializer was quadratic within one block)', () => {
    const items = Array.from({ length: 13_000 }, (_, i) => paragraph(i));
    const list: DocumentJson = {
      type: 'doc',
      content: [
        {
          type: 'bullet_list',
          content: items.map((p) => ({ type: 'list_item', content: [p] })),
        },
      ],
    };
    const quote: DocumentJson = { type: 'doc', content: [{ type: 'blockquote', content: items }] };
    const started = performance.now();
    const listMd = withText(list);
    const quoteMd = withText(quote);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(listMd.length).toBeGreaterThan(1_000_000);

    const tree = new Parser().parse(listMd);
    const listNode = tree.firstChild?.next;
    expect(listNode?.type).toBe('list');
    let count = 0;
    for (let item = listNode?.firstChild; item; item = item.next) count++;
    expect(count).toBe(13_000);
    expect(quoteMd).toContain(
      '> Item 12999: the US does not plan to deploy \\[troops\\] \\* here.',
    );
  });
});
