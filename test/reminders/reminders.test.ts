// Reminders end to end: planned in the store, run by the job runner, delivered through the Slack chat port to the
// Slack stand-in over HTTP, on PGlite and PostgreSQL, with a clock the tests move.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PlatformLink } from "../../src/app/ports/platform.ts";
import { reminderJobHandlers } from "../../src/app/reminders/handlers.ts";
import { reminderKinds } from "../../src/app/reminders/job-kinds.ts";
import { cancelWorkshopReminders, planHomeworkReminders } from "../../src/app/reminders/plan.ts";
import { setAway, snooze } from "../../src/app/reminders/preferences.ts";
import { remindNow } from "../../src/app/reminders/remind-now.ts";
import { failedJobs } from "../../src/app/reminders/status.ts";
import { createJobRunner, type JobRunner } from "../../src/scheduler/runner.ts";
import { createRepositories, type Repositories } from "../../src/store/repositories/index.ts";
import type { JobRecord } from "../../src/store/repositories/jobs.ts";
import { createSlackStandIn, type SlackStandIn } from "../standins/slack/index.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";
import {
  appDependencies,
  botUserId,
  completeHomework,
  type ManualClock,
  manualClock,
  reminderDependencies,
  type SeededWorkshop,
  seedWorkshop,
  silentLogger,
  standInLink,
  taggedDirectMessages,
  teamId,
} from "./seed.ts";

// Deadline Friday 2026-03-20 23:59 Brussels (CET, UTC+1); the 7-day reminder is Friday 13th 09:00 CET = 08:00 UTC.
const deadline = "2026-03-20T22:59:00Z";
const beforePlanning = "2026-03-12T10:00:00Z";
const sevenDaysBefore = "2026-03-13T08:00:00Z";

