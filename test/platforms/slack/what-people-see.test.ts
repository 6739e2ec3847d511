// What partners and facilitators read, through the Slack stand-in: one progress model ("Not started", "Draft: 3 of
// 8", "1 of 3 submitted · 1 interest"), deadlines in the reader's own time with the days left, and a status and a
// nudge that say plainly who has done what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import type { JobRunner } from "../../../src/scheduler/runner.ts";
import { harnessJobRunner, type SlackHarness, startSlackHarness, teamId, users } from "../../support/slack-bot.ts";
import { findButton, waitFor } from "../../support/slack-seed.ts";
import { answerTo, clickInMessage, cluster, submitModal } from "../../support/slack-ui.ts";
import { internalValues, visibleTexts } from "../../support/visible-text.ts";
import { emptyCharacterisation } from "../../support/workshop-homework.ts";

describe("what people see in Slack", () => {
  let harness: SlackHarness;
  let runner: JobRunner;
  // Monday 2 March 2026, 10:00 UTC: working hours in Brussels and Madrid, 02:00 in Los Angeles.
  let now = Date.parse("2026-03-02T10:00:00Z");
  const deadline = Date.parse("2026-03-13T16:00:00Z"); // Friday 13 March, 17:00 in Brussels, 09:00 in Los Angeles
  const clock = { now: () => new Date(now) };
  let setupForm = "";
  let benAtOpening = -1;
  let benBeforeMorning = -1;

  beforeAll(async () => {
    harness = await startSlackHarness("pglite", clock);
    runner = harnessJobRunner(harness, reminderJobHandlers(harness.deps), clock);
    const { slack } = harness;
    await cluster(slack, users.facilitator, "setup");
    await waitFor(() => slack.state.topView(users.facilitator)?.callback_id === "workshop.setup");
    setupForm = JSON.stringify(slack.state.topView(users.facilitator)!.blocks);
    await slack.driver.viewClosed({ userId: users.facilitator, viewId: slack.state.topView(users.facilitator)!.id });
    await submitModal(slack, users.facilitator, "setup", "workshop.setup", {
      name: "Smart Factories",
      timezone: "Europe/Brussels",
      maxResultsPerProject: "3",
      homeworkDeadline: deadline / 1000,
      reminderCadence: "7, 1",
    });
    await submitModal(slack, users.facilitator, "project add", "project.add", {
      acronym: "ALPHA",
      title: "Sensors",
      members: [users.ana, users.ben],
    });
    await submitModal(slack, users.facilitator, "project add", "project.add", {
      acronym: "BETA",
      title: "Twins",
      members: [users.cleo],
    });
    await cluster(slack, users.facilitator, "homework open");
    await waitFor(() => dms(users.cleo).length === 1 && dms(users.ana).length === 1);
    // 02:00 in Los Angeles: Ben's invitation waits for his morning, like a reminder would.
    benAtOpening = dms(users.ben).length;
    now = Date.parse("2026-03-02T16:59:00Z");
    await runner.runDueJobsOnce();
    benBeforeMorning = dms(users.ben).length;
    now = Date.parse("2026-03-02T17:00:00Z"); // 09:00 in Los Angeles, 18:00 in Brussels
    await runner.runDueJobsOnce();
    await waitFor(() => dms(users.ben).length === 1);
  });

  afterAll(() => harness.close());

  const dms = (userId: string) => harness.slack.state.messagesIn(harness.slack.state.imWith(userId).id);
  const visible = (message: { blocks?: unknown }) => JSON.stringify(message.blocks ?? []);

  async function alpha() {
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    const workshop = (await harness.deps.repos.workshops.current(workspace.id))!;
    return (await harness.deps.repos.projects.findByAcronym(workshop.id, "ALPHA"))!;
  }

  const ephemeralsTo = (userId: string) => harness.slack.state.ephemerals.filter((post) => post.user === userId);

  it("offers the facilitator's own time zone in a new workshop's setup", () => {
    expect(setupForm).toContain('"initial_option":{"text":{"type":"plain_text","text":"Europe/Brussels"');
  });

  it("recaps the settings where the setup command was typed, and confirms each project with when it is invited", () => {
    const said = ephemeralsTo(users.facilitator);
    const setup = said.find((post) => post.text.includes('Workshop "Smart Factories" created.'));
    expect(setup?.channel).toBe("C0GENERAL01");
    const recap = JSON.stringify(setup?.blocks);
    expect(recap).toContain("Europe/Brussels");
    expect(recap).toContain("at most 3");
    expect(recap).toContain("7 days before and 1 day before the deadline");
    expect(recap).toContain(`<!date^${deadline / 1000}^`);
    const alpha = said.find((post) => post.text.startsWith("Added ALPHA"));
    expect(alpha?.channel).toBe("C0GENERAL01");
    expect(alpha?.text).toContain("Added ALPHA (2 members). Its members are invited when you open the homework");
  });

  it("holds an invitation for the person's quiet hours and sends it on their morning", () => {
    expect(benAtOpening).toBe(0);
    expect(benBeforeMorning).toBe(0);
    expect(dms(users.ben)[0]!.ts).toBeDefined();
    const opened = ephemeralsTo(users.facilitator).find((post) => post.text.startsWith("Homework is open"));
    expect(opened?.text).toContain("Invited 3 new members (3 in all). 1 of them is outside working hours");
  });

  it("invites each partner with the deadline in their own time and the days left, in the visible message", () => {
    const invitation = dms(users.ben)[0]!;
    const blocks = visible(invitation);
    // Slack draws <!date^…> in the reader's zone; the fallback is Ben's (Los Angeles), not the workshop's.
    expect(blocks).toContain(`<!date^${deadline / 1000}^`);
    expect(blocks).toContain("Friday, 13 March 2026, 09:00 GMT-7");
    expect(blocks).not.toContain("Brussels");
    expect(blocks).toContain("10 days left"); // sent on Monday 09:00 in Los Angeles
    expect(blocks).toContain("Smart Factories");
  });

  it("shows one progress model on the home tab: Not started, then Draft: n of 8, with the deadline", async () => {
    const { slack } = harness;
    await slack.driver.appHomeOpened({ userId: users.ana });
    await waitFor(() => slack.state.homeView(users.ana) !== undefined);
    let home = JSON.stringify(slack.state.homeView(users.ana)!.blocks);
    expect(home).toContain("Not started");
    expect(home).toContain("List your project's exploitable results");
    expect(home).toContain("10 days left");
    expect(home).toContain(`<!date^${deadline / 1000}^`);

    const project = await alpha();
    const [kit] = await harness.deps.repos.results.replaceList(project.id, [
      { title: "Sensor kit" },
      { title: "Twin" },
    ]);
    await harness.deps.repos.results.characterise(
      kit!.id,
      { ...emptyCharacterisation, description: "A kit", type: "product", trlNow: 5 },
      "draft",
    );
    const views = slack.state.callsTo("views.publish").length;
    await slack.driver.appHomeOpened({ userId: users.ana });
    await waitFor(() => slack.state.callsTo("views.publish").length > views);
    home = JSON.stringify(slack.state.homeView(users.ana)!.blocks);
    expect(home).toContain("0 of 2 submitted · 0 interests");
    expect(home).toContain("Finish and submit “Sensor kit”");
    expect(home).not.toMatch(/lack|no interests given/);
  });

  it("says per result Not started / Draft: 3 of 8 in the homework overview", async () => {
    const { slack } = harness;
    const project = await alpha();
    await slack.driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", value: project.id }],
      viewId: slack.state.homeView(users.ana)!.id,
    });
    await waitFor(() => slack.state.topView(users.ana)?.callback_id === "homework.overview");
    const overview = JSON.stringify(slack.state.topView(users.ana)!.blocks);
    expect(overview).toContain("Draft: 3 of 8");
    expect(overview).toContain("Not started");
    expect(overview).not.toContain("lacks");
  });

  it("gives the facilitator a status in plain words: who has not started, the deadline and days left", async () => {
    const status = await answerTo(harness.slack, await cluster(harness.slack, users.facilitator, "status"));
    expect(status).not.toMatch(/phase: |\bhomework\b(?! is open)/);
    expect(status).toContain("Homework is open");
    expect(status).toContain("0 of 2 projects done · 1 not started");
    expect(status).toContain("0 of 2 submitted · 0 interests");
    expect(status).toContain("Not started yet");
    expect(status).toContain("Cleo Partner");
    expect(status).toContain("10 days left");
    expect(status).toContain(`<!date^${deadline / 1000}^`);
  });

  it("sends reminders whose visible message has the workshop, the deadline and days left, without 0-of-n proof", async () => {
    now = Date.parse("2026-03-06T08:30:00Z"); // Friday 6 March, 09:30 in Brussels and Madrid
    const before = dms(users.ana).length;
    await runner.runDueJobsOnce();
    await waitFor(() => dms(users.ana).length > before);
    const reminder = dms(users.ana).at(-1)!;
    const blocks = visible(reminder);
    expect(blocks).toContain("Homework for Smart Factories");
    expect(blocks).toContain(`<!date^${deadline / 1000}^`);
    expect(blocks).toContain("7 days left");
    expect(blocks).toContain("0 of 2 submitted · 0 interests");
    expect(blocks).not.toContain("projects are done");
  });

  it("says who a nudge reached and who is held until when (snoozed, quiet hours)", async () => {
    const { slack } = harness;
    now = Date.parse("2026-03-09T10:00:00Z"); // Monday: 11:00 Brussels, 03:00 Los Angeles, 19:00 Tokyo
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    const workshop = (await harness.deps.repos.workshops.current(workspace.id))!;
    const cleo = await harness.deps.repos.people.ensure(workspace.id, users.cleo);
    await harness.deps.repos.jobs.snooze(workshop.id, cleo.id, new Date(now + 86_400_000));
    const answer = await answerTo(slack, await cluster(slack, users.facilitator, "remind"));
    expect(answer).toContain("Reminding now: Ana Partner.");
    expect(answer).toMatch(/Ben Partner\*?:? ?.*quiet hours: gets it <!date\^/);
    expect(answer).toMatch(/Cleo Partner\*?:? ?.*snoozed: gets it <!date\^/);
    expect(answer).not.toContain("Reminding 3 people");
  });

  it("shows each person, in /cluster help, the commands they may use in the order of a workshop", async () => {
    const { slack } = harness;
    const partner = await answerTo(slack, await cluster(slack, users.ana, "help"));
    expect(partner).toContain("Start homework");
    expect(partner).toContain("/cluster away");
    expect(partner).not.toMatch(/\/cluster (setup|project|homework open|status|remind|close)/);
    const facilitator = await answerTo(slack, await cluster(slack, users.facilitator, "help"));
    const order = ["/cluster setup", "/cluster project add", "/cluster homework open", "/cluster status"].map((c) =>
      facilitator.indexOf(c),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("invites the members of a project added while homework is open, and says so", async () => {
    const { slack } = harness;
    await submitModal(slack, users.facilitator, "project add", "project.add", {
      acronym: "GAMMA",
      title: "Robots",
      members: [users.outsider],
    });
    await waitFor(() => dms(users.outsider).length === 1);
    expect(visible(dms(users.outsider)[0]!)).toContain("Start homework: GAMMA");
    await waitFor(() => ephemeralsTo(users.facilitator).some((post) => post.text.startsWith("Added GAMMA")));
    const added = ephemeralsTo(users.facilitator).find((post) => post.text.startsWith("Added GAMMA"))!;
    expect(added.text).toContain("Homework is open: invited 1 new member now.");
  });

  it("walks every surface a partner and a facilitator saw: no internal value, no Block Kit limit broken", async () => {
    const { slack } = harness;
    // Open the remaining partner screens too: the list of results and an interest.
    await clickInMessage(slack, users.ben, dms(users.ben)[0]!.ts);
    await waitFor(() => slack.state.topView(users.ben)?.callback_id === "homework.overview");
    const overview = slack.state.topView(users.ben)!;
    for (const actionId of [/^homework\.results/, /^homework\.characterise/]) {
      const button = findButton(overview.blocks, actionId);
      const opened = slack.state.callsTo("views.push").length;
      await slack.driver.blockActions({
        userId: users.ben,
        actions: [{ actionId: button.action_id, value: button.value }],
        viewId: overview.id,
      });
      await waitFor(() => slack.state.callsTo("views.push").length > opened);
      await slack.driver.viewClosed({ userId: users.ben, viewId: slack.state.topView(users.ben)!.id });
    }
    await slack.driver.appHomeOpened({ userId: users.facilitator });
    await waitFor(() => slack.state.homeView(users.facilitator) !== undefined);

    const surfaceMethods = /^(chat\.(postMessage|postEphemeral|update)|views\.(open|push|update|publish))$/;
    const calls = slack.state.calls.filter((call) => surfaceMethods.test(call.method));
    expect(calls.length).toBeGreaterThan(15);
    const refused = calls.filter((call) => call.response.ok !== true).map((call) => [call.method, call.response]);
    expect(refused).toEqual([]);
    const surfaces = [
      ...calls.map((call) => ({ where: call.method, shown: call.args })),
      ...slack.state.responseUrlPosts.map((post) => ({ where: "response_url", shown: post.body })),
      ...[...slack.state.views.values()].map((view) => ({ where: `view ${view.callback_id}`, shown: view })),
    ];
    const problems = surfaces.flatMap(({ where, shown }) =>
      visibleTexts(shown).flatMap((text) => internalValues(text).map((what) => `${where}: ${what} in "${text}"`)),
    );
    expect(problems).toEqual([]);
    for (const view of slack.state.views.values()) expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
