import ExcelJS from "exceljs";
import Papa from "papaparse";
import { INTEREST_KINDS, INTEREST_LEVELS, type WorkshopInput } from "../../core/clustering/index.ts";
import { safeCell, safeValue } from "../spreadsheet-cells.ts";
import { listValidation, trlValidation } from "../workbook.ts";
import type { TemplateFormat } from "./types.ts";

/** A small, valid example workshop used by every template. */
export const EXAMPLE_WORKSHOP: WorkshopInput = {
  workshop: { name: "Industry 4.0 cluster workshop" },
  projects: [
    {
      id: "P1",
      acronym: "ALPHA",
      title: "Predictive maintenance for machine tools",
      summary: "Sensors and analytics for CNC machines.",
    },
    { id: "P2", acronym: "BETA", title: "Factory testbeds", summary: "Open pilot lines for SMEs." },
  ],
  results: [
    {
      id: "R1",
      project: "P1",
      title: "Spindle health monitoring module",
      description: "Edge module estimating the remaining useful life of machine-tool spindles from vibration.",
      keywords: ["predictive maintenance", "vibration", "machine tools"],
      type: "product",
      trl: 6,
      usp: "Retrofits on any CNC machine in two hours",
      market: "Machine shops and machine-tool builders",
      needs: "Validation in a real factory with different machines",
    },
    {
      id: "R2",
      project: "P2",
      title: "Open pilot line for machining",
      description: "A fully instrumented pilot line where external teams can test equipment in production conditions.",
      keywords: ["pilot line", "testbed"],
      type: "testbed",
      trl: 7,
    },
  ],
  interests: [{ project: "P1", result: "R2", level: "high", kind: "validate", note: "To validate the module" }],
};

export async function workshopTemplate(format: TemplateFormat): Promise<string | Uint8Array> {
  switch (format) {
    case "json":
      return `${JSON.stringify(EXAMPLE_WORKSHOP, null, 2)}\n`;
    case "csv":
      return csvTemplate();
    case "xlsx":
      return xlsxTemplate();
  }
}

const RESULT_COLUMNS = [
  "id",
  "project",
  "title",
  "description",
  "keywords",
  "type",
  "trl",
  "usp",
  "market",
  "needs",
] as const;
const CSV_COLUMNS = [
  "id",
  "project",
  "project_acronym",
  "project_title",
  "title",
  "description",
  "keywords",
  "type",
  "trl",
  "usp",
  "market",
  "needs",
  "interests",
];

function csvTemplate(): string {
  const projects = new Map(EXAMPLE_WORKSHOP.projects.map((p) => [p.id, p]));
  const rows = EXAMPLE_WORKSHOP.results.map((r) => {
    const project = projects.get(r.project);
    const interested = (EXAMPLE_WORKSHOP.interests ?? [])
      .filter((i) => i.result === r.id)
      .map((i) => [i.project, i.level, i.kind].filter(Boolean).join(":"));
    return [
      r.id,
      r.project,
      project?.acronym ?? "",
      project?.title ?? "",
      r.title,
      r.description ?? "",
      (r.keywords ?? []).join("; "),
      r.type ?? "",
      r.trl ?? "",
      r.usp ?? "",
      r.market ?? "",
      r.needs ?? "",
      interested.join("; "),
    ];
  });
  return `${Papa.unparse([CSV_COLUMNS, ...rows.map((row) => row.map(safeValue))], { newline: "\n" })}\n`;
}

async function xlsxTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Clusterbot";
  const workshop = workbook.addWorksheet("workshop");
  workshop.addRow(["name", safeCell(EXAMPLE_WORKSHOP.workshop.name)]);
  addSheet(
    workbook,
    "projects",
    ["id", "acronym", "title", "summary"],
    EXAMPLE_WORKSHOP.projects.map((p) => [p.id, p.acronym, p.title, p.summary]),
  );
  const results = addSheet(
    workbook,
    "results",
    [...RESULT_COLUMNS],
    EXAMPLE_WORKSHOP.results.map((r) =>
      RESULT_COLUMNS.map((c) => (c === "keywords" ? (r.keywords ?? []).join("; ") : r[c])),
    ),
  );
  const interests = addSheet(
    workbook,
    "interests",
    ["project", "result", "level", "kind", "note"],
    (EXAMPLE_WORKSHOP.interests ?? []).map((i) => [i.project, i.result, i.level, i.kind, i.note]),
  );
  listValidation(interests, 3, INTEREST_LEVELS);
  listValidation(interests, 4, INTEREST_KINDS);
  trlValidation(results, RESULT_COLUMNS.indexOf("trl") + 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headings: string[], rows: unknown[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = headings.map((header) => ({ header, key: header, width: Math.max(12, header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => safeValue(v ?? null)));
  return sheet;
}
