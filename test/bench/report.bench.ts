/**
 * npm run bench:report — a 60-result, 10-cluster workshop report in every format (target: all of them in < 10 s).
 * The workshop is synthetic (test/tools/synthetic.ts) with partners, members, characterisations, 10 stored clusters
 * with work-plans and review history; `--analysis` leaves the clusters out so the report runs the analysis too.
 * Prints the time to build the report model and to render each format (PDF includes launching Chromium).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { buildReport } from "../../src/core/report/build.ts";
import { REPORT_FORMATS } from "../../src/core/report/formats.ts";
import type { ReportInputDraft } from "../../src/core/report/input.ts";
import { clusterMapSvg } from "../../src/core/report/map/svg.ts";
import { validateReportInput } from "../../src/core/report/validate.ts";
import { renderReport } from "../../src/io/report/index.ts";
import { generateWorkshop } from "../tools/synthetic.ts";

const { values } = parseArgs({
  options: {
    results: { type: "string", default: "60" },
    clusters: { type: "string", default: "10" },
    analysis: { type: "boolean", default: false },
  },
});
const resultCount = Number(values.results);
const clusterCount = Number(values.clusters);

const PARTNERS = ["Politechnika Łódzka", "Müller GmbH", "Universidade de São Paulo", "Énergie Ouest SAS", "Örebro AB"];

function workshopInput(): ReportInputDraft {
  const { workshop, plant } = generateWorkshop({ results: resultCount, clusters: clusterCount, seed: 7, outliers: 0 });
  const projects = workshop.projects.map((p, k) => ({
    id: p.id,
    acronym: p.acronym ?? p.id,
    title: p.title,
    summary: p.summary,
    programme: "Horizon Europe",
    partners: [PARTNERS[k % PARTNERS.length]!, PARTNERS[(k + 2) % PARTNERS.length]!].map((name) => ({
      name,
      country: "EU",
    })),
    members: [{ name: `Member ${k + 1}`, email: `member${k + 1}@example.org` }],
  }));
  const partnersOf = new Map(projects.map((p) => [p.id, p.partners.map((o) => o.name)]));
  const results = workshop.results.map((r) => ({
    ...r,
    trl: undefined,
    trlNow: r.trl,
    trlExpected: r.trl === undefined ? undefined : Math.min(9, r.trl + 2),
    owners: partnersOf.get(r.project)!.slice(0, 1),
    iprWithin: "Foreground owned by the developing partner; background licensed royalty-free within the project",
    iprProtection: ["copyright"],
    iprOutside: "No third-party rights known",
    timeToMarket: "12–24 months",
    status: "submitted" as const,
  }));
  const byCluster = new Map<string, string[]>();
  for (const [result, cluster] of Object.entries(plant))
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), result]);
  const clusters = [...byCluster.entries()].map(([name, members], k) => ({
    id: `c${k + 1}`,
    label: `Planted cluster ${name}`,
    explanation: `Planted by the generator: ${members.join(", ")}.`,
    cohesion: 0.5,
    status: "approved" as const,
    results: members,
    workPlan: [1, 2].map((n) => ({
      activity: `Joint activity ${n} of cluster ${k + 1}: pilot and validate in São Paulo and Łódź`,
      lead: PARTNERS[(k + n) % PARTNERS.length],
      contributors: [PARTNERS[(k + n + 1) % PARTNERS.length]!],
      start: "2026-06-01",
      end: "2026-12-31",
      resources: "3 person-months",
      benefit: "Shared pilot site",
      status: "agreed" as const,
    })),
  }));
  const history = clusters.slice(0, 5).map((c, k) => ({
    at: `2026-05-0${k + 1}T10:00:00Z`,
    by: "Anna Müller",
    action: `renamed to “${c.label}”`,
    cluster: c.id,
  }));
  return {
    workshop: { name: "Benchmark workshop Łódź", theme: "Industry 4.0" },
    projects,
    results,
    interests: workshop.interests,
    ...(values.analysis ? {} : { clusters, history }),
  };
}

const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, (performance.now() - started) / 1000];
};

const validation = validateReportInput(workshopInput());
if (!validation.ok) throw new Error(JSON.stringify(validation.issues.slice(0, 5)));
const total = performance.now();
const [report, buildSeconds] = await time(() => buildReport(validation.input, { generatedOn: "2026-06-01" }));
const [, mapSeconds] = await time(() => clusterMapSvg(report));
const rows: [string, number, number][] = [];
for (const format of REPORT_FORMATS) {
  const [rendered, seconds] = await time(() => renderReport(report, format));
  rows.push([format, seconds, rendered.main.content.length]);
}
const totalSeconds = (performance.now() - total) / 1000;

process.stdout.write(
  `${report.figures.results} results, ${report.figures.projects} projects, ${report.figures.clusters} clusters` +
    `${values.analysis ? " (found by the analysis)" : " (stored)"}, ${report.figures.workPlanItems} work-plan items\n`,
);
process.stdout.write(`build the report model   ${buildSeconds.toFixed(2)} s\n`);
process.stdout.write(`cluster map (layout+SVG) ${mapSeconds.toFixed(2)} s (also inside every format below)\n`);
for (const [format, seconds, bytes] of rows)
  process.stdout.write(`${format.padEnd(24)} ${seconds.toFixed(2)} s   ${(bytes / 1024).toFixed(0)} KB\n`);
process.stdout.write(`all formats, one after the other: ${totalSeconds.toFixed(2)} s (target < 10 s)\n`);
process.stdout.write(`load average ${loadavg()[0]!.toFixed(1)} on this machine: figures vary with other work.\n`);
if (totalSeconds >= 10) process.exitCode = 1;
