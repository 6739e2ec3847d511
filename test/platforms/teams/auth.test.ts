// Inbound activities are checked by the Teams SDK's own JWT validation, pointed at the stand-in's keys in test
// mode: only a correctly signed activity is handled; everything else is a 401 and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, createSigningKey } from "../../standins/teams/index.ts";
import { backends } from "../../support/database.ts";
import { appId, people, startTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

describe.each(backends)("Teams inbound authentication (%s)", (backend) => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness(backend);
  });
  afterAll(() => harness.close());

  const message = (text: string) =>
    build.personalMessage(harness.teams.driver.sender, harness.teams.state.user(people.ana), text);
  const stored = async () => {
    await harness.adapter.idle();
    const prisma = harness.database.prisma;
    return { workspaces: await prisma.workspace.count(), people: await prisma.person.count() };
  };

  it("refuses unsigned, expired, forged and misdirected activities with 401 and stores nothing", async () => {
    const driver = harness.teams.driver;
    const forger = createSigningKey("stand-in-key-1");
    const now = Math.floor(Date.now() / 1000);
    const refusals = [
      ["no Authorization header", { authorization: null }],
      ["not a bearer token", { authorization: "Basic Zm9vOmJhcg==" }],
      ["expired", { claims: { exp: now - 600, nbf: now - 900, iat: now - 900 } }],
      ["signed by another key under our kid", { key: forger }],
      ["signed by an unknown kid", { key: forger, kid: "other-key" }],
      ["for another bot", { claims: { aud: "00000000-0000-0000-0000-000000000000" } }],
      ["from another issuer", { claims: { iss: "https://sts.example.org" } }],
      ["for another service URL", { claims: { serviceurl: "https://smba.trafficmanager.net/emea/" } }],
    ] as const;
    for (const [name, options] of refusals) {
      const answer = await driver.send(message(`refused: ${name}`), options);
      expect(answer.status, name).toBe(401);
    }
    expect(await stored()).toEqual({ workspaces: 0, people: 0 });
    expect(harness.teams.state.sent).toEqual([]);
    expect(harness.teams.state.tokensIssued).toEqual([]);
  });

  it("handles a correctly signed activity and remembers the sender with their time zone", async () => {
    const answer = await harness.teams.driver.message(people.ana, "hello");
    expect(answer.status).toBe(200);
    expect(await stored()).toEqual({ workspaces: 1, people: 1 });
    const workspace = await harness.repos.workspaces.ensure("teams", tenantId);
    const person = await harness.database.prisma.person.findFirstOrThrow();
    expect(person).toMatchObject({ displayName: "Ana Partner", timezone: "Europe/Madrid" });
    const reference = await harness.repos.teamsConversations.userReference(workspace.id, people.ana);
    expect(reference).toMatchObject({ kind: "personal", conversationId: `a:1${people.ana}`, botId: `28:${appId}` });
  });

  it("answers 400 to bodies that are not activities and 413 to oversized ones, before anything runs", async () => {
    const driver = harness.teams.driver;
    expect((await driver.sendRaw("{not json")).status).toBe(400);
    expect((await driver.sendRaw(JSON.stringify({ type: "message" }))).status).toBe(400);
    expect((await driver.sendRaw(JSON.stringify([1, 2, 3]))).status).toBe(400);
    expect((await driver.sendRaw(JSON.stringify({ ...message("x"), serviceUrl: 42 }))).status).toBe(400);
    expect((await driver.sendRaw(JSON.stringify({ ...message("x"), text: "x".repeat(2 * 1024 * 1024) }))).status).toBe(
      413,
    );
  });
});
