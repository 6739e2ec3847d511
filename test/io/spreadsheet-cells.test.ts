import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reportInputSchema } from "../../src/core/report/input.ts";
import { safeCell, unescapeCell } from "../../src/io/spreadsheet-cells.ts";
import { parseWorkshopCsv } from "../../src/io/workshop-files/csv.ts";
import { workshopTemplate } from "../../src/io/workshop-files/templates.ts";
import { readRecordFiles } from "../../src/io/workshop-records/read.ts";
import { recordToCsv, recordToXlsx } from "../../src/io/workshop-records/write.ts";

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "'=already quoted",
  "''+twice",
];

describe("formula injection", () => {
  it("puts an apostrophe before text a spreadsheet would run, and reading takes it off again", () => {
    for (const text of HOSTILE) {
      expect(safeCell(text).startsWith("'")).toBe(true);
      expect(unescapeCell(safeCell(text))).toBe(text);
    }
    for (const text of ["Müller GmbH", "TRL 6 → 8", "a=b", "", "'quoted'"]) expect(safeCell(text)).toBe(text);
  });

  it("CSV and XLSX exports keep hostile notes as text, and import reads back exactly what was typed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clusterbot-cells-"));
    const input = reportInputSchema.parse({
      workshop: { name: "=2+2 workshop" },
      projects: [
        { id: "A", acronym: "A", partners: [{ name: "@Corp" }] },
        { id: "B", acronym: "B" },
      ],
      results: [
        {
          id: "A-1",
          project: "A",
          title: "-minus first",
          description: HOSTILE[1],
          usp: HOSTILE[2],
          market: HOSTILE[3],
          iprWithin: HOSTILE[6],
          iprOutside: HOSTILE[7],
          owners: ["@Corp"],
        },
      ],
      interests: [{ project: "B", result: "A-1", level: "low", note: HOSTILE[0] }],
    });
    for (const [name, text] of recordToCsv(input)) {
      writeFileSync(join(dir, name), text);
      for (const line of text.split("\n")) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    }
    expect((await readRecordFiles([dir])).input).toEqual(input);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recordToXlsx(input)) as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    const file = join(dir, "cells.xlsx");
    writeFileSync(file, await recordToXlsx(input));
    expect((await readRecordFiles([file])).input).toEqual(input);
  });

  it("analyze's templates and readers use the same escaping", async () => {
    const csv = String(await workshopTemplate("csv"));
    const loaded = parseWorkshopCsv(`${csv.split("\n")[0]}\nR9,P9,,,'=Title,"'-desc",,,,,,,\n`, "hostile.csv");
    expect(loaded.workshop.results[0]).toMatchObject({ title: "=Title", description: "-desc" });
  });
});
