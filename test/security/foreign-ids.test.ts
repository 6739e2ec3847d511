// Ids that come back from a form's hidden context or a button's value are checked against the caller's workshop and
// workspace: a forged id of another workspace's workshop, project or result changes nothing there and is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../src/core/model/domain.ts";
import { backends } from "../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../support/slack-seed.ts";
import { cluster, submitTopView } from "../support/slack-ui.ts";

describe.each(backends)("forged ids from another workspace, through Slack on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  let foreign: { workshopId: string; project: Project; resultId: string };

  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor"] }]);
    const { repos } = harness.deps;
    const workspace = await repos.workspaces.ensure("slack", "T0OTHERTEAM");
    // The same Slack user ids exist in the other workspace too (Enterprise Grid shares them).
    const owner = await repos.people.ensure(workspace.id, users.facilitator);
    const member = await repos.people.ensure(workspace.id, users.ana);
    const workshop = await repos.workshops.create(workspace.id, { name: "Theirs" }, owner.id);
    await repos.workshops.setPhase(workshop.id, "homework");
    const project = await repos.projects.create(workshop.id, {
      acronym: "SECRET",
      title: "Their project",
      partners: ["Their University"],
      memberIds: [member.id],
    });
    await repos.results.replaceList(project.id, [{ title: "Their result" }]);
    const [result] = await repos.results.listForProject(project.id);
    foreign = { workshopId: workshop.id, project, resultId: result!.id };
  });
  afterAll(() => harness.close());

  const lastAnswer = () => harness.slack.state.ephemerals.at(-1)?.text ?? "";

  it("does not save a project form whose hidden project id is another workspace's", async () => {
    await cluster(harness.slack, users.facilitator, "project add");
    await waitFor(() => harness.slack.state.topView(users.facilitator)?.callback_id === "project.add");
    harness.slack.state.topView(users.facilitator)!.private_metadata = JSON.stringify({ project: foreign.project.id });
    const answer = await submitTopView(harness.slack, users.facilitator, {
      acronym: "PWNED",
      title: "Overwritten from elsewhere",
      partners: "Nobody",
      members: [users.facilitator],
    });
    expect(answer.responseAction?.action).toBe("errors");
    expect(JSON.stringify(answer.responseAction)).toContain("no longer in this workshop");
    const after = await harness.deps.repos.projects.find(foreign.project.id);
    expect(after).toMatchObject({ acronym: "SECRET", title: "Their project" });
    expect((await harness.deps.repos.projects.list(seeded.workshop.id)).map((p) => p.acronym)).toEqual(["ALPHA"]);
  });

  it("opens nothing of another workspace from a forged button value", async () => {
    const { state, driver } = harness.slack;
    const opened = () => state.calls.filter((call) => call.method === "views.open").length;
    const before = opened();
    const press = async (actionId: string, value: string) => {
      const posts = state.ephemerals.length;
      await driver.blockActions({
        userId: users.ana,
        actions: [{ actionId, blockId: "forged", value }],
        message: { channelId: state.imWith(users.ana).id, ts: await aMessageTs() },
      });
      await waitFor(() => state.ephemerals.length > posts || opened() > before);
    };
    await press("homework.start", foreign.project.id);
    expect(lastAnswer()).toContain("no longer in this workshop");
    await press("homework.characterise", foreign.resultId);
    expect(lastAnswer()).toContain("no longer in this workshop");
    await press("reminder.snooze", foreign.workshopId);
    expect(lastAnswer()).toContain("no longer here");
    await press("homework.continue", foreign.workshopId);
    expect(lastAnswer()).toContain("no longer here");
    expect(opened()).toBe(before);
    expect(await harness.deps.repos.jobs.snoozedUntil(foreign.workshopId, seeded.personIds.ana)).toBeNull();
  });

  async function aMessageTs(): Promise<string> {
    const channel = harness.slack.state.imWith(users.ana).id;
    const existing = harness.slack.state.messagesIn(channel)[0];
    if (existing) return existing.ts;
    return (await harness.slack.driver.userMessage({ userId: users.ana, text: "hello" })).ts;
  }
});
