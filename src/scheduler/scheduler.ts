// The scheduler every replica runs: a node-cron tick that runs due jobs; a tick while a run is going joins it, so
// one process never runs two at once.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import cron from "node-cron";
import { createJobRunner, type JobRunnerOptions, type RunSummary } from "./runner.ts";

export interface SchedulerOptions extends Omit<JobRunnerOptions, "owner"> {
  /** Seconds between ticks (a divisor of 60); default 5. */
  tickSeconds?: number;
  /** Defaults to host:pid:random. */
  owner?: string;
}

export interface Scheduler {
  readonly owner: string;
  /** One run now, outside the tick (tests, `/cluster remind`). */
  runDueJobsOnce(): Promise<RunSummary>;
  /** Stops ticking and waits for the current run to finish its claimed jobs. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const tickSeconds = options.tickSeconds ?? 5;
  if (!Number.isInteger(tickSeconds) || tickSeconds < 1 || 60 % tickSeconds !== 0) {
    throw new RangeError(`tickSeconds must divide 60, got ${tickSeconds}`);
  }
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const runner = createJobRunner({ ...options, owner });
  let current: Promise<RunSummary> | undefined;

  function run(): Promise<RunSummary> {
    current ??= runner.runDueJobsOnce().finally(() => {
      current = undefined;
    });
    return current;
  }

  const task = cron.schedule(
    `*/${tickSeconds} * * * * *`,
    async () => {
      try {
        const summary = await run();
        if (summary.claimed > 0) options.logger.info({ owner, ...summary }, "scheduled jobs run");
      } catch (error) {
        options.logger.error({ err: error, owner }, "scheduler tick failed");
      }
    },
    // No `noOverlap`: a tick during a long run joins that run (see `run`) instead of logging a warning.
    { name: `clusterbot-scheduler-${owner}` },
  );

  return {
    owner,
    runDueJobsOnce: run,
    async stop() {
      runner.stop();
      await task.destroy();
      await current?.catch(() => undefined);
    },
  };
}
