/**
 * Long work (importing a folder) as jobs: a request, a stream of progress events, and one result,
 * declared once here. Every transport carries the same three: IPC events in the app, a
 * Server-Sent Events response in web mode, direct callbacks in the CLI and tests. A job is
 * cancelled through its AbortSignal; what it finished before stays, nothing is left half-done.
 */
import { z } from 'zod';
import { ArticleSummarySchema, ChangesSchema, IdSchema } from './entities';
import { ServiceError, ServiceErrorDataSchema, type Result } from './errors';
import { describeIssues, type UnexpectedErrorReporter } from './dispatch';
import { ImportOutcomeSchema, MAX_URL_LENGTH } from './operations';
import { CheckProgressSchema, CheckReportSchema } from './versions';

/** Most paths one import may name (files or folders). */
export const MAX_IMPORT_PATHS = 10_000;
/** Most files one import walks, counting every folder's files. */
export const MAX_IMPORT_FILES = 50_000;

export const ImportProgressSchema = z.strictObject({
  /** Files finished (imported, already present or refused). */
  done: z.int().nonnegative(),
  total: z.int().nonnegative(),
  /** The file being read now, as the report names it; null between files. */
  current: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const IMPORT_ITEM_STATUSES = ['imported', 'duplicate', 'refused'] as const;

/** What happened to one file. */
export const ImportItemSchema = z.strictObject({
  /** The file, relative to the folder it was found in (or as named, for a file). */
  file: z.string(),
  status: z.enum(IMPORT_ITEM_STATUSES),
  /** Why it was refused, or why it is a duplicate; null when imported. */
  reason: z.string().nullable(),
  /** The article imported, or the one already in the library; null when refused. */
  article: ArticleSummarySchema.nullable(),
  warnings: z.array(z.string()),
});
export type ImportItem = z.infer<typeof ImportItemSchema>;

export const FileImportReportSchema = z.strictObject({
  items: z.array(ImportItemSchema),
  /** Files in the folders walked that are not articles by their type (not tried, not listed). */
  skipped: z.int().nonnegative(),
  /** True when Cancel stopped it: `items` holds the files finished before. */
  cancelled: z.boolean(),
  /** What stopped it before the end (a full disk, a read-only library), if anything did. */
  stoppedBy: z.string().nullable(),
  changes: ChangesSchema,
});
export type FileImportReport = z.infer<typeof FileImportReportSchema>;

export const jobs = {
  importFiles: {
    request: z.strictObject({
      /** Files and folders on this computer, as absolute paths. */
      paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_IMPORT_PATHS),
      /** Walk folders' subfolders too. */
      recursive: z.boolean().default(true),
    }),
    progress: ImportProgressSchema,
    result: FileImportReportSchema,
  },
  /** Add from URL in the app: the `importUrl` operation, with Cancel. */
  importUrl: {
    request: z.strictObject({ url: z.string().trim().min(1).max(MAX_URL_LENGTH) }),
    progress: z.strictObject({ phase: z.enum(['fetching', 'reading']) }),
    result: ImportOutcomeSchema,
  },
  /**
   * "Check for changes" over many articles (every live one with a source address when `ids` is
   * not given), one fetch at a time; each new text becomes a version as it comes in.
   */
  checkArticles: {
    request: z.strictObject({ ids: z.array(IdSchema).min(1).max(100_000).optional() }),
    progress: CheckProgressSchema,
    result: CheckReportSchema,
  },
} satisfies Record<string, { request: z.ZodType; progress: z.ZodType; result: z.ZodType }>;

export type JobName = keyof typeof jobs;
export const JOB_NAMES = Object.keys(jobs) as JobName[];
export type JobRequest<K extends JobName> = z.input<(typeof jobs)[K]['request']>;
export type ParsedJobRequest<K extends JobName> = z.output<(typeof jobs)[K]['request']>;
export type JobProgress<K extends JobName> = z.output<(typeof jobs)[K]['progress']>;
export type JobResult<K extends JobName> = z.output<(typeof jobs)[K]['result']>;

export interface JobContext<P> {
  /** Reports progress; transports send it on, dropping events the receiver cannot keep up with. */
  readonly progress: (event: P) => void;
  /** Aborted when the caller cancels. */
  readonly signal: AbortSignal;
}

/** The jobs as the service implements them. */
export type JobHandlers = {
  [K in JobName]: (
    request: ParsedJobRequest<K>,
    context: JobContext<JobProgress<K>>,
  ) => Promise<JobResult<K>>;
};

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as string[]).includes(name);
}

/** The receiving side of a job on any transport: validate, run, answer a `Result`. */
export async function runJob(
  handlers: JobHandlers,
  name: string,
  payload: unknown,
  onProgress: (event: unknown) => void,
  signal: AbortSignal,
  onUnexpected: UnexpectedErrorReporter = () => {},
): Promise<Result<unknown>> {
  if (!isJobName(name)) {
    return { ok: false, error: { code: 'unknown_operation', message: `unknown job "${name}"` } };
  }
  const parsed = jobs[name].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_request', message: `${name}: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (
      request: unknown,
      context: JobContext<unknown>,
    ) => Promise<unknown>;
    const value = await handler(parsed.data, { progress: onProgress, signal });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.toData() };
    onUnexpected(name, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } };
  }
}

/** Sends one job over some transport; progress arrives through `onProgress`. */
export type RawJobInvoke = (
  name: JobName,
  payload: unknown,
  onProgress: (event: unknown) => void,
  signal: AbortSignal,
) => Promise<Result<unknown>>;

export interface JobOptions<P> {
  readonly onProgress?: (event: P) => void;
  readonly signal?: AbortSignal;
}

/** The calling side of jobs, over any transport: validated progress and result. */
export interface JobClient {
  run<K extends JobName>(
    name: K,
    request: JobRequest<K>,
    options?: JobOptions<JobProgress<K>>,
  ): Promise<JobResult<K>>;
}

export function createJobClient(invoke: RawJobInvoke): JobClient {
  async function run(
    name: JobName,
    request: unknown,
    options: JobOptions<unknown> = {},
  ): Promise<unknown> {
    const spec = jobs[name];
    const result = await invoke(
      name,
      request,
      (event) => {
        const parsed = spec.progress.safeParse(event);
        if (parsed.success) options.onProgress?.(parsed.data);
      },
      options.signal ?? new AbortController().signal,
    );
    if (!result.ok) {
      const error = ServiceErrorDataSchema.safeParse(result.error);
      if (error.success) throw new ServiceError(error.data.code, error.data.message);
      throw new ServiceError('internal', `${name}: malformed error response`);
    }
    const parsed = spec.result.safeParse(result.value);
    if (!parsed.success) {
      throw new ServiceError(
        'internal',
        `${name}: unexpected result (${describeIssues(parsed.error)})`,
      );
    }
    return parsed.data;
  }
  return { run: run as JobClient['run'] };
}

/** The direct transport, for the CLI and tests: in-process, through the same validation. */
export function createDirectJobClient(
  handlers: JobHandlers,
  onUnexpected?: UnexpectedErrorReporter,
): JobClient {
  return createJobClient((name, payload, onProgress, signal) =>
    runJob(handlers, name, payload, onProgress, signal, onUnexpected),
  );
}
