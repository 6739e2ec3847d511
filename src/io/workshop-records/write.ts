// A workshop record as tables: one workbook with a sheet per table, or one CSV file per table. `import`,
// `report` and `analyze` read them back.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { INTEREST_KINDS, INTEREST_LEVELS } from "../../core/clustering/index.ts";
import { RESULT_STATUSES, type ReportInput, WORK_PLAN_STATUSES } from "../../core/report/input.ts";
import type { Cell, ReportSheet } from "../../core/report/sheets.ts";
import { addTable } from "../report/xlsx.ts";
import { safeCell } from "../spreadsheet-cells.ts";
import { listValidation, trlValidation } from "../workbook.ts";
import { COLUMNS, headingOf, type TableName } from "./columns.ts";

type Table = Exclude<TableName, "workshop">;
const list = (values: readonly string[]) => values.join("; ");
const width = (heading: string) => Math.min(50, Math.max(12, heading.length + 4));

function sheet(name: Table, fields: string[], rows: Cell[][], title: string = name): ReportSheet {
  return { name: title, columns: fields.map((f) => ({ header: headingOf(name, f), width: width(f) })), rows };
}

const v = (value: string | number | undefined | null): Cell => value ?? null;

/** The record's tables, in the order they are written. `withInterestCells`: results carry "P2:high:use" cells. */
export function recordTables(input: ReportInput, options: { withInterestCells?: boolean } = {}): ReportSheet[] {
  const w = input.workshop;
  const tables: ReportSheet[] = [
    {
      name: "workshop",
      columns: [
        { header: "name", width: 22 },
        { header: w.name, width: 60 },
      ],
      rows: [
        ["theme", v(w.theme)],
        ["timezone", v(w.timezone)],
        ["homework_deadline", v(w.homeworkDeadline)],
        ["phase", v(w.phase)],
      ].filter((row) => row[1] !== null),
    },
    sheet(
      "projects",
      ["id", "acronym", "title", "summary", "programme"],
      input.projects.map((p) => [p.id, p.acronym, v(p.title), v(p.summary), v(p.programme)]),
    ),
    sheet(
      "partners",
      ["project", "name", "country"],
      input.projects.flatMap((p) => p.partners.map((o) => [p.id, o.name, v(o.country)])),
    ),
    sheet(
      "members",
      ["project", "name", "email", "platformUser"],
      input.projects.flatMap((p) => p.members.map((m) => [p.id, v(m.name), v(m.email), v(m.platformUser)])),
    ),
  ];
  const interestCells = new Map<string, string[]>();
  if (options.withInterestCells)
    for (const i of input.interests)
      interestCells.set(i.result, [
        ...(interestCells.get(i.result) ?? []),
        [i.project, i.level, i.kind].filter(Boolean).join(":"),
      ]);
  const resultFields = Object.keys(COLUMNS.results).filter(
    (f) => f !== "projectAcronym" && f !== "projectTitle" && (options.withInterestCells || f !== "interests"),
  );
  tables.push(
    sheet(
      "results",
      resultFields,
      input.results.map((r) =>
        resultFields.map((f): Cell => {
          switch (f) {
            case "keywords":
              return list(r.keywords);
            case "owners":
              return list(r.owners);
            case "iprProtection":
              return list(r.iprProtection);
            case "interests":
              return v(list(interestCells.get(r.id) ?? []) || undefined);
            default:
              return v(r[f as keyof typeof r] as string | number | undefined);
          }
        }),
      ),
    ),
    sheet(
      "interests",
      ["project", "result", "level", "kind", "note"],
      input.interests.map((i) => [i.project, i.result, i.level, v(i.kind), v(i.note)]),
    ),
  );
  if (input.clusters) {
    tables.push(
      sheet(
        "clusters",
        ["id", "label", "status", "cohesion", "results", "explanation"],
        input.clusters.map((c) => [c.id, c.label, c.status, v(c.cohesion), list(c.results), v(c.explanation)]),
      ),
      sheet(
        "unclustered",
        ["result", "nearest"],
        (input.unclustered ?? []).map((u) => [u.result, v(u.nearest)]),
      ),
      sheet(
        "work-plan",
        Object.keys(COLUMNS["work-plan"]),
        input.clusters.flatMap((c) =>
          c.workPlan.map((item) => [
            c.id,
            item.activity,
            v(item.lead),
            list(item.contributors),
            v(item.start),
            v(item.end),
            v(item.milestone),
            v(item.resources),
            v(item.benefit),
            item.status,
            v(item.followUp),
          ]),
        ),
      ),
    );
  }
  if (input.history.length > 0)
    tables.push(
      sheet(
        "history",
        ["at", "by", "action", "cluster"],
        input.history.map((e) => [e.at, e.by, e.action, v(e.cluster)]),
      ),
    );
  return tables;
}

export async function recordToXlsx(input: ReportInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterbot";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const table of recordTables(input)) {
    const worksheet = addTable(workbook, table);
    if (table.name === "interests") {
      listValidation(worksheet, 3, INTEREST_LEVELS);
      listValidation(worksheet, 4, INTEREST_KINDS);
    }
    if (table.name === "results") {
      const column = (header: string) => table.columns.findIndex((c) => c.header === header) + 1;
      listValidation(worksheet, column("status"), RESULT_STATUSES);
      for (const trl of ["trl", "trl_expected"]) trlValidation(worksheet, column(trl));
    }
    if (table.name === "work-plan") listValidation(worksheet, 10, WORK_PLAN_STATUSES);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One CSV text per table: file name (e.g. "results.csv") → content. */
export function recordToCsv(input: ReportInput): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of recordTables(input, { withInterestCells: true })) {
    const rows = [table.columns.map((c) => c.header), ...table.rows].map((row) =>
      row.map((cell) => (cell === null ? "" : typeof cell === "string" ? safeCell(cell) : String(cell))),
    );
    files.set(`${table.name}.csv`, `${Papa.unparse(rows, { newline: "\n" })}\n`);
  }
  return files;
}
