import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel, verifySlackRequest } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SlackStandIn } from "./index.ts";
import { ALICE, BOB, SIGNING_SECRET, startStandIn } from "./support.ts";

interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare HTTP endpoint that records what the driver sends and answers 200. */
async function startCapture(): Promise<{ url: string; requests: Captured[]; server: Server }> {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, server };
}

describe("driver signatures", () => {
  let standIn: SlackStandIn;
  let capture: Awaited<ReturnType<typeof startCapture>>;

  beforeAll(async () => {
    standIn = await startStandIn();
    capture = await startCapture();
    standIn.driver.botUrl = capture.url;
  });
  afterAll(async () => {
    await standIn.close();
    await new Promise((resolve) => capture.server.close(resolve));
  });

  const verify = (request: Captured | undefined) =>
    verifySlackRequest({
      signingSecret: SIGNING_SECRET,
      body: request?.body ?? "",
      headers: {
        "x-slack-signature": String(request?.headers["x-slack-signature"]),
        "x-slack-request-timestamp": Number(request?.headers["x-slack-request-timestamp"]),
      },
    });

  it("signs every kind of request so Bolt's own check accepts it", async () => {
    await standIn.driver.slashCommand({ command: "/homework", text: "start", userId: ALICE, channelId: "C0GENERAL01" });
    await standIn.driver.event({ event: { type: "app_mention", user: ALICE, text: "hi", channel: "C0GENERAL01" } });
    await standIn.driver.urlVerification();
    expect(capture.requests).toHaveLength(3);
    for (const request of capture.requests) expect(() => verify(request)).not.toThrow();
    const form = new URLSearchParams(capture.requests[0]?.body);
    expect(form.get("command")).toBe("/homework");
    expect(standIn.state.triggers.has(form.get("trigger_id") ?? "")).toBe(true);
    expect(form.get("response_url")).toMatch(new RegExp(`^${standIn.rootUrl}response/`));
    expect(JSON.parse(capture.requests[1]?.body ?? "")).toMatchObject({
      type: "event_callback",
      team_id: "T0TEAM00001",
    });
  });

  it("can send stale, forged and retried requests", async () => {
    capture.requests.length = 0;
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
    await standIn.driver.event({ event: { type: "app_mention" }, timestamp: sixMinutesAgo });
    await standIn.driver.event({ event: { type: "app_mention" }, signature: "v0=deadbeef" });
    await standIn.driver.event({ event: { type: "app_mention" }, retryNum: 1, retryReason: "http_timeout" });
    expect(() => verify(capture.requests[0])).toThrow(/stale/);
    expect(() => verify(capture.requests[1])).toThrow(/signature mismatch/);
    expect(capture.requests[2]?.headers).toMatchObject({
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
  });
});

const skillOptions = ["ts", "sql", "ux"].map((v) => ({ text: { type: "plain_text" as const, text: v }, value: v }));

const homeworkModal = {
  type: "modal" as const,
  callback_id: "homework",
  title: { type: "plain_text" as const, text: "Homework" },
  submit: { type: "plain_text" as const, text: "Send" },
  private_metadata: JSON.stringify({ workshop: "w1" }),
  blocks: [
    {
      type: "input",
      block_id: "title",
      label: { type: "plain_text" as const, text: "Project title" },
      element: { type: "plain_text_input", action_id: "title_input" },
    },
    {
      type: "input",
      block_id: "skills",
      label: { type: "plain_text" as const, text: "Skills" },
      element: { type: "multi_static_select", action_id: "skills_select", options: skillOptions },
    },
    {
      type: "input",
      block_id: "due",
      label: { type: "plain_text" as const, text: "Due" },
      element: { type: "datepicker", action_id: "due_date" },
    },
    {
      type: "input",
      block_id: "team",
      label: { type: "plain_text" as const, text: "Team" },
      element: { type: "multi_users_select", action_id: "team_users" },
    },
    {
      type: "actions",
      block_id: "more",
      elements: [
        {
          type: "button",
          action_id: "add_detail",
          text: { type: "plain_text" as const, text: "Add detail" },
          value: "d",
        },
      ],
    },
  ],
};

const detailModal = {
  type: "modal" as const,
  callback_id: "detail",
  title: { type: "plain_text" as const, text: "Detail" },
  submit: { type: "plain_text" as const, text: "Save" },
  blocks: [
    {
      type: "input",
      block_id: "note",
      label: { type: "plain_text" as const, text: "Note" },
      element: { type: "plain_text_input", action_id: "note_input" },
    },
  ],
};

describe("whole flows against a real Bolt app", () => {
  let standIn: SlackStandIn;
  let app: App;
  let submitted: Record<string, Record<string, unknown>> = {};
  let closedViews: string[] = [];

  beforeEach(async () => {
    closedViews = [];
    standIn = await startStandIn();
    app = new App({
      token: standIn.botToken,
      signingSecret: SIGNING_SECRET,
      clientOptions: { slackApiUrl: standIn.url },
      logLevel: LogLevel.ERROR,
      processBeforeResponse: true,
    });
    app.command("/homework", async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: homeworkModal });
    });
    app.command("/private", async ({ ack, respond }) => {
      await ack();
      await respond({ response_type: "ephemeral", text: "only you see this" });
    });
    app.action("add_detail", async ({ ack, body, client }) => {
      await ack();
      if (body.type === "block_actions") await client.views.push({ trigger_id: body.trigger_id, view: detailModal });
    });
    app.view("detail", async ({ ack, view }) => {
      const note = view.state.values.note?.note_input?.value;
      if (note === "push") await ack({ response_action: "push", view: detailModal });
      else if (note === "clear") await ack({ response_action: "clear" });
      else await ack();
    });
    app.action("vote", async ({ ack, respond, action }) => {
      await ack();
      await respond({ replace_original: true, text: `You voted ${"value" in action ? action.value : "?"}` });
    });
    app.view("homework", async ({ ack, view, body, client }) => {
      submitted = view.state.values;
      const title = view.state.values.title?.title_input?.value ?? "";
      if (title.length < 3) {
        await ack({ response_action: "errors", errors: { title: "Please write at least 3 characters" } });
        return;
      }
      await ack({
        response_action: "update",
        view: { type: "modal", title: { type: "plain_text", text: "Thanks" }, blocks: [] },
      });
      await client.chat.postMessage({
        channel: body.user.id,
        text: `Saved “${title}”`,
        metadata: { event_type: "homework_saved", event_payload: { title } },
      });
    });
    app.options("skill_search", async ({ ack, payload }) => {
      const count = payload.value === "many" ? 101 : 2;
      await ack({
        options: Array.from({ length: count }, (_, i) => ({
          text: { type: "plain_text", text: `${payload.value}-${i}` },
          value: `${payload.value}-${i}`,
        })),
      });
    });
    app.event("app_home_opened", async ({ event, client }) => {
      await client.views.publish({
        user_id: event.user,
        view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Your workshops" } }] },
      });
    });
    app.view({ callback_id: /.*/, type: "view_closed" }, async ({ ack, view }) => {
      await ack();
      closedViews.push(view.callback_id);
    });
    app.message("hello", async ({ message, say }) => {
      await say({ text: "Hi there!", thread_ts: message.ts });
    });
    const server = await app.start(0);
    standIn.driver.botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterEach(async () => {
    await app.stop();
    await standIn.close();
  });

  it("runs a homework modal: open, push, close, validation errors, update, DM with metadata", async () => {
    const { driver, state } = standIn;
    const command = await driver.slashCommand({ command: "/homework", userId: ALICE, channelId: "C0GENERAL01" });
    expect(command.status).toBe(200);
    const root = state.topView(ALICE);
    expect(root?.callback_id).toBe("homework");
    expect(state.callsTo("views.open")[0]?.args.trigger_id).toBe(command.triggerId);

    await driver.blockActions({ userId: ALICE, viewId: root?.id ?? "", actions: [{ actionId: "add_detail" }] });
    expect(state.openViews(ALICE).map((v) => v.callback_id)).toEqual(["homework", "detail"]);
    const closed = await driver.viewSubmission({
      userId: ALICE,
      viewId: state.topView(ALICE)?.id ?? "",
      inputs: { note_input: "n" },
    });
    expect(closed.responseAction).toEqual({ action: "close" });
    expect(state.openViews(ALICE).map((v) => v.callback_id)).toEqual(["homework"]);

    const tooShort = await driver.viewSubmission({
      userId: ALICE,
      viewId: root?.id ?? "",
      inputs: { title_input: "ab" },
    });
    expect(tooShort.responseAction).toEqual({
      action: "errors",
      errors: { title: "Please write at least 3 characters" },
    });
    expect(state.topView(ALICE)?.id).toBe(root?.id);

    const done = await driver.viewSubmission({
      userId: ALICE,
      viewId: root?.id ?? "",
      inputs: { title_input: "Cluster map", skills_select: ["ts", "ux"], due_date: "2025-06-30", team_users: [BOB] },
    });
    expect(done.responseAction.action).toBe("update");
    expect(state.topView(ALICE)).toMatchObject({ id: root?.id, title: { text: "Thanks" } });
    expect(submitted).toEqual({
      title: { title_input: { type: "plain_text_input", value: "Cluster map" } },
      skills: {
        skills_select: {
          type: "multi_static_select",
          selected_options: [
            { text: { type: "plain_text", text: "ts" }, value: "ts" },
            { text: { type: "plain_text", text: "ux" }, value: "ux" },
          ],
        },
      },
      due: { due_date: { type: "datepicker", selected_date: "2025-06-30" } },
      team: { team_users: { type: "multi_users_select", selected_users: [BOB] } },
    });
    const dm = state.imWith(ALICE);
    expect(state.messagesIn(dm.id)).toEqual([
      expect.objectContaining({
        text: "Saved “Cluster map”",
        metadata: { event_type: "homework_saved", event_payload: { title: "Cluster map" } },
      }),
    ]);
  });

  it("tells the bot of a closed modal only when it was opened with notify_on_close, as Slack does", async () => {
    const { driver, state } = standIn;
    await driver.slashCommand({ command: "/homework", userId: ALICE, channelId: "C0GENERAL01" });
    const silent = await driver.viewClosed({ userId: ALICE, viewId: state.topView(ALICE)?.id ?? "" });
    expect(silent.delivered).toBe(false);
    expect(state.topView(ALICE)).toBeUndefined();

    await driver.slashCommand({ command: "/homework", userId: ALICE, channelId: "C0GENERAL01" });
    const root = state.topView(ALICE)!;
    await app.client.views.update({ view_id: root.id, view: { ...homeworkModal, notify_on_close: true } });
    const heard = await driver.viewClosed({ userId: ALICE, viewId: root.id });
    expect(heard.delivered).toBe(true);
    expect(closedViews).toEqual(["homework"]);
  });

  it("applies push and clear answers, and refuses a fourth stacked view", async () => {
    const { driver, state } = standIn;
    await driver.slashCommand({ command: "/homework", userId: ALICE, channelId: "C0GENERAL01" });
    await driver.blockActions({
      userId: ALICE,
      viewId: state.topView(ALICE)?.id ?? "",
      actions: [{ actionId: "add_detail" }],
    });
    const submitTop = (note: string) =>
      driver.viewSubmission({ userId: ALICE, viewId: state.topView(ALICE)?.id ?? "", inputs: { note_input: note } });
    expect((await submitTop("push")).responseAction.action).toBe("push");
    expect(state.openViews(ALICE)).toHaveLength(3);
    expect((await submitTop("push")).responseAction).toMatchObject({ action: "failed", reason: "push_limit_reached" });
    expect(state.openViews(ALICE)).toHaveLength(3);
    expect((await submitTop("clear")).responseAction).toEqual({ action: "clear" });
    expect(state.topView(ALICE)).toBeUndefined();
  });

  it("replaces the original message through the response_url of a message action", async () => {
    const posted = await app.client.chat.postMessage({
      channel: "C0GENERAL01",
      text: "Vote now",
      blocks: [
        {
          type: "actions",
          elements: [{ type: "button", action_id: "vote", text: { type: "plain_text", text: "A" }, value: "A" }],
        },
      ],
    });
    const ts = posted.ts ?? "";
    await standIn.driver.blockActions({
      userId: BOB,
      message: { channelId: "C0GENERAL01", ts },
      actions: [{ actionId: "vote" }],
    });
    expect(standIn.state.message("C0GENERAL01", ts)).toMatchObject({ text: "You voted A" });
    expect(standIn.state.responseUrlPosts[0]).toMatchObject({ userId: BOB, outcome: "replaced" });
  });

  it("answers block suggestions and flags more than 100 options", async () => {
    const few = await standIn.driver.blockSuggestion({
      userId: ALICE,
      actionId: "skill_search",
      blockId: "s",
      value: "py",
    });
    expect(few.body).toEqual({ options: expect.arrayContaining([expect.objectContaining({ value: "py-0" })]) });
    expect(few.problems).toEqual([]);
    const many = await standIn.driver.blockSuggestion({
      userId: ALICE,
      actionId: "skill_search",
      blockId: "s",
      value: "many",
    });
    expect(many.problems).toEqual(["[ERROR] no more than 100 items allowed [json-pointer:/options]"]);
  });

  it("delivers events: App Home opened and a DM the bot answers in thread", async () => {
    await standIn.driver.appHomeOpened({ userId: BOB });
    expect(standIn.state.homeView(BOB)?.blocks).toHaveLength(1);

    const sent = await standIn.driver.userMessage({ userId: BOB, text: "hello bot" });
    expect(sent.status).toBe(200);
    const thread = standIn.state.messagesIn(sent.channelId);
    expect(thread.map((m) => [m.user, m.text, m.thread_ts])).toEqual([
      [BOB, "hello bot", sent.ts],
      [standIn.state.identity.botUserId, "Hi there!", sent.ts],
    ]);
  });

  it("records and applies response_url posts", async () => {
    await standIn.driver.slashCommand({ command: "/private", userId: ALICE, channelId: "C0GENERAL01" });
    expect(standIn.state.responseUrlPosts).toEqual([
      expect.objectContaining({
        userId: ALICE,
        outcome: "ephemeral",
        body: expect.objectContaining({ text: "only you see this" }),
      }),
    ]);
    expect(standIn.state.ephemerals).toEqual([expect.objectContaining({ user: ALICE, text: "only you see this" })]);
  });

  it("lets Bolt reject bad signatures and answer url_verification", async () => {
    const verification = await standIn.driver.urlVerification();
    expect(verification.body).toEqual({ challenge: verification.challenge });
    const forged = await standIn.driver.event({ event: { type: "app_mention" }, signature: "v0=00" });
    expect(forged.status).toBe(401);
    const stale = await standIn.driver.event({
      event: { type: "app_mention" },
      timestamp: Math.floor(Date.now() / 1000) - 360,
    });
    expect(stale.status).toBe(401);
    const unsigned = await standIn.driver.raw({ body: "{}", sign: false });
    expect(unsigned.status).toBe(401);
  });
});
