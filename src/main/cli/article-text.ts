/**
 * An article's canonical text from its stored document, for `marginalia show`. Its own module,
 * imported when `show` runs: building the ProseMirror schema is work no other command needs.
 */
import { Node } from 'prosemirror-model';
import type { DocumentJson } from '../../shared/contract/entities';
import { canonicalText } from '../../shared/document/canonical-text';
import { articleSchema } from '../../shared/document/schema';

export function articleTextOf(document: DocumentJson): string {
  return canonicalText(Node.fromJSON(articleSchema, document));
}
