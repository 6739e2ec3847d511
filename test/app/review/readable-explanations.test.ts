// The engine explains clusters with the ids it was given; from the database those are uuids, which people cannot
// read: the review shows the project's acronym and the start of the result's title instead.
import { describe, expect, it } from "vitest";
import { readableExplanations } from "../../../src/app/review/engine-input.ts";

const project = "59c55012-0e71-4c13-a19c-9d18b9ce2713";
const forecast = "aa360d79-146c-4562-a408-f03f96021882";
const app = "f7df5f1a-15da-4dc7-b4ea-d13cdc454ae3";
const input = {
  workshop: { name: "W" },
  projects: [{ id: project, acronym: "MAMACARE", title: "Maternal care" }],
  results: [
    { id: forecast, project, title: "Dengue outbreak forecasts three months ahead", keywords: [] },
    { id: app, project, title: "Offline-first app", keywords: [] },
  ],
  interests: [],
};

describe("readable explanations", () => {
  it("names projects by acronym and results by the start of their title", () => {
    const { clusters, unclustered } = readableExplanations(input, {
      clusters: [
        {
          explanation: `Shared terms: “health” (${forecast}, ${app}). Interest: MAMACARE (${project}) → ${forecast} (high, integrate).`,
        },
      ],
      unclustered: [{ reason: `Closest to ${app}.` }, {}],
    });
    expect(clusters[0]!.explanation).toBe(
      "Shared terms: “health” (MAMACARE “Dengue outbreak forecasts three months…”, MAMACARE “Offline-first app”). " +
        "Interest: MAMACARE → MAMACARE “Dengue outbreak forecasts three months…” (high, integrate).",
    );
    expect(unclustered[0]!.reason).toBe("Closest to MAMACARE “Offline-first app”.");
    expect(unclustered[1]).toEqual({});
  });
});
