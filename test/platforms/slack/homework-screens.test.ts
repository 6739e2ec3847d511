// The homework's screens as people use them in Slack: the facilitator's home (the workshop's state and their next
// action), a refusal answered inside the modal it came from, the interest step (grouped by project, changed from a
// pre-filled form, the full title and description of the result changed), and a results list that asks before a
// cleared title deletes a characterisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness, teamId, users } from "../../support/slack-bot.ts";
import { findButton, waitFor } from "../../support/slack-seed.ts";
import { cluster, submitModal, submitTopView } from "../../support/slack-ui.ts";
import { emptyCharacterisation } from "../../support/workshop-homework.ts";

const longTitle = "Digital twin of the whole press line, with predictive maintenance of every spindle and bearing";

describe("homework screens in Slack", () => {
  let harness: SlackHarness;
  const now = Date.parse("2026-03-02T10:00:00Z");
  const deadline = Date.parse("2026-03-13T16:00:00Z");

  beforeAll(async () => {
    harness = await startSlackHarness("pglite", { now: () => new Date(now) });
    await submitModal(harness.slack, users.facilitator, "setup", "workshop.setup", {
      name: "Smart Factories",
      timezone: "Europe/Brussels",
      maxResultsPerProject: "3",
      homeworkDeadline: deadline / 1000,
      reminderCadence: "7, 1",
    });
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const top = (userId: string) => slack().state.topView(userId)!;
  const shown = (userId: string) => JSON.stringify(top(userId).blocks);

  async function openHome(userId: string) {
    const published = slack().state.callsTo("views.publish").length;
    await slack().driver.appHomeOpened({ userId });
    await waitFor(() => slack().state.callsTo("views.publish").length > published);
    return slack().state.homeView(userId)!;
  }

  async function click(userId: string, viewId: string, button: { action_id: string; value: string }) {
    await slack().driver.blockActions({
      userId,
      viewId,
      actions: [{ actionId: button.action_id, value: button.value }],
    });
  }

  async function project(acronym: string) {
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    const workshop = (await harness.deps.repos.workshops.current(workspace.id))!;
    return (await harness.deps.repos.projects.findByAcronym(workshop.id, acronym))!;
  }

  it("gives the facilitator a home with the workshop's state and the next action highlighted", async () => {
    let home = await openHome(users.facilitator);
    let text = JSON.stringify(home.blocks);
    expect(text).toContain("You facilitate this workshop");
    expect(text).toContain("Being set up: homework is not open yet");
    expect(text).toContain(`<!date^${deadline / 1000}^`);
    expect(text).toContain("11 days left");
    expect(text).toContain("Add the workshop's projects and their members.");
    const add = drawnButton(home.blocks, "home.project.add");
    expect(add.style).toBe("primary");

    // Its button opens the same form as /cluster project add.
    await click(users.facilitator, home.id, add);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "project.add");
    await submitTopView(slack(), users.facilitator, { acronym: "ALPHA", title: "Sensors", members: [users.ana] });
    await submitModal(slack(), users.facilitator, "project add", "project.add", {
      acronym: "BETA",
      title: "Twins",
      members: [users.cleo],
    });
    await waitFor(() => slack().state.ephemerals.some((post) => post.text.startsWith("Added BETA")));

    home = await openHome(users.facilitator);
    text = JSON.stringify(home.blocks);
    expect(text).toContain("2 projects: their members are invited when you open the homework.");
    const open = drawnButton(home.blocks, "home.homework.open");
    expect(open.style).toBe("primary");
    expect(JSON.stringify(open.confirm)).toContain("Invite every member of the 2 projects");
    expect(text).not.toMatch(/\bphase\b|undefined/);
  });

  it("answers a refusal raised from inside a modal in that modal, not by a DM behind it", async () => {
    await cluster(slack(), users.facilitator, "homework open");
    await waitFor(() => slack().state.messagesIn(slack().state.imWith(users.ana).id).length > 0);
    const home = await openHome(users.ana);
    await click(users.ana, home.id, findButton(home.blocks, /^homework\.start$/));
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.overview");
    const pushed = slack().state.callsTo("views.push").length;
    await click(users.ana, top(users.ana).id, findButton(top(users.ana).blocks, /^homework\.interest$/));
    await waitFor(() => slack().state.callsTo("views.push").length > pushed);
    expect(shown(users.ana)).toContain("No other project has listed results yet");
    const elsewhere = [
      ...slack().state.ephemerals.filter((post) => post.user === users.ana),
      ...slack().state.messagesIn(slack().state.imWith(users.ana).id),
    ];
    expect(JSON.stringify(elsewhere)).not.toContain("No other project has listed results yet");
    await slack().driver.viewClosed({ userId: users.ana, viewId: top(users.ana).id });
  });

  it("groups results by project, opens a changed interest pre-filled with the full title and description", async () => {
    const beta = await project("BETA");
    const [twin, kit] = await harness.deps.repos.results.replaceList(beta.id, [
      { title: longTitle },
      { title: "Sensor kit" },
    ]);
    await harness.deps.repos.results.characterise(
      twin!.id,
      { ...emptyCharacterisation, description: "A simulation of the press line fed by live sensor data." },
      "draft",
    );
    await click(users.ana, top(users.ana).id, findButton(top(users.ana).blocks, /^homework\.interest$/));
    await waitFor(() => top(users.ana).callback_id === "homework.interest");
    const menu = JSON.stringify(top(users.ana).blocks);
    expect(menu).toContain('"option_groups":[{"label":{"type":"plain_text","text":"BETA"');
    expect(menu).not.toContain("BETA: Sensor kit");
    await submitTopView(slack(), users.ana, { resultId: twin!.id, level: "medium", kind: "use" });
    await waitFor(() => top(users.ana).callback_id === "homework.overview" && shown(users.ana).includes("Medium"));

    await click(users.ana, top(users.ana).id, findButton(top(users.ana).blocks, /^homework\.interest\.change/));
    await waitFor(() => top(users.ana).callback_id === "homework.interest");
    const form = shown(users.ana);
    expect(form).toContain(longTitle); // in full, though the menu cuts it at 75 characters
    expect(form).toContain("A simulation of the press line fed by live sensor data.");
    expect(form).toContain(`"initial_option":{"text":{"type":"plain_text","text":"Medium"`);
    expect(form).toContain(`"value":"${twin!.id}"}`);

    // Moved to another result, the interest changes rather than doubling.
    await submitTopView(slack(), users.ana, { resultId: kit!.id, level: "high", kind: "use" });
    await waitFor(() => top(users.ana).callback_id === "homework.overview" && shown(users.ana).includes("High"));
    const interests = await harness.deps.repos.interests.listForProject((await project("ALPHA")).id);
    expect(interests.map((interest) => interest.resultId)).toEqual([kit!.id]);
  });

  it("asks before a cleared title deletes a characterisation, and keeps the result until confirmed", async () => {
    const alpha = await project("ALPHA");
    const [, kit] = await harness.deps.repos.results.replaceList(alpha.id, [
      { title: "Twin" },
      { title: "Sensor kit" },
    ]);
    await harness.deps.repos.results.characterise(
      kit!.id,
      { ...emptyCharacterisation, description: "A kit", type: "product", trlNow: 5 },
      "draft",
    );
    await click(users.ana, top(users.ana).id, findButton(top(users.ana).blocks, /^homework\.results$/));
    await waitFor(() => top(users.ana).callback_id === "homework.results");
    const refused = await submitTopView(slack(), users.ana, { result_1: "Twin", result_2: "" });
    expect(refused.responseAction?.action).toBe("update");
    const asked = shown(users.ana);
    expect(asked).toContain("deletes “Sensor kit” and its characterisation (Draft: 3 of 8)");
    expect(asked).toContain("confirmRemoval");
    const titles = async () => (await harness.deps.repos.results.listForProject(alpha.id)).map((r) => r.title);
    expect(await titles()).toEqual(["Twin", "Sensor kit"]);

    const confirmed = await submitTopView(slack(), users.ana, {
      result_1: "Twin",
      result_2: "",
      confirmRemoval: [kit!.id],
    });
    expect(confirmed.responseAction?.action).toBe("close");
    await harness.core.settled();
    expect(await titles()).toEqual(["Twin"]);
  });
});

/** A button as Slack draws it (style, confirmation), found by its action id. */
function drawnButton(blocks: unknown[], actionId: string) {
  const button = (blocks as { elements?: Record<string, unknown>[] }[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId}`);
  return button as { action_id: string; value: string; style?: string; confirm?: unknown };
}
