// Reminders through the whole bot: opening homework plans them, the scheduler sends them as Slack DMs whose
// buttons work, a facilitator can nudge now, and closing the workshop cancels the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import type { JobRunner } from "../../../src/scheduler/runner.ts";
import { harnessJobRunner, type SlackHarness, startSlackHarness, teamId, users } from "../../support/slack-bot.ts";
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
    runner = harnessJobRunner(harness, reminderJobHandlers(harness.deps), clock);
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

  const workshopId = async () => {
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    return (await harness.deps.repos.workshops.current(workspace.id))!.id;
  };
  const personId = async (userId: string) => {
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    return (await harness.deps.repos.people.ensure(workspace.id, userId)).id;
  };

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

  it("opens the homework from the reminder's Continue button; its Snooze button rewrites the reminder", async () => {
    const { state } = harness.slack;
    const reminder = dms(users.ana).at(-1)!;
    await clickInMessage(harness.slack, users.ana, reminder.ts, 0);
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.overview");
    expect(JSON.stringify(state.topView(users.ana)!.blocks)).toContain("ALPHA");

    await clickInMessage(harness.slack, users.ana, reminder.ts, 1);
    // The reminder itself now says it is snoozed, until when, and still leads to the homework.
    const snoozedAt = Date.parse("2026-03-07T08:30:00Z") / 1000;
    await waitFor(() => JSON.stringify(state.message(reminder.channel, reminder.ts)?.blocks).includes("Snoozed until"));
    const updated = state.message(reminder.channel, reminder.ts)!;
    expect(updated.text).toContain(`Snoozed until <!date^${snoozedAt}^`);
    expect(JSON.stringify(updated.blocks)).toContain("Continue homework");
    expect(JSON.stringify(updated.blocks)).not.toContain("Snooze a day");
    expect(dms(users.ana).filter((message) => message.ts === reminder.ts)).toHaveLength(1);
  });

  it("lets a facilitator nudge now, once an hour per person, but not a partner", async () => {
    const { slack } = harness;
    now = Date.parse("2026-03-06T09:00:00Z"); // Friday 6 March, 10:00 in Madrid: Ana may be reminded now
    await harness.deps.repos.jobs.snooze(await workshopId(), await personId(users.ana), new Date(now));
    const before = dms(users.ana).length;
    expect(await answerTo(slack, await cluster(slack, users.facilitator, "remind alpha"))).toContain(
      // Ana had the 7-day reminder half an hour ago: one reminder per person per half day.
      "Nobody can be reminded right now.",
    );
    await runner.runDueJobsOnce();
    expect(dms(users.ana)).toHaveLength(before);
    const again = await answerTo(slack, await cluster(slack, users.facilitator, "remind alpha"));
    expect(again).toContain("Already reminded in the last hour: Ana Partner.");
    expect(await answerTo(slack, await cluster(slack, users.ana, "remind"))).toContain("Only the facilitators");
  });

  it("holds a nudge to someone reminded in the last 12 hours, says until when, and sends it then", async () => {
    const { slack } = harness;
    // Cleo (Tokyo) had the 7-day reminder at 08:30 UTC, 17:30 in Tokyo; 12 hours later it is 05:30 on Saturday
    // there, so the nudge waits for Monday 09:00 in Tokyo (00:00 UTC).
    now = Date.parse("2026-03-06T10:30:00Z");
    const before = dms(users.cleo).length;
    const answer = await answerTo(slack, await cluster(slack, users.facilitator, "remind beta"));
    expect(answer).toContain("Nobody can be reminded right now.");
    expect(answer).toMatch(
      /Cleo Partner\*?:? ?.*reminded in the last 12 hours \(one reminder per half day\): gets it <!date\^1773014400\^/,
    );
    await runner.runDueJobsOnce();
    now = Date.parse("2026-03-08T23:59:00Z");
    await runner.runDueJobsOnce();
    expect(dms(users.cleo)).toHaveLength(before);
    now = Date.parse("2026-03-09T00:01:00Z");
    await runner.runDueJobsOnce();
    expect(dms(users.cleo)).toHaveLength(before + 1);
    expect(JSON.stringify(dms(users.cleo).at(-1)!.blocks)).toContain("A facilitator asked me to remind you.");
  });

  it("sends one reminder, not two, when a planned reminder and a nudge are due in the same minute", async () => {
    const { slack } = harness;
    now = Date.parse("2026-03-12T08:00:00Z"); // the 1-day reminders are due; 09:00 in Madrid
    const before = dms(users.ana).length;
    expect(await answerTo(slack, await cluster(slack, users.facilitator, "remind alpha"))).toContain(
      "Reminding now: Ana Partner.",
    );
    await runner.runDueJobsOnce();
    expect(dms(users.ana)).toHaveLength(before + 1);
    const ana = await personId(users.ana);
    const jobs = (await harness.deps.repos.jobs.list({ workshopId: await workshopId() })).filter(
      (job) => job.target === ana && job.doneAt && job.doneAt.getTime() === now,
    );
    expect(jobs.map((job) => job.outcome).sort()).toEqual([
      "sent",
      "skipped: another reminder reached them in the last 12 hours",
    ]);
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
