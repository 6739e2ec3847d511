// Each format read back the way a person or a program would: PDF text through pdftotext, DOCX as its XML,
// XLSX through exceljs, the map PNG's pixels through its size. Needs chromium and poppler-utils (.ci/run installs them).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.ts";
import type { ReportInputDraft } from "../../src/core/report/input.ts";
import type { Report } from "../../src/core/report/model.ts";
import { validateReportInput } from "../../src/core/report/validate.ts";
import { renderReport } from "../../src/io/report/index.ts";
import { findChromium } from "../../src/io/report/pdf.ts";
import { findDejaVuSans } from "../../src/io/report/png.ts";
import { reviewedWorkshop } from "./fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "clusterbot-report-"));
const NON_ASCII = ["Łódź", "Müller GmbH", "Universidade de São Paulo", "João Araújo", "Énergie Ouest SAS"];

function reportOf(raw: ReportInputDraft): Report {
  const validation = validateReportInput(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return buildReport(validation.input, { generatedOn: "2026-05-01" });
}

function withFormulaNote(): ReportInputDraft {
  const raw = reviewedWorkshop();
  raw.interests![1]!.note = '=HYPERLINK("http://evil.example","click")';
  return raw;
}

/** Enough interests that the interest matrix runs over several PDF pages. */
function longWorkshop(): ReportInputDraft {
  const raw = reviewedWorkshop();
  const projects = ["ALPHA", "BETA", "GAMMA", "DELTA"];
  raw.results = projects.flatMap((p, k) =>
    Array.from({ length: 12 }, (_, i) => ({
      id: `${p}-${i + 1}`,
      project: p,
      title: `${p} result ${i + 1} on machine tools and batteries`,
      description: `Result ${i + 1} of ${p}: sensors, vibration and battery storage, variant ${k * 12 + i}.`,
    })),
  );
  raw.interests = raw.results.flatMap((r) =>
    projects.filter((p) => p !== r.project).map((p) => ({ project: p, result: r.id, level: "medium" as const })),
  );
  raw.clusters = undefined;
  raw.unclustered = undefined;
  raw.history = [];
  return raw;
}

const pdfText = (file: string, first?: number, last?: number) =>
  execFileSync(
    "pdftotext",
    [...(first ? ["-f", String(first), "-l", String(last ?? first)] : []), "-layout", file, "-"],
    { encoding: "utf8" },
  );
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);

describe("PDF (Chromium)", () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, "report.pdf");
    writeFileSync(file, (await renderReport(reportOf(reviewedWorkshop()), "pdf")).main.content);
  });

  it("holds the cluster label, the work-plan item and the non-ASCII names as text", () => {
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of [
      "C1 · Machine-tool maintenance",
      "Pilot the spindle module on the São Paulo line",
      "Spindle health monitoring module",
      "Anna Müller",
      ...NON_ASCII,
    ])
      expect(text).toContain(expected);
  });

  it("gives every project its summary: who wants its results, its clusters, needs it could serve", () => {
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of [
      "Something back for every project",
      "BETA is interested in “Spindle health monitoring module” (high, validate): Test it on our pilot line",
      "with BETA",
      "“Vibration dataset of milling spindles” could serve GAMMA's",
    ])
      expect(text).toContain(expected);
  });

  it("numbers its pages and draws the cluster map as vector text", () => {
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(1);
    expect(pdfText(file, 1)).toMatch(new RegExp(`Page 1 of ${pages}`));
    expect(pdfText(file, pages)).toMatch(new RegExp(`Page ${pages} of ${pages}`));
    expect(pdfText(file)).toContain("Cluster map: Łódź Industry 4.0 workshop");
  });

  it("repeats a long table's header row on every page it runs over", async () => {
    const long = join(dir, "long.pdf");
    writeFileSync(long, (await renderReport(reportOf(longWorkshop()), "pdf")).main.content);
    const pagesWithInterestRows = Array.from({ length: pageCount(long) }, (_, k) => pdfText(long, k + 1)).filter(
      (text) => /\s(ALPHA|BETA|GAMMA|DELTA)\s+(ALPHA|BETA|GAMMA|DELTA)\s+medium[ \t]*$/m.test(text),
    );
    expect(pagesWithInterestRows.length).toBeGreaterThan(1);
    for (const text of pagesWithInterestRows) expect(text).toMatch(/Result\s+Owner\s+Interested\s+Level\s+Kind\s+Note/);
  });
});

