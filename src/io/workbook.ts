// What every workbook reader and writer here shares: opening a file with a clear message, and cell checks.
import ExcelJS from "exceljs";
import { WorkshopFileError } from "./workshop-files/errors.ts";

export async function loadWorkbook(data: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkshopFileError([
      { file, message: `not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})` },
    ]);
  }
  return workbook;
}

/** Rows below the heading that get the drop-down and number checks. */
const CHECKED_ROWS = 500;

/** A drop-down of `values` in a column (1-based), below the heading. */
export function listValidation(sheet: ExcelJS.Worksheet, column: number, values: readonly string[]): void {
  if (column < 1) return;
  for (let r = 2; r <= CHECKED_ROWS; r++)
    sheet.getCell(r, column).dataValidation = { type: "list", allowBlank: true, formulae: [`"${values.join(",")}"`] };
}

/** Only whole numbers from 1 to 9 in a TRL column (1-based). */
export function trlValidation(sheet: ExcelJS.Worksheet, column: number): void {
  if (column < 1) return;
  for (let r = 2; r <= CHECKED_ROWS; r++)
    sheet.getCell(r, column).dataValidation = {
      type: "whole",
      operator: "between",
      formulae: [1, 9],
      allowBlank: true,
      showErrorMessage: true,
      error: "TRL is a whole number from 1 to 9",
    };
}
