// Working-group channels in Teams survive a restart: which members a new private channel still needs is read again
// from the records (the creation that stopped before its kick-off invites again), and the channel's kind from Graph
// (a "Join this working group" after a restart adds the person to the private channel). Through the Teams stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeContext } from "../../../src/core/screens/context.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { facilitatorsTeam, people, startTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

describe("Teams working-group channels across a restart", () => {
  let harness: TeamsHarness;
  let clusterId: string;
  const state = () => harness.teams.state;
  const dms = (aad: string) => state().personalMessages(aad);
  const groupChannel = () =>
    state()
      .channelsOf(facilitatorsTeam)
      .find((channel) => channel.displayName !== "General");
  const membersOf = () => new Set(groupChannel()?.members.map((member) => member.userAadObjectId));

  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
    for (const aad of Object.values(people)) await harness.teams.driver.installPersonal(aad);
    await harness.teams.driver.installInTeam(people.fran, facilitatorsTeam);
    await harness.adapter.idle();
    const { repos } = harness;
    const workspace = await repos.workspaces.ensure("teams", tenantId);
    const person = async (aad: string, name: string) =>
      (await repos.people.ensure(workspace.id, aad, { displayName: name })).id;
    const fran = await person(people.fran, "Fran");
    const created = await repos.workshops.create(workspace.id, { name: "Restart workshop" }, fran);
    const workshop = await repos.workshops.setPhase(created.id, "homework");
    const resultIds: string[] = [];
    for (const [acronym, aad] of [
      ["ALPHA", people.ana],
      ["BETA", people.ben],
    ] as const) {
      const project = await repos.projects.create(workshop.id, {
        acronym,
        title: `${acronym} project`,
        partners: [`${acronym} University`],
        memberIds: [await person(aad, acronym)],
      });
      await repos.results.replaceList(project.id, [{ title: `${acronym} sensor kit` }]);
      resultIds.push(...(await repos.results.listForProject(project.id)).map((result) => result.id));
    }
    await person(people.cleo, "Cleo");
    const cluster = await harness.database.prisma.cluster.create({
      data: {
        workshopId: workshop.id,
        label: "Predictive maintenance",
        explanation: "Both monitor machines.",
        status: "approved",
        position: 0,
        members: { create: resultIds.map((resultId) => ({ resultId })) },
      },
    });
    clusterId = cluster.id;
  }, 240_000);
  afterAll(() => harness.close());

  /** A typed command in the 1:1 chat; resolves with the text of the bot's answer. */
  async function command(aad: string, text: string): Promise<string> {
    const before = dms(aad).length;
    expect((await harness.teams.driver.message(aad, text)).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => dms(aad).length > before, 60_000);
    return JSON.stringify(dms(aad).slice(before));
  }

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
