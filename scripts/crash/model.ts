/**
 * The state a crash run expects to find in the library: every annotation and link whose write
 * was acknowledged, and the annotations whose delete was acknowledged. It starts from what the
 * library held before the first round and follows the writer's acknowledgements.
 */
import type { Library } from '../../src/main/library';
import type { Annotation, LinkRelation } from '../../src/shared/contract/entities';
import type { AnnotationState, Write } from './protocol';

export interface LinkState {
  readonly fromId: string;
  readonly toId: string;
  readonly relation: LinkRelation;
}

/** Live annotations and live links, by id. */
export interface LibraryState {
  readonly annotations: Map<string, AnnotationState>;
  readonly links: Map<string, LinkState>;
}

export interface ExpectedLibrary extends LibraryState {
  /** Annotations whose delete was acknowledged: none of them may be live. */
  readonly deleted: Set<string>;
}

export function annotationState(annotation: Annotation): AnnotationState {
  return {
    articleId: annotation.articleId,
    quote: annotation.quote.exact,
    start: annotation.position.start,
    end: annotation.position.end,
    color: annotation.color,
    note: annotation.note,
    tags: [...annotation.tags].sort(),
    claim: annotation.claim,
  };
}

/** Every live annotation and link of every live article, read through the service. */
export function observeLibrary(library: Library): LibraryState {
  const state: LibraryState = { annotations: new Map(), links: new Map() };
  for (const article of library.service.listArticles({}).articles) {
    for (const annotation of library.service.listAnnotations({ articleId: article.id })
      .annotations) {
      state.annotations.set(annotation.id, annotationState(annotation));
      for (const link of annotation.links) {
        if (link.direction !== 'outgoing') continue;
        state.links.set(link.id, {
          fromId: annotation.id,
          toId: link.otherId,
          relation: link.relation,
        });
      }
    }
  }
  return state;
}

/** The expected state of a library before any crash round: what it holds now. */
export function expectedFromLibrary(library: Library): ExpectedLibrary {
  return { ...observeLibrary(library), deleted: new Set() };
}

export function copyExpected(model: ExpectedLibrary): ExpectedLibrary {
  return {
    annotations: new Map(model.annotations),
    links: new Map(model.links),
    deleted: new Set(model.deleted),
  };
}

/**
 * Applies one write to the model. `id` is the id the write made (the new annotation's or
 * link's), known from its acknowledgement or, for the write in flight, found in the library.
 */
export function applyWrite(model: ExpectedLibrary, write: Write, id: string | null): void {
  switch (write.op) {
    case 'create':
      if (!id) throw new Error('a create needs the id it made');
      model.annotations.set(id, write.annotation);
      return;
    case 'update': {
      const current = model.annotations.get(write.id);
      if (!current) throw new Error(`an update of ${write.id}, which the model does not have`);
      const { note, tags, claim } = write;
      model.annotations.set(write.id, { ...current, note, tags: [...tags].sort(), claim });
      return;
    }
    case 'delete':
      model.annotations.delete(write.id);
      model.deleted.add(write.id);
      for (const [linkId, link] of model.links) {
        if (link.fromId === write.id || link.toId === write.id) model.links.delete(linkId);
      }
      return;
    case 'link':
      if (!id) throw new Error('a link needs the id it made');
      model.links.set(id, { fromId: write.fromId, toId: write.toId, relation: write.relation });
      return;
  }
}
