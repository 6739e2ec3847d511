// Tables → a raw report input, remembering where each record came from (sheet, row, column) so that every
// problem the validator finds is reported at its place in the file.
import type { FileIssue } from "../workshop-files/errors.ts";
import { normaliseKind } from "../workshop-files/tabular.ts";
import { COLUMNS, columnLetter, normaliseHeading, REQUIRED, splitList, type TableName } from "./columns.ts";
import type { RawRow, RawTable } from "./tables.ts";

/** Where a record is: its row, and the column of each of its fields. */
export interface Place {
  file: string;
  where: string;
  columns: Map<string, { letter: string; heading: string }>;
}

/** Record path prefix ("results.3", "projects.0.partners.1") → its place. */
export type Sources = Map<string, Place>;

type Fields = Map<string, string>;
interface Row {
  fields: Fields;
  place: Place;
}

export interface RawInput {
  workshop: Record<string, string>;
  projects: RawProject[];
  results: Record<string, unknown>[];
  interests: Record<string, unknown>[];
  clusters?: (Record<string, unknown> & { workPlan: Record<string, unknown>[] })[];
  unclustered?: Record<string, unknown>[];
  history: Record<string, unknown>[];
}

interface RawProject {
  id: string | undefined;
  acronym: string | undefined;
  title?: string;
  summary?: string;
  programme?: string;
  partners: Record<string, unknown>[];
  members: Record<string, unknown>[];
}

export function inputFromTables(
  tables: RawTable[],
  fallbackName: string,
): { raw: RawInput; sources: Sources; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const sources: Sources = new Map();
  const rows = new Map<TableName, Row[]>();
  for (const table of tables) {
    if (table.name === "workshop") continue;
    rows.set(table.name, [...(rows.get(table.name) ?? []), ...rowsOf(table, issues)]);
  }
  const has = (name: TableName) => tables.some((t) => t.name === name);
  const raw: RawInput = {
    workshop: workshopOf(tables, fallbackName),
    projects: [],
    results: [],
    interests: [],
    history: [],
  };
  const add = (path: string, place: Place) => sources.set(path, place);

  for (const row of rows.get("projects") ?? []) {
    const f = row.fields;
    const k = raw.projects.length;
    add(`projects.${k}`, row.place);
    raw.projects.push({
      id: f.get("id") ?? f.get("acronym"),
      acronym: f.get("acronym") ?? f.get("id"),
      title: f.get("title"),
      summary: f.get("summary"),
      programme: f.get("programme"),
      partners: splitList(f.get("partners")).map(partnerOf),
      members: splitList(f.get("members")).map(memberOf),
    });
    for (const table of ["partners", "members"] as const) {
      const cell = fieldPlace(row.place, table);
      for (let j = 0; j < raw.projects[k]![table].length; j++) add(`projects.${k}.${table}.${j}`, cell);
    }
  }
  const projectIndex = (ref: string | undefined) => {
    if (!ref) return -1;
    const exact = raw.projects.findIndex((p) => p.id === ref);
    return exact >= 0 ? exact : raw.projects.findIndex((p) => p.acronym?.toLowerCase() === ref.toLowerCase());
  };
  const attach = (table: "partners" | "members", record: (f: Fields) => Record<string, unknown>) => {
    for (const row of rows.get(table) ?? []) {
      const k = projectIndex(row.fields.get("project"));
      if (k < 0) {
        issues.push(issueAt(row.place, "project", unknownProject(row.fields.get("project"), raw.projects)));
        continue;
      }
      const list = raw.projects[k]![table];
      add(`projects.${k}.${table}.${list.length}`, row.place);
      list.push(record(row.fields));
    }
  };
  attach("partners", (f) => ({ name: f.get("name"), country: f.get("country") }));
  attach("members", (f) => ({ name: f.get("name"), email: f.get("email"), platformUser: f.get("platformUser") }));

  const resultRows = rows.get("results") ?? [];
  if (!has("projects")) projectsFromResults(resultRows, raw, add);
  for (const row of resultRows) {
    const f = row.fields;
    const k = raw.projects[projectIndex(f.get("project"))];
    add(`results.${raw.results.length}`, row.place);
    raw.results.push({
      id: f.get("id"),
      project: k?.id ?? f.get("project"),
      title: f.get("title"),
      description: f.get("description"),
      type: f.get("type"),
      keywords: splitKeywords(f.get("keywords")),
      usp: f.get("usp"),
      trlNow: trlOf(row, "trlNow", issues),
      trlExpected: trlOf(row, "trlExpected", issues),
      owners: splitList(f.get("owners")),
      iprWithin: f.get("iprWithin"),
      iprProtection: splitList(f.get("iprProtection")).map((p) => p.toLowerCase().replace(/[\s-]+/g, "_")),
      iprOutside: f.get("iprOutside"),
      market: f.get("market"),
      timeToMarket: f.get("timeToMarket"),
      needs: f.get("needs"),
      status: f.get("status")?.toLowerCase(),
    });
    // An interests table, when given, replaces the results' "interests" cells (they would repeat it).
    if (!has("interests")) interestsInCell(row, raw, add, issues);
  }
  for (const row of rows.get("interests") ?? []) {
    const f = row.fields;
    add(`interests.${raw.interests.length}`, row.place);
    raw.interests.push({
      project: projectRef(f.get("project"), raw, projectIndex),
      result: f.get("result"),
      level: f.get("level")?.toLowerCase(),
      kind: normaliseKind(f.get("kind")),
      note: f.get("note"),
    });
  }
  if (has("clusters")) clustersOf(rows, raw, add, issues);
  if (has("unclustered")) {
    raw.unclustered = [];
    for (const row of rows.get("unclustered") ?? []) {
      add(`unclustered.${raw.unclustered.length}`, row.place);
      raw.unclustered.push({ result: row.fields.get("result"), nearest: row.fields.get("nearest") ?? null });
    }
  }
  for (const row of rows.get("history") ?? []) {
    const f = row.fields;
    add(`history.${raw.history.length}`, row.place);
    raw.history.push({ at: f.get("at"), by: f.get("by"), action: f.get("action"), cluster: f.get("cluster") });
  }
  return { raw, sources, issues };
}

