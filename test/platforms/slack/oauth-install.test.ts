// Installing Clusterbot in a workspace through Slack's OAuth v2 flow, played by the stand-in; the token is
// stored encrypted and then used for that team's requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/app/context.ts";
import { parseSettings } from "../../../src/config/settings.ts";
import { startHttpServer } from "../../../src/http/server.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { composeApp } from "../../../src/runtime/compose.ts";
import { createSlackStandIn, type SlackStandIn } from "../../standins/slack/index.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { freePort } from "../../support/process.ts";
import { signingSecret, teamId, users } from "../../support/slack-bot.ts";
import { waitFor } from "../../support/wait.ts";

describe("Slack OAuth install", () => {
  let slack: SlackStandIn;
  let test: TestDatabase;
  let botBase: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    slack = await createSlackStandIn({
      signingSecret,
      botUserId: "U0BOT000001",
      teamId,
      botToken: "xoxb-installed-team-token",
      users: [{ id: users.facilitator, name: "fran", tz: "Europe/Brussels" }],
      oauth: { clientId: "111.222", clientSecret: "client-secret", installerUserId: users.facilitator },
    });
    test = await createTestDatabase("pglite");
    const port = await freePort();
    botBase = `http://127.0.0.1:${port}`;
    const settings = parseSettings({
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_STATE_SECRET: "a-long-random-state-secret",
      CLUSTERBOT_ENCRYPTION_KEY: "f".repeat(64),
      CLUSTERBOT_PUBLIC_URL: botBase,
      SLACK_API_URL: slack.url,
      SLACK_AUTHORIZE_URL: slack.authorizeUrl,
    });
    const logger = createLogger("silent", false);
    const app = composeApp(settings, test.database, logger, systemClock);
    const http = await startHttpServer({ host: "127.0.0.1", port, routes: app.routes, logger });
    slack.driver.botUrl = `${botBase}/slack/events`;
    close = async () => {
      await http.close();
      await slack.close();
      await test.drop();
    };
  });
  afterAll(() => close());

  async function installPage() {
    const page = await fetch(`${botBase}/slack/install`);
    const cookie = page.headers.get("set-cookie")?.split(";")[0] ?? "";
    const link = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll("&amp;", "&");
    if (!link) throw new Error("no Add to Slack link on the install page");
    return { cookie, link };
  }

  it("refuses a callback whose state was not issued to this browser, and stores nothing", async () => {
    const { link } = await installPage();
    const approved = await fetch(link, { redirect: "manual" });
    const callback = approved.headers.get("location")!;
    const response = await fetch(callback, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await test.database.prisma.slackInstallation.count()).toBe(0);
  });

  it("installs with the state checked, keeps the token encrypted, and serves that team", async () => {
    const { cookie, link } = await installPage();
    expect(new URL(link).searchParams.get("scope")).toContain("commands");
    const approved = await fetch(link, { redirect: "manual" });
    expect(approved.status).toBe(302);
    const callback = approved.headers.get("location")!;
    expect(callback.startsWith(`${botBase}/slack/oauth_redirect`)).toBe(true);
    const done = await fetch(callback, { headers: { cookie }, redirect: "manual" });
    expect(done.status).toBe(200);

    const rows = await test.database.prisma.slackInstallation.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.teamId).toBe(teamId);
    expect(rows[0]!.encryptedBundle).not.toContain("xoxb-installed-team-token");

    const sent = await slack.driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.facilitator,
      channelId: "C0NONE",
    });
    expect(sent.status).toBe(200);
    await waitFor(() => slack.state.responseUrlPosts.length > 0);
    expect(JSON.stringify(slack.state.responseUrlPosts[0]!.body)).toContain("/cluster setup");
    expect(slack.state.calls.some((call) => call.method === "users.info" && call.status === 200)).toBe(true);
  });
});