describe("DOCX", () => {
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    parts = unzipSync((await renderReport(reportOf(withFormulaNote()), "docx")).main.content);
  });

  it("has real headings, tables with repeating header rows, and the text with its non-ASCII names", () => {
    const xml = strFromU8(parts["word/document.xml"]!);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>5\. Clusters and work-plans<\/w:t>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?<w:t[^>]*>C1 · Machine-tool maintenance<\/w:t>/);
    expect(xml).toContain("<w:tblHeader/>");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const expected of ["Pilot the spindle module on the São Paulo line", "M3 pilot report", ...NON_ASCII])
      expect(text).toContain(expected);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>\d\. Something back for every project<\/w:t>/);
    expect(text).toContain("BETA is interested in “Spindle health monitoring module” (high, validate)");
    expect(text).toContain("“Vibration dataset of milling spindles” could serve GAMMA");
  });

  it("embeds the cluster map as a PNG and numbers the pages in the footer", () => {
    const images = Object.keys(parts).filter((name) => name.startsWith("word/media/"));
    expect(images).toHaveLength(1);
    const png = parts[images[0]!]!;
    expect(strFromU8(png.subarray(1, 4))).toBe("PNG");
    const footer = Object.entries(parts).find(([name]) => name.startsWith("word/footer"));
    expect(strFromU8(footer![1])).toMatch(/PAGE.*NUMPAGES/s);
  });
});

describe("XLSX", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    const content = (await renderReport(reportOf(withFormulaNote()), "xlsx")).main.content;
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  });

  it("has one sheet per section, each with a frozen, filtered header row", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Overview",
      "Projects",
      "Partners",
      "Results",
      "Interests",
      "Clusters",
      "Work plan",
      "Unclustered",
      "Project summaries",
      "Review history",
      "Cluster map",
    ]);
    for (const sheet of workbook.worksheets.slice(0, -1)) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    expect(workbook.getWorksheet("Cluster map")!.getImages()).toHaveLength(1);
  });

  it("holds labels, work-plan items and non-ASCII names as cell values", () => {
    const clusters = workbook.getWorksheet("Clusters")!;
    expect(clusters.getRow(2).getCell(2).value).toBe("Machine-tool maintenance");
    const plan = workbook.getWorksheet("Work plan")!.getRow(2);
    expect(plan.getCell(2).value).toBe("Pilot the spindle module on the São Paulo line");
    expect(plan.getCell(3).value).toBe("Universidade de São Paulo");
    const partners = workbook.getWorksheet("Partners")!;
    const names = partners.getColumn(2).values.filter((v) => typeof v === "string");
    expect(names).toEqual(expect.arrayContaining(["Politechnika Łódzka", "Müller GmbH", "Énergie Ouest SAS"]));
    const results = workbook.getWorksheet("Results")!;
    expect(results.getRow(1).getCell(8).value).toBe("TRL now");
    expect(results.getRow(2).getCell(8).value).toBe(6);
  });

  it("lists each project's summary, one finding a row", () => {
    const rows: unknown[][] = [];
    workbook.getWorksheet("Project summaries")!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        [
          "ALPHA",
          "interest in its result",
          "Spindle health monitoring module",
          "BETA",
          "high; validate; Test it on our pilot line",
        ],
        ["ALPHA", "joined cluster", "Vibration dataset of milling spindles", "BETA", "C1 · Machine-tool maintenance"],
        expect.arrayContaining(["ALPHA", "could serve a need", "Vibration dataset of milling spindles", "GAMMA"]),
      ]),
    );
  });

  it("writes a note that looks like a formula as text, with an apostrophe in front", () => {
    const interests = workbook.getWorksheet("Interests")!;
    const notes = interests.getColumn(6).values.filter((v) => typeof v === "string");
    expect(notes).toContain(`'=HYPERLINK("http://evil.example","click")`);
    interests.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });
});

describe("Markdown and HTML files", () => {
  it("Markdown comes with the map as an SVG file beside it; HTML has it inline", async () => {
    const report = reportOf(reviewedWorkshop());
    const markdown = await renderReport(report, "md", { mapFileName: "acme-cluster-map.svg" });
    expect(new TextDecoder().decode(markdown.main.content)).toContain("](acme-cluster-map.svg)");
    expect(markdown.attachments.map((a) => a.extension)).toEqual(["cluster-map.svg"]);
    const html = new TextDecoder().decode((await renderReport(report, "html")).main.content);
    expect(html).toMatch(/<figure><svg [^>]*aria-label="Cluster map: Łódź Industry 4\.0 workshop"/);
    expect(html).toContain("C1 · Machine-tool maintenance");
  });
});

describe("tools the formats need", () => {
  it("names the package to install when Chromium or the DejaVu font is missing", () => {
    expect(() => findChromium(["/nowhere/chromium"])).toThrow(/apt-get install chromium/);
    expect(() => findDejaVuSans(["/nowhere/DejaVuSans.ttf"])).toThrow(/apt-get install fonts-dejavu-core/);
  });
});
