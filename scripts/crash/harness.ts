/**
 * The crash harness (RELIABILITY line 16): round after round, it starts the writer on one
 * library, kills it with SIGKILL in the middle of its writes, reopens the library and checks
 * that every acknowledged write is there whole, the write in flight is there whole or not at
 * all, and SQLite finds the file sound. The expected state carries over from round to round.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openLibrary } from '../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../src/main/sample';
import { checkLibrary, type Problem } from './check';
import { applyWrite, expectedFromLibrary, type ExpectedLibrary } from './model';
import { WriterLineSchema, type Ack, type Intent } from './protocol';
import { roundSeed, seededRandom } from './random';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'writer.ts');
/** tsx's loader, by URL: the writer is one node process (the tsx command would be two). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** A round that has not reached its kill by then is stuck (a writer waiting on a lock, say). */
const ROUND_TIMEOUT_MS = 60_000;

/** When to kill: after so many acknowledged writes, or so long after the writes start. */
export type KillPlan =
  | { readonly after: 'acks'; readonly count: number }
  | { readonly after: 'delay'; readonly ms: number };

export interface WriterRun {
  readonly acks: Ack[];
  /** The write announced but not acknowledged when the writer died. */
  readonly inFlight: Intent | null;
  /** Why the round failed before its kill (the writer crashed, or spoke nonsense). */
  readonly failure: string | null;
}

/** Starts the writer, kills it as planned, and answers everything it acknowledged. */
export function runWriter(options: {
  readonly dataDir: string;
  readonly articleId: string;
  readonly seed: number;
  readonly plan: KillPlan;
}): Promise<WriterRun> {
  const { dataDir, articleId, seed, plan } = options;
  const child = spawn(
    process.execPath,
    [
      '--import',
      TSX_LOADER,
      WRITER,
      ...['--data-dir', dataDir, '--article-id', articleId, '--seed', String(seed)],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acks: Ack[] = [];
  let inFlight: Intent | null = null;
  let failure: string | null = null;
  let killed = false;
  let pending = '';
  let stderr = '';
  const timers: NodeJS.Timeout[] = [];

  const kill = () => {
    if (killed) return;
    killed = true;
    child.kill('SIGKILL');
  };
  const fail = (why: string) => {
    failure ??= why;
    kill();
  };
  timers.push(setTimeout(() => fail(`no kill within ${ROUND_TIMEOUT_MS} ms`), ROUND_TIMEOUT_MS));

  const handle = (text: string) => {
    let parsed;
    try {
      parsed = WriterLineSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return fail(`the writer wrote an unreadable line: ${text.slice(0, 200)}`);
    const line = parsed.data;
    if (line.t === 'ready') {
      if (plan.after === 'delay') timers.push(setTimeout(kill, plan.ms));
    } else if (line.t === 'intent') {
      inFlight = line;
    } else {
      if (inFlight?.seq !== line.seq) return fail(`an ack of ${line.seq} without its intent`);
      inFlight = null;
      acks.push(line);
      if (plan.after === 'acks' && acks.length >= plan.count) kill();
    }
  };

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      handle(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });

  return new Promise((resolve) => {
    child.on('error', (error) => fail(`the writer could not start: ${error.message}`));
    // 'close' comes after the pipes are drained: every line written before the kill is read.
    // A piece of a line left in `pending` was never a whole acknowledgement, so it is dropped.
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      if (!killed) {
        failure ??= `the writer exited by itself (code ${code}, signal ${signal}): ${stderr.trim()}`;
      }
      resolve({ acks, inFlight, failure });
    });
  });
}

export interface SoakOptions {
  readonly kills: number;
  readonly seed: number;
  readonly dataDir: string;
  /** Called after each round. */
  readonly onRound?: (progress: SoakProgress) => void;
}

export interface SoakProgress {
  readonly kills: number;
  readonly acknowledged: number;
  /** Rounds whose write in flight at the kill landed / did not land. */
  readonly inFlightLanded: number;
  readonly inFlightLost: number;
  readonly problems: readonly Problem[];
}

export interface SoakResult extends SoakProgress {
  readonly lost: number;
  readonly integrityOk: boolean;
}

/** The article the writer annotates: the sample if it is there, else the first one. */
function articleToAnnotate(dataDir: string): { articleId: string; model: ExpectedLibrary } {
  const library = openLibrary({ dataDir });
  try {
    const { articles } = library.service.listArticles({});
    const article = articles.find((a) => a.id === SAMPLE_ARTICLE_ID) ?? articles[0];
    if (!article) throw new Error(`the library in ${dataDir} has no article to annotate`);
    return { articleId: article.id, model: expectedFromLibrary(library) };
  } finally {
    library.close();
  }
}

/** Runs `kills` rounds on one library; stops at the first round with a problem. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { articleId, model: initial } = articleToAnnotate(options.dataDir);
  let model = initial;
  let acknowledged = 0;
  let inFlightLanded = 0;
  let inFlightLost = 0;
  const problems: Problem[] = [];
  let kills = 0;

  while (kills < options.kills && problems.length === 0) {
    const random = seededRandom(roundSeed(options.seed, kills));
    const plan: KillPlan = random.chance(0.5)
      ? { after: 'acks', count: random.int(1, 200) }
      : { after: 'delay', ms: random.int(20, 400) };
    const run = await runWriter({
      dataDir: options.dataDir,
      articleId,
      seed: random.int(0, 0xffffffff),
      plan,
    });
    kills++;
    if (run.failure) {
      problems.push({ kind: 'writer', message: `round ${kills}: ${run.failure}` });
      break;
    }
    for (const ack of run.acks) applyWrite(model, ack.write, ack.id);
    acknowledged += run.acks.length;

    const library = openLibrary({ dataDir: options.dataDir });
    try {
      const outcome = checkLibrary(library, model, run.inFlight?.write ?? null);
      model = outcome.expected;
      if (outcome.inFlightLanded === true) inFlightLanded++;
      if (outcome.inFlightLanded === false) inFlightLost++;
      for (const problem of outcome.problems) {
        problems.push({ ...problem, message: `round ${kills}: ${problem.message}` });
      }
    } finally {
      library.close();
    }
    options.onRound?.({ kills, acknowledged, inFlightLanded, inFlightLost, problems });
  }
  return {
    kills,
    acknowledged,
    inFlightLanded,
    inFlightLost,
    problems,
    lost: problems.filter((p) => p.kind === 'lost').length,
    integrityOk: !problems.some((p) => p.kind === 'integrity'),
  };
}

/** The one-line verdict: `200 kills, 18734 acknowledged writes, 0 lost, integrity ok`. */
export function summaryLine(result: SoakResult): string {
  const others = (['half', 'unexpected', 'writer'] as const)
    .map((kind) => [kind, result.problems.filter((p) => p.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `, ${count} ${kind === 'half' ? 'half-written' : kind}`)
    .join('');
  return (
    `${result.kills} kills, ${result.acknowledged} acknowledged writes, ${result.lost} lost` +
    `${others}, integrity ${result.integrityOk ? 'ok' : 'FAILED'}`
  );
}