function rowsOf(table: RawTable, issues: FileIssue[]): Row[] {
  const name = table.name as Exclude<TableName, "workshop">;
  const fieldsOf = new Map<string, string>();
  for (const [field, headings] of Object.entries(COLUMNS[name]))
    for (const heading of headings) fieldsOf.set(heading, field);
  const fields = table.headings.map((h) => fieldsOf.get(normaliseHeading(h)));
  const prefix = table.sheet ? `${table.sheet}, ` : "";
  const required = name === "projects" && fields.includes("id") ? [] : REQUIRED[name];
  const missing = required.filter((f) => !fields.includes(f));
  for (const field of missing) {
    issues.push({
      file: table.file,
      where: `${prefix}row 1`,
      message: `missing column "${COLUMNS[name][field]![0]}" (the ${name} table needs: ${REQUIRED[name]
        .map((f) => COLUMNS[name][f]![0])
        .join(", ")})`,
    });
  }
  if (missing.length > 0) return [];
  const columns = new Map<string, { letter: string; heading: string }>();
  fields.forEach((field, k) => {
    if (field && !columns.has(field)) columns.set(field, { letter: columnLetter(k), heading: table.headings[k]! });
  });
  return table.rows.map((row: RawRow) => {
    const values: Fields = new Map();
    fields.forEach((field, k) => {
      const value = row.cells[k]?.trim();
      if (field && value && !values.has(field)) values.set(field, value);
    });
    return { fields: values, place: { file: table.file, where: `${prefix}row ${row.number}`, columns } };
  });
}

function workshopOf(tables: RawTable[], fallbackName: string): Record<string, string> {
  const keys: Record<string, string> = {
    name: "name",
    workshop: "name",
    theme: "theme",
    timezone: "timezone",
    "homework deadline": "homeworkDeadline",
    deadline: "homeworkDeadline",
    phase: "phase",
  };
  const out: Record<string, string> = { name: fallbackName };
  for (const row of tables.find((t) => t.name === "workshop")?.rows ?? []) {
    const key = keys[normaliseHeading(row.cells[0] ?? "")];
    const value = row.cells[1]?.trim();
    if (key && value) out[key] = value;
  }
  return out;
}

/** "Politechnika Łódzka (PL)" → name and country. */
function partnerOf(entry: string): Record<string, unknown> {
  const match = /^(.*\S)\s*\(([A-Za-z]{2,3})\)$/.exec(entry);
  return match ? { name: match[1], country: match[2]!.toUpperCase() } : { name: entry };
}

/** "Ana Silva <ana@example.org>", "ana@example.org", "slack:U0123" → a member. */
function memberOf(entry: string): Record<string, unknown> {
  const named = /^(.*?)\s*<([^>]+)>$/.exec(entry);
  const name = named ? named[1] || undefined : undefined;
  const id = (named ? named[2]! : entry).trim();
  return id.includes("@") ? { name, email: id } : { name, platformUser: id };
}

