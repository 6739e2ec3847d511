// Reminders through the whole bot: opening homework plans them, the scheduler sends them as Slack DMs whose
// buttons work, a facilitator can nudge now, and closing the workshop cancels the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner, type JobRunner } from "../../../src/scheduler/runner.ts";
import { type SlackHarness, startSlackHarness, teamId, users } from "../../support/slack-bot.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { answerTo, clickInMessage, cluster, submitModal, submitTopView } from "../../support/slack-ui.ts";

describe("reminders through the Slack bot", () => {
  let harness: SlackHarness;
  let runner: JobRunner;
  // Monday 2 March 2026, 10:00 UTC; the deadline is Friday 13 March 17:00 Brussels time.
  let now = Date.parse("2026-03-02T10:00:00Z");
  const deadline = Date.parse("2026-03-13T16:00:00Z");
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    harness = await startSlackHarness("pglite", clock);
    runner = createJobRunner({
      jobs: harness.deps.repos.jobs,
      handlers: reminderJobHandlers(harness.deps),
      clock,
      logger: createLogger("silent", false),
      owner: "test-runner",
    });
    const { slack } = harness;
    await submitModal(slack, users.facilitator, "setup", "workshop.setup", {
      name: "Reminders",
      timezone: "Europe/Brussels",
      maxResultsPerProject: "2",
      homeworkDeadline: deadline / 1000,
      reminderCadence: "7, 1",
    });
    for (const [acronym, member] of [
      ["ALPHA", users.ana],
      ["BETA", users.cleo],
    ] as const) {
      await submitModal(slack, users.facilitator, "project add", "project.add", {
        acronym,
        title: acronym,
        members: [member],
      });
    }
    await cluster(slack, users.facilitator, "homework open");
    await waitFor(() => dms(users.cleo).length === 1);
  });

  afterAll(() => harness.close());

  const dms = (userId: string) => harness.slack.state.messagesIn(harness.slack.state.imWith(userId).id);

  it("plans reminders when homework opens and sends the 7-day one on the morning it is due", async () => {
    const planned = await harness.deps.repos.jobs.list({ kind: "homework.reminder", status: "pending" });
    expect(planned.map((job) => job.dueAt.toISOString()).sort()).toEqual([
      "2026-03-06T08:00:00.000Z",
      "2026-03-06T08:00:00.000Z",
      "2026-03-12T08:00:00.000Z",
      "2026-03-12T08:00:00.000Z",
    ]);
    now = Date.parse("2026-03-06T08:30:00Z"); // Friday 6 March, 09:30 in Brussels
    await runner.runDueJobsOnce();
    const reminder = dms(users.ana).at(-1)!;
    expect(dms(users.ana)).toHaveLength(2);
    expect(reminder.text).toContain("Homework for Reminders: due");
    expect(JSON.stringify(reminder.blocks)).toContain("Not started · Next: List your project's exploitable results");
    expect(JSON.stringify(reminder.blocks)).not.toContain("0 of 2 projects are done");
  });

  it("opens the homework from the reminder's Continue button and snoozes from its Snooze button", async () => {
    const { state } = harness.slack;
    const reminder = dms(users.ana).at(-1)!;
    await clickInMessage(harness.slack, users.ana, reminder.ts, 0);
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.overview");
    expect(JSON.stringify(state.topView(users.ana)!.blocks)).toContain("ALPHA");

    await clickInMessage(harness.slack, users.ana, reminder.ts, 1);
    await waitFor(() => state.ephemerals.some((post) => post.text?.startsWith("Snoozed: no reminder before") ?? false));
  });

  it("lets a facilitator nudge now, once an hour per person, but not a partner", async () => {
    const { slack } = harness;
    const before = dms(users.cleo).length;
    expect(await answerTo(slack, await cluster(slack, users.facilitator, "remind beta"))).toContain(
      "Reminding now: Cleo Partner.",
    );
    await runner.runDueJobsOnce();
    expect(dms(users.cleo)).toHaveLength(before + 1);
    expect(JSON.stringify(dms(users.cleo).at(-1)!.blocks)).toContain("A facilitator asked me to remind you.");

    const again = await answerTo(slack, await cluster(slack, users.facilitator, "remind beta"));
    expect(again).toContain("Already reminded in the last hour: Cleo Partner.");
    expect(await answerTo(slack, await cluster(slack, users.ana, "remind"))).toContain("Only the facilitators");
  });

  it("plans a new co-facilitator's digests, and keeps them a facilitator when they save the setup", async () => {
    const { slack } = harness;
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    const ben = await harness.deps.repos.people.ensure(workspace.id, users.ben);
    const digestsFor = async (personId: string) =>
      (await harness.deps.repos.jobs.list({ kind: "homework.digest", status: "pending" })).filter(
        (job) => job.target === personId,
      );
    expect(await digestsFor(ben.id)).toHaveLength(0);
    const setup = (coFacilitators: string[]) => ({
      name: "Reminders",
      timezone: "Europe/Brussels",
      maxResultsPerProject: "2",
      homeworkDeadline: deadline / 1000,
      reminderCadence: "7, 1",
      coFacilitators,
    });

    const added = await submitModal(slack, users.facilitator, "setup", "workshop.setup", setup([users.ben]));
    expect(added.responseAction?.action).toBe("close");
    expect((await digestsFor(ben.id)).length).toBeGreaterThan(0);

    // Ben's form lists the other facilitators, not himself: saving it must not remove him.
    await cluster(slack, users.ben, "setup");
    await waitFor(() => slack.state.topView(users.ben)?.callback_id === "workshop.setup");
    const form = JSON.stringify(slack.state.topView(users.ben)!.blocks);
    expect(form).toContain(users.facilitator);
    expect(form).not.toContain(users.ben);
    const saved = await submitTopView(slack, users.ben, setup([users.facilitator]));
    expect(saved.responseAction?.action).toBe("close");
    expect(await answerTo(slack, await cluster(slack, users.ben, "status"))).not.toContain("Only the facilitators");
    expect((await digestsFor(ben.id)).length).toBeGreaterThan(0);
  });

  it("cancels every pending reminder when the workshop closes", async () => {
    const closed = await answerTo(harness.slack, await cluster(harness.slack, users.facilitator, "close"));
    expect(closed).toMatch(/Closed \\"Reminders\\"\. [1-9]\d* pending reminders? cancelled/);
    const counts = [dms(users.ana).length, dms(users.cleo).length];
    now = Date.parse("2026-03-13T09:00:00Z");
    await runner.runDueJobsOnce();
    expect([dms(users.ana).length, dms(users.cleo).length]).toEqual(counts);
  });
});
