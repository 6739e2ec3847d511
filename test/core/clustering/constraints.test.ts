import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Analysis, analyzeWorkshop, type WorkshopInput } from "../../../src/core/clustering/index.ts";
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

describe("projects with several results", () => {
  // Three themes, three projects each, every project describing its work in two results (an objective and a
  // result summary, worded alike). A project's own pair is its closest match; clusters must still cross projects.
  const themes = [
    ["battery", "lithium cells", "charging curves", "capacity fade"],
    ["textile", "garment fibres", "recycling lines", "sorting by composition"],
    ["crop", "leaf disease", "field photographs", "fungal infection"],
  ];
  // Each project's own words (its acronym, site and partners) appear in both of its results.
  const own = ["alder", "birch", "cedar", "elm", "fir", "hazel", "larch", "maple", "rowan"];
  const results = themes.flatMap(([topic, a, b, c], t) =>
    [0, 1, 2].flatMap((p) => {
      const name = own[3 * t + p]!;
      const team = `${name} consortium, ${name} valley site, ${name} foundry partners`;
      return [
        {
          id: `R${t}${p}a`,
          project: `P${t}${p}`,
          title: `${name.toUpperCase()} ${topic} objective`,
          description: `The ${team} study ${a} and ${b} to understand ${c}.`,
        },
        {
          id: `R${t}${p}b`,
          project: `P${t}${p}`,
          title: `${name.toUpperCase()} ${topic} results`,
          description: `The ${team} report on ${a}, ${b} and ${c}.`,
        },
      ];
    }),
  );

  it("groups them by theme across projects instead of leaving each project's pair unclustered", () => {
    const analysis = analyzeWorkshop(workshopOf(results));
    expect(analysis.unclustered.length).toBeLessThanOrEqual(2);
    for (const cluster of analysis.clusters) {
      const clusterThemes = new Set(cluster.results.map((r) => r.slice(1, 2)));
      expect(clusterThemes.size).toBe(1);
      expect(cluster.projects.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("owes it to counting only other projects' results when judging attachment", () => {
    // With few, unsmoothed neighbours each project's pair is all a result sees; counting same-project results makes
    // pairs look like the best partition, and pairs of one project are then dissolved.
    const sparse = { neighbours: { k: 5, smoothing: 0 } };
    expect(analyzeWorkshop(workshopOf(results), sparse).unclustered.length).toBeLessThanOrEqual(2);
    expect(analyzeWorkshop(workshopOf(results), { ...sparse, crossProject: false }).unclustered.length).toBeGreaterThan(
      9,
    );
  });
});

describe("unrelated results left out (real text)", () => {
  // Real text: NSF earth/climate abstracts by programme plus 12 abstracts from other NSF divisions (fixtures README).
  const planted = JSON.parse(
    readFileSync(new URL("../../fixtures/real/planted/nsf-planted.json", import.meta.url), "utf8"),
  ) as WorkshopInput & { unrelated: string[]; plant: unknown; heldOut: unknown; field: unknown };
  const { unrelated, plant: _plant, heldOut: _heldOut, field: _field, ...input } = planted;
  const leftOut = (analysis: Analysis) => unrelated.filter((id) => analysis.unclustered.some((u) => u.result === id));

  it("names each left-out unrelated result's nearest cluster and why it stays out", () => {
    const analysis = analyzeWorkshop(input);
    expect(leftOut(analysis).length).toBeGreaterThan(0);
    const ids = new Set(analysis.clusters.map((c) => c.id));
    const labels = new Map(analysis.clusters.map((c) => [c.id, c.label]));
    for (const u of analysis.unclustered.filter((x) => unrelated.includes(x.result))) {
      expect(ids.has(u.nearest ?? "")).toBe(true);
      expect(u.reason).toContain(`closest to “${labels.get(u.nearest!)}”`);
    }
  });
});
