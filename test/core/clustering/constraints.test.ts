import { describe, expect, it } from "vitest";
import { analyzeWorkshop } from "../../../src/core/clustering/index.ts";
import { generateWorkshop } from "../../tools/synthetic.ts";
import { workshopOf } from "./helpers.ts";

const { workshop } = generateWorkshop({ results: 200, clusters: 20, seed: 11 });
const projectOf = new Map(workshop.results.map((r) => [r.id, r.project]));

describe("cluster constraints", () => {
  it("makes every cluster span at least two projects", () => {
    for (const cluster of analyzeWorkshop(workshop).clusters) {
      expect(new Set(cluster.results.map((r) => projectOf.get(r))).size).toBeGreaterThanOrEqual(2);
      expect(cluster.projects).toEqual([...new Set(cluster.results.map((r) => projectOf.get(r)!))].sort());
    }
  });

  it("never exceeds the maximum size", () => {
    for (const maxSize of [3, 5]) {
      const analysis = analyzeWorkshop(workshop, { maxSize });
      expect(analysis.clusters.length).toBeGreaterThan(0);
      for (const cluster of analysis.clusters) expect(cluster.results.length).toBeLessThanOrEqual(maxSize);
    }
  });

  it("places each result at most once and accounts for every result", () => {
    const analysis = analyzeWorkshop(workshop);
    const placed = [...analysis.clusters.flatMap((c) => c.results), ...analysis.unclustered.map((u) => u.result)];
    expect(placed.sort()).toEqual(workshop.results.map((r) => r.id).sort());
  });

  it("lets one project sit in several clusters through different results", () => {
    const analysis = analyzeWorkshop(workshop);
    const clustersPerProject = new Map<string, number>();
    for (const c of analysis.clusters)
      for (const p of c.projects) clustersPerProject.set(p, (clustersPerProject.get(p) ?? 0) + 1);
    expect(Math.max(...clustersPerProject.values())).toBeGreaterThan(1);
  });

  it("names the nearest existing cluster of each unclustered result, or none", () => {
    const analysis = analyzeWorkshop(workshop, { maxSize: 3 });
    const ids = new Set(analysis.clusters.map((c) => c.id));
    expect(analysis.unclustered.length).toBeGreaterThan(0);
    for (const u of analysis.unclustered) if (u.nearest !== null) expect(ids.has(u.nearest)).toBe(true);
    expect(analysis.unclustered.some((u) => u.nearest !== null)).toBe(true);
  });

  it("does not form a cluster from a single project's results", () => {
    const analysis = analyzeWorkshop(
      workshopOf([
        {
          id: "R1",
          project: "P1",
          title: "Hydrogen electrolyser stack",
          description: "Alkaline electrolyser stack for green hydrogen.",
        },
        {
          id: "R2",
          project: "P1",
          title: "Hydrogen electrolyser control",
          description: "Control software for alkaline electrolyser stacks producing green hydrogen.",
        },
        { id: "R3", project: "P2", title: "Museum visitor app", description: "Audio guide for museum visitors." },
      ]),
    );
    expect(analysis.clusters).toEqual([]);
    expect(analysis.unclustered.map((u) => u.result)).toEqual(["R1", "R2", "R3"]);
  });
});
