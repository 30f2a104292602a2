/**
 * The claim finder: the sample article's required suggestions, the attribution frames, speaker
 * normalisation, and exact UTF-16 offsets on awkward text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaimSuggestions, type ClaimSuggestion } from '../../../src/shared/claim-finder';
import { splitSentences } from '../../../src/shared/claim-finder/sentences';
import { normaliseSpeaker } from '../../../src/shared/claim-finder/speakers';

const SAMPLE = fs.readFileSync(
  path.join(__dirname, '../../../resources/sample/negotiations-continue-2022-02-11.txt'),
  'utf8',
);

function find(suggestions: readonly ClaimSuggestion[], quoteStart: string, speaker: string) {
  return suggestions.find((s) => s.quote.startsWith(quoteStart) && s.speaker === speaker);
}

function expectExactOffsets(text: string, suggestions: readonly ClaimSuggestion[]) {
  for (const s of suggestions) {
    expect(text.slice(s.start, s.end)).toBe(s.quote);
    expect(text.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
    if (s.source) expect(text.slice(s.source.start, s.source.end)).toBe(s.source.text);
    expect(s.sentence.start).toBeLessThanOrEqual(s.start);
    expect(s.sentence.end).toBeGreaterThanOrEqual(s.end);
  }
}

describe('the sample article', () => {
  const suggestions = findClaimSuggestions(SAMPLE);
  const planned =
    'Russia planned to run “false-flag operations” to create a pretense for invasion or to make Ukraine more favorable to it';

  it('finds Western intelligence’s statement with its cue and content', () => {
    const s = find(suggestions, 'Russia planned', 'Western intelligence');
    expect(s?.quote).toBe(planned);
    expect(s?.cue.text).toBe('have said that');
    expect(s?.cueLemma).toBe('say');
    expect(['assertion', 'accusation']).toContain(s?.type);
  });

  it('finds Russia’s denial of the same statement', () => {
    const s = find(suggestions, 'Russia planned', 'Russia');
    expect(s?.quote).toBe(planned);
    expect(s?.type).toBe('denial');
    expect(s?.cue.text).toBe('denies');
  });

  it('finds the White House finding as evidence, to the sentence end without the period', () => {
    const s = find(suggestions, 'Russia had been stirring', 'White House');
    expect(s?.type).toBe('evidence');
    expect(s?.quote.endsWith('Russia was planning a false-flag operation')).toBe(true);
  });

  it('finds the UK Foreign Office report as evidence', () => {
    const s = find(suggestions, 'Russia also planned to install', 'UK Foreign Office');
    expect(s?.type).toBe('evidence');
    expect(s?.quote.endsWith('who Russia would use')).toBe(true);
  });

  it('finds the US accusation with "X of Y" as content', () => {
    const s = find(suggestions, 'Russia of planning', 'US');
    expect(s?.quote).toBe('Russia of planning a false-flag operation');
    expect(s?.type).toBe('accusation');
  });

  it('finds Stoltenberg’s quotation with its marks, titles dropped from the speaker', () => {
    const s = find(suggestions, '“the number of Russian forces', 'Jens Stoltenberg');
    expect(s?.quote.endsWith('going down.”')).toBe(true);
    expect(s?.source?.text).toBe('NATO Secretary General Jens Stoltenberg');
    expect(['assertion', 'prediction']).toContain(s?.type);
  });

  it('finds what Boris Johnson calls the biggest security crisis', () => {
    expect(find(suggestions, '“the biggest security crisis', 'Boris Johnson')).toBeDefined();
  });

  it('gives unique keys, suggestions in order, and exact offsets', () => {
    expect(new Set(suggestions.map((s) => s.key)).size).toBe(suggestions.length);
    const starts = suggestions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expectExactOffsets(SAMPLE, suggestions);
  });
});

describe('attribution frames', () => {
  it('resolves he/she to the latest person and it/they to the latest organisation', () => {
    const text =
      'Health Minister Anna Berg said that waiting lists were falling. She added that two new hospitals would open. ' +
      'The Royal College of Nursing disputed the figures. It said that staff shortages were getting worse.';
    const s = findClaimSuggestions(text);
    expect(find(s, 'two new hospitals', 'Anna Berg')).toBeDefined();
    expect(find(s, 'staff shortages', 'Royal College of Nursing')).toBeDefined();
  });

  it('reads inverted attributions after a quotation and after a plain clause', () => {
    const text =
      '“We will not give up,” said Maria Lopez. Prices will rise again next year, the central bank said.';
    const s = findClaimSuggestions(text);
    expect(find(s, '“We will not give up,”', 'Maria Lopez')).toBeDefined();
    const bank = find(s, 'Prices will rise', 'central bank');
    expect(bank?.quote).toBe('Prices will rise again next year');
  });

  it('reads "according to" before and after the statement', () => {
    const text =
      'According to the Statistics Office, unemployment fell to 4 percent. Exports rose sharply, according to Trade Minister Ola Berg.';
    const s = findClaimSuggestions(text);
    expect(find(s, 'unemployment fell to 4 percent', 'Statistics Office')?.cueLemma).toBe(
      'according to',
    );
    expect(find(s, 'Exports rose sharply', 'Ola Berg')).toBeDefined();
  });

  it('types cues: deny → denial, warn → prediction, find → evidence, accuse → accusation', () => {
    const text =
      'The company denied that it had broken the law. Economists warned that inflation would return. ' +
      'The inquiry found that the rules had been ignored. The union accused the company of lying.';
    const types = findClaimSuggestions(text).map((s) => s.type);
    expect(types).toEqual(['denial', 'prediction', 'evidence', 'accusation']);
  });

  it('suggests nothing for a negated cue or text without cues', () => {
    expect(findClaimSuggestions('The minister did not say that taxes would rise.')).toEqual([]);
    expect(
      findClaimSuggestions('The river rose overnight. Boats were moored along the quay.'),
    ).toEqual([]);
    expect(findClaimSuggestions('')).toEqual([]);
  });
});

describe('speakers', () => {
  it('drops articles, titles, and channel heads after an organisation-like modifier', () => {
    expect(normaliseSpeaker('the White House')).toBe('White House');
    expect(normaliseSpeaker('UK Prime Minister Boris Johnson')).toBe('Boris Johnson');
    expect(normaliseSpeaker('Western intelligence reports')).toBe('Western intelligence');
    expect(normaliseSpeaker('Pentagon officials')).toBe('Pentagon');
    expect(normaliseSpeaker('the UK Foreign Office')).toBe('UK Foreign Office');
    expect(normaliseSpeaker('Security researcher Tomasz Wrobel')).toBe('Tomasz Wrobel');
  });

  it('gives a later shorter mention the fullest earlier name', () => {
    const text =
      'Finance Minister Helena Marsh said that the deficit would halve. Later, Ms. Marsh said that taxes would not rise. Marsh also said that the plan was fair.';
    const speakers = findClaimSuggestions(text).map((s) => s.speaker);
    expect(speakers).toEqual(['Helena Marsh', 'Helena Marsh', 'Helena Marsh']);
  });

  it('takes the library’s spelling of a known speaker, by folded name or by surname', () => {
    // The library spells the name its own way; a suggestion takes that spelling.
    const known = { knownSpeakers: ['JENS STOLTENBERG', 'Boris Johnson'] };
    const text =
      'Jens Stoltenberg said that talks would continue. Stoltenberg said that NATO was ready.';
    const s = findClaimSuggestions(text, known);
    expect(s.map((x) => x.speaker)).toEqual(['JENS STOLTENBERG', 'JENS STOLTENBERG']);
    const alone = findClaimSuggestions('Stoltenberg said that talks would continue.', known);
    expect(alone[0]?.speaker).toBe('JENS STOLTENBERG');
  });
});

describe('offsets', () => {
  it('are exact UTF-16 offsets after emoji, combining marks, CRLF, NBSP and curly quotes', () => {
    const prefix = '👩🏽‍🚀 Cafe\u0301 “quoted” ‘words’\r\n\u00a0Ame\u0301lie’s note 🎉.\r\n';
    const text =
      prefix +
      'The ministry said that prices would fall.\r\n“We are ready,” said Zoe\u0301 Martin.\u00a0Officials said that 🚀 launches would resume.';
    const suggestions = findClaimSuggestions(text);
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expectExactOffsets(text, suggestions);
    expect(suggestions.map((s) => s.quote)).toEqual([
      'prices would fall',
      '“We are ready,”',
      '🚀 launches would resume',
    ]);
  });

  it('stay exact when awkward characters are sprinkled through the sample', () => {
    const junk = ['👩🏽‍🚀', 'e\u0301', '\r\n', '\u00a0', '“', '”', '—', 'ﬁ', '\u200b', '’s', '\n\n'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 10; round++) {
      let text = SAMPLE;
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(random() * text.length);
        text = text.slice(0, at) + junk[Math.floor(random() * junk.length)]! + text.slice(at);
      }
      const suggestions = findClaimSuggestions(text);
      expect(suggestions.length).toBeGreaterThan(0);
      expectExactOffsets(text, suggestions);
    }
  });

  it('splits sentences at end marks and line breaks, not after abbreviations or initials', () => {
    const text = 'Mr. Smith met Gen. Jones. By Simon C.\nThe U.S. said no. Really? Yes.';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual([
      'Mr. Smith met Gen. Jones.',
      'By Simon C.',
      'The U.S. said no.',
      'Really?',
      'Yes.',
    ]);
  });
});
