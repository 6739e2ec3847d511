import { describe, expect, it } from "vitest";
import { analyzeWorkshop } from "../../../src/core/clustering/index.ts";
import { clusterOf, themedWorkshop, workshopOf } from "./helpers.ts";

/** Two themes whose results share no word at all: only an encoder's vectors can tell which belong together. */
function wordlessPairs() {
  return workshopOf([
    { id: "A1", project: "P1", title: "Wind turbine blade inspection", description: "Drones photograph cracks." },
    { id: "A2", project: "P2", title: "Offshore rotor erosion survey", description: "Aerial robots map pitting." },
    { id: "B1", project: "P3", title: "Hospital triage chatbot", description: "Asks symptoms before admission." },
    { id: "B2", project: "P4", title: "Emergency ward prioritisation", description: "Ranks arriving patients." },
  ]);
}

const vectors = new Map<string, number[]>([
  ["A1", [1, 0.1, 0]],
  ["A2", [0.9, 0, 0.1]],
  ["B1", [0, 1, 0.1]],
  ["B2", [0.1, 0.9, 0]],
]);

describe("encoder vectors (optional input)", () => {
  it("groups results worded differently when their encoder vectors agree", () => {
    const plain = analyzeWorkshop(wordlessPairs());
    expect(clusterOf(plain, "A1")).toBeUndefined();

    const encoded = analyzeWorkshop(wordlessPairs(), { embeddings: { vectors, share: 0.5 } });
    expect(clusterOf(encoded, "A1")).toBeDefined();
    expect(clusterOf(encoded, "A1")).toBe(clusterOf(encoded, "A2"));
    expect(clusterOf(encoded, "B1")).toBe(clusterOf(encoded, "B2"));
    expect(clusterOf(encoded, "A1")).not.toBe(clusterOf(encoded, "B1"));
  });

  it("leaves the analysis unchanged for results that have no vector", () => {
    const workshop = themedWorkshop();
    expect(analyzeWorkshop(workshop, { embeddings: { vectors: new Map(), share: 0.5 } })).toEqual(
      analyzeWorkshop(workshop),
    );
  });
});
