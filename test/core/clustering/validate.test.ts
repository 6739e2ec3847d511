import { describe, expect, it } from "vitest";
import { formatIssuePath, validateWorkshop } from "../../../src/core/clustering/index.ts";
import { workshopOf } from "./helpers.ts";

const issuesOf = (raw: unknown) => {
  const result = validateWorkshop(raw);
  return result.ok ? [] : result.issues;
};

const base = () =>
  workshopOf([
    { id: "R1", project: "P1", title: "One", description: "First result" },
    { id: "R2", project: "P2", title: "Two", keywords: ["second"] },
  ]);

describe("validateWorkshop", () => {
  it("accepts a valid workshop and applies defaults", () => {
    const result = validateWorkshop({ ...base(), interests: [{ project: "P1", result: "R2" }] });
    expect(result.ok && result.workshop.interests[0]?.level).toBe("medium");
  });

  it("reports an empty workshop", () => {
    expect(issuesOf({ ...base(), results: [] })).toEqual([
      { path: ["results"], message: "the workshop is empty: it has no results to cluster" },
    ]);
  });

  it("reports duplicate ids with the first occurrence", () => {
    const w = base();
    w.results.push({ id: "R1", project: "P2", title: "Again", description: "dup" });
    w.projects.push({ id: "P1" });
    expect(issuesOf(w)).toEqual([
      { path: ["projects", 2, "id"], message: 'duplicate project id "P1" (also projects[0])' },
      { path: ["results", 2, "id"], message: 'duplicate result id "R1" (also results[0])' },
    ]);
  });

  it("reports references to unknown projects and results", () => {
    const w = base();
    w.results.push({ id: "R3", project: "P9", title: "Orphan", description: "x" });
    w.interests = [{ project: "P7", result: "R404", level: "low" }];
    expect(issuesOf(w)).toEqual([
      { path: ["results", 2, "project"], message: 'unknown project "P9" (known: P1, P2)' },
      { path: ["interests", 0, "project"], message: 'unknown project "P7" (known: P1, P2)' },
      { path: ["interests", 0, "result"], message: 'interest in unknown result "R404" (known: R1, R2, R3)' },
    ]);
  });

  it("requires a description or keywords", () => {
    const w = base();
    w.results.push({ id: "R3", project: "P1", title: "Bare", keywords: [" "] });
    expect(issuesOf(w)).toEqual([
      { path: ["results", 2, "description"], message: "expected a description or keywords" },
    ]);
  });

  it("explains type and value errors at their JSON path", () => {
    const raw = {
      workshop: { name: "x" },
      projects: [{ id: "P1" }],
      results: [{ id: "R1", project: "P1", description: "d", trl: 12 }],
      interests: [{ project: "P1", result: "R1", level: "huge" }],
    };
    const issues = issuesOf(raw).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
    expect(issues).toEqual([
      "results[0].title: is required (expected string)",
      "results[0].trl: expected a number ≤ 9",
      'interests[0].level: expected one of "low", "medium", "high"',
    ]);
  });

  it("warns about self-interest and repeated interests, keeping the higher level", () => {
    const result = validateWorkshop({
      ...base(),
      interests: [
        { project: "P1", result: "R1", level: "high" },
        { project: "P1", result: "R2", level: "low" },
        { project: "P1", result: "R2", level: "high" },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'project "P1" is interested in its own result "R1"; ignored',
      'project "P1" expressed interest in "R2" twice; the higher level is kept',
    ]);
    expect(result.ok && result.workshop.interests).toEqual([{ project: "P1", result: "R2", level: "high" }]);
  });

  it("never throws on garbage", () => {
    for (const raw of [null, 42, "text", [], { results: "no" }]) expect(validateWorkshop(raw).ok).toBe(false);
  });
});
