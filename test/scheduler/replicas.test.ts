// Several scheduler processes on one PostgreSQL: 1 000 due reminders reach the Slack stand-in exactly once, and a
// replica killed with SIGKILL in the middle of its fan-out loses nothing and duplicates nothing once restarted.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planHomeworkReminders } from "../../src/app/reminders/plan.ts";
import { createRepositories, type Repositories } from "../../src/store/repositories/index.ts";
import {
  botUserId,
  manualClock,
  reminderDependencies,
  type SeededWorkshop,
  seedWorkshop,
  standInLink,
  taggedDirectMessages,
  teamId,
} from "../reminders/seed.ts";
import { createSlackStandIn, type SlackStandIn } from "../standins/slack/index.ts";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../support/database.ts";
import { patientMs, waitFor } from "../support/wait.ts";

const workerPath = new URL("../support/scheduler-worker.ts", import.meta.url).pathname;
// Deadline Friday 2026-03-20 23:59 Brussels; "deadline morning" 09:00 CET = 08:00 UTC.
const deadline = "2026-03-20T22:59:00Z";
const deadlineMorning = "2026-03-20T08:00:05Z";

interface Worker {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// Hundreds of reminders through two processes, the stand-in and PostgreSQL: minutes on a loaded 2-core machine.
const bulkMs = 3 * patientMs;

describe.skipIf(!postgresUrl)("scheduler replicas on one PostgreSQL", () => {
  let test: TestDatabase;
  let repos: Repositories;
  let slack: SlackStandIn;

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    repos = createRepositories(test.database.prisma);
    slack = await createSlackStandIn({ signingSecret: "s", botUserId, teamId });
  });
  afterAll(async () => {
    await slack.close();
    await test.drop();
  });

  function startWorker(owner: string, extra: Record<string, string> = {}): Worker {
    const child = spawn(process.execPath, [workerPath], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: test.url,
        SLACK_API_URL: slack.url,
        SLACK_TOKEN: slack.botToken,
        CLOCK_START: deadlineMorning,
        OWNER: owner,
        LEASE_MS: "3000",
        ...extra,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, output: () => output, exited };
  }

  async function workshopWithDueReminders(people: number): Promise<SeededWorkshop> {
    const clock = manualClock("2026-03-19T10:00:00Z");
    const seeded = await seedWorkshop(test.database.prisma, repos, slack, {
      deadline,
      cadence: [0],
      facilitator: { name: "Fran", tz: "Europe/Brussels" },
      people: Array.from({ length: people }, (_, index) => ({ name: `Partner ${index}`, tz: "Europe/Brussels" })),
      projects: Array.from({ length: people / 10 }, (_, index) => ({
        acronym: `P${index}`,
        members: Array.from({ length: 10 }, (_, member) => index * 10 + member),
      })),
    });
    const plan = await planHomeworkReminders(reminderDependencies(repos, clock, standInLink(slack)), seeded.workshopId);
    expect(plan.reminders.created).toBe(people);
    return seeded;
  }

  const pendingDue = () =>
    test.database.prisma.scheduledJob.count({
      where: { status: "pending", dueAt: { lte: new Date(deadlineMorning) } },
    });

  /** Every partner and the facilitator have exactly one message, each tagged with a different job. */
  function expectExactlyOnce(seeded: SeededWorkshop): void {
    const perUser = [...seeded.userIds, seeded.facilitatorUserId].map((userId) => taggedDirectMessages(slack, userId));
    const counts = perUser.map((messages) => messages.length);
    expect(counts.filter((count) => count === 0)).toHaveLength(0);
    expect(counts.filter((count) => count > 1)).toHaveLength(0);
    const keys = perUser.flat().map((message) => message.key);
    expect(new Set(keys).size).toBe(keys.length);
  }

  it("two processes deliver 1 000 due reminders, each exactly once", async () => {
    // Leases as long as in production's spirit (60 s there): with 3 s ones, a replica starved for 3 s on a loaded
    // machine loses a job it is still sending and the other sends it too (seen at load average 14: 2 of 1 000).
    const lease = { LEASE_MS: "30000" };
    const workers = [startWorker("replica-a", lease), startWorker("replica-b", lease)];
    let seeded: SeededWorkshop;
    try {
      // Both replicas poll before anything is due: on a loaded machine one may start seconds after the other and
      // would otherwise find the work done.
      for (const worker of workers) await waitFor(() => /ready/.test(worker.output()), patientMs, "a replica to start");
      seeded = await workshopWithDueReminders(1000);
      await waitFor(async () => (await pendingDue()) === 0, bulkMs, "all reminders to be sent");
    } finally {
      for (const worker of workers) worker.child.kill("SIGTERM");
      await Promise.all(workers.map((worker) => worker.exited));
    }
    expectExactlyOnce(seeded);
    const byOwner = await test.database.prisma.scheduledJob.groupBy({
      by: ["claimedBy"],
      where: { workshopId: seeded.workshopId, status: "done" },
      _count: { _all: true },
    });
    // Both replicas took part.
    expect(
      byOwner
        .filter((group) => (group._count._all ?? 0) > 50)
        .map((group) => group.claimedBy)
        .sort(),
    ).toEqual(["replica-a", "replica-b"]);
  }, 300_000);

  it("a replica killed with SIGKILL mid fan-out, then restarted: nothing lost, nothing twice", async () => {
    await test.database.prisma.scheduledJob.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } });
    const seeded = await workshopWithDueReminders(300);
    const doomed = startWorker("replica-doomed", { CRASH_AFTER_SENDS: "120" });
    const death = await doomed.exited;
    expect(death.signal).toBe("SIGKILL");
    expect(await pendingDue()).toBeGreaterThan(0);
    // One message reached Slack but its job was never marked done: a naive restart would send it again.
    const claimedByTheDead = await test.database.prisma.scheduledJob.count({
      where: { workshopId: seeded.workshopId, status: "pending", claimedBy: "replica-doomed" },
    });
    expect(claimedByTheDead).toBeGreaterThan(0);

    const restarted = startWorker("replica-restarted");
    try {
      await waitFor(async () => (await pendingDue()) === 0, bulkMs, "the restarted replica to finish");
    } finally {
      restarted.child.kill("SIGTERM");
      await restarted.exited;
    }
    expectExactlyOnce(seeded);
    const recovered = await test.database.prisma.scheduledJob.count({
      where: { workshopId: seeded.workshopId, outcome: "sent: found in the conversation after a retry" },
    });
    expect(recovered).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
