/**
 * The words the sidebar uses: how a link's relation reads from each of its ends, colour names
 * with the user's legend, and short excerpts of quotes for labels and lists.
 */
import type { AnnotationLink, HighlightColor, LinkRelation, Settings } from '../contract/entities';

/** What each colour means to the user ("yellow = evidence"). */
export type ColorLabels = Settings['colorLabels'];

/** "B denies A" is a link from B to A: B shows "denies → A", A shows "← denied by B". */
export const RELATION_WORDS: Readonly<
  Record<LinkRelation, { readonly outgoing: string; readonly incoming: string }>
> = {
  denies: { outgoing: 'denies', incoming: 'denied by' },
  supports: { outgoing: 'supports', incoming: 'supported by' },
  'responds-to': { outgoing: 'responds to', incoming: 'answered by' },
  contradicts: { outgoing: 'contradicts', incoming: 'contradicted by' },
  'same-claim-as': { outgoing: 'same claim as', incoming: 'same claim as' },
};

/** The relation as read from one end of the link. */
export function relationWords(relation: LinkRelation, direction: AnnotationLink['direction']) {
  return RELATION_WORDS[relation][direction];
}

/** A quote cut to about `maxChars` characters at a word boundary, on one line. */
export function excerpt(text: string, maxChars = 60): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/u, '')}…`;
}

/** "denies → ‘which Russia denies’" or "← denied by ‘which Russia denies’". */
export function linkText(link: AnnotationLink, maxChars = 60): string {
  const quote = `‘${excerpt(link.otherQuote, maxChars)}’`;
  const words = relationWords(link.relation, link.direction);
  return link.direction === 'outgoing' ? `${words} → ${quote}` : `← ${words} ${quote}`;
}

const COLOR_NAMES: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** "Yellow", or "Yellow — evidence" when the user's legend names the colour. */
export function colorName(color: HighlightColor, labels: ColorLabels): string {
  const label = labels[color].trim();
  return label ? `${COLOR_NAMES[color]} — ${label}` : COLOR_NAMES[color];
}