function splitKeywords(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(/[;,\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

function trlOf(row: Row, field: string, issues: FileIssue[]): number | undefined {
  const text = row.fields.get(field);
  if (text === undefined) return undefined;
  const value = Number(text.replace(/^trl\s*/i, ""));
  if (Number.isInteger(value) && value >= 1 && value <= 9) return value;
  issues.push(issueAt(row.place, field, `expected a whole number from 1 to 9, got "${text}"`));
  return undefined;
}

function projectRef(ref: string | undefined, raw: RawInput, index: (ref: string | undefined) => number) {
  const k = index(ref);
  return k >= 0 ? raw.projects[k]!.id : ref;
}

function unknownProject(ref: string | undefined, projects: RawProject[]): string {
  if (!ref) return "expected a project";
  const known = projects.map((p) => p.acronym ?? p.id).slice(0, 8);
  return `unknown project "${ref}"${known.length ? ` (known: ${known.join(", ")}${projects.length > 8 ? ", …" : ""})` : ""}`;
}

// A single results table (analyze's CSV) may carry its project's details on each row; the first row defines it.
function projectsFromResults(rows: Row[], raw: RawInput, add: (path: string, place: Place) => void): void {
  const known = new Set<string>();
  for (const row of rows) {
    const id = row.fields.get("project");
    if (!id || known.has(id)) continue;
    known.add(id);
    add(`projects.${raw.projects.length}`, row.place);
    raw.projects.push({
      id,
      acronym: row.fields.get("projectAcronym") ?? id,
      title: row.fields.get("projectTitle"),
      partners: [],
      members: [],
    });
  }
}

/** "P2:high:co-develop; P3:medium" in a result row: the projects interested in that result. */
function interestsInCell(row: Row, raw: RawInput, add: (path: string, place: Place) => void, issues: FileIssue[]) {
  for (const entry of splitList(row.fields.get("interests"))) {
    const [project, level, kind, ...extra] = entry.split(":").map((s) => s.trim());
    if (!project || extra.length > 0) {
      issues.push(issueAt(row.place, "interests", `expected "PROJECT[:level[:kind]]" entries, got "${entry}"`));
      continue;
    }
    add(`interests.${raw.interests.length}`, fieldPlace(row.place, "interests"));
    raw.interests.push({
      project,
      result: row.fields.get("id"),
      level: level?.toLowerCase() || undefined,
      kind: normaliseKind(kind),
    });
  }
}

function clustersOf(
  rows: Map<TableName, Row[]>,
  raw: RawInput,
  add: (path: string, place: Place) => void,
  issues: FileIssue[],
): void {
  const clusters: NonNullable<RawInput["clusters"]> = [];
  for (const row of rows.get("clusters") ?? []) {
    const f = row.fields;
    const cohesion = f.get("cohesion");
    if (cohesion !== undefined && Number.isNaN(Number(cohesion)))
      issues.push(issueAt(row.place, "cohesion", `expected a number from 0 to 1, got "${cohesion}"`));
    add(`clusters.${clusters.length}`, row.place);
    clusters.push({
      id: f.get("id"),
      label: f.get("label"),
      status: f.get("status")?.toLowerCase(),
      cohesion: cohesion === undefined ? undefined : Number(cohesion),
      results: splitList(f.get("results")),
      explanation: f.get("explanation"),
      workPlan: [],
    });
  }
  for (const row of rows.get("work-plan") ?? []) {
    const f = row.fields;
    const k = clusters.findIndex((c) => c.id === f.get("cluster"));
    if (k < 0) {
      const known = clusters.map((c) => c.id).join(", ") || "none";
      issues.push(issueAt(row.place, "cluster", `unknown cluster "${f.get("cluster")}" (clusters: ${known})`));
      continue;
    }
    const plan = clusters[k]!.workPlan;
    add(`clusters.${k}.workPlan.${plan.length}`, row.place);
    plan.push({
      activity: f.get("activity"),
      lead: f.get("lead"),
      contributors: splitList(f.get("contributors")),
      start: f.get("start"),
      end: f.get("end"),
      milestone: f.get("milestone"),
      resources: f.get("resources"),
      benefit: f.get("benefit"),
      status: f
        .get("status")
        ?.toLowerCase()
        .replace(/[\s-]+/g, "_"),
      followUp: f.get("followUp"),
    });
  }
  raw.clusters = clusters;
}

function fieldPlace(place: Place, field: string): Place {
  const column = place.columns.get(field);
  return { ...place, columns: column ? new Map([["*", column]]) : new Map() };
}

export function issueAt(place: Place, field: string, message: string): FileIssue {
  const column = place.columns.get(field) ?? place.columns.get("*");
  return {
    file: place.file,
    where: column ? `${place.where}, column ${column.letter}` : place.where,
    field: column?.heading,
    message,
  };
}
