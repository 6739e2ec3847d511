import { describe, expect, it } from "vitest";
import {
  analysisSchema,
  analyzeWorkshop,
  WorkshopValidationError,
  workshopJsonSchema,
} from "../../../src/core/clustering/index.ts";
import { generateWorkshop } from "../../tools/synthetic.ts";
import { clusterOf, themedWorkshop, workshopOf } from "./helpers.ts";

describe("analyzeWorkshop", () => {
  it("returns the documented output shape", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    expect(analysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.clusters.map((c) => c.id)).toEqual(analysis.clusters.map((_, k) => `c${k + 1}`));
  });

  it("groups results that share a theme", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    expect(clusterOf(analysis, "R3")).toBeDefined();
    expect(clusterOf(analysis, "R3")).toBe(clusterOf(analysis, "R4"));
    expect(clusterOf(analysis, "R6")).toBe(clusterOf(analysis, "R7"));
    expect(clusterOf(analysis, "R3")).not.toBe(clusterOf(analysis, "R6"));
  });

  it("clusters a need with the offer that meets it even when they share almost no words", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    const cluster = analysis.clusters.find((c) => c.results.includes("R1"));
    expect(cluster?.results).toContain("R2");
    expect(cluster?.explanation).toMatch(/“Crop disease detector” needs data .*↔ “Plant pathology archive” offers/);
  });

  it("does not find that pair from words alone", () => {
    const textOnly = analyzeWorkshop(themedWorkshop(), { weights: { interest: 0, complementarity: 0 } });
    const together = clusterOf(textOnly, "R1") !== undefined && clusterOf(textOnly, "R1") === clusterOf(textOnly, "R2");
    expect(together).toBe(false);
  });

  it("labels each cluster with distinctive terms and explains it with evidence", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    const battery = analysis.clusters.find((c) => c.results.includes("R3"))!;
    expect(battery.label).toMatch(/battery/i);
    expect(battery.explanation).toContain("Shared terms:");
    expect(battery.explanation).toMatch(/ACR-P4 → “Battery state of health estimation” \(high, integrate\)/);
    expect(battery.explanation).toMatch(/Mutual interest: ACR-P3 ↔ ACR-P4/);
    expect(battery.cohesion).toBeGreaterThan(0);
    expect(battery.cohesion).toBeLessThanOrEqual(1);
  });

  it("names results and projects by their titles and acronyms, never by their ids", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    for (const cluster of analysis.clusters) {
      expect(cluster.explanation).not.toMatch(/\bR\d\b|\(P\d\)/);
    }
  });

  it("names at most three results per shared term and counts the rest", () => {
    const { workshop } = generateWorkshop({ results: 120, clusters: 10, seed: 3 });
    const analysis = analyzeWorkshop(workshop);
    const widelyShared = analysis.clusters.flatMap((c) =>
      (c.evidence?.sharedTerms ?? [])
        .slice(0, 4)
        .filter((t) => t.results.length > 3)
        .map((t) => ({ explanation: c.explanation, term: t.term, rest: t.results.length - 3 })),
    );
    expect(widelyShared.length).toBeGreaterThan(0);
    for (const { explanation, term, rest } of widelyShared) {
      expect(explanation).toMatch(new RegExp(`“${term}” \\([^)]* and ${rest} more\\)`));
    }
  });

  it("leaves an unrelated result unclustered", () => {
    const analysis = analyzeWorkshop(themedWorkshop());
    expect(analysis.unclustered.map((u) => u.result)).toContain("R9");
  });

  it("gives the same output for the same input in any order", () => {
    const { workshop } = generateWorkshop({ results: 120, clusters: 15, seed: 7 });
    const reversed = {
      ...workshop,
      projects: [...workshop.projects].reverse(),
      results: [...workshop.results]
        .reverse()
        .map((r) => ({ ...r, keywords: r.keywords && [...r.keywords].reverse() })),
      interests: [...(workshop.interests ?? [])].reverse(),
    };
    expect(analyzeWorkshop(reversed)).toEqual(analyzeWorkshop(workshop));
  });

  it("chooses fewer clusters for coarse granularity than for fine", () => {
    const { workshop } = generateWorkshop({ results: 150, clusters: 20, seed: 3 });
    const coarse = analyzeWorkshop(workshop, { granularity: "coarse", maxSize: 40 });
    const fine = analyzeWorkshop(workshop, { granularity: "fine", maxSize: 40 });
    expect(coarse.clusters.length).toBeLessThanOrEqual(fine.clusters.length);
  });

  it("rejects an invalid workshop with located issues", () => {
    const bad = workshopOf(
      [{ id: "R1", project: "P1", title: "Only result", description: "x" }],
      [{ project: "P1", result: "R404", level: "high" }],
    );
    expect(() => analyzeWorkshop(bad)).toThrow(WorkshopValidationError);
    try {
      analyzeWorkshop(bad);
    } catch (error) {
      expect((error as WorkshopValidationError).issues).toEqual([
        { path: ["interests", 0, "result"], message: 'interest in unknown result "R404" (known: R1)' },
      ]);
    }
  });

  it("handles a workshop too small to cluster", () => {
    const analysis = analyzeWorkshop(
      workshopOf([{ id: "R1", project: "P1", title: "Lonely", description: "A lonely result." }]),
    );
    expect(analysis).toEqual({
      clusters: [],
      unclustered: [{ result: "R1", nearest: null, reason: "no cluster could be formed in this workshop" }],
    });
  });
});

describe("workshopJsonSchema", () => {
  it("describes the interchange format, including 'description or keywords'", () => {
    const schema = workshopJsonSchema() as {
      properties: Record<string, { items?: { anyOf?: unknown; required?: string[] } }>;
    };
    expect(Object.keys(schema.properties)).toEqual(["workshop", "projects", "results", "interests"]);
    expect(schema.properties.results?.items?.required).toEqual(["id", "project", "title"]);
    expect(schema.properties.results?.items?.anyOf).toEqual([
      { required: ["description"] },
      { required: ["keywords"] },
    ]);
  });
});

describe("engine constants", () => {
  it("keeps the CLI's help default in step with the engine's maximum cluster size", async () => {
    const { CLI_DEFAULT_MAX_SIZE } = await import("../../../src/cli/analyze.ts");
    const { DEFAULT_MAX_SIZE, engineVersion } = await import("../../../src/core/clustering/index.ts");
    expect(CLI_DEFAULT_MAX_SIZE).toBe(DEFAULT_MAX_SIZE);
    expect(engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("history independence", () => {
  it("gives the same clusters for a workshop whatever was analysed before in the same process", async () => {
    const { readFileSync } = await import("node:fs");
    const { plant: _plant, ...workshop } = JSON.parse(
      readFileSync(new URL("../../fixtures/real/debian-health.json", import.meta.url), "utf8"),
    );
    const first = analyzeWorkshop(workshop);
    analyzeWorkshop(themedWorkshop());
    expect(analyzeWorkshop(workshop)).toEqual(first);
  });
});
