// The report as flat tables, one per section, for spreadsheets: one row per thing, so every column filters.
import type { Report } from "./model.ts";
import { clusterTitle, nearestText, statusText, timeText, unclusteredWhy } from "./words.ts";

export type Cell = string | number | null;

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
}

export interface ReportSheet {
  name: string;
  columns: SheetColumn[];
  rows: Cell[][];
}

const col = (header: string, width: number): SheetColumn => ({ header, width });
const join = (values: readonly string[]) => values.join("; ");
const opt = (value: string | undefined) => value ?? null;

export function reportSheets(report: Report): ReportSheet[] {
  const clusterName = new Map(report.clusters.map((c) => [c.id, clusterTitle(c)]));
  const sheets: ReportSheet[] = [
    {
      name: "Overview",
      columns: [col("Item", 26), col("Value", 70)],
      rows: [
        ["Workshop", report.workshop.name],
        ["Theme", opt(report.workshop.theme)],
        ["Homework deadline", opt(report.workshop.homeworkDeadline)],
        ["Report date", report.generatedOn],
        ["Clusters", report.clustersSource === "analysis" ? "suggested by the analysis, not reviewed" : "as stored"],
        ["Projects", report.figures.projects],
        ["Partner organisations", report.figures.partners],
        ["Exploitable results", report.figures.results],
        ["Interests", report.figures.interests],
        ["Clusters formed", report.figures.clusters],
        ["Results in no cluster", report.figures.unclustered],
        ["Work-plan items", report.figures.workPlanItems],
      ],
    },
    {
      name: "Projects",
      columns: [col("Project", 14), col("Title", 40), col("Programme", 18), col("Summary", 60), col("Members", 40)],
      rows: report.projects.map((p) => [p.acronym, opt(p.title), opt(p.programme), opt(p.summary), join(p.members)]),
    },
    {
      name: "Partners",
      columns: [col("Project", 14), col("Partner", 40), col("Country", 12)],
      rows: report.projects.flatMap((p) => p.partners.map((o) => [p.acronym, o.name, opt(o.country)])),
    },
    {
      name: "Results",
      columns: [
        col("Project", 14),
        col("Ref", 12),
        col("Result", 40),
        col("Description", 60),
        col("Type", 14),
        col("Keywords", 30),
        col("Unique selling point", 40),
        col("TRL now", 9),
        col("TRL expected", 12),
        col("Owners", 30),
        col("IPR within the project", 40),
        col("Protection", 20),
        col("IPR outside the project", 40),
        col("Target users / market", 30),
        col("Time to market", 16),
        col("Needed to exploit it", 40),
        col("Status", 11),
        col("Clusters", 40),
      ],
      rows: report.results.map((r) => [
        r.projectAcronym,
        r.id,
        r.title,
        opt(r.description),
        opt(r.type),
        join(r.keywords),
        opt(r.usp),
        r.trlNow ?? null,
        r.trlExpected ?? null,
        join(r.owners),
        opt(r.iprWithin),
        join(r.iprProtection.map(statusText)),
        opt(r.iprOutside),
        opt(r.market),
        opt(r.timeToMarket),
        opt(r.needs),
        opt(r.status),
        join(r.clusters.map((id) => clusterName.get(id) ?? id)),
      ]),
    },
    {
      name: "Interests",
      columns: [
        col("Result", 40),
        col("Owner", 14),
        col("Interested project", 18),
        col("Level", 9),
        col("Kind", 18),
        col("Note", 50),
      ],
      rows: report.interests.map((i) => [
        i.resultTitle,
        i.ownerAcronym,
        i.projectAcronym,
        i.level,
        i.kind ?? null,
        opt(i.note),
      ]),
    },
    {
      name: "Clusters",
      columns: [
        col("Cluster", 9),
        col("Label", 40),
        col("Status", 11),
        col("Cohesion", 10),
        col("Ref", 12),
        col("Result", 40),
        col("Project", 14),
        col("Why", 80),
      ],
      rows: report.clusters.flatMap((c) =>
        c.results.map((r) => [
          c.id.toUpperCase(),
          c.label,
          c.status,
          c.cohesion ?? null,
          r.id,
          r.title,
          r.projectAcronym,
          opt(c.explanation),
        ]),
      ),
    },
    {
      name: "Work plan",
      columns: [
        col("Cluster", 40),
        col("Activity", 40),
        col("Lead", 18),
        col("Contributors", 30),
        col("Start", 12),
        col("End", 12),
        col("Milestone", 20),
        col("Resources", 24),
        col("Expected benefit", 30),
        col("Status", 12),
        col("Follow-up", 24),
      ],
      rows: report.clusters.flatMap((c) =>
        c.workPlan.map((item) => [
          clusterTitle(c),
          item.activity,
          opt(item.lead),
          join(item.contributors),
          opt(item.start),
          opt(item.end),
          opt(item.milestone),
          opt(item.resources),
          opt(item.benefit),
          statusText(item.status),
          opt(item.followUp),
        ]),
      ),
    },
    {
      name: "Unclustered",
      columns: [col("Result", 40), col("Project", 14), col("Why", 50), col("Nearest cluster", 40)],
      rows: report.unclustered.map((u) => [u.title, u.projectAcronym, unclusteredWhy(u), nearestText(u) || null]),
    },
    {
      name: "Project summaries",
      columns: [col("Project", 14), col("Finding", 22), col("Result", 40), col("Other project", 16), col("Detail", 80)],
      rows: report.summaries.flatMap((s) => [
        ...s.interestInResults.map((i) => [
          s.acronym,
          "interest in its result",
          i.resultTitle,
          i.by,
          [i.level, i.kind, i.note].filter(Boolean).join("; "),
        ]),
        ...s.clusters.flatMap((c) =>
          c.via.map((title) => [s.acronym, "joined cluster", title, join(c.with), clusterTitle(c)]),
        ),
        ...s.needsItCouldServe.map((n) => [
          s.acronym,
          "could serve a need",
          n.resultTitle,
          n.forProject,
          `“${n.forResultTitle}” needs: ${n.need} (${n.because})`,
        ]),
      ]),
    },
  ];
  if (report.history.length > 0)
    sheets.push({
      name: "Review history",
      columns: [col("When", 20), col("Who", 20), col("What", 60), col("Cluster", 40)],
      rows: report.history.map((e) => [timeText(e.at), e.by, e.action, e.cluster ? clusterTitle(e.cluster) : null]),
    });
  return sheets;
}
