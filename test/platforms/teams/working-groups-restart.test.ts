// Working-group channels in Teams survive a restart: which members a new private channel still needs is read again
// from the records (the creation that stopped before its kick-off invites again), and the channel's kind from Graph
// (a "Join this working group" after a restart adds the person to the private channel). Through the Teams stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeContext } from "../../../src/core/screens/context.ts";
import {
  facilitatorsTeam,
  people,
  seedApprovedCluster,
  startInstalledTeamsHarness,
  type TeamsHarness,
  typedCommand,
} from "./harness.ts";

describe("Teams working-group channels across a restart", () => {
  let harness: TeamsHarness;
  let clusterId: string;
  const state = () => harness.teams.state;
  const groupChannel = () =>
    state()
      .channelsOf(facilitatorsTeam)
      .find((channel) => channel.displayName !== "General");
  const membersOf = () => new Set(groupChannel()?.members.map((member) => member.userAadObjectId));

  beforeAll(async () => {
    harness = await startInstalledTeamsHarness("pglite");
    const seeded = await seedApprovedCluster(harness, "Restart workshop");
    clusterId = seeded.clusterId;
    await harness.repos.people.ensure(seeded.workspaceId, people.cleo, { displayName: "Cleo" });
  }, 240_000);
  afterAll(() => harness.close());

  const command = (aad: string, text: string) => typedCommand(harness, aad, text);

  it("invites the members after a restart when the creation stopped before inviting them", async () => {
    // Graph fails the first member added, after the channel was made and recorded: the creation stops there.
    harness.teams.faults.failNext(
      "graph",
      1,
      { status: 503, code: "ServiceUnavailable" },
      (call) => call.method === "POST" && /\/channels\/[^/]+\/members$/.test(call.path),
    );
    await command(people.fran, "cluster groups create");
    expect(groupChannel()?.membershipType).toBe("private");
    expect(membersOf()).toEqual(new Set([people.fran]));
    expect(state().channelPosts(groupChannel()!.id)).toHaveLength(0);

    await harness.restart();
    await command(people.fran, "cluster groups create");
    expect(membersOf()).toEqual(new Set([people.fran, people.ana, people.ben]));
    // The kick-off and the six prompts, once.
    expect(state().channelPosts(groupChannel()!.id)).toHaveLength(7);
  });

  it("adds someone who presses “Join this working group” after a restart to the private channel", async () => {
    await harness.restart();
    const join = {
      clusterbotAction: { actionId: "cluster.join", value: clusterId, where: "message", context: encodeContext({}) },
    };
    const answer = await harness.teams.driver.openDialog(people.cleo, join);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain("Welcome: you are now in");
    expect(membersOf()).toEqual(new Set([people.fran, people.ana, people.ben, people.cleo]));
  });
});
