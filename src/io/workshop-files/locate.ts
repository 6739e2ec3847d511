import { formatIssuePath, type WorkshopIssue } from "../../core/clustering/index.ts";
import type { FileIssue } from "./errors.ts";

/** Where each record of the workshop came from, by list and index (e.g. results[3] → "row 5"). */
export type SourceMap = Record<"projects" | "results" | "interests", string[]>;

/** Turns a validation issue (JSON path) into a file issue; tabular sources name the row instead of the path. */
export function locateIssue(file: string, issue: WorkshopIssue, source?: SourceMap): FileIssue {
  const [list, index, field, ...rest] = issue.path;
  const row =
    source && typeof list === "string" && typeof index === "number"
      ? source[list as keyof SourceMap]?.[index]
      : undefined;
  if (row !== undefined) {
    const fieldName = typeof field === "string" ? [field, ...rest].join(".") : undefined;
    return { file, where: row, field: fieldName, message: issue.message };
  }
  return { file, where: formatIssuePath(issue.path), message: issue.message };
}
