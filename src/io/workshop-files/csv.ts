import { basename, extname } from "node:path";
import Papa from "papaparse";
import { detectDelimiter } from "../csv-delimiter.ts";
import { WorkshopFileError } from "./errors.ts";
import { finishTabular } from "./finish.ts";
import { columnsOf, isResultsHeading, type Row, rowOf, workshopFromRows } from "./tabular.ts";
import type { LoadedWorkshop } from "./types.ts";

/**
 * One row per result; project details may repeat on each row; an "interests" cell lists the projects interested
 * in that result ("P2:high:co-develop; P3:medium"). Rows are numbered as in a spreadsheet (heading = row 1).
 */
export function parseWorkshopCsv(text: string, file: string): LoadedWorkshop {
  const delimiter = detectDelimiter(text, isResultsHeading);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, delimiter });
  const syntax = parsed.errors
    .filter((e) => e.code !== "UndetectableDelimiter")
    .map((e) => ({ file, where: e.row === undefined ? undefined : `row ${e.row + 1}`, message: `CSV: ${e.message}` }));
  const [headings, ...records] = parsed.data;
  if (!headings || headings.every((h) => !h.trim())) {
    throw new WorkshopFileError([
      {
        file,
        where: "row 1",
        message: "the file is empty: expected a heading row (id, project, title, description, …)",
      },
    ]);
  }
  const columns = columnsOf(headings, "results", file, "row 1");
  if (columns.issues.length > 0 || syntax.length > 0) throw new WorkshopFileError([...syntax, ...columns.issues]);
  const rows = records
    .map((values, k) => rowOf(columns.fields, values, `row ${k + 2}`))
    .filter((r): r is Row => r !== undefined);
  const name = basename(file, extname(file));
  return finishTabular(workshopFromRows(name, { projects: [], results: rows, interests: [] }, file), file);
}
