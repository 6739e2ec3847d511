// Installations over their life: a state completes one install; "Cancel" at Slack is a friendly 400; a reinstall's
// new token replaces a cached client that Slack refuses; uninstalling or revoking the bot token deletes the
// installation and forgets its client. All through the stand-in, over real HTTP, on each backend.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/app/context.ts";
import { parseSettings } from "../../src/config/settings.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import type { SlackStandIn } from "../standins/slack/index.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/process.ts";
import { teamId, users } from "../support/slack-bot.ts";
import { waitFor } from "../support/wait.ts";
import { installThroughBrowser, oauthEnvironment, startOAuthStandIn } from "./support.ts";

describe.each(backends)("Slack installations over their life on %s", (backend) => {
  let slack: SlackStandIn;
  let test: TestDatabase;
  let base: string;
  let app: ReturnType<typeof composeApp>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    slack = await startOAuthStandIn();
    test = await createTestDatabase(backend);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = composeApp(
      parseSettings(oauthEnvironment(slack, base, "unused")),
      test.database,
      createLogger("silent", false),
      systemClock,
    );
    const http = await startHttpServer({ host: "127.0.0.1", port, routes: app.routes, logger: createLogger("silent") });
    slack.driver.botUrl = `${base}/slack/events`;
    close = async () => {
      await http.close();
      await slack.close();
      await test.drop();
    };
  });
  afterAll(() => close());

  const installations = () => test.database.prisma.slackInstallation.count();
  // The facilitator's profile, read through the workspace's cached Slack client (what reminders do).
  const profile = async () => {
    const workspace = await app.deps.repos.workspaces.ensure("slack", teamId);
    const person = await app.deps.repos.people.ensure(workspace.id, users.facilitator);
    return app.deps.notify.profile({ workspaceId: workspace.id, personId: person.id });
  };

  it("completes an install once per state: the same redirect replayed is refused before any exchange", async () => {
    const install = await installThroughBrowser(base);
    expect(install.done.status).toBe(200);
    const exchanges = slack.oauth!.exchanges.length;

    const replayed = await fetch(install.callback, { headers: { cookie: install.cookie }, redirect: "manual" });
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain("already used");
    expect(slack.oauth!.exchanges.length).toBe(exchanges);
    expect(await installations()).toBe(1);
  });

  it("answers a person who cancels at Slack with a 400 page that says so, and changes nothing", async () => {
    const before = await test.database.prisma.slackInstallation.findMany();
    slack.oauth!.denyNext();
    const cancelled = await installThroughBrowser(base);
    expect(new URL(cancelled.callback).searchParams.get("error")).toBe("access_denied");
    expect(cancelled.done.status).toBe(400);
    expect(cancelled.page).toContain("Installation cancelled");
    expect(cancelled.page).not.toMatch(/Oops|slack_oauth/);
    expect(await test.database.prisma.slackInstallation.findMany()).toEqual(before);
  });

  it("drops a cached client when Slack answers invalid_auth, and uses the reinstalled token next", async () => {
    expect(await profile()).toMatchObject({ timezone: "Europe/Brussels" });
    // The workspace reinstalls: Slack issues a new token and the old one stops working.
    slack.state.identity.botToken = "xoxb-1111-2222-reinstalledtoken";
    expect((await installThroughBrowser(base)).done.status).toBe(200);

    await expect(profile()).rejects.toThrow(/invalid_auth/);
    expect(await profile()).toMatchObject({ timezone: "Europe/Brussels" });
  });

  it("deletes the installation and forgets its client when the app is uninstalled", async () => {
    await profile();
    const sent = await slack.driver.event({ event: { type: "app_uninstalled", event_ts: "1.2" } });
    expect(sent.status).toBe(200);
    await waitFor(async () => (await installations()) === 0);
    await expect(profile()).rejects.toThrow(/not installed/);
  });

  it("deletes the installation when its bot token is revoked", async () => {
    expect((await installThroughBrowser(base)).done.status).toBe(200);
    expect(await installations()).toBe(1);
    const sent = await slack.driver.event({
      event: { type: "tokens_revoked", tokens: { bot: ["U0BOT000001"] }, event_ts: "1.3" },
    });
    expect(sent.status).toBe(200);
    await waitFor(async () => (await installations()) === 0);
  });
});
