// A partner's time zone follows them: it is read again from Slack once it is a day old, so a reminder is held for
// the quiet hours of where they are now, not where they were when the bot first saw them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import { planHomeworkReminders } from "../../../src/app/reminders/plan.ts";
import type { JobRunner } from "../../../src/scheduler/runner.ts";
import { harnessJobRunner, type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

describe("time zones through the Slack bot", () => {
  let harness: SlackHarness;
  let runner: JobRunner;
  let seeded: SeededWorkshop;
  // Monday 2 March 2026; the deadline is Friday 13 March 17:00 Brussels time; reminders 7 and 1 days before.
  let now = Date.parse("2026-03-02T10:00:00Z");
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    harness = await startSlackHarness("pglite", clock);
    runner = harnessJobRunner(harness, reminderJobHandlers(harness.deps), clock);
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }]);
    await harness.deps.repos.workshops.update(seeded.workshop.id, {
      timezone: "Europe/Brussels",
      homeworkDeadline: new Date("2026-03-13T16:00:00Z"),
      reminderCadenceDays: [7, 1],
    });
  });
  afterAll(() => harness.close());

  const anasReminder = async () =>
    (await harness.deps.repos.jobs.list({ kind: "homework.reminder", status: "pending" })).find(
      (job) => job.target === seeded.personIds.ana,
    );

  it("holds the next reminder for the quiet hours of the zone the partner has moved to", async () => {
    const { slack } = harness;
    // Ana opens her homework from Madrid: the bot reads her profile and keeps her zone.
    await slack.driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", blockId: "dm", value: seeded.projects[0]!.id }],
    });
    await waitFor(() => slack.state.topView(users.ana)?.callback_id === "homework.overview");
    expect((await harness.deps.repos.people.find(seeded.personIds.ana))?.timezone).toBe("Europe/Madrid");
    await planHomeworkReminders(harness.deps, seeded.workshop.id);
    expect((await anasReminder())?.dueAt.toISOString()).toBe("2026-03-06T08:00:00.000Z");

    // She flies to Honolulu; Slack now says so. On Friday 6 March, 09:30 in Brussels, it is 23:30 on Thursday there.
    slack.state.setUserTimezone(users.ana, "Pacific/Honolulu");
    const dmsBefore = slack.state.messagesIn(slack.state.imWith(users.ana).id).length;
    now = Date.parse("2026-03-06T08:30:00Z");
    await runner.runDueJobsOnce();

    expect(slack.state.messagesIn(slack.state.imWith(users.ana).id)).toHaveLength(dmsBefore);
    expect((await harness.deps.repos.people.find(seeded.personIds.ana))?.timezone).toBe("Pacific/Honolulu");
    // Held until 09:00 Friday in Honolulu (19:00 UTC), not sent at 09:30 in Madrid.
    expect((await anasReminder())?.dueAt.toISOString()).toBe("2026-03-06T19:00:00.000Z");
  });
});
