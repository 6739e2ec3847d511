// Runs due jobs: claims them in batches (FOR UPDATE SKIP LOCKED + lease), runs each through its kind's handler with
// bounded concurrency, keeps the leases of claimed jobs alive while it works, and records what happened:
// done, later (not an attempt), rate-limited (not an attempt, after Retry-After), retry with backoff, or failed.
import { RateLimitedError } from "../app/ports/errors.ts";
import { type BackoffPolicy, defaultBackoff, retryDelayMs } from "../core/reminders/backoff.ts";
import type { Clock } from "../core/reminders/clock.ts";
import type { Logger } from "../logging/logger.ts";
import type { JobRecord, JobRepository } from "../store/repositories/jobs.ts";
import { isPermanent, type JobHandlers, type JobResult } from "./job-handler.ts";

export interface JobRunnerOptions {
  jobs: JobRepository;
  handlers: JobHandlers;
  clock: Clock;
  logger: Logger;
  /** This process's name in `claimedBy`; unique per process. */
  owner: string;
  /** How long a claim holds without renewal; a dead process's jobs are taken over after it. */
  leaseMs?: number;
  /** Jobs claimed per query. */
  batchSize?: number;
  /** Jobs run at the same time. */
  concurrency?: number;
  backoff?: BackoffPolicy;
}

export interface RunSummary {
  claimed: number;
  done: number;
  later: number;
  rateLimited: number;
  retried: number;
  failed: number;
  /** Claims lost to another process before the job finished (its lease had expired). */
  lost: number;
}

export interface JobRunner {
  /** Runs every job due now (and those that fall due while it runs) until none is left. */
  runDueJobsOnce(): Promise<RunSummary>;
  /** Makes a running `runDueJobsOnce` stop claiming; jobs already claimed finish. */
  stop(): void;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { jobs, handlers, clock, logger, owner } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 8;
  const backoff = options.backoff ?? defaultBackoff;
  let stopping = false;

  async function runDueJobsOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, done: 0, later: 0, rateLimited: 0, retried: 0, failed: 0, lost: 0 };
    const queue: JobRecord[] = [];
    const held = new Set<string>();
    let exhausted = false;
    let refilling: Promise<void> | undefined;

    const heartbeat = setInterval(() => {
      const until = new Date(clock.now().getTime() + leaseMs);
      jobs.renewLeases([...held], owner, until).catch((error: unknown) => {
        logger.warn({ err: error }, "could not renew job leases");
      });
    }, leaseMs / 3);

    async function refill(): Promise<void> {
      const claimed = await jobs.claimDue({ owner, now: clock.now(), leaseMs, limit: batchSize });
      if (claimed.length === 0) exhausted = true;
      summary.claimed += claimed.length;
      for (const job of claimed) held.add(job.id);
      queue.push(...claimed);
    }

    async function nextJob(): Promise<JobRecord | undefined> {
      for (;;) {
        const job = queue.shift();
        if (job) return job;
        if (exhausted || stopping) return undefined;
        refilling ??= refill().finally(() => {
          refilling = undefined;
        });
        await refilling;
      }
    }

    async function worker(): Promise<void> {
      for (let job = await nextJob(); job; job = await nextJob()) {
        try {
          await runOne(job, summary);
        } catch (error) {
          // The database failed while recording the result: the lease expires and another attempt takes over.
          logger.error({ err: error, jobId: job.id, kind: job.kind }, "could not record a job's result");
        } finally {
          held.delete(job.id);
        }
      }
    }

    try {
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      clearInterval(heartbeat);
      // Claimed but never started (stop() during a run): give them back at once.
      for (const job of queue.splice(0)) await jobs.reschedule(job.id, owner, job.dueAt, { countAttempt: false });
    }
    return summary;
  }

  async function runOne(job: JobRecord, summary: RunSummary): Promise<void> {
    const handler = handlers[job.kind];
    let result: JobResult;
    try {
      if (!handler) throw new UnknownJobKindError(job.kind);
      result = await handler(job);
    } catch (error) {
      await recordFailure(job, error, summary);
      return;
    }
    const stillHeld =
      result.kind === "done"
        ? await jobs.complete(job.id, owner, clock.now(), result.outcome)
        : await jobs.reschedule(job.id, owner, result.at, { countAttempt: false });
    if (!stillHeld) {
      summary.lost += 1;
      logger.warn({ jobId: job.id, kind: job.kind }, "job claim was lost before it finished");
    } else if (result.kind === "done") summary.done += 1;
    else summary.later += 1;
  }

  async function recordFailure(job: JobRecord, error: unknown, summary: RunSummary): Promise<void> {
    const now = clock.now();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RateLimitedError) {
      summary.rateLimited += 1;
      const at = new Date(now.getTime() + error.retryAfterSeconds * 1000);
      await jobs.reschedule(job.id, owner, at, { countAttempt: false, lastError: message });
      return;
    }
    if (isPermanent(error) || job.attempts >= job.maxAttempts) {
      summary.failed += 1;
      logger.error({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts }, "job failed");
      await jobs.fail(job.id, owner, now, message);
      return;
    }
    summary.retried += 1;
    const at = new Date(now.getTime() + retryDelayMs(job.attempts, backoff));
    logger.warn({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, retryAt: at }, "job will retry");
    await jobs.reschedule(job.id, owner, at, { countAttempt: true, lastError: message });
  }

  return {
    runDueJobsOnce,
    stop() {
      stopping = true;
    },
  };
}

export class UnknownJobKindError extends Error {
  readonly retryable = false;

  constructor(kind: string) {
    super(`no handler for job kind "${kind}"`);
    this.name = "UnknownJobKindError";
  }
}
