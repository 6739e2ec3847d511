import { describe, expect, it } from "vitest";
import { labelAfter, membersAfter } from "../../../src/core/review/redescribe.ts";

const clusters = [
  { id: "a", resultIds: ["r1", "r2", "r3"] },
  { id: "b", resultIds: ["r4", "r5"] },
  { id: "c", resultIds: ["r6", "r7"] },
];

describe("membersAfter", () => {
  it("a move changes the cluster the result leaves and the one it joins", () => {
    expect(membersAfter(clusters, { kind: "move", resultId: "r1", to: "b" })).toEqual({
      clusters: [
        { id: "a", resultIds: ["r2", "r3"] },
        { id: "b", resultIds: ["r4", "r5", "r1"] },
      ],
    });
  });

  it("a move out of every cluster or in from the unclustered changes one cluster", () => {
    expect(membersAfter(clusters, { kind: "move", resultId: "r4", to: null })).toEqual({
      clusters: [{ id: "b", resultIds: ["r5"] }],
    });
    expect(membersAfter(clusters, { kind: "move", resultId: "r9", to: "c" })).toEqual({
      clusters: [{ id: "c", resultIds: ["r6", "r7", "r9"] }],
    });
  });

  it("a merge changes the cluster that stays; a split both parts", () => {
    expect(membersAfter(clusters, { kind: "merge", from: "c", into: "b" })).toEqual({
      clusters: [{ id: "b", resultIds: ["r4", "r5", "r6", "r7"] }],
    });
    expect(membersAfter(clusters, { kind: "split", clusterId: "a", resultIds: ["r2", "r3"] })).toEqual({
      clusters: [{ id: "a", resultIds: ["r1"] }],
      created: ["r2", "r3"],
    });
  });

  it("rename, drop and approve change no cluster's members", () => {
    for (const kind of ["rename", "drop", "approve"] as const)
      expect(membersAfter(clusters, { kind })).toEqual({ clusters: [] });
  });
});

describe("labelAfter", () => {
  it("keeps a label while one of its terms is still shared, and takes the engine's new one when none is", () => {
    expect(labelAfter("battery · lithium · recycling", "battery · cathode · recycling", ["cathode", "Recycling"])).toBe(
      "battery · lithium · recycling",
    );
    expect(
      labelAfter("maintenance · vibration · predictive", "vibration · maintenance · predictive", ["vibration"]),
    ).toBe("maintenance · vibration · predictive");
    expect(labelAfter("soil · moisture · probe", "water · pump · solar", ["water", "pump", "solar"])).toBe(
      "water · pump · solar",
    );
  });
});
