/**
 * What the crash writer tells the harness, one JSON line per event on stdout:
 *
 * - `ready` once the library is open and the writes are about to start;
 * - `intent` just before each write (so the harness knows the one in flight when it kills);
 * - `ack` just after each write returned, that is after its transaction committed (WAL,
 *   synchronous=FULL), with everything the write stored: the harness must find all of it.
 *
 * Lines stay under 4096 bytes, so each goes into the pipe in one write. A line cut short by the
 * kill (no newline) is not an acknowledgement: the harness drops it.
 */
import { z } from 'zod';
import {
  ClaimSchema,
  HighlightColorSchema,
  IdSchema,
  LinkRelationSchema,
} from '../../src/shared/contract/entities';

export const MAX_LINE_BYTES = 4096;

/** The state of an annotation the harness checks: everything one create or update stores. */
export const AnnotationStateSchema = z.strictObject({
  articleId: IdSchema,
  quote: z.string(),
  start: z.int(),
  end: z.int(),
  color: HighlightColorSchema,
  note: z.string(),
  /** Sorted by name. */
  tags: z.array(z.string()),
  claim: ClaimSchema.nullable(),
});
export type AnnotationState = z.infer<typeof AnnotationStateSchema>;

export const WriteSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('create'), annotation: AnnotationStateSchema }),
  /** An update sets note, tags and claim together: the whole new state is known. */
  z.strictObject({
    op: z.literal('update'),
    id: IdSchema,
    note: z.string(),
    tags: z.array(z.string()),
    claim: ClaimSchema.nullable(),
  }),
  z.strictObject({ op: z.literal('delete'), id: IdSchema }),
  z.strictObject({
    op: z.literal('link'),
    fromId: IdSchema,
    toId: IdSchema,
    relation: LinkRelationSchema,
  }),
]);
export type Write = z.infer<typeof WriteSchema>;

export const WriterLineSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('ready'), articleId: IdSchema, live: z.int() }),
  z.strictObject({ t: z.literal('intent'), seq: z.int(), write: WriteSchema }),
  z.strictObject({
    t: z.literal('ack'),
    seq: z.int(),
    write: WriteSchema,
    /** The id the write made: the new annotation's (create) or link's (link); else null. */
    id: IdSchema.nullable(),
  }),
]);
export type WriterLine = z.infer<typeof WriterLineSchema>;
export type Ack = Extract<WriterLine, { t: 'ack' }>;
export type Intent = Extract<WriterLine, { t: 'intent' }>;
