/**
 * diffTexts: paragraphs aligned, edited ones shown word by word, whole ones removed or inserted,
 * offsets where each paragraph starts in either text, and the words counted.
 */
import { describe, expect, it } from 'vitest';
import type { DiffPart, ParagraphChange } from '../../../src/shared/contract/versions';
import { diffTexts } from '../../../src/shared/versions/text-diff';

const join = (...paragraphs: string[]) => paragraphs.join('\n\n');
const removed = (parts: DiffPart[]) => parts.filter((p) => p.kind === 'removed').map((p) => p.text);
const inserted = (parts: DiffPart[]) =>
  parts.filter((p) => p.kind === 'inserted').map((p) => p.text);
/** The paragraph as it reads in the older (`from`) or newer (`to`) text. */
const side = (change: ParagraphChange, which: 'from' | 'to') =>
  change.parts
    .filter((p) => p.kind === 'same' || p.kind === (which === 'from' ? 'removed' : 'inserted'))
    .map((p) => p.text)
    .join('');

const INTRO = 'Diplomats met in Geneva on Monday.';
const CLAIM =
  'The troops massed near the border, which Russia denies. Stoltenberg said the alliance is ready to talk. Talks resume next week.';
const OUTRO = 'Further rounds are expected in Brussels.';

describe('diffTexts', () => {
  it('finds no changes between identical texts', () => {
    expect(diffTexts(join(INTRO, CLAIM), join(INTRO, CLAIM))).toEqual({
      changes: [],
      wordsRemoved: 0,
      wordsInserted: 0,
    });
  });

  it('marks an edited phrase as removed and inserted words inside one changed paragraph', () => {
    const from = join(INTRO, CLAIM, OUTRO);
    const to = join(INTRO, CLAIM.replace('which Russia denies', 'which Russia has denied'), OUTRO);
    const diff = diffTexts(from, to);
    expect(diff.changes).toHaveLength(1);
    const [change] = diff.changes;
    expect(change!.kind).toBe('changed');
    expect(removed(change!.parts)).toEqual(['denies']);
    expect(inserted(change!.parts)).toEqual(['has denied']);
    expect(side(change!, 'from')).toBe(CLAIM);
    expect(side(change!, 'to')).toBe(to.split('\n\n')[1]);
    expect(diff.wordsRemoved).toBe(1);
    expect(diff.wordsInserted).toBe(2);
  });

  it('shows a sentence removed inside a paragraph as removed words only', () => {
    const edited = CLAIM.replace(' Stoltenberg said the alliance is ready to talk.', '');
    const diff = diffTexts(join(INTRO, CLAIM), join(INTRO, edited));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.kind).toBe('changed');
    expect(removed(diff.changes[0]!.parts).join('').trim()).toBe(
      'Stoltenberg said the alliance is ready to talk.',
    );
    expect(inserted(diff.changes[0]!.parts)).toEqual([]);
    expect(diff.wordsRemoved).toBe(8);
    expect(diff.wordsInserted).toBe(0);
  });

  it('shows a removed paragraph whole, placed where it was between its neighbours', () => {
    const to = join(INTRO, OUTRO);
    const diff = diffTexts(join(INTRO, CLAIM, OUTRO), to);
    expect(diff.changes).toEqual([
      {
        kind: 'removed',
        parts: [{ kind: 'removed', text: CLAIM }],
        fromOffset: INTRO.length + 2,
        toOffset: INTRO.length + 2,
      },
    ]);
    expect(to.slice(diff.changes[0]!.toOffset)).toBe(OUTRO);
    expect(diff.wordsRemoved).toBe(21);
  });

  it('shows an inserted paragraph whole, at its offset in the newer text', () => {
    const from = join(INTRO, OUTRO);
    const to = join(INTRO, CLAIM, OUTRO);
    const diff = diffTexts(from, to);
    expect(diff.changes).toHaveLength(1);
    const change = diff.changes[0]!;
    expect(change.kind).toBe('inserted');
    expect(change.parts).toEqual([{ kind: 'inserted', text: CLAIM }]);
    expect(to.slice(change.toOffset).startsWith(CLAIM)).toBe(true);
    expect(from.slice(change.fromOffset)).toBe(OUTRO);
    expect(diff.wordsInserted).toBe(21);
    expect(diff.wordsRemoved).toBe(0);
  });

  it('shows a moved paragraph as removed in one place and inserted in the other', () => {
    const paragraphs = ['One fish.', 'Two fish.', 'Red fish.', 'Blue fish.', 'Old fish.'];
    const moved = ['Two fish.', 'Red fish.', 'Blue fish.', 'One fish.', 'Old fish.'];
    const to = join(...moved);
    const diff = diffTexts(join(...paragraphs), to);
    expect(diff.changes.map((c) => c.kind)).toEqual(['removed', 'inserted']);
    expect(diff.changes.map((c) => side(c, c.kind === 'removed' ? 'from' : 'to'))).toEqual([
      'One fish.',
      'One fish.',
    ]);
    expect(diff.changes[0]!.toOffset).toBe(0);
    expect(to.slice(diff.changes[1]!.toOffset).startsWith('One fish.')).toBe(true);
  });

  it('gives each change the offsets where its paragraph starts in both texts, in order', () => {
    const older = ['Alpha beta.', 'Gamma delta.', 'Epsilon zeta.', 'Eta theta.', 'Iota kappa.'];
    const newer = [
      'Alpha beta gamma.',
      'Gamma delta.',
      'New words here.',
      'Eta theta!',
      'Iota kappa.',
    ];
    const from = join(...older);
    const to = join(...newer);
    const diff = diffTexts(from, to);
    expect(diff.changes.length).toBeGreaterThanOrEqual(3);
    for (const change of diff.changes) {
      if (change.kind !== 'removed')
        expect(to.slice(change.toOffset).startsWith(side(change, 'to'))).toBe(true);
      if (change.kind !== 'inserted') {
        expect(from.slice(change.fromOffset).startsWith(side(change, 'from'))).toBe(true);
      }
    }
    const offsets = diff.changes.map((c) => c.toOffset);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
  });

  it('pairs an edited paragraph with its new words when a paragraph is also inserted next to it', () => {
    const from = join(INTRO, CLAIM, OUTRO);
    const edited = CLAIM.replace('Talks resume next week.', 'Talks resume on Tuesday.');
    const to = join(INTRO, 'A new paragraph about something else entirely.', edited, OUTRO);
    const diff = diffTexts(from, to);
    expect(diff.changes.map((c) => c.kind)).toEqual(['inserted', 'changed']);
    expect(removed(diff.changes[1]!.parts)).toEqual(['next week']);
    expect(inserted(diff.changes[1]!.parts)).toEqual(['on Tuesday']);
    expect(to.slice(diff.changes[1]!.toOffset).startsWith(edited)).toBe(true);
  });

  it('counts a text in another Unicode normalization as changed', () => {
    const nfc = 'Café au lait, déjà vu.';
    const diff = diffTexts(join(INTRO, nfc), join(INTRO, nfc.normalize('NFD')));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.kind).toBe('changed');
  });

  it('keeps every paragraph change of a book-length text in order and at the right offsets', () => {
    const older = Array.from(
      { length: 3000 },
      (_, i) => `Paragraph ${i} tells of the talks, which Russia denies, and more.`,
    );
    const newer = older
      .map((p, i) => (i % 10 === 3 ? p.replace('denies', 'has denied') : p))
      .filter((_, i) => i % 100 !== 50);
    const to = join(...newer);
    const diff = diffTexts(join(...older), to);
    expect(diff.changes.filter((c) => c.kind === 'changed')).toHaveLength(300);
    expect(diff.changes.filter((c) => c.kind === 'removed')).toHaveLength(30);
    expect(diff.wordsRemoved).toBe(300 + 30 * 11);
    expect(diff.wordsInserted).toBe(600);
    for (const change of diff.changes.filter((c) => c.kind === 'changed')) {
      expect(to.slice(change.toOffset).startsWith(side(change, 'to'))).toBe(true);
    }
  });
});
