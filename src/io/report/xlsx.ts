import ExcelJS from "exceljs";
import type { ReportSheet } from "../../core/report/sheets.ts";
import { safeCell, safeValue, withoutControlCharacters } from "../spreadsheet-cells.ts";

export interface XlsxImage {
  sheet: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** Writes sheets as a workbook: bold frozen header row, a filter on every column, long text wrapped. */
export async function writeSheetsXlsx(sheets: ReportSheet[], options: { title?: string; image?: XlsxImage } = {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterbot";
  if (options.title) workbook.title = options.title;
  // Fixed dates so the same report gives the same workbook contents.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of sheets) addTable(workbook, sheet);
  if (options.image) {
    const image = workbook.addImage({
      buffer: Buffer.from(options.image.png) as unknown as ArrayBuffer,
      extension: "png",
    });
    workbook.addWorksheet(options.image.sheet).addImage(image, {
      tl: { col: 0, row: 0 },
      ext: { width: options.image.width, height: options.image.height },
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function addTable(workbook: ExcelJS.Workbook, sheet: ReportSheet): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({
    header: safeCell(withoutControlCharacters(c.header)),
    width: c.width,
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };
  for (const row of sheet.rows)
    worksheet.addRow(row.map((cell) => safeValue(typeof cell === "string" ? withoutControlCharacters(cell) : cell)));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  sheet.columns.forEach((c, k) => {
    if (c.width >= 30) worksheet.getColumn(k + 1).alignment = { wrapText: true, vertical: "top" };
  });
  return worksheet;
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}
