import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.ts";
import { reportDocument } from "../../src/core/report/document.ts";
import { groupInput } from "../../src/core/report/group.ts";
import { renderHtml } from "../../src/core/report/html.ts";
import type { ReportInputDraft } from "../../src/core/report/input.ts";
import { renderMarkdown } from "../../src/core/report/markdown.ts";
import { projectSummaryMessage } from "../../src/core/report/summary-message.ts";
import { validateReportInput } from "../../src/core/report/validate.ts";
import { reviewedWorkshop } from "./fixture.ts";

function report(raw: ReportInputDraft = reviewedWorkshop()) {
  const validation = validateReportInput(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return buildReport(validation.input, { generatedOn: "2026-05-01" });
}

describe("the report model", () => {
  it("keeps the stored clusters, their work-plan and review history, oldest change first", () => {
    const built = report();
    expect(built.clustersSource).toBe("stored");
    expect(built.clusters.map((c) => c.label)).toEqual(["Machine-tool maintenance"]);
    expect(built.clusters[0]!.projects).toEqual(["ALPHA", "BETA"]);
    expect(built.clusters[0]!.workPlan[0]!.activity).toBe("Pilot the spindle module on the São Paulo line");
    expect(built.history.map((e) => e.action)).toEqual([
      "moved “Vibration dataset” into c1",
      "renamed c1 to “Machine-tool maintenance”",
    ]);
    expect(built.figures).toMatchObject({ projects: 4, partners: 5, results: 5, interests: 3, workPlanItems: 1 });
  });

  it("says why each result is unclustered and names the nearest cluster", () => {
    const byTitle = new Map(report().unclustered.map((u) => [u.title, u]));
    expect(byTitle.get("Repurposed EV battery packs")).toMatchObject({
      reason: "weak",
      nearest: { id: "c1", label: "Machine-tool maintenance" },
    });
    // DELTA-1 has only a title: nothing to compare, and it was not placed.
    expect(byTitle.get("Vineyard yield forecast")).toMatchObject({ reason: "not-characterised", nearest: null });
  });

  it("gives every project its summary: interest in its results, its clusters, needs of others it could serve", () => {
    const summaries = new Map(report().summaries.map((s) => [s.acronym, s]));
    const alpha = summaries.get("ALPHA")!;
    expect(alpha.interestInResults.map((i) => [i.by, i.level, i.note])).toEqual([
      ["BETA", "high", "Test it on our pilot line"],
      ["GAMMA", "low", undefined],
    ]);
    expect(alpha.clusters).toEqual([
      expect.objectContaining({
        label: "Machine-tool maintenance",
        via: ["Spindle health monitoring module", "Vibration dataset of milling spindles"],
        with: ["BETA"],
      }),
    ]);
    // GAMMA needs vibration data; ALPHA's dataset offers it and GAMMA has not asked for it yet.
    expect(alpha.needsItCouldServe).toEqual([
      expect.objectContaining({
        resultTitle: "Vibration dataset of milling spindles",
        forProject: "GAMMA",
        need: "Vibration data to model wear of packs in transport",
      }),
    ]);
    // ALPHA needs a pilot line: BETA offers one, but ALPHA already expressed interest in it, so it is not "unmet".
    expect(summaries.get("BETA")!.needsItCouldServe.map((n) => n.forResult)).not.toContain("ALPHA-1");
    expect(summaries.get("DELTA")!).toMatchObject({ interestInResults: [], clusters: [], needsItCouldServe: [] });
  });

  it("says the same in the report's section and in the project's direct message", () => {
    const built = report();
    const markdown = renderMarkdown(reportDocument(built), { mapImage: "map.svg" });
    const alpha = built.summaries.find((s) => s.acronym === "ALPHA")!;
    const message = JSON.stringify(projectSummaryMessage(alpha, "Łódź Industry 4.0 workshop"));
    for (const line of [
      "BETA is interested in “Spindle health monitoring module” (high, validate): Test it on our pilot line",
      "C1 · Machine-tool maintenance through “Spindle health monitoring module”, “Vibration dataset of milling spindles”, with BETA",
      "“Vibration dataset of milling spindles” could serve GAMMA's “Repurposed EV battery packs”, which needs: Vibration data to model wear of packs in transport",
    ]) {
      expect(markdown).toContain(line);
      expect(message).toContain(line);
    }
    expect(message).toContain("summaries.off");
  });

  it("reports one working group: its cluster's results, the interest in them, its work-plan", () => {
    const validation = validateReportInput(reviewedWorkshop());
    if (!validation.ok) throw new Error("invalid fixture");
    const scoped = groupInput(validation.input, "c1")!;
    expect(validateReportInput(scoped).ok).toBe(true);
    const built = buildReport(scoped, {
      generatedOn: "2026-05-01",
      title: "Working group report: Machine-tool maintenance",
    });
    expect(built.title).toBe("Working group report: Machine-tool maintenance");
    expect(built.clusters.map((c) => c.label)).toEqual(["Machine-tool maintenance"]);
    expect(built.results.map((r) => r.id).sort()).toEqual(built.clusters[0]!.results.map((r) => r.id).sort());
    expect(built.results.some((r) => r.title === "Vineyard yield forecast")).toBe(false);
    expect(built.interests.every((i) => built.clusters[0]!.results.some((r) => r.id === i.result))).toBe(true);
    expect(built.clusters[0]!.workPlan[0]!.activity).toBe("Pilot the spindle module on the São Paulo line");
    expect(built.unclustered).toEqual([]);
    expect(groupInput(validation.input, "c9")).toBeNull();
  });

  it("runs the analysis when the input has no clusters yet, and says they are not reviewed", () => {
    const { clusters: _c, unclustered: _u, history: _h, ...homework } = reviewedWorkshop();
    const built = report(homework);
    expect(built.clustersSource).toBe("analysis");
    expect(built.clusters.length).toBeGreaterThan(0);
    expect(built.clusters.every((c) => c.status === "suggested")).toBe(true);
    expect(built.history).toEqual([]);
    expect(renderMarkdown(reportDocument(built))).toContain("facilitators have not reviewed them yet");
  });

  it("is the same report whatever order the input lists things in", () => {
    const shuffled = reviewedWorkshop();
    shuffled.projects.reverse();
    shuffled.interests!.reverse();
    // Results keep their order within a project (the partners' order of significance), so only projects move.
    shuffled.results = [...shuffled.results!].sort((x, y) =>
      x.project < y.project ? 1 : x.project > y.project ? -1 : 0,
    );
    expect(shuffled.results.map((r) => r.id)[0]).toBe("GAMMA-1");
    expect(renderMarkdown(reportDocument(report(shuffled)))).toBe(renderMarkdown(reportDocument(report())));
  });
});

describe("report input validation", () => {
  it("locates unknown references, owners who are not partners and a TRL going down", () => {
    const raw = reviewedWorkshop();
    raw.results![1]!.owners = ["Nobody Ltd"];
    raw.results![2]!.trlExpected = 3;
    raw.interests!.push({ project: "OMEGA", result: "ALPHA-9" });
    raw.clusters![0]!.results.push("ZETA-1");
    const validation = validateReportInput(raw);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.issues).toEqual(
      expect.arrayContaining([
        {
          path: ["results", 1, "owners"],
          message: '"Nobody Ltd" is not a partner of ALPHA (partners: Politechnika Łódzka, Müller GmbH)',
        },
        { path: ["results", 2, "trlExpected"], message: "expected TRL 3 is below the TRL now (7)" },
        expect.objectContaining({ path: ["interests", 3, "project"], message: expect.stringContaining('"OMEGA"') }),
        expect.objectContaining({ path: ["interests", 3, "result"], message: expect.stringContaining('"ALPHA-9"') }),
        expect.objectContaining({ path: ["clusters", 0, "results", 3] }),
      ]),
    );
  });

  it("refuses a member with neither an email nor a platform user id, and a malformed email", () => {
    const raw = reviewedWorkshop();
    raw.projects[0]!.members = [{ name: "No Contact" }, { email: "not-an-email" }];
    const validation = validateReportInput(raw);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["projects.0.members.0", "expected an email address or a platform user id"],
      ["projects.0.members.1.email", "expected an email address"],
    ]);
  });
});

