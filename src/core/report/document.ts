// The report laid out as a document (sections, paragraphs, tables, one figure), shared by Markdown, HTML and DOCX:
// what the reader sees and in which order is decided here once; each renderer only translates the blocks.
import type { Report, ReportCluster, ReportResult } from "./model.ts";
import { summaryHeadings, summaryLines } from "./summary-text.ts";
import {
  clusterTitle,
  list,
  nearestText,
  partnerName,
  plural,
  statusText,
  timeText,
  trlText,
  unclusteredWhy,
  whenText,
} from "./words.ts";

export type Block =
  | { kind: "paragraph"; text: string; note?: boolean }
  /** A short bold line that introduces the block after it. */
  | { kind: "label"; text: string }
  /** Label/value pairs (a definition list); empty values are left out. */
  | { kind: "fields"; items: [string, string][] }
  | { kind: "list"; items: string[] }
  /** `widths` are relative column widths (they add up to 100). */
  | { kind: "table"; columns: string[]; rows: string[][]; widths: number[] }
  | { kind: "figure"; figure: "cluster-map"; caption: string };

export interface DocSection {
  id: string;
  title: string;
  blocks: Block[];
  sections: DocSection[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  sections: DocSection[];
}

const section = (id: string, title: string, blocks: Block[], sections: DocSection[] = []): DocSection => ({
  id,
  title,
  blocks,
  sections,
});
const paragraph = (text: string, note = false): Block => ({ kind: "paragraph", text, note });
const label = (text: string): Block => ({ kind: "label", text });
const fields = (items: [string, string | undefined][]): Block => ({
  kind: "fields",
  items: items.filter((item): item is [string, string] => Boolean(item[1])),
});
const table = (columns: string[], widths: number[], rows: string[][]): Block => ({
  kind: "table",
  columns,
  rows,
  widths,
});

export function reportDocument(report: Report): ReportDocument {
  const sections = [
    overview(report),
    projectsSection(report),
    resultsSection(report),
    interestsSection(report),
    clustersSection(report),
    unclusteredSection(report),
    summariesSection(report),
  ];
  if (report.history.length > 0) sections.push(historySection(report));
  return {
    title: report.title,
    subtitle: [report.workshop.theme, `Report of ${report.generatedOn}`].filter(Boolean).join(" · "),
    sections: sections.map((s, k) => ({ ...s, title: `${k + 1}. ${s.title}` })),
  };
}

function overview(report: Report): DocSection {
  const f = report.figures;
  const blocks: Block[] = [
    paragraph(
      `${plural(f.projects, "project")} with ${plural(f.partners, "partner organisation")} brought ` +
        `${plural(f.results, "exploitable result")} and expressed ${plural(f.interests, "interest")} in each ` +
        `other's results. ${plural(f.clusters, "cluster")} formed` +
        (f.unclustered > 0 ? `; ${plural(f.unclustered, "result")} joined none.` : "; every result joined one.") +
        (f.workPlanItems > 0 ? ` The clusters agreed ${plural(f.workPlanItems, "work-plan item")}.` : ""),
    ),
    fields([
      ["Workshop", report.workshop.name],
      ["Theme", report.workshop.theme],
      ["Homework deadline", report.workshop.homeworkDeadline],
      ["Phase", report.workshop.phase],
      ["Report date", report.generatedOn],
    ]),
  ];
  if (report.clustersSource === "analysis")
    blocks.push(
      paragraph(
        "The clusters in this report were suggested by Clusterbot's analysis when the report was made; " +
          "facilitators have not reviewed them yet.",
        true,
      ),
    );
  return section("overview", "Overview", blocks);
}

function projectsSection(report: Report): DocSection {
  return section("projects", "Participating projects and partners", [
    table(
      ["Project", "Title", "Programme", "Partners", "Members"],
      [15, 27, 13, 27, 18],
      report.projects.map((p) => [
        p.acronym,
        p.title ?? "",
        p.programme ?? "",
        list(p.partners.map(partnerName)),
        list(p.members),
      ]),
    ),
  ]);
}

function resultsSection(report: Report): DocSection {
  const byId = new Map(report.results.map((r) => [r.id, r]));
  const clusterLabel = new Map(report.clusters.map((c) => [c.id, clusterTitle(c)]));
  return section(
    "results",
    "Exploitable results",
    [paragraph("Each project's most significant exploitable results, as its partners characterised them.")],
    report.projects.map((p) =>
      section(
        `results-${p.id}`,
        p.title ? `${p.acronym}: ${p.title}` : p.acronym,
        p.results.length === 0 ? [paragraph("No results given.", true)] : [],
        p.results.map((id) => resultSection(byId.get(id)!, clusterLabel)),
      ),
    ),
  );
}

function resultSection(result: ReportResult, clusterLabel: Map<string, string>): DocSection {
  return section(`result-${result.id}`, `${result.id} · ${result.title}`, [
    fields([
      ["Description", result.description],
      ["Type", result.type],
      ["Keywords", list(result.keywords)],
      ["Unique selling point", result.usp],
      ["Readiness", trlText(result.trlNow, result.trlExpected)],
      ["Owners", list(result.owners)],
      ["IPR within the project", result.iprWithin],
      ["Protection", list(result.iprProtection.map(statusText))],
      ["IPR outside the project", result.iprOutside],
      ["Target users / market", result.market],
      ["Time to market", result.timeToMarket],
      ["Needed to exploit it", result.needs],
      ["Status", result.status],
      ["Clusters", list(result.clusters.map((id) => clusterLabel.get(id) ?? id))],
    ]),
  ]);
}

function interestsSection(report: Report): DocSection {
  if (report.interests.length === 0)
    return section("interests", "Interest matrix", [paragraph("No project expressed interest in another's results.")]);
  return section("interests", "Interest matrix", [
    paragraph("Who wants what: each project's interest in other projects' results, with its level and kind."),
    table(
      ["Result", "Owner", "Interested project", "Level", "Kind", "Note"],
      [28, 11, 13, 9, 13, 26],
      report.interests.map((i) => [
        i.resultTitle,
        i.ownerAcronym,
        i.projectAcronym,
        i.level,
        i.kind ?? "",
        i.note ?? "",
      ]),
    ),
  ]);
}

function clustersSection(report: Report): DocSection {
  const intro: Block[] = [
    paragraph(
      report.clusters.length === 0
        ? "No clusters formed."
        : "Clusters group results that share topics or complement each other. Each cluster says why it holds " +
            "together, which projects take part and its preliminary work-plan.",
    ),
  ];
  if (report.clusters.length > 0)
    intro.push({
      kind: "figure",
      figure: "cluster-map",
      caption:
        "Cluster map. Circles are results, coloured by cluster (grey: in no cluster); dark squares are projects, " +
        "joined to their results by thin lines. Solid arrows: a project's interest in a result (thicker = higher " +
        "level). Dashed lines: one result's need met by another's offer.",
    });
  return section("clusters", "Clusters and work-plans", intro, report.clusters.map(clusterSection));
}

function clusterSection(cluster: ReportCluster): DocSection {
  const blocks: Block[] = [
    fields([
      ["Status", cluster.status],
      ["Projects", list(cluster.projects)],
      ["Cohesion", cluster.cohesion === undefined ? undefined : cluster.cohesion.toFixed(2)],
      ["Why", cluster.explanation],
    ]),
    table(
      ["Ref", "Result", "Project"],
      [14, 64, 22],
      cluster.results.map((r) => [r.id, r.title, r.projectAcronym]),
    ),
  ];
  blocks.push(label("Work-plan"));
  if (cluster.workPlan.length === 0) blocks.push(paragraph("No work-plan items yet.", true));
  else
    blocks.push(
      table(
        ["Activity", "Who", "When", "Status"],
        [44, 24, 16, 16],
        cluster.workPlan.map((item) => [
          [
            item.activity,
            item.resources && `Resources: ${item.resources}`,
            item.benefit && `Expected benefit: ${item.benefit}`,
          ]
            .filter(Boolean)
            .join("\n"),
          [item.lead && `${item.lead} (lead)`, ...item.contributors].filter(Boolean).join("\n"),
          whenText(item),
          [statusText(item.status), item.followUp && `Follow-up: ${item.followUp}`].filter(Boolean).join("\n"),
        ]),
      ),
    );
  if (cluster.history.length > 0)
    blocks.push(label("Changed by facilitators"), {
      kind: "list",
      items: cluster.history.map((e) => `${timeText(e.at)}, ${e.by}: ${e.action}`),
    });
  return section(`cluster-${cluster.id}`, clusterTitle(cluster), blocks);
}

function unclusteredSection(report: Report): DocSection {
  if (report.unclustered.length === 0)
    return section("unclustered", "Results left unclustered", [paragraph("Every result joined a cluster.")]);
  return section("unclustered", "Results left unclustered", [
    paragraph("These results joined no cluster. The nearest cluster is where they come closest."),
    table(
      ["Ref", "Result", "Project", "Why", "Nearest cluster"],
      [12, 26, 13, 26, 23],
      report.unclustered.map((u) => [u.id, u.title, u.projectAcronym, unclusteredWhy(u), nearestText(u)]),
    ),
  ]);
}

function summariesSection(report: Report): DocSection {
  return section(
    "summaries",
    "Something back for every project",
    [paragraph("For each project: who wants its results, which clusters its results joined, and needs it could meet.")],
    report.summaries.map((s) => {
      const lines = summaryLines(s);
      return section(`summary-${s.project}`, s.acronym, [
        label(summaryHeadings.interest),
        { kind: "list", items: lines.interest },
        label(summaryHeadings.clusters),
        { kind: "list", items: lines.clusters },
        label(summaryHeadings.needs),
        { kind: "list", items: lines.needs },
      ]);
    }),
  );
}

function historySection(report: Report): DocSection {
  return section("history", "Review history", [
    paragraph("What facilitators changed while reviewing the suggested clusters."),
    table(
      ["When", "Who", "What", "Cluster"],
      [18, 18, 40, 24],
      report.history.map((e) => [timeText(e.at), e.by, e.action, e.cluster ? clusterTitle(e.cluster) : ""]),
    ),
  ]);
}
