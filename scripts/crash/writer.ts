/**
 * The crash writer: a child process that opens a library and writes through the service as fast
 * as it can, until the harness kills it with SIGKILL. Every write is announced before it starts
 * (`intent`) and acknowledged after it returns (`ack`), when its transaction is committed
 * (WAL, synchronous=FULL). The writes follow from `--seed` and what the library already holds.
 *
 *   node --import tsx scripts/crash/writer.ts --data-dir D --article-id A --seed S
 *
 * On Linux, stdout to a pipe is synchronous: a line written is a line the parent gets, even if
 * this process is killed the next instant, because it is already in the kernel's buffer. Node's
 * `process.stdout` is synchronous on a pipe only while the pipe has room (when full, it queues
 * the rest in memory, which a kill loses), so lines go out with `fs.writeSync` on fd 1: a plain
 * write(2) that returns once the whole line is in the pipe. So every ack the harness reads is a
 * write that returned, and every write that returned before the kill has its ack read.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openLibrary } from '../../src/main/library';
import { describeRange } from '../../src/shared/anchoring/selectors';
import {
  CLAIM_STATUSES,
  DEFAULT_CLAIM_TYPES,
  HIGHLIGHT_COLORS,
  LINK_RELATIONS,
  type Claim,
} from '../../src/shared/contract/entities';
import { MAX_LINE_BYTES, type AnnotationState, type Write, type WriterLine } from './protocol';
import { seededRandom } from './random';
import type { LinkState } from './model';

/** The writer stops by itself after this long, in case the harness died without killing it. */
const LIFETIME_MS = 60_000;
/** Above this many live annotations, deletes become more likely, so the library stays small. */
const LIVE_TARGET = 150;

const TAGS = ['soak-alpha', 'soak-beta', 'soak-gamma', 'soak-delta', 'soak-ε', 'soak/nested'];
const SPEAKERS = ['Soak Speaker One', 'Soak Speaker Two', 'Дмитрий Соак'];
const NOTE_WORDS = [
  'claim',
  'evidence',
  'naïve',
  '“quoted”',
  'Kyiv—Moscow',
  '🙂',
  'e\u0301',
  'señor',
];

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes` to stdout before returning, waiting while the pipe is full. */
function writeWhole(bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) {
    try {
      done += fs.writeSync(1, bytes, done);
    } catch (error) {
      // fd 1 is non-blocking if anything opened `process.stdout`: wait for the parent to read.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

function emit(line: WriterLine): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
  // Short lines go into the pipe in one piece; and the harness drops a line without its newline,
  // so a kill in the middle of a line never counts as half an ack.
  if (bytes.length > MAX_LINE_BYTES) {
    throw new Error(`a line of ${bytes.length} bytes is over ${MAX_LINE_BYTES}`);
  }
  writeWhole(bytes);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'article-id': { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const articleId = values['article-id'];
  const seed = Number(values.seed);
  if (!dataDir || !articleId || !Number.isInteger(seed)) {
    throw new Error('usage: writer.ts --data-dir D --article-id A --seed S');
  }
  const random = seededRandom(seed);
  const library = openLibrary({ dataDir });
  const { service } = library;
  const text = service.articleText(articleId);
  // Whole words only: a range that starts or ends at a space is never inside a character.
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));

  // What the library holds, as far as this writer can tell: the same as the harness's model.
  const live: string[] = [];
  const links = new Map<string, LinkState>();
  for (const annotation of service.listAnnotations({ articleId }).annotations) {
    live.push(annotation.id);
    for (const link of annotation.links) {
      if (link.direction === 'outgoing') {
        links.set(link.id, { fromId: annotation.id, toId: link.otherId, relation: link.relation });
      }
    }
  }

  const note = (seq: number): string => {
    if (random.chance(0.1)) return '';
    const length = random.chance(0.7)
      ? random.int(1, 80)
      : random.chance(0.85)
        ? random.int(80, 600)
        : random.int(600, 1000);
    let result = `soak ${seed.toString(36)}/${seq}:`;
    while (result.length < length) result += ` ${random.pick(NOTE_WORDS)}`;
    return result;
  };
  const tags = () => random.sample(TAGS, random.int(0, 3)).sort();
  const claim = (): Claim | null =>
    random.chance(0.3)
      ? null
      : {
          type: random.pick(DEFAULT_CLAIM_TYPES),
          speaker: random.chance(0.2) ? null : random.pick(SPEAKERS),
          status: random.pick(CLAIM_STATUSES),
        };
  const create = (seq: number): Write => {
    const first = random.int(0, words.length - 1);
    const last = Math.min(words.length - 1, first + random.int(0, 7));
    const start = words[first]!.start;
    const end = words[last]!.end;
    const annotation: AnnotationState = {
      articleId,
      quote: text.slice(start, end),
      start,
      end,
      color: random.pick(HIGHLIGHT_COLORS),
      note: note(seq),
      tags: tags(),
      claim: claim(),
    };
    return { op: 'create', annotation };
  };
  /** A new link between two live annotations, unless they already have that one. */
  const link = (fromId: string): Write | null => {
    const toId = random.pick(live);
    const relation = random.pick(LINK_RELATIONS);
    if (toId === fromId) return null;
    for (const l of links.values()) {
      if (l.fromId === fromId && l.toId === toId && l.relation === relation) return null;
    }
    return { op: 'link', fromId, toId, relation };
  };

  let linkFrom: string | null = null;
  const nextWrite = (seq: number): Write => {
    // Some new annotations are linked to an earlier one right away.
    const follow = linkFrom ? link(linkFrom) : null;
    linkFrom = null;
    if (follow) return follow;
    const roll = random.next();
    const deletes = live.length > LIVE_TARGET ? 0.4 : 0.15;
    if (live.length < 2 || roll < 0.4) return create(seq);
    if (roll < 0.4 + deletes) return { op: 'delete', id: random.pick(live) };
    if (roll < 0.55 + deletes) {
      const made = link(random.pick(live));
      if (made) return made;
    }
    return { op: 'update', id: random.pick(live), note: note(seq), tags: tags(), claim: claim() };
  };

  /** Runs a write through the service; answers the id it made, if any. */
  const perform = (write: Write): string | null => {
    switch (write.op) {
      case 'create': {
        const { articleId: article, start, end, color, note, tags, claim } = write.annotation;
        const { annotation } = service.createAnnotation({
          articleId: article,
          ...describeRange(text, start, end),
          color,
          note,
          tags,
          claim,
        });
        live.push(annotation.id);
        if (random.chance(0.3)) linkFrom = annotation.id;
        return annotation.id;
      }
      case 'update':
        service.updateAnnotation({
          id: write.id,
          note: write.note,
          tags: write.tags,
          claim: write.claim,
        });
        return null;
      case 'delete':
        service.deleteAnnotation({ id: write.id });
        live.splice(live.indexOf(write.id), 1);
        for (const [id, l] of links) {
          if (l.fromId === write.id || l.toId === write.id) links.delete(id);
        }
        return null;
      case 'link': {
        const { fromId, toId, relation } = write;
        const made = service.createLink({ fromId, toId, relation });
        links.set(made.link.id, { fromId, toId, relation });
        return made.link.id;
      }
    }
  };

  emit({ t: 'ready', articleId, live: live.length });
  const stopAt = performance.now() + LIFETIME_MS;
  for (let seq = 0; performance.now() < stopAt; seq++) {
    const write = nextWrite(seq);
    emit({ t: 'intent', seq, write });
    const id = perform(write);
    emit({ t: 'ack', seq, write, id });
  }
  library.close();
}

main();
