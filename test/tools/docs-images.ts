/**
 * node test/tools/docs-images.ts — the README's pictures: a page of the PDF report and the cluster map, made from
 * the hand-written realistic workshop (test/fixtures/workshops/realistic.json) with the analysis' clusters taken as
 * reviewed, a few partners, work-plan items and review changes added. Writes docs/report-page.png and
 * docs/cluster-map.png (needs chromium and poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeWorkshop } from "../../src/core/clustering/index.ts";
import { buildReport } from "../../src/core/report/build.ts";
import type { ReportInputDraft } from "../../src/core/report/input.ts";
import { clusterMapSvg } from "../../src/core/report/map/svg.ts";
import { validateReportInput } from "../../src/core/report/validate.ts";
import { renderReport } from "../../src/io/report/index.ts";
import { svgToPng } from "../../src/io/report/png.ts";

const raw = JSON.parse(readFileSync("test/fixtures/workshops/realistic.json", "utf8"));
const analysis = analyzeWorkshop(raw);
const partners: Record<string, { name: string; country: string }[]> = {
  P01: [
    { name: "Politechnika Łódzka", country: "PL" },
    { name: "Müller Werkzeugmaschinen GmbH", country: "DE" },
  ],
  P02: [{ name: "Universidade de São Paulo", country: "BR" }],
  P18: [{ name: "Høgskolen i Østfold", country: "NO" }],
};
const input: ReportInputDraft = {
  workshop: { name: "Industry 4.0 cluster workshop, Łódź 2026", theme: "Smart factories and beyond" },
  projects: raw.projects.map((p: { id: string }) => ({ ...p, partners: partners[p.id] ?? [] })),
  results: raw.results.map(({ trl, ...r }: { trl?: number }) => ({ ...r, trlNow: trl })),
  interests: raw.interests,
  clusters: analysis.clusters.map((c, k) => ({
    ...c,
    status: k < 6 ? "approved" : "suggested",
    workPlan:
      k === 0
        ? [
            {
              activity: "Pilot the spindle monitor with the failure-mode library in one machine shop",
              lead: "Müller Werkzeugmaschinen GmbH",
              contributors: ["Politechnika Łódzka", "Universidade de São Paulo"],
              start: "2026-06-01",
              end: "2026-11-30",
              milestone: "M6 pilot report",
              resources: "4 person-months",
              benefit: "Validated at TRL 7 on three machine types",
              status: "agreed",
              followUp: "asked 2026-07-01, answered",
            },
            {
              activity: "Joint proposal for an AR maintenance assistant",
              lead: "Høgskolen i Østfold",
              start: "2026-09-01",
              status: "proposed",
            },
          ]
        : [],
  })),
  unclustered: analysis.unclustered,
  history: [
    { at: "2026-05-20T09:12:00Z", by: "Anna Müller", action: "moved R36 into C1", cluster: "c1" },
    { at: "2026-05-20T09:20:00Z", by: "Anna Müller", action: "approved C1–C6" },
  ],
};
const validation = validateReportInput(input);
if (!validation.ok) throw new Error(JSON.stringify(validation.issues.slice(0, 5)));
const report = buildReport(validation.input, { generatedOn: "2026-05-21" });

writeFileSync("docs/cluster-map.png", svgToPng(clusterMapSvg(report), { scale: 0.8 }));
const dir = mkdtempSync(join(tmpdir(), "clusterbot-docs-"));
const pdf = join(dir, "report.pdf");
writeFileSync(pdf, (await renderReport(report, "pdf")).main.content);
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
const page = Array.from({ length: pages }, (_, k) => k + 1).find((n) =>
  execFileSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).includes("Work-plan"),
)!;
execFileSync("pdftoppm", [
  "-f",
  String(page),
  "-l",
  String(page),
  "-r",
  "60",
  "-png",
  "-singlefile",
  pdf,
  join(dir, "page"),
]);
renameSync(join(dir, "page.png"), "docs/report-page.png");
process.stdout.write(`docs/cluster-map.png, docs/report-page.png (page ${page} of ${pages})\n`);
