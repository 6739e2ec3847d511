// Drafts survive a closed modal; after the deadline homework is read-only until a facilitator reopens it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allText } from "../../reminders/seed.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { answerTo, clickInMessage, cluster, submitModal } from "../../support/slack-ui.ts";

describe("homework drafts and the deadline", () => {
  let harness: SlackHarness;
  let now = new Date("2026-03-02T10:00:00Z").getTime();
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    harness = await startSlackHarness("pglite", clock);
    const { slack } = harness;
    const deadline = now / 1000 + 86_400;
    await submitModal(slack, users.facilitator, "setup", "workshop.setup", {
      name: "Deadlines",
      timezone: "UTC",
      maxResultsPerProject: "1",
      homeworkDeadline: deadline,
    });
    const project = { acronym: "ALPHA", title: "Alpha", partners: "Uni A", members: [users.ana] };
    await submitModal(slack, users.facilitator, "project add", "project.add", project);
    await cluster(slack, users.facilitator, "homework open");
    await waitFor(() => slack.state.messagesIn(slack.state.imWith(users.ana).id).length === 1);
  });
  afterAll(() => harness.close());

  async function openOverview() {
    const { state } = harness.slack;
    const opened = state.calls.filter((call) => call.method === "views.open").length;
    const invitation = state.messagesIn(state.imWith(users.ana).id)[0]!;
    const button = await clickInMessage(harness.slack, users.ana, invitation.ts);
    await waitFor(() => state.calls.filter((call) => call.method === "views.open").length > opened);
    return { projectId: button.value, view: state.topView(users.ana)! };
  }

  async function openResultsStep(projectId: string) {
    const { driver, state } = harness.slack;
    await driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.results", value: projectId }],
      viewId: state.topView(users.ana)!.id,
    });
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.results");
  }

  it("keeps what a partner typed when they close the characterisation without saving", async () => {
    const { driver, state } = harness.slack;
    const { projectId } = await openOverview();
    await openResultsStep(projectId);
    await driver.viewSubmission({
      userId: users.ana,
      viewId: state.topView(users.ana)!.id,
      inputs: { result_1: "Sensor kit" },
    });
    await waitFor(() => JSON.stringify(state.topView(users.ana)?.blocks).includes("Sensor kit"));

    const [result] = await harness.deps.repos.results.listForProject(projectId);
    await driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.characterise", value: result!.id }],
      viewId: state.topView(users.ana)!.id,
    });
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.characterise");
    const form = state.topView(users.ana)!;
    // Slack tells the bot of a closed modal only if it was opened with notify_on_close.
    expect(form.notify_on_close).toBe(true);
    const closed = await driver.viewClosed({
      userId: users.ana,
      viewId: form.id,
      inputs: { description: "Half-written description", trlNow: "4", trlExpected: "2" },
    });
    expect(closed.delivered).toBe(true);
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.overview");
    await waitFor(
      async () => (await harness.deps.repos.results.find(result!.id))?.description === "Half-written description",
    );
    const saved = await harness.deps.repos.results.find(result!.id);
    expect(saved).toMatchObject({
      status: "draft",
      description: "Half-written description",
      trlNow: 4,
      trlExpected: null,
    });
  });

  it("tells a partner, with what they typed, when an answer sent just before the deadline cannot be saved after it", async () => {
    const { driver, state } = harness.slack;
    const { projectId } = await openOverview();
    await openResultsStep(projectId);
    now += 2 * 86_400_000;
    const sent = await driver.viewSubmission({
      userId: users.ana,
      viewId: state.topView(users.ana)!.id,
      inputs: { result_1: "Late <!here> kit" },
    });
    expect(sent.responseAction?.action).toBe("close");
    await waitFor(() =>
      state.messagesIn(state.imWith(users.ana).id).some((message) => message.text?.includes("could not be saved")),
    );
    const notice = allText(
      state.messagesIn(state.imWith(users.ana).id).find((message) => message.text?.includes("could not be saved"))!,
    );
    expect(notice).toContain("deadline has passed");
    expect(notice).toContain("Late &lt;!here&gt; kit");
    expect((await harness.deps.repos.results.listForProject(projectId)).map((result) => result.title)).toEqual([
      "Sensor kit",
    ]);
  });

  it("makes homework read-only after the deadline, until a facilitator reopens the project", async () => {
    const { driver, state } = harness.slack;
    const { projectId, view } = await openOverview();
    expect(JSON.stringify(view.blocks)).toContain("Read-only: the homework deadline has passed");
    expect(JSON.stringify(view.blocks)).not.toContain("homework.results");

    await driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.results", blockId: "forged", value: projectId }],
      viewId: view.id,
    });
    // Answered inside the modal, on top of the overview, not in a message behind it.
    await waitFor(() => state.topView(users.ana)?.callback_id === "notice");
    expect(JSON.stringify(state.topView(users.ana)?.blocks)).toContain("deadline has passed");
    expect(state.openViews(users.ana).map((open) => open.callback_id)).toEqual(["homework.overview", "notice"]);

    await answerTo(harness.slack, await cluster(harness.slack, users.facilitator, "reopen alpha 2"));
    const { view: reopened } = await openOverview();
    expect(JSON.stringify(reopened.blocks)).toContain("homework.results");
  });
});