describe.each(backends)("homework reminders on %s", (backend) => {
  let test: TestDatabase;
  let repos: Repositories;
  let slack: SlackStandIn;
  let clock: ManualClock;
  let runner: JobRunner;
  let seeded: SeededWorkshop;
  let deps: ReturnType<typeof reminderDependencies>;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    repos = createRepositories(test.database.prisma);
    slack = await createSlackStandIn({ signingSecret: "s", botUserId, teamId });
  });
  afterAll(async () => {
    await slack.close();
    await test.drop();
  });

  beforeEach(async () => {
    // Each test has its own workshop; earlier tests' jobs must not run in this one.
    await test.database.prisma.scheduledJob.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } });
    clock = manualClock(beforePlanning);
    deps = reminderDependencies(repos, clock, standInLink(slack));
    runner = createJobRunner({
      jobs: repos.jobs,
      handlers: reminderJobHandlers(deps),
      clock,
      logger: silentLogger,
      owner: "test-runner",
      leaseMs: 10_000,
      backoff: { firstDelayMs: 60_000, factor: 2, maxDelayMs: 600_000 },
    });
    seeded = await seedWorkshop(test.database.prisma, repos, slack, {
      deadline,
      facilitator: { name: "Fran <!channel>", tz: "Europe/Brussels" },
      people: [
        { name: "Paula", tz: "Europe/Paris" }, // 0: UTC+1
        { name: "Kenji", tz: "Asia/Tokyo" }, // 1: UTC+9
        { name: "Lena", tz: "America/Los_Angeles", storeTimezone: false }, // 2: UTC−8 (−7 after 8 March), Slack knows
        { name: "Dana", tz: "Europe/Berlin" }, // 3: in a project whose homework is done
      ],
      projects: [
        { acronym: "PAULA", members: [0] },
        { acronym: "KENJI", members: [1] },
        { acronym: "LENA", members: [2] },
        { acronym: "DONE", members: [3], complete: true },
      ],
    });
  });

  const jobsOf = (kind: string) => repos.jobs.list({ workshopId: seeded.workshopId, kind });
  const reminderTo = async (personIndex: number): Promise<JobRecord[]> =>
    (await jobsOf(reminderKinds.reminder)).filter((job) => job.target === seeded.personIds[personIndex]);
  const dmsTo = (userId: string) => taggedDirectMessages(slack, userId);

  it("plans every member's reminders, the facilitators' digests and the after-deadline list; planning again changes nothing", async () => {
    const plan = await planHomeworkReminders(deps, seeded.workshopId);
    expect(plan.reminders).toEqual({ created: 16, updated: 0, cancelled: 0 });
    expect(plan.digests.created).toBe(6);
    expect(plan.missingReports.created).toBe(1);
    const dueTimes = new Set((await jobsOf(reminderKinds.reminder)).map((job) => job.dueAt.toISOString()));
    expect([...dueTimes]).toEqual([
      "2026-03-13T08:00:00.000Z",
      "2026-03-17T08:00:00.000Z",
      "2026-03-19T08:00:00.000Z",
      "2026-03-20T08:00:00.000Z",
    ]);
    const again = await planHomeworkReminders(deps, seeded.workshopId);
    expect(again.reminders).toEqual({ created: 0, updated: 0, cancelled: 0 });
    expect(again.digests).toEqual({ created: 0, updated: 0, cancelled: 0 });
  });

  it("re-checks at send time: the done get nothing, the rest get what is missing, in working hours only", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    // Kenji finishes between planning and sending.
    await completeHomework(repos, seeded.projectIds.get("KENJI") ?? "", seeded.projectIds);
    clock.set(sevenDaysBefore); // Friday 09:00 Brussels = 09:00 Paris, 17:00 Tokyo, 01:00 Los Angeles
    const summary = await runner.runDueJobsOnce();
    // Four reminders and the facilitator's digest are due at 09:00 Brussels.
    expect(summary).toMatchObject({ claimed: 5, done: 4, later: 1, failed: 0 });

    const paula = dmsTo(seeded.userIds[0] ?? "");
    expect(paula).toHaveLength(1);
    expect(paula[0]?.text).toContain("*PAULA*: Not started · Next: List your project's exploitable results");
    expect(paula[0]?.text).toContain("2 of 4 projects are done");
    expect(dmsTo(seeded.userIds[1] ?? "")).toEqual([]); // finished in time
    expect(dmsTo(seeded.userIds[3] ?? "")).toEqual([]); // done all along
    const message = slack.state.messagesIn(slack.state.imWith(seeded.userIds[0] ?? "").id)[0];
    expect(JSON.stringify(message?.blocks)).toContain('"action_id":"homework.continue');
    expect(JSON.stringify(message?.blocks)).toContain('"action_id":"reminder.snooze');
    expect(JSON.stringify(message?.blocks)).toContain(`"value":"${seeded.workshopId}"`);

    // Lena is asleep in Los Angeles: held until 09:00 PDT (UTC−7 since 8 March) = 16:00 UTC.
    const [lena] = (await reminderTo(2)).filter((job) => job.status === "pending" && job.attempts === 0);
    expect(lena?.dueAt.toISOString()).toBe("2026-03-13T16:00:00.000Z");
    expect(dmsTo(seeded.userIds[2] ?? "")).toEqual([]);
    clock.set("2026-03-13T16:00:00Z");
    await runner.runDueJobsOnce();
    expect(dmsTo(seeded.userIds[2] ?? "")).toHaveLength(1);

    const outcomes = (await jobsOf(reminderKinds.reminder)).filter((job) => job.status === "done");
    expect(outcomes.map((job) => job.outcome).sort()).toEqual([
      "sent",
      "sent",
      "skipped: homework done",
      "skipped: homework done",
    ]);
    // Lena's timezone came from her Slack profile and is now on her person.
    expect((await repos.people.find(seeded.personIds[2] ?? ""))?.timezone).toBe("America/Los_Angeles");
  });

  it("honours snooze, away and Do Not Disturb, and stops after the last reminder", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set("2026-03-12T12:00:00Z");
    const paula = seeded.personIds[0] ?? "";
    const lena = seeded.personIds[2] ?? "";
    await snooze(deps, paula, seeded.workshopId); // until Friday 12:00 UTC
    await setAway(deps, lena, new Date("2026-03-18T12:00:00Z"));
    const kenjiUser = seeded.userIds[1] ?? "";
    const dndEnd = Date.parse("2026-03-13T10:30:00Z") / 1000;
    slack.state.setDnd(kenjiUser, {
      dnd_enabled: true,
      next_dnd_start_ts: Date.parse("2026-03-13T07:00:00Z") / 1000,
      next_dnd_end_ts: dndEnd,
      snooze_enabled: false,
    });
    clock.set(sevenDaysBefore);
    await runner.runDueJobsOnce();
    const pending = async (index: number) =>
      (await reminderTo(index)).find((job) => job.dedupeKey.endsWith("2026-03-13T08:00:00.000Z"));
    expect((await pending(0))?.dueAt.toISOString()).toBe("2026-03-13T12:00:00.000Z"); // snoozed a day
    expect((await pending(1))?.dueAt.toISOString()).toBe("2026-03-13T10:30:00.000Z"); // Slack DND
    // Lena is away until Wednesday 18th 12:00 UTC, 05:00 in Los Angeles: then 09:00 PDT = 16:00 UTC.
    expect((await pending(2))?.dueAt.toISOString()).toBe("2026-03-18T16:00:00.000Z");
    expect(dmsTo(seeded.userIds[0] ?? "")).toEqual([]);
    slack.state.setDnd(kenjiUser, {
      dnd_enabled: false,
      next_dnd_start_ts: 1,
      next_dnd_end_ts: 1,
      snooze_enabled: false,
    });

    // Walk through the whole cadence and past the deadline: each person gets each reminder once at most.
    for (const step of [
      "2026-03-13T12:00:00Z",
      "2026-03-17T08:00:00Z",
      "2026-03-17T16:00:00Z",
      "2026-03-18T16:00:00Z",
      "2026-03-19T08:00:00Z",
      "2026-03-19T16:00:00Z",
      "2026-03-20T08:00:00Z",
      "2026-03-20T16:00:00Z",
      "2026-03-21T09:00:00Z",
      "2026-03-23T09:00:00Z",
    ]) {
      clock.set(step);
      await runner.runDueJobsOnce();
    }
    const paulaMessages = dmsTo(seeded.userIds[0] ?? "");
    expect(paulaMessages).toHaveLength(4);
    expect(paulaMessages.at(-1)?.text).toContain("This is the last reminder.");
    // Lena: Friday's and Tuesday's reminders, both held by "away" until Wednesday 18th 16:00 UTC, reach her once
    // (one reminder per half day, even when two are due in the same run); Thursday's (08:00 UTC, 16 h later) is
    // skipped by the 20 h gap between planned reminders; the deadline day's reaches her on Friday 20th.
    expect(dmsTo(seeded.userIds[2] ?? "")).toHaveLength(2);
    expect(await repos.jobs.list({ workshopId: seeded.workshopId, status: "pending" })).toEqual([]);
    expect(await failedJobs(deps, seeded.workshopId)).toEqual([]);
  });

  it("digests each working morning and lists who is missing after the deadline", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set(sevenDaysBefore);
    await runner.runDueJobsOnce();
    const digests = dmsTo(seeded.facilitatorUserId);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.text).toContain("1 of 4 projects done");
    expect(digests[0]?.text).toMatch(/\*DONE\*: Done ✓ · \d+ of \d+ submitted/);
    expect(digests[0]?.text).toContain("*PAULA*: Not started");

    clock.set("2026-03-23T08:00:00Z"); // the Monday after the deadline (Friday night is quiet time)
    await runner.runDueJobsOnce();
    const all = dmsTo(seeded.facilitatorUserId);
    const missing = all.at(-1)?.text ?? "";
    expect(missing).toContain("The homework deadline for");
    expect(missing).toContain("PAULA (Paula)");
    expect(missing).toContain("LENA (Lena)");
    expect(missing).not.toContain("DONE (");
    // Stale digests held over the weekend are not sent: one per working day at most.
    expect(all.length).toBeLessThanOrEqual(7);
  });

  it("escapes user text: a name like <!channel> stays inert", async () => {
    await repos.workshops.update(seeded.workshopId, { name: "Robots & <!channel> <@U0ALL>" });
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set(sevenDaysBefore);
    await runner.runDueJobsOnce();
    const message = slack.state.messagesIn(slack.state.imWith(seeded.userIds[0] ?? "").id)[0];
    const raw = JSON.stringify(message);
    expect(raw).not.toContain("<!channel>");
    expect(raw).toContain("Robots &amp; &lt;!channel&gt; &lt;@U0ALL&gt;");
  });

  it("re-plans on a deadline change, keeps what was sent, cancels everything on close", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set(sevenDaysBefore);
    await runner.runDueJobsOnce();
    await repos.workshops.update(seeded.workshopId, { homeworkDeadline: new Date("2026-03-27T22:59:00Z") });
    const replanned = await planHomeworkReminders(deps, seeded.workshopId);
    expect(replanned.reminders.cancelled).toBeGreaterThan(0);
    const sent = (await jobsOf(reminderKinds.reminder)).filter((job) => job.outcome === "sent");
    expect(sent.length).toBeGreaterThan(0); // untouched
    const pendingTimes = new Set(
      (await jobsOf(reminderKinds.reminder))
        .filter((job) => job.status === "pending")
        .map((job) => job.dueAt.toISOString()),
    );
    expect([...pendingTimes].sort()).toContain("2026-03-27T08:00:00.000Z");
    expect([...pendingTimes]).not.toContain("2026-03-19T08:00:00.000Z"); // 1 day before the old deadline

    await repos.workshops.update(seeded.workshopId, { reminderCadenceDays: [2] });
    await planHomeworkReminders(deps, seeded.workshopId);
    const afterCadence = new Set(
      (await jobsOf(reminderKinds.reminder))
        .filter((job) => job.status === "pending")
        .map((job) => job.dueAt.toISOString()),
    );
    expect([...afterCadence]).toEqual(["2026-03-25T08:00:00.000Z"]);

    expect(await cancelWorkshopReminders(deps, seeded.workshopId)).toBeGreaterThan(0);
    expect(await repos.jobs.list({ workshopId: seeded.workshopId, status: "pending" })).toEqual([]);
  });

  it("never sends twice: a retry finds the first send in the DM by its tag", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set(sevenDaysBefore);
    const [job] = await reminderTo(0);
    if (!job) throw new Error("no job");
    // The first attempt sent, then died before recording it (its claim counted one attempt).
    const link = standInLink(slack);
    const dying: PlatformLink = {
      ...link,
      messenger: {
        ...link.messenger,
        async sendDirect(user, message, key) {
          await link.messenger.sendDirect(user, message, key);
          throw new Error("the process died right after Slack accepted the message");
        },
      },
    };
    const firstAttempt = appDependencies(repos, clock, dying).notify;
    // A scheduled job sends through `send` (the job table is its outbox).
    await expect(
      firstAttempt.send({
        to: { workspaceId: seeded.workspaceId, personId: seeded.personIds[0] ?? "" },
        key: job.id,
        message: { summary: "first" },
      }),
    ).rejects.toThrow("died");
    await test.database.prisma.scheduledJob.update({ where: { id: job.id }, data: { attempts: 1 } });
    await runner.runDueJobsOnce();
    expect(dmsTo(seeded.userIds[0] ?? "").map((message) => message.key)).toEqual([job.id]);
    expect((await repos.jobs.find(job.id))?.outcome).toBe("sent: found in the conversation after a retry");
    expect(slack.state.callsTo("conversations.history").length).toBeGreaterThan(0);
  });

  it("waits out a 429 without counting an attempt, and fails at once when Slack says it cannot deliver", async () => {
    await planHomeworkReminders(deps, seeded.workshopId);
    clock.set(sevenDaysBefore);
    slack.rateLimiter.failNext("chat.postMessage", 1, 7);
    const summary = await runner.runDueJobsOnce();
    expect(summary.rateLimited).toBe(1);
    const pending = await repos.jobs.list({ workshopId: seeded.workshopId, status: "pending" });
    const limited = pending.find((job) => job.lastError?.includes("rate limited"));
    expect(limited).toMatchObject({ attempts: 0, dueAt: new Date("2026-03-13T08:00:07Z") });

    // The rate-limited person's Slack account is deleted meanwhile: channel_not_found cannot be retried away.
    const userIndex = seeded.personIds.indexOf(limited?.target ?? "");
    slack.state.users.delete(userIndex < 0 ? seeded.facilitatorUserId : (seeded.userIds[userIndex] ?? ""));
    clock.advance(10_000);
    await runner.runDueJobsOnce();
    const failed = await failedJobs(deps, seeded.workshopId);
    expect(failed).toEqual([
      {
        jobId: limited?.id,
        description: expect.stringMatching(/^(homework reminder|daily digest) to /),
        dueAt: expect.any(Date),
        attempts: 1,
        lastError: expect.stringMatching(/^Slack [a-z.A-Z]+ failed: (user|channel)_not_found$/),
      },
    ]);
  });

  it("lets a facilitator nudge now, at most once an hour per person", async () => {
    clock.set("2026-03-16T10:00:00Z"); // Monday
    const refused = await remindNow(deps, seeded.workshopId, seeded.personIds[0] ?? "");
    expect(refused).toEqual({ status: "not_facilitator" });
    expect(await remindNow(deps, seeded.workshopId, seeded.facilitatorId, "NOPE")).toEqual({
      status: "unknown_project",
      acronym: "NOPE",
    });
    const first = await remindNow(deps, seeded.workshopId, seeded.facilitatorId, "paula");
    expect(first).toMatchObject({ status: "queued", queued: [{ displayName: "Paula" }], recentlyNudged: [] });
    await runner.runDueJobsOnce();
    expect(dmsTo(seeded.userIds[0] ?? "")[0]?.text).toContain("A facilitator asked me to remind you.");

    clock.advance(30 * 60_000);
    const everyone = await remindNow(deps, seeded.workshopId, seeded.facilitatorId);
    expect(everyone).toMatchObject({
      status: "queued",
      recentlyNudged: [{ displayName: "Paula" }],
      doneProjects: ["DONE"],
    });
    if (everyone.status !== "queued") throw new Error(everyone.status);
    expect(everyone.queued.map((person) => person.displayName).sort()).toEqual(["Kenji", "Lena"]);
    await runner.runDueJobsOnce();
    expect(dmsTo(seeded.userIds[0] ?? "")).toHaveLength(1);
    expect(dmsTo(seeded.userIds[1] ?? "")).toHaveLength(1); // 19:30 in Tokyo: fine
    expect(dmsTo(seeded.userIds[2] ?? "")).toHaveLength(0); // 03:30 in Los Angeles: held

    clock.advance(31 * 60_000);
    const later = await remindNow(deps, seeded.workshopId, seeded.facilitatorId, "PAULA");
    expect(later).toMatchObject({ status: "queued", queued: [{ displayName: "Paula" }] });
  });
});
