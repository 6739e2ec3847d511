// The Teams SDK reads bare CLIENT_ID, CLIENT_SECRET, TENANT_ID, SERVICE_URL, CLOUD, PORT, OAUTH_URL and
// DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS from the environment for any option it is not given. Every option is
// given, so with all of them set to hostile values the bot behaves exactly as configured by TEAMS_* settings.

import { PUBLIC } from "@microsoft/teams.api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSettings, teamsSettings } from "../../../src/config/settings.ts";
import { teamsCloud } from "../../../src/platforms/teams/sdk-options.ts";
import { appId, people, startTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

const hostile = {
  CLIENT_ID: "99999999-9999-4999-8999-999999999999",
  CLIENT_SECRET: "someone-elses-secret",
  TENANT_ID: "88888888-8888-4888-8888-888888888888",
  SERVICE_URL: "http://127.0.0.1:9/elsewhere",
  CLOUD: "USGov",
  PORT: "1",
  OAUTH_URL: "http://127.0.0.1:9/oauth",
  MANAGED_IDENTITY_CLIENT_ID: "system",
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: "true",
};

describe("Teams settings and the SDK's environment variables", () => {
  let harness: TeamsHarness;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    for (const [name, value] of Object.entries(hostile)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    harness = await startTeamsHarness("pglite");
  });
  afterAll(async () => {
    await harness.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("keeps the configured app, cloud and service URL", () => {
    const app = harness.adapter.app;
    expect(app.id).toBe(appId);
    expect(app.credentials?.tenantId).toBe(tenantId);
    expect(app.cloud.openIdMetadataUrl.startsWith(harness.teams.url)).toBe(true);
    expect(app.cloud.tokenIssuer).toBe(PUBLIC.tokenIssuer);
    expect(app.api.serviceUrl).toBe(harness.teams.url);
  });

  it("still refuses an unsigned activity and accepts a signed one", async () => {
    const unsigned = await harness.teams.driver.send(
      { ...buildMessage(harness), text: "no token" },
      { authorization: null },
    );
    expect(unsigned.status).toBe(401);
    expect((await harness.teams.driver.message(people.ana, "signed")).status).toBe(200);
  });

  it("still gets its tokens from the configured login with the configured secret", async () => {
    await harness.adapter.idle();
    const workspaceId = await harness.adapter.conversations.workspaceId(tenantId);
    // Ana's earlier message got the help in her chat; the proactive one comes after it.
    const before = harness.teams.state.personalMessages(people.ana).length;
    await harness.adapter.messenger.sendToPerson(workspaceId, people.ana, { type: "message", text: "proactive" });
    const after = harness.teams.state.personalMessages(people.ana);
    expect(after).toHaveLength(before + 1);
    expect(JSON.stringify(after.at(-1))).toContain("proactive");
    expect(harness.teams.state.tokensIssued).toContain("https://api.botframework.com");
  });

  it("uses Microsoft's public cloud when no stand-in is configured, and refuses overrides off this machine", () => {
    const production = teamsSettings(
      parseSettings({ TEAMS_CLIENT_ID: appId, TEAMS_CLIENT_SECRET: "secret", TEAMS_TENANT_ID: tenantId }),
    );
    if (!production) throw new Error("Teams should be on");
    expect(teamsCloud(production)).toBe(PUBLIC);
    expect(() =>
      parseSettings({ TEAMS_CLIENT_ID: appId, TEAMS_OPENID_METADATA_URL: "https://keys.example.org/openid" }),
    ).toThrow(/TEAMS_OPENID_METADATA_URL: expected an http\(s\) URL on this machine/);
  });
});

function buildMessage(harness: TeamsHarness) {
  const user = harness.teams.state.user(people.ben);
  return {
    type: "message",
    id: "1",
    channelId: "msteams",
    serviceUrl: `${harness.teams.url}/`,
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: `28:${appId}` },
    conversation: { id: `a:1${user.aadObjectId}`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}
