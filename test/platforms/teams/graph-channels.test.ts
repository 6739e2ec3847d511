// Working-group channels through Graph against the stand-in: create (standard / private with an owner), add
// members where the type allows, list, name taken, rate limits, and a file put in a channel's files folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "../../../src/app/ports/errors.ts";
import {
  ChannelNameTakenError,
  MembersNotSupportedError,
  maxSimpleUploadBytes,
} from "../../../src/platforms/teams/graph/channels.ts";
import { facilitatorsTeam, people, startTeamsHarness, type TeamsHarness } from "./harness.ts";

describe("Teams channels through Graph", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
  });
  afterAll(() => harness.close());

  it("creates a private channel with its owner and adds members; someone already in it is fine", async () => {
    const channels = harness.adapter.channels;
    const created = await channels.create(facilitatorsTeam, {
      displayName: "WG Predictive maintenance",
      description: "Working group of cluster 1",
      kind: "private",
      members: [people.fran, people.ana],
    });
    expect(created.membershipType).toBe("private");
    await channels.addMembers(facilitatorsTeam, created, [people.ben, people.ana]);
    const members = await channels.members(facilitatorsTeam, created.id);
    expect(members.map((member) => [member.userId, member.roles])).toEqual([
      [people.fran, ["owner"]],
      [people.ana, []],
      [people.ben, []],
    ]);
    const stored = harness.teams.state.channelNamed(facilitatorsTeam, "WG Predictive maintenance");
    expect(stored?.members.map((member) => member.userAadObjectId)).toEqual([people.fran, people.ana, people.ben]);
  });

  it("creates a standard channel, whose members are the team's; adding members to it is refused before any call", async () => {
    const channels = harness.adapter.channels;
    const created = await channels.create(facilitatorsTeam, { displayName: "WG Digital twins", kind: "standard" });
    const calls = harness.teams.state.requests.length;
    await expect(channels.addMembers(facilitatorsTeam, created, [people.ben])).rejects.toBeInstanceOf(
      MembersNotSupportedError,
    );
    expect(harness.teams.state.requests.length).toBe(calls);
    const listed = await channels.list(facilitatorsTeam);
    expect(listed.map((channel) => channel.displayName)).toEqual([
      "General",
      "WG Predictive maintenance",
      "WG Digital twins",
    ]);
  });

  it("reports a taken name as ChannelNameTakenError, an outsider as a permanent failure, 429 as RateLimitedError", async () => {
    const channels = harness.adapter.channels;
    await expect(
      channels.create(facilitatorsTeam, { displayName: "wg digital twins", kind: "standard" }),
    ).rejects.toBeInstanceOf(ChannelNameTakenError);
    await expect(
      channels.create(facilitatorsTeam, { displayName: "WG Outsiders", kind: "private", members: [people.olly] }),
    ).rejects.toMatchObject({ name: "TeamsCallError", failure: "permanent", status: 400 });
    harness.teams.faults.rateLimitNext("graph", 1, 12);
    const limited = await channels.list(facilitatorsTeam).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(12);
  });

  it("puts a file in a channel's files folder and refuses one over the simple-upload limit", async () => {
    const channel = harness.teams.state.channelNamed(facilitatorsTeam, "WG Digital twins");
    if (!channel) throw new Error("channel missing");
    const bytes = new TextEncoder().encode("%PDF-1.7 report");
    const uploaded = await harness.adapter.channels.uploadFile(facilitatorsTeam, channel.id, {
      name: "Cluster report, final.pdf",
      bytes,
      contentType: "application/pdf",
    });
    expect(uploaded).toMatchObject({ name: "Cluster report, final.pdf", size: bytes.length });
    const file = harness.teams.state.files.find((entry) => entry.name === "Cluster report, final.pdf");
    expect(file?.bytes.toString("utf8")).toBe("%PDF-1.7 report");
    expect(file?.webUrl).toBe(uploaded.webUrl);
    const tooBig = harness.adapter.channels.uploadFile(facilitatorsTeam, channel.id, {
      name: "big.bin",
      bytes: new Uint8Array(maxSimpleUploadBytes + 1),
      contentType: "application/octet-stream",
    });
    await expect(tooBig).rejects.toMatchObject({ code: "FileTooLarge", failure: "permanent" });
  });
});
