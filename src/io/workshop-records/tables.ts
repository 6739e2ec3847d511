// Raw tables from a workbook (one sheet per table) or from CSV files (one table per file, named by the file).
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import { detectDelimiter } from "../csv-delimiter.ts";
import { unescapeCell } from "../spreadsheet-cells.ts";
import { loadWorkbook } from "../workbook.ts";
import { type FileIssue, WorkshopFileError } from "../workshop-files/errors.ts";
import { COLUMNS, normaliseHeading, TABLES, type TableName } from "./columns.ts";

export interface RawRow {
  /** Spreadsheet row number (the heading row is 1). */
  number: number;
  cells: string[];
}

export interface RawTable {
  name: TableName;
  file: string;
  /** How a place in this table starts: "sheet results" in a workbook, nothing in a CSV file. */
  sheet?: string;
  headings: string[];
  rows: RawRow[];
}

export async function tablesFromXlsx(data: Uint8Array, file: string): Promise<RawTable[]> {
  const workbook = await loadWorkbook(data, file);
  const tables: RawTable[] = [];
  for (const worksheet of workbook.worksheets) {
    const name = tableNamed(worksheet.name);
    if (!name) continue;
    const width = worksheet.columnCount;
    const all: RawRow[] = [];
    for (let r = 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      all.push({ number: r, cells: Array.from({ length: width }, (_, k) => cellText(row.getCell(k + 1))) });
    }
    const [heading, ...rows] = all;
    tables.push({
      name,
      file,
      sheet: `sheet ${worksheet.name}`,
      headings: name === "workshop" ? [] : (heading?.cells ?? []),
      rows: name === "workshop" ? all : rows.filter((row) => row.cells.some((c) => c !== "")),
    });
  }
  return tables;
}

export function tableFromCsv(text: string, file: string): RawTable {
  const name = tableNamed(basename(file, extname(file)));
  if (!name) {
    throw new WorkshopFileError([
      {
        file,
        message: `cannot tell which table this CSV file holds: name it after one (${TABLES.filter(
          (t) => t !== "workshop",
        )
          .map((t) => `${t}.csv`)
          .join(", ")}), e.g. "${basename(file, extname(file))}-projects.csv"`,
      },
    ]);
  }
  const delimiter = name === "workshop" ? "," : detectDelimiter(text, (h) => isHeadingOf(name, h));
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, delimiter });
  const issues: FileIssue[] = parsed.errors
    .filter((e) => e.code !== "UndetectableDelimiter")
    .map((e) => ({ file, where: e.row === undefined ? undefined : `row ${e.row + 1}`, message: `CSV: ${e.message}` }));
  if (issues.length > 0) throw new WorkshopFileError(issues);
  const [heading, ...records] = parsed.data;
  const rows = records
    .map((cells, k) => ({ number: k + 2, cells: cells.map((c) => unescapeCell(c.trim())) }))
    .filter((row) => row.cells.some((c) => c !== ""));
  if (name === "workshop")
    return {
      name,
      file,
      headings: [],
      rows: parsed.data.map((cells, k) => ({ number: k + 1, cells: cells.map((c) => unescapeCell(c.trim())) })),
    };
  return { name, file, headings: (heading ?? []).map((h) => h.trim()), rows };
}

/** "projects", "2026 Results", "my-workshop-work-plan", "Work plan" → the table; unknown → undefined. */
export function tableNamed(name: string): TableName | undefined {
  const normal = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const exact = TABLES.find((t) => normal === t);
  if (exact) return exact;
  return [...TABLES].sort((x, y) => y.length - x.length).find((t) => normal.endsWith(`-${t}`));
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return value.getUTCHours() || value.getUTCMinutes() ? iso : iso.slice(0, 10);
  }
  if (value === null || value === undefined) return "";
  return unescapeCell((cell.text ?? "").trim());
}

function isHeadingOf(table: Exclude<TableName, "workshop">, heading: string): boolean {
  const normal = normaliseHeading(heading);
  return Object.values(COLUMNS[table]).some((names) => names.includes(normal));
}
