import { unescapeCell } from "../spreadsheet-cells.ts";
import type { FileIssue } from "./errors.ts";
import type { SourceMap } from "./locate.ts";

/** One spreadsheet or CSV row: where it is, and its cells by canonical column name. */
export interface Row {
  where: string;
  cells: Map<string, string>;
}

export type Sheet = "projects" | "results" | "interests";

/** Accepted column headings (compared lower-case, with spaces, dashes and underscores alike) → canonical field. */
const ALIASES: Record<Sheet, Record<string, string>> = {
  projects: {
    id: "id",
    project: "id",
    "project id": "id",
    acronym: "acronym",
    title: "title",
    summary: "summary",
    "project title": "title",
  },
  results: {
    id: "id",
    result: "id",
    "result id": "id",
    project: "project",
    "project id": "project",
    "project acronym": "project_acronym",
    "project title": "project_title",
    "project summary": "project_summary",
    title: "title",
    description: "description",
    keywords: "keywords",
    type: "type",
    trl: "trl",
    usp: "usp",
    "unique selling point": "usp",
    market: "market",
    "target market": "market",
    "target users": "market",
    needs: "needs",
    "what is needed": "needs",
    interests: "interests",
    "interested projects": "interests",
  },
  interests: {
    project: "project",
    "project id": "project",
    "interested project": "project",
    result: "result",
    "result id": "result",
    level: "level",
    kind: "kind",
    note: "note",
  },
};

export const REQUIRED_COLUMNS: Record<Sheet, string[]> = {
  projects: ["id"],
  results: ["id", "project", "title"],
  interests: ["project", "result"],
};

const normaliseHeading = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

export const isResultsHeading = (heading: string) => ALIASES.results[normaliseHeading(heading)] !== undefined;

/** Maps headings to canonical fields; reports missing required columns. Unknown columns are ignored. */
export function columnsOf(
  headings: string[],
  sheet: Sheet,
  file: string,
  where: string,
): { fields: (string | undefined)[]; issues: FileIssue[] } {
  const fields = headings.map((h) => ALIASES[sheet][normaliseHeading(h)]);
  const missing = REQUIRED_COLUMNS[sheet].filter((f) => !fields.includes(f));
  const issues = missing.map((field) => ({
    file,
    where,
    field,
    message: `missing column "${field}" (expected columns: ${Object.keys(ALIASES[sheet]).slice(0, 12).join(", ")}…)`,
  }));
  return { fields, issues };
}

export function rowOf(fields: (string | undefined)[], values: string[], where: string): Row | undefined {
  const cells = new Map<string, string>();
  fields.forEach((field, k) => {
    const value = values[k]?.trim();
    if (field && value) cells.set(field, unescapeCell(value));
  });
  return cells.size > 0 ? { where, cells } : undefined;
}

const KIND_ALIASES: Record<string, string> = {
  "use it": "use",
  use: "use",
  "co develop": "co-develop",
  codevelop: "co-develop",
  "integrate with ours": "integrate",
  integrate: "integrate",
  "validate/test": "validate",
  "validate test": "validate",
  test: "validate",
  validate: "validate",
  license: "license",
  licence: "license",
  "joint exploitation": "joint-exploitation",
};

export function normaliseKind(kind: string | undefined): string | undefined {
  if (!kind) return undefined;
  const key = kind
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  return KIND_ALIASES[key] ?? kind.trim().toLowerCase();
}

export interface TabularWorkshop {
  raw: { workshop: { name: string }; projects: object[]; results: object[]; interests: object[] };
  source: SourceMap;
  issues: FileIssue[];
}

/** Builds the interchange object from rows, remembering where each record came from. */
export function workshopFromRows(name: string, sheets: Record<Sheet, Row[]>, file: string): TabularWorkshop {
  const out: TabularWorkshop = {
    raw: { workshop: { name }, projects: [], results: [], interests: [] },
    source: { projects: [], results: [], interests: [] },
    issues: [],
  };
  for (const row of sheets.projects) push(out, "projects", row.where, projectOf(row.cells));
  addProjectsFromResults(out, sheets.results);
  for (const row of sheets.results) {
    if (!row.cells.has("id") && !row.cells.has("title")) continue;
    push(out, "results", row.where, resultOf(row, file, out.issues));
    for (const interest of interestsInCell(row, file, out.issues))
      push(out, "interests", `${row.where}, "interests" cell`, interest);
  }
  for (const row of sheets.interests) {
    const c = row.cells;
    push(out, "interests", row.where, {
      project: c.get("project"),
      result: c.get("result"),
      level: c.get("level")?.toLowerCase(),
      kind: normaliseKind(c.get("kind")),
      note: c.get("note"),
    });
  }
  return out;
}

function push(out: TabularWorkshop, list: Sheet, where: string, record: object): void {
  out.raw[list].push(withoutUndefined(record));
  out.source[list].push(where);
}

function withoutUndefined(record: object): object {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function projectOf(cells: Map<string, string>): object {
  return {
    id: cells.get("id"),
    acronym: cells.get("acronym"),
    title: cells.get("title"),
    summary: cells.get("summary"),
  };
}

// A single results table (CSV) may carry the project's details on each row; the first row naming a project defines it.
function addProjectsFromResults(out: TabularWorkshop, rows: Row[]): void {
  const known = new Set(out.raw.projects.map((p) => (p as { id?: string }).id));
  for (const row of rows) {
    const id = row.cells.get("project");
    if (!id || known.has(id)) continue;
    known.add(id);
    const c = row.cells;
    push(out, "projects", row.where, {
      id,
      acronym: c.get("project_acronym"),
      title: c.get("project_title"),
      summary: c.get("project_summary"),
    });
  }
}

function resultOf(row: Row, file: string, issues: FileIssue[]): object {
  const c = row.cells;
  return {
    id: c.get("id"),
    project: c.get("project"),
    title: c.get("title"),
    description: c.get("description"),
    keywords: c
      .get("keywords")
      ?.split(/[;,\n]/)
      .map((k) => k.trim())
      .filter(Boolean),
    type: c.get("type"),
    trl: trlOf(row, file, issues),
    usp: c.get("usp"),
    market: c.get("market"),
    needs: c.get("needs"),
  };
}

function trlOf(row: Row, file: string, issues: FileIssue[]): number | undefined {
  const text = row.cells.get("trl");
  if (text === undefined) return undefined;
  const value = Number(text.replace(/^trl\s*/i, ""));
  if (Number.isInteger(value) && value >= 1 && value <= 9) return value;
  issues.push({ file, where: row.where, field: "trl", message: `expected a whole number from 1 to 9, got "${text}"` });
  return undefined;
}

/** "P2:high:co-develop; P3:medium; P4" in a result row: projects interested in that result. */
function interestsInCell(row: Row, file: string, issues: FileIssue[]): object[] {
  const cell = row.cells.get("interests");
  if (!cell) return [];
  return cell
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      const [project, level, kind, ...extra] = entry.split(":").map((s) => s.trim());
      if (!project || extra.length > 0) {
        issues.push({
          file,
          where: row.where,
          field: "interests",
          message: `expected "PROJECT[:level[:kind]]" entries separated by ";", got "${entry}"`,
        });
        return [];
      }
      return [
        { project, result: row.cells.get("id"), level: level?.toLowerCase() || undefined, kind: normaliseKind(kind) },
      ];
    });
}
