// How far homework is, in one model and the same words everywhere (overview, home, reminders, digest, status):
// per result "Not started" / "Draft: 3 of 8" / "Submitted ✓", per project "1 of 3 submitted · 1 interest".
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

/** Where one result stands: nothing filled in yet, a draft with some required fields, or submitted. */
export type ResultProgress =
  | { state: "not-started" }
  | { state: "draft"; filled: number; required: number }
  | { state: "submitted" };

export interface HomeworkProgress {
  results: number;
  submitted: number;
  /** Listed results with at least one required field filled in, not submitted. */
  drafts: number;
  /** Listed results with no required field filled in (never opened, or opened and left empty). */
  notStarted: number;
  interestsGiven: number;
  /** Every result submitted, and at least one interest given. */
  done: boolean;
  /** Nothing listed, nothing characterised, no interest given. */
  untouched: boolean;
  /** The one thing to do next, e.g. "Characterise “Sensor kit”"; null when done. */
  nextStep: string | null;
}

export function resultGaps(result: ExploitableResult): ResultGaps {
  const missing = requiredCharacterisation
    .filter(({ field }) => isBlank(result[field]))
    .map((requirement) => requirement.missing);
  return { resultId: result.id, title: result.title, missing };
}

export function resultProgress(result: ExploitableResult): ResultProgress {
  if (result.status === "submitted") return { state: "submitted" };
  const required = requiredCharacterisation.length;
  const filled = required - resultGaps(result).missing.length;
  return filled === 0 ? { state: "not-started" } : { state: "draft", filled, required };
}

/** "Not started", "Draft: 3 of 8" or "Submitted ✓". */
export function resultProgressText(progress: ResultProgress): string {
  switch (progress.state) {
    case "not-started":
      return "Not started";
    case "draft":
      return `Draft: ${progress.filled} of ${progress.required}`;
    case "submitted":
      return "Submitted ✓";
  }
}

export function homeworkProgress(results: ExploitableResult[], interestsGiven: number): HomeworkProgress {
  const states = results.map((result) => ({ result, progress: resultProgress(result) }));
  const count = (state: ResultProgress["state"]) => states.filter(({ progress }) => progress.state === state).length;
  const submitted = count("submitted");
  const notStarted = count("not-started");
  const done = results.length > 0 && submitted === results.length && interestsGiven > 0;
  const unfinished = states.find(({ progress }) => progress.state !== "submitted");
  let nextStep: string | null = null;
  if (results.length === 0) nextStep = "List your project's exploitable results";
  else if (unfinished) {
    const verb = unfinished.progress.state === "not-started" ? "Characterise" : "Finish and submit";
    nextStep = `${verb} “${unfinished.result.title}”`;
  } else if (interestsGiven === 0) nextStep = "Say which other projects' results interest you";
  return {
    results: results.length,
    submitted,
    drafts: count("draft"),
    notStarted,
    interestsGiven,
    done,
    untouched: results.length === 0 && interestsGiven === 0,
    nextStep,
  };
}

/**
 * A project's progress in one line: "Not started", "1 of 3 submitted · 1 interest", "Done ✓ · 3 of 3 submitted ·
 * 2 interests". Words carry the meaning; the mark only repeats it.
 */
export function projectProgressText(progress: HomeworkProgress): string {
  if (progress.untouched) return "Not started";
  const results =
    progress.results === 0 ? "no results listed" : `${progress.submitted} of ${progress.results} submitted`;
  const interests = `${progress.interestsGiven} interest${progress.interestsGiven === 1 ? "" : "s"}`;
  return `${progress.done ? "Done ✓ · " : ""}${results} · ${interests}`;
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * The social-proof line reminders carry ("3 of 10 projects are done"), or null while no project is done: "0 of 10"
 * discourages rather than encourages.
 */
export function encouragementLine(done: number, total: number): string | null {
  if (done === 0 || total === 0) return null;
  return `${done} of ${total} ${total === 1 ? "project is" : "projects are"} done`;
}

/** The facilitators' count: "1 of 3 projects done · 1 not started". */
export function workshopProgressText(projects: readonly HomeworkProgress[]): string {
  const done = projects.filter((progress) => progress.done).length;
  const untouched = projects.filter((progress) => progress.untouched).length;
  const count = `${done} of ${projects.length} project${projects.length === 1 ? "" : "s"} done`;
  return untouched > 0 ? `${count} · ${untouched} not started` : count;
}
