// Socket Mode (SLACK_APP_TOKEN): the real Bolt SocketModeReceiver connects to the stand-in's socket through the Web
// API URL it is given, and commands and form submissions arrive as envelopes it must acknowledge by envelope_id,
// with the answer (field errors, a closed form) as the ack's payload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, waitFor } from "../../support/slack-seed.ts";

describe("Slack over Socket Mode", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness("pglite", undefined, { socketMode: true });
  });
  afterAll(() => harness.close());
  const slack = () => harness.slack;

  it("connects with the app-level token through the configured Web API URL and is greeted", () => {
    const opened = slack().state.callsTo("apps.connections.open");
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.at(-1)?.response).toMatchObject({ ok: true });
    expect(slack().socketMode.connected).toBe(true);
  });

  it("runs a command and a form submission over the socket: field errors come back in the ack, then the form closes", async () => {
    const sent = await slack().driver.slashCommand({
      command: "/cluster",
      text: "setup",
      userId: users.facilitator,
      channelId: "C0GENERAL01",
    });
    expect(sent.status).toBe(200);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "workshop.setup");
    const command = slack().socketMode.envelopes.find((envelope) => envelope.type === "slash_commands");
    expect(command?.payload).toMatchObject({ command: "/cluster", text: "setup", user_id: users.facilitator });

    const deadline = Math.floor(Date.now() / 1000) + 14 * 86_400;
    const inputs = {
      name: "Socket workshop",
      timezone: "Europe/Brussels",
      homeworkDeadline: deadline,
      maxResultsPerProject: "12",
      reminderCadence: "7, 3, 1, 0",
      coFacilitators: [],
    };
    const form = slack().state.topView(users.facilitator)!;
    const bad = await slack().driver.viewSubmission({ userId: users.facilitator, viewId: form.id, inputs });
    expect(bad.responseAction).toMatchObject({
      action: "errors",
      errors: { maxResultsPerProject: "Please enter a whole number from 1 to 10." },
    });
    const good = await slack().driver.viewSubmission({
      userId: users.facilitator,
      viewId: form.id,
      inputs: { ...inputs, maxResultsPerProject: "2" },
    });
    expect(good.responseAction?.action).toBe("close");
    const workspace = await harness.deps.repos.workspaces.ensure("slack", slack().state.identity.teamId);
    const workshop = await harness.deps.repos.workshops.current(workspace.id);
    expect(workshop?.name).toBe("Socket workshop");

    // Every envelope got exactly one ack carrying its own envelope_id, and nothing else came up the socket.
    const { envelopes, acks, problems } = slack().socketMode;
    expect(acks.map((ack) => ack.envelope_id).sort()).toEqual(envelopes.map((envelope) => envelope.envelope_id).sort());
    expect(problems).toEqual([]);
  });

  it("keeps a partner's results step acknowledged over the socket before saving it", async () => {
    // The workshop set up above, in its homework phase, with one project of Ana's.
    const { repos } = harness.deps;
    const workspace = await repos.workspaces.ensure("slack", slack().state.identity.teamId);
    const workshop = (await repos.workshops.current(workspace.id))!;
    await repos.workshops.setPhase(workshop.id, "homework");
    const ana = await repos.people.ensure(workspace.id, users.ana, { displayName: "ana" });
    const project = await repos.projects.create(workshop.id, {
      acronym: "SOCK",
      title: "Socket project",
      partners: ["Socket University"],
      memberIds: [ana.id],
    });
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", blockId: "dm", value: project.id }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.overview");
    const button = findButton(slack().state.topView(users.ana)!.blocks, /^homework\.results$/);
    await slack().driver.blockActions({
      userId: users.ana,
      viewId: slack().state.topView(users.ana)!.id,
      actions: [{ actionId: button.action_id, value: button.value }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.results");

    const answer = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: slack().state.topView(users.ana)!.id,
      inputs: { result_1: "Socket sensor", result_2: "Edge relay" },
    });
    expect(answer.responseAction?.action).toBe("close");
    await harness.core.settled();
    const titles = (await harness.deps.repos.results.listForProject(project.id)).map((result) => result.title);
    expect(titles).toEqual(["Socket sensor", "Edge relay"]);
  });
});
