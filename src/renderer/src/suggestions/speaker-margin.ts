/**
 * Where the speakers of suggested claims go: in the margin left of the text when there is room
 * for a label there, else as a small chip in the line before the words. Room is the free space
 * between the scroller's left edge and the text, which depends on the window, the sidebars, the
 * line width and the type size, so it is measured (a container query on the scroller's width
 * alone could not know the text's width). The article body gets `data-speakers="margin"` and
 * `--speaker-margin` (that space, in px); the stylesheet does the rest.
 */

/**
 * Free space (px) left of the text from which speakers go in the margin. At the common
 * 1440 px window with both sidebars there are ≈ 86 px: a label of ≈ 66 px fits a speaker on two
 * short lines ("Western / intelligence"), which reads better than a chip breaking the sentence.
 */
export const MIN_SPEAKER_MARGIN = 80;

/** Keeps `body`'s speaker placement up to date as it and its scroller change size. */
export function watchSpeakerMargin(body: HTMLElement): () => void {
  let scroller: Element | null = null;
  let placed: number | null = null;
  const measure = () => {
    const found = body.closest('.article-scroller');
    if (found !== scroller) {
      if (scroller) observer.unobserve(scroller);
      scroller = found;
      // Observed from the next frame: an ancestor observed during a notification would be
      // reported in the same frame, which the browser refuses ("ResizeObserver loop").
      const watched = scroller;
      if (watched) requestAnimationFrame(() => scroller === watched && observer.observe(watched));
    }
    const free = scroller
      ? Math.floor(body.getBoundingClientRect().left - scroller.getBoundingClientRect().left)
      : 0;
    const next = free >= MIN_SPEAKER_MARGIN ? free : null;
    if (next === placed) return;
    placed = next;
    if (next === null) {
      delete body.dataset['speakers'];
      body.style.removeProperty('--speaker-margin');
    } else {
      body.dataset['speakers'] = 'margin';
      body.style.setProperty('--speaker-margin', `${next}px`);
    }
  };
  // Both: the body moves when its scroller narrows, and it is put into one after it is created.
  const observer = new ResizeObserver(measure);
  observer.observe(body);
  return () => observer.disconnect();
}
