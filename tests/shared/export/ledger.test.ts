import { Parser, type Node as MdNode } from 'commonmark';
import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationLink, Claim } from '../../../src/shared/contract/entities';
import { parseDeepLink, passageLink } from '../../../src/shared/export/deep-link';
import {
  groupLedger,
  ledgerDate,
  ledgerToMarkdown,
  type LedgerSpeakerGroup,
} from '../../../src/shared/export/ledger';
import type { LedgerClaim } from '../../../src/shared/export/types';
import { buildAnnotation } from '../../support/annotation-builder';

const EXPORTED_AT = '2024-05-03T09:30:00.000+02:00';

const articleId = (n: number) => `0190d6e4-8f6b-7c3a-9d2e-${String(n).padStart(12, '0')}`;
const id = (n: number) => `0190d6e4-9a00-7b11-8c22-${String(n).padStart(12, '0')}`;

type BriefArticle = LedgerClaim['article'];

const NEGOTIATIONS: BriefArticle = {
  id: articleId(1),
  title: 'Negotiations continue between Western and Russian diplomats',
  publishedAt: '2022-02-11',
};
const KREMLIN: BriefArticle = {
  id: articleId(2),
  title: 'Kremlin rejects US warnings',
  publishedAt: '2022-02-14',
};
const UNDATED: BriefArticle = { id: articleId(3), title: 'Undated briefing', publishedAt: null };

function claimOf(
  n: number,
  article: BriefArticle,
  start: number,
  exact: string,
  claim: Claim | null,
  extra: Partial<Annotation> = {},
): LedgerClaim {
  return {
    article,
    annotation: buildAnnotation({
      id: id(n),
      articleId: article.id,
      exact,
      start,
      claim,
      createdAt: '2024-05-02T23:30:00.000-04:00',
      ...extra,
    }),
  };
}

function link(
  n: number,
  relation: AnnotationLink['relation'],
  direction: AnnotationLink['direction'],
  other: LedgerClaim,
): AnnotationLink {
  return {
    id: id(1000 + n),
    relation,
    direction,
    otherId: other.annotation.id,
    otherArticleId: other.article.id,
    otherQuote: other.annotation.quote.exact,
  };
}

const ACCUSATION = 'Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';

// The sample article: Western intelligence accuses, Russia denies ("B denies A" links B → A).
const denial1 = claimOf(3, NEGOTIATIONS, 1187, DENIAL, {
  type: 'denial',
  speaker: 'Russia',
  status: 'unverified',
});
const accusation = claimOf(
  2,
  NEGOTIATIONS,
  1067,
  ACCUSATION,
  { type: 'accusation', speaker: 'Western intelligence', status: 'denied' },
  { links: [link(1, 'denies', 'incoming', denial1)] },
);
const denial1Linked: LedgerClaim = {
  ...denial1,
  annotation: { ...denial1.annotation, links: [link(1, 'denies', 'outgoing', accusation)] },
};
const usAccusation = claimOf(
  4,
  NEGOTIATIONS,
  1620,
  'the US accused Russia of planning a false-flag operation',
  { type: 'accusation', speaker: 'US', status: 'disputed' },
);
const stoltenberg = claimOf(5, NEGOTIATIONS, 2429, 'the number of Russian forces is going up', {
  type: 'assertion',
  speaker: 'Jens Stoltenberg',
  status: 'confirmed',
});
const unattributed = claimOf(6, NEGOTIATIONS, 0, 'talks have amounted to little so far', {
  type: 'assertion',
  speaker: null,
  status: 'unverified',
});
// A second article where Russia denies again.
const denial2 = claimOf(7, KREMLIN, 40, 'Moscow called the warnings hysteria', {
  type: 'denial',
  speaker: 'Russia',
  status: 'unverified',
});
const usPrediction = claimOf(8, KREMLIN, 10, 'an invasion could begin at any time', {
  type: 'prediction',
  speaker: 'US',
  status: 'false',
});
const usUndated = claimOf(9, UNDATED, 5, 'troops will stay', {
  type: 'prediction',
  speaker: 'US',
  status: 'unverified',
});

const library: LedgerClaim[] = [
  usUndated,
  denial2,
  usPrediction,
  unattributed,
  stoltenberg,
  usAccusation,
  denial1Linked,
  accusation,
];

