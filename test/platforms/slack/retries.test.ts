// Slack redelivers, people double-click and the Web API rate-limits: none of it shows twice or gets lost.
import { describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { users } from "../../support/slack-bot.ts";
import { seededSlackBot, waitFor } from "../../support/slack-seed.ts";
import { openModal } from "../../support/slack-ui.ts";

describe.each(backends)("Slack retries on %s", (backend) => {
  const bot = seededSlackBot(backend, [{ acronym: "ALPHA", members: ["ana"] }]);

  const slack = () => bot.harness.slack;
  const publishesFor = (userId: string) =>
    slack()
      .state.callsTo("views.publish")
      .filter((call) => call.args.user_id === userId);

  const openProjectForm = () => openModal(slack(), users.facilitator, "project add", "project.add");

  it("publishes the App Home once when Slack redelivers the same app_home_opened event", async () => {
    const event = {
      type: "app_home_opened",
      user: users.ana,
      channel: slack().state.imWith(users.ana).id,
      tab: "home",
    };
    const first = await slack().driver.event({ event, eventId: "Ev0RETRY0001" });
    expect(first.status).toBe(200);
    await waitFor(() => publishesFor(users.ana).length === 1);

    const retried = await slack().driver.event({
      event,
      eventId: "Ev0RETRY0001",
      retryNum: 1,
      retryReason: "http_timeout",
    });
    expect(retried.status).toBe(200);
    // A barrier in the stand-in's record: an event sent after the redelivery has been handled.
    const later = { ...event, user: users.ben, channel: slack().state.imWith(users.ben).id };
    expect((await slack().driver.event({ event: later, eventId: "Ev0RETRY0002" })).status).toBe(200);
    await waitFor(() => publishesFor(users.ben).length === 1);
    expect(publishesFor(users.ana)).toHaveLength(1);
    expect(JSON.stringify(slack().state.homeView(users.ana)?.blocks)).toContain("ALPHA");
  });

  it("stores one project when the same project form is submitted twice at once (a double click)", async () => {
    const view = await openProjectForm();
    const inputs = { acronym: "TWICE", title: "Clicked twice", partners: "Uni Twice", members: [users.ana] };
    const answers = await Promise.all([
      slack().driver.viewSubmission({ userId: users.facilitator, viewId: view.id, inputs }),
      slack().driver.viewSubmission({ userId: users.facilitator, viewId: view.id, inputs }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // Neither click shows an error: the second one finds its project already saved.
    expect(answers.map((answer) => answer.responseAction?.action)).toEqual(["close", "close"]);
    const projects = await bot.harness.deps.repos.projects.list(bot.seeded.workshop.id);
    expect(projects.filter((project) => project.acronym === "TWICE")).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After on views.open and still opens the modal", async () => {
    slack().rateLimiter.failNext("views.open", 1, 1);
    const before = slack().state.callsTo("views.open").length;
    const started = Date.now();
    const view = await openProjectForm();

    const calls = slack().state.callsTo("views.open").slice(before);
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(view.callback_id).toBe("project.add");
  });
});
