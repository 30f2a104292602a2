/**
 * The claim finder's worker in Chromium: the module worker is bundled and answers an array of
 * suggestions for a text; aborting a request rejects it at once with an AbortError.
 */
import { describe, expect, it } from 'vitest';
import { findClaimSuggestions } from '../../../src/shared/claim-finder';
import { findInWorker, isAbort } from '../../../src/renderer/src/suggestions/find-in-worker';

const TEXT =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”, which Russia denies.';

describe('findInWorker', () => {
  it('answers what the finder answers on the UI thread', async () => {
    const found = await findInWorker(TEXT, { knownSpeakers: [] }, new AbortController().signal);
    expect(found).toEqual(findClaimSuggestions(TEXT, { knownSpeakers: [] }));
  });

  it('rejects with an AbortError when aborted, before or during the search', async () => {
    const before = new AbortController();
    before.abort();
    const early = await findInWorker(TEXT, {}, before.signal).catch((e: unknown) => e);
    expect(isAbort(early)).toBe(true);
    const during = new AbortController();
    const pending = findInWorker(TEXT.repeat(50), {}, during.signal);
    during.abort();
    expect(isAbort(await pending.catch((e: unknown) => e))).toBe(true);
  });
});
