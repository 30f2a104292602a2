/**
 * The anchoring benchmark's revision generator (scripts/bench/anchor-revisions.ts): the same seed
 * gives the same revision, each edit kind really changes the text as it says, and the truth it
 * keeps for every annotation points at the annotation's words in the revised text.
 */
import { describe, expect, it } from 'vitest';
import {
  MIXES,
  reviseText,
  sentencesOf,
  type EditKind,
  type EditMix,
  type Span,
} from '../../../scripts/bench/anchor-revisions';
import { bookText, randomSelections } from '../../../scripts/bench/anchor-texts';

const TEXT = bookText(40 * 1024);
const SPANS = randomSelections(TEXT, 200, 3);
const alone = (kind: EditKind, rate: number): EditMix => ({ name: kind, rates: { [kind]: rate } });

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('reviseText', () => {
  it('makes the same revision for the same seed and another for another seed', () => {
    const heavy = MIXES.find((m) => m.name === 'heavy mix')!;
    const a = reviseText(TEXT, SPANS, heavy, 1);
    const b = reviseText(TEXT, SPANS, heavy, 1);
    const c = reviseText(TEXT, SPANS, heavy, 2);
    expect(b.text).toBe(a.text);
    expect(b.truths).toEqual(a.truths);
    expect(c.text).not.toBe(a.text);
  });

  it.each([
    'wordEdit',
    'typoFix',
    'sentenceInsert',
    'sentenceDelete',
    'punctuation',
    'paragraphMove',
    'nfd',
    'repeatedPhrase',
  ] as const)('applies %s edits and changes the text', (kind) => {
    const revision = reviseText(TEXT, SPANS, alone(kind, kind === 'nfd' ? 1 : 0.2), 5);
    expect(revision.counts[kind]).toBeGreaterThan(0);
    const others = Object.entries(revision.counts).filter(([k, n]) => k !== kind && n > 0);
    expect(others).toEqual([]);
    expect(revision.text).not.toBe(TEXT);
  });

  it('keeps the words of sentence edits where they say: deletions drop, insertions add sentences', () => {
    const deleted = reviseText(TEXT, SPANS, alone('sentenceDelete', 0.2), 6);
    expect(sentencesOf(deleted.text).length).toBe(
      sentencesOf(TEXT).length - deleted.counts.sentenceDelete,
    );
    const inserted = reviseText(TEXT, SPANS, alone('sentenceInsert', 0.2), 6);
    expect(sentencesOf(inserted.text).length).toBe(
      sentencesOf(TEXT).length + inserted.counts.sentenceInsert,
    );
  });

  it('moves paragraphs without changing any of them', () => {
    const moved = reviseText(TEXT, SPANS, alone('paragraphMove', 0.3), 7);
    const before = TEXT.split('\n\n');
    const after = moved.text.split('\n\n');
    expect(after).not.toEqual(before);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('turns accented words to NFD and leaves the text the same in NFC', () => {
    const nfd = reviseText(TEXT, SPANS, alone('nfd', 1), 8);
    expect(nfd.text.normalize('NFC')).toBe(TEXT.normalize('NFC'));
    expect(nfd.text.normalize('NFD')).toBe(nfd.text);
  });

  it('copies quotes elsewhere: a repeated phrase appears once more in the text', () => {
    const repeated = reviseText(TEXT, SPANS, alone('repeatedPhrase', 0.3), 9);
    const count = (text: string, needle: string) => text.split(needle).length - 1;
    const copied = SPANS.map((s) => TEXT.slice(s.start, s.end)).filter(
      (q) => count(repeated.text, q) > count(TEXT, q),
    );
    expect(copied.length).toBeGreaterThan(0);
  });

  it('points every truth at the same words when they were not edited, for every mix (and a split quote at its pieces)', () => {
    for (const [i, mix] of MIXES.entries()) {
      const revision = reviseText(TEXT, SPANS, mix, 100 + i);
      revision.truths.forEach((truth, n) => {
        const quote = TEXT.slice(SPANS[n]!.start, SPANS[n]!.end);
        if (truth.kind === 'same') {
          expect(revision.text.slice(truth.start, truth.end), mix.name).toBe(quote);
        } else if (truth.kind === 'edited') {
          expect(revision.text.slice(truth.start, truth.end), mix.name).not.toBe(quote);
        } else if (truth.kind === 'split' && mix.name === 'paragraph moves alone') {
          const pieces = truth.fragments.map((f: Span) => revision.text.slice(f.start, f.end));
          expect(words(pieces.join(' ')), mix.name).toEqual(words(quote));
        }
      });
    }
  });

  it('never edits a quoted passage when edits must avoid quoted words', () => {
    const avoid = MIXES.find((m) => m.avoidQuotes)!;
    const revision = reviseText(TEXT, SPANS, avoid, 11);
    expect(revision.truths.every((t) => t.kind === 'same')).toBe(true);
    expect(Object.values(revision.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });

  it('marks a quote whose whole sentence was deleted as deleted', () => {
    const text = 'One two three. Four five six seven. Eight nine ten.';
    const spans = [{ start: 15, end: 35 }]; // "Four five six seven."
    let found = false;
    for (let seed = 0; seed < 50 && !found; seed++) {
      const revision = reviseText(text, spans, alone('sentenceDelete', 0.5), seed);
      if (!revision.text.includes('Four')) {
        expect(revision.truths[0]).toEqual({ kind: 'deleted' });
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('tracks an edited word inside a quote to the new words', () => {
    const text = 'Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.';
    const spans = [{ start: 6, end: 22 }]; // "beta gamma delta"
    for (let seed = 0; seed < 50; seed++) {
      const revision = reviseText(text, spans, alone('typoFix', 1), seed);
      const truth = revision.truths[0]!;
      if (truth.kind !== 'edited') continue;
      const words = revision.text.slice(truth.start, truth.end);
      expect(words).not.toBe('beta gamma delta');
      expect(revision.text.slice(0, truth.start)).toBe('Alpha ');
      expect(revision.text.slice(truth.end)).toMatch(/^ epsilon\./);
      return;
    }
    throw new Error('no seed edited the quote');
  });
});
