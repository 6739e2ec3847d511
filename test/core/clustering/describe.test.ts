import { describe, expect, it } from "vitest";
import { analyzeWorkshop, describeClusters } from "../../../src/core/clustering/index.ts";
import { generateWorkshop } from "../../tools/synthetic.ts";
import { themedWorkshop } from "./helpers.ts";

describe("describeClusters", () => {
  it("describes the analysis's own clusters exactly as the analysis does, in any order of their results", () => {
    for (const input of [themedWorkshop(), generateWorkshop({ seed: 7, results: 60, clusters: 8 }).workshop]) {
      const analysis = analyzeWorkshop(input);
      const described = describeClusters(
        input,
        {},
        analysis.clusters.map((cluster) => [...cluster.results].reverse()),
      );
      expect(described).toEqual(
        analysis.clusters.map(({ label, explanation, cohesion, evidence }) => ({
          label,
          explanation,
          cohesion,
          evidence,
        })),
      );
    }
  });

  it("follows the members it is given: a result taken out is no longer named, one put in is", () => {
    const input = themedWorkshop();
    const analysis = analyzeWorkshop(input);
    const [first, second] = analysis.clusters;
    const moved = first!.results[0]!;
    const title = input.results.find((result) => result.id === moved)!.title;
    const [left, joined] = describeClusters(input, {}, [
      first!.results.filter((id) => id !== moved),
      [...second!.results, moved],
    ]);
    expect(left?.evidence.sharedTerms.flatMap((term) => term.results)).not.toContain(moved);
    expect(left?.explanation).not.toContain(title);
    expect(joined?.explanation).toMatch(/Cohesion \d\.\d\d/);
    expect(joined?.cohesion).toBeLessThan(second!.cohesion);
  });

  it("ignores ids the workshop does not know, and gives null for a cluster left with none", () => {
    const input = themedWorkshop();
    const [known] = analyzeWorkshop(input).clusters;
    expect(describeClusters(input, {}, [["nope"], []])).toEqual([null, null]);
    expect(describeClusters(input, {}, [[...known!.results, "nope"]])[0]?.label).toBe(known!.label);
  });
});