describe("Markdown and HTML", () => {
  it("escape user text so a title cannot add markup, links or scripts", () => {
    const raw = reviewedWorkshop();
    raw.results![0]!.title = "<script>alert(1)</script> [click](http://x) | *bold*";
    const document = reportDocument(report(raw));
    const markdown = renderMarkdown(document);
    expect(markdown).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](http://x) \\| \\*bold\\*");
    const html = renderHtml(document);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("show every section, the non-ASCII names, work-plan items and review history", () => {
    const document = reportDocument(report());
    const markdown = renderMarkdown(document, { mapImage: "map.svg" });
    for (const text of [
      "# Workshop report: Łódź Industry 4.0 workshop",
      "## 5. Clusters and work-plans",
      "### C1 · Machine-tool maintenance",
      "| Pilot the spindle module on the São Paulo line<br>Resources: 2 person-months<br>Expected benefit: " +
        "Field validation at TRL 7 | Universidade de São Paulo (lead)<br>Müller GmbH | 2026-04-01 – 2026-09-30<br>" +
        "milestone: M3 pilot report | agreed<br>Follow-up: asked 2026-04-15, answered |",
      "Politechnika Łódzka (PL), Müller GmbH (DE)",
      "2026-03-20 09:00 UTC, Anna Müller: moved “Vibration dataset” into c1",
      "## 8. Review history",
      "![Cluster map.",
    ])
      expect(markdown).toContain(text);
    const html = renderHtml(document, { mapSvg: "<svg></svg>" });
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(html).toContain("<figure><svg></svg><figcaption>");
  });

  it("leaves the review history section out when nothing was changed", () => {
    const raw = reviewedWorkshop();
    raw.history = [];
    expect(renderMarkdown(reportDocument(report(raw)))).not.toContain("Review history");
  });
});
