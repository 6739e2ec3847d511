// The job runner and the scheduler on the store, with handlers of our own kinds: claiming, leases, retries, ticks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimitedError } from "../../src/app/ports/errors.ts";
import { done, type JobHandlers, later, PermanentJobError } from "../../src/scheduler/job-handler.ts";
import { createJobRunner } from "../../src/scheduler/runner.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { createRepositories, type Repositories } from "../../src/store/repositories/index.ts";
import { type ManualClock, manualClock, silentLogger } from "../reminders/seed.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";
import { patientMs, waitFor } from "../support/wait.ts";

const start = "2026-03-13T08:00:00Z";

describe.each(backends)("job runner on %s", (backend) => {
  let test: TestDatabase;
  let repos: Repositories;
  let clock: ManualClock;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    repos = createRepositories(test.database.prisma);
  });
  afterAll(() => test.drop());
  beforeEach(async () => {
    await test.database.prisma.scheduledJob.deleteMany({});
    clock = manualClock(start);
  });

  const schedule = (kind: string, count: number, extra: { maxAttempts?: number } = {}) =>
    repos.jobs.schedule(
      Array.from({ length: count }, (_, index) => ({
        kind,
        dedupeKey: `${kind}:${index}`,
        dueAt: new Date(start),
        payload: { index },
        ...extra,
      })),
    );

  function runner(owner: string, handlers: JobHandlers, options: { leaseMs?: number; concurrency?: number } = {}) {
    return createJobRunner({
      jobs: repos.jobs,
      handlers,
      clock,
      logger: silentLogger,
      owner,
      backoff: { firstDelayMs: 1000, factor: 2, maxDelayMs: 10_000 },
      ...options,
    });
  }

  it("runs each due job exactly once when two runners share the store", async () => {
    await schedule("count", 200);
    await repos.jobs.schedule([{ kind: "count", dedupeKey: "count:0", dueAt: new Date(start) }]); // a duplicate key
    const seen: string[] = [];
    const handlers: JobHandlers = {
      count: async (job) => {
        seen.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return done("counted");
      },
    };
    const [first, second] = await Promise.all([
      runner("a", handlers, { concurrency: 4 }).runDueJobsOnce(),
      runner("b", handlers, { concurrency: 4 }).runDueJobsOnce(),
    ]);
    expect(first.done + second.done).toBe(200);
    expect(new Set(seen).size).toBe(200);
    expect(seen).toHaveLength(200);
    expect(await repos.jobs.countByStatus()).toMatchObject({ done: 200, pending: 0 });
  });

  it("leaves jobs that are not due yet", async () => {
    await repos.jobs.schedule([{ kind: "count", dedupeKey: "future", dueAt: new Date("2026-03-13T08:00:01Z") }]);
    const summary = await runner("a", { count: async () => done("counted") }).runDueJobsOnce();
    expect(summary.claimed).toBe(0);
  });

  it("takes over a job whose claimant died once its lease has expired", async () => {
    await schedule("count", 1);
    const [claimed] = await repos.jobs.claimDue({ owner: "dead", now: clock.now(), leaseMs: 30_000, limit: 10 });
    expect(claimed).toMatchObject({ claimedBy: "dead", attempts: 1 });
    const attempts: number[] = [];
    const survivor = runner("alive", {
      count: async (job) => {
        attempts.push(job.attempts);
        return done("counted");
      },
    });
    expect((await survivor.runDueJobsOnce()).claimed).toBe(0); // still leased
    clock.advance(30_001);
    expect((await survivor.runDueJobsOnce()).done).toBe(1);
    expect(attempts).toEqual([2]);
    // The dead claimant cannot record anything any more.
    expect(await repos.jobs.complete(claimed?.id ?? "", "dead", clock.now(), "sent")).toBe(false);
  });

  it("retries failures with backoff, fails after the last attempt, and fails at once when retrying cannot help", async () => {
    await schedule("flaky", 1, { maxAttempts: 3 });
    await schedule("broken", 1);
    await schedule("unknown-kind", 1);
    const handlers: JobHandlers = {
      flaky: async () => {
        throw new Error("platform hiccup");
      },
      broken: async () => {
        throw new PermanentJobError("no chat account");
      },
    };
    const run = runner("a", handlers);
    expect(await run.runDueJobsOnce()).toMatchObject({ claimed: 3, retried: 1, failed: 2 });
    const [flaky] = await repos.jobs.list({ kind: "flaky" });
    expect(flaky).toMatchObject({ attempts: 1, status: "pending", lastError: "platform hiccup" });
    expect(flaky?.dueAt.toISOString()).toBe("2026-03-13T08:00:01.000Z"); // first backoff step: 1 s
    clock.advance(1000);
    await run.runDueJobsOnce();
    expect((await repos.jobs.list({ kind: "flaky" }))[0]?.dueAt.toISOString()).toBe("2026-03-13T08:00:03.000Z");
    clock.advance(2000);
    await run.runDueJobsOnce();
    expect((await repos.jobs.list({ kind: "flaky" }))[0]).toMatchObject({ status: "failed", attempts: 3 });
    expect((await repos.jobs.list({ kind: "unknown-kind" }))[0]?.lastError).toBe(
      'no handler for job kind "unknown-kind"',
    );
  });

  it("reschedules rate-limited and held jobs without spending attempts", async () => {
    await schedule("limited", 1, { maxAttempts: 1 });
    await schedule("held", 1, { maxAttempts: 1 });
    const run = runner("a", {
      limited: async () => {
        throw new RateLimitedError(30);
      },
      held: async () => later(new Date("2026-03-16T08:00:00Z"), "weekend"),
    });
    expect(await run.runDueJobsOnce()).toMatchObject({ rateLimited: 1, later: 1, failed: 0 });
    const [limited] = await repos.jobs.list({ kind: "limited" });
    const [held] = await repos.jobs.list({ kind: "held" });
    expect(limited).toMatchObject({ status: "pending", attempts: 0, dueAt: new Date("2026-03-13T08:00:30Z") });
    expect(held).toMatchObject({ status: "pending", attempts: 0, dueAt: new Date("2026-03-16T08:00:00Z") });
  });

  it("ticks with node-cron and stops cleanly", async () => {
    await schedule("count", 3);
    let handled = 0;
    const scheduler = startScheduler({
      jobs: repos.jobs,
      handlers: {
        count: async () => {
          handled++;
          return done("counted");
        },
      },
      clock,
      logger: silentLogger,
      tickSeconds: 1,
    });
    try {
      await waitFor(() => handled === 3, patientMs, "three ticks");
    } finally {
      await scheduler.stop();
    }
    expect(handled).toBe(3);
    expect(await repos.jobs.countByStatus()).toMatchObject({ done: 3 });
  });
});
