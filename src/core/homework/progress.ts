// How far a project's homework is, and what exactly is missing, in words a partner understands.
import type { ExploitableResult } from "../model/domain.ts";

/** The characterisation fields a result needs before its homework counts as complete, with how to name them. */
export const requiredCharacterisation = [
  { field: "description", missing: "a description" },
  { field: "type", missing: "a type" },
  { field: "trlNow", missing: "a TRL" },
  { field: "owners", missing: "their owners" },
  { field: "iprWithin", missing: "their IPR situation" },
  { field: "iprOutside", missing: "their IPR situation outside the project" },
  { field: "targetMarket", missing: "a target market" },
  { field: "needs", missing: "what is needed to exploit them" },
] as const satisfies readonly { field: keyof ExploitableResult; missing: string }[];

export interface ResultGaps {
  resultId: string;
  title: string;
  missing: string[];
}

export interface HomeworkProgress {
  results: number;
  submitted: number;
  drafts: number;
  /** Results whose characterisation lacks a required field. */
  incomplete: ResultGaps[];
  interestsGiven: number;
  done: boolean;
  /** e.g. "2 results lack their IPR situation; no interests given yet". Empty when done. */
  missingSummary: string;
}

export function resultGaps(result: ExploitableResult): ResultGaps {
  const missing = requiredCharacterisation
    .filter(({ field }) => isBlank(result[field]))
    .map((requirement) => requirement.missing);
  return { resultId: result.id, title: result.title, missing };
}

export function homeworkProgress(results: ExploitableResult[], interestsGiven: number): HomeworkProgress {
  const incomplete = results.map(resultGaps).filter((gaps) => gaps.missing.length > 0);
  const submitted = results.filter((result) => result.status === "submitted").length;
  const drafts = results.length - submitted;
  const done = results.length > 0 && incomplete.length === 0 && drafts === 0 && interestsGiven > 0;
  return {
    results: results.length,
    submitted,
    drafts,
    incomplete,
    interestsGiven,
    done,
    missingSummary: done ? "" : describeMissing(results.length, incomplete, drafts, interestsGiven),
  };
}

function describeMissing(results: number, incomplete: ResultGaps[], drafts: number, interests: number): string {
  const parts: string[] = [];
  if (results === 0) parts.push("no exploitable results listed yet");
  const countsByGap = new Map<string, number>();
  for (const gaps of incomplete) {
    for (const missing of gaps.missing) countsByGap.set(missing, (countsByGap.get(missing) ?? 0) + 1);
  }
  for (const { missing } of requiredCharacterisation) {
    const count = countsByGap.get(missing);
    if (count) parts.push(`${count} ${count === 1 ? "result lacks" : "results lack"} ${missing}`);
  }
  const unsubmittedComplete = Math.max(0, drafts - incomplete.length);
  if (unsubmittedComplete > 0) {
    parts.push(`${unsubmittedComplete} ${unsubmittedComplete === 1 ? "result is" : "results are"} still a draft`);
  }
  if (interests === 0) parts.push("no interests given yet");
  return parts.join("; ");
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** "14 of 20 projects are done" — the social-proof line reminders carry. */
export function completionLine(done: number, total: number): string {
  return `${done} of ${total} ${total === 1 ? "project is" : "projects are"} done`;
}
