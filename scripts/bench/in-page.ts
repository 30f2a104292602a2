/**
 * What the reader benchmark runs inside the page, the app's and the static copy's alike:
 * `installProbes` is added as an init script (it runs before any of the page's own code) and puts
 * `window.__bench` there, whose helpers the benchmark then calls with `page.evaluate`.
 *
 * "Painted" is always the same moment: the first requestAnimationFrame after the change, then a
 * message posted from it, which runs once that frame's style, layout and paint are done.
 * Latencies of key presses start at the key event's own timestamp (when the browser took the
 * key), so time the key waited for a busy page counts too.
 *
 * Every function here is serialized into the page: it may use only its arguments and the page.
 */

/** A latency measured in the page. */
export interface Latency {
  /** From the key event's timestamp to painted, ms. */
  readonly ms: number;
  /** Of which the key waited before the page's first listener ran, ms. */
  readonly waited: number;
}

export interface BenchProbe {
  /** Resolves with performance.now() (ms from navigation start) at the first frame painted
   * with the article body, the document parsed and at least `expectMarks` highlight marks. */
  opened: Promise<number>;
  afterPaint(callback: () => void): void;
  /** Selects a few words of article text visible in the scroller; answers them, or null. */
  selectVisible(seq: number): string | null;
  /** Arms the next `h` or `n`: `markDone` resolves once a mark with a new annotation id is painted. */
  armMark(key: string): void;
  markDone: Promise<Latency> | null;
  /** Arms the next `key` typed into the focused text field: `keyDone` resolves once painted. */
  armKey(key: string): void;
  keyDone: Promise<Latency> | null;
  /** Scrolls `.article-scroller` by `px`, `steps` times; answers each step's time to painted. */
  scrollSteps(steps: number, px: number): Promise<number[]>;
  /** Distinct annotation ids among the article's highlight marks, and how many marks. */
  highlightCount(): { ids: number; marks: number };
  /** True when the focused element is a text area labelled "Note". */
  noteFocused(): boolean;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

export interface ProbeConfig {
  /** Highlight marks the open article must show to count as open; below 0, no open probe. */
  readonly expectMarks: number;
  /** A stylesheet put in the head before the page's own (the CSS variant), or ''. */
  readonly css: string;
  /**
   * The static copy: `h` wraps the selection in a mark and `n` does too and focuses a plain text
   * area, so the same presses can be timed against a page that does nothing else.
   */
  readonly staticPage: boolean;
}

/** tsx (esbuild with keepNames) wraps named functions in `__name(…)`: the page needs one too. */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export const STYLE_ID = 'bench-css-variant';

export function installProbes(config: ProbeConfig): void {
  const afterPaint = (callback: () => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback();
      channel.port2.postMessage(null);
    });
  };

  if (config.css) {
    const style = document.createElement('style');
    style.id = 'bench-css-variant';
    style.textContent = config.css;
    const place = () => {
      if (!document.head) return false;
      document.head.prepend(style);
      return true;
    };
    if (!place()) {
      const watcher = new MutationObserver(() => {
        if (place()) watcher.disconnect();
      });
      watcher.observe(document, { childList: true, subtree: true });
    }
  }

  const articleMarks = (): HTMLCollectionOf<Element> | null =>
    document.querySelector('.article-body')?.getElementsByTagName('mark') ?? null;

  const opened = new Promise<number>((resolve) => {
    if (config.expectMarks < 0) return;
    const check = () => {
      const marks = articleMarks();
      if (document.readyState !== 'loading' && marks && marks.length >= config.expectMarks) {
        afterPaint(() => resolve(performance.now()));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });

  const probe: BenchProbe = {
    opened,
    afterPaint,
    markDone: null,
    keyDone: null,

    selectVisible(seq) {
      const scroller = document.querySelector('.article-scroller');
      const body = document.querySelector('.article-body');
      if (!scroller || !body) throw new Error('no article is open');
      const box = scroller.getBoundingClientRect();
      const text = body.getBoundingClientRect();
      const left = Math.max(box.left, text.left) + 10;
      const width = Math.min(box.right, text.right) - left - 40;
      const top = box.top + 80;
      const height = box.height - 160;
      for (let attempt = 0; attempt < 40; attempt++) {
        const n = seq * 7 + attempt;
        const x = left + ((n * 131) % Math.max(1, Math.floor(width * 0.6)));
        const y = top + ((n * 97) % Math.max(1, Math.floor(height)));
        const caret = document.caretRangeFromPoint(x, y);
        const node = caret?.startContainer;
        if (!caret || !node || node.nodeType !== Node.TEXT_NODE || !body.contains(node)) continue;
        const value = node.textContent ?? '';
        let start = caret.startOffset;
        while (start > 0 && /\S/.test(value[start - 1]!)) start--;
        while (start < value.length && /\s/.test(value[start]!)) start++;
        // Two or three words, in this one text node.
        const words = /^\S+\s+\S+(\s+\S+)?/.exec(value.slice(start));
        if (!words || words[0].length < 8) continue;
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + words[0].length);
        const rect = range.getBoundingClientRect();
        if (rect.top < box.top + 20 || rect.bottom > box.bottom - 20) continue;
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return words[0];
      }
      return null;
    },

    armMark(key) {
      const root = document.querySelector('.article-scroller') ?? document.body;
      const before = new Set(
        [...root.querySelectorAll('mark[data-annotation-id]')].map((m) =>
          m.getAttribute('data-annotation-id'),
        ),
      );
      let t0 = 0;
      let waited = 0;
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key !== key) return;
          const now = performance.now();
          // The key's own timestamp, when it is on this clock; else when we saw it.
          t0 = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
          waited = now - t0;
        },
        { capture: true, once: true },
      );
      const isNew = (element: Element) => {
        const id = element.getAttribute('data-annotation-id');
        return id !== null && !before.has(id);
      };
      probe.markDone = new Promise<Latency>((resolve) => {
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            const found =
              (record.type === 'attributes' &&
                record.target instanceof Element &&
                record.target.matches('mark') &&
                isNew(record.target)) ||
              [...record.addedNodes].some(
                (added) =>
                  added instanceof Element &&
                  ((added.matches('mark[data-annotation-id]') && isNew(added)) ||
                    [...added.querySelectorAll('mark[data-annotation-id]')].some(isNew)),
              );
            if (found) {
              observer.disconnect();
              afterPaint(() => resolve({ ms: performance.now() - t0, waited }));
              return;
            }
          }
        });
        observer.observe(root, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['data-annotation-id'],
        });
      });
    },

    armKey(key) {
      const field = document.activeElement;
      if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) {
        throw new Error(`no text field has the focus (it is on ${field?.tagName ?? 'nothing'})`);
      }
      let t0 = 0;
      let waited = 0;
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key !== key) return;
          const now = performance.now();
          t0 = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
          waited = now - t0;
        },
        { capture: true, once: true },
      );
      probe.keyDone = new Promise<Latency>((resolve) => {
        field.addEventListener(
          'input',
          // React renders a controlled field's change before the next frame: the frame painted
          // after the input event shows the character and whatever React drew for it.
          () => afterPaint(() => resolve({ ms: performance.now() - t0, waited })),
          { once: true },
        );
      });
    },

    async scrollSteps(steps, px) {
      const scroller = document.querySelector('.article-scroller');
      if (!scroller) throw new Error('no .article-scroller');
      const times: number[] = [];
      for (let i = 0; i < steps; i++) {
        const t0 = performance.now();
        scroller.scrollTop += px;
        await new Promise<void>((resolve) => afterPaint(resolve));
        times.push(performance.now() - t0);
      }
      return times;
    },

    highlightCount() {
      const marks = [...(document.querySelector('.article-body')?.querySelectorAll('mark') ?? [])];
      return {
        ids: new Set(marks.map((m) => m.getAttribute('data-annotation-id'))).size,
        marks: marks.length,
      };
    },

    noteFocused() {
      const field = document.activeElement;
      if (!(field instanceof HTMLTextAreaElement)) return false;
      const label = field.getAttribute('aria-label') ?? field.labels?.[0]?.textContent ?? '';
      return label.trim() === 'Note';
    },
  };
  window.__bench = probe;

  if (config.staticPage) {
    let made = 0;
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'h' && event.key !== 'n') return;
      const target = event.target;
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return;
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      event.preventDefault();
      const mark = document.createElement('mark');
      mark.className = 'highlight highlight-yellow';
      mark.setAttribute('data-annotation-id', `static-${++made}`);
      selection.getRangeAt(0).surroundContents(mark);
      selection.collapseToEnd();
      if (event.key === 'n') {
        const note = document.createElement('textarea');
        note.setAttribute('aria-label', 'Note');
        note.style.cssText = 'position:fixed;right:16px;top:120px;width:300px;height:120px';
        document.body.append(note);
        note.focus();
      }
    });
  }
}

/**
 * The open page as static HTML: the same document without its scripts (or the benchmark's own
 * stylesheet, which the static page gets the same way), with the big panels beside the article
 * (the annotation cards) emptied, so what is left is the article, its highlights and the page
 * around it, at the same width.
 */
export function staticSnapshot(styleId: string): string {
  const scroller = document.querySelector('.article-scroller');
  if (!scroller) throw new Error('no .article-scroller to copy');
  for (let at: Element = scroller; at.parentElement; at = at.parentElement) {
    for (const sibling of at.parentElement.children) {
      if (sibling !== at && sibling.getElementsByTagName('*').length > 200) {
        sibling.replaceChildren();
      }
    }
  }
  for (const element of document.querySelectorAll(
    `script, link[rel="modulepreload"], #${styleId}`,
  )) {
    element.remove();
  }
  document.getSelection()?.removeAllRanges();
  return `<!doctype html>\n${document.documentElement.outerHTML}`;
}
