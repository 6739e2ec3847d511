import { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createLogger } from "../../../src/logging/logger.ts";
import { recordingApp, type SlackCapabilities } from "../../../src/platforms/slack/capabilities.ts";
import { registerListeners } from "../../../src/platforms/slack/listeners.ts";
import { readSlackManifest, renderSlackManifest } from "../../../src/platforms/slack/manifest.ts";
import { SlackHttpReceiver } from "../../../src/platforms/slack/receiver.ts";
import { registerUninstall } from "../../../src/platforms/slack/uninstall.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { cluster, submitModal } from "../../support/slack-ui.ts";

/** The bot scope each Web API method the bot calls needs (Slack's method reference). */
const scopeOfMethod: Record<string, string | null> = {
  "auth.test": null,
  "views.open": null,
  "views.push": null,
  "views.update": null,
  "views.publish": null,
  "chat.postMessage": "chat:write",
  "chat.postEphemeral": "chat:write",
  "chat.update": "chat:write",
  "conversations.open": "im:write",
  "conversations.history": "im:history",
  "users.info": "users:read",
  "users.lookupByEmail": "users:read.email",
  "dnd.info": "dnd:read",
  "conversations.create": "channels:manage",
  "conversations.invite": "channels:manage",
  "conversations.members": "channels:read",
  "conversations.info": "channels:read",
  "pins.add": "pins:write",
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
};

describe("the Slack manifest", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness("pglite");
  });
  afterAll(() => harness.close());

  it("declares exactly the commands and events the adapter handles", async () => {
    const capabilities: SlackCapabilities = { commands: new Set(), events: new Set() };
    const logger = createLogger("silent", false);
    const app = new App({
      receiver: new SlackHttpReceiver({ signingSecret: "x", logger }),
      token: "xoxb-not-used",
      tokenVerificationEnabled: false,
    });
    registerListeners(recordingApp(app, capabilities), harness.core, logger);
    registerUninstall(recordingApp(app, capabilities), { remove: async () => undefined }, () => undefined, logger);
    const manifest = await readSlackManifest();
    expect([...capabilities.commands].sort()).toEqual(
      (manifest.features.slash_commands ?? []).map((c) => c.command).sort(),
    );
    expect([...capabilities.events].sort()).toEqual(
      [...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort(),
    );
  });

  it("declares a scope for every Web API method a workshop run calls", async () => {
    const { slack } = harness;
    const { driver, state } = slack;
    await submitModal(slack, users.facilitator, "setup", "workshop.setup", {
      name: "Scopes",
      timezone: "UTC",
      maxResultsPerProject: "3",
    });
    await submitModal(slack, users.facilitator, "project add", "project.add", {
      acronym: "ONE",
      title: "One",
      members: [users.ana],
    });
    await cluster(slack, users.facilitator, "homework open");
    await waitFor(() => state.messagesIn(state.imWith(users.ana).id).length === 1);
    await driver.appHomeOpened({ userId: users.ana });
    await waitFor(() => state.homeView(users.ana) !== undefined);
    // What the working groups will do in channels.
    const { channels, repos } = harness.deps;
    const workspace = await repos.workspaces.ensure("slack", "T0TEAM00001");
    const group = await channels.create(workspace.id, { name: "wg-scopes", isPrivate: false });
    const anaPerson = await repos.people.ensure(workspace.id, users.ana);
    await channels.invite(group, [anaPerson.id]);
    const root = await channels.post(group, { summary: "Work-plan" });
    await channels.reply(root, { summary: "An item" });
    await channels.update(root, { summary: "Work-plan (1 item)" });
    await channels.pin(root);
    await channels.upload(root, { filename: "plan.csv", title: "Plan", bytes: new TextEncoder().encode("a,b\n") });

    const manifest = await readSlackManifest();
    const called = [...new Set(state.calls.map((call) => call.method))];
    for (const method of called) {
      expect(Object.keys(scopeOfMethod), `no known scope for ${method}`).toContain(method);
      const scope = scopeOfMethod[method];
      if (scope) expect(manifest.oauth_config.scopes.bot, `${method} needs ${scope}`).toContain(scope);
    }
  });

  it("declares the scope each bot event needs (thread replies and top-level messages in working-group channels)", async () => {
    // Slack's event reference: the scope without which the event is not delivered.
    const scopeOfEvent: Record<string, string | null> = {
      app_home_opened: null,
      app_uninstalled: null,
      tokens_revoked: null,
      "message.channels": "channels:history",
      "message.groups": "groups:history",
      "message.im": "im:history",
    };
    const manifest = await readSlackManifest();
    const events = manifest.settings.event_subscriptions?.bot_events ?? [];
    expect(events).toEqual(expect.arrayContaining(["message.channels", "message.groups"]));
    for (const event of events) {
      expect(Object.keys(scopeOfEvent), `no known scope for ${event}`).toContain(event);
      const scope = scopeOfEvent[event];
      if (scope) expect(manifest.oauth_config.scopes.bot, `${event} needs ${scope}`).toContain(scope);
    }
  });

  it("prints with the deployment's URLs, and for Socket Mode", async () => {
    const text = await renderSlackManifest({ baseUrl: "https://bot.example.org/" });
    const manifest = parse(text) as Awaited<ReturnType<typeof readSlackManifest>>;
    expect(manifest.settings.interactivity?.request_url).toBe("https://bot.example.org/slack/events");
    expect(manifest.features.slash_commands?.[0]?.url).toBe("https://bot.example.org/slack/events");
    expect(text).not.toContain("{{");
    const socket = parse(await renderSlackManifest({ baseUrl: "https://bot.example.org", socketMode: true }));
    expect(socket.settings.socket_mode_enabled).toBe(true);
  });
});
