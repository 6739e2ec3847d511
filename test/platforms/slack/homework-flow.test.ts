// A facilitator and three partners run setup → projects → homework open → homework → status, through the
// local Slack stand-in: signed requests into the bot, real Web API calls out of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, waitFor } from "../../support/slack-seed.ts";

describe.each(backends)("Slack homework flow on %s", (backend) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const ephemeralTo = (responseUrl: string) =>
    slack()
      .state.responseUrlPosts.filter((post) => responseUrl.endsWith(`/response/${post.id}`))
      .map((post) => JSON.stringify(post.body));

  async function command(userId: string, text: string) {
    const sent = await slack().driver.slashCommand({ command: "/cluster", text, userId, channelId: "C0GENERAL01" });
    expect(sent.status).toBe(200);
    await waitFor(() => slack().state.calls.length > 0);
    return sent;
  }

  async function submitTopView(userId: string, inputs: Record<string, unknown>) {
    const view = slack().state.topView(userId);
    if (!view) throw new Error(`no view open for ${userId}`);
    return slack().driver.viewSubmission({ userId, viewId: view.id, inputs: inputs as never });
  }

  it("lets a facilitator set up the workshop, with errors next to the fields", async () => {
    await command(users.facilitator, "setup");
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "workshop.setup");
    const deadline = Math.floor(Date.now() / 1000) + 14 * 86_400;

    const bad = await submitTopView(users.facilitator, {
      name: "Industry 4.0 workshop",
      timezone: "Europe/Brussels",
      homeworkDeadline: deadline,
      maxResultsPerProject: "12",
      reminderCadence: "7, soon",
      coFacilitators: [],
    });
    expect(bad.responseAction).toMatchObject({
      action: "errors",
      errors: {
        maxResultsPerProject: "Please enter a whole number from 1 to 10.",
        reminderCadence: "Please give whole numbers of days separated by commas, e.g. 7, 3, 1, 0.",
      },
    });

    const good = await submitTopView(users.facilitator, {
      name: "Industry 4.0 workshop",
      timezone: "Europe/Brussels",
      homeworkDeadline: deadline,
      maxResultsPerProject: "2",
      reminderCadence: "7, 3, 1, 0",
      coFacilitators: [],
    });
    expect(good.responseAction?.action).toBe("close");
  });

  it("adds projects; a duplicate acronym is refused next to the field; an outsider is refused", async () => {
    const addProject = async (inputs: Record<string, unknown>) => {
      await command(users.facilitator, "project add");
      await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "project.add");
      return submitTopView(users.facilitator, inputs);
    };
    const alpha = await addProject({
      acronym: "ALPHA",
      title: "Smart factory sensors",
      partners: "Uni Alpha\nAlpha Sensors SME",
      members: [users.ana, users.ben],
    });
    expect(alpha.responseAction?.action).toBe("close");
    await addProject({ acronym: "BETA", title: "Digital twins", partners: "Beta Lab", members: [users.cleo] });
    const twin = await addProject({ acronym: "alpha", title: "Another", partners: "", members: [] });
    expect(twin.responseAction).toMatchObject({
      action: "errors",
      errors: { acronym: "ALPHA is already a project in this workshop." },
    });

    const outsider = await slack().driver.slashCommand({
      command: "/cluster",
      text: "project add",
      userId: users.outsider,
      channelId: "C0GENERAL01",
    });
    await waitFor(() => ephemeralTo(outsider.responseUrl).length > 0);
    expect(ephemeralTo(outsider.responseUrl).join()).toContain("Only the facilitators of");
    expect(slack().state.topView(users.outsider)).toBeUndefined();
  });

  it("opens homework: every member gets one DM with a Start homework button, even when opened twice", async () => {
    const first = await command(users.facilitator, "homework open");
    await waitFor(() => ephemeralTo(first.responseUrl).length > 0);
    expect(ephemeralTo(first.responseUrl).join()).toContain("Invited 3 new members (3 in all)");
    const again = await command(users.facilitator, "homework open");
    await waitFor(() => ephemeralTo(again.responseUrl).length > 0);
    expect(ephemeralTo(again.responseUrl).join()).toContain("Invited 0 new members (3 in all)");

    for (const member of [users.ana, users.ben, users.cleo]) {
      const dms = slack().state.messagesIn(slack().state.imWith(member).id);
      expect(dms).toHaveLength(1);
      expect(JSON.stringify(dms[0]?.blocks)).toContain("homework.start");
    }
    expect(slack().state.messagesIn(slack().state.imWith(users.outsider).id)).toHaveLength(0);
  });

  async function startHomework(userId: string) {
    const dm = slack().state.messagesIn(slack().state.imWith(userId).id)[0]!;
    const button = findButton(dm.blocks, /^homework\.start/);
    await slack().driver.blockActions({
      userId,
      actions: [{ actionId: button.action_id, value: button.value }],
      message: { channelId: slack().state.imWith(userId).id, ts: dm.ts },
    });
    await waitFor(() => slack().state.topView(userId)?.callback_id === "homework.overview");
    return slack().state.topView(userId)!;
  }

  async function clickInView(userId: string, actionId: string, value: string) {
    const view = slack().state.topView(userId)!;
    await slack().driver.blockActions({ userId, actions: [{ actionId, value }], viewId: view.id });
  }

  it("takes a partner through results, characterisation and interests, keeping drafts and escaping text", async () => {
    const overview = await startHomework(users.ana);
    const projectId = findButton(overview.blocks, /^homework\.results$/).value;

    await clickInView(users.ana, "homework.results", projectId);
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.results");
    const duplicate = await submitTopView(users.ana, { result_1: "Sensor kit", result_2: "sensor kit" });
    expect(duplicate.responseAction).toMatchObject({
      action: "errors",
      errors: { result_2: "This is the same title as result 1; each result needs its own." },
    });
    const saved = await submitTopView(users.ana, {
      result_1: "<!channel> Sensor kit & co",
      result_2: "Edge analytics",
    });
    expect(saved.responseAction?.action).toBe("close");
    await waitFor(() => JSON.stringify(slack().state.topView(users.ana)?.blocks).includes("Edge analytics"));
    const refreshed = JSON.stringify(slack().state.topView(users.ana)!.blocks);
    expect(refreshed).toContain("&lt;!channel&gt; Sensor kit &amp; co");
    expect(refreshed).not.toContain("<!channel>");

    const resultId = findButton(slack().state.topView(users.ana)!.blocks, /^homework\.characterise$/).value;
    await clickInView(users.ana, "homework.characterise", resultId);
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.characterise");
    // Two clear actions: Submit (the fields it needs are required, the others optional) and Save draft.
    const form = slack().state.topView(users.ana)!;
    expect(form.submit?.text).toBe("Submit");
    expect(form.close?.text).toBe("Save draft");
    const optional = (blockId: string) =>
      (form.blocks as { block_id?: string; optional?: boolean }[]).find((block) => block.block_id === blockId)
        ?.optional;
    expect(optional("description")).toBe(false);
    expect(optional("owners")).toBe(false);
    expect(optional("keywords")).toBe(true);
    expect(JSON.stringify(form.blocks)).toContain("Technology readiness level");
    expect(JSON.stringify(form.blocks)).toContain("describe this exploitable result");
    const incomplete = await submitTopView(users.ana, {
      description: "A plug-and-play kit of vibration sensors",
      type: "product",
      trlNow: "6",
      trlExpected: "4",
    });
    // Every problem in one round, each next to its field, and a summary on top that a draft keeps what was typed.
    expect(incomplete.responseAction).toMatchObject({
      action: "errors",
      errors: {
        trlExpected: "The expected TRL cannot be below today's (TRL 6).",
        owners: "To submit, please add its owners.",
        iprWithin: "To submit, please add its IPR situation.",
        needs: "To submit, please add what is needed to exploit it.",
      },
    });
    const errors = (incomplete.responseAction as { errors: Record<string, string> }).errors;
    expect(errors.description).toMatch(/^Not submitted yet: 5 fields are still needed \(Owner partners, IPR within/);
    expect(errors.description).toContain("save it as a draft");
    const closed = await slack().driver.viewClosed({
      userId: users.ana,
      viewId: form.id,
      inputs: { description: "A plug-and-play kit of vibration sensors", type: "product", trlNow: "6" },
    });
    expect(closed.delivered).toBe(true);
    await waitFor(() => JSON.stringify(slack().state.topView(users.ana)?.blocks).includes("Draft: 3 of 8"));

    await clickInView(users.ana, "homework.characterise", resultId);
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.characterise");
    const prefilled = JSON.stringify(slack().state.topView(users.ana)!.blocks);
    expect(prefilled).toContain("A plug-and-play kit of vibration sensors");
    const complete = await submitTopView(users.ana, {
      description: "A plug-and-play kit of vibration sensors",
      type: "product",
      keywords: "vibration, condition monitoring",
      trlNow: "6",
      trlExpected: "8",
      owners: ["Alpha Sensors SME"],
      iprWithin: "Foreground of Alpha Sensors SME",
      iprOutside: "No third-party rights",
      targetMarket: "Machine builders",
      needs: "A pilot line to validate on",
    });
    expect(complete.responseAction?.action).toBe("close");

    const cleoOverview = await startHomework(users.cleo);
    const betaId = findButton(cleoOverview.blocks, /^homework\.interest$/).value;
    await clickInView(users.cleo, "homework.interest", betaId);
    await waitFor(() => slack().state.topView(users.cleo)?.callback_id === "homework.interest");
    const interest = await submitTopView(users.cleo, {
      resultId,
      level: "high",
      kind: "validate",
      note: "On our twin",
    });
    expect(interest.responseAction?.action).toBe("close");
    await waitFor(() => JSON.stringify(slack().state.topView(users.cleo)?.blocks).includes("High, Validate / test it"));
  });

  it("refuses a partner who is not a member of the project", async () => {
    const alphaId = JSON.stringify(slack().state.messagesIn(slack().state.imWith(users.ana).id)[0]?.blocks).match(
      /"value":"([0-9a-f-]{36})"/,
    )?.[1];
    const before = slack().state.calls.filter((call) => call.method === "views.open").length;
    await slack().driver.blockActions({
      userId: users.cleo,
      actions: [{ actionId: "homework.start#0", blockId: cleoButtonBlock(), value: alphaId! }],
      message: {
        channelId: slack().state.imWith(users.cleo).id,
        ts: slack().state.messagesIn(slack().state.imWith(users.cleo).id)[0]!.ts,
      },
    });
    await waitFor(() => slack().state.ephemerals.some((post) => post.text?.includes("Only the members of ALPHA")));
    expect(slack().state.calls.filter((call) => call.method === "views.open").length).toBe(before);
  });

  function cleoButtonBlock(): string {
    const dm = slack().state.messagesIn(slack().state.imWith(users.cleo).id)[0]!;
    const actions = (dm.blocks as { type: string; block_id: string }[]).find((block) => block.type === "actions");
    return actions!.block_id;
  }

  it("lets a facilitator edit a project, pre-filled, and remove one", async () => {
    await command(users.facilitator, "project edit beta");
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "project.edit");
    const form = JSON.stringify(slack().state.topView(users.facilitator)!.blocks);
    expect(form).toContain('"initial_value":"Digital twins"');
    expect(form).toContain(users.cleo);
    const edited = await submitTopView(users.facilitator, {
      acronym: "BETA",
      title: "Digital twins of production lines",
      partners: "Beta Lab",
      members: [users.cleo, users.ben],
    });
    expect(edited.responseAction?.action).toBe("close");
    const workspace = await harness.deps.repos.workspaces.ensure("slack", "T0TEAM00001");
    const workshop = (await harness.deps.repos.workshops.current(workspace.id))!;
    const beta = (await harness.deps.repos.projects.findByAcronym(workshop.id, "BETA"))!;
    expect(beta.title).toBe("Digital twins of production lines");
    expect(beta.memberIds).toHaveLength(2);

    await command(users.facilitator, "project add");
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "project.add");
    await submitTopView(users.facilitator, { acronym: "GAMMA", title: "Gamma", members: [] });
    const removed = await command(users.facilitator, "project remove gamma");
    await waitFor(() => ephemeralTo(removed.responseUrl).length > 0);
    expect(ephemeralTo(removed.responseUrl).join()).toContain("Removed GAMMA and its homework.");
    expect(await harness.deps.repos.projects.findByAcronym(workshop.id, "GAMMA")).toBeNull();
  });

  it("gives facilitators a status per project", async () => {
    const sent = await command(users.facilitator, "status");
    await waitFor(() => ephemeralTo(sent.responseUrl).length > 0);
    const status = ephemeralTo(sent.responseUrl).join();
    expect(status).toContain("0 of 2 projects done");
    expect(status).toContain("*ALPHA*: 1 of 2 submitted · 0 interests");
    expect(status).toContain("*BETA*: no results listed · 1 interest");

    const denied = await command(users.ana, "status");
    await waitFor(() => ephemeralTo(denied.responseUrl).length > 0);
    expect(ephemeralTo(denied.responseUrl).join()).toContain("Only the facilitators");
  });
});
