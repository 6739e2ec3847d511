import type { z } from "zod";
import { INTEREST_LEVELS, type Interest, type Workshop, workshopSchema } from "./interchange.ts";

export type IssuePath = (string | number)[];

/** One problem in a workshop, located by its JSON path (e.g. ["results", 3, "trl"]). */
export interface WorkshopIssue {
  path: IssuePath;
  message: string;
}

export type WorkshopValidation =
  | { ok: true; workshop: Workshop; warnings: WorkshopIssue[] }
  | { ok: false; issues: WorkshopIssue[]; warnings: WorkshopIssue[] };

/** Checks shape (zod) and meaning (ids, references); returns every issue found, never throws. */
export function validateWorkshop(raw: unknown): WorkshopValidation {
  const parsed = workshopSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(describeZodIssue), warnings: [] };
  const workshop = parsed.data;
  const issues = [...checkNotEmpty(workshop), ...checkIds(workshop), ...checkResults(workshop)];
  const interestCheck = checkInterests(workshop);
  issues.push(...interestCheck.issues);
  if (issues.length > 0) return { ok: false, issues, warnings: interestCheck.warnings };
  return { ok: true, workshop: { ...workshop, interests: interestCheck.kept }, warnings: interestCheck.warnings };
}

/** Renders a path the way a JSON user reads it: `results[3].trl`. */
export function formatIssuePath(path: IssuePath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${part}` : part;
  return out || "(top level)";
}

function describeZodIssue(issue: z.core.$ZodIssue): WorkshopIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  return { path, message: zodMessage(issue) };
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.message.includes("received undefined")
        ? `is required (expected ${issue.expected})`
        : `expected ${issue.expected}, ${issue.message.replace(/^.*(received \w+).*$/, "$1")}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "number" ? `expected a number ≥ ${issue.minimum}` : issue.message;
    case "too_big":
      return issue.origin === "number" ? `expected a number ≤ ${issue.maximum}` : issue.message;
    default:
      return issue.message;
  }
}

function checkNotEmpty(workshop: Workshop): WorkshopIssue[] {
  if (workshop.results.length > 0) return [];
  return [{ path: ["results"], message: "the workshop is empty: it has no results to cluster" }];
}

function checkIds(workshop: Workshop): WorkshopIssue[] {
  return [
    ...duplicates(
      workshop.projects.map((p) => p.id),
      "projects",
      "project",
    ),
    ...duplicates(
      workshop.results.map((r) => r.id),
      "results",
      "result",
    ),
  ];
}

function duplicates(ids: string[], list: string, noun: string): WorkshopIssue[] {
  const firstSeen = new Map<string, number>();
  const issues: WorkshopIssue[] = [];
  ids.forEach((value, index) => {
    const first = firstSeen.get(value);
    if (first === undefined) firstSeen.set(value, index);
    else
      issues.push({ path: [list, index, "id"], message: `duplicate ${noun} id "${value}" (also ${list}[${first}])` });
  });
  return issues;
}

function checkResults(workshop: Workshop): WorkshopIssue[] {
  const projects = new Set(workshop.projects.map((p) => p.id));
  const issues: WorkshopIssue[] = [];
  workshop.results.forEach((result, index) => {
    if (!projects.has(result.project)) {
      issues.push({ path: ["results", index, "project"], message: unknown("project", result.project, projects) });
    }
    const hasKeywords = (result.keywords ?? []).some((k) => k.trim() !== "");
    if (!result.description?.trim() && !hasKeywords) {
      issues.push({ path: ["results", index, "description"], message: "expected a description or keywords" });
    }
  });
  return issues;
}

function unknown(noun: string, value: string, known: Set<string>): string {
  const sample = [...known].sort().slice(0, 8).join(", ");
  return `unknown ${noun} "${value}"${known.size ? ` (known: ${sample}${known.size > 8 ? ", …" : ""})` : ""}`;
}

interface InterestCheck {
  issues: WorkshopIssue[];
  warnings: WorkshopIssue[];
  kept: Interest[];
}

function checkInterests(workshop: Workshop): InterestCheck {
  const projects = new Set(workshop.projects.map((p) => p.id));
  const owner = new Map(workshop.results.map((r) => [r.id, r.project]));
  const out: InterestCheck = { issues: [], warnings: [], kept: [] };
  const byPair = new Map<string, Interest>();
  workshop.interests.forEach((interest, index) => {
    const at = (field: string): IssuePath => ["interests", index, field];
    if (!projects.has(interest.project))
      out.issues.push({ path: at("project"), message: unknown("project", interest.project, projects) });
    const resultOwner = owner.get(interest.result);
    if (resultOwner === undefined) {
      out.issues.push({
        path: at("result"),
        message: `interest in ${unknown("result", interest.result, new Set(owner.keys()))}`,
      });
    } else if (resultOwner === interest.project) {
      out.warnings.push({
        path: at("project"),
        message: `project "${interest.project}" is interested in its own result "${interest.result}"; ignored`,
      });
    } else {
      keepStrongest(byPair, interest, out.warnings, at("result"));
    }
  });
  out.kept = [...byPair.values()];
  return out;
}

function keepStrongest(
  byPair: Map<string, Interest>,
  interest: Interest,
  warnings: WorkshopIssue[],
  path: IssuePath,
): void {
  const key = `${interest.project}\u0000${interest.result}`;
  const previous = byPair.get(key);
  if (previous) {
    warnings.push({
      path,
      message: `project "${interest.project}" expressed interest in "${interest.result}" twice; the higher level is kept`,
    });
    if (INTEREST_LEVELS.indexOf(previous.level) >= INTEREST_LEVELS.indexOf(interest.level)) return;
  }
  byPair.set(key, interest);
}
