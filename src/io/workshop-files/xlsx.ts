import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import { unescapeCell } from "../spreadsheet-cells.ts";
import { loadWorkbook } from "../workbook.ts";
import { type FileIssue, WorkshopFileError } from "./errors.ts";
import { finishTabular } from "./finish.ts";
import { columnsOf, type Row, rowOf, type Sheet, workshopFromRows } from "./tabular.ts";
import type { LoadedWorkshop } from "./types.ts";

const SHEETS: Sheet[] = ["projects", "results", "interests"];

/** A workbook with sheets "projects", "results" and (optionally) "interests"; an optional "workshop" sheet names it. */
export async function parseWorkshopXlsx(data: Uint8Array, file: string): Promise<LoadedWorkshop> {
  const workbook = await loadWorkbook(data, file);
  const issues: FileIssue[] = [];
  const sheets = { projects: [], results: [], interests: [] } as Record<Sheet, Row[]>;
  for (const sheet of SHEETS) {
    const worksheet = findSheet(workbook, sheet);
    if (!worksheet) {
      if (sheet !== "interests")
        issues.push({
          file,
          where: `sheet "${sheet}"`,
          message: `missing sheet "${sheet}" (expected sheets: ${SHEETS.join(", ")})`,
        });
      continue;
    }
    sheets[sheet] = readSheet(worksheet, sheet, file, issues);
  }
  if (issues.length > 0) throw new WorkshopFileError(issues);
  return finishTabular(workshopFromRows(workshopName(workbook, file), sheets, file), file);
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name);
}

function readSheet(worksheet: ExcelJS.Worksheet, sheet: Sheet, file: string, issues: FileIssue[]): Row[] {
  const headings = cellTexts(worksheet.getRow(1), worksheet.columnCount);
  const columns = columnsOf(headings, sheet, file, `sheet ${sheet}, row 1`);
  issues.push(...columns.issues);
  const rows: Row[] = [];
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = rowOf(columns.fields, cellTexts(worksheet.getRow(r), headings.length), `sheet ${sheet}, row ${r}`);
    if (row) rows.push(row);
  }
  return rows;
}

function cellTexts(row: ExcelJS.Row, count: number): string[] {
  return Array.from({ length: count }, (_, k) => row.getCell(k + 1).text ?? "");
}

function workshopName(workbook: ExcelJS.Workbook, file: string): string {
  const sheet = findSheet(workbook, "workshop");
  const name = unescapeCell(sheet?.getRow(1).getCell(2).text?.trim() ?? "");
  return name || basename(file, extname(file));
}
