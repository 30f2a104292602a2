/**
 * The library's names offered as suggestions (tags, speakers, claim types): read once, then grown
 * from the annotations each reply brings, and renamed with the tag they name.
 */
import type { Annotation } from '../../../shared/contract/entities';

export interface NamesState {
  readonly tags: readonly string[];
  readonly speakers: readonly string[];
  readonly claimTypes: readonly string[];
}

export const NO_NAMES: NamesState = { tags: [], speakers: [], claimTypes: [] };

function withNew(list: readonly string[], names: Iterable<string>): readonly string[] {
  let next: string[] | null = null;
  const known = new Set(list);
  for (const name of names) {
    if (known.has(name)) continue;
    known.add(name);
    (next ??= [...list]).push(name);
  }
  return next ?? list;
}

/** The names with any that `annotations` use and the lists lack; the same lists if none. */
export function withNamesOf(state: NamesState, annotations: readonly Annotation[]): NamesState {
  if (annotations.length === 0) return state;
  const tags = withNew(
    state.tags,
    annotations.flatMap((a) => a.tags),
  );
  const speakers = withNew(
    state.speakers,
    annotations.flatMap((a) => (a.claim?.speaker ? [a.claim.speaker] : [])),
  );
  const claimTypes = withNew(
    state.claimTypes,
    annotations.flatMap((a) => (a.claim ? [a.claim.type] : [])),
  );
  return tags === state.tags && speakers === state.speakers && claimTypes === state.claimTypes
    ? state
    : { tags, speakers, claimTypes };
}

/** A tag renamed (or merged into another): its old name is no longer offered. */
export function withTagRenamed(state: NamesState, from: string, to: string): NamesState {
  const tags = state.tags.filter((t) => t !== from && t !== to);
  return { ...state, tags: [...tags, to] };
}
