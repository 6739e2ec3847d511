// What a job handler returns to the runner, and the errors that tell the runner not to retry.
import type { JobRecord } from "../store/repositories/jobs.ts";

export type JobResult =
  /** Finished: `outcome` says what happened ("sent", "skipped: homework done"). */
  | { kind: "done"; outcome: string }
  /** Not now (quiet hours, snooze, do-not-disturb): run again at `at`; not counted as a failed attempt. */
  | { kind: "later"; at: Date; reason: string };

export type JobHandler = (job: JobRecord) => Promise<JobResult>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export function done(outcome: string): JobResult {
  return { kind: "done", outcome };
}

export function later(at: Date, reason: string): JobResult {
  return { kind: "later", at, reason };
}

/** A failure that another attempt cannot fix (no chat account, unknown job kind): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** True for PermanentJobError and for errors that say so themselves (`retryable: false`, e.g. a platform's). */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentJobError) return true;
  return typeof error === "object" && error !== null && "retryable" in error && error.retryable === false;
}