/** The ledger's shape without the entries: speaker › type › date: count. */
function outline(groups: readonly LedgerSpeakerGroup[]) {
  return groups.map((g) => ({
    speaker: g.speaker,
    count: g.count,
    types: g.types.map((t) => ({
      type: t.type,
      count: t.count,
      dates: t.dates.map((d) => `${d.date} ${d.basis} ${d.count}`),
    })),
  }));
}

describe('groupLedger', () => {
  const groups = groupLedger(library);

  it('groups by speaker, then type, then date, with counts at every level', () => {
    expect(outline(groups)).toEqual([
      {
        speaker: 'Jens Stoltenberg',
        count: 1,
        types: [{ type: 'assertion', count: 1, dates: ['2022-02-11 published 1'] }],
      },
      {
        speaker: 'Russia',
        count: 2,
        types: [
          {
            type: 'denial',
            count: 2,
            dates: ['2022-02-11 published 1', '2022-02-14 published 1'],
          },
        ],
      },
      {
        speaker: 'US',
        count: 3,
        types: [
          { type: 'accusation', count: 1, dates: ['2022-02-11 published 1'] },
          {
            type: 'prediction',
            count: 2,
            dates: ['2022-02-14 published 1', '2024-05-02 annotated 1'],
          },
        ],
      },
      {
        speaker: 'Western intelligence',
        count: 1,
        types: [{ type: 'accusation', count: 1, dates: ['2022-02-11 published 1'] }],
      },
      {
        speaker: null,
        count: 1,
        types: [{ type: 'assertion', count: 1, dates: ['2022-02-11 published 1'] }],
      },
    ]);
  });

  it('finds every denial by Russia across the library', () => {
    const russia = groups.find((g) => g.speaker === 'Russia');
    const denials = russia?.types.find((t) => t.type === 'denial');
    expect(denials?.count).toBe(2);
    expect(denials?.dates.flatMap((d) => d.claims)).toEqual([denial1Linked, denial2]);
  });

  it('sorts speakers and types ignoring case, with Unattributed last', () => {
    const names = ['beta', 'Alpha', 'gamma', 'alpha two', 'Beta Two'];
    const claims = [
      claimOf(50, NEGOTIATIONS, 0, 'q', { type: 'x', speaker: null, status: 'unverified' }),
      ...names.map((speaker, i) =>
        claimOf(51 + i, NEGOTIATIONS, i, 'q', {
          type: ['Opinion', 'accusation', 'denial', 'Evidence', 'assertion'][i]!,
          speaker,
          status: 'unverified',
        }),
      ),
    ];
    const sorted = groupLedger(claims);
    expect(sorted.map((g) => g.speaker)).toEqual([
      'Alpha',
      'alpha two',
      'beta',
      'Beta Two',
      'gamma',
      null,
    ]);
    const types = groupLedger(
      ['Opinion', 'accusation', 'denial', 'Evidence'].map((type, i) =>
        claimOf(60 + i, NEGOTIATIONS, i, 'q', { type, speaker: 'X', status: 'unverified' }),
      ),
    )[0]?.types.map((t) => t.type);
    expect(types).toEqual(['accusation', 'denial', 'Evidence', 'Opinion']);
  });

  it('treats names that differ only in case or spacing as one speaker and one type', () => {
    const claims = [
      claimOf(70, NEGOTIATIONS, 0, 'a', {
        type: 'Denial',
        speaker: 'Russia',
        status: 'unverified',
      }),
      claimOf(71, KREMLIN, 0, 'b', { type: 'denial', speaker: 'russia', status: 'unverified' }),
      claimOf(72, KREMLIN, 9, 'c', { type: 'denial ', speaker: ' RUSSIA\n', status: 'denied' }),
    ];
    expect(outline(groupLedger(claims))).toEqual([
      {
        speaker: 'Russia',
        count: 3,
        types: [
          {
            type: 'Denial',
            count: 3,
            dates: ['2022-02-11 published 1', '2022-02-14 published 2'],
          },
        ],
      },
    ]);
  });

  it('orders a date’s claims by article title, then document order', () => {
    const sameDay = (id: number, title: string): BriefArticle => ({
      id: articleId(id),
      title,
      publishedAt: '2022-03-01',
    });
    const zeta = sameDay(10, 'Zeta report');
    const alpha = sameDay(11, 'alpha report');
    const claims = [
      claimOf(80, zeta, 5, 'z1', { type: 't', speaker: 'S', status: 'unverified' }),
      claimOf(81, alpha, 90, 'a2', { type: 't', speaker: 'S', status: 'unverified' }),
      claimOf(82, alpha, 10, 'a1', { type: 't', speaker: 'S', status: 'unverified' }),
      claimOf(83, zeta, 1, 'z0', { type: 't', speaker: 'S', status: 'unverified' }),
    ];
    const [group] = groupLedger(claims);
    expect(group?.types[0]?.dates[0]?.claims.map((c) => c.annotation.quote.exact)).toEqual([
      'a1',
      'a2',
      'z0',
      'z1',
    ]);
  });

  it('dates by publication when known, else by the day annotated, published first on a tie', () => {
    expect(ledgerDate(denial1)).toEqual({ date: '2022-02-11', basis: 'published' });
    // The annotation's own local date, not the UTC one (2024-05-03T03:30Z).
    expect(ledgerDate(usUndated)).toEqual({ date: '2024-05-02', basis: 'annotated' });
    const freeText = { ...usUndated, article: { ...UNDATED, publishedAt: 'February 2022' } };
    expect(ledgerDate(freeText).basis).toBe('annotated');
    const withTime = { ...usUndated, article: { ...UNDATED, publishedAt: '2022-02-11T08:00Z' } };
    expect(ledgerDate(withTime)).toEqual({ date: '2022-02-11', basis: 'published' });

    const sameDay = { ...KREMLIN, id: articleId(12), publishedAt: '2024-05-02' };
    const tie = groupLedger([
      usUndated,
      claimOf(90, sameDay, 0, 'p', { type: 'prediction', speaker: 'US', status: 'unverified' }),
    ]);
    expect(tie[0]?.types[0]?.dates.map((d) => `${d.date} ${d.basis}`)).toEqual([
      '2024-05-02 published',
      '2024-05-02 annotated',
    ]);
  });

  it('leaves out annotations without a claim, and is empty for an empty library', () => {
    const plain = claimOf(99, NEGOTIATIONS, 0, 'just a highlight', null);
    expect(groupLedger([plain])).toEqual([]);
    expect(groupLedger([])).toEqual([]);
  });
});

