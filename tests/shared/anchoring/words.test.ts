/**
 * Trimming an approximate match to the quote's words: the ends of a match found after part of the
 * quote was deleted must not keep a neighbouring word that merely resembles a quote word (each
 * case here once anchored a quote on other words in the re-anchoring probe).
 */
import { describe, expect, it } from 'vitest';
import { trimToQuoteWords } from '../../../src/shared/anchoring/words';

function trimmed(span: string, quote: string): string | null {
  const at = trimToQuoteWords(span, 0, span.length, quote);
  return at && span.slice(at.start, at.end);
}

describe('trimToQuoteWords', () => {
  it('keeps a match whose words are the quote edited, an inserted word included', () => {
    expect(trimmed('which Russia has denied', 'which Russia denies')).toBe(
      'which Russia has denied',
    );
  });

  it('drops a trailing word that only shares a short prefix with a quote word ("then", "their")', () => {
    expect(
      trimmed(
        'their battle to been Pierre simple terrible answered.\n\n- About then',
        'their battle to been Pierre simple terrible answered.\n- Bridge Dólokhov',
      ),
    ).toBe('their battle to been Pierre simple terrible answered.');
  });

  it('drops a leading quote word that is out of the quote’s order', () => {
    expect(
      trimmed(
        'bright honour. Perhaps who — they from shouted about never letter life bright suddenly from',
        'own with time night whispered? Perhaps who — they from shouted about never letter life bright suddenly from',
      ),
    ).toBe('Perhaps who — they from shouted about never letter life bright suddenly from');
  });

  it('drops a short quote word cut off from the rest by other words', () => {
    expect(
      trimmed(
        'the countess.” Happy serfs whispered orders on that with the countess',
        'the old prince. Happy serfs whispered orders on that with the countess',
      ),
    ).toBe('Happy serfs whispered orders on that with the countess');
  });

  it('keeps a word with a typo fixed at the end', () => {
    expect(trimmed('the goverment', 'the government')).toBe('the goverment');
  });

  it('answers null when no word is like the quote’s', () => {
    expect(trimmed('nothing alike here', 'quite other words')).toBeNull();
  });
});
