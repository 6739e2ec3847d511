import { validateWorkshop } from "../../core/clustering/index.ts";
import { WorkshopFileError } from "./errors.ts";
import { locateIssue } from "./locate.ts";
import type { LoadedWorkshop } from "./types.ts";

/** Parses and validates a JSON workshop; syntax errors name the line and column. */
export function parseWorkshopJson(text: string, file: string): LoadedWorkshop {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new WorkshopFileError([
      { file, where: jsonErrorPlace(text, error), message: `not valid JSON (${jsonErrorReason(error)})` },
    ]);
  }
  return validated(raw, file);
}

function validated(raw: unknown, file: string): LoadedWorkshop {
  const result = validateWorkshop(raw);
  const warnings = result.warnings.map((w) => locateIssue(file, w));
  if (!result.ok) throw new WorkshopFileError(result.issues.map((i) => locateIssue(file, i)));
  return { workshop: result.workshop, warnings };
}

function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/ in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)/, "");
}

function jsonErrorPlace(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return `line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
}
