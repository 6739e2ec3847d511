// The review's pure parts: 60 results in 10 clusters fit every page within Slack's 100 blocks, with every result
// shown on some page; the design rule names the cluster that breaks it; a re-run's changes are counted.
import { describe, expect, it } from "vitest";
import type { ReviewCluster, ReviewView } from "../../../src/core/review/model.ts";
import { rerunChanges } from "../../../src/core/review/rerun.ts";
import { designRuleWarnings } from "../../../src/core/review/rules.ts";
import { reviewScreen } from "../../../src/core/review/screens.ts";

function cluster(index: number, acronyms: string[], size: number): ReviewCluster {
  return {
    id: `c${index}`,
    label: `Cluster ${index}`,
    explanation: `Shared terms: “sensor” and more, a long explanation ${"word ".repeat(60)}`,
    cohesion: 0.4,
    status: "suggested",
    sharedTerms: [{ term: "sensor", results: ["a", "b"] }],
    members: Array.from({ length: size }, (_, member) => ({
      resultId: `r${index}-${member}`,
      title: `Result ${index}.${member} with a fairly long title`,
      projectId: `p${member % acronyms.length}`,
      acronym: acronyms[member % acronyms.length] ?? "X",
    })),
    responses: [],
  };
}

function view(clusters: ReviewCluster[]): ReviewView {
  return {
    workshopId: "w",
    workshopName: "Workshop",
    runId: "run",
    runNumber: 1,
    engineVersion: "3.0.0",
    granularity: "normal",
    version: 1,
    clusters,
    unclustered: [],
    leftOut: [],
  };
}

describe("the review screen", () => {
  it("pages 60 results in 10 clusters within 100 blocks a page, every result on some page", () => {
    const review = view(Array.from({ length: 10 }, (_, index) => cluster(index, ["A", "B", "C"], 6)));
    const first = reviewScreen(review);
    const pager = JSON.stringify(first.blocks).match(/Page 1 of (\d+)/);
    const pages = Number(pager?.[1] ?? 1);
    const shown = new Set<string>();
    for (let page = 0; page < pages; page++) {
      const screen = reviewScreen(review, page);
      expect(screen.blocks.length).toBeLessThanOrEqual(100);
      for (const match of JSON.stringify(screen.blocks).matchAll(/Result (\d+\.\d+)/g)) shown.add(match[1] ?? "");
    }
    expect(shown.size).toBe(60);
  });
});

describe("the design rule", () => {
  it("names a one-project cluster and a project in every cluster", () => {
    const warnings = designRuleWarnings([cluster(1, ["A", "B"], 2), cluster(2, ["A"], 2), cluster(3, ["A", "C"], 2)]);
    expect(warnings).toContain("“Cluster 2” has results of A only: a cluster spans at least two projects.");
    expect(warnings.join(" ")).toContain("A is in every cluster");
    expect(
      designRuleWarnings([cluster(1, ["A", "B"], 2), cluster(2, ["B", "C"], 2), cluster(3, ["A", "C"], 2)]),
    ).toEqual([]);
  });
});

describe("a re-run's changes", () => {
  it("lists the edited clusters it would replace and counts the results that change company", () => {
    const changes = rerunChanges(
      [
        { label: "Edited", resultIds: ["a", "b", "c"], edited: true },
        { label: "Untouched", resultIds: ["d", "e"], edited: false },
      ],
      [
        { label: "New 1", resultIds: ["a", "b"], edited: false },
        { label: "New 2", resultIds: ["d", "e"], edited: false },
      ],
    );
    expect(changes.editedLost).toEqual(["Edited"]);
    expect(changes.movedResults).toBe(3);
  });
});
