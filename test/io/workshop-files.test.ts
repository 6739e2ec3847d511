import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  EXAMPLE_WORKSHOP,
  formatFileIssue,
  parseWorkshopCsv,
  parseWorkshopJson,
  parseWorkshopXlsx,
  readWorkshopFile,
  WorkshopFileError,
  workshopTemplate,
} from "../../src/io/workshop-files/index.ts";

const dir = mkdtempSync(join(tmpdir(), "clusterbot-io-"));

async function issuesOf(action: () => unknown): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof WorkshopFileError) return error.issues.map(formatFileIssue);
    throw error;
  }
  throw new Error("expected a WorkshopFileError");
}

const CSV_HEAD = "id,project,project_acronym,title,description,keywords,trl,interests";

describe("templates", () => {
  it("each template reads back as the example workshop", async () => {
    const json = parseWorkshopJson((await workshopTemplate("json")) as string, "t.json");
    const csv = parseWorkshopCsv((await workshopTemplate("csv")) as string, "t.csv");
    const xlsx = await parseWorkshopXlsx((await workshopTemplate("xlsx")) as Uint8Array, "t.xlsx");
    for (const loaded of [json, csv, xlsx]) {
      expect(loaded.warnings).toEqual([]);
      expect(loaded.workshop.results.map((r) => [r.id, r.project, r.title, r.trl, r.keywords])).toEqual(
        EXAMPLE_WORKSHOP.results.map((r) => [r.id, r.project, r.title, r.trl, r.keywords]),
      );
      expect(loaded.workshop.interests).toEqual([
        {
          project: "P1",
          result: "R2",
          level: "high",
          kind: "validate",
          ...(loaded === csv ? {} : { note: "To validate the module" }),
        },
      ]);
    }
    expect(xlsx.workshop.workshop.name).toBe("Industry 4.0 cluster workshop");
    expect(csv.workshop.projects.map((p) => p.acronym)).toEqual(["ALPHA", "BETA"]);
  });
});

describe("JSON files", () => {
  it("names the line and column of a syntax error", async () => {
    const issues = await issuesOf(() => parseWorkshopJson('{\n  "workshop": {,\n}', "w.json"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^w\.json, line 2, column \d+: not valid JSON/);
  });

  it("names the JSON path and what was expected", async () => {
    const raw = {
      ...EXAMPLE_WORKSHOP,
      results: [{ ...EXAMPLE_WORKSHOP.results[0], trl: "six" }, EXAMPLE_WORKSHOP.results[1]],
    };
    expect(await issuesOf(() => parseWorkshopJson(JSON.stringify(raw), "w.json"))).toEqual([
      "w.json, results[0].trl: expected number, received string",
    ]);
  });
});

describe("CSV files", () => {
  it("reads rows, splits keywords and interest cells", () => {
    const csv = `${CSV_HEAD}\nR1,P1,ALPHA,Sensor kit,Vibration sensors,"vibration; sensors",5,P2:high:use it\nR2,P2,BETA,Testbed,Open factory testbed,,TRL 7,\n`;
    const { workshop } = parseWorkshopCsv(csv, "w.csv");
    expect(workshop.workshop.name).toBe("w");
    expect(workshop.results[0]).toMatchObject({ keywords: ["vibration", "sensors"], trl: 5 });
    expect(workshop.results[1]?.trl).toBe(7);
    expect(workshop.interests).toEqual([{ project: "P2", result: "R1", level: "high", kind: "use" }]);
  });

  it("reports every problem with its row and field", async () => {
    const csv = `${CSV_HEAD}\nR1,P1,ALPHA,Sensor kit,Vibration,,eleven,P9:high\nR1,P2,BETA,Testbed,,,,P1:very:much:so\n`;
    expect(await issuesOf(() => parseWorkshopCsv(csv, "w.csv"))).toEqual([
      'w.csv, row 2, field "trl": expected a whole number from 1 to 9, got "eleven"',
      'w.csv, row 3, field "interests": expected "PROJECT[:level[:kind]]" entries separated by ";", got "P1:very:much:so"',
      'w.csv, row 3, field "id": duplicate result id "R1" (also results[0])',
      'w.csv, row 3, field "description": expected a description or keywords',
      'w.csv, row 2, "interests" cell, field "project": unknown project "P9" (known: P1, P2)',
    ]);
  });

  it("reports missing columns and empty files", async () => {
    expect(await issuesOf(() => parseWorkshopCsv("id,title\nR1,x\n", "w.csv"))).toEqual([
      expect.stringMatching(/^w\.csv, row 1, field "project": missing column "project"/),
    ]);
    expect(await issuesOf(() => parseWorkshopCsv("", "w.csv"))).toEqual([
      expect.stringMatching(/^w\.csv, row 1: the file is empty/),
    ]);
  });

  it("reports an interest in an unknown result", async () => {
    const csv = `${CSV_HEAD}\nR1,P1,ALPHA,Kit,Sensors,,,\nR2,P2,BETA,Lab,Testbed,,,\n`;
    const json = JSON.stringify({
      ...parseWorkshopCsv(csv, "w.csv").workshop,
      interests: [{ project: "P1", result: "R7" }],
    });
    expect(await issuesOf(() => parseWorkshopJson(json, "w.json"))).toEqual([
      'w.json, interests[0].result: interest in unknown result "R7" (known: R1, R2)',
    ]);
  });
});

describe("XLSX files", () => {
  async function workbookWith(build: (w: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    build(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it("reports a missing sheet", async () => {
    const data = await workbookWith((w) => w.addWorksheet("projects").addRow(["id"]));
    expect(await issuesOf(() => parseWorkshopXlsx(data, "w.xlsx"))).toEqual([
      'w.xlsx, sheet "results": missing sheet "results" (expected sheets: projects, results, interests)',
    ]);
  });

  it("locates errors by sheet and row", async () => {
    const data = await workbookWith((w) => {
      w.addWorksheet("projects").addRows([["id"], ["P1"], ["P2"]]);
      w.addWorksheet("results").addRows([
        ["id", "project", "title", "description"],
        ["R1", "P1", "Kit", "Sensors"],
        ["R2", "P3", "Lab", "Testbed"],
      ]);
      w.addWorksheet("interests").addRows([
        ["project", "result", "level"],
        ["P2", "R1", "urgent"],
      ]);
    });
    expect(await issuesOf(() => parseWorkshopXlsx(data, "w.xlsx"))).toEqual([
      'w.xlsx, sheet interests, row 2, field "level": expected one of "low", "medium", "high"',
    ]);
  });

  it("rejects a file that is not a workbook", async () => {
    expect(await issuesOf(() => parseWorkshopXlsx(new TextEncoder().encode("not a zip"), "w.xlsx"))).toEqual([
      expect.stringMatching(/^w\.xlsx: not a readable \.xlsx workbook/),
    ]);
  });
});

describe("readWorkshopFile", () => {
  it("dispatches on the extension", async () => {
    const file = join(dir, "w.json");
    writeFileSync(file, (await workshopTemplate("json")) as string);
    expect((await readWorkshopFile(file)).workshop.results).toHaveLength(2);
  });

  it("explains a missing file and an unsupported type", async () => {
    expect(await issuesOf(() => readWorkshopFile(join(dir, "none.json")))).toEqual([
      `${join(dir, "none.json")}: file not found`,
    ]);
    expect(await issuesOf(() => readWorkshopFile("w.txt"))).toEqual([
      'w.txt: unsupported file type ".txt": expected .json, .csv or .xlsx',
    ]);
  });
});
