// What does not come from Slack costs nothing: refused from its headers before its body is read, and bodies still
// arriving are held in a bounded budget and for a bounded time, while real Slack requests keep being answered.
import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BodyBudget } from "../../src/http/body.ts";
import { type RunningServer, startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { SlackHttpReceiver } from "../../src/platforms/slack/receiver.ts";
import { signatureHeaders } from "../standins/slack/index.ts";
import { backends } from "../support/database.ts";
import { type SlackHarness, signingSecret, startSlackHarness, users } from "../support/slack-bot.ts";
import { seedWorkshop, waitFor } from "../support/slack-seed.ts";
import { openModal } from "../support/slack-ui.ts";
import { openRaw, postHead, type RawConnection } from "./raw-client.ts";

const nowSeconds = () => Math.floor(Date.now() / 1000);
const wellFormedSignature = `v0=${"ab".repeat(32)}`;

describe.each(backends)("the Slack endpoint refuses before reading on %s", (backend) => {
  let harness: SlackHarness;
  let port: number;
  let workshopId: string;
  const open: RawConnection[] = [];
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    workshopId = (await seedWorkshop(harness, [])).workshop.id;
    port = Number(new URL(harness.botUrl).port);
  });
  afterAll(async () => {
    for (const connection of open) connection.socket.destroy();
    await harness.close();
  });

  it("refuses a correctly signed request from 6 minutes in the future", async () => {
    const viewId = (await openModal(harness.slack, users.facilitator, "project add", "project.add")).id;
    const fromTheFuture = await harness.slack.driver.viewSubmission({
      userId: users.facilitator,
      viewId,
      inputs: { acronym: "FUTURE", title: "From the future", partners: "", members: [] },
      timestamp: nowSeconds() + 6 * 60,
    });
    expect(fromTheFuture.status).toBe(401);
    expect(await harness.deps.repos.projects.list(workshopId)).toEqual([]);
  });

  it.each([
    ["no signature headers", {}],
    ["no timestamp", { "X-Slack-Signature": wellFormedSignature }],
    ["a malformed timestamp", { "X-Slack-Signature": wellFormedSignature, "X-Slack-Request-Timestamp": "soon" }],
    [
      "a timestamp 10 minutes old",
      { "X-Slack-Signature": wellFormedSignature, "X-Slack-Request-Timestamp": String(nowSeconds() - 600) },
    ],
    [
      "a timestamp 10 minutes ahead",
      { "X-Slack-Signature": wellFormedSignature, "X-Slack-Request-Timestamp": String(nowSeconds() + 600) },
    ],
    ["a malformed signature", { "X-Slack-Signature": "v0=nothex", "X-Slack-Request-Timestamp": String(nowSeconds()) }],
  ])("answers 401 to %s before the body is sent, and closes", async (_case, headers) => {
    const connection = await openRaw(port, postHead("/slack/events", 1_000_000, headers), "payload=");
    open.push(connection);
    expect(await connection.status).toBe(401);
    expect(connection.received()).toMatch(/connection: close/i);
  });
});

describe("bodies still arriving are bounded", () => {
  const budget = new BodyBudget(512 * 1024);
  const open: RawConnection[] = [];
  let server: RunningServer;

  beforeAll(async () => {
    const logger = createLogger("silent", false);
    const receiver = new SlackHttpReceiver({ signingSecret, logger, bodyTimeoutMs: 2_000, bodyBudget: budget });
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: "xoxb-test", botId: "B0TEST", botUserId: "U0BOT" }),
    });
    app.command("/ping", async ({ ack }) => ack("pong"));
    server = await startHttpServer({ host: "127.0.0.1", port: 0, logger, routes: [receiver.route()] });
  });
  afterAll(async () => {
    for (const connection of open) connection.socket.destroy();
    await server.close();
  });

  async function ping(): Promise<{ status: number; text: string }> {
    const body = new URLSearchParams({
      command: "/ping",
      text: "",
      user_id: users.ana,
      team_id: "T0TEAM00001",
      channel_id: "C0GENERAL01",
      trigger_id: "1.2.3",
      response_url: "http://127.0.0.1:9/response",
    }).toString();
    const response = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...signatureHeaders(signingSecret, nowSeconds(), body),
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  it("holds at most the budget for 200 held uploads, answers Slack meanwhile, and closes them", async () => {
    const headers = { "X-Slack-Signature": wellFormedSignature, "X-Slack-Request-Timestamp": String(nowSeconds()) };
    const chunk = "x".repeat(16 * 1024);
    for (let index = 0; index < 200; index++) {
      open.push(await openRaw(server.port, postHead("/slack/events", 1_000_000, headers), chunk));
    }
    await waitFor(() => open.every((connection) => connection.socket.bytesWritten > chunk.length));
    const answers = await Promise.all(Array.from({ length: 20 }, ping));
    expect(answers.every((answer) => answer.status === 200 && answer.text.includes("pong"))).toBe(true);

    const endings = await Promise.all(open.map((connection) => connection.closed));
    expect(budget.peakBytes).toBeLessThanOrEqual(budget.limitBytes);
    expect(budget.peakBytes).toBeGreaterThan(0);
    expect(budget.heldBytes).toBe(0);
    const statuses = new Set(endings.map((text) => /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]));
    expect([...statuses].every((status) => status === "503" || status === "408")).toBe(true);
    expect(statuses.has("503")).toBe(true);
  });
});
