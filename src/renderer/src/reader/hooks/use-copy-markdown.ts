/** Copying annotations as Markdown, and the reader's Export menu. */
import { useCallback } from 'react';
import type { Annotation, Settings } from '../../../../shared/contract/entities';
import type { ExportFormat } from '../../../../shared/contract/interop';
import { annotationsToMarkdown } from '../../../../shared/export/annotation-markdown';
import { copiedMessage, copyText } from '../../export/clipboard';
import type { ExportMenuChoice } from '../../export/ExportMenu';
import { selectAnnotationList, type RendererStore } from '../../store/renderer-store';

export interface CopyMarkdownOptions {
  readonly article: { readonly id: string; readonly title: string } | null;
  readonly store: RendererStore;
  readonly colorLabels: Settings['colorLabels'];
  /** When the article's current version came in, once it has more than one: dates changed words. */
  readonly versionAddedAt: string | null;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
  readonly onExport?: ((format: ExportFormat) => void) | undefined;
}

export function useCopyMarkdown(options: CopyMarkdownOptions) {
  const { article, store, colorLabels, versionAddedAt, announce, onError, onExport } = options;
  const copyMarkdown = useCallback(
    async (list: readonly Annotation[]) => {
      if (!article || list.length === 0) return;
      try {
        await copyText(annotationsToMarkdown(article, list, { colorLabels, versionAddedAt }));
        announce(copiedMessage(list.length));
      } catch (error) {
        onError(error);
      }
    },
    [announce, article, colorLabels, onError, versionAddedAt],
  );
  const chooseExport = useCallback(
    (choice: ExportMenuChoice) => {
      if (choice !== 'copy') return onExport?.(choice);
      const all = selectAnnotationList(store.getState());
      // Visible: a sighted user who chose the item would otherwise see nothing happen.
      if (all.length === 0)
        onError(new Error('There is nothing to copy: this article has no annotations yet.'));
      else void copyMarkdown(all);
    },
    [copyMarkdown, onError, onExport, store],
  );
  return { copyMarkdown, chooseExport };
}