/** The plain text of a CommonMark node, as a reader sees it. */
function textOf(node: MdNode): string {
  let text = '';
  const walker = node.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const { node: n, entering } = step;
    if (!entering) {
      if (n.type === 'paragraph' && n.next?.type === 'paragraph') text += '\n\n';
      continue;
    }
    if (n.type === 'text' || n.type === 'code') text += n.literal ?? '';
    else if (n.type === 'softbreak' || n.type === 'linebreak') text += '\n';
  }
  return text;
}

function nodes(root: MdNode, type: string): MdNode[] {
  const found: MdNode[] = [];
  const walker = root.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && step.node.type === type) found.push(step.node);
  }
  return found;
}

function headings(root: MdNode, level: number): string[] {
  return nodes(root, 'heading')
    .filter((h) => h.level === level)
    .map(textOf);
}

const parse = (markdown: string) => new Parser().parse(markdown);

describe('ledgerToMarkdown', () => {
  const markdown = ledgerToMarkdown(groupLedger(library), EXPORTED_AT);
  const doc = parse(markdown);

  it('opens with the title, the export date and the totals', () => {
    expect(markdown.startsWith('# Claims ledger\n\n')).toBe(true);
    expect(markdown).toContain('\n\nExported 2024-05-03 · 8 claims · 4 speakers · 3 articles\n\n');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('has speaker, type and date headings with their counts, in ledger order', () => {
    expect(headings(doc, 1)).toEqual(['Claims ledger']);
    expect(headings(doc, 2)).toEqual([
      'Jens Stoltenberg (1 claim)',
      'Russia (2 claims)',
      'US (3 claims)',
      'Western intelligence (1 claim)',
      'Unattributed (1 claim)',
    ]);
    expect(headings(doc, 3)).toEqual([
      'assertion (1)',
      'denial (2)',
      'accusation (1)',
      'prediction (2)',
      'accusation (1)',
      'assertion (1)',
    ]);
    expect(headings(doc, 4)).toContain('2024-05-02 (annotated; publication date unknown)');
  });

  it('shows each claim as its quote, then its status, article and links', () => {
    const russia = markdown.slice(markdown.indexOf('## Russia'), markdown.indexOf('## US'));
    expect(russia).toBe(
      [
        '## Russia (2 claims)',
        '### denial (2)',
        '#### 2022-02-11',
        '> which Russia denies',
        [
          `— *unverified* · from [Negotiations continue between Western and Russian diplomats](<${passageLink(NEGOTIATIONS.id, id(3))}>)\\`,
          `Denies: “Russia planned to run “false-flag operations”” ([open](<${passageLink(NEGOTIATIONS.id, id(2))}>))`,
        ].join('\n'),
        '#### 2022-02-14',
        '> Moscow called the warnings hysteria',
        `— *unverified* · from [Kremlin rejects US warnings](<${passageLink(KREMLIN.id, id(7))}>)`,
        '',
      ].join('\n\n'),
    );
    expect(markdown).toContain(
      `— *denied* · from [Negotiations continue between Western and Russian diplomats](<${passageLink(NEGOTIATIONS.id, id(2))}>)\\\nDenied by: “which Russia denies” ([open](<${passageLink(NEGOTIATIONS.id, id(3))}>))`,
    );
  });

  it('puts answers before what a claim answers', () => {
    const both = {
      ...accusation,
      annotation: {
        ...accusation.annotation,
        links: [
          link(2, 'supports', 'outgoing', usAccusation),
          link(3, 'denies', 'incoming', denial1),
        ],
      },
    };
    const text = ledgerToMarkdown(groupLedger([both]), EXPORTED_AT);
    expect(text.indexOf('Denied by:')).toBeGreaterThan(0);
    expect(text.indexOf('Denied by:')).toBeLessThan(text.indexOf('Supports:'));
  });

  it('links every claim back to its passage', () => {
    const links = nodes(doc, 'link').map((l) => parseDeepLink(l.destination ?? ''));
    expect(links).not.toContain(null);
    expect(links.filter((l) => l?.annotationId === id(7))).not.toHaveLength(0);
  });

  it('says so when there are no claims', () => {
    expect(ledgerToMarkdown([], EXPORTED_AT)).toBe(
      '# Claims ledger\n\nExported 2024-05-03 · 0 claims · 0 speakers · 0 articles\n\n' +
        'No claims yet: mark a passage as a claim to see it here.\n',
    );
  });

  it('escapes user text in headings, quotes and link text: nothing becomes Markdown', () => {
    const evil = '# *evil* [x](y)';
    const hostileTitle = 'Title ](javascript:alert(1)) <b>bold</b> `code` _x_';
    // Line-start list markers ("- ", "1. ") are markdown-text's to escape, and tested there.
    const hostileQuote = '# not a heading\n> not nested\n\n<script>alert(1)</script> *x* [y](z)';
    const claims = [
      claimOf(
        100,
        { id: articleId(20), title: hostileTitle, publishedAt: '2022-02-11' },
        0,
        hostileQuote,
        { type: '**bold** type |', speaker: evil, status: 'false' },
      ),
      claimOf(101, NEGOTIATIONS, 0, 'quiet', {
        type: 'x',
        speaker: 'Unattributed',
        status: 'false',
      }),
      claimOf(102, NEGOTIATIONS, 1, 'anon', { type: 'x', speaker: null, status: 'false' }),
    ];
    const text = ledgerToMarkdown(groupLedger(claims), EXPORTED_AT);
    const root = parse(text);
    expect(headings(root, 2)).toEqual([
      `${evil} (1 claim)`,
      'Unattributed (1 claim)',
      'Unattributed (1 claim)',
    ]);
    expect(headings(root, 3)).toContain('**bold** type | (1)');
    // Only our own markup: one emphasised status per claim, plus the Unattributed group's name.
    expect(nodes(root, 'emph').map(textOf)).toEqual(['false', 'false', 'Unattributed', 'false']);
    expect(nodes(root, 'html_inline')).toEqual([]);
    expect(nodes(root, 'html_block')).toEqual([]);
    expect(nodes(root, 'code')).toEqual([]);
    expect(nodes(root, 'list')).toEqual([]);
    const quotes = nodes(root, 'block_quote');
    expect(quotes.map((q) => nodes(q, 'block_quote').length)).toEqual([1, 1, 1]);
    expect(textOf(quotes[0]!)).toBe(hostileQuote);
    const titleLink = nodes(root, 'link')[0]!;
    expect(textOf(titleLink)).toBe(hostileTitle);
    expect(parseDeepLink(titleLink.destination ?? '')).toEqual({
      articleId: articleId(20),
      annotationId: id(100),
    });
  });
});
