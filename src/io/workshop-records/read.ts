// Reads a workshop record (ReportInput) from a workbook, from CSV files (one table each) or from JSON — including
// the files `analyze` reads — and reports every problem at its place: file, sheet, row, column.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { formatIssuePath } from "../../core/clustering/index.ts";
import type { ReportInput } from "../../core/report/input.ts";
import { type InputIssue, validateReportInput } from "../../core/report/validate.ts";
import { type FileIssue, WorkshopFileError } from "../workshop-files/errors.ts";
import { inputFromTables, issueAt, type Sources } from "./from-tables.ts";
import { type RawTable, tableFromCsv, tablesFromXlsx } from "./tables.ts";

export interface LoadedRecord {
  input: ReportInput;
  /** Problems that did not stop the reading (a repeated interest…), worth showing. */
  warnings: FileIssue[];
  /** Where a record of `input` is in the file (for problems found later, e.g. by the import). */
  locate(path: (string | number)[], message: string): FileIssue;
}

export const RECORD_EXTENSIONS = [".xlsx", ".csv", ".json"] as const;

/**
 * One .xlsx or .json file, or one or more .csv files (or a folder of them), each CSV named after its table
 * (projects.csv, results.csv, …). Throws WorkshopFileError listing every problem found.
 */
export async function readRecordFiles(paths: string[]): Promise<LoadedRecord> {
  const files = await expandFolders(paths);
  if (files.length === 0) throw new WorkshopFileError([{ file: paths.join(", "), message: "no file to read" }]);
  const extensions = new Set(files.map((f) => extname(f).toLowerCase()));
  for (const file of files) {
    const extension = extname(file).toLowerCase();
    if (!(RECORD_EXTENSIONS as readonly string[]).includes(extension))
      throw new WorkshopFileError([
        { file, message: `unsupported file type "${extension || "(none)"}": expected .xlsx, .csv or .json` },
      ]);
  }
  if (files.length > 1 && (extensions.size > 1 || !extensions.has(".csv")))
    throw new WorkshopFileError([
      { file: files.join(", "), message: "give one .xlsx or .json file, or several .csv files (one table each)" },
    ]);
  return readRecordData(await Promise.all(files.map(async (name) => ({ name, bytes: await bytesOf(name) }))), {
    workshopName: files.length > 1 ? workshopNameOf(files) : undefined,
  });
}

/** A file's name and contents, e.g. one shared in chat. */
export interface RecordFileData {
  name: string;
  bytes: Uint8Array;
}

/**
 * The same as readRecordFiles, from contents already in memory: one .xlsx or .json file, or CSV files named after
 * their table. Problems name the file by `name`.
 */
export async function readRecordData(
  files: RecordFileData[],
  options: { workshopName?: string | undefined } = {},
): Promise<LoadedRecord> {
  if (files.length === 0) throw new WorkshopFileError([{ file: "(no file)", message: "no file to read" }]);
  const extensions = new Set(files.map((f) => extname(f.name).toLowerCase()));
  for (const { name } of files) {
    const extension = extname(name).toLowerCase();
    if (!(RECORD_EXTENSIONS as readonly string[]).includes(extension))
      throw new WorkshopFileError([
        { file: name, message: `unsupported file type "${extension || "(none)"}": expected .xlsx, .csv or .json` },
      ]);
  }
  const names = files.map((f) => f.name);
  if (files.length > 1 && (extensions.size > 1 || !extensions.has(".csv")))
    throw new WorkshopFileError([
      { file: names.join(", "), message: "give one .xlsx or .json file, or several .csv files (one table each)" },
    ]);
  const first = files[0]!;
  const name = options.workshopName ?? basename(first.name, extname(first.name));
  if (extensions.has(".json")) return fromJson(new TextDecoder().decode(first.bytes), first.name);
  const tables: RawTable[] = extensions.has(".xlsx")
    ? await tablesFromXlsx(first.bytes, first.name)
    : await Promise.all(files.map(async (f) => tableFromCsv(new TextDecoder().decode(f.bytes), f.name)));
  return fromTables(tables, name, names.join(", "));
}

function fromTables(tables: RawTable[], fallbackName: string, label: string): LoadedRecord {
  if (!tables.some((t) => t.name === "projects" || t.name === "results"))
    throw new WorkshopFileError([
      { file: label, message: "found no projects or results table (sheets or CSV files named projects, results, …)" },
    ]);
  const { raw, sources, issues } = inputFromTables(tables, fallbackName);
  const validation = validateReportInput(raw);
  const locate = (issue: InputIssue) => locateIssue(issue, sources, label);
  const warnings = validation.warnings.map(locate);
  const all = [...issues, ...(validation.ok ? [] : validation.issues.map(locate))];
  if (all.length > 0 || !validation.ok) throw new WorkshopFileError(dedupe(all));
  return { input: validation.input, warnings, locate: (path, message) => locate({ path, message }) };
}

function fromJson(text: string, file: string): LoadedRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new WorkshopFileError([
      { file, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` },
    ]);
  }
  const validation = validateReportInput(interchangeToRecord(raw));
  const locate = (issue: InputIssue): FileIssue => ({
    file,
    where: formatIssuePath(issue.path),
    message: issue.message,
  });
  if (!validation.ok) throw new WorkshopFileError(validation.issues.map(locate));
  return {
    input: validation.input,
    warnings: validation.warnings.map(locate),
    locate: (path, message) => locate({ path, message }),
  };
}

/** analyze's JSON has `trl` and projects without acronyms; the record has `trlNow` and needs an acronym. */
function interchangeToRecord(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const record = raw as { projects?: unknown; results?: unknown };
  const projects = Array.isArray(record.projects)
    ? record.projects.map((p) =>
        typeof p === "object" && p !== null && !("acronym" in p) && "id" in p ? { ...p, acronym: p.id } : p,
      )
    : record.projects;
  const results = Array.isArray(record.results)
    ? record.results.map((r) =>
        typeof r === "object" && r !== null && "trl" in r && !("trlNow" in r)
          ? { ...withoutKey(r, "trl"), trlNow: (r as { trl: unknown }).trl }
          : r,
      )
    : record.results;
  return { ...record, projects, results };
}

function withoutKey(record: object, key: string): object {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** A validator issue at its place: the longest record path known, then the field's column. */
function locateIssue(issue: InputIssue, sources: Sources, label: string): FileIssue {
  for (let n = issue.path.length; n > 0; n--) {
    const place = sources.get(issue.path.slice(0, n).join("."));
    if (!place) continue;
    const field = issue.path[n];
    return issueAt(place, typeof field === "string" ? field : "", issue.message);
  }
  return { file: label, where: formatIssuePath(issue.path), message: issue.message };
}

function dedupe(issues: FileIssue[]): FileIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function expandFolders(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => extname(n).toLowerCase() === ".csv").sort();
      out.push(...names.map((n) => join(path, n)));
    } else out.push(path);
  }
  return out;
}

async function bytesOf(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkshopFileError([
      { file, message: code === "ENOENT" ? "file not found" : `cannot be read (${code ?? String(error)})` },
    ]);
  }
}

/** Several CSV files without a workshop.csv: the workshop is named after their folder. */
function workshopNameOf(files: string[]): string {
  return basename(dirname(resolve(files[0]!)));
}
